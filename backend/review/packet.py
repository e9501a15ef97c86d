"""The hand-off packet: the submitted application as the reviewer needs it, with no internal ids.
Its JSON Schema is docs/handoff-packet.schema.json (versioned by `schema_version`)."""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import select

from backend.applications.fields import get_path
from backend.applications.models import Application, Submission
from backend.identity.id_numbers import parse_id_number
from backend.identity.regions import is_cross_province, region
from backend.materials.models import Material
from backend.representation.models import Representation
from backend.runtime import runtime
from backend.unit_of_work import UnitOfWork

SCHEMA_VERSION = "1.0"


def build_packet(application: Application, submission: Submission, content: dict[str, Any], *,
                 representation: dict[str, Any] | None = None,
                 proofs: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    identity = parse_id_number(get_path(content, "applicant.id_number"))
    office, hukou, applied_from = application.office_region, application.hukou_region, application.applied_from_region
    return {
        "schema_version": SCHEMA_VERSION,
        "reference": application.reference,
        "version": submission.number,
        "submitted_at": submission.submitted_at.isoformat(),
        "first_submitted_at": application.first_submitted_at.isoformat() if application.first_submitted_at else None,
        "channel": application.channel,
        "office_region": office,
        "office": _office(office, hukou),
        # Seed 001 item 7: 跨省通办 when the applicant applies from another province than their hukou's.
        "cross_province": is_cross_province(applied_from, hukou),
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
        # Optional additions within 1.0 (a receiver that ignores them loses nothing it had): what a listed
        # benefit pays a month (seed 004 注, choose the higher) and whether the child is a 事实无人抚养儿童
        # (seed 003 item 四).
        "other_benefit_amounts": dict(get_path(content, "other_benefit_amounts") or {}),
        "de_facto_unsupported_child": get_path(content, "de_facto_unsupported_child"),
        "payment_account": get_path(content, "payment_account"),
        "proxy": get_path(content, "proxy"),
        "representation": representation,
        "policy_notice_acknowledged": bool(get_path(content, "policy_notice_acknowledged")),
        "eligibility": submission.eligibility,
        "materials": [{key: item[key] for key in ("kind", "version", "sha256", "media_type", "size_bytes")}
                      for item in submission.materials or []],
        # The proofs of whoever may act for the applicant (relation proof, authorisation letter, consent signed
        # in person), with their SHA-256 like the materials; optional, so schema 1.0 receivers are unaffected.
        "proofs": proofs or [],
    }


def _office(office: str | None, hukou: str | None) -> dict[str, Any]:
    found = region(office) if office else None
    # Seed 004 (申报流程): apply to the township of the hukou; an abolished hukou code goes to the county
    # that replaced it (e.g. 500232 武隆县 -> 500156 武隆区).
    why = "hukou_county" if hukou == office else "hukou_county_renamed"
    return {"region_code": office, "region_name": found.full_name if found else None, "why": why,
            "hukou_region_as_given": hukou}


def assistance_facts(uow: UnitOfWork, application: Application) -> dict[str, Any] | None:
    """When a village assistant applied for the person: how the person consented, flagged for the reviewer
    when it was recorded in person rather than given on the person's own phone (issue 8)."""
    grant = uow.session.scalars(select(Representation).where(
        Representation.applicant_user_id == application.owner_user_id, Representation.kind == "assistant",
        Representation.status == "active").order_by(Representation.created_at.desc())).first()
    # Made by an assistant (the channel says so whoever holds it now): a draft the person took over and went on
    # with as their own still came from an in-person consent the reviewer must be able to weigh.
    if grant is None or (application.applying_as != "village_committee" and application.channel != "assistant"):
        return None
    return {"kind": "assistant", "consent_method": grant.consent_method, "flagged_for_review": grant.flagged_for_review,
            "statement": grant.statement, "consented_at": grant.confirmed_at.isoformat() if grant.confirmed_at else None}


def attach_files(uow: UnitOfWork, packet: dict[str, Any], submission: Submission) -> None:
    """An external review system cannot fetch our files: each material travels inline, with its hash."""
    storage = runtime().storage
    for entry, item in zip(packet["materials"], submission.materials or [], strict=True):
        material = uow.session.get(Material, item["id"])
        entry["content_base64"] = base64.b64encode(storage.get(material.storage_key)).decode()
