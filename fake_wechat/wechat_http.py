"""Requests and answers the way WeChat's API servers read and write them."""

import json

from werkzeug.wrappers import Request, Response

from fake_wechat.wechat_errors import WeChatError

# WeChat's cgi-bin answers carry this exact (non-standard) parameter; clients only look at "json".
JSON_CONTENT_TYPE = "application/json; encoding=utf-8"


def wechat_json(body: dict[str, object], status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status, content_type=JSON_CONTENT_TYPE)


def ok(**fields: object) -> Response:
    return wechat_json({"errcode": 0, "errmsg": "ok", **fields})


def require_post(request: Request) -> None:
    if request.method != "POST":
        raise WeChatError(43002)


def json_body(request: Request) -> dict[str, object]:
    """The POSTed JSON object; WeChat reads the body whatever the Content-Type says."""
    raw = request.get_data(cache=True)
    if not raw.strip():
        raise WeChatError(44002)
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise WeChatError(47001) from None
    if not isinstance(body, dict):
        raise WeChatError(47001)
    return body


def errcode_of(response: Response) -> int | None:
    """The errcode of a WeChat JSON answer (0 when it has none), None for anything else."""
    if response.mimetype != "application/json":
        return None
    try:
        body = json.loads(response.get_data())
    except ValueError:
        return None
    return int(body.get("errcode", 0)) if isinstance(body, dict) else None
