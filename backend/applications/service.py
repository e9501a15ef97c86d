"""Use cases of an application, each one transaction with the acting user first:
create_application, save_draft, submit_application, withdraw_application, get_application,
list_applications."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications import presenter
from backend.applications.access import Purpose, Relation, stage_allows
from backend.applications.completeness import missing_items
from backend.applications.fields import FIELDS, FieldProblem, check_field, get_path, set_path
from backend.applications.models import Application, Consent, StatusEvent, Submission
from backend.applications.stages import TERMINAL, Stage, review_started
from backend.db.base import new_id
from backend.applications.vocabulary import APPLYING_AS, CHANNELS, CONSENT_NOTICE_VERSION, CONSENT_PURPOSES, SUBSIDIES
from backend.errors import Conflict, ConsentRequired, FieldError, Incomplete, InvalidInput, NotPermitted, StaleVersion, VersionRequired
from backend.identity.regions import current_county
from backend.messages.locales import DEFAULT_LOCALE
from backend.policy.presenter import evaluation_document, submission_warnings
from backend.materials.service import mark_submitted
from backend.policy.service import checklist_items, evaluate_application
from backend.runtime import china_date, runtime, today
from backend.unit_of_work import UnitOfWork, unit_of_work


@dataclass
class DraftChanges:
    """What one save changes: field values by path (None clears), and optionally the subsidies asked
    for, who applies, and consents given. Built by the API from JSON and by the conversation."""

    values: dict[str, Any] = field(default_factory=dict)
    subsidies: list[str] | None = None
    applying_as: str | None = None
    consents: list[str] = field(default_factory=list)
    # The county applied from (跨省通办, issue 7), when the save names it (None with `sets_applied_from` clears).
    applied_from_region: str | None = None
    sets_applied_from: bool = False

    def field_names(self) -> list[str]:
        names = list(self.values)
        if self.sets_applied_from:
            names.append("applied_from_region")
        if self.subsidies is not None:
            names.append("subsidies")
        if self.applying_as is not None:
            names.append("applying_as")
        if self.consents:
            names.append("consents")
        return names


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
    if applied_from_region is not None and (errors := _applied_from_errors(applied_from_region)):
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
            stage=Stage.DRAFT.value, version=1, subsidies=_ordered(subsidies, SUBSIDIES), applying_as=applying_as,
            channel=channel, applied_from_region=applied_from_region, created_at=uow.now, updated_at=uow.now,
        )
        uow.applications.store_content(application, {})
        uow.applications.add(application)
        uow.applications.flush()
        if changes is not None:
            _apply_changes(uow, actor, application, changes)
        if actor.role is Role.ASSISTANT:
            _assistant_is_the_proxy(uow, actor, application)
        uow.applications.add(StatusEvent(
            application_id=application.id, type="created", stage_after=Stage.DRAFT.value,
            actor_role=_role_word(uow, actor, application), occurred_at=uow.now, recorded_at=uow.now))
        uow.audit.record(actor, "application.created", application_id=application.id,
                         fields=changes.field_names() if changes else (), role=_role_word(uow, actor, application))
        uow.commit()
        return _present(uow, actor, application)


def get_application(actor: Actor, application_id: str, *, reveal: bool = False) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.REVEAL if reveal else Purpose.VIEW)
        if reveal:
            uow.audit.record(actor, "numbers.revealed", application_id=application.id,
                             role=_role_word(uow, actor, application))
        uow.commit()
        return _present(uow, actor, application, reveal=reveal)


def list_applications(actor: Actor) -> list[dict[str, Any]]:
    with unit_of_work() as uow:
        return [_present(uow, actor, application) for application in uow.applications.list_for(actor)]


def save_draft(actor: Actor, application_id: str, changes: DraftChanges, *,
               expected_version: int | None) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT, for_update=True)
        if not stage_allows(Purpose.EDIT, Stage(application.stage)):
            raise Conflict("not_editable", params={"stage": application.stage})
        if expected_version is None:
            raise VersionRequired(params={"current_version": application.version})
        if expected_version != application.version:
            raise StaleVersion(application.version)
        _apply_changes(uow, actor, application, changes)
        application.version += 1
        uow.audit.record(actor, "draft.saved", application_id=application.id, fields=changes.field_names(),
                         role=_role_word(uow, actor, application))
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
        uow.applications.add(Submission(
            application_id=application.id, number=application.submission_count,
            content=uow.applications.freeze(application, application.submission_count),
            eligibility=evaluation_document(evaluation, DEFAULT_LOCALE, requested=list(application.subsidies)),
            materials=submitted_materials,
            submitted_by_user_id=actor.user_id, submitted_at=uow.now))
        uow.applications.add(StatusEvent(
            application_id=application.id, type="resubmitted" if resubmission else "submitted",
            stage_after=Stage.SUBMITTED.value, actor_role=_role_word(uow, actor, application), occurred_at=uow.now,
            recorded_at=uow.now, submission_number=application.submission_count))
        from backend.review.handoff import queue_handoff
        queue_handoff(uow, application)
        uow.audit.record(actor, "application.submitted", application_id=application.id,
                         role=_role_word(uow, actor, application))
        uow.commit()
        document = _present(uow, actor, application)
        document["eligibility"] = evaluation_document(evaluation, locale, requested=list(application.subsidies))
        document["warnings"] = submission_warnings(evaluation, application.subsidies, locale)
        return document


def withdraw_application(actor: Actor, application_id: str) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.WITHDRAW, for_update=True)
        stage = Stage(application.stage)
        if stage in TERMINAL:
            raise Conflict("cannot_withdraw", params={"stage": application.stage})
        if not stage_allows(Purpose.WITHDRAW, stage) or review_started(
                [event.type for event in uow.applications.timeline(application)]):
            # The review office holds the case now: withdrawing is a request to it, by phone (issue 2).
            # Without an office in the policy data, the words send the person to the township instead.
            contact = _office_contact(application)
            raise Conflict("withdraw_ask_the_office", params={"stage": application.stage, **contact},
                           text_code=None if contact else "withdraw_ask_the_office_no_contact")
        application.stage = Stage.WITHDRAWN.value
        application.closed_at = uow.now
        application.version += 1
        application.updated_at = uow.now
        uow.applications.add(StatusEvent(
            application_id=application.id, type="withdrawn", stage_after=Stage.WITHDRAWN.value,
            actor_role=_role_word(uow, actor, application), occurred_at=uow.now, recorded_at=uow.now))
        uow.audit.record(actor, "application.withdrawn", application_id=application.id,
                         role=_role_word(uow, actor, application))
        uow.commit()
        return _present(uow, actor, application)


def _office_contact(application: Application) -> dict[str, str]:
    """The review office's name and phone from the policy data (the nearest office first); none when the
    policy data of the application's county names no office."""
    from backend.policy.presenter import contacts_document

    contacts = contacts_document(runtime().policy.resolve(application.office_region or "000000", today()))
    if not contacts:
        return {}
    return {"office": contacts[0]["office"], "phone": contacts[0]["phone"]}


