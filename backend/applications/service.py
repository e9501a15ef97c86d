"""Use cases of an application, each one transaction with the acting user first:
create_application, save_draft, submit_application, withdraw_application, get_application,
list_applications.

What a save changes (`DraftChanges`, the input of create_application and save_draft) and the rules it must
pass live in `changes`; `DraftChanges` is offered here too, with the use cases that take it."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications import presenter
from backend.applications.access import Purpose, Relation, stage_allows
from backend.applications.changes import (
    DraftChanges,
    applied_from_errors,
    apply_changes,
    choice_list_errors,
    consented,
    ordered,
)
from backend.applications.completeness import missing_items
from backend.applications.fields import DERIVED_FIELDS, FIELDS, get_path
from backend.applications.models import Application, StatusEvent, Submission
from backend.applications.roles import role_word
from backend.applications.stages import TERMINAL, Stage, review_started, why_locked
from backend.db.base import new_id
from backend.applications.vocabulary import APPLYING_AS, CHANNELS, MATERIAL_KINDS, SUBSIDIES
from backend.errors import Conflict, FieldError, Incomplete, InvalidInput, NotPermitted, StaleVersion, VersionRequired
from backend.messages.locales import DEFAULT_LOCALE
from backend.policy.presenter import evaluation_document, submission_warnings
from backend.materials.service import mark_submitted
from backend.policy.service import checklist_items, evaluate_application
from backend.runtime import china_date, runtime, today
from backend.unit_of_work import UnitOfWork, unit_of_work

__all__ = [
    "DraftChanges", "create_application", "get_application", "list_applications", "may_reveal_numbers", "save_draft",
    "submit_application", "withdraw_application",
]


def create_application(actor: Actor, *, subsidies: list[str], applying_as: str, channel: str = "miniprogram",
                       changes: DraftChanges | None = None, applied_from_region: str | None = None,
                       applicant_user_id: str | None = None) -> dict[str, Any]:
    """A person starts their own application (or one for whom they are guardian); a village assistant
    starts one for a person who consented to their help (seed 004: 由所在村（居）民委员会代为申请).

    `channel` is where the request came in, given by the endpoint (the mini program's API, the official
    account's conversation), never by the client; an assistant's application is always `assistant`, and
    nobody else's is, so the statistics by channel (seed 002) count what really happened."""
    if actor.role not in (Role.PUBLIC, Role.ASSISTANT):
        raise NotPermitted("only_people_apply")
    if channel == "assistant" and actor.role is not Role.ASSISTANT:
        raise NotPermitted("wrong_role")
    _check_choice_list("subsidies", subsidies, SUBSIDIES)
    _check_choice("applying_as", applying_as, APPLYING_AS)
    _check_choice("channel", channel, CHANNELS)
    if applied_from_region is not None and (errors := applied_from_errors(applied_from_region)):
        raise InvalidInput(errors=errors)
    with unit_of_work() as uow:
        owner = actor.user_id
        if actor.role is Role.ASSISTANT:
            if not applicant_user_id:
                raise InvalidInput(errors=[FieldError("applicant_id", "required")])
            from backend.representation.service import active_assistance_for
            active_assistance_for(uow, actor, applicant_user_id)
            owner, applying_as, channel = applicant_user_id, "village_committee", "assistant"
            applied_from_region = applied_from_region or actor.region_code
        elif applicant_user_id not in (None, actor.user_id):
            raise NotPermitted("only_assistants_apply_for_others")
        from backend.representation.service import withdraw_declines
        withdraw_declines(uow, owner)
        # The id is chosen now, not at flush: the content is encrypted with the id as associated data.
        application = Application(
            id=new_id(), reference=_new_reference(uow), owner_user_id=owner, created_by_user_id=actor.user_id,
            stage=Stage.DRAFT.value, version=1, subsidies=ordered(subsidies, SUBSIDIES), applying_as=applying_as,
            channel=channel, applied_from_region=applied_from_region, created_at=uow.now, updated_at=uow.now,
        )
        uow.applications.store_content(application, {})
        uow.applications.add(application)
        uow.applications.flush()
        if changes is not None:
            apply_changes(uow, actor, application, changes)
        if actor.role is Role.ASSISTANT:
            _assistant_is_the_proxy(uow, actor, application)
        uow.applications.add(StatusEvent(
            application_id=application.id, type="created", stage_after=Stage.DRAFT.value,
            actor_role=role_word(uow, actor, application), occurred_at=uow.now, recorded_at=uow.now))
        uow.audit.record(actor, "application.created", application_id=application.id,
                         fields=changes.field_names() if changes else (), role=role_word(uow, actor, application))
        uow.commit()
        return _present(uow, actor, application)


def get_application(actor: Actor, application_id: str, *, reveal: bool = False) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.REVEAL if reveal else Purpose.VIEW)
        if reveal:
            uow.audit.record(actor, "numbers.revealed", application_id=application.id,
                             role=role_word(uow, actor, application))
        uow.commit()
        return _present(uow, actor, application, reveal=reveal)


