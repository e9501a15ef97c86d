"""Signatures on calls between us and the review system, both ways (DESIGN.md): HMAC-SHA256 of
`TIMESTAMP + "." + RAW_BODY` with the shared secret, sent as `X-Liangbu-Signature: sha256=HEX` beside
`X-Liangbu-Timestamp` (Unix seconds). A timestamp more than 300 s away is refused, so a captured
request cannot be replayed later; event ids stop replays inside the window."""

from __future__ import annotations

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Liangbu-Timestamp"
SIGNATURE_HEADER = "X-Liangbu-Signature"
MAX_SKEW_SECONDS = 300


class BadSignature(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def sign(secret: bytes, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: f"sha256={digest}"}


def verify(secret: bytes, body: bytes, timestamp: str | None, signature: str | None, *,
           now: float | None = None) -> None:
    if not timestamp or not signature:
        raise BadSignature("signature_missing")
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise BadSignature("timestamp_invalid") from None
    current = time.time() if now is None else now
    if abs(current - sent_at) > MAX_SKEW_SECONDS:
        raise BadSignature("timestamp_out_of_window")
    expected = "sha256=" + hmac.new(secret, f"{sent_at}.".encode() + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature.strip()):
        raise BadSignature("signature_mismatch")
