"""Fixtures: the fake in a thread, and wechatpy clients pointed at it the way the product must point them."""

from collections.abc import Iterator

import pytest

from fake_wechat import FakeWeChat, running_fake_wechat
from tests.fake_wechat.pointed_client import PointedWeChatClient


@pytest.fixture
def fake() -> Iterator[FakeWeChat]:
    with running_fake_wechat() as running:
        yield running


@pytest.fixture
def miniprogram(fake: FakeWeChat) -> PointedWeChatClient:
    return PointedWeChatClient(fake.base_url, fake.config.app_id, fake.config.app_secret, timeout=5)


@pytest.fixture
def official_account(fake: FakeWeChat) -> PointedWeChatClient:
    return PointedWeChatClient(fake.base_url, fake.config.oa_app_id, fake.config.oa_app_secret, timeout=5)
