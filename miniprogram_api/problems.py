"""Problem details (RFC 9457) for every error, mapped from domain exceptions in this one place.

Every problem has a stable `code`, a localised `title` and `detail` (with easy-read forms), and, when
fields are at fault, `errors` naming each field path with its own message. The problems of blueprints that
speak (speak_problems) are said too: `audio_url`."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from typing import Any

from flask import Flask, Response, g, json, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from accessibility.status_speech import spoken_problem
from backend import errors as domain
from backend.accounts.preferences import Preferences
from backend.calendar.months import MONTH_PATTERN
from backend.db import outage
from backend.errors import FieldError
from backend.identity.place_names import office_name
from backend.messages.catalog import Words, registry, say
from backend.messages.describe import describe_field_error
from miniprogram_api.locale import request_locale

log = logging.getLogger(__name__)

STATUS_FOR = [
    (domain.NotFound, 404),
    (domain.TooLarge, 413),
    (domain.ConsentRequired, 422),
    (domain.InvalidInput, 422),
    (domain.StaleVersion, 412),
    (domain.VersionRequired, 428),
    (domain.Conflict, 409),
    (domain.AuthenticationFailed, 401),
    (domain.NotPermitted, 403),
    (domain.TooManyAttempts, 429),
    (domain.UpstreamUnavailable, 503),
]


# Names of the blueprints whose problem documents carry `audio_url` (speak_problems).
_SPOKEN_BLUEPRINTS: set[str] = set()


def speak_problems(blueprint_name: str) -> None:
    """The problem documents of this blueprint's endpoints are said too, like the blueprint's own words
    (issue 6: every error in three forms): `audio_url` from the detail and the field messages."""
    _SPOKEN_BLUEPRINTS.add(blueprint_name)


class ApiProblem(Exception):
    """An HTTP-level problem raised by the API layer itself (auth, headers, idempotency)."""

    def __init__(self, status: int, code: str, *, params: dict[str, Any] | None = None,
                 errors: Sequence[FieldError] = (), headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.params, self.errors = status, code, params or {}, list(errors)
        self.headers = headers or {}


def problem_response(status: int, code: str, *, params: dict[str, Any] | None = None,
                     errors: Sequence[FieldError] = (), headers: dict[str, str] | None = None,
                     extra: dict[str, Any] | None = None, text_code: str | None = None) -> Response:
    locale = request_locale()
    params = {k: v for k, v in (params or {}).items() if isinstance(v, (str, int, float))}
    words = dict(params)
    for name, prefix in (("stage", "stage"), ("decision", "decision")):
        if isinstance(params.get(name), str) and f"{prefix}.{params[name]}" in registry():
            words[f"{name}_label"] = say(f"{prefix}.{params[name]}", locale)
    if isinstance(params.get("office"), str):
        # An office named by the policy data, in Chinese: said in the reader's language where its kind is known.
        words["office"] = office_name(params["office"], params.get("office_region"), locale)
    if isinstance(params.get("retry_after_seconds"), int):
        words["wait"] = wait_words(params["retry_after_seconds"], locale)
        words["wait_seconds"] = wait_seconds_words(params["retry_after_seconds"], locale)
    text_code = text_code or code
    if f"problem.{text_code}.title" not in registry():
        text_code = _fallback_code(status)
    title = say(f"problem.{text_code}.title", locale, **words)
    detail = say(f"problem.{text_code}.detail", locale, **words)
    body: dict[str, Any] = {
        "type": f"urn:liangbu:problem:{code}",
        "title": title.text,
        "status": status,
        "detail": detail.text,
        "code": code,
        "instance": request.path,
        "title_easy_read": title.easy_read,
        "detail_easy_read": detail.easy_read,
        "errors": [describe_field_error(error, locale) for error in errors],
        **params,
        **(extra or {}),
    }
    if request.blueprint in _SPOKEN_BLUEPRINTS and "audio_url" not in body:
        _add_speech(body, locale)
    response = Response(json.dumps(body, ensure_ascii=False), status=status,
                        content_type="application/problem+json; charset=utf-8")
    if isinstance(params.get("retry_after_seconds"), int):
        # The one place a wait becomes Retry-After: any problem that says when to try again (429 too many
        # attempts, 409 request in progress) says it to programs too, in the same number of seconds.
        response.headers["Retry-After"] = str(params["retry_after_seconds"])
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def database_unavailable_problem(error: BaseException) -> Response:
    """The database is down, hung or too busy (backend/db/outage.py): a wait, not a fault of the request or
    of ours, said as one (503 with Retry-After, like wechat_unreachable); nothing the person sent is lost."""
    log.warning("the database is unavailable, %s %s: %s", request.method, request.path, type(error).__name__,
                exc_info=error)
    return problem_response(503, "database_unavailable",
                            params={"retry_after_seconds": outage.RETRY_AFTER_SECONDS})


def _add_speech(problem: dict[str, Any], locale: str) -> None:
    try:
        # The guard's reading (miniprogram_api/guards.py); a problem before or without one is said plainly.
        preferences = g.get("preferences") or Preferences()
        problem["audio_url"] = spoken_problem(problem, locale=locale, preferences=preferences)
    except Exception:  # noqa: BLE001  (the problem is answered whatever happens to its speech)
        log.exception("a problem document could not be said")


def wait_words(seconds: int, locale: str) -> Words:
    """How long until the next try, said the way a person says it: minutes under an hour, else hours
    (rounded up, so the person is never told to come back too early)."""
    minutes = max(1, -(-seconds // 60))
    if minutes < 60:
        return say("wait.one_minute" if minutes == 1 else "wait.minutes", locale, count=minutes)
    hours = -(-minutes // 60)
    return say("wait.one_hour" if hours == 1 else "wait.hours", locale, count=hours)


def wait_seconds_words(seconds: int, locale: str) -> Words:
    """A short wait to the second ("1 second", "45 seconds"), for a retry the client makes itself."""
    seconds = max(1, seconds)
    return say("wait.one_second" if seconds == 1 else "wait.seconds", locale, count=seconds)


def _fallback_code(status: int) -> str:
    return {400: "invalid_request", 401: "authentication_required", 403: "not_permitted", 404: "not_found",
            409: "conflict", 422: "invalid_fields", 429: "too_many_attempts", 503: "upstream_unavailable"}.get(status, "error"
                                                                                     if status < 500 else "internal_error")


def validation_problem(error: ValidationError) -> Response:
    """flask-openapi3 hands us pydantic's errors for a body, query or path that does not fit its schema."""
    if any(item["type"] in ("model_type", "model_attributes_type", "json_invalid", "dict_type") and len(item["loc"]) <= 1
           for item in error.errors()):
        if request.get_data() and request.get_json(silent=True) is None:
            return problem_response(400, "invalid_json")
        if not request.get_data() or request.mimetype != "application/json":
            if request.method in ("POST", "PUT", "PATCH") and request.mimetype not in ("application/json", "multipart/form-data"):
                return problem_response(415, "unsupported_media_type")
    field_errors = []
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"] if part not in ("body", "query", "path", "header"))
        field_errors.append(field_error_for(path or "body", item))
    return problem_response(422, "invalid_request", errors=field_errors)


