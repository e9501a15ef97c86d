"""Engines for the embedded default (SQLite file in WAL mode) and the scaled deployment (PostgreSQL).

Engines hide statement parameters from their errors (`hide_parameters`): a logged database error would
otherwise quote the values it failed on, names and sealed answers among them. The SQLite file and its
-wal and -shm companions are the owner's only (0600).

No wait on the database is unbounded (DatabaseTimeouts, from the LIANGBU_DATABASE_*_SECONDS settings): a
database that is down, hung or overloaded makes a request fail within seconds, answered 503
database_unavailable with Retry-After (miniprogram_api/problems.py), instead of holding a web thread until
gunicorn gives up on it or, with its threaded workers, for good."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from backend.db.deadline import guard


@dataclass(frozen=True)
class DatabaseTimeouts:
    """How long a request may wait on the database, each well under gunicorn's timeout (the settings)."""
    connect_seconds: int = 5  # to open a connection (libpq counts whole seconds, at least 2)
    statement_seconds: float = 25.0  # one statement; on SQLite, the wait for the write lock (busy timeout)
    pool_seconds: float = 10.0  # for a free connection of the pool

    # Past the server's own statement_timeout, the client's deadline (backend/db/deadline.py): long enough
    # for a server that works to say "canceling statement due to statement timeout" itself.
    @property
    def client_deadline_seconds(self) -> float:
        return self.statement_seconds + 5.0

    def postgresql_connect_args(self) -> dict[str, object]:
        return {"connect_timeout": max(2, int(self.connect_seconds)),
                "options": f"-c statement_timeout={int(self.statement_seconds * 1000)}"}


class Database:
    def __init__(self, url: str, *, echo: bool = False, timeouts: DatabaseTimeouts | None = None) -> None:
        self.url = url
        self.timeouts = timeouts or DatabaseTimeouts()
        self.engine = _make_engine(url, echo=echo, timeouts=self.timeouts)
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def _make_engine(url: str, *, echo: bool, timeouts: DatabaseTimeouts) -> Engine:
    if url.startswith("sqlite"):
        protect_sqlite_file(url)
        # A SQLite file is local: it neither hangs nor refuses connections, but a writer waits for another's
        # lock, up to the statement timeout; past it, "database is locked" is answered 503 like a busy server.
        busy_seconds = timeouts.statement_seconds
        pooled = {"pool_timeout": timeouts.pool_seconds} if sqlite_path(url) else {}  # :memory: has no queue
        engine = create_engine(url, echo=echo, hide_parameters=True, connect_args={"timeout": busy_seconds},
                               **pooled)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            # WAL lets readers and one writer work at once; foreign keys are off by default in SQLite.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()
            protect_sqlite_file(url)  # -wal and -shm exist now
            # Take the write lock at BEGIN, not at the first write: two writers that both read first
            # would otherwise deadlock on the upgrade and one would fail instead of waiting.
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    engine = create_engine(url, echo=echo, hide_parameters=True, pool_pre_ping=True, pool_size=5, max_overflow=10,
                           pool_timeout=timeouts.pool_seconds, connect_args=postgresql_connect_args(url, timeouts))
    if engine.dialect.driver == "psycopg":
        guard(engine, timeouts.client_deadline_seconds, ping_seconds=timeouts.connect_seconds)
    return engine


def postgresql_connect_args(url: str, timeouts: DatabaseTimeouts) -> dict[str, object]:
    """The timeouts as libpq connection parameters; a URL that sets one itself (?connect_timeout=...) keeps it."""
    args = timeouts.postgresql_connect_args()
    query = make_url(url).query
    return {name: value for name, value in args.items() if name not in query}


def sqlite_path(url: str) -> Path | None:
    """The file a sqlite:/// URL names; None for an in-memory database or another database."""
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///"):].split("?", 1)[0]
    return None if path in ("", ":memory:") else Path(path)


def protect_sqlite_file(url: str) -> None:
    """Makes the SQLite file of `url` (created empty if missing) and its -wal, -shm and -journal files
    readable and writable by the owner only. SQLite creates its companion files with the permissions of
    the database file, so creating that one 0600 is enough for new instances; older ones are fixed here."""
    path = sqlite_path(url)
    if path is None:
        return
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
        try:
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(0o600)
        except (FileNotFoundError, PermissionError):
            continue
