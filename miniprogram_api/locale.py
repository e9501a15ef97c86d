"""The request's locale: the user's saved preference when there is one, else Accept-Language, else
zh_Hans_CN. Whatever a client sends, the answer is a supported locale, never an error."""

from __future__ import annotations

from flask import Flask, g, request
from flask_babel import Babel

from backend.messages.locales import negotiate_locale, normalise_locale


def request_locale() -> str:
    cached = g.get("locale")
    if cached is None:
        preferred = g.get("preferred_locale")
        cached = normalise_locale(preferred) if preferred else negotiate_locale(request.headers.get("Accept-Language"))
        g.locale = cached
    return cached


def content_language() -> str:
    """The request's locale as a Content-Language value (zh-Hans-CN)."""
    return request_locale().replace("_", "-")


def init_locale(app: Flask) -> None:
    # Flask-Babel formats dates and numbers for the request's locale; our sentences come from
    # backend.messages, which reads the same Babel catalogs without needing Flask.
    Babel(app, locale_selector=request_locale, timezone_selector=lambda: "Asia/Shanghai")

    @app.after_request
    def _content_language(response):
        response.headers.setdefault("Content-Language", content_language())
        response.vary.add("Accept-Language")
        return response
