"""A local stand-in for WeChat's HTTP API, speaking its JSON on loopback, for tests and the demo.
Nothing in the product imports it; it is started as a separate process or thread."""

from fake_wechat.app import create_app
from fake_wechat.official_account import OfficialAccountSender, Reply, ReplyError, UrlVerification
from fake_wechat.server import FakeWeChat, running_fake_wechat
from fake_wechat.state import FakeConfig, FakeWeChatState, Template

__all__ = [
    "FakeConfig",
    "FakeWeChat",
    "FakeWeChatState",
    "OfficialAccountSender",
    "Reply",
    "ReplyError",
    "Template",
    "UrlVerification",
    "create_app",
    "running_fake_wechat",
]
