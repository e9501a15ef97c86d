"""Access tokens: issued, reused, superseded and expired the way WeChat does it."""

import pytest
import requests
from wechatpy.session.memorystorage import MemoryStorage

from fake_wechat import FakeWeChat
from tests.fake_wechat.pointed_client import PointedWeChatClient


def _oa_client(fake: FakeWeChat, **kwargs) -> PointedWeChatClient:
    return PointedWeChatClient(fake.base_url, fake.config.oa_app_id, fake.config.oa_app_secret, timeout=5, **kwargs)


def _errcodes(fake: FakeWeChat, path: str) -> list[int | None]:
    return [call.errcode for call in fake.state.calls if call.path == path]


def _token(fake: FakeWeChat, app_id: str | None = None, secret: str | None = None) -> dict:
    params = {"grant_type": "client_credential", "appid": app_id or fake.config.oa_app_id,
              "secret": secret or fake.config.oa_app_secret}
    return requests.get(f"{fake.base_url}/cgi-bin/token", params=params, timeout=5).json()


def _stable_token(fake: FakeWeChat, **extra: object) -> dict:
    body = {"grant_type": "client_credential", "appid": fake.config.oa_app_id,
            "secret": fake.config.oa_app_secret, **extra}
    return requests.post(f"{fake.base_url}/cgi-bin/stable_token", json=body, timeout=5).json()


def _user_info(fake: FakeWeChat, access_token: str | None, openid: str) -> dict:
    params = {"openid": openid} | ({"access_token": access_token} if access_token is not None else {})
    return requests.get(f"{fake.base_url}/cgi-bin/user/info", params=params, timeout=5).json()


def test_token_answer_has_wechats_shape(fake):
    answer = _token(fake)

    assert set(answer) == {"access_token", "expires_in"}
    assert answer["expires_in"] == 7200
    assert len(answer["access_token"]) >= 100


def test_one_client_fetches_one_token_for_many_calls(fake, miniprogram):
    miniprogram.wxa.code_to_session(fake.login())
    miniprogram.wxa.code_to_session(fake.login())

    assert fake.tokens_issued(fake.config.app_id) == 1


def test_clients_sharing_one_token_store_fetch_one_token(fake):
    store = MemoryStorage()  # stands in for the product's cross-process cache (database or Redis)
    follower = fake.add_follower()

    _oa_client(fake, session=store).user.get(follower.openid)
    _oa_client(fake, session=store).user.get(follower.openid)

    assert fake.tokens_issued(fake.config.oa_app_id) == 1


def test_a_second_process_with_its_own_cache_pushes_the_first_ones_token_out_after_five_minutes(fake):
    follower = fake.add_follower()
    first, second = _oa_client(fake), _oa_client(fake)
    first.user.get(follower.openid)
    second.user.get(follower.openid)

    first.user.get(follower.openid)  # WeChat keeps the older token working for 5 minutes
    fake.advance_clock(301)
    first.user.get(follower.openid)  # now it is "not latest": wechatpy refetches and retries

    assert _errcodes(fake, "/cgi-bin/user/info") == [0, 0, 0, 40001, 0]
    assert fake.tokens_issued(fake.config.oa_app_id) == 3


def test_expired_tokens_are_refused_with_42001_and_wechatpy_fetches_a_new_one(fake, official_account):
    follower = fake.add_follower()
    official_account.user.get(follower.openid)

    assert fake.expire_tokens() == 1
    assert official_account.user.get(follower.openid)["openid"] == follower.openid

    assert _errcodes(fake, "/cgi-bin/user/info") == [0, 42001, 0]
    assert fake.tokens_issued(fake.config.oa_app_id) == 2


def test_a_token_expires_after_7200_seconds(fake):
    token = _token(fake)["access_token"]
    follower = fake.add_follower()
    fake.advance_clock(7199)
    assert _user_info(fake, token, follower.openid)["subscribe"] == 1

    fake.advance_clock(1)

    assert _user_info(fake, token, follower.openid)["errcode"] == 42001


@pytest.mark.parametrize(("token", "errcode"), [(None, 41001), ("", 41001), ("not-a-token", 40001)])
def test_calls_without_a_valid_token_are_refused(fake, token, errcode):
    answer = _user_info(fake, token, fake.add_follower().openid)

    assert answer["errcode"] == errcode


