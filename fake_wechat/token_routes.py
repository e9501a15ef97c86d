"""Access tokens: GET /cgi-bin/token and POST /cgi-bin/stable_token, shared by both kinds of app."""

import math

from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

from fake_wechat.state import FakeWeChatState
from fake_wechat.wechat_errors import WeChatError
from fake_wechat.wechat_http import json_body, require_post, wechat_json


def get_access_token(state: FakeWeChatState, request: Request) -> Response:
    args = request.args
    token = state.issue_token(args.get("appid"), args.get("secret"), args.get("grant_type"))
    return wechat_json({"access_token": token.value, "expires_in": _seconds_left(state, token.expires_at)})


def get_stable_access_token(state: FakeWeChatState, request: Request) -> Response:
    require_post(request)
    body = json_body(request)
    force_refresh = body.get("force_refresh", False)
    if not isinstance(force_refresh, bool):
        raise WeChatError(47001)
    token = state.issue_stable_token(
        _text(body.get("appid")), _text(body.get("secret")), _text(body.get("grant_type")), force_refresh
    )
    return wechat_json({"access_token": token.value, "expires_in": _seconds_left(state, token.expires_at)})


def rules() -> list[Rule]:
    return [
        Rule("/cgi-bin/token", endpoint=get_access_token),
        Rule("/cgi-bin/stable_token", endpoint=get_stable_access_token),
    ]


def _seconds_left(state: FakeWeChatState, expires_at: float) -> int:
    # Rounded up: a token issued just now says 7200, as WeChat's do.
    return math.ceil(expires_at - state.now())


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
