"""The message registry and its rendering.

A message has a stable key, a standard text and an easy-read text (short sentences, common words, one
idea each: REFERENCE.md's plain-language guidance). In the .po catalogs each form is one entry whose
context (msgctxt) is the key, or the key plus "#easy", so two messages that share a Chinese sentence can
still be translated differently. Placeholders use Python's brace syntax ({length})."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

from backend.messages.locales import DEFAULT_LOCALE, SUPPORTED_LOCALES, normalise_locale

LOCALE_DIR = Path(__file__).parent / "locale"
EASY_SUFFIX = "#easy"


@dataclass(frozen=True)
class Message:
    key: str
    standard: str
    easy_read: str

    def placeholders(self) -> set[str]:
        return _placeholders(self.standard) | _placeholders(self.easy_read)


@dataclass(frozen=True)
class Words:
    """One thing said, in the locale asked for, in both forms."""

    text: str
    easy_read: str

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "easy_read": self.easy_read}


_REGISTRY: dict[str, Message] = {}


def define(key: str, standard: str, easy_read: str) -> Message:
    """Registers a message. Keys are stable: clients and tests may rely on them."""
    message = Message(key, standard, easy_read)
    existing = _REGISTRY.get(key)
    if existing is not None and existing != message:
        raise ValueError(f"message key defined twice with different texts: {key}")
    _REGISTRY[key] = message
    return message


def registry() -> Mapping[str, Message]:
    return _REGISTRY


def get_message(key: str) -> Message:
    return _REGISTRY[key]


def say(message: Message | str, locale: str = DEFAULT_LOCALE, /, **params: object) -> Words:
    """Renders a message. A parameter that is itself `Words` contributes its standard form to the
    standard text and its easy-read form to the easy-read text."""
    if isinstance(message, str):
        message = _REGISTRY[message]
    locale = normalise_locale(locale)
    table = _translations(locale)
    standard = table.get((message.key, message.standard), message.standard)
    easy = table.get((message.key + EASY_SUFFIX, message.easy_read), message.easy_read)
    return Words(
        _fill(standard, {k: (v.text if isinstance(v, Words) else v) for k, v in params.items()}),
        _fill(easy, {k: (v.easy_read if isinstance(v, Words) else v) for k, v in params.items()}),
    )


def day_words(day: date | str, locale: str) -> Words:
    """A day in a sentence as the locale writes it (2026年12月10日 in Chinese): an ISO date (2026-12-10) is hard to
    read for a person who reads little, and is a machine's form."""
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return say("date.day", locale, year=day.year, month=day.month, day=day.day)


def join(words: list[Words], locale: str, separator: str = "list.separator") -> Words:
    """Several words as one list, separated as `locale` separates lists (、 in Chinese, ", " in English)."""
    sep = say(separator, locale)
    return Words(sep.text.join(w.text for w in words), sep.easy_read.join(w.easy_read for w in words))


def _fill(template: str, params: Mapping[str, object]) -> str:
    try:
        return template.format_map(_Strict(params))
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not break the response; the catalog test
        # catches it before release. Fall back to the raw template rather than fail.
        return template


class _Strict(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@lru_cache(maxsize=None)
def _translations(locale: str) -> dict[tuple[str, str], str]:
    if locale == DEFAULT_LOCALE or locale not in SUPPORTED_LOCALES:
        return {}
    path = LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    table: dict[tuple[str, str], str] = {}
    for entry in catalog:
        if not entry.id or not entry.string or entry.fuzzy or not entry.context:
            continue
        table[(entry.context, entry.id)] = entry.string
    return table


def reload_translations() -> None:
    _translations.cache_clear()
