"""What an application still lacks before it can be submitted: every missing or invalid item at once,
so the applicant fixes them in one go (WCAG 3.3.1, 3.3.4), and the same list drives the form's
"check your answers" page. Eligibility never blocks submission: applying is a right (issue 3)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from backend.applications.fields import get_path
from backend.applications.vocabulary import CONSENT_PURPOSES, RELATIONS_FOR
from backend.errors import FieldError
from backend.identity.certificate_numbers import parse_certificate_number
from backend.identity.id_numbers import parse_id_number

REQUIRED_ALWAYS = (
    "applicant.name", "applicant.id_number", "applicant.hukou_region", "applicant.address",
    "certificate.number", "certificate.issue_date", "certificate.valid_until",
)
REQUIRED_FOR_PROXY = ("proxy.name", "proxy.id_number", "proxy.phone", "proxy.relation")
# A village committee or an institution applies as an organisation: no personal ID number.
REQUIRED_FOR_ORGANISATION = ("proxy.name", "proxy.phone", "proxy.relation")


def missing_items(*, subsidies: Iterable[str], applying_as: str, content: dict[str, Any],
                  consented: Iterable[str], proxy_on_record: bool = False) -> list[FieldError]:
    """`proxy_on_record`: a village assistant made the application from their own account (seed 004: 由所在村
    （居）民委员会代为申请), so who applies is known and reached through it; a phone is not asked for."""
    problems: list[FieldError] = []
    subsidies = list(subsidies)
    required = list(REQUIRED_ALWAYS)
    if "living" in subsidies:
        # The living subsidy depends on the household (seed 004: 纳入低保中的残疾人; seed 003 adds 低保边缘).
        required.append("household.status")
    if applying_as in ("village_committee", "institution"):
        required.extend(path for path in REQUIRED_FOR_ORGANISATION
                        if not (proxy_on_record and path == "proxy.phone"))
    elif applying_as != "self":
        required.extend(REQUIRED_FOR_PROXY)
    for path in required:
        if get_path(content, path) in (None, "", []):
            problems.append(FieldError(path, "required"))

    if applying_as == "self" and not get_path(content, "applicant.phone"):
        problems.append(FieldError("applicant.phone", "required"))

    relation = get_path(content, "proxy.relation")
    if applying_as != "self" and relation and relation not in RELATIONS_FOR.get(applying_as, ()):
        problems.append(FieldError("proxy.relation", "relation_does_not_fit", {"applying_as": applying_as}))

    problems.extend(_cross_field_problems(content))

    if applying_as == "self" and id_number_is_a_child(content):
        # PIPL art. 31: a child under 14's personal information is processed with a guardian's consent, so
        # a child's application is made by a guardian (seed 004: 本人或其法定监护人).
        problems.append(FieldError("applying_as", "child_applies_through_guardian"))

    if get_path(content, "policy_notice_acknowledged") is not True:
        # Seed 003 item 4 and seed 004: the applicant is told the duties to report changes and confirms it;
        # online, that acknowledgement is the signature (seed 001 item 11).
        problems.append(FieldError("policy_notice_acknowledged", "policy_notice_not_acknowledged"))

    missing_consents = [purpose for purpose in CONSENT_PURPOSES if purpose not in set(consented)]
    if missing_consents:
        problems.append(FieldError("consents", "consent_missing", {"purposes": ", ".join(missing_consents)}))
    return problems


def _cross_field_problems(content: dict[str, Any]) -> list[FieldError]:
    problems: list[FieldError] = []
    id_number = get_path(content, "applicant.id_number")
    certificate_number = get_path(content, "certificate.number")
    if id_number and certificate_number and certificate_number[:18] != id_number:
        # The certificate number starts with its holder's ID number (残疾人证管理办法).
        problems.append(FieldError("certificate.number", "certificate_not_for_this_person"))
    if certificate_number:
        parsed = parse_certificate_number(certificate_number)
        for path, derived in (("certificate.category", parsed.category), ("certificate.grade", parsed.grade)):
            if get_path(content, path) not in (None, derived):
                problems.append(FieldError(path, "disagrees_with_certificate_number"))
    issue_date = get_path(content, "certificate.issue_date")
    valid_until = get_path(content, "certificate.valid_until")
    if issue_date and valid_until and valid_until <= issue_date:
        problems.append(FieldError("certificate.valid_until", "valid_until_before_issue_date"))
    if id_number and issue_date:
        if issue_date < parse_id_number(id_number).birth_date.isoformat():
            problems.append(FieldError("certificate.issue_date", "issued_before_birth"))
    proxy_id = get_path(content, "proxy.id_number")
    if proxy_id and id_number and proxy_id == id_number:
        problems.append(FieldError("proxy.id_number", "proxy_is_the_applicant"))
    return problems


def id_number_is_a_child(content: dict[str, Any]) -> bool:
    from backend.runtime import today

    id_number = get_path(content, "applicant.id_number")
    if not id_number:
        return False
    return parse_id_number(id_number).age_on(today()) < 14
