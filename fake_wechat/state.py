"""What the fake remembers, in memory, behind one lock.

The rules of time live here, each from WeChat's documentation: a `wx.login` code works once within 5
minutes (code2Session); an access token lives 7200 s and a newer one from /cgi-bin/token leaves the old
one working 5 more minutes (getAccessToken); a stable token is handed out again while it has more than 5
minutes left, and a forced refresh is allowed once per 30 s and 20 times a day (getStableAccessToken);
temporary media live 3 days (media/get); customer-service messages may be sent within 48 h of the user's
last message. Time is the wall clock plus an offset tests can advance, so expiry is tested without waiting.
"""

import base64
import secrets
import string
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Final, Literal

from fake_wechat.wechat_errors import WeChatError

MINIPROGRAM: Final = "miniprogram"
OFFICIAL_ACCOUNT: Final = "official_account"
AppKind = Literal["miniprogram", "official_account"]

CODE_LIFETIME_SECONDS = 300
TOKEN_LIFETIME_SECONDS = 7200
TOKEN_OVERLAP_SECONDS = 300
FORCE_REFRESH_INTERVAL_SECONDS = 30
FORCE_REFRESH_PER_DAY = 20
MEDIA_LIFETIME_SECONDS = 3 * 24 * 3600
CUSTOMER_SERVICE_WINDOW_SECONDS = 48 * 3600

FaultMode = Literal["http_500", "system_busy", "rate_limited", "hang"]
FAULT_MODES: tuple[str, ...] = ("http_500", "system_busy", "rate_limited", "hang")

_ID_ALPHABET = string.ascii_letters + string.digits + "-_"


@dataclass(frozen=True)
class AppAccount:
    app_id: str
    secret: str
    kind: AppKind
    original_id: str = ""  # an official account's "gh_..." id, the ToUserName of messages sent to it


@dataclass(frozen=True)
class Template:
    template_id: str
    keywords: tuple[str, ...] | None = None  # None: any keywords, each checked by its type
    long_term: bool = False  # 长期订阅: one consent allows any number of messages


@dataclass(frozen=True)
class FakeConfig:
    app_id: str = "wxfakeminiprogram1"
    app_secret: str = "fake0miniprogram0secret000000000"
    oa_app_id: str = "wxfakeofficialacc1"
    oa_app_secret: str = "fake0officialaccount0secret00000"
    oa_original_id: str = "gh_fakeoffacct01"
    templates: tuple[Template, ...] = ()
    assume_consent: bool = False  # the demo: every user has accepted every template, long-term
    pages: frozenset[str] | None = None  # the mini program's pages; None: any `page` is accepted


@dataclass
class MiniProgramUser:
    openid: str
    unionid: str | None
    session_key: str
    blocked: bool = False  # WeChat's risk control refuses this user's logins (40226)


@dataclass
class LoginCode:
    code: str
    openid: str
    issued_at: float
    used_at: float | None = None


@dataclass
class AccessToken:
    value: str
    app_id: str
    stable: bool  # from /cgi-bin/stable_token (a pool separate from /cgi-bin/token's)
    issued_at: float
    expires_at: float
    superseded_at: float | None = None  # stops working from then on: errcode 40001 "not latest"


@dataclass
class Follower:
    openid: str
    unionid: str | None
    subscribed: bool
    subscribe_time: int
    last_message_at: float  # opens the 48-hour customer-service window


@dataclass(frozen=True)
class SubscribeMessage:
    msgid: int
    touser: str
    template_id: str
    data: dict[str, object]
    page: str | None
    miniprogram_state: str | None
    lang: str | None
    sent_at: float


@dataclass(frozen=True)
class CustomMessage:
    touser: str
    msgtype: str
    body: dict[str, object]  # the whole JSON WeChat received
    sent_at: float


@dataclass(frozen=True)
class Media:
    media_id: str
    app_id: str
    content: bytes
    filename: str
    content_type: str
    created_at: float


@dataclass
class Fault:
    mode: FaultMode
    remaining: int
    seconds: float = 0.0  # for "hang"
    path: str | None = None  # None: any WeChat API path


@dataclass(frozen=True)
class ApiCall:
    method: str
    path: str
    status: int
    errcode: int | None  # None when the answer was not WeChat JSON (media bytes, HTTP 500)


@dataclass
class _Consent:
    remaining: int = 0
    long_term: bool = False
    rejected: bool = False


@dataclass
class _StableTokenSlot:
    current: AccessToken | None = None
    force_refreshes: list[float] = field(default_factory=list)


