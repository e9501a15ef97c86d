"""The words the English sentences of the conversation tell a person to say are English, and are understood when
said. A person reading in English was told to say “再说一遍” (say it again): words they may not be able to type,
which the English voice read aloud as "Chinese letter"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from babel.messages.pofile import read_po

from accessibility.answers import CommandKind, Understood, parse_amount, parse_choice, parse_yes_no, recognise_command
from accessibility.answers.chat_words import asks_for_status, link_code
from accessibility.chat.official_account import _NEW
from accessibility.answers.text import compact
from accessibility.conversation.agreements import DIFFERENCE_ANSWERS, SUBMIT_CHOICES
from accessibility.conversation.choices import SUBSIDY_CHOICES, parse_applying_as, parse_benefits
from accessibility.conversation.photos import MATERIAL_WORDS
from accessibility.conversation.questions import Asking, question_for
from accessibility.conversation.retake import keeps_the_photo
from backend.messages.catalog import LOCALE_DIR

CHINESE = re.compile(r"[\u4e00-\u9fff]")
# Words printed on a Chinese document, quoted so that the person can find them on it, not to be said.
PRINTED = {"发证日期", "有效期十年"}
ENGLISH = Asking(today=date(2026, 1, 1), applying_as="guardian", locale="en")


def quoted_in_english_conversation() -> dict[str, set[str]]:
    """Each quoted word of the English conversation's sentences, with the messages quoting it."""
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="en")
    found: dict[str, set[str]] = {}
    for entry in catalog:
        if entry.id and entry.context.startswith("conversation."):
            for word in re.findall(r"“([^”]*)”", entry.string):
                found.setdefault(word, set()).add(entry.context)
    return found


def command(kind: CommandKind, **details) -> Callable[[str], bool]:
    def understood(text: str) -> bool:
        said = recognise_command(text)
        return said is not None and said.kind is kind and all(getattr(said, k) == v for k, v in details.items())
    return understood


def parsed(parse: Callable[[str], object], value: object) -> Callable[[str], bool]:
    return lambda text: parse(text) == Understood(value) or getattr(parse(text), "value", None) == value


def field(path: str, value: object) -> Callable[[str], bool]:
    return lambda text: getattr(question_for(path).parse(text, ENGLISH), "value", None) == value


# What each word the English sentences tell people to say does when said.
UNDERSTOOD: dict[str, Callable[[str], bool]] = {
    "skip": command(CommandKind.SKIP), "don't know": command(CommandKind.DONT_KNOW),
    "a person": command(CommandKind.HUMAN), "staff": command(CommandKind.HUMAN),
    "say it again": command(CommandKind.REPEAT), "help": command(CommandKind.HELP), "back": command(CommandKind.BACK),
    "change": command(CommandKind.CHANGE), "change phone": command(CommandKind.CHANGE, field="applicant.phone"),
    "change item 3": command(CommandKind.CHANGE, item=3), "change 3": command(CommandKind.CHANGE, item=3),
    "change {number}": lambda text: command(CommandKind.CHANGE, item=12)(text.format(number=12)),
    "change the validity date": command(CommandKind.CHANGE, field="certificate.valid_until"),
    "yes": parsed(parse_yes_no, True), "agree": parsed(parse_yes_no, True), "no": parsed(parse_yes_no, False),
    "300 yuan": lambda text: parse_amount(text) == Understood(300), "300": lambda text: parse_amount(text) == Understood(300),
    "none": lambda text: parse_benefits(text) == Understood([]),
    "neither": field("household.status", "none"),
    **{word: field("certificate.category", category) for word, category in (
        ("visual", 1), ("hearing", 2), ("speech", 3), ("physical", 4), ("physical disability", 4),
        ("intellectual", 5), ("mental", 6), ("multiple", 7))},
    "grade 1": field("certificate.grade", 1), "1": field("certificate.grade", 1),
    "Wulong District": field("applicant.hukou_region", "500156"),
    "Wulong District, Chongqing": field("applicant.hukou_region", "500156"),
    "Xiaodian District, Taiyuan, Shanxi": field("applied_from_region", "140105"),
    "daughter": field("proxy.relation", "child"), "son": field("proxy.relation", "child"),
    "spouse": field("proxy.relation", "spouse"),
    "myself": parsed(parse_applying_as, "self"), "family": parsed(parse_applying_as, "guardian"),
    "authorised": parsed(parse_applying_as, "entrusted"),
    "apply for both": lambda text: parse_choice(text, SUBSIDY_CHOICES) == Understood("both"),
    "both": lambda text: parse_choice(text, SUBSIDY_CHOICES) == Understood("both"),
    "link": lambda text: link_code(text) is not None,
    "link 123456": lambda text: link_code(text) is not None and link_code(text).code == "123456",
    "new application": lambda text: text in _NEW,
    "check progress": asks_for_status,
    "what I said": lambda text: parse_choice(text, DIFFERENCE_ANSWERS) == Understood("typed"),
    "the photo": lambda text: parse_choice(text, DIFFERENCE_ANSWERS) == Understood("photo"),
    "submit": lambda text: parse_choice(text, SUBMIT_CHOICES) == Understood("submit"),
    "hukou booklet": lambda text: any(compact(word) in compact(text) for word in MATERIAL_WORDS["household_register"]),
    "keep it": keeps_the_photo,
}
# Quoted, but not words to say: examples of an answer's form, placeholders, names of things shown.
EXAMPLES = {"{character}", "{field}", "grade {grade}", "X", "2", "1, 8", "2019-6-10", "2029-6-10", "5, 0, 0, 2…",
            "5 0 0 2", "five thousand and two", "Number 12, Group 3, Qingshan Village", "Wang Fang", "My applications",
            "child without de facto care"}
# Told to say, but not yet understood.
NOT_YET_UNDERSTOOD: set[str] = set()


def test_no_english_sentence_of_the_conversation_tells_people_to_say_chinese_words():
    chinese = {word: keys for word, keys in quoted_in_english_conversation().items()
               if CHINESE.search(word) and word not in PRINTED}
    assert not chinese


def test_every_word_the_english_sentences_tell_people_to_say_is_checked_here():
    quoted = quoted_in_english_conversation()
    unchecked = {word: keys for word, keys in quoted.items()
                 if word not in UNDERSTOOD and word not in EXAMPLES | PRINTED | NOT_YET_UNDERSTOOD}
    assert not unchecked


@pytest.mark.parametrize("word", sorted(UNDERSTOOD))
def test_a_word_the_english_sentences_tell_people_to_say_is_understood_when_said(word):
    assert UNDERSTOOD[word](word), word
