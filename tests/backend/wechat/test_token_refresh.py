"""A cached access token WeChat no longer accepts (40001 forgotten, 42001 expired) is fetched again and the
call retried, against the local fake of WeChat's HTTP API on loopback (fake_wechat)."""

import pytest
from pydantic import SecretStr

from backend.wechat.client import mini_program_client, official_account_client
from backend.wechat.official_account import _unionid_of

TEMPLATE = "tmpl-status-update"
KEYWORDS = ["character_string1", "thing2", "thing3", "time4"]
DATA = {"character_string1": {"value": "LB-1"}, "thing2": {"value": "已受理"}, "thing3": {"value": "请等待"},
        "time4": {"value": "2026-11-25 10:00"}}


@pytest.fixture
def official_account(runtime, settings, fake_wechat):
    settings.wechat_oa_app_id = fake_wechat.config.oa_app_id
    settings.wechat_oa_app_secret = SecretStr(fake_wechat.config.oa_app_secret)
    return fake_wechat


def _errcodes(fake, path: str) -> list[int | None]:
    return [call.errcode for call in fake.state.calls if call.path == path]


@pytest.mark.parametrize(("make_stale", "refusal"), [("expire_tokens", 42001), ("forget_tokens", 40001)])
def test_user_info_succeeds_after_wechat_refuses_the_cached_token(official_account, make_stale, refusal):
    follower = official_account.add_follower(with_unionid=True)
    assert official_account_client().user.get(follower.openid)["openid"] == follower.openid

    getattr(official_account, make_stale)()

    assert official_account_client().user.get(follower.openid)["openid"] == follower.openid
    assert _errcodes(official_account, "/cgi-bin/user/info") == [0, refusal, 0]
    assert official_account.tokens_issued(official_account.config.oa_app_id) == 2


def test_a_follower_keeps_their_unionid_when_the_token_had_expired(official_account):
    follower = official_account.add_follower(with_unionid=True)
    official_account_client().user.get(follower.openid)
    official_account.expire_tokens()

    assert _unionid_of(follower.openid) == follower.unionid


@pytest.mark.parametrize(("make_stale", "refusal"), [("expire_tokens", 42001), ("forget_tokens", 40001)])
def test_a_subscribe_message_is_sent_after_wechat_refuses_the_cached_token(runtime, fake_wechat, make_stale,
                                                                          refusal):
    fake_wechat.login("openid-subscriber")
    fake_wechat.add_template(TEMPLATE, KEYWORDS)
    fake_wechat.accept_subscription("openid-subscriber", TEMPLATE, times=2)
    mini_program_client().wxa.send_subscribe_message("openid-subscriber", TEMPLATE, DATA)

    getattr(fake_wechat, make_stale)()
    mini_program_client().wxa.send_subscribe_message("openid-subscriber", TEMPLATE, DATA)

    assert len(fake_wechat.subscribe_messages) == 2
    assert _errcodes(fake_wechat, "/cgi-bin/message/subscribe/send") == [0, refusal, 0]
    assert fake_wechat.tokens_issued(fake_wechat.config.app_id) == 2
