"""Notifications: every status change reaches the applicant's account at once, in-app."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.applications.models import Application
from backend.errors import NotFound
from backend.messages.catalog import Words, say
from backend.notifications.models import Notification
from backend.unit_of_work import UnitOfWork, unit_of_work


def recipients(uow: UnitOfWork, application: Application) -> list[str]:
    """The applicant and everyone the access rule lets follow the application for them."""
    from backend.accounts.models import Role, User
    from backend.applications.access import Purpose
    from backend.representation.models import Representation

    found = [application.owner_user_id]
    for link in uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == application.owner_user_id, Representation.status == "active")):
        user = uow.session.get(User, link.representative_user_id)
        if user is None or user.disabled_at is not None:
            continue
        actor = Actor(user_id=user.id, role=Role(user.role), region_code=user.region_code)
        if Purpose.VIEW_STATUS in uow.applications.purposes_of(actor, application) and user.id not in found:
            found.append(user.id)
    return found


def notify_status_change(uow: UnitOfWork, application: Application, event_type: str) -> None:
    from backend.notifications.wechat import queue_wechat

    for user_id in recipients(uow, application):
        notification = Notification(user_id=user_id, application_id=application.id, event_type=event_type,
                                    params={"reference": application.reference}, created_at=uow.now)
        uow.session.add(notification)
        uow.session.flush()
        queue_wechat(uow, notification)


def list_notifications(actor: Actor, *, locale: str, unread_only: bool = False) -> list[dict[str, Any]]:
    with unit_of_work() as uow:
        query = select(Notification).where(Notification.user_id == actor.user_id)
        if unread_only:
            query = query.where(Notification.read_at.is_(None))
        rows = uow.session.scalars(query.order_by(Notification.created_at.desc()).limit(100))
        return [_present(row, locale) for row in rows]


def mark_read(actor: Actor, notification_id: str, *, locale: str) -> dict[str, Any]:
    with unit_of_work() as uow:
        row = uow.session.get(Notification, notification_id)
        if row is None or row.user_id != actor.user_id:
            raise NotFound("notification_not_found")
        row.read_at = row.read_at or uow.now
        uow.commit()
        return _present(row, locale)


def notification_words(event_type: str, params: dict[str, Any], locale: str) -> Words:
    from backend.notifications.takeover import TAKEOVER_EVENTS, takeover_words

    if event_type in TAKEOVER_EVENTS:  # its params are codes (stage, role, office) said in the reader's language
        return takeover_words(event_type, params, locale)
    return say(f"notification.{event_type}", locale, **params)


def _present(row: Notification, locale: str) -> dict[str, Any]:
    words = notification_words(row.event_type, row.params, locale)
    return {"id": row.id, "application_id": row.application_id, "event": row.event_type,
            "text": words.text, "easy_read": words.easy_read, "created_at": row.created_at,
            "read": row.read_at is not None}
