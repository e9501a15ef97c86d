"""The proof photos of representations: the relation proof of a guardian or family member, an entrusted
person's signed authorisation letter, the signed consent an assistant photographed for someone without a phone.
Stored with the representation (`proof_key`); seen by the applicant, by the person who uploaded it while the link
is asked for or lasts (not once it is revoked or ran out), and by a
reviewer of a county where the applicant has an application under review; by nobody else (404), administrators
included: they see statistics, not applications (backend/applications/access.py), and a proof photo (a household
register page, a signed letter) is part of the applicant's file. Every look by someone other than the applicant
is in the applicant's access log (issue 8, item 4)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.access import Relation, relation
from backend.applications.models import Application
from backend.errors import NotFound
from backend.materials.service import FileContent
from backend.representation.common import is_live, proof_url
from backend.representation.models import Representation
from backend.runtime import runtime
from backend.unit_of_work import UnitOfWork, unit_of_work

# What each proof is, by the material kinds the review system already knows (docs/handoff-packet.schema.json).
PROOF_KINDS = {"guardian": "guardianship_proof", "institution": "guardianship_proof",
               "family": "household_register", "entrusted": "authorisation_letter", "assistant": "consent_record"}
# Whose proofs travel to the review system: those who may act for the applicant (a family member only follows).
ACTING_KINDS = ("guardian", "institution", "entrusted", "assistant")


def proof_kind(link: Representation) -> str:
    return PROOF_KINDS.get(link.kind, "other")


def proof_file(actor: Actor, representation_id: str, *, thumbnail: bool) -> FileContent:
    with unit_of_work() as uow:
        link = uow.session.get(Representation, representation_id) if isinstance(representation_id, str) else None
        if link is None or link.proof_key is None:
            raise NotFound("link_not_found")
        applications = list(uow.session.scalars(select(Application).where(
            Application.owner_user_id == link.applicant_user_id).order_by(Application.created_at)))
        role, concerned = _viewer(actor, link, applications, uow.now)
        if role is None:
            raise NotFound("link_not_found")
        if role != "applicant":
            for application in concerned or [None]:
                uow.audit.record(actor, "proof.viewed", application_id=application.id if application else None,
                                 role=role, fields=[proof_kind(link)])
            uow.commit()
        key = link.proof_thumbnail_key if thumbnail and link.proof_thumbnail_key else link.proof_key
        filename = f"{proof_kind(link)}-proof{'-thumbnail' if thumbnail else ''}.jpg"
    return FileContent(runtime().storage.get(key), "image/jpeg", filename)


def _viewer(actor: Actor, link: Representation, applications: list[Application],
            now: datetime) -> tuple[str | None, list[Application]]:
    """Who the actor is to this proof (the role written to the audit log), and the applications the look
    concerns (where it is recorded)."""
    if actor.role is Role.PUBLIC and actor.user_id == link.applicant_user_id:
        return "applicant", applications
    if actor.user_id == link.representative_user_id:
        # Their own upload, while the link is asked for or lasts: a household register page or a signed letter
        # shows the applicant's whole ID number and hukou, which a relative the applicant stopped, an entrusted
        # person whose authorisation ran out or an assistant whose grant ended may no longer see.
        return (link.kind, applications) if link.status == "pending" or is_live(link, now) else (None, [])
    if actor.role is Role.REVIEWER:
        # The access rule's own answer: a reviewer of the county of one of the person's submitted applications.
        mine = [application for application in applications if relation(actor, application) is Relation.REVIEWER]
        return ("reviewer", mine) if mine else (None, [])
    return None, []  # an administrator too: statistics, not applications


def acting_proofs(uow: UnitOfWork, application: Application) -> list[Representation]:
    """The live representations of everyone who may act for the applicant that hold a proof photo."""
    return [link for link in uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == application.owner_user_id, Representation.status == "active",
            Representation.kind.in_(ACTING_KINDS), Representation.proof_key.is_not(None))
            .order_by(Representation.created_at))
            if is_live(link, uow.now)]


def desk_proofs(uow: UnitOfWork, application: Application) -> list[dict[str, Any]]:
    """For the built-in review desk: what each proof is and where the reviewer looks at it."""
    return [{"kind": proof_kind(link), "representation_kind": link.kind, "relation": link.relation,
             "consent_method": link.consent_method, "flagged_for_review": link.flagged_for_review,
             "url": proof_url(link)} for link in acting_proofs(uow, application)]
