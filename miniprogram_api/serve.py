"""`make run`: migrate, seed the demo, start the job worker and the web server (and, for the demo, the
local fake of WeChat's API), print how to try it, and stop everything on Ctrl-C.

    python -m miniprogram_api.serve --host 127.0.0.1 --port 5000 --dev

Dev login lets anyone log in as any demo account (demo-reviewer reveals whole ID numbers), so with it on
the server binds only to a loopback address unless --i-know-dev-login-is-public is given as well.
The access log names the path, never the query string: that carries WeChat's signatures, openids,
consent codes and signed speech links.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from backend.net import is_loopback
from backend.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_DEV_LOGIN_FLAG = "--i-know-dev-login-is-public"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run 两补网办 on this machine.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--dev", action="store_true",
                        help="demo mode: dev login on, secrets generated, local fake WeChat API")
    parser.add_argument(PUBLIC_DEV_LOGIN_FLAG, dest="public_dev_login", action="store_true",
                        help="with dev login on, bind to a non-loopback host anyway and let any address use dev login")
    parser.add_argument("--web-workers", type=int, default=2)
    args = parser.parse_args(argv)

    env = dict(os.environ)
    refusal = dev_login_exposure(args.host, dev=args.dev or Settings().dev_login, public=args.public_dev_login)
    if refusal is not None:
        print(refusal, file=sys.stderr, flush=True)
        if not args.public_dev_login:
            return 2
        env["LIANGBU_DEV_LOGIN_PUBLIC"] = "1"
    children: list[subprocess.Popen] = []
    if args.dev:
        env.setdefault("LIANGBU_DEV_LOGIN", "1")
        # Links shown as QR codes (an assistant's consent code) point at this very server, whatever --port is.
        env.setdefault("LIANGBU_PUBLIC_BASE_URL", f"http://{args.host}:{args.port}")
        settings = load_settings(generate_dev_secrets=True)
        env.setdefault("LIANGBU_SECRET_KEY", settings.secret_key.get_secret_value())
        env.setdefault("LIANGBU_DATA_KEY", settings.data_key.get_secret_value())
        if "LIANGBU_WECHAT_API_BASE" not in env:
            fake_port = args.port + 1
            env["LIANGBU_WECHAT_API_BASE"] = f"http://127.0.0.1:{fake_port}/"
            # The demo's status messages go to the fake, which records them (GET /__fake__/messages).
            env.setdefault("LIANGBU_WECHAT_SUBSCRIBE_TEMPLATES", '{"status_update": "demo-status-update"}')
            env.setdefault("LIANGBU_WECHAT_LONG_TERM_TEMPLATES", '["status_update"]')
            # The demo's official account, in the fake (README: "Apply by chatting").
            for name, value in DEMO_OFFICIAL_ACCOUNT.items():
                env.setdefault(name, value)
            children.append(_start([sys.executable, "-m", "fake_wechat", "--host", "127.0.0.1",
                                    "--port", str(fake_port), "--app-id", settings.wechat_app_id,
                                    "--app-secret", settings.wechat_app_secret.get_secret_value(),
                                    "--oa-app-id", env["LIANGBU_WECHAT_OA_APP_ID"],
                                    "--oa-app-secret", env["LIANGBU_WECHAT_OA_APP_SECRET"],
                                    "--long-term-template", "demo-status-update:character_string1,thing2,thing3,time4",
                                    "--assume-consent"], env))
    Path(env.get("LIANGBU_INSTANCE_DIR", "instance")).mkdir(parents=True, exist_ok=True)

    cli = [sys.executable, "-m", "backend.cli"] + (["--dev"] if args.dev else [])
    subprocess.run([*cli, "migrate"], env=env, check=True, cwd=ROOT)
    if args.dev:
        subprocess.run([*cli, "seed-demo"], env=env, check=True, cwd=ROOT)

    children.append(_start([sys.executable, "-m", "backend.jobs.worker"], env))
    children.append(_start(gunicorn_command(args.host, args.port, args.web_workers,
                                            timeout=Settings().request_timeout_seconds), env))

    base = f"http://{args.host}:{args.port}"
    if _wait_until_up(base + "/healthz", children):
        print(walkthrough(base, dev=args.dev), flush=True)
    else:
        print("The server did not start; see the messages above.", file=sys.stderr)
        _stop(children)
        return 1

    stopping = False

    def _on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    while not stopping and all(child.poll() is None for child in children):
        time.sleep(0.5)
    _stop(children)
    return 0


def dev_login_exposure(host: str, *, dev: bool, public: bool) -> str | None:
    """What to say when dev login would be reachable from other machines: a refusal, or (with the explicit
    flag) a warning. None when there is nothing to say."""
    if not dev or is_loopback(host):
        return None
    if not public:
        return (f"Refusing to serve dev login on {host}: anyone who reaches it can log in as any demo account, "
                f"demo-reviewer included (whole ID numbers). Use HOST=127.0.0.1, or add {PUBLIC_DEV_LOGIN_FLAG} "
                "if this really is a private demo network.")
    return (f"WARNING: dev login is public on {host}: anyone who reaches this server can log in as any demo "
            "account, demo-reviewer included (whole ID numbers). Never do this with real people's data.")


def gunicorn_command(host: str, port: int, workers: int, *, timeout: int | None = None) -> list[str]:
    """The settings a deployment uses too (miniprogram_api/gunicorn_conf.py); only the address and workers
    differ. `timeout`: LIANGBU_REQUEST_TIMEOUT_SECONDS, which the database's timeouts and the life of an
    idempotency claim are measured against (gunicorn_conf reads the same setting when it is not given)."""
    command = [sys.executable, "-m", "gunicorn", "-c", "python:miniprogram_api.gunicorn_conf",
               "--bind", f"{host}:{port}", "--workers", str(workers)]
    if timeout is not None:
        command += ["--timeout", str(timeout)]
    return [*command, "miniprogram_api.wsgi:app"]


# Demo values only (the fake official account of `make run`); a real account's come from its admin console.
DEMO_OFFICIAL_ACCOUNT = {
    "LIANGBU_WECHAT_OA_APP_ID": "wxfakeofficialacc1",
    "LIANGBU_WECHAT_OA_APP_SECRET": "fake0officialaccount0secret00000",
    "LIANGBU_WECHAT_OA_TOKEN": "liangbuDemoToken",
    "LIANGBU_WECHAT_OA_AES_KEY": "bGlhbmdidSBkZW1vIGVuY29kaW5nIGFlcyBrZXkgMDE",
}


def _start(command: list[str], env: dict[str, str]) -> subprocess.Popen:
    # Each child leads a process group of its own, so stopping it reaches what it started (gunicorn's web
    # workers): a worker stuck on a lock once outlived its master and held the port.
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


def _signal_group(child: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(child.pid, signum)
    except ProcessLookupError:
        pass


def _stop(children: list[subprocess.Popen], grace: float = 10) -> None:
    for child in children:
        _signal_group(child, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for child in children:
        # Whatever is left of the group (a master that exited first leaves its workers behind) is killed.
        _signal_group(child, signal.SIGKILL)
        if child.poll() is None:
            child.wait(timeout=5)


def _wait_until_up(url: str, children: list[subprocess.Popen], timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(child.poll() is not None for child in children):
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def walkthrough(base: str, *, dev: bool) -> str:
    lines = [
        "",
        f"两补网办 is running at {base}  (OpenAPI: {base}/api/v1/openapi.json; Ctrl-C stops it)",
    ]
    if not dev:
        return "\n".join(lines)
    lines += [
        "",
        "Demo accounts (dev login): demo-applicant, demo-guardian, demo-assistant, demo-reviewer (500156 重庆市武隆区), demo-admin",
        "",
        "Try it (the README walks through the whole story):",
        f"  API={base}/api/v1",
        "  login() { curl -s -X POST $API/auth/dev-login -H 'Content-Type: application/json' \\",
        "      -d \"{\\\"account\\\": \\\"$1\\\"}\" | python3 -c 'import sys, json; print(json.load(sys.stdin)[\"access_token\"])'; }",
        "  ME=$(login demo-applicant)",
        "  curl -s -X POST $API/applications -H \"Authorization: Bearer $ME\" -H 'Content-Type: application/json' \\",
        "      -d '{\"subsidies\": [\"living\", \"nursing\"], \"applying_as\": \"self\",",
        "           \"consents\": [\"personal_information\", \"sensitive_personal_information\", "
        "\"provide_to_review_authorities\"]}'; echo",
        "  REVIEWER=$(login demo-reviewer)",
        "  curl -s $API/review/applications -H \"Authorization: Bearer $REVIEWER\"; echo",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