def check_access(actor: Actor, application_id: str, purpose: Purpose) -> None:
    """NotFound unless `actor` may still do `purpose` to the application, as the use case itself would ask: an
    answer kept for a retried request (Idempotency-Key) is replayed only to whoever may still reach what it shows."""
    with unit_of_work() as uow:
        uow.applications.get_for(actor, application_id, purpose)


def may_reveal_numbers(actor: Actor, application_id: str) -> bool:
    """Whether `actor` may read this application's whole ID and certificate numbers (`reveal=True`): the applicant,
    a guardian, the assistant, the reviewer; never a family member or an entrusted person of any scope (README).
    Asked before using a whole number for someone, so that whoever may not read it is asked it instead of failing.
    Only a yes or no, nothing of the file: so no access record (the applicant's access log would show a "viewed"
    line for each question a helper answered); the read that follows, if any, is recorded as ever."""
    with unit_of_work() as uow:
        application = uow.session.get(Application, application_id)
        return application is not None and Purpose.REVEAL in uow.applications.purposes_of(actor, application)


def list_applications(actor: Actor) -> list[dict[str, Any]]:
    with unit_of_work() as uow:
        return [_present(uow, actor, application) for application in uow.applications.list_for(actor)]


def save_draft(actor: Actor, application_id: str, changes: DraftChanges, *,
               expected_version: int | None) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT, for_update=True)
        if not stage_allows(Purpose.EDIT, Stage(application.stage)):
            why = why_locked(Stage(application.stage))
            raise Conflict("not_editable", params={"stage": application.stage},
                           text_code=f"not_editable_{why}" if why else None)
        if expected_version is None:
            raise VersionRequired(params={"current_version": application.version})
        if expected_version != application.version:
            raise StaleVersion(application.version)
        apply_changes(uow, actor, application, changes)
        application.version += 1
        uow.audit.record(actor, "draft.saved", application_id=application.id, fields=changes.field_names(),
                         role=role_word(uow, actor, application))
        uow.commit()
        return _present(uow, actor, application)


