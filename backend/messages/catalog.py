"""The message registry and its rendering.

A message has a stable key, a standard text and an easy-read text (short sentences, common words, one
idea each: REFERENCE.md's plain-language guidance). In the .po catalogs each form is one entry whose
context (msgctxt) is the key, or the key plus "#easy", so two messages that share a Chinese sentence can
still be translated differently. Placeholders use Python's brace syntax ({length})."""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class Label(Words):
    """A thing's name as shown on its own, a heading on the screen ("Home address", "Your note"). Put into a sentence
    of a language that writes articles and capitals, `say` fits it to its place there (`_in_sentence`): "Please fill
    in the home address.", "You have not filled in your note yet.", "The bank account number must be ..."."""


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
    labels = {name for name, value in params.items() if isinstance(value, Label)}
    fitting = bool(labels) and locale.split("_")[0] in _LABELS_FIT_THE_SENTENCE

    def fill(template: str, values: Mapping[str, object]) -> str:
        return _fill_fitting_labels(template, values, labels) if fitting else _fill(template, values)

    return Words(
        fill(standard, {k: (v.text if isinstance(v, Words) else v) for k, v in params.items()}),
        fill(easy, {k: (v.easy_read if isinstance(v, Words) else v) for k, v in params.items()}),
    )


def day_words(day: date | str, locale: str) -> Words:
    """A day in a sentence as the locale writes it (2026年12月10日 in Chinese): an ISO date (2026-12-10) is hard to
    read for a person who reads little, and is a machine's form."""
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return say("date.day", locale, year=day.year, month=day.month, day=day.day)


def month_words(month: str, locale: str) -> Words:
    """A calendar month in a sentence as the locale writes it (2026年11月 in Chinese), for a month the API writes
    YYYY-MM (2026-11): "从2026-11开始算钱" reads as a code to a person who reads little. Anything else (an empty or
    unexpected value) is said as it is."""
    parts = month.split("-") if isinstance(month, str) else []
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        return Words(str(month), str(month))
    return say("date.month", locale, year=int(parts[0]), month=int(parts[1]))


def join(words: list[Words], locale: str, separator: str = "list.separator") -> Words:
    """Several words as one list, separated as `locale` separates lists (、 in Chinese, ", " in English). A list of
    labels is a label, fitted into its sentence as one; the items after the first are already inside it ("ID card
    number, disability certificate number")."""
    sep = say(separator, locale)
    if words and all(isinstance(w, Label) for w in words):
        rest = [Label(_inside(w.text), _inside(w.easy_read)) for w in words[1:]]
        return Label(sep.text.join(w.text for w in [words[0], *rest]),
                     sep.easy_read.join(w.easy_read for w in [words[0], *rest]))
    return Words(sep.text.join(w.text for w in words), sep.easy_read.join(w.easy_read for w in words))


def _inside(label: str) -> str:
    """A label as written inside a sentence: lower case, but an acronym such as "ID" keeps its capitals (Chinese,
    which has no case, is unchanged)."""
    first = label.split(" ", 1)[0]
    if not label or (len(first) > 1 and first[1:] != first[1:].lower()):
        return label
    return label[0].lower() + label[1:]


def _fill(template: str, params: Mapping[str, object]) -> str:
    try:
        return template.format_map(_Strict(params))
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not break the response; the catalog test
        # catches it before release. Fall back to the raw template rather than fail.
        return template


# Languages whose labels change in a sentence: a heading's capital goes mid-sentence, and a noun takes an article.
# Chinese writes a label in a sentence as it is shown.
_LABELS_FIT_THE_SENTENCE = {"en"}
_DETERMINERS = {"the", "a", "an", "your", "my", "our", "their", "his", "her", "its", "this", "that", "these",
                "those", "each", "every", "any", "no", "which", "whose", "what", "another"}
_SENTENCE_ENDS = (".", "!", "?")
_QUOTES = ("“", "‘", '"', "'", "«")


def _fill_fitting_labels(template: str, params: Mapping[str, object], labels: set[str]) -> str:
    """`_fill`, with each label among `params` fitted to its place in the sentence (`_in_sentence`)."""
    formatter = string.Formatter()
    try:
        parts = list(formatter.parse(template))
        written = ""
        after_placeholder = False
        for index, (literal, name, spec, conversion) in enumerate(parts):
            written += literal
            if name is None:
                continue
            if name not in params:
                raise KeyError(name)
            if name in labels:
                following = parts[index + 1][0] if index + 1 < len(parts) else ""
                written, text = _in_sentence(str(params[name]), written, following,
                                             after_placeholder=after_placeholder and not literal.strip())
                written += text
            else:
                value = formatter.convert_field(params[name], conversion) if conversion else params[name]
                written += formatter.format_field(value, spec or "")
            after_placeholder = True
        return written
    except (KeyError, IndexError, ValueError):
        return template


def _in_sentence(label: str, before: str, after: str, *, after_placeholder: bool) -> tuple[str, str]:
    """A label as a sentence says it, from the words around it: capitalised where the sentence starts and in lower
    case inside it (an acronym such as "ID" keeps its capitals), with "the" where a noun needs an article and the
    sentence gives none ("Please fill in the photo of the consent"), none before a label that has its own ("your
    note", also where the sentence wrote "the {field}"), none where it is used as a heading or listed after a colon
    ("Home address: ...", "Please upload: photo of ..."), and quoted as printed. Returns the text before it (an
    article the label replaces is taken out) and the label."""
    if not label or before.rstrip().endswith(_QUOTES):
        return before, label
    first = label.split(" ", 1)[0]
    own_determiner = first.lower() in _DETERMINERS
    article = re.search(r"(?:^|(?<=\s))(the|a|an)\s+$", before, flags=re.IGNORECASE)
    starts = False
    if own_determiner and article:  # "the {field}" with "Your note": "your note"
        starts = article.group(1)[0].isupper()
        before = before[:article.start()]
    previous = re.search(r"([A-Za-z']+)\s*$", before)
    if not starts:
        starts = not before.strip() or before.rstrip().endswith(_SENTENCE_ENDS)
    # "the same {field}": "same" follows an article of its own.
    determined = bool(previous) and (previous.group(1).lower() in _DETERMINERS | {"same"}
                                     or previous.group(1).endswith("'s"))
    # Used as a heading ("Home address: ..."), or named after a colon as an item of a list ("Please upload: photo of
    # the disability certificate").
    heading = after.lstrip().startswith(":") or before.rstrip().endswith(":")
    text = _inside(label)
    if not (own_determiner or determined or heading or after_placeholder):
        text = "the " + text
    if starts:
        text = text[0].upper() + text[1:]
    return before, text


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
