"""OfficialAccountSender plays WeChat against a tiny developer server built on wechatpy's own
check_signature, WeChatCrypto, parse_message and create_reply, in plain and safe mode."""

import base64
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from wechatpy import create_reply, parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature
from werkzeug.wrappers import Request, Response

from fake_wechat import FakeConfig, OfficialAccountSender, ReplyError
from fake_wechat.message_crypto import MessageCipher, signature
from tests.fake_wechat.wsgi_thread import serving

TOKEN = "liangbuTestToken"
APP_ID = FakeConfig.oa_app_id
ORIGINAL_ID = FakeConfig.oa_original_id
AES_KEY = base64.b64encode(bytes(range(101, 133))).decode().rstrip("=")
OPENID = "oOfficialAccountUser00000001"


def echo(message) -> str:  # type: ignore[no-untyped-def]
    """Reply in text with what was understood."""
    if message.type == "text":
        return create_reply(f"收到：{message.content}", message).render()
    if message.type == "voice":
        return create_reply(f"听到：{message.recognition}", message).render()
    if message.type == "event":
        return create_reply(f"事件：{message.event}", message).render()
    return create_reply(f"图片：{message.media_id}", message).render()


class Receiver:
    """Our official-account endpoint in miniature: wechatpy does every check."""

    def __init__(self, aes_key: str | None, answer: Callable[..., str] = echo) -> None:
        self.crypto = WeChatCrypto(TOKEN, aes_key, APP_ID) if aes_key else None
        self.answer = answer
        self.received: list[tuple[dict[str, str], object]] = []

    def __call__(self, environ, start_response):  # type: ignore[no-untyped-def]
        request = Request(environ)
        return self.respond(request)(environ, start_response)

    def respond(self, request: Request) -> Response:
        args = request.args
        try:
            check_signature(TOKEN, args.get("signature", ""), args.get("timestamp", ""), args.get("nonce", ""))
        except InvalidSignatureException:
            return Response("", 403)
        if request.method == "GET":
            return Response(args["echostr"], mimetype="text/plain")
        xml = request.get_data()
        if self.crypto is not None:
            xml = self.crypto.decrypt_message(xml, args["msg_signature"], args["timestamp"], args["nonce"])
        message = parse_message(xml)
        self.received.append((dict(args), message))
        reply = self.answer(message)
        if self.crypto is not None and reply not in ("", "success"):
            reply = self.crypto.encrypt_message(reply, args["nonce"], args["timestamp"])
        return Response(reply, mimetype="application/xml")


@contextmanager
def receiving(aes_key: str | None, answer: Callable[..., str] = echo) -> Iterator[tuple[str, Receiver]]:
    receiver = Receiver(aes_key, answer)
    with serving(receiver) as url:
        yield f"{url}/wechat/official-account", receiver


@pytest.fixture(params=["plain", "safe"])
def aes_key(request) -> str | None:  # type: ignore[no-untyped-def]
    return AES_KEY if request.param == "safe" else None


@pytest.fixture
def endpoint(aes_key: str | None) -> Iterator[tuple[OfficialAccountSender, Receiver]]:
    with receiving(aes_key) as (url, receiver):
        yield OfficialAccountSender(url, TOKEN, APP_ID, aes_key), receiver


def test_url_verification_echoes_the_echostr(endpoint):
    sender, _ = endpoint

    verification = sender.verify_url()

    assert verification.ok
    assert verification.body == verification.echostr


def test_url_verification_with_the_wrong_token_fails(endpoint):
    sender, _ = endpoint
    impostor = OfficialAccountSender(sender.url, "notOurToken", APP_ID)

    assert not impostor.verify_url().ok


def test_text_message_is_parsed_by_wechatpy_and_the_reply_read_back(endpoint):
    sender, receiver = endpoint

    reply = sender.send_text(OPENID, "我想申请护理补贴", msg_id=1234567890123456)

    [(_, message)] = receiver.received
    assert (message.type, message.content, message.id) == ("text", "我想申请护理补贴", 1234567890123456)
    assert (message.source, message.target) == (OPENID, ORIGINAL_ID)
    assert (reply.msg_type, reply.content) == ("text", "收到：我想申请护理补贴")
    assert reply.encrypted == sender.safe_mode


