"""The built-in review desk: the embedded stand-in for the review system. Reviewers of a region list
the submitted applications of their region and record decisions; each decision becomes a review
event applied by the same code as events from an external system."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError

from backend.accounts.actor import Actor
from backend.applications.access import Purpose
from backend.applications.stages import ReviewEventType, Stage, stage_after
from backend.applications.status import deadlines_document
from backend.errors import Conflict
from backend.messages.catalog import say
from backend.messages.locales import DEFAULT_LOCALE
from backend.review.events import EventOutcome, ReviewEvent, apply_review_event
from backend.representation.proofs import desk_proofs
from backend.review.packet import assistance_facts
from backend.review.same_person import same_person_flags
from backend.review.system import BuiltInDesk
from backend.unit_of_work import unit_of_work

DESK_STAGES = [stage.value for stage in Stage if stage is not Stage.DRAFT]


def list_for_review(actor: Actor, *, stages: list[str] | None = None, late: bool | None = None,
                    late_first: bool = False, locale: str = DEFAULT_LOCALE) -> list[dict[str, Any]]:
    """The reviewer's list: each application with its deadlines (as the applicant's status shows them) and
    a `late` flag; `late` filters on it, `late_first` puts the late ones first (then the longest overdue)."""
    from backend.applications.service import _present  # the same document the applicant sees, masked

    with unit_of_work() as uow:
        applications = uow.applications.list_for(actor, Purpose.REVIEW, stages=stages or DESK_STAGES)
        documents = []
        for application in applications:
            deadlines = deadlines_document(application, locale)
            is_late = bool(deadlines and (deadlines["hand_off_late"] or deadlines["decision_late"]))
            if late is not None and is_late is not late:
                continue
            uow.audit.record(actor, "application.listed_for_review", application_id=application.id, role="reviewer")
            document = _present(uow, actor, application)
            submission = uow.applications.submission(application)
            # What the reviewer needs beside the application: our evaluator's advice at submission, and how
            # an assistant got the person's consent (flagged when it was recorded in person).
            document["eligibility_at_submission"] = submission.eligibility if submission else None
            document["representation"] = assistance_facts(uow, application)
            document["proofs"] = desk_proofs(uow, application)  # the photos, at GET .../representations/{id}/proof
            document["deadlines"] = deadlines
            document["late"] = is_late
            document["preferred_contact"] = _preferred_contact(uow, application, locale)
            document["review_flags"] = (_flags(uow.applications.timeline(application))
                                        + same_person_flags(uow.session, application, locale))
            documents.append(document)
        uow.commit()
    if late_first:
        # Stable sort: late ones first, the most overdue decision first among them; the rest keep their order.
        documents.sort(key=lambda d: (not d["late"], (d["deadlines"]["decision_by"] or "") if d["late"] else ""))
    return documents


def _preferred_contact(uow, application, locale: str) -> dict[str, Any] | None:
    """How the applicant (the application's owner, not whoever acts for them) asked to be reached, in the
    reviewer's words: a deaf applicant who chose WeChat messages should not get a phone call."""
    from backend.accounts.preferences import UserPreferences

    row = uow.session.get(UserPreferences, application.owner_user_id)
    if row is None or row.preferred_contact is None:
        return None
    return {"choice": row.preferred_contact, **say(f"choice.{row.preferred_contact}", locale).as_dict()}


def _flags(events: list[Any]) -> list[dict[str, Any]]:
    """What the review events recorded for the reviewer's attention, e.g. an approved amount other than the
    one our policy data gives for the region (backend.review.events.validate_for_application)."""
    return [flag for event in events for flag in (event.details or {}).get("flags", [])]


def record_decision(actor: Actor, application_id: str, decision_type: ReviewEventType, *,
                    reason: str | None = None, items: list[str] | None = None,
                    monthly_amounts: dict[str, str] | None = None, start_month: str | None = None,
                    notice_from: str | None = None, notice_to: str | None = None) -> EventOutcome:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.REVIEW, for_update=True)
        if uow.runtime.review_system.name != BuiltInDesk.name:
            # Handed off to an external review system, which decides and posts its events back: a decision
            # recorded here too would let two systems decide one application (one that may never have arrived).
            raise Conflict("review_desk_not_in_use")
        current = Stage(application.stage)
        if stage_after(current, decision_type) is current:
            # The desk is a person at a screen: tell them the decision does not fit, rather than
            # silently recording it as an external system's late event would be.
            raise Conflict("decision_not_possible_now", params={"stage": current.value,
                                                                "decision": decision_type.value})
        event = ReviewEvent(
            event_id=f"desk-{uuid.uuid4().hex}", type=decision_type, application_reference=application.reference,
            occurred_at=uow.now, reason=reason, items=tuple(items or ()), monthly_amounts=dict(monthly_amounts or {}),
            start_month=start_month, notice_from=notice_from, notice_to=notice_to)
        outcome = apply_review_event(uow, event, application=application)
        uow.audit.record(actor, f"review.{decision_type.value}", application_id=application.id)
        uow.commit()
        return outcome


def receive_review_event(event: ReviewEvent) -> EventOutcome:
    """An event from the external review system (already authenticated by its signature)."""
    for _ in range(2):
        try:
            with unit_of_work() as uow:
                outcome = apply_review_event(uow, event)
                uow.audit.record(None, f"review_event.{event.type.value}", application_id=outcome.application_id,
                                 role="review_system")
                uow.commit()
                return outcome
        except IntegrityError:
            continue  # the same event id arrived twice at once; the second look finds the first
    raise Conflict("event_conflict")