# --- the rules of a save ---------------------------------------------------------------------------

def _apply_changes(uow: UnitOfWork, actor: Actor, application: Application, changes: DraftChanges) -> None:
    errors: list[FieldError] = []
    if changes.subsidies is not None:
        errors.extend(_choice_list_errors("subsidies", changes.subsidies, SUBSIDIES))
    if changes.applying_as is not None and changes.applying_as not in APPLYING_AS:
        errors.append(FieldError("applying_as", "not_a_choice", {"choices": ", ".join(APPLYING_AS)}))
    errors.extend(_choice_list_errors("consents", changes.consents, CONSENT_PURPOSES, allow_empty=True))
    if changes.sets_applied_from:
        if Stage(application.stage) is not Stage.DRAFT:
            errors.append(FieldError("applied_from_region", "not_asked_for_in_correction"))
        elif changes.applied_from_region is not None:
            errors.extend(_applied_from_errors(changes.applied_from_region))

    checked: dict[str, Any] = {}
    for path, value in changes.values.items():
        try:
            checked[path] = check_field(path, value)
        except FieldProblem as problem:
            errors.append(FieldError(path, problem.code, problem.params))
    if "certificate.number" in checked and checked["certificate.number"] is not None:
        number = checked.pop("certificate.number")
        for path in ("certificate.category", "certificate.grade"):
            given = checked.get(path)
            derived = number[path.split(".")[1]]
            if given is not None and given != derived:
                errors.append(FieldError(path, "disagrees_with_certificate_number"))
            checked[path] = derived
        checked["certificate.number"] = number["number"]
        checked["certificate.number_suffix"] = number["number_suffix"]
    elif "certificate.number" in checked:
        checked["certificate.number_suffix"] = None

    errors.extend(_unlisted_benefit_errors(uow.applications.content(application), checked))

    stage = Stage(application.stage)
    if stage is Stage.CORRECTION_REQUESTED:
        allowed = set(uow.applications.correction_items(application))
        if "other_benefits" in allowed:  # correcting the benefits includes what they pay
            allowed.add("other_benefit_amounts")
        for path in checked:
            if not any(path == item or path.startswith(item + ".") for item in allowed):
                errors.append(FieldError(path, "not_asked_for_in_correction"))
    if errors:
        raise InvalidInput(errors=errors)

    # Separate consent before the first sensitive value is stored (PIPL art. 29).
    consented = set(_consented(uow, application)) | set(changes.consents)
    sensitive = sorted(path for path, value in checked.items()
                       if value is not None and path in FIELDS and FIELDS[path].sensitive)
    if sensitive and "sensitive_personal_information" not in consented:
        raise ConsentRequired(errors=[FieldError(path, "consent_required") for path in sensitive],
                              params={"purpose": "sensitive_personal_information"})

    for purpose in changes.consents:
        if purpose not in _consented(uow, application):
            uow.applications.add(Consent(
                application_id=application.id, purpose=purpose, given_by_user_id=actor.user_id,
                given_as=application.applying_as if application.owner_user_id == actor.user_id else actor.role.value,
                notice_version=CONSENT_NOTICE_VERSION, given_at=uow.now))
    uow.applications.flush()

    content = dict(uow.applications.content(application))
    content = _deep_copy(content)
    for path, value in checked.items():
        set_path(content, path, value)
    _drop_unlisted_benefit_amounts(content)
    uow.applications.store_content(application, content)
    if "applicant.hukou_region" in checked:
        code = checked["applicant.hukou_region"]
        application.hukou_region = code
        county = current_county(code) if code else None
        application.office_region = county.code if county else None
    if changes.subsidies is not None:
        application.subsidies = _ordered(changes.subsidies, SUBSIDIES)
    if changes.applying_as is not None:
        application.applying_as = changes.applying_as
    if changes.sets_applied_from:
        application.applied_from_region = changes.applied_from_region
    application.updated_at = uow.now


