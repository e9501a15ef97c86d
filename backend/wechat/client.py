"""wechatpy clients configured from settings.

Four traps of wechatpy 1.8.18 are handled here (REFERENCE.md and its source): it has no HTTP timeout
by default; some of its APIs hard-code https://api.weixin.qq.com/ (the token fetch and WeChatWxa's
base), which would bypass a configured base such as the local fake; and its access-token cache is per
process, so the token lives in the database (`DatabaseSessionStorage`) for every worker to share; and when
WeChat refuses a cached token it refetches and retries with the absolute URL, so `_request` must not add a
base to that one."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any

from wechatpy.client import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session import SessionStorage

from backend.runtime import now, runtime
from backend.wechat.models import SharedCacheEntry

OFFICIAL_BASE = "https://api.weixin.qq.com/"


class DatabaseSessionStorage(SessionStorage):
    def get(self, key: str, default: Any = None) -> Any:
        with runtime().database.sessions() as session:
            entry = session.get(SharedCacheEntry, key)
            if entry is None or (entry.expires_at is not None and entry.expires_at <= now()):
                return default
            return json.loads(entry.value)

    def set(self, key: str, value: Any, ttl: int | None = None) -> None:
        with runtime().database.sessions() as session:
            # Keep a safety margin: a token used in its last minute may expire on the way.
            expires = now() + timedelta(seconds=max(ttl - 300, 60)) if ttl else None
            session.merge(SharedCacheEntry(key=key, value=json.dumps(value), expires_at=expires))
            session.commit()

    def delete(self, key: str) -> None:
        with runtime().database.sessions() as session:
            entry = session.get(SharedCacheEntry, key)
            if entry is not None:
                session.delete(entry)
                session.commit()


class ConfiguredWeChatClient(WeChatClient):
    def __init__(self, appid: str, secret: str, *, api_base: str, timeout: float) -> None:
        self._api_base = api_base if api_base.endswith("/") else api_base + "/"
        super().__init__(appid, secret, session=DatabaseSessionStorage(), timeout=timeout)
        # WeChat's own default is https://api.weixin.qq.com/cgi-bin/: media, user info and messages live there.
        self.API_BASE_URL = self._api_base + "cgi-bin/"

    def _rebase(self, url: str) -> str:
        return self._api_base + url[len(OFFICIAL_BASE):] if url.startswith(OFFICIAL_BASE) else url

    def _request(self, method, url_or_endpoint, **kwargs):
        url_or_endpoint = self._rebase(url_or_endpoint)
        if url_or_endpoint.startswith(("http://", "https://")):
            # An absolute URL: wechatpy passes every other keyword on to requests, which knows no
            # `api_base_url`. Its retry after a refused token (40001/42001) calls back here with the full URL.
            kwargs.pop("api_base_url", None)
        else:
            kwargs["api_base_url"] = self._rebase(kwargs.get("api_base_url") or self.API_BASE_URL)
        return super()._request(method, url_or_endpoint, **kwargs)

    def _fetch_access_token(self, url, params):
        response = self._http.get(url=self._rebase(url), params=params, timeout=self.timeout)
        if response.status_code >= 400:
            raise WeChatClientException(errcode=None, errmsg=None, client=self, request=response.request,
                                        response=response)
        result = response.json()
        if result.get("errcode", 0) != 0:
            raise WeChatClientException(result["errcode"], result.get("errmsg"), client=self,
                                        request=response.request, response=response)
        expires_in = int(result.get("expires_in", 7200))
        self.session.set(self.access_token_key, result["access_token"], expires_in)
        self.expires_at = int(time.time()) + expires_in
        return result


def mini_program_client() -> ConfiguredWeChatClient:
    settings = runtime().settings
    return ConfiguredWeChatClient(settings.wechat_app_id, settings.wechat_app_secret.get_secret_value(),
                                  api_base=settings.wechat_api_base, timeout=settings.wechat_timeout_seconds)


def official_account_client() -> ConfiguredWeChatClient:
    """The official account's client (its own app id, secret and access token): media a follower sent,
    user/info for the UnionID, customer-service messages for replies that took too long."""
    settings = runtime().settings
    if not settings.wechat_oa_app_id or settings.wechat_oa_app_secret is None:
        raise RuntimeError("LIANGBU_WECHAT_OA_APP_ID and LIANGBU_WECHAT_OA_APP_SECRET are not set")
    return ConfiguredWeChatClient(settings.wechat_oa_app_id, settings.wechat_oa_app_secret.get_secret_value(),
                                  api_base=settings.wechat_api_base, timeout=settings.wechat_timeout_seconds)
