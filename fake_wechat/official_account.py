"""WeChat's side of an official account's developer server: what WeChat sends to OUR endpoint.

`OfficialAccountSender(url, token, app_id, aes_key=None)` plays WeChat: it verifies the URL (GET with
`signature`, `timestamp`, `nonce`, `echostr`), pushes users' messages and events as XML (plain mode, or
safe mode with an AES-encrypted `<Encrypt>` body, `encrypt_type=aes` and `msg_signature` when given the
EncodingAESKey), and checks and parses the reply the way WeChat would before showing it to the user.
WeChat waits 5 seconds for a reply and then retries the same message (same MsgId) up to 3 times;
`deliver(message)` sends a built message again to play such a retry (newly signed), `repeat_last()` sends
the last request again byte for byte (same query string: same timestamp, nonce and signatures).
`last_request` is that query string and body, as a server's access log or a proxy might have kept them:
tests play someone who read it and sends another body under it. `clock` (Unix seconds; default: the real
time) gives the timestamps and CreateTime, so a server whose clock a test controls can be spoken to.

A reply WeChat would not show raises `ReplyError` with one of these codes:

    http_status           the server answered with an HTTP status other than 200
    no_reply_in_time      no answer within the timeout (WeChat's is 5 seconds)
    reply_not_xml         the body is neither empty, "success", nor XML
    reply_not_encrypted   safe mode, but the reply has no <Encrypt>
    bad_reply_signature   safe mode, and <MsgSignature> does not sign <TimeStamp>, <Nonce>, <Encrypt>
    undecryptable_reply   safe mode, and <Encrypt> does not decrypt
    wrong_app_id          safe mode, and the decrypted reply names another AppID
    missing_field         the reply lacks ToUserName, FromUserName, CreateTime or MsgType
    wrong_recipient       the reply's ToUserName is not the user or its FromUserName not the account
"""

import secrets
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from fake_wechat.message_crypto import MessageCipher, MessageCryptoError, signature
from fake_wechat.state import FakeConfig

WECHAT_REPLY_TIMEOUT_SECONDS = 5.0
_REQUIRED_REPLY_FIELDS = ("ToUserName", "FromUserName", "CreateTime", "MsgType")


class ReplyError(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}" if detail else code)


@dataclass(frozen=True)
class InboundMessage:
    """One push from WeChat: its XML elements in order (ToUserName, FromUserName, CreateTime, MsgType, ...)."""

    openid: str
    elements: tuple[tuple[str, str | int], ...]

    def xml(self) -> str:
        return _render_xml(self.elements)

    def get(self, name: str) -> str | int | None:
        return dict(self.elements).get(name)


@dataclass(frozen=True)
class Reply:
    """Our server's answer, as WeChat read it: empty ("" or "success": nothing shown to the user), or
    the reply message's elements (decrypted in safe mode); a nested element becomes a dict, and
    repeated `item`s a list."""

    status: int
    body: str
    elements: dict[str, object] = field(default_factory=dict)
    encrypted: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.elements

    @property
    def msg_type(self) -> str | None:
        value = self.elements.get("MsgType")
        return value if isinstance(value, str) else None

    @property
    def content(self) -> str | None:
        value = self.elements.get("Content")
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class UrlVerification:
    echostr: str
    status: int
    body: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """WeChat accepts the URL only when the answer is exactly the echostr."""
        return self.status == 200 and self.body == self.echostr


