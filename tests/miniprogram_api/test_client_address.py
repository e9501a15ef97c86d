"""The client address the audit log keeps (issue 8, item 4: who looked, when, from where) cannot be written by the
client: X-Forwarded-For is believed only from the reverse proxies the deployment says it runs
(LIANGBU_TRUSTED_PROXIES, applied with werkzeug's ProxyFix in the app factory), and never by default."""

from __future__ import annotations

from sqlalchemy import select

from backend.audit.models import AuditEntry
from backend.unit_of_work import unit_of_work


def audited_sources() -> list[str]:
    with unit_of_work() as uow:
        return [entry.source for entry in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "code.peek_failed").order_by(AuditEntry.at))]


def wrong_look(app, *, address: str, forwarded: str | None = None, proto: str | None = None):
    headers = {}
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    if proto:
        headers["X-Forwarded-Proto"] = proto
    return app.test_client().get("/consent?code=12345678", environ_base={"REMOTE_ADDR": address}, headers=headers)


def test_by_default_a_forwarded_address_is_ignored(app):
    assert wrong_look(app, address="203.0.113.7", forwarded="192.0.2.66").status_code == 404
    assert audited_sources() == ["203.0.113.7"]


def test_behind_one_trusted_proxy_the_address_it_saw_is_kept(runtime):
    from miniprogram_api.app import create_app

    runtime.settings.trusted_proxies = 1
    app = create_app(runtime=runtime)
    # nginx appends the address it saw; whatever the client wrote before it is not believed.
    wrong_look(app, address="10.0.0.2", forwarded="192.0.2.66, 198.51.100.23")
    wrong_look(app, address="10.0.0.2", forwarded="198.51.100.24")
    assert audited_sources() == ["198.51.100.23", "198.51.100.24"]


def test_behind_two_trusted_proxies_the_outer_ones_view_is_kept(runtime):
    from miniprogram_api.app import create_app

    runtime.settings.trusted_proxies = 2
    app = create_app(runtime=runtime)
    wrong_look(app, address="10.0.0.2", forwarded="192.0.2.66, 198.51.100.23, 10.0.0.9")
    assert audited_sources() == ["198.51.100.23"]


def test_the_forwarded_scheme_makes_the_qr_link_https_behind_a_trusted_proxy(runtime, demo_accounts):
    from miniprogram_api.app import create_app
    from tests.conftest import login

    runtime.settings.trusted_proxies = 1
    app = create_app(runtime=runtime)
    assistant = login(app, "demo-assistant")
    issued = assistant.post("/assistance/consent-codes", headers={"X-Forwarded-Proto": "https",
                                                                  "X-Forwarded-For": "198.51.100.23"}).get_json()
    assert issued["qr_link"].startswith("https://localhost/consent?code=")


def test_the_setting_is_a_number_of_hops_never_negative():
    import pytest
    from pydantic import ValidationError

    from backend.settings import Settings

    assert Settings(trusted_proxies="1").trusted_proxies == 1
    assert Settings().trusted_proxies == 0
    with pytest.raises(ValidationError):
        Settings(trusted_proxies=-1)