class FakeWeChatState:
    """Everything the fake knows; every method is safe to call from any thread."""

    def __init__(self, config: FakeConfig = FakeConfig(), clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.lock = threading.RLock()
        self._clock = clock
        self._stop = threading.Event()
        self.apps = {
            config.app_id: AppAccount(config.app_id, config.app_secret, MINIPROGRAM),
            config.oa_app_id: AppAccount(
                config.oa_app_id, config.oa_app_secret, OFFICIAL_ACCOUNT, config.oa_original_id
            ),
        }
        self.reset()

    # -- time ---------------------------------------------------------------------------------------

    def now(self) -> float:
        return self._clock() + self._offset

    def advance_clock(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    def wait(self, seconds: float) -> None:
        """Sleep like a hung server, but wake up when the fake stops."""
        self._stop.wait(seconds)

    def stop_waiting(self) -> None:
        self._stop.set()

    # -- reset --------------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget users, codes, tokens, messages, media, faults and calls; keep the configuration."""
        with self.lock:
            self._offset = 0.0
            self.users: dict[str, MiniProgramUser] = {}
            self.codes: dict[str, LoginCode] = {}
            self.tokens: dict[str, AccessToken] = {}
            self._stable: dict[str, _StableTokenSlot] = {}
            self._issued: dict[str, int] = {}
            self.templates = {t.template_id: t for t in self.config.templates}
            self._consents: dict[tuple[str, str], _Consent] = {}
            self.followers: dict[str, Follower] = {}
            self.media_store: dict[str, Media] = {}
            self._subscribe_messages: list[SubscribeMessage] = []
            self._custom_messages: list[CustomMessage] = []
            self._faults: list[Fault] = []
            self._calls: list[ApiCall] = []
            # WeChat's msgids are 18-digit numbers (e.g. 294402298110051942), well inside a signed 64-bit int.
            self._next_msgid = 2 * 10**17 + secrets.randbelow(10**17)

    # -- apps ---------------------------------------------------------------------------------------

    @property
    def miniprogram(self) -> AppAccount:
        return self.apps[self.config.app_id]

    @property
    def official_account(self) -> AppAccount:
        return self.apps[self.config.oa_app_id]

    def check_credentials(self, app_id: str | None, secret: str | None) -> AppAccount:
        if not app_id:
            raise WeChatError(41002)
        app = self.apps.get(app_id)
        if app is None:
            raise WeChatError(40013)
        if not secret:
            raise WeChatError(41004)
        if not secrets.compare_digest(secret.encode("utf-8"), app.secret.encode("utf-8")):
            raise WeChatError(40125)
        return app

    # -- mini program login -------------------------------------------------------------------------

    def mint_login_code(
        self,
        openid: str | None = None,
        unionid: str | None = None,
        *,
        with_unionid: bool = False,
        blocked: bool = False,
    ) -> tuple[LoginCode, MiniProgramUser]:
        """What `wx.login` does in the mini program: a fresh code for this user (a new user if no openid).

        A user keeps the unionid they were first given unless a new one is passed; `with_unionid` gives a
        new user a random one (WeChat sends unionid only when the mini program is bound to an Open
        Platform account the user has a unionid in)."""
        with self.lock:
            openid = openid or _new_openid()
            user = self.users.get(openid)
            if user is None:
                user = MiniProgramUser(openid, unionid or (_new_openid() if with_unionid else None), "")
                self.users[openid] = user
            elif unionid:
                user.unionid = unionid
            user.blocked = blocked
            user.session_key = base64.b64encode(secrets.token_bytes(16)).decode()
            code = LoginCode(_random_text(32, string.ascii_letters + string.digits), openid, self.now())
            self.codes[code.code] = code
            return code, replace(user)

    def exchange_code(self, app_id: str | None, secret: str | None, js_code: str | None,
                      grant_type: str | None) -> MiniProgramUser:
        """code2Session: the user behind a login code, each code once within 5 minutes."""
        with self.lock:
            app = self.check_credentials(app_id, secret)
            if grant_type != "authorization_code":
                raise WeChatError(40002)
            if not js_code:
                raise WeChatError(41008)
            code = self.codes.get(js_code)
            # A code minted for another app, or older than 5 minutes, is simply "invalid code".
            if code is None or app.kind != MINIPROGRAM or self.now() - code.issued_at > CODE_LIFETIME_SECONDS:
                raise WeChatError(40029)
            if code.used_at is not None:
                raise WeChatError(40163)
            code.used_at = self.now()
            user = self.users[code.openid]
            if user.blocked:
                raise WeChatError(40226)
            return replace(user)

    # -- access tokens ------------------------------------------------------------------------------

    def issue_token(self, app_id: str | None, secret: str | None, grant_type: str | None) -> AccessToken:
        """/cgi-bin/token: a new token each call; the app's earlier ones stop working 5 minutes later."""
        with self.lock:
            if grant_type != "client_credential":
                raise WeChatError(40002)
            app = self.check_credentials(app_id, secret)
            now = self.now()
            cutoff = now + TOKEN_OVERLAP_SECONDS
            for token in self.tokens.values():
                if token.app_id == app.app_id and not token.stable:
                    token.superseded_at = min(token.superseded_at or cutoff, cutoff)
            return self._new_token(app, stable=False)

    def issue_stable_token(self, app_id: str | None, secret: str | None, grant_type: str | None,
                           force_refresh: bool) -> AccessToken:
        """/cgi-bin/stable_token: the same token while it has more than 5 minutes left."""
        with self.lock:
            if grant_type != "client_credential":
                raise WeChatError(40002)
            app = self.check_credentials(app_id, secret)
            now = self.now()
            slot = self._stable.setdefault(app.app_id, _StableTokenSlot())
            current = slot.current
            if force_refresh:
                slot.force_refreshes = [t for t in slot.force_refreshes if now - t < 86400]
                recent = slot.force_refreshes and now - slot.force_refreshes[-1] < FORCE_REFRESH_INTERVAL_SECONDS
                if recent and current is not None and current.superseded_at is None \
                        and current.expires_at > now:
                    return current  # "连续使用该模式时,请保证调用时间隔至少为30s,否则不会刷新"
                if len(slot.force_refreshes) >= FORCE_REFRESH_PER_DAY:
                    raise WeChatError(45009)
                slot.force_refreshes.append(now)
                if current is not None:
                    current.superseded_at = now
            elif current is not None and current.superseded_at is None \
                    and current.expires_at - now > TOKEN_OVERLAP_SECONDS:
                return current
            slot.current = self._new_token(app, stable=True)
            return slot.current

    def app_for_token(self, value: str | None, kind: AppKind) -> AppAccount:
        """The app a call's `access_token` belongs to, refused the way WeChat refuses it."""
        with self.lock:
            if not value:
                raise WeChatError(41001)
            token = self.tokens.get(value)
            now = self.now()
            if token is None or (token.superseded_at is not None and now >= token.superseded_at):
                raise WeChatError(40001)
            if now >= token.expires_at:
                raise WeChatError(42001)
            app = self.apps[token.app_id]
            if app.kind != kind:
                raise WeChatError(48001)
            return app

    def expire_tokens(self) -> int:
        """Make every token answer 42001 "access_token expired"; returns how many were live."""
        with self.lock:
            now = self.now()
            live = [t for t in self.tokens.values() if t.expires_at > now]
            for token in live:
                token.expires_at = now
            return len(live)

    def forget_tokens(self) -> int:
        """Forget every token, as WeChat does when a token is revoked or the secret is reset: each one
        now answers 40001 "invalid credential"; returns how many were forgotten."""
        with self.lock:
            forgotten = len(self.tokens)
            self.tokens.clear()
            for slot in self._stable.values():
                slot.current = None
            return forgotten

    def tokens_issued(self, app_id: str | None = None) -> int:
        """How many tokens were handed out (a stable token handed out again counts once)."""
        with self.lock:
            if app_id is None:
                return sum(self._issued.values())
            return self._issued.get(app_id, 0)

    def _new_token(self, app: AppAccount, *, stable: bool) -> AccessToken:
        now = self.now()
        token = AccessToken(_random_text(136, _ID_ALPHABET), app.app_id, stable, now,
                            now + TOKEN_LIFETIME_SECONDS)
        self.tokens[token.value] = token
        self._issued[app.app_id] = self._issued.get(app.app_id, 0) + 1
        return token

    # -- subscribe messages -------------------------------------------------------------------------

    def add_template(self, template_id: str, keywords: tuple[str, ...] | list[str] | None = None,
                     *, long_term: bool = False) -> Template:
        template = Template(template_id, tuple(keywords) if keywords is not None else None, long_term)
        with self.lock:
            self.templates[template_id] = template
        return template

    def accept_subscription(self, openid: str, template_id: str, times: int = 1) -> None:
        """The user tapped "allow" in `wx.requestSubscribeMessage` (`times` times, for one-time templates)."""
        with self.lock:
            template = self.templates.get(template_id)
            if template is None:
                raise KeyError(template_id)
            consent = self._consents.setdefault((openid, template_id), _Consent())
            consent.rejected = False
            consent.long_term = template.long_term
            consent.remaining += times

    def reject_subscription(self, openid: str, template_id: str) -> None:
        """The user tapped "reject", or turned the template off in the mini program's settings."""
        with self.lock:
            self._consents[(openid, template_id)] = _Consent(rejected=True)

    def take_consent(self, openid: str, template_id: str) -> bool:
        """Use up one consent to send; False means WeChat answers 43101."""
        with self.lock:
            if self.config.assume_consent:
                return True
            consent = self._consents.get((openid, template_id))
            if consent is None or consent.rejected:
                return False
            if consent.long_term:
                return True
            if consent.remaining <= 0:
                return False
            consent.remaining -= 1
            return True

    def record_subscribe_message(self, touser: str, template_id: str, data: dict[str, object],
                                 page: str | None, miniprogram_state: str | None,
                                 lang: str | None) -> SubscribeMessage:
        with self.lock:
            self._next_msgid += 1
            message = SubscribeMessage(self._next_msgid, touser, template_id, data, page,
                                       miniprogram_state, lang, self.now())
            self._subscribe_messages.append(message)
            return message

    @property
    def subscribe_messages(self) -> list[SubscribeMessage]:
        with self.lock:
            return list(self._subscribe_messages)

    # -- official account ---------------------------------------------------------------------------

    def add_follower(self, openid: str | None = None, unionid: str | None = None, *,
                     subscribed: bool = True, with_unionid: bool = False) -> Follower:
        """A user of the official account who has just sent it a message (which opens the 48-hour
        customer-service window); calling again for the same openid is another message."""
        with self.lock:
            openid = openid or _new_openid()
            now = self.now()
            follower = self.followers.get(openid)
            if follower is None:
                follower = Follower(openid, unionid or (_new_openid() if with_unionid else None),
                                    subscribed, int(now), now)
                self.followers[openid] = follower
            else:
                follower.unionid = unionid or follower.unionid
                follower.subscribed = subscribed
                follower.last_message_at = now
            return replace(follower)

    def record_custom_message(self, touser: str, msgtype: str, body: dict[str, object]) -> CustomMessage:
        with self.lock:
            message = CustomMessage(touser, msgtype, body, self.now())
            self._custom_messages.append(message)
            return message

    @property
    def custom_messages(self) -> list[CustomMessage]:
        with self.lock:
            return list(self._custom_messages)

    def add_media(self, content: bytes, filename: str | None = None,
                  content_type: str = "application/octet-stream", app_id: str | None = None) -> Media:
        """A temporary media file, as if the user had sent it to the official account."""
        with self.lock:
            media_id = _random_text(64, _ID_ALPHABET)
            media = Media(media_id, app_id or self.config.oa_app_id, content,
                          filename or f"{media_id}{_extension(content_type)}", content_type, self.now())
            self.media_store[media_id] = media
            return media

    def media(self, app: AppAccount, media_id: str | None) -> Media:
        with self.lock:
            media = self.media_store.get(media_id or "")
            if media is None or media.app_id != app.app_id \
                    or self.now() - media.created_at > MEDIA_LIFETIME_SECONDS:
                raise WeChatError(40007)
            return media

    # -- faults and the call log --------------------------------------------------------------------

    def fail_next(self, count: int = 1, mode: FaultMode = "http_500", *, seconds: float = 0.0,
                  path: str | None = None) -> None:
        """Make the next `count` WeChat API calls (to `path`, or to any path) fail this way:
        `http_500` (an HTTP 500 page), `system_busy` (errcode -1), `rate_limited` (errcode 45011), or
        `hang` (answer normally, but only after `seconds`)."""
        if mode not in FAULT_MODES:
            raise ValueError(f"unknown fault mode {mode!r}; one of {FAULT_MODES}")
        if count < 1:
            raise ValueError("count must be at least 1")
        with self.lock:
            self._faults.append(Fault(mode, count, seconds, path))

    def take_fault(self, path: str) -> Fault | None:
        with self.lock:
            for fault in self._faults:
                if fault.path is None or fault.path == path:
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._faults.remove(fault)
                    return replace(fault)
            return None

    def record_call(self, method: str, path: str, status: int, errcode: int | None) -> None:
        with self.lock:
            self._calls.append(ApiCall(method, path, status, errcode))

    @property
    def calls(self) -> list[ApiCall]:
        with self.lock:
            return list(self._calls)


def _random_text(length: int, alphabet: str) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _new_openid() -> str:
    """Shaped like WeChat's: 28 characters starting with "o" (e.g. "oz-Ls6wmxaADf0fECrS_D7Pg7rX0")."""
    return "o" + _random_text(27, _ID_ALPHABET)


def _extension(content_type: str) -> str:
    return {
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "image/gif": ".gif",
        "audio/amr": ".amr",
        "audio/mpeg": ".mp3",
        "audio/speex": ".speex",
        "video/mp4": ".mp4",
    }.get(content_type.split(";")[0].strip().lower(), "")
