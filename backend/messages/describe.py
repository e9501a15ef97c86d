"""Turning structured errors into words: one function for the API's problem documents, the
conversation's corrections and the status page's to-do list."""

from __future__ import annotations

from typing import Any

from backend.errors import FieldError
from backend.messages.catalog import Words, registry, say


def field_label(path: str, locale: str) -> Words:
    candidate = path
    while candidate:
        if f"field.{candidate}" in registry():
            return say(f"field.{candidate}", locale)
        candidate = candidate.rpartition(".")[0]
    return Words(path, path)


def describe_field_error(error: FieldError, locale: str) -> dict[str, Any]:
    key = f"field_error.{error.code}"
    if key not in registry():
        key = "field_error.invalid_value"
    params = {name: value for name, value in error.params.items() if isinstance(value, (str, int, float))}
    words = say(key, locale, **params, field=field_label(error.path, locale))
    return {"field": error.path, "code": error.code, "message": words.text, "easy_read": words.easy_read}
