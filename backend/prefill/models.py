from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id


class DocumentRead(Base):
    """One OCR read of one material version: its status, which document it found, what it warned about.

    A worker that starts the read leases it (`leased_until`) and counts an attempt: while the lease holds no
    other worker reads it; a read still queued after its lease ran out (its worker died) or long after it was
    queued (its message was lost) is sent again by the periodic sweep, and failed after the last attempt
    (backend/prefill/reading.py)."""

    __tablename__ = "document_reads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    material_id: Mapped[str] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)  # queued, done, failed, skipped
    kind: Mapped[str | None] = mapped_column(String(32))  # what the photo was read as
    engine: Mapped[str | None] = mapped_column(String(32))
    warnings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    queued_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    leased_until: Mapped[datetime | None]


class PrefillProposal(Base):
    """A value read from a photo for one field of the application, waiting for the applicant's word.
    The value is encrypted like the application itself: it is usually an ID or certificate number."""

    __tablename__ = "prefill_proposals"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    material_id: Mapped[str] = mapped_column(ForeignKey("materials.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(64))
    document_field: Mapped[str] = mapped_column(String(32))
    value: Mapped[bytes] = mapped_column(LargeBinary)
    confidence: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))  # pending, accepted, dismissed, superseded
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