def submit_application(actor: Actor, application_id: str, *, locale: str = "zh_Hans_CN") -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.SUBMIT, for_update=True)
        stage = Stage(application.stage)
        if not stage_allows(Purpose.SUBMIT, stage):
            raise Conflict("already_submitted" if stage not in (Stage.WITHDRAWN, Stage.REJECTED) else "closed",
                           params={"stage": stage.value})
        content = uow.applications.content(application)
        problems = _missing(uow, application, content)
        if problems:
            raise Incomplete(errors=problems)
        resubmission = stage is Stage.CORRECTION_REQUESTED
        application.first_submitted_at = application.first_submitted_at or uow.now
        # The same evaluator as the self-check; it never blocks (applying is a right), it warns, and
        # its result goes to the reviewer with the submission.
        evaluation = evaluate_application(application, content)
        application.submission_count += 1
        submitted_materials = mark_submitted(uow, application)
        application.stage = Stage.SUBMITTED.value
        application.submitted_at = uow.now
        # Online applications are handled from the day their materials are complete (seed 002); until
        # materials are checked separately, a complete submission is that day.
        application.materials_complete_at = uow.now
        application.handed_off_at = None
        application.version += 1
        application.updated_at = uow.now
        from backend.review.packet import submitted_facts
        uow.applications.add(Submission(
            application_id=application.id, number=application.submission_count,
            content=uow.applications.freeze(application, application.submission_count,
                                            facts=submitted_facts(uow, application)),
            eligibility=evaluation_document(evaluation, DEFAULT_LOCALE, requested=list(application.subsidies)),
            materials=submitted_materials,
            submitted_by_user_id=actor.user_id, submitted_at=uow.now))
        uow.applications.add(StatusEvent(
            application_id=application.id, type="resubmitted" if resubmission else "submitted",
            stage_after=Stage.SUBMITTED.value, actor_role=role_word(uow, actor, application), occurred_at=uow.now,
            recorded_at=uow.now, submission_number=application.submission_count))
        from backend.review.handoff import queue_handoff
        queue_handoff(uow, application)
        uow.audit.record(actor, "application.submitted", application_id=application.id,
                         role=role_word(uow, actor, application))
        uow.commit()
        document = _present(uow, actor, application)
        document["eligibility"] = evaluation_document(evaluation, locale, requested=list(application.subsidies))
        document["warnings"] = submission_warnings(evaluation, application.subsidies, locale)
        return document


def withdraw_application(actor: Actor, application_id: str, *, locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """Answers with the application and a `message` saying it is withdrawn and how to apply again (a new application,
    paid from its own month: seed 001 item 9); the applicant and whoever follows it are notified, as of any stage
    change, so a relative or an assistant learns it too, and someone who reads only text is told in words."""
    from backend.messages.catalog import say
    from backend.notifications.service import notify_status_change

    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.WITHDRAW, for_update=True)
        stage = Stage(application.stage)
        if stage in TERMINAL:
            raise Conflict("cannot_withdraw", params={"stage": application.stage},
                           text_code="cannot_withdraw_withdrawn" if stage is Stage.WITHDRAWN else None)
        if not stage_allows(Purpose.WITHDRAW, stage) or review_started(
                [event.type for event in uow.applications.timeline(application)]):
            # The review office holds the case now: withdrawing is a request to it, by phone (issue 2).
            # Without an office in the policy data, the words send the person to the township instead.
            contact = _office_contact(application)
            raise Conflict("withdraw_ask_the_office", params={"stage": application.stage, **contact},
                           text_code=None if contact else "withdraw_ask_the_office_no_contact")
        application.stage = Stage.WITHDRAWN.value
        application.closed_at = uow.now
        from backend.review.handoff import cancel_handoffs
        cancel_handoffs(uow, application)  # not yet delivered (the review system was down): never delivered
        application.version += 1
        application.updated_at = uow.now
        uow.applications.add(StatusEvent(
            application_id=application.id, type="withdrawn", stage_after=Stage.WITHDRAWN.value,
            actor_role=role_word(uow, actor, application), occurred_at=uow.now, recorded_at=uow.now))
        notify_status_change(uow, application, "withdrawn")
        uow.audit.record(actor, "application.withdrawn", application_id=application.id,
                         role=role_word(uow, actor, application))
        uow.commit()
        document = _present(uow, actor, application)
        document["message"] = say("withdraw.done", locale, reference=application.reference,
                                  next=say("next.withdrawn", locale)).as_dict()
        return document


def _office_contact(application: Application) -> dict[str, str]:
    """The review office's name and phone from the policy data (the nearest office first); none when the
    policy data of the application's county names no office."""
    from backend.policy.presenter import contacts_document

    contacts = contacts_document(runtime().policy.resolve(application.office_region or "000000", today()))
    if not contacts:
        return {}
    return {"office": contacts[0]["office"], "office_region": contacts[0]["region_code"], "phone": contacts[0]["phone"]}


