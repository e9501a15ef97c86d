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
    params = {name: value for name, value in error.params.items() if isinstance(value, (str, int, float))}
    if error.code == "not_a_choice" and params.get("choices"):
        key = "field_error.not_a_choice_listed"  # the same code, saying which choices there are
    if key not in registry():
        key = "field_error.invalid_value"
    words = say(key, locale, **params, field=field_label(error.path, locale))
    return {"field": error.path, "code": error.code, "message": words.text, "easy_read": words.easy_read}
