"""Characters the recogniser reads with confidence 0.9 or more where another name character is printed, once
the print is blurred as in a phone photo: 森 for 淼, 赞 for 赟 (ocr/data/confusable.txt, written by
scripts/build_ocr_confusables.py by printing the 4,000 most frequent given-name characters in the generator's
faces, blurring and reading them). Every look then agrees on the wrong character, so agreement proves nothing:
a name or address holding such a character is never offered as certain (fields/common.py). It is not
respelled: a clearly printed 森 is far more common than a blurred 淼."""

from __future__ import annotations

import functools
from pathlib import Path

from ocr.fields.layout import Value

CONFUSABLE_FILE = Path(__file__).resolve().parent.parent / "data" / "confusable.txt"


@functools.lru_cache(maxsize=1)
def printed_for() -> dict[str, frozenset[str]]:
    """Each character read and the characters it was read for."""
    table: dict[str, set[str]] = {}
    for line in CONFUSABLE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            read, printed = line.split()
            table.setdefault(read, set()).add(printed)
    return {read: frozenset(printed) for read, printed in table.items()}


def may_be_another(value: Value) -> bool:
    table = printed_for()
    return any(ch in table for ch in value.text)
