"""Packets carry whole ID numbers and photos: the hand-off URL must be https, except to this machine (security
audit, item 5). Start-up refuses any other, with a message that says what to do."""

from __future__ import annotations

import pytest

from backend.review.system import review_system_for
from backend.settings import SettingsError, load_settings
from tests.conftest import TEST_DATA_KEY, TEST_REVIEW_SECRET, TEST_SECRET_KEY


def _settings(url: str):
    return load_settings(data_key=TEST_DATA_KEY, secret_key=TEST_SECRET_KEY, review_handoff_url=url,
                         review_handoff_secret=TEST_REVIEW_SECRET)


@pytest.mark.parametrize("url", [
    "https://review.example.cn/handoffs", "http://127.0.0.1:5002/handoffs", "http://localhost:5002/handoffs",
    "http://[::1]:5002/handoffs",
])
def test_https_or_this_machine_is_accepted(url):
    assert review_system_for(_settings(url)).name == "http"


@pytest.mark.parametrize("url", [
    "http://review.example.cn/handoffs", "http://10.0.0.5/handoffs", "http://0.0.0.0:5002/handoffs",
    "ftp://review.example.cn/handoffs", "https:///handoffs", "review.example.cn/handoffs",
    "http://127.0.0.1.example.cn/handoffs",
])
def test_anything_else_stops_start_up(url):
    with pytest.raises(SettingsError) as refused:
        _settings(url)
    assert "LIANGBU_REVIEW_HANDOFF_URL" in str(refused.value) and "https://" in str(refused.value)


def test_settings_made_in_code_are_checked_when_the_review_system_is_made(settings):
    settings.review_handoff_url = "http://user:pass@review.example.cn/handoffs"
    with pytest.raises(SettingsError) as refused:
        review_system_for(settings)
    assert "pass" not in str(refused.value)  # the message names the host, never credentials in the URL
