"""The receiving side of the hand-off, as a WSGI app and a server you can run in a thread or a process."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import requests
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response



# The signature scheme as DESIGN.md documents it, written out here on its own so the tests check our
# implementation against the document, not against itself.
def sign(secret: bytes, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    stamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret, f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Liangbu-Timestamp": str(stamp), "X-Liangbu-Signature": f"sha256={digest}"}


class BadSignature(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def verify(secret: bytes, body: bytes, timestamp: str | None, signature: str | None) -> None:
    if not timestamp or not signature:
        raise BadSignature("signature_missing")
    if abs(time.time() - int(timestamp)) > 300:
        raise BadSignature("timestamp_out_of_window")
    expected = "sha256=" + hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise BadSignature("signature_mismatch")


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


@dataclass
class Received:
    idempotency_key: str
    packet: dict[str, Any]
    received_at: float


@dataclass
class ReviewSystemState:
    secret: bytes
    received: list[Received] = field(default_factory=list)
    # Packets answered with a fault (`fail_next`), as they came: what the sender tried to deliver.
    turned_away: list[Received] = field(default_factory=list)
    attempts: int = 0
    duplicates: int = 0
    hash_failures: int = 0
    _faults: list[tuple[str, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, count: int = 1, *, mode: str = "http_500", seconds: float = 0.0) -> None:
        """`http_500`, `http_503`, `http_400` (refused as malformed) or `hang` (answer after `seconds`)."""
        with self.lock:
            self._faults.extend([(mode, seconds)] * count)

    def _next_fault(self) -> tuple[str, float] | None:
        with self.lock:
            return self._faults.pop(0) if self._faults else None

    @property
    def references(self) -> list[str]:
        return [item.packet["reference"] for item in self.received]


def make_app(state: ReviewSystemState):
    @Request.application
    def app(request: Request) -> Response:
        if request.method != "POST" or request.path != "/handoffs":
            return Response(json.dumps({"error": "not found"}), status=404, mimetype="application/json")
        with state.lock:
            state.attempts += 1
        fault = state._next_fault()
        if fault is not None:
            mode, seconds = fault
            if mode == "hang":
                time.sleep(seconds)
            else:
                with state.lock:
                    state.turned_away.append(Received(request.headers.get("Idempotency-Key", ""),
                                                      json.loads(request.get_data()), time.time()))
                return Response(json.dumps({"error": mode}), status=int(mode.split("_")[1]),
                                mimetype="application/json")
        body = request.get_data()
        try:
            verify(state.secret, body, request.headers.get("X-Liangbu-Timestamp"),
                   request.headers.get("X-Liangbu-Signature"))
        except BadSignature as bad:
            return Response(json.dumps({"error": bad.code}), status=401, mimetype="application/json")
        key = request.headers.get("Idempotency-Key", "")
        packet = json.loads(body)
        for material in [*packet.get("materials", []), *packet.get("proofs", [])]:
            data = base64.b64decode(material.get("content_base64", ""))
            if hashlib.sha256(data).hexdigest() != material["sha256"]:
                with state.lock:
                    state.hash_failures += 1
                return Response(json.dumps({"error": "hash_mismatch"}), status=400, mimetype="application/json")
        with state.lock:
            if any(item.idempotency_key == key for item in state.received):
                state.duplicates += 1
                return Response(json.dumps({"received": True, "duplicate": True}), status=200,
                                mimetype="application/json")
            state.received.append(Received(key, packet, time.time()))
        return Response(json.dumps({"received": True}), status=202, mimetype="application/json")

    return app


class FakeReviewSystem:
    def __init__(self, state: ReviewSystemState, host: str, port: int) -> None:
        self.state, self.host, self.port = state, host, port
        self._server = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/handoffs"

    def start(self) -> None:
        self._server = make_server(self.host, self.port, make_app(self.state), threaded=True,
                                   request_handler=_Quiet)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stops listening: connections are refused until `start` again (on the same port)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def post_event(self, api_base: str, event: dict[str, Any], *, timestamp: int | None = None) -> requests.Response:
        """What the review system does when it decides: a signed event to our API."""
        body = json.dumps(event, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json", **sign(self.state.secret, body, timestamp)}
        return requests.post(f"{api_base.rstrip('/')}/review/events", data=body, headers=headers, timeout=10)


@contextmanager
def running_review_system(secret: str | bytes, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[FakeReviewSystem]:
    system = FakeReviewSystem(ReviewSystemState(secret.encode() if isinstance(secret, str) else secret), host, port)
    system.start()
    try:
        yield system
    finally:
        system.stop()