def _unlisted_benefit_errors(stored: Mapping[str, Any], checked: Mapping[str, Any]) -> list[FieldError]:
    """An amount given for a benefit the application does not list (after this save) in other_benefits."""
    amounts = checked.get("other_benefit_amounts")
    if not amounts:
        return []
    listed = checked["other_benefits"] if "other_benefits" in checked else get_path(stored, "other_benefits")
    return [FieldError(f"other_benefit_amounts.{benefit}", "benefit_not_listed")
            for benefit in amounts if benefit not in (listed or [])]


def _drop_unlisted_benefit_amounts(content: dict[str, Any]) -> None:
    """A benefit taken off other_benefits takes its amount with it: it no longer says anything."""
    amounts = get_path(content, "other_benefit_amounts")
    if amounts:
        listed = get_path(content, "other_benefits") or []
        set_path(content, "other_benefit_amounts",
                 {benefit: amount for benefit, amount in amounts.items() if benefit in listed} or None)


def _applied_from_errors(code: str) -> list[FieldError]:
    try:
        check_field("applicant.hukou_region", code)  # the same county codes (GB/T 2260) as the hukou's
    except FieldProblem as problem:
        return [FieldError("applied_from_region", problem.code, problem.params)]
    return []


def _consented(uow: UnitOfWork, application: Application) -> list[str]:
    return [consent.purpose for consent in uow.applications.consents(application)]


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
                             content=content, consented=_consented(uow, application),
                             proxy_on_record=application.channel == "assistant")
    for item in checklist_items(uow, application):
        if not item.satisfied and item.by_field is None:
            problems.append(FieldError(item.item, "material_missing"))
    return problems


def _present(uow: UnitOfWork, actor: Actor, application: Application, *, reveal: bool = False) -> dict[str, Any]:
    content = uow.applications.content(application)
    editable = application.stage in (Stage.DRAFT.value, Stage.CORRECTION_REQUESTED.value)
    return presenter.application_document(
        application, content, _consented(uow, application), reveal=reveal,
        missing=_missing(uow, application, content) if editable else [],
    )


def _role_word(uow: UnitOfWork, actor: Actor, application: Application) -> str:
    """How the timeline and audit name the actor: by role, never by name."""
    held = uow.applications.relation_of(actor, application)
    if held is Relation.APPLICANT or held is None:
        return "applicant" if application.applying_as == "self" or actor.role is not Role.PUBLIC else application.applying_as
    return held.value


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
    errors = _choice_list_errors(path, list(values), choices)
    if errors:
        raise InvalidInput(errors=errors)


def _choice_list_errors(path: str, values: list[str], choices: tuple[str, ...], *,
                        allow_empty: bool = False) -> list[FieldError]:
    if not values and not allow_empty:
        return [FieldError(path, "choose_at_least_one", {"choices": ", ".join(choices)})]
    if any(value not in choices for value in values):
        return [FieldError(path, "not_a_choice", {"choices": ", ".join(choices)})]
    return []


def _ordered(values: Iterable[str], order: tuple[str, ...]) -> list[str]:
    return sorted(set(values), key=order.index)


def _deep_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _deep_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_deep_copy(item) for item in value]
    return value
