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
NAME_FREQUENCY_FILE = Path(__file__).resolve().parent.parent / "data" / "name_frequency.txt"
# A runner-up this much commoner in given names than the character read, and seen at least this likely, means
# the reading may be the rarer of two look-alikes: 谭字 read at 0.94 with 宇 (150 times commoner) behind 字.
COMMONER_BY = 20
RUNNER_UP_SEEN = 0.02


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


@functools.lru_cache(maxsize=1)
def name_frequency() -> dict[str, int]:
    """How often each character occurs in given names (ocr/data/name_frequency.txt, from ngender's table)."""
    table = {}
    for line in NAME_FREQUENCY_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            character, count = line.split()
            table[character] = int(count)
    return table


def outweighed_in_a_name(value: Value) -> bool:
    """Whether a given-name character was read where the recogniser also saw a far commoner name character
    (字 with 宇 behind it, on a dim, glared card). Every look may agree on the rarer one, so their agreement
    proves nothing; the reading is kept (rare characters are what names are made of), only never certain.
    The first character is the surname's, whose frequencies this table does not count."""
    frequency = name_frequency()
    alternatives = value.alternatives or ()
    for i, options in enumerate(alternatives[1:len(value.text)], start=1):
        read = max(frequency.get(value.text[i], 0), 1)
        if any(p >= RUNNER_UP_SEEN and frequency.get(ch, 0) >= COMMONER_BY * read for ch, p in options):
            return True
    return False