def test_safe_mode_sends_wechats_query_and_an_encrypted_body():
    with receiving(AES_KEY) as (url, receiver):
        OfficialAccountSender(url, TOKEN, APP_ID, AES_KEY).send_text(OPENID, "你好")

    [(args, _)] = receiver.received
    assert args["encrypt_type"] == "aes"
    assert args["openid"] == OPENID
    assert {"signature", "timestamp", "nonce", "msg_signature"} <= set(args)


def test_plain_mode_sends_no_encryption_parameters():
    with receiving(None) as (url, receiver):
        OfficialAccountSender(url, TOKEN, APP_ID).send_text(OPENID, "你好")

    [(args, _)] = receiver.received
    assert set(args) == {"signature", "timestamp", "nonce", "openid"}


def test_voice_message_carries_wechats_speech_recognition(endpoint):
    sender, receiver = endpoint

    reply = sender.send_voice(OPENID, "voiceMediaId001", "我的残疾证号码是多少")

    [(_, message)] = receiver.received
    assert (message.type, message.media_id, message.format) == ("voice", "voiceMediaId001", "amr")
    assert message.recognition == "我的残疾证号码是多少"
    assert reply.content == "听到：我的残疾证号码是多少"


def test_voice_message_without_recognition_has_none(endpoint):
    sender, receiver = endpoint

    sender.send_voice(OPENID, "voiceMediaId002", None)

    [(_, message)] = receiver.received
    assert message.recognition is None


def test_image_message_names_media_the_product_can_download_from_the_fake(fake, official_account, aes_key):
    photo = b"\xff\xd8\xff" + bytes(range(200)) + b"\xff\xd9"  # made here, not a real photo
    media_id = fake.add_media(photo, "photo.jpg", "image/jpeg")

    def download(message) -> str:  # type: ignore[no-untyped-def]
        size = len(official_account.media.download(message.media_id).content)
        return create_reply(f"{size} bytes", message).render()

    with receiving(aes_key, download) as (url, receiver):
        reply = OfficialAccountSender(url, TOKEN, APP_ID, aes_key).send_image(
            OPENID, media_id, "http://mmbiz.qpic.cn/mmbiz_jpg/fake/0")

    [(_, message)] = receiver.received
    assert (message.type, message.image) == ("image", "http://mmbiz.qpic.cn/mmbiz_jpg/fake/0")
    assert reply.content == f"{len(photo)} bytes"


def test_subscribe_event_reaches_wechatpy_as_an_event(endpoint):
    sender, receiver = endpoint

    reply = sender.send_subscribe(OPENID)

    [(_, message)] = receiver.received
    assert (message.type, message.event) == ("event", "subscribe")
    assert reply.content == "事件：subscribe"


def test_subscribe_by_qr_code_carries_the_scene(endpoint):
    sender, receiver = endpoint

    sender.send_subscribe(OPENID, scene="village-500156")

    [(_, message)] = receiver.received
    assert (message.event, message.scene_id) == ("subscribe_scan", "village-500156")


def test_unsubscribe_event(endpoint):
    sender, receiver = endpoint

    sender.send_unsubscribe(OPENID)

    [(_, message)] = receiver.received
    assert message.event == "unsubscribe"


def test_redelivering_a_message_plays_wechats_retry_with_the_same_msgid(endpoint):
    sender, receiver = endpoint
    message = sender.text(OPENID, "重发")

    sender.deliver(message)
    sender.deliver(message)

    assert [m.id for _, m in receiver.received] == [message.get("MsgId")] * 2


def test_text_with_cdata_terminators_and_markup_arrives_intact(aes_key):
    tricky = "a]]>b <xml>&amp; 残疾人证]]>"
    with receiving(aes_key, lambda message: "success") as (url, receiver):
        OfficialAccountSender(url, TOKEN, APP_ID, aes_key).send_text(OPENID, tricky)

    assert receiver.received[0][1].content == tricky


