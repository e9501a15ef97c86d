"""Who may act for whom. A representation links a representative's account to an applicant's account
(for a person without a phone, an account made for them by the assistant, which they can claim later).
Codes are one-time and stored only as hashes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id
from backend.privacy.sealed_column import SealedText


class Representation(Base):
    __tablename__ = "representations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    applicant_user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # A link asked for by an application's number is for that application alone: a guardian's account may hold
    # the applications of several wards, and a relative of one must not see the others. None: every application
    # of the person (an assistant's help; links made before migration 0013).
    application_id: Mapped[str | None] = mapped_column(String(32), index=True)
    representative_user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))       # guardian, family, entrusted, assistant
    relation: Mapped[str | None] = mapped_column(String(32))  # parent, child, spouse, ... (guardian, family)
    scope: Mapped[list[str]] = mapped_column(JSON, default=list)  # entrusted: view, edit, submit
    status: Mapped[str] = mapped_column(String(16))     # pending, active, revoked
    consent_method: Mapped[str | None] = mapped_column(String(32))  # wechat_code, in_person, confirmed_by_*
    # The assistant's statement of in-person consent: free text that may name the person or give a number, sealed.
    statement: Mapped[str | None] = mapped_column(SealedText("representations.statement"))
    # The name a guardian, family member or entrusted person gave as their own when asking (POST /links), shown to
    # the applicant; a person's real name, sealed. Null for assistance grants and for links asked before it was asked.
    requester_name: Mapped[str | None] = mapped_column(SealedText("representations.requester_name"))
    proof_key: Mapped[str | None] = mapped_column(String(80))  # photo: proof of relation, letter, consent
    proof_thumbnail_key: Mapped[str | None] = mapped_column(String(80))
    flagged_for_review: Mapped[bool] = mapped_column(Boolean, default=False)
    region_code: Mapped[str | None] = mapped_column(String(6))  # an assistant's region when granted
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    confirmed_by_user_id: Mapped[str | None] = mapped_column(String(32))
    revoked_at: Mapped[datetime | None]
    revoked_by_user_id: Mapped[str | None] = mapped_column(String(32))


class OneTimeCode(Base):
    """A short code a person reads off another person's screen: consent to an assistant, taking over an
    account made for them, activating a staff account. Single use, short-lived, stored hashed."""

    __tablename__ = "one_time_codes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(32))  # assistance_consent, handover, staff_activation
    created_by_user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    subject_user_id: Mapped[str | None] = mapped_column(String(32))   # handover/activation: whose account
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by_user_id: Mapped[str | None] = mapped_column(String(32))


class Decline(Base):
    """A recorded "no" to applying (seed 004, 附件1 一: 放弃申请的，可通过适宜方式记录备查; 再次提出申请的，
    乡镇（街道）应当及时受理). Taken back by applying."""

    __tablename__ = "declines"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    person_user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    recorded_by_user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    subsidies: Mapped[list[str]] = mapped_column(JSON, default=list)
    reason: Mapped[str | None] = mapped_column(SealedText("declines.reason"))  # free text about a person: sealed
    declared_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]
