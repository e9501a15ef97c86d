"""A client-side deadline for PostgreSQL's round trips.

PostgreSQL's own statement_timeout ends a statement the server is running, but a server that does not
run at all (stopped with SIGSTOP, a frozen VM, a network path that drops packets without a reset) never
answers, not even with that error: the kernel may still accept the connection's bytes, so TCP keepalives
see nothing wrong, and psycopg waits on the socket for good. A web thread stuck there holds its request,
and with gunicorn's threaded workers the whole service stopped answering, /healthz included (the tester's
kill -STOP report).

So every round trip (a statement, COMMIT, ROLLBACK) is armed here with a deadline a little after the server's
statement_timeout, and the pool's ping with one as long as the connect timeout; one still waiting when it passes has its socket shut down, which
psycopg reports as a lost connection (an OperationalError the pool invalidates), and the request is answered
503 database_unavailable (miniprogram_api/problems.py). One thread watches every armed round trip of the
process, so arming costs a dictionary entry, not a thread."""

from __future__ import annotations

import functools
import itertools
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger(__name__)

# How often the watching thread looks at the armed round trips: a deadline is kept to within this.
_TICK_SECONDS = 0.5


class Watchdog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        # token -> (deadline on the monotonic clock, socket fd, what the fd was when armed: device and inode)
        self._armed: dict[int, tuple[float, int, tuple[int, int] | None]] = {}
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, fileno: int, seconds: float) -> int:
        token = next(self._tokens)
        with self._lock:
            self._armed[token] = (time.monotonic() + seconds, fileno, _identity(fileno))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._watch, name="db-deadline", daemon=True)
                self._thread.start()
        return token

    def disarm(self, token: int) -> None:
        with self._lock:
            self._armed.pop(token, None)

    def _watch(self) -> None:
        while True:
            time.sleep(_TICK_SECONDS)
            now = time.monotonic()
            with self._lock:
                # Under the lock: a round trip still armed has not returned. Its connection is usually open, but
                # psycopg may have closed a broken one inside the call: _cut checks the descriptor is still it.
                for token, (deadline, fileno, identity) in list(self._armed.items()):
                    if deadline <= now:
                        del self._armed[token]
                        _cut(fileno, identity)


def _identity(fileno: int) -> tuple[int, int] | None:
    try:
        found = os.fstat(fileno)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _cut(fileno: int, identity: tuple[int, int] | None) -> None:
    """Shuts the connection's socket down both ways: the waiting psycopg call wakes and sees it closed. Only
    the socket armed: psycopg may have closed it itself inside the round trip (a broken connection) and the
    number may since belong to another thread's socket or file, which is left alone."""
    if identity is None or _identity(fileno) != identity:
        return
    try:
        sock = socket.socket(fileno=os.dup(fileno))
    except OSError:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
        log.error("the database did not answer within its deadline; its connection was cut")
    except OSError:
        pass
    finally:
        sock.close()


WATCHDOG = Watchdog()


def _fileno(connection: Any) -> int | None:
    """The socket of a psycopg connection, or of the pool's proxy of one; None when it is closed."""
    try:
        return connection.fileno()
    except Exception:  # noqa: BLE001  (a closed connection has none; nothing to guard)
        return None


def guard(engine: Engine, seconds: float, *, ping_seconds: float, watchdog: Watchdog = WATCHDOG) -> None:
    """Arms every round trip of `engine` with a deadline of `seconds`; the pool's ping, which a server that
    works answers at once, with `ping_seconds` (a pooled connection to a stopped server is found out as
    quickly as a new one, and replaced by one that fails within the connect timeout)."""
    dialect = engine.dialect

    def around(method: Callable[..., Any], connection_of: Callable[[Any], Any],
               seconds: float = seconds) -> Callable[..., Any]:
        @functools.wraps(method)
        def guarded(first: Any, *args: Any, **kwargs: Any) -> Any:
            fileno = _fileno(connection_of(first))
            if fileno is None:
                return method(first, *args, **kwargs)
            token = watchdog.arm(fileno, seconds)
            try:
                return method(first, *args, **kwargs)
            finally:
                watchdog.disarm(token)
        return guarded

    # The dialect's own methods, replaced on this engine's dialect object only. The pool calls do_ping,
    # do_commit and do_rollback directly, past every engine event; statements go through do_execute*.
    dialect.do_ping = around(dialect.do_ping, lambda connection: connection, ping_seconds)
    for name in ("do_commit", "do_rollback"):
        setattr(dialect, name, around(getattr(dialect, name), lambda connection: connection))
    for name in ("do_execute", "do_executemany", "do_execute_no_params"):
        setattr(dialect, name, around(getattr(dialect, name), lambda cursor: cursor.connection))