def test_wechatpy_replies_echoing_a_cdata_terminator_are_broken_xml(endpoint):
    # wechatpy 1.8.18 puts reply text into CDATA unescaped: a reply quoting the user's "]]>" is not XML,
    # and WeChat would show the user an error. The product must escape "]]>" in reply text itself.
    sender, _ = endpoint

    with pytest.raises(ReplyError) as failed:
        sender.send_text(OPENID, "a]]>b")

    assert failed.value.code == "reply_not_xml"


@pytest.mark.parametrize("answer", ["success", ""])
def test_success_or_nothing_means_no_reply_for_the_user(aes_key, answer):
    with receiving(aes_key, lambda message: answer) as (url, _):
        reply = OfficialAccountSender(url, TOKEN, APP_ID, aes_key).send_text(OPENID, "在吗")

    assert reply.is_empty and reply.msg_type is None


def test_a_server_that_rejects_the_signature_is_an_http_status_error(endpoint):
    sender, _ = endpoint
    impostor = OfficialAccountSender(sender.url, "notOurToken", APP_ID, AES_KEY if sender.safe_mode else None)

    with pytest.raises(ReplyError) as failed:
        impostor.send_text(OPENID, "你好")

    assert (failed.value.code, failed.value.detail) == ("http_status", "403")


def test_a_slow_server_gets_no_reply_in_time():
    def slow(message) -> str:  # type: ignore[no-untyped-def]
        time.sleep(1)
        return "success"

    with receiving(None, slow) as (url, _):
        with pytest.raises(ReplyError) as failed:
            OfficialAccountSender(url, TOKEN, APP_ID, timeout=0.2).send_text(OPENID, "你好")

    assert failed.value.code == "no_reply_in_time"


def _reply_xml(to: str = OPENID, sender: str = ORIGINAL_ID) -> str:
    return (f"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{sender}]]></FromUserName>"
            "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            "<Content><![CDATA[hi]]></Content></xml>")


def _encrypted(inner: str, *, app_id: str = APP_ID, token: str = TOKEN) -> str:
    encrypted = MessageCipher(AES_KEY, app_id).encrypt(inner)
    return (f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt>"
            f"<MsgSignature><![CDATA[{signature(token, '1700000000', '42', encrypted)}]]></MsgSignature>"
            "<TimeStamp>1700000000</TimeStamp><Nonce><![CDATA[42]]></Nonce></xml>")


def _signed(encrypted: str) -> str:
    return (f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt>"
            f"<MsgSignature><![CDATA[{signature(TOKEN, '1700000000', '42', encrypted)}]]></MsgSignature>"
            "<TimeStamp>1700000000</TimeStamp><Nonce><![CDATA[42]]></Nonce></xml>")


@pytest.mark.parametrize(("aes", "raw_reply", "code"), [
    (None, "<html>oops</html>", "reply_not_xml"),
    (None, "not xml at all", "reply_not_xml"),
    (None, "<xml><MsgType>text</MsgType></xml>", "missing_field"),
    (None, _reply_xml(to="oSomebodyElse000000000000001"), "wrong_recipient"),
    (None, _reply_xml(sender="gh_another0000"), "wrong_recipient"),
    (AES_KEY, _reply_xml(), "reply_not_encrypted"),
    (AES_KEY, _encrypted(_reply_xml(), token="notOurToken"), "bad_reply_signature"),
    (AES_KEY, _encrypted(_reply_xml(), app_id="wxsomeotherapp0001"), "wrong_app_id"),
    (AES_KEY, _signed("bm90IGVuY3J5cHRlZA=="), "undecryptable_reply"),
])
def test_replies_wechat_would_not_show_are_errors(aes, raw_reply, code):
    def answer_raw(environ, start_response):  # type: ignore[no-untyped-def]
        return Response(raw_reply, mimetype="application/xml")(environ, start_response)

    with serving(answer_raw) as url:
        with pytest.raises(ReplyError) as failed:
            OfficialAccountSender(url, TOKEN, APP_ID, aes).send_text(OPENID, "你好")

    assert failed.value.code == code
