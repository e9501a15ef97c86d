"""gunicorn's own refusals as problem documents. A request line or headers past gunicorn's limits (414, 431),
or a request it cannot parse (400), is answered by gunicorn before the application sees it, with a small HTML
page: a mini program expecting RFC 9457 JSON would show the person nothing useful. This worker class writes
the same kind of document the application writes (plain Chinese, with the easy-read form); the request was
not understood, so its language is not known and Chinese is the product's.

Its own module because gunicorn loads the worker class by name (serve.gunicorn_command)."""
from __future__ import annotations

import json

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

# gunicorn's status for what it refuses -> our stable code (backend/messages/problem_texts.py).
_CODES = {400: "invalid_request", 403: "not_permitted", 414: "request_line_too_long", 417: "invalid_request",
          431: "request_headers_too_large", 500: "internal_error", 501: "invalid_request"}


def problem_document(status: int) -> bytes:
    from backend.messages import problem_texts  # noqa: F401  (registers the words, as the app does)
    from backend.messages.catalog import DEFAULT_LOCALE, say

    code = _CODES.get(status, "invalid_request" if status < 500 else "internal_error")
    title = say(f"problem.{code}.title", DEFAULT_LOCALE)
    detail = say(f"problem.{code}.detail", DEFAULT_LOCALE)
    return json.dumps({
        "type": f"urn:liangbu:problem:{code}", "title": title.text, "status": status, "detail": detail.text,
        "code": code, "title_easy_read": title.easy_read, "detail_easy_read": detail.easy_read, "errors": [],
    }, ensure_ascii=False).encode("utf-8")


def write_problem(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn.util.write_error's signature; gunicorn's message (which may quote the request) is left out."""
    body = problem_document(status_int)
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + body)


class ProblemWorker(ThreadWorker):
    """gunicorn's threaded worker, its error page a problem document."""

    def init_process(self) -> None:
        # Once, in this worker process: every refusal gunicorn writes here goes through write_problem.
        util.write_error = write_problem
        super().init_process()
