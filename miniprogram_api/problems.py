"""Problem details (RFC 9457) for every error, mapped from domain exceptions in this one place.

Every problem has a stable `code`, a localised `title` and `detail` (with easy-read forms), and, when
fields are at fault, `errors` naming each field path with its own message."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from flask import Flask, Response, json, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from backend import errors as domain
from backend.errors import FieldError
from backend.messages.catalog import registry, say
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
    (domain.UpstreamUnavailable, 503),
]


class ApiProblem(Exception):
    """An HTTP-level problem raised by the API layer itself (auth, headers, idempotency)."""

    def __init__(self, status: int, code: str, *, params: dict[str, Any] | None = None,
                 errors: Sequence[FieldError] = (), headers: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.params, self.errors = status, code, params or {}, list(errors)
        self.headers = headers or {}


def problem_response(status: int, code: str, *, params: dict[str, Any] | None = None,
                     errors: Sequence[FieldError] = (), headers: dict[str, str] | None = None,
                     extra: dict[str, Any] | None = None) -> Response:
    locale = request_locale()
    params = {k: v for k, v in (params or {}).items() if isinstance(v, (str, int, float))}
    words = dict(params)
    for name, prefix in (("stage", "stage"), ("decision", "decision")):
        if isinstance(params.get(name), str) and f"{prefix}.{params[name]}" in registry():
            words[f"{name}_label"] = say(f"{prefix}.{params[name]}", locale)
    text_code = code if f"problem.{code}.title" in registry() else _fallback_code(status)
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
    response = Response(json.dumps(body, ensure_ascii=False), status=status,
                        content_type="application/problem+json; charset=utf-8")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _fallback_code(status: int) -> str:
    return {400: "invalid_request", 401: "authentication_required", 403: "not_permitted", 404: "not_found",
            409: "conflict", 422: "invalid_fields", 503: "upstream_unavailable"}.get(status, "error"
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
        field_errors.append(FieldError(path or "body", _pydantic_code(item["type"])))
    return problem_response(422, "invalid_request", errors=field_errors)


def _pydantic_code(kind: str) -> str:
    if kind == "missing":
        return "missing_value"
    if kind == "extra_forbidden":
        return "unknown_field"
    if kind in ("literal_error", "enum"):
        return "not_a_choice"
    if kind.startswith("string") and kind != "string_too_long":
        return "not_text"
    if kind == "string_too_long":
        return "too_long"
    if kind.startswith("bool"):
        return "not_yes_or_no"
    if kind.startswith("date"):
        return "invalid_date"
    return "invalid_value"


def init_problems(app: Flask) -> None:
    @app.errorhandler(domain.DomainError)
    def _domain(error: domain.DomainError):
        status = next((code for cls, code in STATUS_FOR if isinstance(error, cls)), 400)
        headers = {}
        if isinstance(error, domain.StaleVersion):
            headers["ETag"] = f'"{error.current_version}"'
        if isinstance(error, domain.AuthenticationFailed):
            headers["WWW-Authenticate"] = 'Bearer realm="liangbu"'
        return problem_response(status, error.code, params=error.params, errors=error.errors, headers=headers)

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
            megabytes = max(1, (app.config.get("MAX_CONTENT_LENGTH") or 0) // (1024 * 1024))
            params["limit"] = say("size.megabytes", request_locale(), count=megabytes).text
            params["limit_bytes"] = app.config.get("MAX_CONTENT_LENGTH") or 0
        return problem_response(status, code, params=params, headers=headers)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        incident = uuid.uuid4().hex[:12]
        log.exception("unhandled error, incident %s, %s %s", incident, request.method, request.path)
        return problem_response(500, "internal_error", extra={"incident": incident})
