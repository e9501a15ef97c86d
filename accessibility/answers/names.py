"""A person's name as said or typed: "王芳", "我叫王芳", "我的名字是王芳", "姓名：王芳。", "王 芳" (a space
typed between the characters), "阿依古丽·买买提" (the middle dot of many minority names is kept; the field
check unifies the dots people type).

The length and characters a name may have are the field's rule (`backend/applications/fields.py`); this
only takes off the words around the name.

Codes returned:
- `empty`: nothing was said.
- `name_has_digits`: digits in the answer (an ID or phone number given to the name question).
- `name_is_a_sentence` {"length": n}: more than 30 characters, a sentence rather than a name.
"""
from __future__ import annotations

import re

from accessibility.answers.results import NotUnderstood, Understood
from accessibility.answers.text import fold_width

_INTRO = re.compile(
    r"^(?:我|本人|申请人|他|她)?(?:的)?(?:名字|姓名|全名)?(?:叫做|叫|是|为|:)?"
)
_TRAILING = re.compile(r"(?:吧|啊|呀|的|了|呢|哦)$")
_EDGE_PUNCTUATION = "。，、！？,.!?:：;；\"'“”‘’（）()《》 "
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
MAX_LENGTH = 30


def parse_name(text: str) -> Understood[str] | NotUnderstood:
    answer = _CJK_GAP.sub("", fold_width(text).strip().strip(_EDGE_PUNCTUATION))
    if not answer:
        return NotUnderstood("empty")
    if any(character.isdigit() for character in answer):
        return NotUnderstood("name_has_digits")
    name = _INTRO.sub("", answer, count=1).strip(_EDGE_PUNCTUATION) or answer
    if len(name) > 1:
        name = _TRAILING.sub("", name) or name
    if len(name) > MAX_LENGTH:
        return NotUnderstood("name_is_a_sentence", {"length": len(name)})
    return Understood(name)
