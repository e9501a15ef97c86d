"""The hand-off packet: the submitted application as the reviewer needs it, with no internal ids.
Its JSON Schema is docs/handoff-packet.schema.json (versioned: `schema_version`)."""

from __future__ import annotations

from typing import Any

from backend.applications.fields import get_path
from backend.applications.models import Application, Submission
from backend.identity.id_numbers import parse_id_number
from backend.identity.regions import province_code, region

SCHEMA_VERSION = "1.0"


def build_packet(application: Application, submission: Submission, content: dict[str, Any]) -> dict[str, Any]:
    identity = parse_id_number(get_path(content, "applicant.id_number"))
    office = application.office_region
    hukou = application.hukou_region
    applied_from = application.applied_from_region
    cross_province = bool(applied_from and hukou and province_code(applied_from) != province_code(hukou))
    return {
        "schema_version": SCHEMA_VERSION,
        "reference": application.reference,
        "version": submission.number,
        "submitted_at": submission.submitted_at.isoformat(),
        "channel": application.channel,
        "office_region": office,
        "office": {
            "region_code": office,
            "region_name": _name(office),
            # Seed 004 (申报流程): apply to the township of the hukou; seed 001 item 7: cross-province
            # applications are pushed to the home jurisdiction (业务属地).
            "why": "hukou_county" if hukou == office else "hukou_county_renamed",
            "hukou_region_as_given": hukou,
        },
        "cross_province": cross_province,
        "applied_from_region": applied_from,
        "subsidies": list(application.subsidies),
        "applying_as": application.applying_as,
        "applicant": {
            "name": get_path(content, "applicant.name"),
            "id_number": identity.value,
            "sex": identity.sex,
            "birth_date": identity.birth_date.isoformat(),
            "hukou_region": hukou,
            "address": get_path(content, "applicant.address"),
            "phone": get_path(content, "applicant.phone"),
        },
        "certificate": {key: get_path(content, f"certificate.{key}") for key in
                        ("number", "number_suffix", "category", "grade", "issue_date", "valid_until",
                         "previous_valid_until")},
        "household": {"status": get_path(content, "household.status")},
        "other_benefits": list(get_path(content, "other_benefits") or []),
        "payment_account": get_path(content, "payment_account"),
        "proxy": get_path(content, "proxy"),
        "policy_notice_acknowledged": bool(get_path(content, "policy_notice_acknowledged")),
        "eligibility": submission.eligibility,
        "materials": [{key: item[key] for key in ("kind", "version", "sha256", "media_type", "size_bytes")}
                      for item in submission.materials or []],
    }


def _name(code: str | None) -> str | None:
    found = region(code) if code else None
    return found.full_name if found else None


__all__ = ["SCHEMA_VERSION", "build_packet", "province_code"]