# Patterns of the request schemas, said in words (a regular expression is no help to a person).
_DIGITS = re.compile(r"\^\\d\{(\d+)\}\$")
_ALTERNATIVES = re.compile(r"\^\(([\w|]+)\)\$")


def field_error_for(path: str, item: Any) -> FieldError:
    """One of pydantic's errors as a FieldError with a specific code and what the message needs to say
    what is expected: the length, the allowed choices, the format."""
    kind: str = item["type"]
    ctx: dict[str, Any] = item.get("ctx") or {}
    value = item.get("input")
    if kind == "missing":
        # "请填写照片" reads oddly: a photo is sent, a kind chosen.
        return FieldError(path, {"file": "missing_file", "kind": "missing_choice"}.get(path, "missing_value"))
    if kind == "extra_forbidden":
        return FieldError(path, "unknown_field")
    if kind in ("literal_error", "enum"):
        return FieldError(path, "not_a_choice", {"choices": _choices(str(ctx.get("expected", "")))})
    if kind == "string_too_short":
        if value == "" or (isinstance(value, str) and not value.strip()):
            return FieldError(path, "missing_value")
        return FieldError(path, "too_short", {"min_length": ctx.get("min_length", 1),
                                              "length": len(value) if isinstance(value, str) else 0})
    if kind == "string_too_long":
        return FieldError(path, "too_long", {"max_length": ctx.get("max_length", 0),
                                             "length": len(value) if isinstance(value, str) else 0})
    if kind == "string_pattern_mismatch":
        return _pattern_error(path, str(ctx.get("pattern", "")))
    if kind in ("too_short", "too_long"):  # lists
        if kind == "too_short":
            return FieldError(path, "choose_at_least_one" if ctx.get("min_length") == 1 else "too_few_items",
                              {"min_length": ctx.get("min_length", 1)})
        return FieldError(path, "too_many_items", {"max_length": ctx.get("max_length", 0)})
    if kind.startswith("string"):
        return FieldError(path, "not_text")
    if kind.startswith("bool"):
        return FieldError(path, "not_yes_or_no")
    if kind.startswith("datetime"):
        return FieldError(path, "invalid_datetime")
    if kind.startswith("date"):
        return FieldError(path, "invalid_date")
    if kind.startswith("int"):
        return FieldError(path, "not_a_whole_number")
    if kind.startswith(("float", "decimal")) and kind not in ("decimal_max_digits", "decimal_max_places",
                                                               "decimal_whole_digits"):
        return FieldError(path, "not_a_number")
    if kind.startswith("decimal"):
        return FieldError(path, "amount_invalid")
    if kind in ("greater_than", "greater_than_equal"):
        return FieldError(path, "too_small", {"low": _number(ctx.get("gt", ctx.get("ge")))})
    if kind in ("less_than", "less_than_equal"):
        return FieldError(path, "too_big", {"high": _number(ctx.get("lt", ctx.get("le")))})
    if kind in ("list_type", "set_type", "tuple_type"):
        return FieldError(path, "not_a_list")
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return FieldError(path, "not_an_object")
    return FieldError(path, "invalid_value")


