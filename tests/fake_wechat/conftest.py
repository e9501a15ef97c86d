"""Fixtures: the fake in a thread, and wechatpy clients pointed at it the way the product must point them."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import requests
from werkzeug.serving import make_server
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException

from fake_wechat import FakeWeChat, running_fake_wechat


class PointedWeChatClient(WeChatClient):
    """wechatpy 1.8.18 at another base URL. Setting API_BASE_URL alone is not enough: `WeChatWxa` carries
    its own absolute base (so `wxa.code_to_session` would still go to api.weixin.qq.com), and
    `fetch_access_token` hard-codes https://api.weixin.qq.com/cgi-bin/token and calls it with no timeout."""

    def __init__(self, base_url: str, appid: str, secret: str, **kwargs: object) -> None:
        super().__init__(appid, secret, **kwargs)
        self.base_url = base_url.rstrip("/")
        self.API_BASE_URL = f"{self.base_url}/cgi-bin/"
        self.wxa.API_BASE_URL = f"{self.base_url}/"

    def fetch_access_token(self) -> dict:
        params = {"grant_type": "client_credential", "appid": self.appid, "secret": self.secret}
        response = self._http.get(f"{self.base_url}/cgi-bin/token", params=params, timeout=self.timeout)
        try:
            response.raise_for_status()
        except requests.RequestException:
            raise WeChatClientException(None, None, client=self, request=response.request,
                                        response=response) from None
        result = response.json()
        if result.get("errcode"):
            raise WeChatClientException(result["errcode"], result["errmsg"], client=self,
                                        request=response.request, response=response)
        self.session.set(self.access_token_key, result["access_token"], result["expires_in"])
        self.expires_at = int(time.time()) + result["expires_in"]
        return result


@pytest.fixture
def fake() -> Iterator[FakeWeChat]:
    with running_fake_wechat() as running:
        yield running


@pytest.fixture
def miniprogram(fake: FakeWeChat) -> PointedWeChatClient:
    return PointedWeChatClient(fake.base_url, fake.config.app_id, fake.config.app_secret, timeout=5)


@pytest.fixture
def official_account(fake: FakeWeChat) -> PointedWeChatClient:
    return PointedWeChatClient(fake.base_url, fake.config.oa_app_id, fake.config.oa_app_secret, timeout=5)


@contextmanager
def serving(wsgi_app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Any WSGI app on a free loopback port: yields its base URL."""
    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
