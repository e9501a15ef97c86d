"""The WeChat official account's developer endpoint: URL verification (GET echoing `echostr`) and the
messages WeChat pushes (POST), plain or in safe mode (AES, `encrypt_type=aes`), through wechatpy's
`check_signature`, `WeChatCrypto`, `parse_message` and `create_reply`. The conversation itself is
`accessibility.chat`; this module only speaks WeChat's protocol."""

from __future__ import annotations

from xml.parsers.expat import ExpatError

from flask import Response, g, request
from flask_openapi3 import APIBlueprint, Tag
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.utils import check_signature

from accessibility.chat import Incoming, reply_to, reply_within
from accessibility.chat.official_account import MAX_REPLY_BYTES, send_later
from backend.runtime import runtime
from backend.wechat.official_account import first_delivery
from miniprogram_api.problems import ApiProblem

official_account = APIBlueprint("official_account", __name__, url_prefix="/wechat",
                                abp_tags=[Tag(name="wechat", description="WeChat official account")])


def signed_by_wechat() -> None:
    """The guard: the request carries WeChat's signature over our token, timestamp and nonce."""
    settings = runtime().settings
    if settings.wechat_oa_token is None:
        raise ApiProblem(404, "official_account_not_configured")
    args = request.args
    try:
        check_signature(settings.wechat_oa_token.get_secret_value(), args.get("signature", ""),
                        args.get("timestamp", ""), args.get("nonce", ""))
    except InvalidSignatureException:
        raise ApiProblem(403, "signature_mismatch") from None
    g.actor = None


@official_account.get("/official-account", summary="URL verification: answers WeChat's echostr")
def verify():
    return Response(request.args.get("echostr", ""), mimetype="text/plain")


@official_account.post("/official-account", summary="Messages from followers (plain or safe mode)")
def receive():
    settings = runtime().settings
    args = request.args
    crypto = None
    body = request.get_data()
    if args.get("encrypt_type") == "aes":
        if settings.wechat_oa_aes_key is None or not settings.wechat_oa_app_id:
            raise ApiProblem(403, "signature_mismatch")
        crypto = WeChatCrypto(settings.wechat_oa_token.get_secret_value(), settings.wechat_oa_aes_key.get_secret_value(),
                              settings.wechat_oa_app_id)
        try:
            body = crypto.decrypt_message(body, args.get("msg_signature", ""), args.get("timestamp", ""),
                                          args.get("nonce", ""))
        except (InvalidSignatureException, InvalidAppIdException):
            raise ApiProblem(403, "signature_mismatch") from None
        except (ExpatError, KeyError, ValueError):
            raise ApiProblem(400, "invalid_request") from None
    try:
        message = parse_message(body)
    except (ExpatError, KeyError, ValueError, TypeError):
        raise ApiProblem(400, "invalid_request") from None
    if message is None or not getattr(message, "source", None):
        raise ApiProblem(400, "invalid_request")

    incoming = _incoming(message)
    if incoming is None or not first_delivery(_delivery_key(message)):
        return _plain_success()  # a retry of a message being answered, or one we do not act on
    answered, text = reply_within(settings.wechat_oa_reply_seconds, lambda: reply_to(incoming),
                                  lambda late: send_later(incoming.openid, late))
    if not answered or not text:
        return _plain_success()
    if len(text.encode("utf-8")) > MAX_REPLY_BYTES:
        send_later(incoming.openid, text)
        return _plain_success()
    # create_reply puts the text into CDATA as it is: "]]>" in a person's own words would end the section
    # early and WeChat would show an error (fake_wechat/README.md).
    xml = create_reply(text.replace("]]>", "]]]]><![CDATA[>"), message).render()
    if crypto is not None:
        xml = crypto.encrypt_message(xml, args.get("nonce", ""), args.get("timestamp") or None)
    return Response(xml, content_type="application/xml; charset=utf-8")


def _incoming(message) -> Incoming | None:
    kind = message.type
    if kind == "text":
        return Incoming(message.source, "text", text=message.content)
    if kind == "voice":
        return Incoming(message.source, "voice", text=getattr(message, "recognition", None) or "",
                        media_id=message.media_id)
    if kind == "image":
        return Incoming(message.source, "image", media_id=message.media_id)
    if kind == "event":
        return Incoming(message.source, "event", event=getattr(message, "event", None))
    return Incoming(message.source, kind)


def _delivery_key(message) -> str:
    msg_id = getattr(message, "id", None)
    if msg_id:
        return f"msg:{msg_id}"
    # Events have no MsgId: WeChat names them by sender and time (its own advice for de-duplicating).
    return f"event:{message.source}:{getattr(message, 'create_time', '')}:{getattr(message, 'event', '')}"


def _plain_success() -> Response:
    return Response("success", mimetype="text/plain")
