"""Writing to the audit log: every read or change of an application by someone other than its owner,
and every reveal of a whole identity number, with who, in what role, what, when and from where."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.actor import Actor
from backend.audit.models import AuditEntry


class AuditLog:
    def __init__(self, session: Session, now: datetime, access_records: list[AuditEntry] | None = None) -> None:
        """`access_records`: what the access rule recorded in this unit of work (ApplicationRepository.get_for),
        each in the role its actor holds for that application."""
        self._session = session
        self._now = now
        self._access_records = access_records if access_records is not None else []

    def record(self, actor: Actor | None, action: str, *, application_id: str | None = None,
               role: str | None = None, fields: Iterable[str] = (), source: str | None = None) -> None:
        """`source` names where a request without a signed-in actor came from (its client address). Without
        `role`, an actor who loaded the application in this unit of work is recorded in the role they hold for it
        (a guardian looking at a photo is a guardian, not a "public" account), otherwise in their account's."""
        if role is None and actor is not None and application_id is not None:
            role = next((entry.actor_role for entry in reversed(self._access_records)
                         if entry.actor_user_id == actor.user_id and entry.application_id == application_id), None)
        self._session.add(AuditEntry(
            at=self._now,
            actor_user_id=actor.user_id if actor else None,
            actor_role=role or (actor.role.value if actor else "system"),
            application_id=application_id,
            action=action,
            fields=sorted(set(fields)),
            source=(actor.source or "")[:64] if actor else (source[:64] if source is not None else None),
        ))

    def entries_for(self, application_id: str) -> list[AuditEntry]:
        return list(self._session.scalars(
            select(AuditEntry).where(AuditEntry.application_id == application_id).order_by(AuditEntry.at)
        ))
