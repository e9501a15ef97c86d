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
    def __init__(self, session: Session, now: datetime) -> None:
        self._session = session
        self._now = now

    def record(self, actor: Actor | None, action: str, *, application_id: str | None = None,
               role: str | None = None, fields: Iterable[str] = (), source: str | None = None) -> None:
        """`source` names where a request without a signed-in actor came from (its client address)."""
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
