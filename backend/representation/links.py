"""Guardians, family and entrusted persons: links asked for with the application's number and the
applicant's ID number, proved by a photo, confirmed by someone who knows the applicant, ended by the applicant.

Asking answers whether a reference and an ID number belong together, so it is an oracle for either one: the
reference's six random digits, or the three sequence digits of an ID number whose birth date and region are
known. Wrong pairs are therefore limited (counted from the audit log, attempts.py): MAX_FAILURES_PER_ACCOUNT an
hour per asking account, MAX_FAILURES_PER_REFERENCE a day per reference (whoever asks), MAX_FAILURES_PER_HOUR an
hour in all; past a limit every request is refused with too_many_link_attempts (429) saying when to try again,
right pair or not. A wrong pair is answered the same whether the reference exists or not (the same 404, the same
work done), and the applicant's name is shown to the one asking only once the link is confirmed
(common.representation_document)."""

from __future__ import annotations

import hmac
from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.audit.models import AuditEntry
from backend.unit_of_work import UnitOfWork, unit_of_work
from datetime import date, datetime, time, timedelta

from backend.applications.fields import FieldProblem, tidy_name
from backend.applications.access import was_submitted
from backend.applications.models import Application
from backend.applications.vocabulary import FAMILY_RELATIONS
from backend.errors import Conflict, FieldError, InvalidInput, NotFound
from backend.identity.regions import is_within
from backend.materials.models import StorageIntent
from backend.representation.common import (
    release_intents, representation_document, require_active_assistance, require_role, store_photo,
)
from backend.representation.attempts import Limit, refuse_over_limits
from backend.representation.models import Representation
from backend.runtime import CHINA

LINK_KINDS = ("guardian", "family", "entrusted")
ENTRUSTED_SCOPES = ("view", "edit", "submit")
MAX_FAILURES_PER_ACCOUNT = 5       # wrong reference/ID pairs one account may send in an hour
MAX_FAILURES_PER_REFERENCE = 10    # wrong ID numbers sent with one reference in a day, by anyone
MAX_FAILURES_PER_HOUR = 100        # wrong pairs everyone together may send in an hour
FAILED = "link.failed."            # the audit action of a wrong pair: FAILED + the reference's keyed digest
REQUESTER_NAME_LENGTH = (2, 30)    # the asker's own name: a Chinese name has 2 characters at least


