"""Telling the documents apart (`auto`) by the words only one of them prints."""

from __future__ import annotations

import re

from ocr.engines.boundary import TextLine

_MARKS = {
    "disability_certificate": ("残疾人证", "残疾类别", "残疾等级", "证号", "发证日期", "类别", "等级", "残疾"),
    "id_card_front": ("公民身份号码", "住址", "民族", "出生", "身份号码"),
    "id_card_back": ("签发机关", "有效期限", "居民身份证", "签发", "机关"),
}


def detect_kind(lines: list[TextLine]) -> str | None:
    text = "".join(line.text for line in lines)
    scores = {kind: sum(1 for mark in marks if mark in text) for kind, marks in _MARKS.items()}
    kind, best = max(scores.items(), key=lambda kv: kv[1])
    if best == 0 or list(scores.values()).count(best) > 1:
        return _by_number(lines)
    return kind


def _by_number(lines: list[TextLine]) -> str | None:
    """With every label washed out, a legible number still tells: 20 digits are a certificate's, 18 an ID
    card front's (the back carries none)."""
    runs = [len(m.group()) for line in lines for m in re.finditer(r"[0-9Xx]{18,}", line.text.replace(" ", ""))]
    if any(n >= 20 for n in runs):
        return "disability_certificate"
    if any(n == 18 for n in runs):
        return "id_card_front"
    return None
