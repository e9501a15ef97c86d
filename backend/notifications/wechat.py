"""WeChat subscribe messages for status changes, where the person subscribed (issue 7).

The template ("申请进度通知") is registered in the WeChat console with these keywords; their ids are
settings (LIANGBU_WECHAT_SUBSCRIBE_TEMPLATES = {"status_update": TEMPLATE_ID}):
  character_string1  申请编号   the reference (≤ 32 characters)
  thing2             办理进度   the new stage (≤ 20 characters)
  thing3             温馨提示   what to do (≤ 20 characters)
  time4              更新时间   when
A send never blocks the status change, which is already committed and visible in the app. Each message is leased to
the worker that sends it; the periodic sweep (`sweep_deliveries`) sends a message whose job was lost and retries one
that failed on a passing fault, a minute later, up to MAX_ATTEMPTS; only the worker holding the latest attempt
records the outcome. A message a day old, or older than one already sent for the same application, is not sent: news
out of date or out of order misleads more than silence (the status is in the app)."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import requests
from sqlalchemy import and_, or_, select, update
from wechatpy.exceptions import WeChatClientException

from backend.accounts.models import User
from backend.jobs.queue import send_again
from backend.messages.catalog import Words, say
from backend.messages.locales import normalise_locale
from backend.notifications.models import Notification, NotificationDelivery, WechatSubscription
from backend.runtime import CHINA, runtime
from backend.unit_of_work import UnitOfWork, unit_of_work

if TYPE_CHECKING:
    from backend.accounts.preferences import Preferences

log = logging.getLogger(__name__)
SEND_TASK = "send_wechat_notification"
TEMPLATE_KEY = "status_update"
STATUS_PAGE = "pages/status/index"  # opened with ?id=APPLICATION_ID (status_page)
THING_LIMIT = 20  # WeChat: a `thing` value is at most 20 characters
MAX_ATTEMPTS = 5
# A message is leased to the worker that sends it for SEND_LEASE_SECONDS (a send takes well under a second; WeChat's
# API is given seconds to answer): meanwhile a duplicate job, or the sweep, does not send it again. A message still
# pending that no worker started SEND_SWEEP_AFTER_SECONDS after its status change lost its enqueue, and the sweep
# sends it (before, it stayed pending, unsent: a correction's deadline announced only inside the app). A send that
# failed on a passing fault holds its lease RETRY_AFTER_SECONDS, then the sweep sends it again.
SEND_LEASE_SECONDS = 120
SEND_SWEEP_AFTER_SECONDS = 120
RETRY_AFTER_SECONDS = 60
SEND_WITHIN = timedelta(hours=24)
# WeChat's answers that no retry can change: the person withdrew the subscription, or we are misconfigured.
_FINAL_ERRORS = (43101, 40003, 40037)


def queue_wechat(uow: UnitOfWork, notification: Notification) -> None:
    """Called in the status change's transaction; the send happens after commit, in the job worker."""
    template_id = uow.runtime.settings.wechat_subscribe_templates.get(TEMPLATE_KEY)
    user = uow.session.get(User, notification.user_id)
    if not template_id or user is None or not user.wechat_openid:
        return
    subscription = uow.session.scalars(select(WechatSubscription).where(
        WechatSubscription.user_id == user.id, WechatSubscription.template_key == TEMPLATE_KEY)).first()
    if subscription is None or not (subscription.long_term or subscription.remaining > 0):
        return
    if not subscription.long_term:
        subscription.remaining -= 1
    uow.session.flush()
    uow.session.add(NotificationDelivery(notification_id=notification.id, channel="wechat_subscribe",
                                         status="pending"))
    jobs = uow.runtime.jobs
    if jobs is not None:
        notification_id = notification.id
        uow.after_commit(lambda: jobs.enqueue(SEND_TASK, notification_id))


