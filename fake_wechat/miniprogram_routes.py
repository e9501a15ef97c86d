"""The mini program's server APIs: login (code2Session) and subscribe messages."""

from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

from fake_wechat.state import MINIPROGRAM, FakeWeChatState
from fake_wechat.subscribe_values import first_invalid_keyword
from fake_wechat.wechat_errors import WeChatError
from fake_wechat.wechat_http import json_body, ok, require_post, wechat_json

MINIPROGRAM_STATES = ("developer", "trial", "formal")
LANGUAGES = ("zh_CN", "en_US", "zh_HK", "zh_TW")


def code_to_session(state: FakeWeChatState, request: Request) -> Response:
    """GET /sns/jscode2session. It takes no access_token (wechatpy sends one anyway; WeChat ignores it)."""
    args = request.args
    user = state.exchange_code(args.get("appid"), args.get("secret"), args.get("js_code"), args.get("grant_type"))
    body: dict[str, object] = {"session_key": user.session_key, "openid": user.openid}
    if user.unionid:
        body["unionid"] = user.unionid
    return wechat_json(body)


def send_subscribe_message(state: FakeWeChatState, request: Request) -> Response:
    """POST /cgi-bin/message/subscribe/send: refused unless the user consented to the template."""
    state.app_for_token(request.args.get("access_token"), MINIPROGRAM)
    require_post(request)
    body = json_body(request)
    touser = body.get("touser")
    if not isinstance(touser, str) or touser not in state.users:
        raise WeChatError(40003)
    template = state.templates.get(str(body.get("template_id") or ""))
    if template is None:
        raise WeChatError(40037)
    page = body.get("page")
    if page is not None and (not isinstance(page, str) or not _page_exists(state, page)):
        raise WeChatError(41030)
    # WeChat documents these two choices but not the error for others; the fake refuses them as 47003
    # so that a typo in our notification code shows in tests instead of falling back to a default.
    for name, allowed in (("miniprogram_state", MINIPROGRAM_STATES), ("lang", LANGUAGES)):
        if name in body and body[name] not in allowed:
            raise WeChatError(47003, f"{name} invalid")
    data = body.get("data")
    bad_keyword = first_invalid_keyword(data, template.keywords)
    if bad_keyword is not None:
        raise WeChatError(47003, f"data.{bad_keyword}.value invalid")
    with state.lock:
        if not state.take_consent(touser, template.template_id):
            raise WeChatError(43101)
        message = state.record_subscribe_message(
            touser, template.template_id, data, page,  # type: ignore[arg-type]
            _optional_text(body.get("miniprogram_state")), _optional_text(body.get("lang")),
        )
    return ok(msgid=message.msgid)


def rules() -> list[Rule]:
    return [
        Rule("/sns/jscode2session", endpoint=code_to_session),
        Rule("/cgi-bin/message/subscribe/send", endpoint=send_subscribe_message),
    ]


def _page_exists(state: FakeWeChatState, page: str) -> bool:
    pages = state.config.pages
    return pages is None or page.split("?", 1)[0].lstrip("/") in pages


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) else None
