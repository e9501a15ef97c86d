"""A test client that speaks to the API as one person would: with their token, in their language."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

API = "/api/v1"


class ApiClient:
    def __init__(self, client: FlaskClient, token: str | None = None, *, locale: str | None = None,
                 user: dict | None = None) -> None:
        self.client = client
        self.token = token
        self.locale = locale
        self.user = user or {}

    def _headers(self, headers: dict[str, str] | None) -> dict[str, str]:
        merged = {}
        if self.token:
            merged["Authorization"] = f"Bearer {self.token}"
        if self.locale:
            merged["Accept-Language"] = self.locale
        merged.update(headers or {})
        return merged

    def _url(self, path: str) -> str:
        return path if path.startswith(("/api/", "/healthz", "/wechat/")) else API + path

    def get(self, path: str, *, headers: dict[str, str] | None = None, **kwargs: Any):
        return self.client.get(self._url(path), headers=self._headers(headers), **kwargs)

    def post(self, path: str, json: Any = None, *, headers: dict[str, str] | None = None, **kwargs: Any):
        return self.client.post(self._url(path), json=json, headers=self._headers(headers), **kwargs)

    def patch(self, path: str, json: Any = None, *, version: int | str | None = None,
              headers: dict[str, str] | None = None, **kwargs: Any):
        extra = dict(headers or {})
        if version is not None:
            extra["If-Match"] = f'"{version}"'
        return self.client.patch(self._url(path), json=json, headers=self._headers(extra), **kwargs)

    def put(self, path: str, json: Any = None, *, headers: dict[str, str] | None = None, **kwargs: Any):
        return self.client.put(self._url(path), json=json, headers=self._headers(headers), **kwargs)

    def delete(self, path: str, *, headers: dict[str, str] | None = None, **kwargs: Any):
        return self.client.delete(self._url(path), headers=self._headers(headers), **kwargs)

    @property
    def user_id(self) -> str:
        return self.user["id"]
