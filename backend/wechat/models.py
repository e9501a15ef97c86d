from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base


class SharedCacheEntry(Base):
    """wechatpy's session storage, in the database so every web and job worker shares one access token
    (WeChat limits how many tokens an app may fetch a day, and a new token invalidates the old one)."""

    __tablename__ = "shared_cache"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime | None]
