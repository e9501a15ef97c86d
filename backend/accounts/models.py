"""Who uses the service. A person (`public`) may apply for themselves or act for others; staff roles
(`assistant`, `reviewer`, `admin`) are created by administrators and scoped to a region."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id
from backend.privacy.sealed_column import SealedText


class Role(str, enum.Enum):
    PUBLIC = "public"          # applicants, guardians, family, entrusted persons
    ASSISTANT = "assistant"    # village committee / 民政助理员 / 残协专职委员, helping in person
    REVIEWER = "reviewer"      # the built-in review desk, scoped to a region
    ADMIN = "admin"


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    role: Mapped[str] = mapped_column(String(16), default=Role.PUBLIC.value)
    # Sealed: for a person an assistant registered without a phone it is their real name (at most 64 characters).
    display_name: Mapped[str] = mapped_column(SealedText("users.display_name"), default="")
    region_code: Mapped[str | None] = mapped_column(String(6))  # staff: the area they serve
    account: Mapped[str | None] = mapped_column(String(64), unique=True)  # named accounts (demo, staff)
    wechat_openid: Mapped[str | None] = mapped_column(String(64), unique=True)
    wechat_unionid: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]
    disabled_at: Mapped[datetime | None]


class RefreshToken(Base):
    """Opaque, single-use refresh tokens, stored only as a hash. Each use issues the next token of the
    same family; presenting a used token again revokes the whole family (it was stolen or replayed)."""

    __tablename__ = "refresh_tokens"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[str] = mapped_column(String(32), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