def send_wechat_notification(notification_id: str) -> str:
    """The job. Safe to run twice, at once or late: a message sent, failed, skipped or leased to another worker is
    left alone, and a worker whose lease ran out and was taken over records nothing. (A worker killed after WeChat
    accepted the message and before it was recorded leaves it to be sent again when its lease runs out: rare, and
    one message too many is better than a decision never told.)"""
    from backend.wechat.client import mini_program_client

    claimed = _claim(notification_id)
    if isinstance(claimed, str):
        return claimed
    attempt, notification, openid, template_id, user_id = claimed
    # Outside a transaction: SQLite gives one writer at a time, and a second session opened while the first holds
    # its transaction would wait for it (backend/db/engine.py).
    preferences = _preferences_of(user_id)
    data = template_data(notification, locale=normalise_locale(preferences.locale), easy_read=preferences.easy_read)
    try:
        mini_program_client().wxa.send_subscribe_message(openid, template_id, data, page=status_page(notification))
    except (WeChatClientException, requests.RequestException) as error:
        final = attempt >= MAX_ATTEMPTS or getattr(error, "errcode", None) in _FINAL_ERRORS
        return _record(notification_id, attempt, "failed" if final else "retry",
                       f"{type(error).__name__}: {getattr(error, 'errcode', '')}")
    return _record(notification_id, attempt, "sent", None)


def _claim(notification_id: str) -> tuple[int, Notification, str, str, str] | str:
    """Leases the message to this worker and counts the attempt; says why not when it may not be sent."""
    with unit_of_work() as uow:
        delivery = _locked(uow, notification_id)
        if delivery is None or delivery.status != "pending":
            return "nothing to do"
        if delivery.leased_until is not None and delivery.leased_until > uow.now:
            return "being sent"
        notification = uow.session.get(Notification, notification_id)
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.status, delivery.leased_until = "failed", None
        elif notification.created_at < uow.now - SEND_WITHIN or _newer_news_sent(uow, notification):
            delivery.status, delivery.leased_until = "skipped", None
        if delivery.status != "pending":
            uow.commit()
            return delivery.status
        user = uow.session.get(User, notification.user_id)
        template_id = uow.runtime.settings.wechat_subscribe_templates[TEMPLATE_KEY]
        delivery.attempts += 1
        delivery.leased_until = uow.now + timedelta(seconds=SEND_LEASE_SECONDS)
        claimed = (delivery.attempts, notification, user.wechat_openid, template_id, user.id)
        uow.commit()
        return claimed


def _newer_news_sent(uow: UnitOfWork, notification: Notification) -> bool:
    """Whether a later message about the same application already reached the person ("已批准" sent, then a lost
    "需要补正" would arrive as the latest news)."""
    later = (select(NotificationDelivery.id)
             .join(Notification, Notification.id == NotificationDelivery.notification_id)
             .where(Notification.user_id == notification.user_id,
                    Notification.application_id == notification.application_id,
                    Notification.created_at > notification.created_at,
                    NotificationDelivery.status == "sent"))
    return uow.session.scalars(later.limit(1)).first() is not None


def _record(notification_id: str, attempt: int, outcome: str, error: str | None) -> str:
    """The outcome of this worker's attempt, when it is still the one that counts ("retry": the sweep sends it again
    once RETRY_AFTER_SECONDS have passed). Another worker's later attempt is left alone."""
    with unit_of_work() as uow:
        delivery = _locked(uow, notification_id)
        if delivery is None or delivery.status != "pending" or delivery.attempts != attempt:
            return "nothing to do"
        delivery.last_error = error
        if outcome == "retry":
            delivery.leased_until = uow.now + timedelta(seconds=RETRY_AFTER_SECONDS)
        else:
            delivery.status, delivery.leased_until = outcome, None
            if outcome == "sent":
                delivery.sent_at = uow.now
        uow.commit()
        return outcome