def _assistant_is_the_proxy(uow: UnitOfWork, actor: Actor, application: Application) -> None:
    """Seed 004 (政策告知书 三: 由所在村（居）民委员会代为申请): the village committee applies, through its assistant.
    Who applies is the assistant's own account, so its name and relation are filled from it, never asked."""
    from backend.accounts.models import User

    content = uow.applications.content(application)
    assistant = uow.session.get(User, actor.user_id)
    proxy = dict(content.get("proxy") or {})
    if not proxy.get("name") and assistant.display_name:
        proxy["name"] = assistant.display_name
    if not proxy.get("relation"):
        proxy["relation"] = "village_committee"
    uow.applications.store_content(application, {**content, "proxy": proxy})


def _missing(uow: UnitOfWork, application: Application, content: dict[str, Any]) -> list[FieldError]:
    """Every field and material still missing; the checklist decides which materials this person needs."""
    problems = missing_items(subsidies=application.subsidies, applying_as=application.applying_as,
                             content=content, consented=consented(uow, application),
                             proxy_on_record=application.channel == "assistant")
    for item in checklist_items(uow, application):
        if not item.satisfied and item.by_field is None:
            problems.append(FieldError(item.item, "material_missing"))
    if application.stage == Stage.CORRECTION_REQUESTED.value:
        problems.extend(_photos_asked_for_again(uow, application))
        already = {problem.path for problem in problems}
        problems.extend(problem for problem in _fields_asked_for_still_empty(uow, application, content)
                        if problem.path not in already)
    return problems


def _photos_asked_for_again(uow: UnitOfWork, application: Application) -> list[FieldError]:
    """A photo the reviewer asked for in a correction must be a new one: the photo already submitted is what they
    could not use. (A field asked for may be confirmed as it stands: the reviewer may have asked to check it.)"""
    asked = [item for item in uow.applications.correction_items(application) if item in MATERIAL_KINDS]
    new = uow.applications.kinds_not_yet_submitted(application)
    return [FieldError(kind, "correction_photo_needed") for kind in asked if kind not in new]


def _fields_asked_for_still_empty(uow: UnitOfWork, application: Application,
                                  content: dict[str, Any]) -> list[FieldError]:
    """A field the reviewer asked for in a correction that is still empty: the correction cannot be sent without
    it, even where a first submission may leave it out (an assistant's application needs no phone of the person,
    but the reviewer asked for one because they could not reach them). An answer given, even "none" (an empty
    list of other benefits), is an answer: the reviewer may have asked to check it."""
    problems = []
    for item in uow.applications.correction_items(application):
        paths = [item] if item in FIELDS else [path for path in FIELDS if path.startswith(item + ".")]
        paths = [path for path in paths if path not in DERIVED_FIELDS]
        if paths and all(get_path(content, path) in (None, "", {}) for path in paths):
            problems.append(FieldError(item, "correction_field_empty"))
    return problems


def _present(uow: UnitOfWork, actor: Actor, application: Application, *, reveal: bool = False) -> dict[str, Any]:
    content = uow.applications.content(application)
    editable = application.stage in (Stage.DRAFT.value, Stage.CORRECTION_REQUESTED.value)
    return presenter.application_document(
        application, content, consented(uow, application), reveal=reveal,
        may_reveal=reveal or Purpose.REVEAL in uow.applications.purposes_of(actor, application),
        missing=_missing(uow, application, content) if editable else [],
    )


def _new_reference(uow: UnitOfWork) -> str:
    """The applicant-facing number: LB, the Chinese date, six random digits. Digits only after the
    prefix, so a screen reader and a phone keypad handle it easily."""
    day = china_date(uow.now).strftime("%Y%m%d")
    while True:
        reference = f"LB{day}{secrets.randbelow(10**6):06d}"
        if not uow.applications.reference_exists(reference):
            return reference


def _check_choice(path: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise InvalidInput(errors=[FieldError(path, "not_a_choice", {"choices": ", ".join(choices)})])


def _check_choice_list(path: str, values: Iterable[str], choices: tuple[str, ...]) -> None:
    errors = choice_list_errors(path, list(values), choices)
    if errors:
        raise InvalidInput(errors=errors)

