"""Proof materials as stored: one row per file version. A replaced file is kept, superseded, never
destroyed once the application has been submitted; the reviewer sees what changed and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id


class Material(Base):
    __tablename__ = "materials"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    slot: Mapped[str] = mapped_column(String(32), index=True)  # stable id shared by a file and its replacements
    version: Mapped[int] = mapped_column(Integer, default=1)
    storage_key: Mapped[str] = mapped_column(String(80), unique=True)
    thumbnail_key: Mapped[str] = mapped_column(String(80), unique=True)
    media_type: Mapped[str] = mapped_column(String(32))
    thumbnail_media_type: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    source_format: Mapped[str] = mapped_column(String(16))
    uploaded_by_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime]
    superseded_at: Mapped[datetime | None]
    superseded_by_id: Mapped[str | None] = mapped_column(String(32))
    submission_number: Mapped[int | None] = mapped_column(Integer)  # the submission it was part of, once submitted


class StorageIntent(Base):
    """A file that is being written or deleted. Written before the file and removed in the same
    transaction as the material row (or after the file is gone), so every stored file is known either
    to a material or to an intent; a sweep finishes what a crash interrupted."""

    __tablename__ = "storage_intents"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(16))  # write, delete
    created_at: Mapped[datetime]