def request_link(actor: Actor, *, reference: str, applicant_id_number: str, kind: str,
                 relation: str | None = None, scope: list[str] | None = None,
                 expires_on: date | None = None, requester_name: str | None = None) -> dict[str, Any]:
    """Someone asks to act for (or follow) an applicant. Knowing the application's number and the
    applicant's ID number is needed to ask; the link is pending until confirmed, with proof. The asker gives
    their own name: the applicant sees who asks before confirming, and by name in the access log (issue 8, item 4:
    names of assistants and guardians). Links asked for before the name was asked keep none."""
    require_role(actor, Role.PUBLIC)
    errors = []
    name = None
    try:
        name = checked_requester_name(requester_name)
    except FieldProblem as problem:
        errors.append(FieldError("requester_name", problem.code, problem.params))
    if kind not in LINK_KINDS:
        errors.append(FieldError("kind", "not_a_choice", {"choices": ", ".join(LINK_KINDS)}))
    if kind in ("guardian", "family") and relation not in (*FAMILY_RELATIONS, "legal_guardian"):
        errors.append(FieldError("relation", "not_a_choice"))
    if kind == "entrusted":
        if not scope or any(item not in ENTRUSTED_SCOPES for item in scope):
            errors.append(FieldError("scope", "not_a_choice", {"choices": ", ".join(ENTRUSTED_SCOPES)}))
        if expires_on is None:
            errors.append(FieldError("expires_on", "required"))
    if errors:
        raise InvalidInput(errors=errors)
    with unit_of_work() as uow:
        if expires_on is not None and expires_on <= uow.now.astimezone(CHINA).date():
            raise InvalidInput(errors=[FieldError("expires_on", "date_in_past")])
        tried = _reference_digest(uow, reference)
        refuse_over_limits(
            uow, "too_many_link_attempts",
            Limit(MAX_FAILURES_PER_ACCOUNT, timedelta(hours=1), (
                AuditEntry.actor_user_id == actor.user_id, AuditEntry.action.startswith(FAILED, autoescape=True))),
            Limit(MAX_FAILURES_PER_REFERENCE, timedelta(days=1), (AuditEntry.action == FAILED + tried,)),
            Limit(MAX_FAILURES_PER_HOUR, timedelta(hours=1), (AuditEntry.action.startswith(FAILED, autoescape=True),)))
        application = uow.applications.find_by_reference(reference.strip())
        # The keyed hash is computed whether or not the reference exists: the same work, the same time.
        index = uow.vault.blind_index("id_number", "".join(applicant_id_number.split()).upper())
        if application is None or application.id_number_index is None \
                or not hmac.compare_digest(application.id_number_index, index):
            # Recorded without the application (never in anyone's access log), so a wrong pair for a reference
            # that exists leaves the same trace as one for a reference that does not.
            uow.audit.record(actor, f"link.failed.{tried}")
            uow.commit()  # the failed try counts even though the use case stops here
            raise NotFound("link_target_not_found")
        if application.owner_user_id == actor.user_id:
            raise Conflict("cannot_link_to_yourself")
        expires_at = datetime.combine(expires_on, time(23, 59, 59), CHINA) if expires_on else None
        asked = {"relation": relation if kind != "entrusted" else "entrusted_person", "scope": list(scope or []),
                 "expires_at": expires_at}
        existing = uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == application.owner_user_id,
            Representation.application_id == application.id,
            Representation.representative_user_id == actor.user_id, Representation.kind == kind,
            Representation.status.in_(("pending", "active")))).all()
        _name_the_account(uow, actor, name)
        same = next((link for link in existing if all(getattr(link, key) == value for key, value in asked.items())),
                    None)
        pending = next((link for link in existing if link.status == "pending"), None)
        if same is not None or pending is not None:
            # Asked again as it stands: the same link. A pending one asked again differently (more scope, a
            # later end) is the new request, still to be confirmed.
            link = same or pending
            if same is None:
                link.relation, link.scope, link.expires_at = asked["relation"], asked["scope"], asked["expires_at"]
            link.requester_name = link.requester_name or name
            uow.commit()
            return representation_document(uow, link, actor)
        # None yet, or an active one asked for differently: a new request, which the applicant confirms (the old
        # link stays as it is until then: confirm_link replaces it).
        link = Representation(applicant_user_id=application.owner_user_id, application_id=application.id,
                              representative_user_id=actor.user_id, kind=kind, relation=asked["relation"],
                              scope=asked["scope"], status="pending", created_at=uow.now, expires_at=expires_at,
                              requester_name=name)
        uow.session.add(link)
        uow.session.flush()
        uow.audit.record(actor, f"link.requested.{kind}", application_id=application.id, role=kind)
        uow.commit()
        return representation_document(uow, link, actor)


def checked_requester_name(value: str | None) -> str:
    """The asker's own name, tidied as the application's names are (applications/fields.py): 2 to 30
    characters, no control or invisible characters."""
    low, high = REQUESTER_NAME_LENGTH
    try:
        name = tidy_name(value, max_length=high)
    except FieldProblem as problem:
        if problem.code in ("not_text", "required"):
            raise FieldProblem("requester_name_needed") from None
        raise
    if len(name) < low:
        raise FieldProblem("too_short", min_length=low, length=len(name))
    return name


def _name_the_account(uow: UnitOfWork, actor: Actor, name: str | None) -> None:
    """An account without a name (a WeChat login gives none) takes the name given; a name it has stays."""
    user = uow.session.get(User, actor.user_id)
    if name and user is not None and not user.display_name:
        user.display_name = name


def _reference_digest(uow: UnitOfWork, reference: str) -> str:
    """The reference as the audit log counts it: a keyed digest (the log holds no reference a person typed),
    of the reference as written without spaces and in capitals, so "lb2026 1125..." counts with "LB20261125...". """
    written = "".join(reference.split()).upper()
    return uow.vault.blind_index("link_reference", written)[:32]


def attach_proof(actor: Actor, representation_id: str, photo: bytes) -> dict[str, Any]:
    """The proof of a link: a household register page, a guardianship certificate, a signed letter."""
    with unit_of_work() as uow:
        link = _own_pending_link(uow, actor, representation_id)
    keys = store_photo(photo)
    with unit_of_work() as uow:
        link = _own_pending_link(uow, actor, representation_id)
        old = [key for key in (link.proof_key, link.proof_thumbnail_key) if key]
        link.proof_key, link.proof_thumbnail_key = keys
        release_intents(uow, keys)
        for key in old:
            uow.session.add(StorageIntent(key=key, purpose="delete", created_at=uow.now - timedelta(days=1)))
        uow.audit.record(actor, "link.proof_attached")
        uow.commit()
        return representation_document(uow, link, actor)


