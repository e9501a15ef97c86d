"""Access tokens (JWT: pinned algorithm, exp/iat/iss/aud checked, keys rotated by kid) and rotating refresh tokens."""

from __future__ import annotations

import base64
import json

import jwt
import pytest
from pydantic import SecretStr

from backend.settings import Settings
from miniprogram_api.tokens import TokenService
from tests.conftest import TEST_SECRET_KEY, login


def _forge(claims: dict, key: bytes = b"x" * 32, alg: str = "HS256", kid: str | None = None) -> str:
    return jwt.encode(claims, key, algorithm=alg, headers={"kid": kid} if kid else None)


def test_dev_login_returns_tokens_and_the_user(client, demo_accounts):
    response = client.post("/auth/dev-login", json={"account": "demo-applicant"})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) >= {"access_token", "refresh_token", "expires_in", "user"}
    assert body["user"]["account"] == "demo-applicant"
    assert response.headers["Cache-Control"] == "no-store"


def test_dev_login_is_refused_when_switched_off(app, client, demo_accounts, runtime):
    runtime.settings = runtime.settings.model_copy(update={"dev_login": False})
    response = client.post("/auth/dev-login", json={"account": "demo-applicant"})
    assert response.status_code == 403
    assert response.get_json()["code"] == "dev_login_disabled"


def test_dev_login_is_off_by_default():
    assert Settings().dev_login is False


def test_unknown_demo_account_is_refused(client, demo_accounts):
    assert client.post("/auth/dev-login", json={"account": "nobody"}).status_code == 401


def test_token_signed_with_none_or_another_algorithm_is_refused(as_applicant, client):
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode()).rstrip(b"=").decode()
    claims = jwt.decode(as_applicant.token, options={"verify_signature": False})
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    for token in (f"{header}.{payload}.", _forge(claims), as_applicant.token + "x"):
        response = client.get("/applications", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.get_json()["code"] == "token_invalid"


def test_token_for_another_audience_or_issuer_is_refused(as_applicant, client, settings):
    service = TokenService(settings)
    claims = jwt.decode(as_applicant.token, options={"verify_signature": False})
    kid = jwt.get_unverified_header(as_applicant.token)["kid"]
    secret = service._keys[kid].secret
    for change in ({"aud": "another-app"}, {"iss": "someone-else"}):
        token = _forge({**claims, **change}, key=secret, kid=kid)
        assert client.get("/applications", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_expired_token_is_refused_with_its_own_code(as_applicant, client, clock):
    clock.advance(minutes=16)
    response = client.get("/applications", headers={"Authorization": f"Bearer {as_applicant.token}"})
    assert response.status_code == 401
    assert response.get_json()["code"] == "token_expired"


def test_token_signed_with_a_rotated_out_key_still_works_until_it_expires(app, demo_accounts, settings):
    old = login(app, "demo-applicant")
    rotated = settings.model_copy(update={"secret_key": SecretStr("a-brand-new-signing-secret-for-tokens"),
                                          "old_secret_keys": [SecretStr(TEST_SECRET_KEY)]})
    app.extensions["liangbu_tokens"] = TokenService(rotated)
    assert old.get("/applications").status_code == 200
    new = login(app, "demo-applicant")
    assert jwt.get_unverified_header(new.token)["kid"] != jwt.get_unverified_header(old.token)["kid"]
    app.extensions["liangbu_tokens"] = TokenService(settings.model_copy(
        update={"secret_key": SecretStr("a-brand-new-signing-secret-for-tokens"), "old_secret_keys": []}))
    assert old.get("/applications").status_code == 401


def test_refresh_token_rotates_and_a_reused_one_ends_the_family(client, demo_accounts):
    first = client.post("/auth/dev-login", json={"account": "demo-applicant"}).get_json()
    second = client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    second = second.get_json()
    assert second["refresh_token"] != first["refresh_token"]
    replay = client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    assert replay.get_json()["code"] == "refresh_token_reused"
    # The thief's replay also ends the legitimate holder's newer token.
    assert client.post("/auth/refresh", json={"refresh_token": second["refresh_token"]}).status_code == 401


@pytest.mark.parametrize("token", ["", "nonsense", "a" * 200])
def test_unknown_refresh_token_is_refused(client, demo_accounts, token):
    response = client.post("/auth/refresh", json={"refresh_token": token})
    assert response.status_code in (401, 422)


def test_refresh_tokens_are_stored_only_as_hashes(client, demo_accounts, runtime):
    from sqlalchemy import select

    from backend.accounts.models import RefreshToken

    token = client.post("/auth/dev-login", json={"account": "demo-applicant"}).get_json()["refresh_token"]
    with runtime.database.sessions() as session:
        stored = session.scalars(select(RefreshToken.token_hash)).all()
    assert token not in stored and all(len(value) == 64 for value in stored)


def test_reviewer_cannot_use_the_applicant_only_endpoints_of_another_role(as_reviewer, as_applicant):
    assert as_applicant.get("/review/applications").get_json()["applications"] == []
    assert as_reviewer.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self"}).status_code == 403


# --- dev login stays on this machine (security audit, item 4) -----------------------------------------


def test_dev_login_is_refused_to_another_machine(app, demo_accounts):
    response = app.test_client().post("/api/v1/auth/dev-login", json={"account": "demo-reviewer"},
                                      environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert response.status_code == 403
    assert response.get_json()["code"] == "dev_login_local_only"


def test_dev_login_through_a_proxy_on_this_machine_is_refused_to_the_machine_behind_it(app, demo_accounts):
    response = app.test_client().post("/api/v1/auth/dev-login", json={"account": "demo-reviewer"},
                                      headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.status_code == 403 and response.get_json()["code"] == "dev_login_local_only"
    forwarded = app.test_client().post("/api/v1/auth/dev-login", json={"account": "demo-reviewer"},
                                       headers={"Forwarded": 'for="203.0.113.7"'})
    assert forwarded.status_code == 403


def test_dev_login_from_this_machine_works_over_real_http(app, demo_accounts):
    import requests

    from tests.fake_wechat.wsgi_thread import serving

    with serving(app) as base:
        response = requests.post(f"{base}/api/v1/auth/dev-login", json={"account": "demo-applicant"}, timeout=5)
    assert response.status_code == 200 and response.json()["user"]["account"] == "demo-applicant"


def test_dev_login_from_other_machines_needs_its_own_setting(app, demo_accounts, runtime):
    runtime.settings = runtime.settings.model_copy(update={"dev_login_public": True})
    response = app.test_client().post("/api/v1/auth/dev-login", json={"account": "demo-applicant"},
                                      environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert response.status_code == 200
    assert Settings().dev_login_public is False


def test_the_app_warns_loudly_at_start_while_dev_login_is_on(runtime, caplog):
    from miniprogram_api.app import create_app

    with caplog.at_level("WARNING", logger="miniprogram_api.app"):
        create_app(runtime=runtime)
    assert any("DEV LOGIN IS ON" in record.getMessage() for record in caplog.records)
    caplog.clear()
    runtime.settings = runtime.settings.model_copy(update={"dev_login": False})
    with caplog.at_level("WARNING", logger="miniprogram_api.app"):
        create_app(runtime=runtime)
    assert not any("DEV LOGIN" in record.getMessage() for record in caplog.records)