def sweep_deliveries(limit: int = 200) -> int:
    """The periodic sweep: sends again each WeChat message still pending that no worker ever started
    SEND_SWEEP_AFTER_SECONDS after its status change (its enqueue was lost: the queue down or hung), or whose lease
    ran out (its worker died mid-send, or its last attempt failed on a passing fault). Messages older than
    SEND_WITHIN are skipped, not sent (the first sweep after an upgrade finds every enqueue ever lost). Returns how
    many it sent; the job itself decides whether to send."""
    with unit_of_work() as uow:
        lost, too_old = uow.now - timedelta(seconds=SEND_SWEEP_AFTER_SECONDS), uow.now - SEND_WITHIN
        pending = (select(NotificationDelivery.id)
                   .join(Notification, Notification.id == NotificationDelivery.notification_id)
                   .where(NotificationDelivery.status == "pending"))
        uow.session.execute(update(NotificationDelivery).where(
            NotificationDelivery.id.in_(pending.where(Notification.created_at < too_old)),
            or_(NotificationDelivery.leased_until.is_(None), NotificationDelivery.leased_until <= uow.now))
            .values(status="skipped", leased_until=None).execution_options(synchronize_session=False))
        notification_ids = list(uow.session.scalars(
            select(NotificationDelivery.notification_id)
            .join(Notification, Notification.id == NotificationDelivery.notification_id)
            .where(NotificationDelivery.status == "pending", Notification.created_at >= too_old,
                   or_(and_(NotificationDelivery.leased_until.is_(None), NotificationDelivery.attempts == 0,
                            Notification.created_at <= lost),
                       NotificationDelivery.leased_until <= uow.now))
            .order_by(Notification.created_at).limit(limit)))
        uow.commit()
        jobs = uow.runtime.jobs
    return send_again(jobs, SEND_TASK, notification_ids, "a pending WeChat message")


def _locked(uow: UnitOfWork, notification_id: str) -> NotificationDelivery | None:
    # On PostgreSQL the row is locked until commit, so two workers cannot both lease it; SQLite renders no FOR
    # UPDATE, and its BEGIN IMMEDIATE already lets one writer at a time.
    return uow.session.scalars(select(NotificationDelivery).where(NotificationDelivery.notification_id == notification_id).with_for_update()).first()


def status_page(notification: Notification) -> str:
    """The mini program page the message opens: the status of the application it is about, so a person with
    several applications lands on this one, not on a list to search."""
    return f"{STATUS_PAGE}?{urlencode({'id': notification.application_id})}"


def template_data(notification: Notification, *, locale: str, easy_read: bool = False) -> dict[str, dict[str, str]]:
    """The keywords, in the easy-read words when the person asked for easy-read text first (their preferences)."""
    stage = _words(say(f"wechat.stage.{notification.event_type}", locale), easy_read)
    note = _words(say(f"wechat.note.{notification.event_type}", locale), easy_read)
    return {
        "character_string1": {"value": notification.params.get("reference", "")[:32]},
        "thing2": {"value": stage[:THING_LIMIT]},
        "thing3": {"value": note[:THING_LIMIT]},
        "time4": {"value": notification.created_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")},
    }


def _words(words: Words, easy_read: bool) -> str:
    return words.easy_read if easy_read else words.text


def _preferences_of(user_id: str) -> Preferences:
    from backend.accounts.preferences import preferences_for
    return preferences_for(user_id)


def record_subscription(user_id: str, *, accepted: list[str], rejected: list[str]) -> dict:
    """The mini program reports what the person allowed (template ids); we keep counts by our key."""
    settings = runtime().settings
    by_id = {template: key for key, template in settings.wechat_subscribe_templates.items()}
    long_term = set(settings.wechat_long_term_templates)
    with unit_of_work() as uow:
        result = {}
        for template_id in accepted + rejected:
            key = by_id.get(template_id)
            if key is None:
                continue
            row = uow.session.scalars(select(WechatSubscription).where(
                WechatSubscription.user_id == user_id, WechatSubscription.template_key == key)).first()
            if row is None:
                row = WechatSubscription(user_id=user_id, template_key=key, remaining=0, updated_at=uow.now)
                uow.session.add(row)
            if template_id in accepted:
                row.long_term = key in long_term
                row.remaining = min(row.remaining + 1, 50)
            else:
                row.long_term, row.remaining = False, 0
            row.updated_at = uow.now
            result[key] = {"remaining": row.remaining, "long_term": row.long_term}
        uow.commit()
        return result