def confirm_link(actor: Actor, representation_id: str) -> dict[str, Any]:
    """Confirmed by the applicant, by an assistant who helps the applicant, or by a reviewer of the
    applicant's county; never by the one asking."""
    with unit_of_work() as uow:
        link = uow.session.get(Representation, representation_id) if isinstance(representation_id, str) else None
        if link is None or link.kind not in LINK_KINDS or not _may_confirm(uow, actor, link):
            raise NotFound("link_not_found")
        if link.status != "pending":
            raise Conflict("link_not_pending", params={"status": link.status})
        if link.proof_key is None:
            raise Conflict("link_needs_proof")
        link.status, link.confirmed_at, link.confirmed_by_user_id = "active", uow.now, actor.user_id
        for replaced in uow.session.scalars(select(Representation).where(
                Representation.id != link.id, Representation.status == "active",
                Representation.application_id == link.application_id,
                Representation.applicant_user_id == link.applicant_user_id,
                Representation.representative_user_id == link.representative_user_id,
                Representation.kind == link.kind)):
            replaced.status, replaced.revoked_at = "revoked", uow.now   # the new request replaces it
        link.consent_method = f"confirmed_by_{_confirmer_role(uow, actor, link)}"
        uow.audit.record(actor, f"link.confirmed.{link.kind}")
        uow.commit()
        return representation_document(uow, link, actor)


def revoke(actor: Actor, representation_id: str) -> dict[str, Any]:
    """The applicant ends any link or grant to their file; a representative may give up their own."""
    with unit_of_work() as uow:
        link = uow.session.get(Representation, representation_id) if isinstance(representation_id, str) else None
        if link is None or actor.user_id not in (link.applicant_user_id, link.representative_user_id):
            raise NotFound("link_not_found")
        if link.status == "revoked":
            return representation_document(uow, link, actor)
        link.status, link.revoked_at, link.revoked_by_user_id = "revoked", uow.now, actor.user_id
        uow.audit.record(actor, f"representation.revoked.{link.kind}")
        uow.commit()
        return representation_document(uow, link, actor)


def my_representations(actor: Actor, *, locale: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Who may act for me (a pending link carries the question put to me: confirm_prompt), and for whom I act."""
    with unit_of_work() as uow:
        acting_for_me = uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == actor.user_id).order_by(Representation.created_at))
        i_act_for = uow.session.scalars(select(Representation).where(
            Representation.representative_user_id == actor.user_id).order_by(Representation.created_at))
        return {"acting_for_me": [representation_document(uow, link, actor, locale) for link in acting_for_me],
                "i_act_for": [representation_document(uow, link, actor, locale) for link in i_act_for]}


def _may_confirm(uow: UnitOfWork, actor: Actor, link: Representation) -> bool:
    return _confirmer_role(uow, actor, link) is not None


def _confirmer_role(uow: UnitOfWork, actor: Actor, link: Representation) -> str | None:
    if actor.user_id == link.representative_user_id:
        return None
    if actor.role is Role.PUBLIC and actor.user_id == link.applicant_user_id:
        return "applicant"
    applications = list(uow.session.scalars(select(Application).where(
        Application.owner_user_id == link.applicant_user_id)))
    if actor.role is Role.ASSISTANT:
        try:
            require_active_assistance(uow, actor, link.applicant_user_id)
            return "assistant"
        except NotFound:
            return None
    if actor.role is Role.REVIEWER and actor.region_code and any(
            app.office_region and was_submitted(app) and is_within(actor.region_code, app.office_region)
            for app in applications):
        return "reviewer"
    return None


def _own_pending_link(uow: UnitOfWork, actor: Actor, representation_id: str) -> Representation:
    link = uow.session.get(Representation, representation_id) if isinstance(representation_id, str) else None
    if link is None or link.representative_user_id != actor.user_id or link.kind not in LINK_KINDS:
        raise NotFound("link_not_found")
    if link.status != "pending":
        raise Conflict("link_not_pending", params={"status": link.status})
    return link
