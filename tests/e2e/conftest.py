"""The product as `make run` starts it: real processes (web server, job worker, fake WeChat) on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port_pair() -> int:
    """A port whose neighbour is free too (serve puts the fake WeChat API on port + 1)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with socket.socket() as neighbour:
            try:
                neighbour.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no free pair of ports")


@dataclass
class RunningService:
    base: str
    fake_wechat: str
    process: subprocess.Popen
    output: Path

    def api(self, path: str) -> str:
        return f"{self.base}/api/v1{path}"


@pytest.fixture(scope="module")
def running_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningService]:
    instance = tmp_path_factory.mktemp("instance")
    port = free_port_pair()
    env = {key: value for key, value in os.environ.items() if not key.startswith("LIANGBU_")}
    env.update({"LIANGBU_INSTANCE_DIR": str(instance), "PYTHONUNBUFFERED": "1"})
    output = instance / "serve.log"
    with output.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "miniprogram_api.serve", "--dev", "--host", "127.0.0.1", "--port", str(port),
             "--web-workers", "2"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    service = RunningService(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}", process, output)
    try:
        deadline = time.monotonic() + 90
        while "is running at" not in output.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the service did not start:\n" + output.read_text(errors="replace"))
            time.sleep(0.2)
        yield service
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def wait_for(check, *, timeout: float = 30.0, interval: float = 0.2):
    """Background work (the hand-off) happens in the worker process: poll until it shows."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(interval)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


__all__ = ["RunningService", "bearer", "requests", "wait_for"]
