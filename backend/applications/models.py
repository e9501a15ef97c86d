"""Applications and what happens to them, as stored.

The application's content (names, numbers, disability, household, benefits, accounts) is one
AES-GCM-encrypted JSON document (`content`); only what routing, scoping and statistics need is kept
in clear columns (stage, subsidies, hukou and office county, channel, dates), plus keyed hashes of the
ID and certificate numbers so an application can be found by them without storing them in clear."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id
from backend.privacy.sealed_column import SealedText


class Application(Base):
    __tablename__ = "applications"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    owner_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_by_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    stage: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    subsidies: Mapped[list[str]] = mapped_column(JSON)
    applying_as: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(32))  # miniprogram, official_account, assistant
    applied_from_region: Mapped[str | None] = mapped_column(String(6))  # where the applicant applied from
    hukou_region: Mapped[str | None] = mapped_column(String(6))  # as confirmed by the applicant
    office_region: Mapped[str | None] = mapped_column(String(6), index=True)  # today's county for the hukou
    content: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_index: Mapped[str | None] = mapped_column(String(64), index=True)
    certificate_number_index: Mapped[str | None] = mapped_column(String(64), index=True)
    submission_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    first_submitted_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    materials_complete_at: Mapped[datetime | None]
    handed_off_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # withdrawn or rejected


class Submission(Base):
    """A frozen copy of the application as submitted: what the reviewer receives and decides on."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("application_id", "number"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1 for the first submission, 2 after a correction, ...
    content: Mapped[bytes] = mapped_column(LargeBinary)
    eligibility: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    materials: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, server_default="[]")  # versions submitted
    submitted_by_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime]


class Consent(Base):
    """A purpose-specific consent (PIPL art. 14, 29): who agreed, for whom, to what, when."""

    __tablename__ = "consents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(64))
    given_by_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    given_as: Mapped[str] = mapped_column(String(32))  # self, guardian, ...
    notice_version: Mapped[str] = mapped_column(String(32))
    given_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]


class StatusEvent(Base):
    """One line of the status timeline. `source_event_id` makes review events idempotent: the same
    event delivered twice is stored once."""

    __tablename__ = "status_events"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(48))
    stage_after: Mapped[str] = mapped_column(String(32))
    actor_role: Mapped[str] = mapped_column(String(32))  # applicant, guardian, township, ..., never a name
    occurred_at: Mapped[datetime]
    recorded_at: Mapped[datetime]
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source_event_id: Mapped[str | None] = mapped_column(String(128), unique=True)
    submission_number: Mapped[int | None] = mapped_column(Integer)

    @property
    def moved_the_stage(self) -> bool:
        """False for a review event kept in the timeline that did not move the application (a second approval, a
        rejection after payment began: backend/review/events.py marks them): it changes no decision shown and no
        figure counted."""
        return not (self.details or {}).get("did_not_change_stage")


class IdempotencyRecord(Base):
    """A claimed Idempotency-Key and, once the request succeeded, its answer: the same key gets the same
    answer. A row without a status code is a claim: the first request is still being handled (the
    unique constraint lets exactly one request claim a key)."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("user_id", "scope", "key"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)
    # The answer replayed to retries: it repeats the application (name, address, birth date), so it is sealed.
    response_body: Mapped[str | None] = mapped_column(SealedText("idempotency_records.response_body"))
    # The answer's headers a retry needs (ETag for its next If-Match, Location of what was created), as a
    # JSON object; sealed with the body, as part of the same answer. Null in answers kept before 0011.
    response_headers: Mapped[str | None] = mapped_column(SealedText("idempotency_records.response_headers"))
    created_at: Mapped[datetime]
