"""Notifications: every status change reaches the applicant's account at once, in-app."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.applications.access import Purpose
from backend.applications.models import Application
from backend.errors import NotFound
from backend.messages.catalog import Words, registry, say
from backend.messages.locales import DEFAULT_LOCALE
from backend.notifications.models import Notification
from backend.unit_of_work import UnitOfWork, unit_of_work


def recipients(uow: UnitOfWork, application: Application) -> list[str]:
    """The applicant and everyone the access rule lets follow the application for them."""
    from backend.accounts.models import Role, User
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
        rows = list(uow.session.scalars(query.order_by(Notification.created_at.desc()).limit(100)))
        names: dict[str, str | None] = {}
        return [_present(row, locale, _whose(uow, actor, row, names)) for row in rows]


def mark_read(actor: Actor, notification_id: str, *, locale: str) -> dict[str, Any]:
    with unit_of_work() as uow:
        row = uow.session.get(Notification, notification_id)
        if row is None or row.user_id != actor.user_id:
            raise NotFound("notification_not_found")
        row.read_at = row.read_at or uow.now
        uow.commit()
        return _present(row, locale, _whose(uow, actor, row, {}))


# `_whose` of a reader who followed someone else's application and may no longer see it.
NO_LONGER_FOLLOWED = object()


def notification_words(event_type: str, params: dict[str, Any], locale: str, *, for_name: str | None = None,
                       by_reference: bool = False) -> Words:
    """`for_name`: the applicant's name when the reader follows someone else's application (an assistant, a
    relative, an entrusted person): "刘建国的申请…已受理", not "您的申请", which told an assistant helping many
    people neither whose it was nor the truth. `by_reference`: the reader followed it and may no longer, so the
    news names the application by its reference alone ("申请 LB… 审定通过"): neither theirs nor named."""
    from backend.notifications.takeover import TAKEOVER_EVENTS, takeover_words

    if event_type in TAKEOVER_EVENTS:  # its params are codes (stage, role, office) said in the reader's language
        return takeover_words(event_type, params, locale)
    if for_name is not None and f"notification.for.{event_type}" in registry():
        return say(f"notification.for.{event_type}", locale, **params, name=Words(for_name, for_name))
    if by_reference and f"notification.ref.{event_type}" in registry():
        return say(f"notification.ref.{event_type}", locale, **params)
    return say(f"notification.{event_type}", locale, **params)


def _whose(uow: UnitOfWork, actor: Actor, row: Notification, names: dict[str, Any]) -> Any:
    """The applicant's name when `actor` follows someone else's application and still may; None when they hold it
    themselves; NO_LONGER_FOLLOWED when they followed it and may no longer see it."""
    if row.application_id is None:
        return None
    if row.application_id not in names:
        application = uow.session.get(Application, row.application_id)
        if application is None or application.owner_user_id == actor.user_id:
            names[row.application_id] = None
        elif Purpose.VIEW_STATUS not in uow.applications.purposes_of(actor, application):
            # A follower whose link was revoked or ran out keeps the news, not the name: the application is no
            # longer theirs to see (the reference alone), nor ever was it theirs ("您的申请").
            names[row.application_id] = NO_LONGER_FOLLOWED
        else:
            applicant = uow.applications.content(application).get("applicant") or {}
            names[row.application_id] = applicant.get("name") or say("role.applicant", DEFAULT_LOCALE).text
    return names[row.application_id]


def _present(row: Notification, locale: str, whose: Any = None) -> dict[str, Any]:
    words = notification_words(row.event_type, row.params, locale, by_reference=whose is NO_LONGER_FOLLOWED,
                               for_name=None if whose is NO_LONGER_FOLLOWED else whose)
    return {"id": row.id, "application_id": row.application_id, "event": row.event_type,
            "text": words.text, "easy_read": words.easy_read, "created_at": row.created_at,
            "read": row.read_at is not None}
