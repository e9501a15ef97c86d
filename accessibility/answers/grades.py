"""The disability grade (残疾等级) 1-4 as people say it: 一级, 壹级 (printed on some certificates), 1级,
１级, I级/Ⅰ级, 第一级, 一级残疾, 肢体二级, or the bare number; and the severity words.

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
from accessibility.answers.text import compact, small_number

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


def parse_grade(text: str) -> Understood[int] | Ambiguous[int] | NotUnderstood:
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
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
