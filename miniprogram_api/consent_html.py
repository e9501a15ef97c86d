"""The QR link of an assistant's consent code as a web page (issue 8, item 1). Someone without the mini program
scans the QR code with a plain phone camera, or WeChat opens it in its own browser: both ask for HTML, and both
get a small page that says who asks, what the person would agree to, for how long and how to agree; API clients
keep the JSON answer (GET /consent).

The page follows REFERENCE.md's accessibility targets: lang set, headings in order, text in rem and at least
20 px (MIIT 适老化 asks 18 dp), line spacing 1.6, contrast far above 4.5:1, no horizontal scroll at 320 px or at
200 % text, nothing timed, no script. Every word comes from the message registry, in both forms (the easy-read
text under its own heading), and every value is escaped. Its Content-Security-Policy allows only its own inline
style (by hash): no script, no form, no frame, nothing loaded."""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from flask import Request, Response, json

from backend.messages.catalog import Words, say
from backend.runtime import CHINA

HTML_LANG = {"zh_Hans_CN": "zh-CN", "zh_Hant_TW": "zh-TW", "en": "en"}

STYLE = (
    "html{font-size:125%;-webkit-text-size-adjust:100%;text-size-adjust:100%}"
    "body{margin:0;background:#fff;color:#1a1a1a;font-family:system-ui,-apple-system,\"PingFang SC\","
    "\"Microsoft YaHei\",sans-serif;line-height:1.6}"
    "main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}"
    "h1{font-size:1.5rem;line-height:1.35;margin:0.5rem 0 1rem}"
    "h2{font-size:1.2rem;line-height:1.35;margin:1.5rem 0 0.5rem;border-top:2px solid #5a5a5a;padding-top:1rem}"
    "p,dd{margin:0 0 0.75rem}dt{font-weight:bold}dd{margin-left:0}"
    ".code{font-size:2rem;font-weight:bold;letter-spacing:0.1em;margin:0.5rem 0 1rem}"
    ".note{background:#fff6d5;border-left:0.3rem solid #8a6d00;padding:0.5rem 0.75rem}"
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CONTENT_SECURITY_POLICY = (f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; script-src 'none'; "
                           "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the code is in the address: never passed on
    "X-Frame-Options": "DENY",
}


def prefers_html(request: Request) -> bool:
    """A browser (WeChat's too) ranks text/html above application/json; `*/*`, no Accept header or a tie is JSON."""
    accept = request.accept_mimetypes
    return accept.quality("text/html") > accept.quality("application/json")


def offer_page(offer: dict[str, Any], locale: str) -> Response:
    """The page of a valid code: what `consent_offer` answers as JSON, in words."""
    assistant = offer["assistant"]
    what: dict[str, str] = offer["what"]
    how: dict[str, str] = offer["how"]
    how_long = say("consent_page.how_long_text", locale, days=offer["valid_days"])
    expires = offer["expires_at"].astimezone(CHINA).strftime("%H:%M")
    code = offer["code"]
    spelled = " ".join(ch for ch in code if ch.isdigit())  # read digit by digit, not as a number of millions
    title = say("consent_page.title", locale)
    body = [
        f"<h1>{_e(title.text)}</h1>",
        f'<p class="note">{_e(say("consent_page.nothing_agreed", locale).text)}</p>',
        f"<h2>{_e(_t('consent_page.who', locale))}</h2>",
        "<dl>",
        f"<dt>{_e(_t('consent_page.name', locale))}</dt><dd>{_e(assistant['name'] or '')}</dd>",
        f"<dt>{_e(_t('consent_page.county', locale))}</dt><dd>{_e(assistant['region_name'] or '')}</dd>",
        f"<dt>{_e(_t('consent_page.role', locale))}</dt><dd>{_e(_t('role.assistant', locale))}</dd>",
        "</dl>",
        f"<h2>{_e(_t('consent_page.what', locale))}</h2>",
        f"<p>{_e(what['text'])}</p>",
        f"<h2>{_e(_t('consent_page.how_long', locale))}</h2>",
        f"<p>{_e(how_long.text)}</p>",
        f"<h2>{_e(_t('consent_page.how', locale))}</h2>",
        f"<p>{_e(how['text'])}</p>",
        f"<p>{_e(_t('consent_page.code', locale))}</p>",
        f'<p class="code"><span aria-hidden="true">{_e(code)}</span><span class="sr">{_e(spelled)}</span></p>',
        f"<p>{_e(say('consent_page.code_expires', locale, time=expires).text)}</p>",
        f"<h2>{_e(_t('consent_page.easy', locale))}</h2>",
        f"<p>{_e(what['easy_read'])}</p>",  # says how long, too
        f"<p>{_e(how['easy_read'])}</p>",
        f"<p>{_e(say('consent_page.code_expires', locale, time=expires).easy_read)}</p>",
    ]
    return _page(title.text, body, locale, 200)


def problem_page(problem: Response, locale: str) -> Response:
    """A problem answer (404 for a code that is not valid, 429 after too many wrong looks, 422 for a broken link,
    any other) as a plain, kind page with the same status and headers (Retry-After stays)."""
    document = json.loads(problem.get_data(as_text=True))
    code = document.get("code")
    if code == "code_not_valid":
        title, detail = say("consent_page.unknown.title", locale), say("consent_page.unknown.detail", locale)
    elif problem.status_code == 422:
        title, detail = say("consent_page.broken.title", locale), say("consent_page.broken.detail", locale)
    else:
        title = Words(str(document.get("title", "")), str(document.get("title_easy_read", "")))
        detail = Words(str(document.get("detail", "")), str(document.get("detail_easy_read", "")))
    body = [f"<h1>{_e(title.text)}</h1>", f"<p>{_e(detail.text)}</p>"]
    if code != "code_not_valid" and problem.status_code != 422:  # those two details say it already
        body.append(f"<p>{_e(_t('consent_page.problem_note', locale))}</p>")
    body += [f"<h2>{_e(_t('consent_page.easy', locale))}</h2>", f"<p>{_e(detail.easy_read)}</p>"]
    page = _page(title.text, body, locale, problem.status_code)
    for name in ("Retry-After",):
        if name in problem.headers:
            page.headers[name] = problem.headers[name]
    return page


def _page(title: str, body: list[str], locale: str, status: int) -> Response:
    document = (
        "<!DOCTYPE html>\n"
        f'<html lang="{HTML_LANG.get(locale, "zh-CN")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body) + "\n</main>\n</body>\n</html>\n")
    response = Response(document, status=status, content_type="text/html; charset=utf-8")
    response.headers.update(HEADERS)
    return response


def _t(key: str, locale: str) -> str:
    return say(key, locale).text


def _e(value: object) -> str:
    return escape(str(value), quote=True)
