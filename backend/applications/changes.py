"""What one save of an application changes, and the rules a save must pass before anything is stored.

`DraftChanges` is what the API builds from JSON and the conversation builds from answers; `apply_changes`
checks every value (all problems at once, so the applicant fixes them in one go), derives the certificate's
category and grade from its number, keeps a correction to the items asked for, asks for separate consent
before the first sensitive value (PIPL art. 29), and only then writes. These rules are their own module
because every use case that writes content (creating with answers, saving a draft, the conversation, the
OCR pre-fill) goes through them, while `service` holds the use cases: one transaction each, the actor
first. Nothing here opens a unit of work or commits; the caller's transaction holds the save.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from backend.accounts.actor import Actor
from backend.applications.fields import FIELDS, FieldProblem, check_field, get_path, set_path
from backend.applications.models import Application, Consent
from backend.applications.stages import Stage
from backend.applications.vocabulary import APPLYING_AS, CONSENT_NOTICE_VERSION, CONSENT_PURPOSES, SUBSIDIES
from backend.errors import ConsentRequired, FieldError, InvalidInput
from backend.identity.regions import current_county
from backend.unit_of_work import UnitOfWork


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


def apply_changes(uow: UnitOfWork, actor: Actor, application: Application, changes: DraftChanges) -> None:
    errors: list[FieldError] = []
    if changes.subsidies is not None:
        errors.extend(choice_list_errors("subsidies", changes.subsidies, SUBSIDIES))
    if changes.applying_as is not None and changes.applying_as not in APPLYING_AS:
        errors.append(FieldError("applying_as", "not_a_choice", {"choices": ", ".join(APPLYING_AS)}))
    errors.extend(choice_list_errors("consents", changes.consents, CONSENT_PURPOSES, allow_empty=True))
    if changes.sets_applied_from:
        if Stage(application.stage) is not Stage.DRAFT:
            if changes.applied_from_region != application.applied_from_region:
                errors.append(FieldError("applied_from_region", "not_asked_for_in_correction"))
        elif changes.applied_from_region is not None:
            errors.extend(applied_from_errors(changes.applied_from_region))

    checked: dict[str, Any] = {}
    for path, value in changes.values.items():
        try:
            checked[path] = check_field(path, value)
        except FieldProblem as problem:
            errors.append(FieldError(path, problem.code, problem.params))
    if "certificate.number" in checked and checked["certificate.number"] is not None:
        number = checked.pop("certificate.number")
        stored = uow.applications.content(application)
        for path in ("certificate.category", "certificate.grade"):
            derived = number[path.split(".")[1]]
            if path in checked:
                given = checked[path]
            elif not _follows_stored_number(stored, path):
                # Not sent with the number, and typed on its own (no number on record it was read from): what
                # the person typed stays, and a number that says otherwise is refused, never silently taken
                # over it (grade 1 or 2 is 90 or 80 yuan a month, seed 004).
                given = get_path(stored, path)
            else:
                given = None  # read from the number on record: a new number brings its own
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
        current = uow.applications.content(application)
        for path in list(checked):
            if not any(path == item or path.startswith(item + ".") for item in allowed):
                # A value given again as it stands is no change ("没有" confirmed in a conversation that walks
                # through every answer): only a real change of an item not asked for is refused.
                if _same(get_path(current, path), checked[path]):
                    del checked[path]
                else:
                    errors.append(FieldError(path, "not_asked_for_in_correction"))
    if errors:
        raise InvalidInput(errors=errors)

    # Separate consent before the first sensitive value is stored (PIPL art. 29).
    given = set(consented(uow, application)) | set(changes.consents)
    sensitive = sorted(path for path, value in checked.items()
                       if value is not None and path in FIELDS and FIELDS[path].sensitive)
    if sensitive and "sensitive_personal_information" not in given:
        raise ConsentRequired(errors=[FieldError(path, "consent_required") for path in sensitive],
                              params={"purpose": "sensitive_personal_information"})

    for purpose in changes.consents:
        if purpose not in consented(uow, application):
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
        application.subsidies = ordered(changes.subsidies, SUBSIDIES)
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


def applied_from_errors(code: str) -> list[FieldError]:
    try:
        check_field("applicant.hukou_region", code)  # the same county codes (GB/T 2260) as the hukou's
    except FieldProblem as problem:
        return [FieldError("applied_from_region", problem.code, problem.params)]
    return []


def consented(uow: UnitOfWork, application: Application) -> list[str]:
    return [consent.purpose for consent in uow.applications.consents(application)]


def choice_list_errors(path: str, values: list[str], choices: tuple[str, ...], *,
                       allow_empty: bool = False) -> list[FieldError]:
    if not values and not allow_empty:
        return [FieldError(path, "choose_at_least_one", {"choices": ", ".join(choices)})]
    if any(value not in choices for value in values):
        return [FieldError(path, "not_a_choice", {"choices": ", ".join(choices)})]
    return []


def ordered(values: Iterable[str], order: tuple[str, ...]) -> list[str]:
    return sorted(set(values), key=order.index)


def _deep_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _deep_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_deep_copy(item) for item in value]
    return value


def _follows_stored_number(stored: Mapping[str, Any], path: str) -> bool:
    """Whether the stored category or grade is the one the stored certificate number carries (its 19th and 20th
    digits), so it was read from that number rather than typed on its own."""
    number = get_path(stored, "certificate.number")
    if not number:
        return False
    try:
        parsed = check_field("certificate.number", number)
    except FieldProblem:
        return False
    return get_path(stored, path) == parsed[path.split(".")[1]]


def _same(stored: Any, given: Any) -> bool:
    """Whether a value given is the one stored (nothing and an empty list or mapping are the same)."""
    empty = (None, [], {}, "")
    return stored == given or (stored in empty and given in empty)
