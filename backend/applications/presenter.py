"""The application as the outside sees it: identifying numbers masked unless revealed, facts derived
from the ID number shown, the hukou suggested from the ID number's region code.

What is derived from the ID number goes only to whoever may read it whole (`may_reveal`: the applicant, a
guardian, the assistant, the reviewer). A masked number hides digits 5-14: the rest of the county code and the
birth date. Given the birth date (digits 7-14) and the county the number was issued in (the suggestion's
`renamed_from`), a family member or an entrusted person would rebuild the whole number from its masked form, and
the certificate number with it (the ID number, the category, the grade). So to them the birth date and the
suggestion are not given; the sex is (digit 17 is among the four the mask shows)."""

from __future__ import annotations

from typing import Any

from backend.applications.fields import get_path
from backend.applications.models import Application
from backend.errors import FieldError
from backend.identity.id_numbers import InvalidIdNumber, parse_id_number
from backend.identity.regions import current_county, region
from backend.privacy.masking import mask_account, mask_certificate_number, mask_id_number, mask_phone


def application_document(application: Application, content: dict[str, Any], consents: list[str], *,
                         reveal: bool, may_reveal: bool, missing: list[FieldError]) -> dict[str, Any]:
    def shown(path: str, mask) -> Any:
        value = get_path(content, path)
        return value if reveal else mask(value)

    id_number = get_path(content, "applicant.id_number")
    identity = _parse(id_number)
    derived = identity if may_reveal else None   # what restores the masked digits: see the module's doc
    hukou = get_path(content, "applicant.hukou_region")
    return {
        "id": application.id,
        "reference": application.reference,
        "stage": application.stage,
        "version": application.version,
        "subsidies": list(application.subsidies),
        "applying_as": application.applying_as,
        "channel": application.channel,
        "applicant": {
            "name": get_path(content, "applicant.name"),
            "id_number": shown("applicant.id_number", mask_id_number),
            "sex": identity.sex if identity else None,
            "birth_date": derived.birth_date.isoformat() if derived else None,
            "hukou_region": hukou,
            "hukou_region_name": _region_name(hukou),
            "hukou_region_suggestion": _suggestion(derived.region_code) if derived else None,
            "address": get_path(content, "applicant.address"),
            "phone": shown("applicant.phone", mask_phone),
        },
        "certificate": {
            "number": shown("certificate.number", mask_certificate_number),
            "number_suffix": get_path(content, "certificate.number_suffix"),
            "category": get_path(content, "certificate.category"),
            "grade": get_path(content, "certificate.grade"),
            "issue_date": get_path(content, "certificate.issue_date"),
            "valid_until": get_path(content, "certificate.valid_until"),
            "previous_valid_until": get_path(content, "certificate.previous_valid_until"),
        },
        "household": {"status": get_path(content, "household.status")},
        "other_benefits": list(get_path(content, "other_benefits") or []),
        "other_benefit_amounts": dict(get_path(content, "other_benefit_amounts") or {}),
        "de_facto_unsupported_child": get_path(content, "de_facto_unsupported_child"),
        "payment_account": {
            "bank_name": get_path(content, "payment_account.bank_name"),
            "account_number": shown("payment_account.account_number", mask_account),
            "account_holder": get_path(content, "payment_account.account_holder"),
        },
        "proxy": {
            "name": get_path(content, "proxy.name"),
            "id_number": shown("proxy.id_number", mask_id_number),
            "phone": shown("proxy.phone", mask_phone),
            "relation": get_path(content, "proxy.relation"),
        },
        "policy_notice_acknowledged": bool(get_path(content, "policy_notice_acknowledged")),
        "consents": consents,
        "applied_from_region": application.applied_from_region,
        "office_region": application.office_region,
        "office_region_name": _region_name(application.office_region),
        "numbers_revealed": reveal,
        "missing": missing,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
        "submitted_at": application.submitted_at,
    }


def _parse(id_number: str | None):
    if not id_number:
        return None
    try:
        return parse_id_number(id_number)
    except InvalidIdNumber:
        return None


def _region_name(code: str | None) -> str | None:
    found = region(code) if code else None
    return found.full_name if found else None


def _suggestion(code: str) -> dict[str, Any] | None:
    """The county the ID number was first issued in, as it is called today. Only a suggestion: people
    move, and the household register is what counts (issue 2)."""
    county = current_county(code)
    if county is None:
        return None
    return {"code": county.code, "name": county.full_name, "from_id_number": True,
            "renamed_from": code if county.code != code else None}
