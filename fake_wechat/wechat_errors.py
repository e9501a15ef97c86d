"""WeChat's error codes and messages, as its servers send them.

Every error the fake returns comes from this table, so the product meets the same `errcode`s it will meet
in production. The product must branch on `errcode` only: WeChat's `errmsg` wording has changed over the
years ("hints: [ req_id: ... ]", later "rid: ..."), and the fake follows the newest form seen.
"""

import secrets
import time

# errcode -> errmsg, from WeChat's documentation (code2Session, getAccessToken, getStableAccessToken,
# subscribeMessage.send, the official account's media/custom-message/user APIs and the global return
# code list) and from error bodies quoted in WeChat's developer community.
ERRMSG: dict[int, str] = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40007: "invalid media_id",
    40008: "invalid message type",
    40013: "invalid appid",
    40029: "invalid code",
    40037: "invalid template_id",
    40125: "invalid appsecret",
    40163: "code been used",
    40226: "code blocked",
    41001: "access_token missing",
    41002: "appid missing",
    41004: "appsecret missing",
    41008: "missing code",
    41030: "invalid page",
    42001: "access_token expired",
    43002: "require POST method",
    43101: "user refuse to accept the msg",
    44002: "empty post data",
    45009: "reach max api daily quota limit",
    # Two spaces each side of "mustslower" is how WeChat writes it.
    45011: "api minute-quota reach limit  mustslower  retry next minute",
    45015: "response out of time limit or subscription is canceled",
    47001: "data format error",
    47003: "argument invalid!",
    48001: "api unauthorized",
}

# Login and token errors have been seen as "invalid code, rid: ..."; the cgi-bin business APIs as
# "user refuse to accept the msg rid: ..." (community threads 2021-2025).
_COMMA_BEFORE_RID = {40013, 40029, 40125, 40163, 40226, 41002, 41004, 41008}


class WeChatError(Exception):
    """An error WeChat answers with HTTP 200 and a JSON body `{"errcode", "errmsg"}`."""

    def __init__(self, errcode: int, detail: str | None = None) -> None:
        self.errcode = errcode
        self.detail = detail
        super().__init__(f"{errcode} {self.text}")

    @property
    def text(self) -> str:
        base = ERRMSG[self.errcode]
        return f"{base} {self.detail}" if self.detail else base

    def body(self, now: float | None = None) -> dict[str, object]:
        separator = ", " if self.errcode in _COMMA_BEFORE_RID else " "
        return {"errcode": self.errcode, "errmsg": f"{self.text}{separator}rid: {request_id(now)}"}


def request_id(now: float | None = None) -> str:
    """WeChat's `rid`: the Unix time in hex, then two random 8-hex-digit parts."""
    seconds = int(time.time() if now is None else now)
    return f"{seconds:08x}-{secrets.token_hex(4)}-{secrets.token_hex(4)}"
