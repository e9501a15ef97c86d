"""Logging in: WeChat's code exchange, the demo's dev login, refreshing."""

from __future__ import annotations

import re

from flask import current_app, request
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field

from backend.accounts import service as accounts
from backend.net import is_loopback
from backend.runtime import now
from miniprogram_api.guards import client_source
from miniprogram_api.render import render
from miniprogram_api.schemas.common import Problem, Strict, with_examples

auth = APIBlueprint("auth", __name__, url_prefix="/api/v1/auth", abp_tags=[Tag(name="auth", description="Login")])


class WechatLogin(Strict):
    code: str = Field(min_length=1, max_length=128, description="The code from wx.login(), valid 5 minutes, once.")

    model_config = with_examples(wx_login_code={"code": "081Kq4ll2xk3Qd4nLTll2QZ6Gk0Kq4lH"})


class DevLogin(Strict):
    account: str = Field(max_length=64)

    model_config = with_examples(applicant={"account": "demo-applicant"}, reviewer={"account": "demo-reviewer"})


class Refresh(Strict):
    refresh_token: str = Field(min_length=1, max_length=200)

    model_config = with_examples(refresh={"refresh_token": "Zq3h0pQ6u8r1S2t4v5w7x9y0A1b2C3d4E5f6G7h8I9j"})


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int = Field(description="Seconds the access token is valid.")
    refresh_token: str = Field(description="Opaque, single use: each refresh returns a new one.")
    refresh_expires_in: int
    user: dict


def _tokens(result: accounts.LoginResult):
    service = current_app.extensions["liangbu_tokens"]
    return render({
        "access_token": service.issue(result.actor, now()),
        "token_type": "Bearer",
        "expires_in": int(service.lifetime.total_seconds()),
        "refresh_token": result.refresh_token,
        "refresh_expires_in": result.refresh_expires_in,
        "user": result.user,
    }, headers={"Cache-Control": "no-store"})


@auth.post("/wechat-login", summary="Log in with the mini program's wx.login code",
           responses={200: TokenOut, 401: Problem, 503: Problem})
def wechat_login(body: WechatLogin):
    return _tokens(accounts.login_with_wechat(body.code, source=client_source()))


@auth.post("/dev-login", summary="Log in as a demo account (only when LIANGBU_DEV_LOGIN is on)",
           responses={200: TokenOut, 401: Problem, 403: Problem})
def dev_login(body: DevLogin):
    return _tokens(accounts.dev_login(body.account, source=client_source(), from_loopback=from_loopback()))


def from_loopback() -> bool:
    """The request came from this machine: its peer is a loopback address, and so is every address a
    proxy in front of us forwarded (a proxy on this machine would otherwise make everyone local)."""
    forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part.strip()]
    forwarded += re.findall(r'for="?([^";,]+)', request.headers.get("Forwarded", ""), re.IGNORECASE)  # RFC 7239
    return all(is_loopback(address) for address in [request.remote_addr or "", *forwarded])


@auth.post("/refresh", summary="Exchange a refresh token for new tokens (the old one stops working)",
           responses={200: TokenOut, 401: Problem})
def refresh(body: Refresh):
    return _tokens(accounts.refresh_session(body.refresh_token, source=client_source()))
