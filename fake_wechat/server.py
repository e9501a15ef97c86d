"""Running the fake: in a thread for tests (`running_fake_wechat`) or as a process (`python -m fake_wechat`)."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from fake_wechat.app import create_app
from fake_wechat.state import (
    CustomMessage,
    FakeConfig,
    FakeWeChatState,
    FaultMode,
    Follower,
    Media,
    MiniProgramUser,
    SubscribeMessage,
    Template,
)


class _QuietRequestHandler(WSGIRequestHandler):
    """No access log: its lines would carry openids, login codes and tokens."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class FakeWeChat:
    """A running fake: where it listens, its state, and the /__fake__/ controls as methods."""

    def __init__(self, base_url: str, state: FakeWeChatState) -> None:
        self.base_url = base_url
        self.state = state

    @property
    def config(self) -> FakeConfig:
        return self.state.config

    def login(self, openid: str | None = None, unionid: str | None = None, *, with_unionid: bool = False,
              blocked: bool = False) -> str:
        """`wx.login` for this user (a new random one without `openid`): the code to hand to the product."""
        code, _ = self.state.mint_login_code(openid, unionid, with_unionid=with_unionid, blocked=blocked)
        return code.code

    def user(self, openid: str) -> MiniProgramUser:
        return self.state.users[openid]

    def add_follower(self, openid: str | None = None, unionid: str | None = None, *, subscribed: bool = True,
                     with_unionid: bool = False) -> Follower:
        return self.state.add_follower(openid, unionid, subscribed=subscribed, with_unionid=with_unionid)

    def add_template(self, template_id: str, keywords: tuple[str, ...] | list[str] | None = None, *,
                     long_term: bool = False) -> Template:
        return self.state.add_template(template_id, keywords, long_term=long_term)

    def accept_subscription(self, openid: str, template_id: str, times: int = 1) -> None:
        self.state.accept_subscription(openid, template_id, times)

    def reject_subscription(self, openid: str, template_id: str) -> None:
        self.state.reject_subscription(openid, template_id)

    def add_media(self, content: bytes, filename: str | None = None,
                  content_type: str = "application/octet-stream") -> str:
        return self.state.add_media(content, filename, content_type).media_id

    def media(self, media_id: str) -> Media:
        return self.state.media_store[media_id]

    @property
    def subscribe_messages(self) -> list[SubscribeMessage]:
        return self.state.subscribe_messages

    @property
    def custom_messages(self) -> list[CustomMessage]:
        return self.state.custom_messages

    def tokens_issued(self, app_id: str | None = None) -> int:
        return self.state.tokens_issued(app_id)

    def expire_tokens(self) -> int:
        return self.state.expire_tokens()

    def forget_tokens(self) -> int:
        return self.state.forget_tokens()

    def fail_next(self, count: int = 1, mode: FaultMode = "http_500", *, seconds: float = 0.0,
                  path: str | None = None) -> None:
        self.state.fail_next(count, mode, seconds=seconds, path=path)

    def advance_clock(self, seconds: float) -> None:
        self.state.advance_clock(seconds)

    def reset(self) -> None:
        self.state.reset()


def start_server(state: FakeWeChatState, host: str = "127.0.0.1", port: int = 0,
                 *, quiet: bool = True) -> BaseWSGIServer:
    """Bind now (port 0: a free port) so the URL is known before any request is served."""
    return make_server(host, port, create_app(state), threaded=True,
                       request_handler=_QuietRequestHandler if quiet else None)


def base_url_of(server: BaseWSGIServer) -> str:
    host = server.host
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{server.server_port}"


def stop_server(server: BaseWSGIServer, state: FakeWeChatState) -> None:
    state.stop_waiting()  # release requests held by a "hang" fault
    server.shutdown()
    server.server_close()


@contextmanager
def running_fake_wechat(config: FakeConfig | None = None, *, host: str = "127.0.0.1", port: int = 0,
                        **config_fields: object) -> Iterator[FakeWeChat]:
    """The fake on a free loopback port for the `with` block: `running_fake_wechat(app_id=..., app_secret=...)`
    (any `FakeConfig` field as a keyword)."""
    state = FakeWeChatState(config or FakeConfig(**config_fields))  # type: ignore[arg-type]
    server = start_server(state, host, port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01},
                              name="fake_wechat", daemon=True)
    thread.start()
    try:
        yield FakeWeChat(base_url_of(server), state)
    finally:
        stop_server(server, state)
        thread.join(timeout=5)
