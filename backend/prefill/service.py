"""Use cases of pre-fill: list_proposals and accept_proposals.

Nothing the applicant typed is ever overwritten: accepting "all" fills only empty fields (or confirms
equal ones); a proposal that differs from what is there is accepted only when the applicant names it.
When two photos disagree (the certificate's ID digits are not the ID card's number), the disagreement is
shown and neither is accepted by "all"; when they agree (the same name on both), each says so
(`corroborated_by`) with the confidence of the two readings together (`combined_confidence`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.applications.access import Purpose
from backend.applications.fields import FIELDS, get_path
from backend.applications.models import Application
from backend.errors import Conflict, FieldError, InvalidInput
from backend.identity.certificate_numbers import InvalidCertificateNumber, parse_certificate_number
from backend.materials.models import Material
from backend.messages.describe import field_label
from backend.prefill.models import DocumentRead, PrefillProposal
from backend.prefill.reading import unseal
from backend.privacy.masking import mask_account, mask_certificate_number, mask_id_number, mask_phone
from backend.unit_of_work import UnitOfWork, unit_of_work

# ocr/'s confidence from which a reading is offered as certain, and the most two agreeing readings under it reach.
CERTAIN = 0.9
SHARED_DOUBT_CEILING = 0.85
_MASKS = {"id_number": mask_id_number, "certificate_number": mask_certificate_number, "phone": mask_phone,
          "account": mask_account}


def list_proposals(actor: Actor, application_id: str, *, reveal: bool = True,
                   locale: str = "zh_Hans_CN") -> list[dict[str, Any]]:
    """Pending proposals with what they would change. Only those who may edit the application see them."""
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT)
        # Read off the photos, the numbers are whole: shown so only to whoever may reveal them (an entrusted
        # person with scope "edit" alone sees them masked, as in the application itself).
        reveal = reveal and Purpose.REVEAL in uow.applications.purposes_of(actor, application)
        return [_document(item, reveal, locale) for item in _pending(uow, application)]


def document_reads(actor: Actor, application_id: str, *, locale: str = "zh_Hans_CN") -> list[dict[str, Any]]:
    from backend.messages.catalog import say

    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT)
        reads = uow.session.scalars(select(DocumentRead).where(DocumentRead.application_id == application.id)
                                    .order_by(DocumentRead.queued_at))
        return [{"material_id": read.material_id, "status": read.status, "kind": read.kind,
                 "warnings": [{**warning, **say(f"ocr_warning.{warning['code']}", locale,
                                                field=field_label(document_field_path(read.kind, warning.get("field")),
                                                                  locale)).as_dict()}
                              for warning in read.warnings]}
                for read in reads]


def accept_proposals(actor: Actor, application_id: str, fields: list[str] | None = None, *,
                     proposal_ids: list[str] | None = None, accept_all: bool = False) -> dict[str, Any]:
    from backend.applications.service import DraftChanges, save_draft

    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT)
        pending = _pending(uow, application)
        chosen: dict[str, dict[str, Any]] = {}
        errors: list[FieldError] = []
        for item in pending:
            named = (fields and item["field"] in fields) or (proposal_ids and item["id"] in proposal_ids)
            if accept_all and not named:
                if item["disagreement"] or item["differs_from_current"]:
                    continue
            elif not named:
                continue
            if item["disagreement"] and not (proposal_ids and item["id"] in proposal_ids):
                # Said as the disagreement is: two readings of one field, or an ID card and a certificate of
                # two different people.
                errors.append(FieldError(item["field"], item["disagreement"]["reason"]))
                continue
            chosen[item["field"]] = item
        for field in fields or []:
            if field not in {item["field"] for item in pending}:
                errors.append(FieldError(field, "no_proposal"))
        if errors:
            raise InvalidInput(errors=errors)
        version = application.version
    if not chosen:
        raise Conflict("nothing_to_accept")
    document = save_draft(actor, application_id, DraftChanges(values={f: item["value"] for f, item in chosen.items()}),
                          expected_version=version)
    with unit_of_work() as uow:
        for item in chosen.values():
            _decide(uow, item["id"], "accepted")
        # Proposals for a field the applicant has now settled are done with.
        for proposal in uow.session.scalars(select(PrefillProposal).where(
                PrefillProposal.application_id == application_id, PrefillProposal.status == "pending",
                PrefillProposal.field.in_(list(chosen)))):
            proposal.status, proposal.decided_at = "dismissed", uow.now
        uow.audit.record(actor, "prefill.accepted", application_id=application_id, fields=list(chosen))
        uow.commit()
    return document


def keep_current_values(actor: Actor, application_id: str, fields: list[str]) -> None:
    """The applicant says what the application holds is right where a photo read something else: the
    pending proposals for those fields are dismissed (recorded, so the reviewer can see it was the person's
    choice), and the value stays as typed."""
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT)
        for proposal in uow.session.scalars(select(PrefillProposal).where(
                PrefillProposal.application_id == application.id, PrefillProposal.status == "pending",
                PrefillProposal.field.in_(fields))):
            proposal.status, proposal.decided_at = "dismissed", uow.now
        uow.audit.record(actor, "prefill.kept_current", application_id=application.id, fields=list(fields))
        uow.commit()


def _decide(uow: UnitOfWork, proposal_id: str, status: str) -> None:
    proposal = uow.session.get(PrefillProposal, proposal_id)
    proposal.status, proposal.decided_at = status, uow.now


def _pending(uow: UnitOfWork, application: Application) -> list[dict[str, Any]]:
    content = uow.applications.content(application)
    rows = list(uow.session.execute(
        select(PrefillProposal, Material.kind)
        .join(Material, Material.id == PrefillProposal.material_id)
        .where(PrefillProposal.application_id == application.id, PrefillProposal.status == "pending",
               Material.superseded_at.is_(None))
        .order_by(PrefillProposal.created_at)))
    items = []
    for proposal, kind in rows:
        value = unseal(uow, proposal)
        current = get_path(content, proposal.field)
        items.append({"id": proposal.id, "application_id": application.id, "field": proposal.field, "value": value, "confidence": proposal.confidence,
                      "material_id": proposal.material_id, "material_kind": kind,
                      "document_field": proposal.document_field, "current_value": current,
                      "differs_from_current": current is not None and current != value, "disagreement": None})
    _compare_photos(items)
    _against_typed_digits(items, content)
    return items


def _against_typed_digits(items: list[dict[str, Any]], content: dict[str, Any]) -> None:
    """A certificate number carries the category and grade in its last two digits, so accepting it sets both. Where
    the person typed a category or grade the number's digits contradict, the number differs from what is there
    as much as a typed field does: "all" leaves it (and the typed values) alone, and the list shows it as
    differing; named with the category and grade, the three are taken together (seed 004: grade 1 or 2 is 90 or
    80 yuan a month)."""
    for item in items:
        if item["field"] != "certificate.number" or item["differs_from_current"]:
            continue
        try:
            parsed = parse_certificate_number(str(item["value"]))
        except InvalidCertificateNumber:
            continue
        typed = {"category": get_path(content, "certificate.category"), "grade": get_path(content, "certificate.grade")}
        if any(value is not None and value != getattr(parsed, name) for name, value in typed.items()):
            item["differs_from_current"] = True


def _compare_photos(items: list[dict[str, Any]]) -> None:
    """Two photos that give a field the same value confirm each other; two that differ disagree."""
    for item in items:
        item["corroborated_by"] = []
    by_field: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_field.setdefault(item["field"], []).append(item)
    for same_field in by_field.values():
        if len({str(item["value"]) for item in same_field}) > 1:
            for item in same_field:
                item["disagreement"] = {"with": [other["id"] for other in same_field if other is not item],
                                        "reason": "photos_disagree"}
        else:
            for item in same_field:
                item["corroborated_by"] = [other["id"] for other in same_field
                                           if other is not item and other["material_id"] != item["material_id"]]
    # The certificate number starts with its holder's ID number: an ID card that says otherwise disagrees.
    ids = [item for item in items if item["field"] == "applicant.id_number"]
    certificates = [item for item in items if item["field"] == "certificate.number"]
    for id_item in ids:
        for certificate in certificates:
            if str(certificate["value"])[:18] != id_item["value"]:
                for item, other in ((id_item, certificate), (certificate, id_item)):
                    item["disagreement"] = {"with": [other["id"]], "reason": "certificate_not_for_this_id_number"}
            elif certificate["material_id"] != id_item["material_id"]:
                id_item["corroborated_by"].append(certificate["id"])
                certificate["corroborated_by"].append(id_item["id"])
    by_id = {item["id"]: item for item in items}
    for item in items:
        # Two photos read independently (two documents, two recognitions) that agree: the chance both are
        # wrong the same way is the product of their own (ocr/ calibrates each to its confidence).
        doubt = 1 - item["confidence"]
        surest = item["confidence"]
        for other_id in item["corroborated_by"]:
            doubt *= 1 - by_id[other_id]["confidence"]
            surest = max(surest, by_id[other_id]["confidence"])
        combined = min(0.99, 1 - doubt) if item["corroborated_by"] else item["confidence"]
        if surest < CERTAIN:
            # Except for the doubts the two share: one recogniser reads both documents, so its blind spots (淼 read
            # as 森 on the card and on the certificate alike) and ocr/'s rules (a surname weighed by frequency)
            # err the same way on both. Agreement raises a reading ocr/ would not call certain, not into certainty.
            combined = min(combined, max(item["confidence"], SHARED_DOUBT_CEILING))
        item["combined_confidence"] = combined


def _document(item: dict[str, Any], reveal: bool, locale: str) -> dict[str, Any]:
    mask = _MASKS.get(FIELDS[item["field"]].mask or "", None) if item["field"] in FIELDS else None
    shown = (lambda value: value) if reveal or mask is None else mask
    file_url = f"/api/v1/applications/{item['application_id']}/materials/{item['material_id']}/file"
    return {
        "id": item["id"], "field": item["field"], "label": field_label(item["field"], locale).as_dict(),
        "value": shown(item["value"]), "confidence": round(item["confidence"], 3),
        # Confirmed by another photo that reads the same (the name on the ID card and on the certificate):
        # the client may show it as settled even when each reading alone was unsure.
        "corroborated_by": item["corroborated_by"], "combined_confidence": round(item["combined_confidence"], 3),
        "source": {"material_id": item["material_id"], "kind": item["material_kind"],
                   "document_field": item["document_field"], "thumbnail_url": file_url + "?variant=thumbnail"},
        "current_value": shown(item["current_value"]) if item["current_value"] is not None else None,
        "differs_from_current": item["differs_from_current"], "disagreement": _disagreement(item, locale),
        "accepted_by_all": not item["differs_from_current"] and not item["disagreement"],
    }


def _disagreement(item: dict[str, Any], locale: str) -> dict[str, Any] | None:
    """The disagreement with its words (the same as the refusal to accept it without choosing)."""
    from backend.messages.describe import describe_field_error

    if not item["disagreement"]:
        return None
    words = describe_field_error(FieldError(item["field"], item["disagreement"]["reason"]), locale)
    return {**item["disagreement"], "text": words["message"], "easy_read": words["easy_read"]}


def document_field_path(kind: str | None, document_field: str | None) -> str:
    """The field a warning about a document's field is said by: the application's field it fills, else the
    document's own (性别, 签发机关: `document.*` in the catalog), never the reader's raw name ("sex")."""
    from backend.prefill.mapping import FIELD_MAP
    if not document_field:
        return ""
    return FIELD_MAP.get(kind or "", {}).get(document_field) or f"document.{document_field}"
