"""Hand-off over HTTP to a provincial or national review system: the packet as JSON, signed, with an
idempotency key (reference and version) so a retried delivery is taken once by the receiver."""

from __future__ import annotations

import json
from typing import Any

import requests

from backend.review.signing import sign
from backend.review.system import DeliveryFailed, DeliveryReceipt
from backend.settings import Settings, SettingsError, check_review_handoff_url


# Answers that say the review system as a whole cannot take anything now (too many requests, a gateway with
# nothing behind it, down for maintenance): not this packet's fault. A 500 or a timeout may be the packet's (one the
# receiver chokes on), so those count towards parking it.
UNAVAILABLE = frozenset({429, 502, 503, 504})


class HttpReviewSystem:
    name = "http"
    carries_files = True

    def __init__(self, url: str, secret: bytes, *, timeout: float) -> None:
        self.url = url
        self._secret = secret
        self._timeout = timeout
        self._http = requests.Session()

    @classmethod
    def from_settings(cls, settings: Settings) -> HttpReviewSystem:
        if settings.review_handoff_secret is None:
            raise SettingsError("LIANGBU_REVIEW_HANDOFF_URL is set but LIANGBU_REVIEW_HANDOFF_SECRET is not: "
                                "hand-offs must be signed.")
        check_review_handoff_url(settings.review_handoff_url)
        return cls(settings.review_handoff_url or "", settings.review_handoff_secret.get_secret_value().encode(),
                   timeout=settings.review_handoff_timeout_seconds)

    def deliver(self, packet: dict[str, Any], *, idempotency_key: str) -> DeliveryReceipt:
        body = json.dumps(packet, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": idempotency_key,
                   **sign(self._secret, body)}
        try:
            response = self._http.post(self.url, data=body, headers=headers, timeout=self._timeout)
        except requests.Timeout:
            raise DeliveryFailed("timeout") from None
        except requests.ConnectionError as error:
            raise DeliveryFailed(f"connection failed: {type(error).__name__}", unavailable=True) from None
        if response.status_code in (200, 201, 202, 409):
            # 409: the receiver already holds this version (an earlier attempt got through).
            return DeliveryReceipt(system=self.name, reference=packet["reference"],
                                   note=f"HTTP {response.status_code}")
        retryable = response.status_code in (408, 425, 429) or response.status_code >= 500
        raise DeliveryFailed(f"HTTP {response.status_code}", retryable=retryable,
                             unavailable=response.status_code in UNAVAILABLE)
