"""The boundary between us and whoever reviews applications.

`BuiltInDesk` (the default) is the embedded stand-in: delivering to it means the application appears
on the reviewers' desk in this same database. An HTTP implementation for the provincial or national
system sits behind the same interface (configured by LIANGBU_REVIEW_HANDOFF_URL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from backend.settings import Settings


@dataclass(frozen=True)
class DeliveryReceipt:
    system: str
    reference: str
    note: str | None = None


class DeliveryFailed(Exception):
    """Delivery did not succeed; `retryable` says whether trying again later may work, and `unavailable` that the
    review system as a whole could not take anything (no connection, or it said so: 429, 502, 503, 504), so the
    packet was not what failed."""

    def __init__(self, message: str, *, retryable: bool = True, unavailable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.unavailable = unavailable


class ReviewSystem(Protocol):
    name: str
    carries_files: bool  # True: the packet carries each material's bytes (an external system has no access)

    def deliver(self, packet: dict[str, Any], *, idempotency_key: str) -> DeliveryReceipt: ...


class BuiltInDesk:
    name = "built_in_desk"
    carries_files = False

    def deliver(self, packet: dict[str, Any], *, idempotency_key: str) -> DeliveryReceipt:
        # The desk reads submissions from our own database; there is nothing to transmit.
        return DeliveryReceipt(system=self.name, reference=packet["reference"])


def review_system_for(settings: Settings) -> ReviewSystem:
    if settings.review_handoff_url:
        from backend.review.http_system import HttpReviewSystem
        return HttpReviewSystem.from_settings(settings)
    return BuiltInDesk()
