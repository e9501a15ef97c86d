"""Which database errors are an outage, answered 503 with Retry-After, and which are a fault of ours (500)."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from psycopg import errors as pg
from sqlalchemy import create_engine, exc, text

from backend.db.outage import database_unavailable


def wrapped(error: Exception, *, invalidated: bool = False) -> exc.DBAPIError:
    """As SQLAlchemy hands a driver's error on."""
    return exc.DBAPIError.instance("SELECT 1", None, error, psycopg.Error, connection_invalidated=invalidated)


@pytest.mark.parametrize("error", [
    psycopg.OperationalError("connection failed: Connection refused"),  # no SQLSTATE: the client's own
    pg.ConnectionTimeout("connection timeout expired"),
    pg.QueryCanceled("canceling statement due to statement timeout"),
    pg.AdminShutdown("terminating connection due to administrator command"),
    pg.CannotConnectNow("the database system is starting up"),
    pg.TooManyConnections("sorry, too many clients already"),
    pg.DiskFull("could not extend file"),
    pg.LockNotAvailable("canceling statement due to lock timeout"),
], ids=lambda error: type(error).__name__)
def test_a_postgresql_server_that_cannot_be_reached_or_is_overloaded_is_an_outage(error):
    assert database_unavailable(wrapped(error))


@pytest.mark.parametrize("error", [
    pg.UniqueViolation("duplicate key value violates unique constraint"),
    pg.ForeignKeyViolation("violates foreign key constraint"),
    pg.ProgramLimitExceeded("index row size exceeds maximum"),  # an OperationalError, but ours to fix
    pg.SerializationFailure("could not serialize access"),
    pg.UndefinedTable("relation does not exist"),
], ids=lambda error: type(error).__name__)
def test_a_constraint_or_a_query_of_ours_that_postgresql_refuses_is_no_outage(error):
    assert not database_unavailable(wrapped(error))


def test_a_connection_the_pool_saw_lost_is_an_outage_whatever_the_error():
    assert database_unavailable(wrapped(psycopg.DatabaseError("lost"), invalidated=True))


def test_a_pool_with_no_free_connection_in_time_is_an_outage():
    assert database_unavailable(exc.TimeoutError("QueuePool limit of size 5 overflow 10 reached"))


def test_an_outage_raised_on_as_another_error_is_still_an_outage():
    try:
        try:
            raise wrapped(pg.CannotConnectNow("starting up"))
        except exc.DBAPIError as error:
            raise RuntimeError("could not load the application") from error
    except RuntimeError as outer:
        assert database_unavailable(outer)


def test_sqlite_locked_past_its_busy_timeout_is_an_outage_but_a_missing_table_or_a_constraint_is_not(tmp_path):
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    holder.execute("BEGIN IMMEDIATE")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.1})
    with engine.connect() as connection:
        with pytest.raises(exc.OperationalError) as locked:
            connection.execute(text("INSERT INTO t VALUES (1)"))
    holder.execute("ROLLBACK")
    assert "locked" in str(locked.value) and database_unavailable(locked.value)
    with engine.connect() as connection:
        with pytest.raises(exc.OperationalError) as missing:
            connection.execute(text("SELECT * FROM no_such_table"))
        connection.execute(text("INSERT INTO t VALUES (1)"))
        with pytest.raises(exc.IntegrityError) as duplicate:
            connection.execute(text("INSERT INTO t VALUES (1)"))
    assert not database_unavailable(missing.value)
    assert not database_unavailable(duplicate.value)
    engine.dispose()
    holder.close()


def test_an_error_of_our_own_code_is_no_outage():
    assert not database_unavailable(RuntimeError("bug"))
