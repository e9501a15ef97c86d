"""One of a list of offered choices, picked by its number ("1", "第一个", "一", "最后一个"; a number
with a measure word but no 第, "两项", "两个", counts things and picks nothing), by its name, or by a
distinctive part of it, as in the household status question: 低保 / 低保边缘 / 都不是.

A name inside a longer name of another choice does not count ("低保" in "低保边缘"), and a name said
with a denial ("没有低保", "不是低保户") does not pick it: when every choice mentioned is denied, the
"none of these" choice is the answer ("没有低保" -> none).

Codes returned:
- `empty`: nothing was said.
- `choice_number_out_of_range` {"number": n, "count": c}: "第五个" when four were offered.
- `choice_unclear`: the answer names none of the choices.
Ambiguous code: `several_choices` (the answer names two choices and denies neither).
Understood notes: `by_denial` (the "none" choice, reached because the choices named were denied).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from accessibility.answers.results import Ambiguous, NotUnderstood, Understood
from accessibility.answers.text import compact, small_number


@dataclass(frozen=True)
class Choice:
    """An offered choice: `value` is what the application stores; `names` are the words that pick it
    (its label as read to the person first, then other words people use). `means_none` marks the
    "none of these" choice, which "没有" or "都不是" also pick."""

    value: str
    names: tuple[str, ...]
    means_none: bool = False


# Household status (shared/DESIGN.md: `household.status` is `dibao`, `dibao_marginal` or `none`).
# English too, as compact() leaves it, for a person reading the prompts in English (the English prompt's names:
# "dibao household", "marginal dibao household", "neither").
HOUSEHOLD_STATUS_CHOICES: tuple[Choice, ...] = (
    Choice("dibao", ("低保", "低保户", "低保家庭", "最低生活保障", "吃低保", "享受低保", "dibao", "dibaohousehold",
                     "dibaofamily", "minimumlivingguarantee", "minimumlivingallowance")),
    Choice("dibao_marginal", ("低保边缘", "低保边缘家庭", "低保边缘户", "边缘户", "低边", "低保边缘户家庭",
                              "marginaldibaohousehold", "marginaldibao", "marginaldibaofamily", "neardibaofamily",
                              "neardibao", "marginal", "marginalhousehold", "lowincomemarginal")),
    Choice("none", ("都不是", "都没有", "普通家庭", "一般家庭", "neither", "neitherofthem", "neitherapplies",
                    "nodibao", "ordinaryhousehold", "ordinaryfamily"), means_none=True),
)

_DENIALS = ("不是", "没有", "没得", "不算", "不属于", "没", "不", "非", "无",
            "not", "nota", "no", "neither", "nor", "isnt", "arent", "dontget", "donthave", "doesntget", "doesnthave")
_NONE_WORDS = (
    "没有", "都没有", "都不是", "不是", "没", "没得", "无", "都不", "都没", "啥都没有", "什么都没有", "哪个都不是",
    "啥都不是", "什么都不是", "两个都不是", "都不算", "没有的", "不是的",
    "none", "no", "neither", "nothing", "noneofthem", "noneofthese", "neitherofthem", "notany",
)
_FILLER = re.compile(r"^(?:我选|选|我是|是|我家是|我们家是|我家|我们家|就|要)|(?:吧|啊|呀|的|了|呢|哦|那个|这个)$")
# A position in the list, only where it is clearly one: "第二个", "第2项", "2", "二", "2号". A number
# with a measure word and no 第 counts things ("两项" is "both", "两个" is "two of them"), so it is no
# position, nor is a number inside a longer answer.
_ORDINAL = re.compile(r"第([0-9一二两三四五六七八九十]{1,3})(?:个|项|种|条|号|类)?|([0-9一二两三四五六七八九十]{1,3})号?")
_LAST = ("最后一个", "最后那个", "最后一项", "最后", "last", "thelastone", "thelast", "lastone")
# A position in English: "2", "number 2", "option two", "the second one", "2nd".
_ENGLISH_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                    "ten": 10, "eleven": 11, "twelve": 12, "first": 1, "second": 2, "third": 3, "fourth": 4,
                    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                    "twelfth": 12}
_ENGLISH_ORDINAL = re.compile(r"(?:the|number|no|option|choice|item)*(\d{1,2}|" + "|".join(
    sorted(_ENGLISH_NUMBERS, key=len, reverse=True)) + r")(?:st|nd|rd|th)?(?:one|option|choice)?")


def parse_choice(text: str, choices: Sequence[Choice]) -> Understood[str] | Ambiguous[str] | NotUnderstood:
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    stripped = _strip_fillers(answer)
    for choice in choices:
        if any(compact(name) in (answer, stripped) for name in choice.names):
            return Understood(choice.value)
    by_number = _by_number(stripped, choices)
    if by_number is not None:
        return by_number
    by_mention = _by_mention(answer, choices)
    if by_mention is not None:
        return by_mention
    none_choice = next((c for c in choices if c.means_none), None)
    if none_choice is not None and (answer in _NONE_WORDS or stripped in _NONE_WORDS):
        return Understood(none_choice.value)
    return NotUnderstood("choice_unclear")


def _strip_fillers(answer: str) -> str:
    previous = None
    while previous != answer:
        previous = answer
        stripped = _FILLER.sub("", answer)
        answer = stripped or answer
    return answer


def _by_number(answer: str, choices: Sequence[Choice]) -> Understood[str] | NotUnderstood | None:
    if answer in _LAST:
        return Understood(choices[-1].value)
    match = _ORDINAL.fullmatch(answer)
    english = None if match else _ENGLISH_ORDINAL.fullmatch(answer)
    if not match and not english:
        return None
    if english:
        said = english.group(1)
        number = int(said) if said.isdigit() else _ENGLISH_NUMBERS[said]
    else:
        number = small_number(match.group(1) or match.group(2))
    if number is None:
        return None
    if not 1 <= number <= len(choices):
        return NotUnderstood("choice_number_out_of_range", {"number": number, "count": len(choices)})
    return Understood(choices[number - 1].value)


def _by_mention(answer: str, choices: Sequence[Choice]) -> Understood[str] | Ambiguous[str] | None:
    spans: list[tuple[int, int, int]] = []  # start, end, index of the choice
    for index, choice in enumerate(choices):
        for name in {compact(n) for n in choice.names}:
            for match in re.finditer(re.escape(name), answer):
                spans.append((match.start(), match.end(), index))
    # A name inside a longer name of another choice is that other choice ("低保" in "低保边缘").
    spans = [
        s for s in spans
        if not any(o[2] != s[2] and o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)
    ]
    if not spans:
        return None
    named = {s[2] for s in spans}
    denied = {s[2] for s in spans if answer[: s[0]].endswith(_DENIALS)}
    affirmed = {s[2] for s in spans if not answer[: s[0]].endswith(_DENIALS)}
    # A choice both affirmed and denied ("不是低保，是低保边缘" names 低保 once, denied) keeps its affirmation.
    chosen = sorted(affirmed - (denied - affirmed))
    none_indexes = {i for i, c in enumerate(choices) if c.means_none}
    if len(chosen) == 1:
        return Understood(choices[chosen[0]].value)
    if len(chosen) > 1:
        return Ambiguous(tuple(choices[i].value for i in chosen), code="several_choices")
    if denied == named and none_indexes and not (denied & none_indexes):
        return Understood(choices[min(none_indexes)].value, note="by_denial")
    return None
