"""A conversation as stored. Its state (the question asked, answers waiting to be confirmed, what was
confirmed or skipped) can hold personal data (an ID number read back for confirmation), so it is one
AES-GCM-encrypted JSON document like the application's content, bound to the row's id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    # Who started it: the owner while no application exists yet (the first questions decide who applies
    # and for which subsidies, which creating an application needs).
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"),
                                                       index=True)
    channel: Mapped[str] = mapped_column(String(32))  # miniprogram, official_account
    state: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