class OfficialAccountSender:
    def __init__(self, url: str, token: str, app_id: str, aes_key: str | None = None, *,
                 original_id: str = FakeConfig.oa_original_id, timeout: float = WECHAT_REPLY_TIMEOUT_SECONDS,
                 session: requests.Session | None = None, clock: Callable[[], float] = time.time) -> None:
        self.url = url
        self.token = token
        self.app_id = app_id
        self.original_id = original_id
        self.timeout = timeout
        self._cipher = MessageCipher(aes_key, app_id) if aes_key else None
        self._http = session or requests.Session()
        self.clock = clock
        self.last_request: tuple[dict[str, str], bytes] | None = None
        self._last_message: InboundMessage | None = None

    @property
    def safe_mode(self) -> bool:
        return self._cipher is not None

    # -- URL verification ---------------------------------------------------------------------------

    def verify_url(self, echostr: str | None = None) -> UrlVerification:
        """The GET WeChat sends when the URL is saved in the admin console (plain in both modes)."""
        echostr = echostr or str(secrets.randbits(63))
        timestamp, nonce = self._timestamp(), _nonce()
        params = {"signature": signature(self.token, timestamp, nonce), "timestamp": timestamp,
                  "nonce": nonce, "echostr": echostr}
        response = self._send("GET", params)
        return UrlVerification(echostr, response.status_code, response.text, dict(response.headers))

    # -- messages WeChat pushes ---------------------------------------------------------------------

    def text(self, openid: str, content: str, *, msg_id: int | None = None) -> InboundMessage:
        return self._message(openid, "text", ("Content", content), ("MsgId", msg_id or _msg_id()))

    def voice(self, openid: str, media_id: str, recognition: str | None, *, voice_format: str = "amr",
              msg_id: int | None = None) -> InboundMessage:
        """A voice message; `recognition` is WeChat's speech-to-text (present when the account has it on;
        an empty string when WeChat heard nothing it could write down)."""
        elements: list[tuple[str, str | int]] = [("MediaId", media_id), ("Format", voice_format)]
        if recognition is not None:
            elements.append(("Recognition", recognition))
        elements.append(("MsgId", msg_id or _msg_id()))
        return self._message(openid, "voice", *elements)

    def image(self, openid: str, media_id: str, pic_url: str, *, msg_id: int | None = None) -> InboundMessage:
        return self._message(openid, "image", ("PicUrl", pic_url), ("MediaId", media_id),
                             ("MsgId", msg_id or _msg_id()))

    def subscribe(self, openid: str, *, scene: str | None = None) -> InboundMessage:
        """The user followed the account (by scanning a QR code with `scene`, if given)."""
        extra: tuple[tuple[str, str | int], ...] = (("EventKey", f"qrscene_{scene}"),) if scene else ()
        return self._message(openid, "event", ("Event", "subscribe"), *extra)

    def unsubscribe(self, openid: str) -> InboundMessage:
        return self._message(openid, "event", ("Event", "unsubscribe"))

    def send_text(self, openid: str, content: str, *, msg_id: int | None = None) -> Reply:
        return self.deliver(self.text(openid, content, msg_id=msg_id))

    def send_voice(self, openid: str, media_id: str, recognition: str | None, *, voice_format: str = "amr",
                   msg_id: int | None = None) -> Reply:
        return self.deliver(self.voice(openid, media_id, recognition, voice_format=voice_format, msg_id=msg_id))

    def send_image(self, openid: str, media_id: str, pic_url: str, *, msg_id: int | None = None) -> Reply:
        return self.deliver(self.image(openid, media_id, pic_url, msg_id=msg_id))

    def send_subscribe(self, openid: str, *, scene: str | None = None) -> Reply:
        return self.deliver(self.subscribe(openid, scene=scene))

    def send_unsubscribe(self, openid: str) -> Reply:
        return self.deliver(self.unsubscribe(openid))

    def deliver(self, message: InboundMessage, *, timestamp: str | None = None) -> Reply:
        """POST one message to the server (again, for a retry) and read the reply as WeChat would.
        `timestamp` (Unix seconds) instead of the clock's, to play a request signed at another time."""
        timestamp, nonce = timestamp or self._timestamp(), _nonce()
        params = {"signature": signature(self.token, timestamp, nonce), "timestamp": timestamp,
                  "nonce": nonce, "openid": message.openid}
        body = message.xml()
        if self._cipher is not None:
            encrypted = self._cipher.encrypt(body)
            params.update(encrypt_type="aes", msg_signature=signature(self.token, timestamp, nonce, encrypted))
            body = _render_xml((("ToUserName", self.original_id), ("Encrypt", encrypted)))
        self.last_request, self._last_message = (dict(params), body.encode("utf-8")), message
        return self._post(message, params, body.encode("utf-8"))

    def repeat_last(self) -> Reply:
        """The last delivery again, byte for byte: WeChat's retry as it may come (same query string)."""
        if self.last_request is None or self._last_message is None:
            raise RuntimeError("nothing delivered yet")
        params, body = self.last_request
        return self._post(self._last_message, params, body)

    def _post(self, message: InboundMessage, params: dict[str, str], body: bytes) -> Reply:
        response = self._send("POST", params, body)
        if response.status_code != 200:
            raise ReplyError("http_status", str(response.status_code))
        return self._read_reply(message, response)

    # -- internals ----------------------------------------------------------------------------------

    def _message(self, openid: str, msg_type: str, *elements: tuple[str, str | int]) -> InboundMessage:
        head: tuple[tuple[str, str | int], ...] = (
            ("ToUserName", self.original_id), ("FromUserName", openid),
            ("CreateTime", int(self.clock())), ("MsgType", msg_type),
        )
        return InboundMessage(openid, head + tuple(elements))

    def _timestamp(self) -> str:
        return str(int(self.clock()))

    def _send(self, method: str, params: dict[str, str], body: bytes | None = None) -> requests.Response:
        try:
            return self._http.request(method, self.url, params=params, data=body, timeout=self.timeout,
                                      headers={"Content-Type": "text/xml"} if body is not None else None)
        except requests.Timeout:
            raise ReplyError("no_reply_in_time", f"{self.timeout} s") from None

    def _read_reply(self, message: InboundMessage, response: requests.Response) -> Reply:
        text = response.content.decode("utf-8", errors="replace")
        if text.strip() in ("", "success"):
            return Reply(response.status_code, text)
        root = _parse_xml(text)
        encrypted = False
        if self._cipher is not None:
            root = self._decrypt_reply(root)
            encrypted = True
        elements = {child.tag: _element_value(child) for child in root}
        missing = [name for name in _REQUIRED_REPLY_FIELDS if not elements.get(name)]
        if missing:
            raise ReplyError("missing_field", ", ".join(missing))
        if elements["ToUserName"] != message.openid or elements["FromUserName"] != self.original_id:
            raise ReplyError("wrong_recipient", f"to {elements['ToUserName']} from {elements['FromUserName']}")
        return Reply(response.status_code, text, elements, encrypted)

    def _decrypt_reply(self, root: ElementTree.Element) -> ElementTree.Element:
        assert self._cipher is not None
        encrypted = root.findtext("Encrypt")
        if not encrypted:
            raise ReplyError("reply_not_encrypted")
        timestamp, nonce = root.findtext("TimeStamp") or "", root.findtext("Nonce") or ""
        if root.findtext("MsgSignature") != signature(self.token, timestamp, nonce, encrypted):
            raise ReplyError("bad_reply_signature")
        try:
            inner = self._cipher.decrypt(encrypted)
        except MessageCryptoError as error:
            code = "wrong_app_id" if error.code == "wrong_app_id" else "undecryptable_reply"
            raise ReplyError(code, str(error)) from None
        return _parse_xml(inner)


def _parse_xml(text: str) -> ElementTree.Element:
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ReplyError("reply_not_xml", str(error)) from None
    if root.tag != "xml":
        raise ReplyError("reply_not_xml", f"root element <{root.tag}>")
    return root


def _element_value(element: ElementTree.Element) -> object:
    children = list(element)
    if not children:
        return element.text or ""
    if all(child.tag == "item" for child in children):
        return [_element_value(child) for child in children]
    return {child.tag: _element_value(child) for child in children}


def _render_xml(elements: tuple[tuple[str, str | int], ...]) -> str:
    lines = ["<xml>"]
    for name, value in elements:
        text = str(value) if isinstance(value, int) else _cdata(value)
        lines.append(f"<{name}>{text}</{name}>")
    lines.append("</xml>")
    return "\n".join(lines)


def _cdata(text: str) -> str:
    # "]]>" cannot appear inside a CDATA section: close it and open a new one around the ">".
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _nonce() -> str:
    return str(secrets.randbelow(9 * 10**9) + 10**9)


def _msg_id() -> int:
    """64-bit, like WeChat's MsgId (e.g. 1234567890123456)."""
    return secrets.randbelow(9 * 10**18) + 10**18
