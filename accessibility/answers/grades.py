"""The disability grade (残疾等级) 1-4 as people say it: 一级, 壹级 (printed on some certificates), 1级,
１级, I级/Ⅰ级, 第一级, 一级残疾, 肢体二级, or the bare number; and the severity words. In English too, for a
person reading the prompts in English: "grade 1" (the name the English prompt reads), "grade one", "first grade",
"level II", "1st", "one", and the severity words ("extremely severe", "moderate", "mild"; "severe" asks which).

Severity words follow GB/T 26341-2010 (残疾人残疾分类和分级): 残疾一级 极重度, 二级 重度, 三级 中度,
四级 轻度. But "重度残疾人" is also the policy's name for grades 1 and 2 together (seed 004: "残疾等级被
评定为一级、二级的重度残疾人"), so "重度" alone is ambiguous and gets a follow-up ("一级还是二级？").

Codes returned:
- `empty`: nothing was said.
- `grade_out_of_range` {"grade": n}: a number that is not 1-4 (五级, 0).
- `grade_unclear`: no grade could be found in the answer.
Ambiguous codes: `severity_word` (重度 -> 1 or 2), `several_grades` ("一级或者二级", "肢体二级视力一级").
Understood notes: `severity_word` when the grade came from 极重度/中度/轻度 (worth confirming).
"""
from __future__ import annotations

import re

from accessibility.answers.results import Ambiguous, NotUnderstood, Understood
from accessibility.answers.text import compact, small_number, words_of

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_NUMERAL = r"[0-9一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}|iv|v|i{1,3}"
# 级 and the colloquial 等 ("二等残疾"); 等级 itself is a word, not a grade suffix.
_GRADE_WITH_SUFFIX = re.compile(rf"(?:第)?({_NUMERAL})(?:级|等(?!级))")
_SEVERITY = (("极重度", 1), ("特重度", 1), ("极重", 1), ("重度", None), ("中度", 3), ("轻度", 4))
# Words that may surround the grade without changing it.
_NOISE = re.compile(
    r"残疾人证|残疾证|残疾等级|等级|级别|残疾|第|上面|上|写的|写着|写|我的|我是|他是|她是|我|是的|是|评的|评定|定的|"
    r"大概|应该|好像|吧|啊|呀|了|的|呢|哦"
)

_ENGLISH_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "first": 1, "second": 2,
                    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ENGLISH_NUMERAL = r"\d{1,2}|" + "|".join(_ENGLISH_NUMBERS) + r"|iv|v|i{1,3}"
_ENGLISH_GRADE = re.compile(rf"\b(?:grade|level|class|degree)\s*({_ENGLISH_NUMERAL})\b"
                            rf"|\b({_ENGLISH_NUMERAL})(?:st|nd|rd|th)?\s*(?:grade|level|class|degree)\b")
# Words around a bare number ("it is 2", "the first one") that change nothing.
_ENGLISH_BARE = re.compile(rf"(?:(?:it is|its|it s|the|my|number|no|disability)\s*)*({_ENGLISH_NUMERAL})"
                           r"(?:st|nd|rd|th)?(?:\s*(?:one|disability))*")
_ENGLISH_SEVERITY = (("extremely severe", 1), ("most severe", 1), ("very severe", 1), ("severe", None),
                     ("moderate", 3), ("mild", 4), ("slight", 4))


def parse_grade(text: str) -> Understood[int] | Ambiguous[int] | NotUnderstood:
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    if re.search(r"[a-z]", answer):
        english = _english_grade(text)
        if english is not None:
            return english
    grades = _numbered_grades(answer)
    if len(grades) > 1:
        return Ambiguous(tuple(sorted(grades)), code="several_grades")
    if len(grades) == 1:
        return _in_range(grades.pop())
    severity = _severity(answer)
    if severity is not None:
        return severity
    bare = _NOISE.sub("", answer)
    number = small_number(bare) if bare else None
    if number is None and bare in _ROMAN:
        number = _ROMAN[bare]
    if number is None:
        return NotUnderstood("grade_unclear")
    return _in_range(number)


def _numbered_grades(answer: str) -> set[int]:
    grades = set()
    for match in _GRADE_WITH_SUFFIX.finditer(answer):
        numeral = match.group(1)
        number = _ROMAN.get(numeral, small_number(numeral))
        if number is not None:
            grades.add(number)
    return grades


def _severity(answer: str) -> Understood[int] | Ambiguous[int] | None:
    for word, grade in _SEVERITY:
        if word in answer:
            if grade is None:
                return Ambiguous((1, 2), code="severity_word")
            return Understood(grade, note="severity_word")
    return None


def _in_range(grade: int) -> Understood[int] | NotUnderstood:
    if 1 <= grade <= 4:
        return Understood(grade)
    return NotUnderstood("grade_out_of_range", {"grade": grade})


def _english_grade(text: str) -> Understood[int] | Ambiguous[int] | NotUnderstood | None:
    """The grade in an English answer, None when it names none (the Chinese words may yet)."""
    words = words_of(text)
    said = {_english_number(a or b) for a, b in _ENGLISH_GRADE.findall(words)}
    if len(said) > 1:
        return Ambiguous(tuple(sorted(said)), code="several_grades")
    if len(said) == 1:
        return _in_range(said.pop())
    for word, grade in _ENGLISH_SEVERITY:
        if re.search(rf"\b{word}\b", words):
            if grade is None:
                return Ambiguous((1, 2), code="severity_word")
            return Understood(grade, note="severity_word")
    bare = _ENGLISH_BARE.fullmatch(words)
    return _in_range(_english_number(bare.group(1))) if bare else None


def _english_number(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    return _ENGLISH_NUMBERS.get(numeral) or _ROMAN[numeral]
