"""Mainland ID cards and certificates print simplified characters (通用规范汉字表). The recogniser's dictionary
also holds traditional ones, and a blurred 贾 can come out as 賈 with high confidence: such a reading must not
be offered as certain. ocr/data/traditional.txt lists traditional characters with their simplified forms,
built from OpenCC's table by scripts/build_ocr_data.py (characters that are simplified ones too, such as 乾 and
於, are not in it, and neither are the 通用规范汉字表's own, such as 昇, 甦 and 陞, which OpenCC respells though
names print them). The table is not used to respell. Instead a traditional character weighs a tenth of a
simplified one when the looks are fused (`MainlandPrint`): the simplified runner-up the recogniser also saw
(贾 behind 賈) wins unless the looks are ten times surer of the traditional one, and the looks that read the
traditional form count for the simplified one against any other character (埡 for 垭 against 场). Measured on
the benchmark's names (docs/ocr.md): two more right on the second set, none lost on either."""

from __future__ import annotations

import functools
from pathlib import Path

from ocr.fields.layout import Value

TRADITIONAL_FILE = Path(__file__).resolve().parent.parent / "data" / "traditional.txt"


@functools.lru_cache(maxsize=1)
def _simplified_of() -> dict[str, str]:
    """Each traditional character and its simplified form."""
    lines = TRADITIONAL_FILE.read_text(encoding="utf-8").splitlines()
    return {line[0]: line[1] for line in lines if len(line) == 2}


def is_traditional(char: str) -> bool:
    return char in _simplified_of()


def simplified(char: str) -> str:
    """The simplified form of a traditional character; any other character as it is."""
    return _simplified_of().get(char, char)


def has_traditional(value: Value) -> bool:
    return any(is_traditional(ch) for ch in value.text)


TRADITIONAL_WEIGHT = 0.1


class MainlandPrint:
    """What mainland documents print, for fusing looks (`fields/looks.py`): simplified characters."""

    def weight(self, char: str) -> float:
        """How likely `char` is to be printed, relative to a simplified character."""
        return TRADITIONAL_WEIGHT if char in _simplified_of() else 1.0

    def same_character(self, printed: str, read: str) -> bool:
        """Whether `read` is `printed` in its traditional form (賈 for 贾): evidence for it, not against."""
        return _simplified_of().get(read) == printed


MAINLAND_PRINT = MainlandPrint()
