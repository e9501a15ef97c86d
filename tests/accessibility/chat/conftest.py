"""The official account in tests: our app served on loopback (WeChat POSTs to it over HTTP), the fake's
WeChat API for media, user info and customer-service messages, and a sender playing WeChat."""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.conversations import load_conversation
from backend.wechat.official_account import OfficialAccountFollower
from backend.runtime import runtime
from fake_wechat import FakeWeChat, OfficialAccountSender
from tests.accessibility.conversation.chat import MAX_TURNS
from tests.fake_wechat.wsgi_thread import serving
from tests.support.flows import photo_bytes

TOKEN = "liangbuOfficialAccountToken"
AES_KEY = base64.b64encode(bytes(range(7, 39))).decode().rstrip("=")  # WeChat's EncodingAESKey: 43 characters


@dataclass
class OfficialAccount:
    fake: FakeWeChat
    url: str
    safe: OfficialAccountSender
    plain: OfficialAccountSender

    def actor(self, openid: str) -> Actor:
        with runtime().database.sessions() as session:
            follower = session.get(OfficialAccountFollower, openid)
            user = session.get(User, follower.user_id)
            return Actor(user.id, Role(user.role))

    def state(self, openid: str) -> dict:
        with runtime().database.sessions() as session:
            conversation_id = session.scalars(select(OfficialAccountFollower.conversation_id)
                                              .where(OfficialAccountFollower.openid == openid)).one()
        return load_conversation(self.actor(openid), conversation_id).state

    def application_id(self, openid: str) -> str | None:
        with runtime().database.sessions() as session:
            conversation_id = session.scalars(select(OfficialAccountFollower.conversation_id)
                                              .where(OfficialAccountFollower.openid == openid)).one()
        return load_conversation(self.actor(openid), conversation_id).application_id

    def custom_text(self, openid: str, after: int, *, wait_seconds: float = 5.0) -> str:
        """The customer-service messages sent to the follower after the first `after`, once they arrive."""
        deadline = time.monotonic() + wait_seconds
        while time.monotonic() < deadline:
            sent = [m for m in self.fake.custom_messages if m.touser == openid][after:]
            if sent:
                time.sleep(0.05)  # a long reply comes in parts
                sent = [m for m in self.fake.custom_messages if m.touser == openid][after:]
                return "\n".join(m.body["text"]["content"] for m in sent)
            time.sleep(0.02)
        raise AssertionError("no customer-service message arrived")

    def reply_text(self, sender: OfficialAccountSender, openid: str, send) -> str:
        """What the follower reads: the direct reply, or the customer-service messages that replace it."""
        before = len([m for m in self.fake.custom_messages if m.touser == openid])
        reply = send()
        if not reply.is_empty:
            assert reply.msg_type == "text"
            assert reply.encrypted == sender.safe_mode
            return reply.content
        return self.custom_text(openid, before)

    def complete(self, sender: OfficialAccountSender, openid: str, answers: dict[str, str], *,
                 until: str | None = None, photos: dict[str, bytes] | None = None) -> list[str]:
        """Answers every question (`until`: up to that step); a photo step gets `photos[step]` if given."""
        replies = [self.reply_text(sender, openid, lambda: sender.send_subscribe(openid))]
        for _ in range(MAX_TURNS):
            state = self.state(openid)
            if state["submitted"] or (until is not None and state["current"] == until):
                return replies
            step, mode = state["current"], state["mode"]
            if step.startswith("material."):
                data = (photos or {}).get(step) or photo_bytes(step)
                media_id = self.fake.add_media(data, "photo.jpg", "image/jpeg")
                send = lambda: sender.send_image(openid, media_id, "http://mmbiz.qpic.cn/example.jpg")  # noqa: E731
            else:
                key = step if step in answers else step.split(".")[0]
                text = "对" if mode in ("confirm", "read_back") else answers[key]
                send = lambda: sender.send_text(openid, text)  # noqa: E731
            replies.append(self.reply_text(sender, openid, send))
        raise AssertionError("not submitted")


@pytest.fixture
def official_account(settings, fake_wechat, app, runtime) -> OfficialAccount:
    """Configured for safe mode, as a real account should be: `plain` is refused unless a test takes the
    EncodingAESKey away. The senders' timestamps come from the test's clock, as WeChat's from the real one."""
    settings.wechat_oa_app_id = fake_wechat.config.oa_app_id
    settings.wechat_oa_app_secret = SecretStr(fake_wechat.config.oa_app_secret)
    settings.wechat_oa_token = SecretStr(TOKEN)
    settings.wechat_oa_aes_key = SecretStr(AES_KEY)
    wechat_time = lambda: runtime.clock().timestamp()  # noqa: E731
    with serving(app) as base:
        url = f"{base}/wechat/official-account"
        yield OfficialAccount(
            fake_wechat, url,
            OfficialAccountSender(url, TOKEN, fake_wechat.config.oa_app_id, AES_KEY,
                                  original_id=fake_wechat.config.oa_original_id, clock=wechat_time),
            OfficialAccountSender(url, TOKEN, fake_wechat.config.oa_app_id,
                                  original_id=fake_wechat.config.oa_original_id, clock=wechat_time))
