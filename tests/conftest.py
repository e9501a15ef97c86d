"""Fixtures shared by the whole suite: a database (SQLite by default, PostgreSQL when
LIANGBU_TEST_DATABASE_URL is set), a configured runtime with a clock the test controls, the API app,
and actors (people logged in through the API as a client would)."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

import backend.db.models  # noqa: F401  every model, so that every table is emptied between tests
from backend.db.base import Base
from backend.db.engine import Database
from backend.runtime import Runtime, configure
from backend.settings import Settings
from tests.support.api import ApiClient
from tests.support.clock import FrozenClock

TEST_DATA_KEY = base64.b64encode(b"k" * 32).decode()
TEST_SECRET_KEY = "test-secret-key-for-signing-tokens-only-in-tests"
TEST_REVIEW_SECRET = "test-review-system-shared-secret"
# Wednesday 2026-11-25, 10:00 in China: a working day inside chinesecalendar's table.
DEFAULT_NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Any test that uses the database is marked `db`, so make test can run exactly those on PostgreSQL."""
    for item in items:
        if "runtime" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("LIANGBU_TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def database(database_url: str) -> Iterator[Database]:
    """The schema is made by the migrations, so every test run also checks them."""
    from backend.db.migrate import upgrade

    db = Database(database_url)
    if not db.is_sqlite:
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"))
    upgrade(database_url)
    yield db
    db.dispose()


def _empty_tables(db: Database) -> None:
    # DELETE, children first, on both databases: a test leaves a few rows, and PostgreSQL's TRUNCATE of 23
    # tables took 50-110 ms (new files for every table) against 6-13 ms for DELETE, twice a test.
    with db.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(DEFAULT_NOW)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        instance_dir=tmp_path / "instance", database_url=database_url, storage_dir=tmp_path / "storage",
        job_queue_url="immediate", data_key=TEST_DATA_KEY, secret_key=TEST_SECRET_KEY, dev_login=True,
        review_handoff_secret=TEST_REVIEW_SECRET, wechat_api_base="http://127.0.0.1:9/",
        ocr_engine="none",  # the OCR tests turn reading on; elsewhere an upload needs no 0.5 GB model
        strict_unit_of_work=True,
    )


@pytest.fixture
def runtime(settings: Settings, database: Database, clock: FrozenClock) -> Iterator[Runtime]:
    _empty_tables(database)
    yield configure(settings, clock=clock, database=database)
    _empty_tables(database)


_RECORDED_EXAMPLES: dict[str, dict] = {}


def _record_examples(application) -> None:
    """With LIANGBU_RECORD_API_EXAMPLES=FILE, the first successful JSON answer of each operation seen by the
    tests is kept and written to FILE: the examples of the OpenAPI document (miniprogram_api/openapi_doc.py).
    `make api-examples` runs the API tests this way."""
    from flask import request

    from miniprogram_api.openapi_doc import trimmed

    @application.after_request
    def _keep(response):
        rule = request.url_rule
        if (rule is not None and 200 <= response.status_code < 300 and response.mimetype == "application/json"
                and rule.rule != "/api/v1/openapi.json"):
            operation = f"{request.method.lower()} {rule.rule.replace('<', '{').replace('>', '}')}"
            if operation not in _RECORDED_EXAMPLES:
                _RECORDED_EXAMPLES[operation] = {"status": response.status_code,
                                                 "body": trimmed(response.get_json())}
        return response


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = os.environ.get("LIANGBU_RECORD_API_EXAMPLES")
    if target and _RECORDED_EXAMPLES:
        import json

        path = Path(target)
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        known.update(_RECORDED_EXAMPLES)
        path.write_text(json.dumps(dict(sorted(known.items())), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")


@pytest.fixture
def app(runtime: Runtime):
    from miniprogram_api.app import create_app

    application = create_app(runtime=runtime)
    application.config["TESTING"] = True
    if os.environ.get("LIANGBU_RECORD_API_EXAMPLES"):
        _record_examples(application)
    return application


@pytest.fixture
def client(app) -> ApiClient:
    return ApiClient(app.test_client())


@pytest.fixture
def demo_accounts(runtime: Runtime) -> None:
    from backend.demo import DEMO_ACCOUNTS
    from backend.accounts.models import User
    from backend.db.base import new_id
    from backend.unit_of_work import unit_of_work

    with unit_of_work() as uow:
        for account, role, name, region_code in DEMO_ACCOUNTS:
            uow.session.add(User(id=new_id(), account=account, role=role.value, display_name=name,
                                 region_code=region_code, created_at=uow.now))
        uow.session.add(User(id=new_id(), account="other-applicant", role="public", display_name="另一位申请人",
                             created_at=uow.now))
        uow.session.add(User(id=new_id(), account="reviewer-elsewhere", role="reviewer", display_name="外地审核员",
                             region_code="140402", created_at=uow.now))
        uow.commit()


def login(app, account: str, locale: str | None = None) -> ApiClient:
    response = app.test_client().post("/api/v1/auth/dev-login", json={"account": account})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    return ApiClient(app.test_client(), body["access_token"], locale=locale, user=body["user"])


@pytest.fixture
def as_applicant(app, demo_accounts) -> ApiClient:
    return login(app, "demo-applicant")


@pytest.fixture
def as_other_applicant(app, demo_accounts) -> ApiClient:
    return login(app, "other-applicant")


@pytest.fixture
def as_reviewer(app, demo_accounts) -> ApiClient:
    return login(app, "demo-reviewer")


@pytest.fixture
def as_reviewer_elsewhere(app, demo_accounts) -> ApiClient:
    return login(app, "reviewer-elsewhere")


@pytest.fixture
def as_admin(app, demo_accounts) -> ApiClient:
    return login(app, "demo-admin")


@pytest.fixture
def as_assistant(app, demo_accounts) -> ApiClient:
    return login(app, "demo-assistant")


@pytest.fixture
def fake_wechat(settings: Settings):
    """WeChat's HTTP API on loopback (fake_wechat), with our settings pointed at it."""
    from fake_wechat.server import running_fake_wechat

    with running_fake_wechat(app_id=settings.wechat_app_id,
                             app_secret=settings.wechat_app_secret.get_secret_value()) as fake:
        settings.wechat_api_base = fake.base_url
        yield fake
