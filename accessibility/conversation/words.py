"""Words the prompt, the summary and what is said before the question all build alike: sentences one to
a line, the yes and no choices, digits read back in groups, and the two setup answers, the other benefits
and what one pays a month said back.

Its own module because `question_words.py`, `summary.py` and `said_words.py` each need them, and they
need not import each other for it."""
from __future__ import annotations

from typing import Any

from backend.messages.catalog import Words, say
from backend.policy.presenter import join, yuan


def lines(parts: list[Words]) -> Words:
    """Sentences one to a line (a line break is the same in every language)."""
    return Words("\n".join(p.text for p in parts), "\n".join(p.easy_read for p in parts))


def yes_no(locale: str) -> list[tuple[str, Words]]:
    return [("是", say("conversation.yes", locale)), ("不是", say("conversation.no", locale))]


def spaced(value: str) -> str:
    """Digits in groups of four, as they are read back ("5002 3219 5004 1233 19")."""
    return " ".join(value[index:index + 4] for index in range(0, len(value), 4))


def setup_words(step_id: str, value: Any, locale: str) -> Words:
    if value is None:
        return say("conversation.summary.not_filled", locale)
    if step_id == "subsidies":
        return join([say(f"subsidy.{s}", locale) for s in value], locale)
    return say(f"conversation.applying_as.{value}", locale)


def benefits_words(value: list[str], locale: str) -> Words:
    if not value:
        return say("conversation.benefits.none", locale)
    return join([say(f"benefit.{b}", locale) for b in value], locale)


def benefit_amount_label(benefit: str, locale: str) -> Words:
    """"高龄津贴每月金额": the label of one benefit's amount (the prompt's input, the summary's line)."""
    return say("conversation.label.benefit_amount", locale, benefit=say(f"benefit.{benefit}", locale))


def amount_words(amount: str, locale: str) -> Words:
    """"85元" ("85.00" as stored)."""
    return say("conversation.benefit_amount.value", locale, amount=yuan(amount) or amount)
