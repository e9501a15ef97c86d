"""What a parser makes of one free answer: understood, ambiguous (ask a follow-up), or not understood.

Parsers never raise for a bad answer and never return words for people: a `NotUnderstood` carries a
stable `code` and `params`, and the message catalog turns them into a kind, specific correction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Mapping, TypeVar, Union

T = TypeVar("T")


@dataclass(frozen=True)
class Understood(Generic[T]):
    """The answer means `value`. `note` flags an assumption the conversation may want to confirm
    (for example `two_digit_year_assumed`)."""

    value: T
    note: str | None = None


@dataclass(frozen=True)
class Ambiguous(Generic[T]):
    """The answer fits each of `options`; `code` says why, so the follow-up question can say it too
    ("重度" fits grades 1 and 2: code `severity_word`)."""

    options: tuple[T, ...]
    code: str


@dataclass(frozen=True)
class NotUnderstood:
    """The answer cannot be used; `code` and `params` name what is wrong (`id_wrong_length`,
    `{"length": 17, "expected": 18}`). Params never hold the answer's digits themselves."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


Answer = Union[Understood[T], Ambiguous[T], NotUnderstood]
