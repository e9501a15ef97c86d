"""What a turn says besides the question, as data: a catalog key and its parameters, never words.

Its own module because every part of a turn (the commands, the kinds of question, the saving) says
something, and `said_words.py` renders it; they all import it from here rather than from each other."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backend.errors import FieldError


@dataclass(frozen=True)
class Said:
    """Something said to the person besides the question: a catalog key, its parameters, and, for a
    correction, the stable code of what was wrong."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    code: str | None = None
    field_error: FieldError | None = None   # said through the field's own error message


def not_understood(code: str, params: dict[str, Any] | None = None) -> Said:
    """The correction for an answer not understood: the catalog's `conversation.not_understood.CODE`, whose
    code is also the stable code the API gives."""
    return Said(f"conversation.not_understood.{code}", dict(params or {}), code=code)
