from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    # Attempt limits count recent entries by action on every guarded request (backend/representation/attempts.py).
    __table_args__ = (Index("ix_audit_entries_action_at", "action", "at"), Index("ix_audit_entries_at", "at"))

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    at: Mapped[datetime]
    actor_user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    actor_role: Mapped[str] = mapped_column(String(32))  # applicant, guardian, assistant, reviewer, system ...
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(64))  # application.viewed, draft.saved, numbers.revealed, ...
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)  # field paths, never values
    source: Mapped[str | None] = mapped_column(String(64))  # client address or channel
