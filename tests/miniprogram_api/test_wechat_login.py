"""Logging in with the mini program's code, exchanged with WeChat (a local fake speaking WeChat's protocol)."""

from __future__ import annotations

from tests.support.api import ApiClient


def test_wechat_login_creates_the_person_once_and_logs_them_in(client, fake_wechat):
    first = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-grandma")})
    assert first.status_code == 200, first.get_json()
    again = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-grandma")})
    assert again.get_json()["user"]["id"] == first.get_json()["user"]["id"]
    me = ApiClient(client.client, first.get_json()["access_token"])
    assert me.get("/applications").status_code == 200


def test_invalid_code_is_refused_with_wechats_reason(client, fake_wechat):
    response = client.post("/auth/wechat-login", json={"code": "not-a-code"})
    assert response.status_code == 401
    assert response.get_json()["code"] == "wechat_code_invalid"


def test_reused_code_is_refused(client, fake_wechat):
    code = fake_wechat.login("openid-once")
    assert client.post("/auth/wechat-login", json={"code": code}).status_code == 200
    response = client.post("/auth/wechat-login", json={"code": code})
    assert response.status_code == 401
    assert response.get_json()["code"] == "wechat_code_used"


def test_wechat_busy_is_a_503_that_says_try_later(client, fake_wechat):
    code = fake_wechat.login("openid-busy")
    client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-warm")})  # token cached
    fake_wechat.fail_next(1, mode="system_busy", path="/sns/jscode2session")
    response = client.post("/auth/wechat-login", json={"code": code})
    assert response.status_code == 503
    assert response.get_json()["code"] == "wechat_busy"


def test_wechat_down_is_a_503_not_a_500(client, fake_wechat):
    client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-warm")})
    fake_wechat.fail_next(1, mode="http_500", path="/sns/jscode2session")
    response = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-down")})
    assert response.status_code == 503


def test_access_token_is_fetched_once_and_shared(client, fake_wechat):
    for name in ("a", "b", "c"):
        assert client.post("/auth/wechat-login", json={"code": fake_wechat.login(f"openid-{name}")}).status_code == 200
    assert fake_wechat.tokens_issued() == 1


def test_same_unionid_from_another_app_is_the_same_person(client, fake_wechat, runtime):
    from backend.accounts.models import User
    from backend.db.base import new_id
    from backend.unit_of_work import unit_of_work

    with unit_of_work() as uow:
        uow.session.add(User(id=new_id(), role="public", wechat_unionid="union-1", created_at=uow.now))
        uow.commit()
    response = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-mp", unionid="union-1")})
    with unit_of_work() as uow:
        from sqlalchemy import select
        openids = [user.wechat_openid for user in
                   uow.session.scalars(select(User).where(User.wechat_unionid == "union-1"))]
    assert response.status_code == 200
    assert openids == ["openid-mp"]
