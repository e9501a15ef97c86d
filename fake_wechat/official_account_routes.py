"""The official account's server APIs the product uses: fetch a user's media, answer by customer-service
message, look a user up (for the unionid that links them to the mini program)."""

from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

from fake_wechat.state import CUSTOMER_SERVICE_WINDOW_SECONDS, OFFICIAL_ACCOUNT, FakeWeChatState
from fake_wechat.wechat_errors import WeChatError
from fake_wechat.wechat_http import json_body, ok, require_post, wechat_json

CUSTOM_MESSAGE_TYPES = ("text", "image", "voice", "video", "music", "news", "mpnews", "mpnewsarticle",
                        "msgmenu", "wxcard", "miniprogrampage")
_MEDIA_TYPES = ("image", "voice", "video")


def get_media(state: FakeWeChatState, request: Request) -> Response:
    """GET /cgi-bin/media/get: the bytes, with the headers WeChat documents for temporary media."""
    app = state.app_for_token(request.args.get("access_token"), OFFICIAL_ACCOUNT)
    media = state.media(app, request.args.get("media_id"))
    response = Response(media.content, 200, content_type=media.content_type)
    # WeChat's own spelling of the header name.
    response.headers["Content-disposition"] = f'attachment; filename="{_header_safe(media.filename, media.media_id)}"'
    response.headers["Cache-Control"] = "no-cache, must-revalidate"
    return response


def send_custom_message(state: FakeWeChatState, request: Request) -> Response:
    """POST /cgi-bin/message/custom/send: allowed within 48 hours of the user's last message."""
    state.app_for_token(request.args.get("access_token"), OFFICIAL_ACCOUNT)
    require_post(request)
    body = json_body(request)
    touser = body.get("touser")
    follower = state.followers.get(touser) if isinstance(touser, str) else None
    if follower is None:
        raise WeChatError(40003)
    msgtype = body.get("msgtype")
    if msgtype not in CUSTOM_MESSAGE_TYPES:
        raise WeChatError(40008)
    content = body.get(msgtype)
    if not isinstance(content, dict):
        raise WeChatError(47001)
    if msgtype == "text" and not (isinstance(content.get("content"), str) and content["content"]):
        raise WeChatError(47001)
    if msgtype in _MEDIA_TYPES:
        state.media(state.official_account, _optional_text(content.get("media_id")))
    if not follower.subscribed or state.now() - follower.last_message_at > CUSTOMER_SERVICE_WINDOW_SECONDS:
        raise WeChatError(45015)
    state.record_custom_message(follower.openid, msgtype, body)
    return ok()


def get_user_info(state: FakeWeChatState, request: Request) -> Response:
    """GET /cgi-bin/user/info. Since 2021 WeChat no longer sends nickname or avatar here."""
    state.app_for_token(request.args.get("access_token"), OFFICIAL_ACCOUNT)
    follower = state.followers.get(request.args.get("openid") or "")
    if follower is None:
        raise WeChatError(40003)
    info: dict[str, object] = {"subscribe": 1 if follower.subscribed else 0, "openid": follower.openid}
    if follower.subscribed:
        info.update(language=request.args.get("lang", "zh_CN"), subscribe_time=follower.subscribe_time,
                    remark="", groupid=0, tagid_list=[], subscribe_scene="ADD_SCENE_QR_CODE",
                    qr_scene=0, qr_scene_str="")
    if follower.unionid:
        info["unionid"] = follower.unionid
    return wechat_json(info)


def rules() -> list[Rule]:
    return [
        Rule("/cgi-bin/media/get", endpoint=get_media),
        Rule("/cgi-bin/message/custom/send", endpoint=send_custom_message),
        Rule("/cgi-bin/user/info", endpoint=get_user_info),
    ]


def _header_safe(filename: str, media_id: str) -> str:
    """HTTP headers are Latin-1; a name that is not plain ASCII falls back to the media id."""
    if filename.isascii() and filename.isprintable() and '"' not in filename:
        return filename
    return media_id


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) else None
