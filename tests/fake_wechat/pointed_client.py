"""wechatpy's WeChatClient pointed at another base URL (the fake), the way the product must point it."""

import time

import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException


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
