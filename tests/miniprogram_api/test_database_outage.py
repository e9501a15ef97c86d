"""A database that cannot be reached is a wait, not a fault: 503 database_unavailable with Retry-After, in the
person's language, and /healthz says so to monitors (the tester's stopped PostgreSQL got 500 internal_error
with no Retry-After)."""

from __future__ import annotations

import socket
import sqlite3

import psycopg
import pytest
from sqlalchemy.orm import Session

from backend.db.engine import Database, DatabaseTimeouts, sqlite_path
from tests.conftest import login
from tests.support import flows


def cut_off(runtime, monkeypatch) -> Database:
    """The runtime's database moved to a PostgreSQL port nobody listens on: a stopped server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    unreachable = Database(f"postgresql+psycopg://liangbu@127.0.0.1:{port}/liangbu",
                           timeouts=DatabaseTimeouts(connect_seconds=2))
    monkeypatch.setattr(runtime, "database", unreachable)
    return unreachable


def assert_database_unavailable(response) -> dict:
    assert response.status_code == 503, response.get_data(as_text=True)
    assert response.content_type.startswith("application/problem+json")
    problem = response.get_json()
    assert problem["code"] == "database_unavailable" and problem["status"] == 503
    assert response.headers["Retry-After"] == str(problem["retry_after_seconds"]) == "60"
    assert problem["title"] and problem["title_easy_read"] and "incident" not in problem
    return problem


def test_a_database_that_cannot_be_reached_gives_a_localised_503_problem_with_retry_after(
        app, demo_accounts, runtime, monkeypatch):
    chinese = login(app, "demo-applicant")
    english = login(app, "demo-applicant", locale="en")
    taiwanese = login(app, "demo-applicant", locale="zh-TW")
    cut_off(runtime, monkeypatch)

    problem = assert_database_unavailable(chinese.get("/applications"))
    assert "您填的内容都还在" in problem["detail"] and "请1分钟后再试" in problem["detail"]
    assert "您填的都还在" in problem["detail_easy_read"] and "出错" not in problem["title"]
    problem = assert_database_unavailable(english.get("/applications"))
    assert "What you filled in is kept" in problem["detail"] and "try again in 1 minute." in problem["detail"]
    problem = assert_database_unavailable(taiwanese.get("/applications"))
    assert "請1分鐘後再試" in problem["detail"]


def test_a_connection_lost_in_the_middle_of_a_request_is_a_503_problem(as_applicant, monkeypatch):
    draft = flows.start(as_applicant)

    def lost(self, *args, **kwargs):
        raise psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly")

    monkeypatch.setattr(Session, "execute", lost)
    response = as_applicant.get(f"/applications/{draft['id']}")
    monkeypatch.undo()
    assert_database_unavailable(response)


def test_a_sqlite_file_locked_past_the_statement_timeout_is_a_503_problem(as_applicant, runtime, monkeypatch):
    if not runtime.database.is_sqlite:
        pytest.skip("SQLite's write lock")
    busy = Database(runtime.database.url, timeouts=DatabaseTimeouts(statement_seconds=0.2))
    monkeypatch.setattr(runtime, "database", busy)
    other_writer = sqlite3.connect(sqlite_path(runtime.database.url), isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")
    try:
        response = as_applicant.post("/applications", json={"subsidies": ["living"], "applying_as": "self"})
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()
        busy.dispose()
    assert_database_unavailable(response)


def test_healthz_answers_503_unavailable_with_retry_after_while_the_database_cannot_be_reached(
        client, runtime, monkeypatch):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    cut_off(runtime, monkeypatch)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "code": "database_unavailable"}
    assert response.headers["Retry-After"] == "60"


def test_an_error_of_ours_that_is_no_outage_is_still_a_500_with_its_incident(as_applicant, app, monkeypatch):
    def broken(self, *args, **kwargs):
        raise psycopg.errors.UndefinedColumn("column does not exist")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    monkeypatch.setattr(Session, "execute", broken)
    response = as_applicant.get("/applications")
    monkeypatch.undo()
    assert response.status_code == 500 and response.get_json()["code"] == "internal_error"
    assert response.get_json()["incident"] and "Retry-After" not in response.headers
