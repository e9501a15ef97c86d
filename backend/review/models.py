from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id


class OutboxMessage(Base):
    """A hand-off waiting to be delivered, written in the same transaction as the submission, so a
    crash between commit and send loses nothing: the dispatcher finds it and sends it again."""

    __tablename__ = "outbox_messages"
    __table_args__ = (UniqueConstraint("application_id", "submission_number"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    submission_number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(index=True)
    delivered_at: Mapped[datetime | None]
    dead_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