def _choices(expected: str) -> str:
    """pydantic's "'living' or 'nursing'" (or "1, 2 or 3") as "living, nursing", as the domain's errors
    list them (backend/materials/service.py)."""
    quoted = re.findall(r"'((?:[^'\\]|\\.)*)'", expected)
    items = quoted or [part.strip() for part in re.split(r",| or ", expected) if part.strip()]
    return ", ".join(items)


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _pattern_error(path: str, pattern: str) -> FieldError:
    if match := _DIGITS.fullmatch(pattern):
        return FieldError(path, "digits_only", {"count": int(match.group(1))})
    if match := _ALTERNATIVES.fullmatch(pattern):
        return FieldError(path, "not_a_choice", {"choices": ", ".join(match.group(1).split("|"))})
    if pattern == MONTH_PATTERN:
        return FieldError(path, "month_invalid")
    return FieldError(path, "wrong_format")


def _too_large(app: Flask) -> tuple[str, dict[str, Any]]:
    """A body over MAX_CONTENT_LENGTH. For a photo upload (multipart) the limit said is the photo's own
    (settings.max_upload_bytes): MAX_CONTENT_LENGTH adds room for the multipart frame, which is no
    business of the person. Any other request is too large as a whole, not "the photo"."""
    if request.mimetype == "multipart/form-data":
        limit_bytes = app.extensions["liangbu_runtime"].settings.max_upload_bytes
        code = "payload_too_large"
    else:
        limit_bytes = app.config.get("MAX_CONTENT_LENGTH") or 0
        code = "request_too_large"
    megabytes = max(1, limit_bytes // (1024 * 1024))
    return code, {"limit": say("size.megabytes", request_locale(), count=megabytes).text,
                  "limit_bytes": limit_bytes}


def init_problems(app: Flask) -> None:
    @app.before_request
    def _json_too_deep() -> None:
        # JSON nested thousands deep ({"a":{"a":...) makes the parser exceed Python's recursion limit, which
        # is no ValueError, so Flask would let it through as a 500. Parsed here once (Flask keeps the result
        # for the route); any other malformed body is left to the schema's own invalid_json answer.
        if request.is_json and request.get_data(cache=True):
            try:
                request.get_json()
            except RecursionError:
                raise ApiProblem(400, "invalid_json") from None
            except HTTPException:
                pass

    @app.errorhandler(domain.DomainError)
    def _domain(error: domain.DomainError):
        status = next((code for cls, code in STATUS_FOR if isinstance(error, cls)), 400)
        headers = {}
        if isinstance(error, domain.StaleVersion):
            headers["ETag"] = f'"{error.current_version}"'
        if isinstance(error, domain.AuthenticationFailed):
            headers["WWW-Authenticate"] = 'Bearer realm="liangbu"'
        return problem_response(status, error.code, params=error.params, errors=error.errors, headers=headers,
                                text_code=error.text_code)

    @app.errorhandler(ApiProblem)
    def _api(error: ApiProblem):
        return problem_response(error.status, error.code, params=error.params, errors=error.errors,
                                headers=error.headers)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        if error.response is not None and error.code == 422:
            return error.response  # flask-openapi3's validation responses are already problems
        status = error.code or 500
        code = {404: "route_not_found", 405: "method_not_allowed", 413: "payload_too_large",
                415: "unsupported_media_type", 400: "invalid_request"}.get(status, _fallback_code(status))
        params: dict[str, Any] = {}
        headers: dict[str, str] = {}
        if status == 405:
            params["method"] = request.method
            allowed = getattr(error, "valid_methods", None)
            if allowed:
                headers["Allow"] = ", ".join(allowed)
        if status == 413:
            code, params = _too_large(app)
        return problem_response(status, code, params=params, headers=headers)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if outage.database_unavailable(error):
            return database_unavailable_problem(error)
        incident = uuid.uuid4().hex[:12]
        log.exception("unhandled error, incident %s, %s %s", incident, request.method, request.path)
        return problem_response(500, "internal_error", extra={"incident": incident})
