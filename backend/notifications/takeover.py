"""What a person is told when they take over the account a village assistant made for them (POST /me/claim).

Someone without a smartphone was helped in person (seed 004, 政策告知书 三: 个人申请确有困难的，可委托他人或由所在
村（居）民委员会代为申请); when they later log in on their own WeChat, the applications already in the account are
theirs, and nobody has told them of them yet. Seed 001 item 11 asks that people who could not use smart devices are
not left out of the online service: so each application gets one notification, saying who (by role and office, never
by name, as the status timeline does), when, what stage it is at and what to do now, and, where someone else
acknowledged the policy notice for them, that changes at home must be reported (seed 003 item 4, seed 001 item 8).

Like every notification, the row stores what happened (codes and dates); the words are made when it is read, in the
reader's language and in both forms, and the notifications route says them aloud. No WeChat message is sent: the
person is in the mini program at that moment, and the claim's answer says the same."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backend.accounts.models import Role, User
from backend.applications.models import Application, StatusEvent
from backend.applications.stages import Stage
from backend.identity.place_names import place_name
from backend.messages.catalog import Words, day_words, join, say
from backend.messages.describe import field_label
from backend.notifications.models import Notification
from backend.runtime import china_date
from backend.unit_of_work import UnitOfWork

SUBMITTED_EVENT = "taken_over_submitted"
DRAFT_EVENT = "taken_over_draft"
TAKEOVER_EVENTS = (SUBMITTED_EVENT, DRAFT_EVENT)

IN_REVIEW = frozenset({Stage.SUBMITTED, Stage.HANDED_OFF, Stage.ACCEPTED, Stage.TOWNSHIP_REVIEW,
                       Stage.FEDERATION_REVIEW, Stage.CIVIL_AFFAIRS_APPROVAL})
DECIDED_FOR = frozenset({Stage.APPROVED, Stage.PUBLIC_NOTICE, Stage.PAYING})
# Roles that could have acted for the person; "applicant" cannot (the account had no login of its own) and would
# read "the applicant submitted it for you".
HELPER_ROLES = frozenset({"assistant", "village_committee", "guardian", "entrusted", "institution"})


def announce_takeover(uow: UnitOfWork, user_id: str, applications: list[Application], *,
                      assistant_helps: bool = False) -> list[Notification]:
    """One notification to `user_id` for each of `applications` (already theirs), oldest first; the ones they
    were already told of are not told again, so a repeated takeover never doubles them. `assistant_helps`: the
    assistant's grant goes on (the person consented to it), which they are told, with how to end it."""
    told = {row.application_id: row for row in uow.session.scalars(select(Notification).where(
        Notification.user_id == user_id, Notification.event_type.in_(TAKEOVER_EVENTS)))}
    notes = []
    for application in sorted(applications, key=lambda item: item.created_at):
        if application.id in told:
            notes.append(told[application.id])
            continue
        what = _what_happened(uow, application)
        if what is None:
            continue
        event_type, params = what
        params["assistant_helps"] = assistant_helps
        note = Notification(user_id=user_id, application_id=application.id, event_type=event_type, params=params,
                            created_at=uow.now)
        uow.session.add(note)
        notes.append(note)
    uow.session.flush()
    return notes


def takeover_words(event_type: str, params: dict[str, Any], locale: str) -> Words:
    stage = Stage(params["stage"])
    helper = say(f"role.{params['by_role']}", locale) if params.get("by_role") in HELPER_ROLES \
        else say("role.assistant", locale)
    office = place_name(params.get("by_office"), locale)
    if office:
        helper = say("takeover.helper_with_office", locale, office=Words(office, office), role=helper)
    subsidies = join([say(f"subsidy.{subsidy}", locale) for subsidy in params.get("subsidies", [])], locale)
    return say(f"notification.{event_type}", locale, helper=helper, date=day_words(params["on"], locale),
               reference=params["reference"], stage=say(f"stage.{stage.value}", locale),
               subsidies=subsidies,
               next=_next(stage, params, locale))


def _what_happened(uow: UnitOfWork, application: Application) -> tuple[str, dict[str, Any]] | None:
    stage = Stage(application.stage)
    events = uow.applications.timeline(application)
    if application.submission_count == 0:
        if stage is not Stage.DRAFT:
            return None  # withdrawn before it was ever submitted: nothing was sent and nothing can be continued
        event_type, acted = DRAFT_EVENT, _first(events, ("created",))
        by_user_id, on = application.created_by_user_id, application.created_at
    else:
        first = uow.applications.submission(application, 1)
        event_type, acted = SUBMITTED_EVENT, _first(events, ("submitted",))
        by_user_id = first.submitted_by_user_id if first else application.created_by_user_id
        on = first.submitted_at if first else (application.first_submitted_at or application.created_at)
    by = uow.session.get(User, by_user_id)
    params = {
        "reference": application.reference, "stage": stage.value, "subsidies": list(application.subsidies),
        "on": china_date(on).isoformat(), "by_role": acted.actor_role if acted else "assistant",
        # The office of an assistant (their county), never their name: the timeline names roles only.
        "by_office": by.region_code if by is not None and by.role == Role.ASSISTANT.value else None,
    }
    if stage is Stage.CORRECTION_REQUESTED:
        # What to correct, as field codes (words are made when read); the reviewer's reason stays in the status.
        request = _last(events, "correction_requested")
        params["items"] = list((request.details or {}).get("items", [])) if request else []
    if stage is Stage.WITHDRAWN:
        withdrawn = _last(events, "withdrawn")
        params["withdrawn_by"] = withdrawn.actor_role if withdrawn else None
    return event_type, params


def _next(stage: Stage, params: dict[str, Any], locale: str) -> Words:
    if stage in IN_REVIEW:
        parts = [say("takeover.next.in_review", locale), say("takeover.pledge", locale)]
    elif stage is Stage.CORRECTION_REQUESTED:
        items = params.get("items") or []
        if items:
            named = join([field_label(item, locale) for item in items], locale)
            parts = [say("takeover.next.correct_items", locale, items=named), say("takeover.pledge", locale)]
        else:
            parts = [say("takeover.next.correction_requested", locale), say("takeover.pledge", locale)]
    elif stage in DECIDED_FOR:
        parts = [say("takeover.next.decided", locale), say("takeover.pledge", locale)]
    elif stage is Stage.REJECTED:
        parts = [say("takeover.next.rejected", locale)]
    elif stage is Stage.WITHDRAWN:
        who = params.get("withdrawn_by")
        parts = [say("takeover.next.withdrawn_by", locale, who=say(f"role.{who}", locale)) if who in HELPER_ROLES
                 else say("takeover.next.withdrawn", locale)]
    else:
        parts = []
    if params.get("assistant_helps") and stage not in (Stage.REJECTED, Stage.WITHDRAWN):
        parts.append(say("takeover.assistant_still_helps", locale))
    # Chinese sentences end in their own full stop; English ones need a space between them.
    between = "" if locale.startswith("zh") else " "
    return Words(between.join(words.text for words in parts), between.join(words.easy_read for words in parts))


def _first(events: list[StatusEvent], types: tuple[str, ...]) -> StatusEvent | None:
    return next((event for event in events if event.type in types), None)


def _last(events: list[StatusEvent], event_type: str) -> StatusEvent | None:
    return next((event for event in reversed(events) if event.type == event_type), None)
