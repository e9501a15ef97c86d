"""Every background task by name. Each re-reads what it needs from the database, so a task that runs
twice, late, or in another process does the right thing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def dispatch_handoffs() -> int:
    from backend.review.handoff import dispatch_handoffs as dispatch
    return dispatch()


def sweep_storage() -> int:
    from backend.materials.service import sweep_storage_intents
    return sweep_storage_intents()


def sweep_idempotency() -> int:
    from backend.idempotency import sweep_expired
    return sweep_expired()


def sweep_speech_cache() -> int:
    from accessibility.conversation.voice import sweep_speech_cache as sweep
    return sweep()


def sweep_official_account_messages() -> int:
    from backend.wechat.official_account import sweep_received
    return sweep_received()


def read_material(material_id: str) -> str:
    from backend.prefill.reading import read_material as read
    return read(material_id)


def sweep_reads() -> int:
    from backend.prefill.reading import sweep_reads as sweep
    return sweep()


def send_wechat_notification(notification_id: str) -> str:
    from backend.notifications.wechat import send_wechat_notification as send
    return send(notification_id)


def sweep_wechat_deliveries() -> int:
    from backend.notifications.wechat import sweep_deliveries
    return sweep_deliveries()


TASKS: dict[str, Callable[..., Any]] = {
    "send_wechat_notification": send_wechat_notification,
    "dispatch_handoffs": dispatch_handoffs,
    "read_material": read_material,
}

# Periodic sweeps (minutes): hand-offs whose retry is due or whose enqueue was lost; photo reads, and WeChat
# messages, whose enqueue was lost or whose worker died (backend/prefill/reading.py, backend/notifications/wechat.py:
# each leased to the worker that starts it, so a duplicate does nothing); and personal data past its life
# (remembered answers of retried requests after two days, cached speech after its links expire, what the official
# account received after a day).
PERIODIC: dict[str, tuple[Callable[..., Any], int]] = {
    "sweep_handoffs": (dispatch_handoffs, 1),
    "sweep_reads": (sweep_reads, 1),
    "sweep_wechat_deliveries": (sweep_wechat_deliveries, 1),
    "sweep_storage": (sweep_storage, 30),
    "sweep_idempotency": (sweep_idempotency, 30),
    "sweep_speech_cache": (sweep_speech_cache, 30),
    "sweep_official_account_messages": (sweep_official_account_messages, 30),
}
