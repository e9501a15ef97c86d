"""code2Session through wechatpy, as the product's WeChat login will call it."""

import pytest
import requests
from wechatpy.exceptions import APILimitedException, WeChatClientException

from fake_wechat import FakeWeChat
from tests.fake_wechat.pointed_client import PointedWeChatClient


def test_code_from_login_exchanges_for_the_users_openid_and_a_session_key(fake, miniprogram):
    code = fake.login("oUserWithoutUnionid0000000001")

    session = miniprogram.wxa.code_to_session(code)

    assert session["openid"] == "oUserWithoutUnionid0000000001"
    assert session["session_key"] == fake.user("oUserWithoutUnionid0000000001").session_key
    assert "unionid" not in session


def test_unionid_is_sent_only_for_users_that_have_one(fake, miniprogram):
    code = fake.login("oUserWithUnionid000000000001", unionid="oUnionOfThisPerson0000000001")

    session = miniprogram.wxa.code_to_session(code)

    assert session["unionid"] == "oUnionOfThisPerson0000000001"


def test_a_fresh_random_user_gets_a_wechat_shaped_openid(fake, miniprogram):
    session = miniprogram.wxa.code_to_session(fake.login(with_unionid=True))

    assert len(session["openid"]) == 28 and session["openid"].startswith("o")
    assert session["unionid"] != session["openid"]


def test_each_login_gives_a_new_code_and_a_new_session_key(fake, miniprogram):
    first = miniprogram.wxa.code_to_session(fake.login("oSameUser0000000000000000001"))
    second = miniprogram.wxa.code_to_session(fake.login("oSameUser0000000000000000001"))

    assert first["openid"] == second["openid"]
    assert first["session_key"] != second["session_key"]


def test_a_code_works_only_once(fake, miniprogram):
    code = fake.login()
    miniprogram.wxa.code_to_session(code)

    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.code_to_session(code)

    assert refused.value.errcode == 40163
    assert refused.value.errmsg.startswith("code been used, rid: ")


def test_an_unknown_code_is_invalid(miniprogram):
    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.code_to_session("071abcdEFGH2345ijklMN6789opqRS0t")

    assert refused.value.errcode == 40029
    assert refused.value.errmsg.startswith("invalid code, rid: ")


def test_a_code_older_than_five_minutes_is_invalid(fake, miniprogram):
    code = fake.login()
    fake.advance_clock(301)

    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.code_to_session(code)

    assert refused.value.errcode == 40029


def test_a_code_just_under_five_minutes_old_still_works(fake, miniprogram):
    code = fake.login()
    fake.advance_clock(299)

    assert miniprogram.wxa.code_to_session(code)["openid"]


def test_a_user_blocked_by_wechat_risk_control_cannot_log_in(fake, miniprogram):
    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.code_to_session(fake.login(blocked=True))

    assert refused.value.errcode == 40226


def test_a_rate_limited_login_is_errcode_45011_not_wechatpys_api_limited_exception(fake, miniprogram):
    fake.fail_next(1, "rate_limited", path="/sns/jscode2session")

    with pytest.raises(WeChatClientException) as refused:
        miniprogram.wxa.code_to_session(fake.login())

    # wechatpy 1.8.18 raises APILimitedException only for 45009 (the daily quota), so the product must
    # look at errcode 45011 itself.
    assert refused.value.errcode == 45011
    assert not isinstance(refused.value, APILimitedException)


def test_wrong_appid_is_refused_before_any_login(fake: FakeWeChat):
    client = PointedWeChatClient(fake.base_url, "wx0000000000000000", fake.config.app_secret, timeout=5)

    with pytest.raises(WeChatClientException) as refused:
        client.wxa.code_to_session(fake.login())

    # wechatpy fetches an access token first, and that is where WeChat refuses the appid.
    assert refused.value.errcode == 40013


def test_wrong_secret_is_refused(fake: FakeWeChat):
    client = PointedWeChatClient(fake.base_url, fake.config.app_id, "0" * 32, timeout=5)

    with pytest.raises(WeChatClientException) as refused:
        client.wxa.code_to_session(fake.login())

    assert refused.value.errcode == 40125


def _jscode2session(fake: FakeWeChat, **params: str) -> dict:
    query = {"appid": fake.config.app_id, "secret": fake.config.app_secret, "grant_type": "authorization_code"}
    return requests.get(f"{fake.base_url}/sns/jscode2session", params={**query, **params}, timeout=5).json()


def test_jscode2session_needs_no_access_token(fake):
    assert "openid" in _jscode2session(fake, js_code=fake.login())


def test_jscode2session_ignores_a_stale_access_token(fake):
    assert "openid" in _jscode2session(fake, js_code=fake.login(), access_token="expired-long-ago")


def test_jscode2session_checks_appid_secret_grant_type_and_code(fake):
    code = fake.login()
    assert _jscode2session(fake, js_code=code, appid="wx0000000000000000")["errcode"] == 40013
    assert _jscode2session(fake, js_code=code, secret="wrong")["errcode"] == 40125
    assert _jscode2session(fake, js_code=code, secret="密钥")["errcode"] == 40125
    assert _jscode2session(fake, js_code=code, grant_type="client_credential")["errcode"] == 40002
    assert _jscode2session(fake, js_code="")["errcode"] == 41008
    # None of the refusals above used the code up.
    assert "openid" in _jscode2session(fake, js_code=code)


def test_a_code_cannot_be_exchanged_with_the_official_accounts_credentials(fake):
    answer = _jscode2session(fake, js_code=fake.login(), appid=fake.config.oa_app_id,
                             secret=fake.config.oa_app_secret)

    assert answer["errcode"] == 40029
