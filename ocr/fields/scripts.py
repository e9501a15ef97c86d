"""Mainland ID cards and certificates print simplified characters (通用规范汉字表). The recogniser's dictionary
also holds traditional ones, and a blurred 贾 can come out as 賈 with high confidence: such a reading must not
be offered as certain. ocr/data/traditional.txt lists traditional characters with their simplified forms,
built from OpenCC's table by scripts/build_ocr_data.py (characters that are simplified ones too, such as 乾 and
於, are not in it). The table is not used to respell: it also turns 昇, a standard name character, into 升."""

from __future__ import annotations

import functools
from pathlib import Path

from ocr.fields.layout import Value

TRADITIONAL_FILE = Path(__file__).resolve().parent.parent / "data" / "traditional.txt"


@functools.lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    return frozenset(line[0] for line in TRADITIONAL_FILE.read_text(encoding="utf-8").splitlines() if len(line) == 2)


def has_traditional(value: Value) -> bool:
    table = _traditional()
    return any(ch in table for ch in value.text)
