"""Characters the recogniser reads with confidence 0.9 or more where another name character is printed, once
the print is blurred as in a phone photo: 森 for 淼, 赞 for 赟 (ocr/data/confusable.txt, written by
scripts/build_ocr_confusables.py by printing the 4,000 most frequent given-name characters in the generator's
faces, blurring and reading them). Every look then agrees on the wrong character, so agreement proves nothing:
a name or address holding such a character is never offered as certain (fields/common.py). It is not
respelled: a clearly printed 森 is far more common than a blurred 淼."""

from __future__ import annotations

import functools

from ocr.fields.layout import Value
from ocr.fields.surnames import given_name_start
from ocr.fields.tables import DATA, rows

CONFUSABLE_FILE = DATA / "confusable.txt"
NAME_FREQUENCY_FILE = DATA / "name_frequency.txt"
# A given-name character is certain only if, each candidate weighed by its likelihood times how often given names
# hold it, the one read keeps 90 % of the weight: the runners-up seen at 0.02 or more weigh under a ninth of it.
# 谭字 read at 0.94 with 宇 (150 times commoner) behind 字 at 0.05 does not; nor does 温风东 read at 0.91 with 凤 (4.4
# times commoner) behind 风 at 0.08 (fresh set 23300000 with real names, photo 23300141: 0.909 and wrong).
RUNNER_UP_SEEN = 0.02
OUTWEIGHED_WITHIN = 1 / 9
# The commonest given-name characters: 96.7 % of the given-name characters ngender counts. One outside them is
# rare in names but may be common in print, where the recogniser learned its odds (型, 听, 号, 或).
COMMON_IN_NAMES = 1000


@functools.lru_cache(maxsize=1)
def printed_for() -> dict[str, frozenset[str]]:
    """Each character read and the characters it was read for."""
    table: dict[str, set[str]] = {}
    for read, printed in rows(CONFUSABLE_FILE):
        table.setdefault(read, set()).add(printed)
    return {read: frozenset(printed) for read, printed in table.items()}


def may_be_another(value: Value) -> bool:
    table = printed_for()
    return any(ch in table for ch in value.text)


@functools.lru_cache(maxsize=1)
def name_frequency() -> dict[str, int]:
    """How often each character occurs in given names (ocr/data/name_frequency.txt, from ngender's table)."""
    return {character: int(count) for character, count in rows(NAME_FREQUENCY_FILE)}


@functools.lru_cache(maxsize=1)
def common_in_names() -> frozenset[str]:
    """The COMMON_IN_NAMES given-name characters ngender counts most often."""
    frequency = name_frequency()
    return frozenset(sorted(frequency, key=frequency.__getitem__, reverse=True)[:COMMON_IN_NAMES])


def rare_in_names(value: Value) -> bool:
    """Whether a given-name character read is outside the commonest thousand. The recogniser learned its odds
    from general print, where 型 and 听 are common; in names they are rare, and a name character it does not
    know well is most often read as one of them. Every look then agrees: 唐堃秀 read 唐型秀 at 0.95 on a dim card
    (fresh benchmark set 12100000, photo 12100065, 堃 not even a runner-up), 郭昕丽 read 郭听丽 at 0.99 on a
    sharp one (12500206). A name truly holding such a character (骉, 燚, 弢) is kept, only never certain: by the
    same counts one given-name character in thirty is outside them, and the applicant is asked to confirm it."""
    common = common_in_names()
    return any(ch not in common for ch in value.text[given_name_start(value.text):] if ch != "·")


def outweighed_in_a_name(value: Value) -> bool:
    """Whether a given-name character was read where the recogniser also saw a far commoner name character
    (字 with 宇 behind it, on a dim, glared card). Every look may agree on the rarer one, so their agreement
    proves nothing; the reading is kept (rare characters are what names are made of), only never certain.
    The first character is the surname's, whose frequencies this table does not count."""
    frequency = name_frequency()
    alternatives = value.alternatives or ()
    for i, options in enumerate(alternatives[1:len(value.text)], start=1):
        read = value.confidences[i] * max(frequency.get(value.text[i], 0), 1)
        runners_up = sum(p * frequency.get(ch, 0) for ch, p in options if p >= RUNNER_UP_SEEN)
        if runners_up > OUTWEIGHED_WITHIN * read:
            return True
    return False
