"""Test and demo controls under /__fake__/ (a path WeChat never serves): play the user's side (log in,
follow, consent, send media), read what the product sent, expire tokens, inject faults, move time."""

import dataclasses
import json
from collections.abc import Callable

from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

from fake_wechat.state import FAULT_MODES, FakeWeChatState

ControlHandler = Callable[[FakeWeChatState, Request], dict[str, object]]


class ControlError(Exception):
    """A control request the fake cannot act on: HTTP 400 (or `status`) with {"error": message}."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def overview(state: FakeWeChatState, request: Request) -> dict[str, object]:
    return {
        "miniprogram": {"app_id": state.miniprogram.app_id},
        "official_account": {"app_id": state.official_account.app_id,
                             "original_id": state.official_account.original_id},
        "templates": [dataclasses.asdict(t) for t in state.templates.values()],
        "assume_consent": state.config.assume_consent,
    }


def login(state: FakeWeChatState, request: Request) -> dict[str, object]:
    body = _body(request)
    code, user = state.mint_login_code(
        _opt_text(body, "openid"), _opt_text(body, "unionid"),
        with_unionid=_flag(body, "with_unionid"), blocked=_flag(body, "blocked"),
    )
    return {"code": code.code, "openid": user.openid, "unionid": user.unionid}


def user(state: FakeWeChatState, request: Request, openid: str) -> dict[str, object]:
    found = state.users.get(openid)
    if found is None:
        raise ControlError(f"no mini program user {openid}", status=404)
    return dataclasses.asdict(found)


def add_follower(state: FakeWeChatState, request: Request) -> dict[str, object]:
    body = _body(request)
    follower = state.add_follower(
        _opt_text(body, "openid"), _opt_text(body, "unionid"),
        subscribed=_flag(body, "subscribed", default=True), with_unionid=_flag(body, "with_unionid"),
    )
    return dataclasses.asdict(follower)


def add_template(state: FakeWeChatState, request: Request) -> dict[str, object]:
    body = _body(request)
    keywords = body.get("keywords")
    if keywords is not None and not (isinstance(keywords, list) and all(isinstance(k, str) for k in keywords)):
        raise ControlError("keywords must be a list of strings")
    template = state.add_template(_text(body, "template_id"), keywords, long_term=_flag(body, "long_term"))
    return dataclasses.asdict(template)


def set_subscription(state: FakeWeChatState, request: Request) -> dict[str, object]:
    body = _body(request)
    openid, template_id = _text(body, "openid"), _text(body, "template_id")
    if _flag(body, "accept", default=True):
        times = body.get("times", 1)
        if not isinstance(times, int) or isinstance(times, bool) or times < 1:
            raise ControlError("times must be a positive integer")
        try:
            state.accept_subscription(openid, template_id, times)
        except KeyError:
            raise ControlError(f"no template {template_id}; add it first") from None
    else:
        state.reject_subscription(openid, template_id)
    return {"openid": openid, "template_id": template_id}


def messages(state: FakeWeChatState, request: Request) -> dict[str, object]:
    touser = request.args.get("touser")
    return {
        "subscribe": [dataclasses.asdict(m) for m in state.subscribe_messages if touser in (None, m.touser)],
        "custom": [dataclasses.asdict(m) for m in state.custom_messages if touser in (None, m.touser)],
    }


def upload_media(state: FakeWeChatState, request: Request) -> dict[str, object]:
    """Multipart with a file field "media" (like WeChat's own upload), or the raw bytes as the body with
    `?filename=&content_type=`."""
    # Only a multipart body is parsed as a form: curl's --data-binary labels raw bytes as a urlencoded
    # form, and parsing that would swallow them.
    part = request.files.get("media") if request.mimetype == "multipart/form-data" else None
    if part is not None:
        content, filename, content_type = part.read(), part.filename, part.mimetype or "application/octet-stream"
    else:
        content = request.get_data()
        filename = request.args.get("filename")
        content_type = request.args.get("content_type") or request.mimetype or "application/octet-stream"
    if not content:
        raise ControlError("no media: send a multipart field 'media' or the bytes as the body")
    media = state.add_media(content, filename or None, content_type)
    return {"media_id": media.media_id, "filename": media.filename, "content_type": media.content_type,
            "size": len(media.content)}


def tokens(state: FakeWeChatState, request: Request) -> dict[str, object]:
    return {"issued": {app_id: state.tokens_issued(app_id) for app_id in state.apps},
            "total": state.tokens_issued()}


def expire_tokens(state: FakeWeChatState, request: Request) -> dict[str, object]:
    return {"expired": state.expire_tokens()}


def forget_tokens(state: FakeWeChatState, request: Request) -> dict[str, object]:
    return {"forgotten": state.forget_tokens()}


def add_fault(state: FakeWeChatState, request: Request) -> dict[str, object]:
    body = _body(request)
    mode = body.get("mode", "http_500")
    count, seconds = body.get("count", 1), body.get("seconds", 0)
    if mode not in FAULT_MODES:
        raise ControlError(f"mode must be one of {', '.join(FAULT_MODES)}")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ControlError("count must be a positive integer")
    if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
        raise ControlError("seconds must be a number of seconds")
    state.fail_next(count, mode, seconds=float(seconds), path=_opt_text(body, "path"))  # type: ignore[arg-type]
    return {"mode": mode, "count": count, "seconds": seconds, "path": body.get("path")}


def advance_clock(state: FakeWeChatState, request: Request) -> dict[str, object]:
    seconds = _body(request).get("advance_seconds")
    if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
        raise ControlError("advance_seconds must be a number of seconds, not negative")
    state.advance_clock(float(seconds))
    return {"now": state.now()}


def calls(state: FakeWeChatState, request: Request) -> dict[str, object]:
    return {"calls": [dataclasses.asdict(c) for c in state.calls]}


def reset(state: FakeWeChatState, request: Request) -> dict[str, object]:
    state.reset()
    return {}


def handle(handler: Callable[..., dict[str, object]], state: FakeWeChatState, request: Request,
           **arguments: str) -> Response:
    try:
        body, status = handler(state, request, **arguments), 200
    except ControlError as error:
        body, status = {"error": str(error)}, error.status
    return Response(json.dumps(body, ensure_ascii=False), status, mimetype="application/json")


def rules() -> list[Rule]:
    gets = {"/__fake__/": overview, "/__fake__/users/<openid>": user, "/__fake__/messages": messages,
            "/__fake__/tokens": tokens, "/__fake__/calls": calls}
    posts = {"/__fake__/login": login, "/__fake__/followers": add_follower, "/__fake__/templates": add_template,
             "/__fake__/subscriptions": set_subscription, "/__fake__/media": upload_media,
             "/__fake__/tokens/expire": expire_tokens,
             "/__fake__/tokens/forget": forget_tokens, "/__fake__/faults": add_fault,
             "/__fake__/clock": advance_clock, "/__fake__/reset": reset}
    return [Rule(path, endpoint=handler, methods=["GET"]) for path, handler in gets.items()] + \
        [Rule(path, endpoint=handler, methods=["POST"]) for path, handler in posts.items()]


def _body(request: Request) -> dict[str, object]:
    if not request.get_data(cache=True).strip():
        return {}
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    return body


def _text(body: dict[str, object], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value:
        raise ControlError(f"{name} is required (a string)")
    return value


def _opt_text(body: dict[str, object], name: str) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise ControlError(f"{name} must be a string")
    return value or None


def _flag(body: dict[str, object], name: str, default: bool = False) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise ControlError(f"{name} must be true or false")
    return value
