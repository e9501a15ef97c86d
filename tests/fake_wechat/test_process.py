"""`python -m fake_wechat` as its own process, the way `make run` and end-to-end tests start it."""

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from tests.fake_wechat.pointed_client import PointedWeChatClient

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


@contextmanager
def fake_process(*arguments: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen([sys.executable, "-m", "fake_wechat", "--port", "0", *arguments], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        yield process, _first_line(process).rsplit(" ", 1)[-1]
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        process.stdout.close()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]


def _first_line(process: subprocess.Popen[str]) -> str:
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout=20)
    if not lines or not lines[0]:
        stderr = process.stderr.read() if process.poll() is not None else ""  # type: ignore[union-attr]
        raise AssertionError(f"fake_wechat printed no ready line; stderr: {stderr}")
    return lines[0].strip()


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_the_process_serves_wechatpy_and_stops_cleanly_on_a_signal(stop_signal):
    with fake_process("--app-id", "wxprocesstest00001", "--app-secret", "s" * 32) as (process, base_url):
        code = requests.post(f"{base_url}/__fake__/login", json={"openid": "oProcessUser0000000000000001"},
                             timeout=5).json()["code"]
        client = PointedWeChatClient(base_url, "wxprocesstest00001", "s" * 32, timeout=5)

        assert client.wxa.code_to_session(code)["openid"] == "oProcessUser0000000000000001"

        process.send_signal(stop_signal)
        assert process.wait(timeout=10) == 0


def test_the_process_takes_templates_and_consent_from_its_command_line():
    with fake_process("--template", "tmplCli:thing1,phrase2", "--assume-consent") as (process, base_url):
        overview = requests.get(f"{base_url}/__fake__/", timeout=5).json()
        process.terminate()
        assert process.wait(timeout=10) == 0

    assert overview["templates"] == [{"template_id": "tmplCli", "keywords": ["thing1", "phrase2"], "long_term": False}]
    assert overview["assume_consent"] is True


def test_the_process_takes_app_ids_from_the_products_settings(monkeypatch):
    monkeypatch.setenv("LIANGBU_WECHAT_APP_ID", "wxfromsettings0001")

    with fake_process() as (process, base_url):
        overview = requests.get(f"{base_url}/__fake__/", timeout=5).json()
        process.terminate()
        process.wait(timeout=10)

    assert overview["miniprogram"]["app_id"] == "wxfromsettings0001"
