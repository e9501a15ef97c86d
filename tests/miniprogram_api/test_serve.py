"""`make run` (miniprogram_api/serve.py): dev login is not published to the network by accident, and the access
log keeps no query strings (they carry WeChat's signatures and openids, consent codes, signed speech links)."""

from __future__ import annotations

import importlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from backend.net import is_loopback
from miniprogram_api import serve


def _configured(command: list[str]) -> Config:
    """gunicorn's configuration as the command gives it: the `-c python:MODULE` file, read as gunicorn reads it."""
    module = importlib.import_module(command[command.index("-c") + 1].removeprefix("python:"))
    config = Config()
    for name, value in vars(module).items():
        if name in config.settings:
            config.set(name, value)
    return config


def _access_line(command: list[str], path: str, query: str) -> str:
    """The line gunicorn's own logger writes for one request, with the format the command gives it."""
    config = _configured(command)
    log_format = config.access_log_format
    logger = Logger(config)
    environ = {"REQUEST_METHOD": "POST", "RAW_URI": f"{path}?{query}", "PATH_INFO": path, "QUERY_STRING": query,
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "10.1.2.3"}
    atoms = logger.atoms(SimpleNamespace(status="200 OK", headers=[], sent=7), SimpleNamespace(headers=[]),
                         environ, timedelta(milliseconds=12))
    return log_format % logger.atoms_wrapper_class(atoms)


@pytest.mark.parametrize("path, query", [
    ("/wechat/official-account", "signature=5931b37d&timestamp=1795572000&nonce=7383120018&openid=oFollower0001"
                                 "&encrypt_type=aes&msg_signature=0a1b2c"),
    ("/api/v1/consent", "code=483920"),
    ("/api/v1/speech/" + "a" * 64 + ".mp3", "expires=1795575600&signature=ffeeddcc"),
])
def test_the_access_log_names_the_path_without_its_query_string(path, query):
    line = _access_line(serve.gunicorn_command("127.0.0.1", 5000, 2), path, query)
    assert path in line and '"POST ' in line and " 200 " in line
    for secret in ("signature", "openid", "oFollower0001", "483920", "ffeeddcc", "?"):
        assert secret not in line


def test_make_run_refuses_to_publish_dev_login_to_the_network(capsys, monkeypatch):
    monkeypatch.delenv("LIANGBU_DEV_LOGIN", raising=False)
    assert serve.main(["--host", "0.0.0.0", "--dev"]) == 2  # refused before anything is started
    said = capsys.readouterr().err
    assert "Refusing" in said and serve.PUBLIC_DEV_LOGIN_FLAG in said and "demo-reviewer" in said


def test_dev_login_switched_on_by_the_environment_counts_too(capsys, monkeypatch):
    monkeypatch.setenv("LIANGBU_DEV_LOGIN", "1")
    assert serve.main(["--host", "192.168.1.20"]) == 2
    assert "Refusing" in capsys.readouterr().err


def test_the_explicit_flag_lets_it_through_with_a_warning():
    assert serve.dev_login_exposure("0.0.0.0", dev=True, public=False).startswith("Refusing")
    assert serve.dev_login_exposure("0.0.0.0", dev=True, public=True).startswith("WARNING")
    assert serve.dev_login_exposure("127.0.0.1", dev=True, public=False) is None
    assert serve.dev_login_exposure("0.0.0.0", dev=False, public=False) is None


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("::ffff:127.0.0.1", True), ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.cn", False),
    ("", False), ("localhost.example.cn", False),
])
def test_what_counts_as_this_machine(host, loopback):
    assert is_loopback(host) is loopback


def test_make_run_and_a_deployment_share_gunicorns_settings_refusals_as_problem_documents_included():
    config = _configured(serve.gunicorn_command("127.0.0.1", 5000, 2))
    assert config.worker_class_str == "miniprogram_api.gunicorn_worker.ProblemWorker"
    assert config.threads == 4 and config.timeout == 60
