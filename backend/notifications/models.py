from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db.base import Base, new_id


class Notification(Base):
    """Stores what happened, not the words: the words are made when read, in the reader's language."""

    __tablename__ = "notifications"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(String(48))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]
    read_at: Mapped[datetime | None]


class WechatSubscription(Base):
    """What the person allowed in the mini program (wx.requestSubscribeMessage): one message per "allow"
    for a one-time template, any number for a long-term one (政务民生 services may use those)."""

    __tablename__ = "wechat_subscriptions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    template_key: Mapped[str] = mapped_column(String(32))  # our name, e.g. status_update
    remaining: Mapped[int] = mapped_column(default=0)
    long_term: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime]


class NotificationDelivery(Base):
    """One attempt chain to deliver a notification outside the app (a WeChat subscribe message)."""

    __tablename__ = "notification_deliveries"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    notification_id: Mapped[str] = mapped_column(ForeignKey("notifications.id", ondelete="CASCADE"), unique=True)
    channel: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending, sent, failed, skipped
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None]
    # While a worker sends it (backend/notifications/wechat.py): a duplicate message, or the sweep, leaves it alone.
    leased_until: Mapped[datetime | None]
