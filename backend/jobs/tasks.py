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


TASKS: dict[str, Callable[..., Any]] = {
    "send_wechat_notification": send_wechat_notification,
    "dispatch_handoffs": dispatch_handoffs,
    "read_material": read_material,
}

# Periodic sweeps (minutes): hand-offs whose retry is due or whose enqueue was lost; photo reads whose message was
# lost or whose worker died (backend/prefill/reading.py); and personal data past its life (remembered answers of
# retried requests after two days, cached speech after its links expire, what the official account received after
# a day). A WeChat notification whose enqueue was lost is not swept: it stays pending, unsent (the status it
# announces is in the app all the same).
PERIODIC: dict[str, tuple[Callable[..., Any], int]] = {
    "sweep_handoffs": (dispatch_handoffs, 1),
    "sweep_reads": (sweep_reads, 1),
    "sweep_storage": (sweep_storage, 30),
    "sweep_idempotency": (sweep_idempotency, 30),
    "sweep_speech_cache": (sweep_speech_cache, 30),
    "sweep_official_account_messages": (sweep_official_account_messages, 30),
}
