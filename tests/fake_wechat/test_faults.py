"""Injected faults, for the product's retry and timeout paths."""

import threading
import time

import pytest
import requests
from wechatpy.exceptions import WeChatClientException

from fake_wechat import FakeWeChat, running_fake_wechat
from tests.fake_wechat.pointed_client import PointedWeChatClient


def _wait_for_calls(fake: FakeWeChat, path: str, count: int) -> None:
    """Poll (up to 5 s) until the fake has answered `count` calls to `path`."""
    deadline = time.monotonic() + 5
    while sum(call.path == path for call in fake.state.calls) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"the fake never answered {count} calls to {path}")
        time.sleep(0.02)


def test_http_500_reaches_wechatpy_as_an_exception_without_errcode(fake, miniprogram):
    fake.fail_next(1, "http_500", path="/sns/jscode2session")

    with pytest.raises(WeChatClientException) as failed:
        miniprogram.wxa.code_to_session(fake.login())

    assert failed.value.errcode is None
    assert failed.value.response.status_code == 500


def test_system_busy_is_errcode_minus_1(fake, miniprogram):
    miniprogram.fetch_access_token()  # so the fault falls on the login call
    fake.fail_next(1, "system_busy")

    with pytest.raises(WeChatClientException) as failed:
        miniprogram.wxa.code_to_session(fake.login())

    assert failed.value.errcode == -1
    assert failed.value.errmsg.startswith("system error rid: ")


def test_the_call_after_the_last_fault_succeeds_and_a_failed_login_keeps_its_code(fake, miniprogram):
    miniprogram.fetch_access_token()
    fake.fail_next(2, "system_busy")
    code = fake.login()

    for _ in range(2):
        with pytest.raises(WeChatClientException):
            miniprogram.wxa.code_to_session(code)

    assert miniprogram.wxa.code_to_session(code)["openid"]


def test_a_fault_on_one_path_leaves_other_paths_alone(fake, miniprogram):
    fake.fail_next(1, "http_500", path="/cgi-bin/token")
    code = fake.login()

    with pytest.raises(WeChatClientException):
        miniprogram.wxa.code_to_session(code)  # the token fetch before it fails

    assert miniprogram.wxa.code_to_session(code)["openid"]
    assert [(c.path, c.status) for c in fake.state.calls] == [
        ("/cgi-bin/token", 500), ("/cgi-bin/token", 200), ("/sns/jscode2session", 200)]


def test_a_hang_longer_than_the_timeout_times_out_and_the_code_is_used_all_the_same(fake):
    client = PointedWeChatClient(fake.base_url, fake.config.app_id, fake.config.app_secret, timeout=0.2)
    client.fetch_access_token()
    fake.fail_next(1, "hang", seconds=1.0, path="/sns/jscode2session")
    code = fake.login()

    # wechatpy does not wrap timeouts: the product sees requests' own exception.
    with pytest.raises(requests.Timeout):
        client.wxa.code_to_session(code)
    _wait_for_calls(fake, "/sns/jscode2session", 1)

    with pytest.raises(WeChatClientException) as retried:
        client.wxa.code_to_session(code)
    assert retried.value.errcode == 40163


def test_a_hang_shorter_than_the_timeout_is_just_slow(fake, miniprogram):
    fake.fail_next(1, "hang", seconds=0.2, path="/sns/jscode2session")

    assert miniprogram.wxa.code_to_session(fake.login())["openid"]


def test_stopping_the_fake_releases_hung_calls():
    with running_fake_wechat() as fake:
        fake.fail_next(1, "hang", seconds=600, path="/cgi-bin/token")
        caller = threading.Thread(target=_call_ignoring_timeout, args=(f"{fake.base_url}/cgi-bin/token",))
        caller.start()
        caller.join()
    _wait_for_calls(fake, "/cgi-bin/token", 1)


def _call_ignoring_timeout(url: str) -> None:
    try:
        requests.get(url, timeout=0.2)
    except requests.Timeout:
        pass


def test_unknown_fault_modes_are_refused(fake):
    with pytest.raises(ValueError):
        fake.fail_next(1, "explode")  # type: ignore[arg-type]
