"""The WeChat official account's developer endpoint: URL verification (GET echoing `echostr`) and the
messages WeChat pushes (POST), plain or in safe mode (AES, `encrypt_type=aes`), through wechatpy's
`check_signature`, `WeChatCrypto`, `parse_message` and `create_reply`. The conversation itself is
`accessibility.chat`; this module only speaks WeChat's protocol.

Who may speak for a follower: WeChat's `signature` covers only our token, the timestamp and the nonce,
never the body, and the query string of a request can end up in logs. So, besides it:
- a timestamp more than 5 minutes away from our clock is refused (`timestamp_out_of_window`);
- with an EncodingAESKey configured, only safe mode is accepted: `encrypt_type=aes` and a `msg_signature`
  over the encrypted body (checked by wechatpy's `WeChatCrypto`); plain XML is refused
  (`message_not_encrypted`), as it could say anything under a signature seen elsewhere;
- each (timestamp, nonce) is taken once: the same request again is WeChat retrying it (answered "success",
  not acted on), the same pair with another body is refused (`request_replayed`).
Plain mode (no EncodingAESKey) stays possible for trying things out; only the last two protect it."""

from __future__ import annotations

import hashlib
import logging
import re
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
from backend.wechat.official_account import first_delivery, remember_request
from miniprogram_api.problems import ApiProblem

log = logging.getLogger(__name__)

# WeChat's timestamp is Unix seconds; five minutes either way allows for clocks a little apart.
MAX_CLOCK_SKEW_SECONDS = 300
# WeChat's nonces are a few digits; anything long or strange is not WeChat's (and would not fit the key).
_NONCE = re.compile(r"^[0-9A-Za-z]{1,32}$")
_OPENID_MAX = 64
# WeChat's echostr is a long number; what is echoed back is held to digits and letters.
_ECHOSTR = re.compile(r"[0-9A-Za-z]{1,64}")

official_account = APIBlueprint("official_account", __name__, url_prefix="/wechat",
                                abp_tags=[Tag(name="wechat", description="WeChat official account")])


def signed_by_wechat() -> None:
    """The guard: the request carries WeChat's signature over our token, timestamp and nonce, and the
    timestamp is fresh. (The body is checked by `receive`: in safe mode its own signature.)"""
    settings = runtime().settings
    if settings.wechat_oa_token is None:
        raise ApiProblem(404, "official_account_not_configured")
    args = request.args
    timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
    if not args.get("signature") or not timestamp or not nonce:
        raise ApiProblem(403, "signature_missing")
    try:
        check_signature(settings.wechat_oa_token.get_secret_value(), args.get("signature", ""), timestamp, nonce)
    except InvalidSignatureException:
        raise ApiProblem(403, "signature_mismatch") from None
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise ApiProblem(403, "timestamp_invalid") from None
    if abs(runtime().clock().timestamp() - sent_at) > MAX_CLOCK_SKEW_SECONDS:
        raise ApiProblem(403, "timestamp_out_of_window")
    if not _NONCE.match(nonce):
        raise ApiProblem(403, "signature_mismatch")
    g.actor = None


@official_account.get("/official-account", summary="URL verification: answers WeChat's echostr")
def verify():
    # Our answer repeats what the query says: only WeChat's kind of echostr (digits and letters) is repeated, and
    # never as something a browser would sniff into HTML (`?echostr=<script>` under a signature seen in a log).
    echostr = request.args.get("echostr", "")
    if not _ECHOSTR.fullmatch(echostr):
        raise ApiProblem(400, "invalid_request")
    response = Response(echostr, mimetype="text/plain")
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@official_account.post("/official-account", summary="Messages from followers (plain or safe mode)")
def receive():
    settings = runtime().settings
    args = request.args
    crypto = None
    body = request.get_data()
    if settings.wechat_oa_aes_key is not None:
        if args.get("encrypt_type") != "aes":
            raise ApiProblem(403, "message_not_encrypted")
        if not settings.wechat_oa_app_id:
            log.error("LIANGBU_WECHAT_OA_AES_KEY is set but LIANGBU_WECHAT_OA_APP_ID is not: messages cannot be read")
            raise ApiProblem(404, "official_account_not_configured")
        if not args.get("msg_signature"):
            raise ApiProblem(403, "signature_missing")
        crypto = WeChatCrypto(settings.wechat_oa_token.get_secret_value(), settings.wechat_oa_aes_key.get_secret_value(),
                              settings.wechat_oa_app_id)
        try:
            body = crypto.decrypt_message(body, args.get("msg_signature", ""), args.get("timestamp", ""),
                                          args.get("nonce", ""))
        except (InvalidSignatureException, InvalidAppIdException):
            raise ApiProblem(403, "signature_mismatch") from None
        except (ExpatError, KeyError, ValueError, TypeError):
            raise ApiProblem(400, "invalid_request") from None
    elif args.get("encrypt_type") == "aes":
        raise ApiProblem(403, "signature_mismatch")  # encrypted, but we hold no key to check it with
    seen = remember_request(args["timestamp"], args["nonce"], hashlib.sha256(request.get_data()).hexdigest()[:40])
    if seen == "replay":
        log.warning("an official-account request came again with another body: refused")
        raise ApiProblem(403, "request_replayed")
    if seen == "repeat":
        return _plain_success()  # WeChat sending the very same request again
    try:
        message = parse_message(body)
    except (ExpatError, KeyError, ValueError, TypeError):
        raise ApiProblem(400, "invalid_request") from None
    if message is None or not getattr(message, "source", None) or len(message.source) > _OPENID_MAX:
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
