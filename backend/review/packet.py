"""The hand-off packet: the submitted application as the reviewer needs it, with no internal ids.
Its JSON Schema is docs/handoff-packet.schema.json (versioned by `schema_version`).

Everything in it comes from the submission, frozen in the submission's transaction: the content, and beside it
(`submitted_facts`) what the application keeps in its own columns (subsidies, who applies, channel, hukou and
office county, where it was applied from) and what other tables say of it at that moment (how an assistant got
the person's consent, the proofs of whoever acts for them). A draft changed after submitting (a correction
under way, a new representation) must not reach the office as if it had been submitted: a hand-off waits
while the review system is down, and a dead one is replayed days later."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from sqlalchemy import select

from backend.applications.fields import get_path
from backend.applications.models import Application, Submission
from backend.applications.repository import SUBMITTED_FACTS
from backend.identity.id_numbers import parse_id_number
from backend.identity.regions import is_cross_province, region
from backend.materials.models import Material
from backend.representation.models import Representation
from backend.representation.proofs import acting_proofs, proof_kind
from backend.runtime import runtime
from backend.unit_of_work import UnitOfWork

SCHEMA_VERSION = "2.0"  # 2.0: `eligibility` carries facts only (docs/review-system.md, "Packet versions")


def submitted_facts(uow: UnitOfWork, application: Application) -> dict[str, Any]:
    """What the packet needs beside the content, as it stands when the application is submitted; frozen with
    the submission (`SUBMITTED_FACTS`). Proofs are named by their stored file, read when the packet is sent."""
    return {
        "subsidies": list(application.subsidies),
        "applying_as": application.applying_as,
        "channel": application.channel,
        "applied_from_region": application.applied_from_region,
        "hukou_region": application.hukou_region,
        "office_region": application.office_region,
        "first_submitted_at": application.first_submitted_at.isoformat() if application.first_submitted_at else None,
        "representation": assistance_facts(uow, application),
        "proofs": frozen_proofs(uow, application),
    }


def _facts(uow: UnitOfWork, application: Application, content: dict[str, Any]) -> dict[str, Any]:
    facts = content.get(SUBMITTED_FACTS)
    # Frozen before the facts were (a hand-off queued before this version was deployed): the application as it
    # stands is all there is for them. The packet's application groups still come from the frozen content.
    return facts if facts is not None else submitted_facts(uow, application)


def build_packet(uow: UnitOfWork, application: Application, submission: Submission, content: dict[str, Any], *,
                 with_files: bool = False) -> dict[str, Any]:
    """The packet of one submission. Only the reference is the application's own (it never changes); the rest
    is the frozen submission's. `with_files`: each material's and proof's bytes travel inline (over HTTP)."""
    facts = _facts(uow, application, content)
    identity = parse_id_number(get_path(content, "applicant.id_number"))
    office, hukou, applied_from = facts["office_region"], facts["hukou_region"], facts["applied_from_region"]
    return {
        "schema_version": SCHEMA_VERSION,
        "reference": application.reference,
        "version": submission.number,
        "submitted_at": submission.submitted_at.isoformat(),
        "first_submitted_at": facts["first_submitted_at"],
        "channel": facts["channel"],
        "office_region": office,
        "office": _office(office, hukou),
        # Seed 001 item 7: 跨省通办 when the applicant applies from another province than their hukou's.
        "cross_province": is_cross_province(applied_from, hukou),
        "applied_from_region": applied_from,
        "subsidies": list(facts["subsidies"]),
        "applying_as": facts["applying_as"],
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
        "representation": facts["representation"],
        "policy_notice_acknowledged": bool(get_path(content, "policy_notice_acknowledged")),
        "eligibility": office_eligibility(submission.eligibility),
        "materials": [{key: item[key] for key in ("kind", "version", "sha256", "media_type", "size_bytes")}
                      for item in submission.materials or []],
        # The proofs of whoever may act for the applicant (relation proof, authorisation letter, consent signed
        # in person), with their SHA-256 like the materials; optional, so schema 1.0 receivers are unaffected.
        "proofs": [proof_entry(item, with_content=with_files) for item in facts["proofs"]],
    }


# What the office gets of our evaluator's answer: the facts it can check and act on (which subsidy, the outcome,
# the rule and the seed behind each reason, amounts, the start month, who is paid). Not our sentences for the
# applicant (easy-read lines, outcome labels, what would change the answer) nor the offices' phone numbers:
# the office has no use for them (PIPL art. 6, no more than the purpose needs), and an allowlist keeps words
# added to the applicant's answer later from travelling too.
_VERDICT_FACTS = ("outcome", "requested", "monthly_amount", "starts", "source", "as_of", "paid_to", "back_pay_months")
_REASON_FACTS = ("code", "effect", "rule", "source")


def office_eligibility(document: dict[str, Any] | None) -> dict[str, Any] | None:
    if document is None:
        return None
    found = document.get("region") or {}
    return {
        "date": document.get("date"),
        "region": {key: found.get(key) for key in ("code", "known", "policy_levels")},
        "subsidies": {subsidy: {**{key: verdict.get(key) for key in _VERDICT_FACTS},
                                "reasons": [_reason_facts(reason) for reason in verdict.get("reasons") or []]}
                      for subsidy, verdict in (document.get("subsidies") or {}).items()},
        "warnings": [_reason_facts(reason) for reason in document.get("warnings") or []],
    }


def _reason_facts(reason: dict[str, Any]) -> dict[str, Any]:
    return {key: reason.get(key) for key in _REASON_FACTS}


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


def frozen_proofs(uow: UnitOfWork, application: Application) -> list[dict[str, Any]]:
    """The proofs of whoever may act for the applicant at submission, as the submission keeps them: what each is,
    and its stored file (a proof's file is never replaced: a new proof is a new representation)."""
    return [{"kind": proof_kind(link), "representation_kind": link.kind, "relation": link.relation,
             "consent_method": link.consent_method, "flagged_for_review": link.flagged_for_review,
             "file": link.proof_key} for link in acting_proofs(uow, application)]


def proof_entry(item: dict[str, Any], *, with_content: bool) -> dict[str, Any]:
    """A frozen proof as the packet carries it: its SHA-256 and size (and, over HTTP, its bytes), not its file key."""
    data = runtime().storage.get(item["file"])
    entry = {key: item[key] for key in ("kind", "representation_kind", "relation", "consent_method",
                                        "flagged_for_review")}
    entry.update({"sha256": hashlib.sha256(data).hexdigest(), "media_type": "image/jpeg", "size_bytes": len(data)})
    if with_content:
        entry["content_base64"] = base64.b64encode(data).decode()
    return entry


def attach_files(uow: UnitOfWork, packet: dict[str, Any], submission: Submission) -> None:
    """An external review system cannot fetch our files: each material travels inline, with its hash."""
    storage = runtime().storage
    for entry, item in zip(packet["materials"], submission.materials or [], strict=True):
        material = uow.session.get(Material, item["id"])
        entry["content_base64"] = base64.b64encode(storage.get(material.storage_key)).decode()
