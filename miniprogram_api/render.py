"""JSON responses: UTF-8 Chinese as is, ISO 8601 times, structured errors turned into localised words."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from flask import Response, json

from backend.errors import FieldError
from backend.messages.describe import describe_field_error
from miniprogram_api.locale import request_locale


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldError):
        return describe_field_error(value, request_locale())
    return value


def render(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = Response(json.dumps(_plain(data), ensure_ascii=False), status=status,
                        content_type="application/json; charset=utf-8")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def render_application(document: dict[str, Any], status: int = 200) -> Response:
    return render(document, status, {"ETag": f'"{document["version"]}"'})
