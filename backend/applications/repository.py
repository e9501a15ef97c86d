"""Loading and storing applications. `get_for` and `list_for` are the only ways to load one for a
person: both take the acting user and apply the one access rule, so what a person may not see
behaves exactly as if it did not exist."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.access import Grant, Purpose, Relation, allowed_purposes, may, relation
from backend.applications.fields import get_path
from backend.applications.models import Application, Consent, StatusEvent, Submission
from backend.audit.models import AuditEntry
from backend.representation.models import Representation
from backend.errors import NotFound
from backend.identity.regions import counties
from backend.privacy.vault import Vault

# Where a frozen submission keeps the hand-off's facts beside the content (backend/review/packet.py): no field's name.
SUBMITTED_FACTS = "_submitted_facts"


class ApplicationRepository:
    def __init__(self, session: Session, vault: Vault, now: datetime,
                 access_records: list[AuditEntry] | None = None) -> None:
        self._session = session
        self._vault = vault
        self._now = now
        # Records of access by others; the unit of work keeps them even when the use case does not commit.
        self._access_records = access_records if access_records is not None else []

    # --- loading, always through the access rule -------------------------------------------------
    def get_for(self, actor: Actor | None, application_id: str, purpose: Purpose,
                *, for_update: bool = False) -> Application:
        query = select(Application).where(Application.id == application_id)
        if for_update:
            query = query.with_for_update()
        application = self._session.scalars(query).first() if isinstance(application_id, str) else None
        if application is None:
            raise NotFound("application_not_found")
        grants = self.grants(actor, application.owner_user_id)
        if not may(actor, purpose, application, grants, self._now):
            raise NotFound("application_not_found")
        held = relation(actor, application, grants, self._now)
        if held is not Relation.APPLICANT and actor is not None:
            # Every read or change of another person's application is recorded: who, in what role, what,
            # when and from where (issue 8; PIPL art. 55).
            entry = AuditEntry(at=self._now, actor_user_id=actor.user_id,
                               actor_role=held.value if held else actor.role.value,
                               application_id=application.id, action=f"access.{purpose.value}",
                               fields=[], source=(actor.source or "")[:64])
            self._session.add(entry)
            self._access_records.append(entry)
        return application

    def relation_of(self, actor: Actor | None, application: Application) -> Relation | None:
        return relation(actor, application, self.grants(actor, application.owner_user_id), self._now)

    def purposes_of(self, actor: Actor | None, application: Application) -> set[Purpose]:
        return allowed_purposes(actor, application, self.grants(actor, application.owner_user_id), self._now)

    def grants(self, actor: Actor | None, applicant_user_id: str) -> list[Grant]:
        if actor is None or actor.role not in (Role.PUBLIC, Role.ASSISTANT):
            return []
        rows = self._session.scalars(select(Representation).where(
            Representation.representative_user_id == actor.user_id,
            Representation.applicant_user_id == applicant_user_id))
        return [Grant(row.kind, row.status, tuple(row.scope or ()), row.expires_at, row.region_code, row.application_id)
                for row in rows]

    def list_for(self, actor: Actor, purpose: Purpose = Purpose.VIEW, *, stages: list[str] | None = None,
                 limit: int = 200) -> list[Application]:
        """Candidates are narrowed in SQL for speed; `may` still decides each one."""
        query = select(Application)
        if actor.role in (Role.PUBLIC, Role.ASSISTANT):
            represented = select(Representation.applicant_user_id).where(
                Representation.representative_user_id == actor.user_id, Representation.status == "active")
            query = query.where(or_(Application.owner_user_id == actor.user_id,
                                    Application.owner_user_id.in_(represented)))
        elif actor.role is Role.REVIEWER and actor.region_code:
            codes = [county.code for county in counties(within=actor.region_code)] or [actor.region_code]
            query = query.where(or_(*(Application.office_region == code for code in codes)))
        else:
            return []
        if stages:
            query = query.where(Application.stage.in_(stages))
        query = query.order_by(Application.updated_at.desc()).limit(limit)
        return [app for app in self._session.scalars(query)
                if may(actor, purpose, app, self.grants(actor, app.owner_user_id), self._now)]

    def find_by_reference(self, reference: str) -> Application | None:
        """For the review system's events, which name applications by their reference; not for people."""
        return self._session.scalars(select(Application).where(Application.reference == reference)).first()

    def get_unscoped(self, application_id: str) -> Application | None:
        """For background jobs acting for the system (hand-off), never for a person's request."""
        return self._session.get(Application, application_id)

    # --- content ---------------------------------------------------------------------------------
    def content(self, application: Application) -> dict[str, Any]:
        cached = application.__dict__.get("_plain_content")
        if cached is None:
            cached = json.loads(self._vault.decrypt(application.content, context=_context(application.id)))
            application.__dict__["_plain_content"] = cached
        return cached

    def store_content(self, application: Application, content: dict[str, Any]) -> None:
        application.content = self._vault.encrypt(
            json.dumps(content, ensure_ascii=False, sort_keys=True).encode(), context=_context(application.id))
        application.__dict__["_plain_content"] = content
        id_number = get_path(content, "applicant.id_number")
        number = get_path(content, "certificate.number")
        application.id_number_index = self._vault.blind_index("id_number", id_number) if id_number else None
        application.certificate_number_index = (
            self._vault.blind_index("certificate_number", number) if number else None)

    def submission_content(self, submission: Submission) -> dict[str, Any]:
        return json.loads(self._vault.decrypt(
            submission.content, context=_context(submission.application_id, submission.number)))

    def freeze(self, application: Application, number: int, *, facts: dict[str, Any] | None = None) -> bytes:
        """The content as submitted, sealed; `facts` (what the hand-off needs beside it, as it stands now) are
        sealed with it under their own key, so nothing changed after submitting reaches the review office."""
        content = self.content(application)
        if facts is not None:
            content = {**content, SUBMITTED_FACTS: facts}
        return self._vault.encrypt(json.dumps(content, ensure_ascii=False, sort_keys=True).encode(),
                                   context=_context(application.id, number))

    # --- related rows ------------------------------------------------------------------------------
    def add(self, row: Any) -> None:
        self._session.add(row)

    def flush(self) -> None:
        self._session.flush()

    def consents(self, application: Application) -> list[Consent]:
        return list(self._session.scalars(
            select(Consent).where(Consent.application_id == application.id, Consent.withdrawn_at.is_(None))
            .order_by(Consent.given_at)))

    def timeline(self, application: Application) -> list[StatusEvent]:
        return list(self._session.scalars(
            select(StatusEvent).where(StatusEvent.application_id == application.id)
            .order_by(StatusEvent.occurred_at, StatusEvent.recorded_at)))

    def submission(self, application: Application, number: int | None = None) -> Submission | None:
        number = number or application.submission_count
        return self._session.scalars(select(Submission).where(
            Submission.application_id == application.id, Submission.number == number)).first()

    def correction_items(self, application: Application) -> list[str]:
        """The field paths and material kinds the latest correction request asks for."""
        for event in reversed(self.timeline(application)):
            if event.type == "correction_requested":
                return list(event.details.get("items", []))
        return []

    def material_kinds(self, application: Application) -> set[str]:
        from backend.materials.models import Material
        return set(self._session.scalars(select(Material.kind).where(
            Material.application_id == application.id, Material.superseded_at.is_(None))))

    def kinds_not_yet_submitted(self, application: Application) -> set[str]:
        """The kinds of the current photos uploaded since the last submission (none has gone to review yet)."""
        from backend.materials.models import Material
        return set(self._session.scalars(select(Material.kind).where(
            Material.application_id == application.id, Material.superseded_at.is_(None),
            Material.submission_number.is_(None))))

    def reference_exists(self, reference: str) -> bool:
        return self._session.scalar(select(Application.id).where(Application.reference == reference)) is not None


def _context(application_id: str, submission_number: int | None = None) -> str:
    return f"application:{application_id}" if submission_number is None else (
        f"submission:{application_id}:{submission_number}")
