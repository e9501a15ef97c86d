"""No wait on the database is unbounded (backend/db/engine.py, backend/db/deadline.py): the tester's hung
PostgreSQL (kill -STOP) held requests, /healthz included, for minutes."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from sqlalchemy import event, exc, text

from backend.db.deadline import Watchdog
from backend.db.engine import Database, DatabaseTimeouts
from backend.settings import Settings


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_postgresql_connection_is_opened_with_a_connect_timeout_and_a_statement_timeout():
    database = Database(f"postgresql+psycopg://liangbu@127.0.0.1:{closed_port()}/liangbu",
                        timeouts=DatabaseTimeouts(connect_seconds=3, statement_seconds=12, pool_seconds=4))
    asked: list[dict] = []

    @event.listens_for(database.engine, "do_connect")
    def _seen(dialect, record, cargs, cparams) -> None:
        asked.append(dict(cparams))

    with pytest.raises(exc.OperationalError):
        database.engine.connect()
    assert asked[0]["connect_timeout"] == 3
    assert asked[0]["options"] == "-c statement_timeout=12000"
    assert database.engine.pool.timeout() == 4
    database.dispose()


def test_a_connect_timeout_written_in_the_database_url_is_kept():
    database = Database("postgresql+psycopg://liangbu@127.0.0.1:1/liangbu?connect_timeout=9")
    asked: list[dict] = []
    event.listen(database.engine, "do_connect", lambda dialect, record, cargs, cparams: asked.append(dict(cparams)))
    with pytest.raises(exc.OperationalError):
        database.engine.connect()
    assert asked[0]["connect_timeout"] == "9" and "statement_timeout" in asked[0]["options"]


def test_the_settings_give_the_database_its_timeouts(tmp_path):
    settings = Settings(instance_dir=tmp_path, database_connect_timeout_seconds=7,
                        database_statement_timeout_seconds=20, database_pool_timeout_seconds=3)
    assert settings.database_timeouts() == DatabaseTimeouts(connect_seconds=7, statement_seconds=20, pool_seconds=3)


def test_a_statement_timeout_as_long_as_a_request_is_refused_at_start_up(tmp_path):
    with pytest.raises(ValueError, match="LIANGBU_DATABASE_STATEMENT_TIMEOUT_SECONDS"):
        Settings(instance_dir=tmp_path, request_timeout_seconds=30, database_statement_timeout_seconds=30)


def test_sqlite_waits_for_the_write_lock_as_long_as_the_statement_timeout(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'wait.sqlite3'}", timeouts=DatabaseTimeouts(statement_seconds=7))
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 7000
    database.dispose()


def test_a_postgresql_server_that_accepts_but_never_answers_is_given_up_on_within_the_connect_timeout():
    # What a stopped (SIGSTOP) server looks like from here: the kernel still accepts the connection.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    database = Database(f"postgresql+psycopg://liangbu@127.0.0.1:{listener.getsockname()[1]}/liangbu",
                        timeouts=DatabaseTimeouts(connect_seconds=2))
    started = time.monotonic()
    with pytest.raises(exc.OperationalError):
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    assert time.monotonic() - started < 6
    database.dispose()
    listener.close()


def test_a_round_trip_still_waiting_at_its_deadline_has_its_socket_cut():
    # A connection whose server stopped answering mid-statement: the waiting read ends instead of blocking.
    ours, server = socket.socketpair()
    watchdog = Watchdog()
    token = watchdog.arm(ours.fileno(), 0.3)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(ours.recv(10)))
    started = time.monotonic()
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive() and read == [b""]
    assert time.monotonic() - started < 3
    watchdog.disarm(token)
    ours.close()
    server.close()


def test_a_round_trip_that_answers_in_time_is_left_alone():
    ours, server = socket.socketpair()
    watchdog = Watchdog()
    watchdog.disarm(watchdog.arm(ours.fileno(), 0.2))
    time.sleep(1.2)
    server.sendall(b"ok")
    assert ours.recv(10) == b"ok"
    ours.close()
    server.close()


def test_a_descriptor_closed_and_reused_before_the_deadline_is_left_alone():
    # psycopg closed the armed socket itself (a broken connection) and another socket now has its number.
    ours, server = socket.socketpair()
    watchdog = Watchdog()
    number = ours.fileno()
    token = watchdog.arm(number, 0.3)
    ours.close()
    other, peer = socket.socketpair()
    if other.fileno() != number and peer.fileno() != number:
        pytest.skip("the number was not reused")
    reused = other if other.fileno() == number else peer
    partner = peer if reused is other else other
    time.sleep(1.2)
    partner.sendall(b"ok")
    assert reused.recv(10) == b"ok"        # not shut down
    watchdog.disarm(token)
    for each in (other, peer, server):
        each.close()
