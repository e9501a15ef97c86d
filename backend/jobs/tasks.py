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


def read_material(material_id: str) -> str:
    from backend.prefill.reading import read_material as read
    return read(material_id)


def send_wechat_notification(notification_id: str) -> str:
    from backend.notifications.wechat import send_wechat_notification as send
    return send(notification_id)


TASKS: dict[str, Callable[..., Any]] = {
    "send_wechat_notification": send_wechat_notification,
    "dispatch_handoffs": dispatch_handoffs,
    "read_material": read_material,
}

# Periodic sweeps (minutes): retries that are due, and anything an enqueue lost.
PERIODIC: dict[str, tuple[Callable[..., Any], int]] = {
    "sweep_handoffs": (dispatch_handoffs, 1),
    "sweep_storage": (sweep_storage, 30),
}
