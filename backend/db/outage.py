"""Which database errors mean "the database cannot be reached or is too busy right now" (answered 503
database_unavailable with Retry-After, miniprogram_api/problems.py) rather than a fault of ours (500).

Not every OperationalError is an outage: PostgreSQL files many of its own errors under it (a statement too
complex, a serialization failure), and SQLite files a missing table or a syntax error there. So the
error's own code decides:
- any error the pool saw as a lost connection (SQLAlchemy's `connection_invalidated`: the server went away,
  or backend/db/deadline.py cut a connection it never answered on), and a pool with no free connection in
  time (sqlalchemy.exc.TimeoutError);
- psycopg: an OperationalError without a SQLSTATE (raised by the client: refused, timed out, lost), class 08
  (connection exception), 53 (insufficient resources: too many connections, disk full, out of memory), 57
  (operator intervention: shutting down, starting up, statement_timeout), 58000/58030 (system or I/O error),
  and 55P03 (lock not available);
- sqlite3: busy or locked past the busy timeout, cannot open the file, I/O error, disk full.
Constraint violations are IntegrityErrors and never match; a bug that fails with one of the codes above
(a query so slow it always times out) is still logged (miniprogram_api/problems.py logs every 503 of this kind)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import exc

try:
    import psycopg
except ImportError:  # pragma: no cover  (the embedded default needs no PostgreSQL driver)
    psycopg = None  # type: ignore[assignment]

# How long a person (and a phone obeying Retry-After) is asked to wait: a restarted or failed-over server is
# usually back within a minute, and a retry sooner only adds to a busy one's load.
RETRY_AFTER_SECONDS = 60

_POSTGRESQL_CLASSES = ("08", "53", "57")
_POSTGRESQL_STATES = {"58000", "58030", "55P03"}
# SQLite's primary result codes: BUSY, LOCKED, IOERR, FULL, CANTOPEN, PROTOCOL.
_SQLITE_CODES = {5, 6, 10, 13, 14, 15}


def database_unavailable(error: BaseException) -> bool:
    """Whether `error`, or an error it was raised from or while handling, says the database is out of reach."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _unavailable(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _unavailable(error: BaseException) -> bool:
    if isinstance(error, exc.TimeoutError):
        return True
    if isinstance(error, exc.DBAPIError):
        if error.connection_invalidated:
            return True
        return _driver_unavailable(error.orig)
    return _driver_unavailable(error)


def _driver_unavailable(error: BaseException | None) -> bool:
    if psycopg is not None and isinstance(error, psycopg.OperationalError):
        state = error.sqlstate
        return state is None or state.startswith(_POSTGRESQL_CLASSES) or state in _POSTGRESQL_STATES
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        return code is not None and code & 0xFF in _SQLITE_CODES
    return False