def test_a_mini_program_token_cannot_call_official_account_apis(fake):
    token = _token(fake, fake.config.app_id, fake.config.app_secret)["access_token"]

    assert _user_info(fake, token, fake.add_follower().openid)["errcode"] == 48001


def test_token_refusals_name_the_wrong_part(fake):
    assert _token(fake, "wx0000000000000000")["errcode"] == 40013
    assert _token(fake, secret="0" * 32)["errcode"] == 40125
    params = {"grant_type": "authorization_code", "appid": fake.config.oa_app_id, "secret": fake.config.oa_app_secret}
    answer = requests.get(f"{fake.base_url}/cgi-bin/token", params=params, timeout=5).json()
    assert answer["errcode"] == 40002
    assert fake.tokens_issued() == 0


def test_stable_token_is_handed_out_again_while_it_lasts(fake):
    first = _stable_token(fake)
    fake.advance_clock(100)
    second = _stable_token(fake)

    assert second["access_token"] == first["access_token"]
    assert second["expires_in"] == 7100
    assert fake.tokens_issued() == 1


def test_stable_token_is_renewed_in_its_last_five_minutes_and_the_old_one_still_works(fake):
    follower = fake.add_follower()
    old = _stable_token(fake)["access_token"]
    fake.advance_clock(6901)

    new = _stable_token(fake)["access_token"]

    assert new != old
    assert _user_info(fake, old, follower.openid)["subscribe"] == 1


def test_forced_stable_token_refresh_invalidates_the_old_token_at_once(fake):
    follower = fake.add_follower()
    old = _stable_token(fake)["access_token"]

    new = _stable_token(fake, force_refresh=True)["access_token"]

    assert new != old
    assert _user_info(fake, old, follower.openid)["errcode"] == 40001
    assert _user_info(fake, new, follower.openid)["subscribe"] == 1


def test_forced_refreshes_closer_than_30_seconds_return_the_same_token(fake):
    first = _stable_token(fake, force_refresh=True)["access_token"]
    fake.advance_clock(29)

    assert _stable_token(fake, force_refresh=True)["access_token"] == first


def test_more_than_20_forced_refreshes_a_day_are_refused(fake):
    for _ in range(20):
        assert "access_token" in _stable_token(fake, force_refresh=True)
        fake.advance_clock(31)

    assert _stable_token(fake, force_refresh=True)["errcode"] == 45009


def test_stable_and_ordinary_tokens_do_not_push_each_other_out(fake):
    follower = fake.add_follower()
    stable = _stable_token(fake)["access_token"]
    ordinary = _token(fake)["access_token"]
    _token(fake)
    fake.advance_clock(301)

    assert _user_info(fake, stable, follower.openid)["subscribe"] == 1
    assert _user_info(fake, ordinary, follower.openid)["errcode"] == 40001


def test_stable_token_must_be_posted_as_json(fake):
    get = requests.get(f"{fake.base_url}/cgi-bin/stable_token", timeout=5).json()
    garbage = requests.post(f"{fake.base_url}/cgi-bin/stable_token", data=b"appid=x", timeout=5).json()
    empty = requests.post(f"{fake.base_url}/cgi-bin/stable_token", timeout=5).json()

    assert (get["errcode"], garbage["errcode"], empty["errcode"]) == (43002, 47001, 44002)


def test_forgotten_tokens_are_refused_with_40001_and_wechatpy_fetches_a_new_one(fake, official_account):
    follower = fake.add_follower()
    official_account.user.get(follower.openid)

    assert fake.forget_tokens() == 1
    assert official_account.user.get(follower.openid)["openid"] == follower.openid

    assert _errcodes(fake, "/cgi-bin/user/info") == [0, 40001, 0]


def test_the_forget_control_forgets_every_token(fake):
    token = _token(fake)["access_token"]
    follower = fake.add_follower()

    assert requests.post(f"{fake.base_url}/__fake__/tokens/forget", timeout=5).json() == {"forgotten": 1}
    assert _user_info(fake, token, follower.openid)["errcode"] == 40001
