"""python -m fake_wechat [--host 127.0.0.1] [--port 5001] [--app-id ...] [--app-secret ...] ...

Prints one line ending with its base URL once it accepts connections; stops cleanly on SIGTERM or SIGINT.
Unset app ids and secret fall back to LIANGBU_WECHAT_APP_ID, LIANGBU_WECHAT_APP_SECRET and
LIANGBU_WECHAT_OA_APP_ID (the product's settings), then to the fake's defaults.
"""

import argparse
import os
import signal
import sys
import threading

from fake_wechat.server import base_url_of, start_server, stop_server
from fake_wechat.state import FakeConfig, FakeWeChatState, Template

_DEFAULTS = FakeConfig()


def parse_template(text: str, *, long_term: bool = False) -> Template:
    """`TEMPLATE_ID` or `TEMPLATE_ID:thing1,time2` (the template's keywords)."""
    template_id, _, keywords = text.partition(":")
    if not template_id:
        raise argparse.ArgumentTypeError("a template needs an id: TEMPLATE_ID[:keyword,...]")
    return Template(template_id, tuple(k for k in keywords.split(",") if k) if keywords else None, long_term)


def config_from(args: argparse.Namespace) -> FakeConfig:
    return FakeConfig(
        app_id=args.app_id or os.environ.get("LIANGBU_WECHAT_APP_ID") or _DEFAULTS.app_id,
        app_secret=args.app_secret or os.environ.get("LIANGBU_WECHAT_APP_SECRET") or _DEFAULTS.app_secret,
        oa_app_id=args.oa_app_id or os.environ.get("LIANGBU_WECHAT_OA_APP_ID") or _DEFAULTS.oa_app_id,
        oa_app_secret=args.oa_app_secret or _DEFAULTS.oa_app_secret,
        oa_original_id=args.oa_original_id or _DEFAULTS.oa_original_id,
        templates=tuple(args.template) + tuple(parse_template(t, long_term=True) for t in args.long_term_template),
        assume_consent=args.assume_consent,
        pages=frozenset(p.lstrip("/") for p in args.page) if args.page else None,
    )


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fake_wechat", description="A local fake of WeChat's HTTP APIs.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5001, help="0 picks a free port (default 5001)")
    parser.add_argument("--app-id", help="the mini program's AppID")
    parser.add_argument("--app-secret", help="the mini program's AppSecret")
    parser.add_argument("--oa-app-id", help="the official account's AppID")
    parser.add_argument("--oa-app-secret", help="the official account's AppSecret")
    parser.add_argument("--oa-original-id", help="the official account's original id (gh_...)")
    parser.add_argument("--template", action="append", default=[], type=parse_template, metavar="ID[:KEYWORDS]",
                        help="a one-time subscribe-message template, e.g. tmplA:thing1,time2 (repeatable)")
    parser.add_argument("--long-term-template", action="append", default=[], metavar="ID[:KEYWORDS]",
                        help="a long-term subscribe-message template (repeatable)")
    parser.add_argument("--page", action="append", default=[], help="a page of the mini program (repeatable); "
                        "when given, subscribe messages to other pages are refused with 41030")
    parser.add_argument("--assume-consent", action="store_true",
                        help="treat every user as subscribed to every template (for the demo)")
    parser.add_argument("--access-log", action="store_true",
                        help="log each request (lines carry openids, codes and tokens)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = argument_parser().parse_args(argv)
    state = FakeWeChatState(config_from(args))
    server = start_server(state, args.host, args.port, quiet=not args.access_log)
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    print(f"fake_wechat serving {base_url_of(server)}", flush=True)
    while not stopping.wait(0.5):
        pass
    stop_server(server, state)
    thread.join(timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
