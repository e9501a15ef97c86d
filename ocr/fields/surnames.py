"""A name's surname, weighed by how common it is (ocr/data/surname_frequency.txt, sinonym's ORCID counts, written
by scripts/build_ocr_surname_frequency.py).

Surnames are few and very unequal: 闫 is 65 times commoner than 同, 罗 a hundred times commoner than 梦, and 在
is no surname at all. Where the looks are unsure of the first character, its candidates (what was read and the
runners-up) are weighed by their vote times their frequency, as a person reading a smudged name would: 闫嘉 read
同嘉 at 0.65 with 闫 behind it (fresh benchmark set 14100000, photo 14100024) is 闫嘉. A surname the looks are
sure of is never respelled: 仲 read clearly stays 仲, however common 钟 is, and names without surnames
(transliterated ones, 扎西 and the like) are read clearly too. Whatever is written in, or read but unknown or
outweighed, is never certain."""

from __future__ import annotations

import functools

from ocr.fields.layout import Value
from ocr.fields.scripts import simplified
from ocr.fields.tables import DATA, rows

SURNAME_FREQUENCY_FILE = DATA / "surname_frequency.txt"
# Two-character surnames (复姓): the given name starts after them, and they are not weighed.
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文",
                     "司徒", "司空", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "闻人", "呼延", "澹台", "公冶",
                     "太史", "申屠", "钟离", "濮阳", "万俟", "赫连", "拓跋", "百里", "东郭", "第五", "左丘", "梁丘")
# A first character the looks gave less than this is doubtful, and may be respelled.
SURE = 0.9
# Surnames the table does not hold count as its rarest (0.1 per million): rare, not impossible.
UNLISTED = 0.1
# A surname read whose weighed share falls under this is never certain: 同 read at 0.99 with 闫 seen at 0.005.
OUTWEIGHED = 0.9


@functools.lru_cache(maxsize=1)
def surname_frequency() -> dict[str, float]:
    """Each single-character surname and how common it is, in parts per million."""
    return {surname: float(ppm) for surname, ppm in rows(SURNAME_FREQUENCY_FILE)}


def given_name_start(name: str) -> int:
    """Where the given name starts: after a two-character surname (皇甫), else after the first character."""
    return 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1


def weigh_surname(value: Value, confidence: float) -> tuple[Value, float]:
    """The name with its surname weighed, and its confidence:
    - a doubtful surname outweighed by a runner-up is respelled; the name is then as sure as that runner-up's
      weighed share and its other characters, and never certain;
    - a surname kept that the table does not hold, or whose weighed share is under OUTWEIGHED, is never certain.
    Names without a weighable surname are returned as they are: a 复姓, a name with a middle dot, one character."""
    text = value.text
    if len(text) < 2 or "·" in text or given_name_start(text) == 2 or not value.alternatives:
        return value, confidence
    frequency = surname_frequency()
    votes: dict[str, float] = {text[0]: value.confidences[0]}
    for char, vote in value.alternatives[0]:
        char = simplified(char)          # 馮 seen is a vote for 冯
        votes[char] = votes.get(char, 0.0) + vote
    weighed = {c: v * frequency.get(c, UNLISTED) for c, v in votes.items()}
    total = sum(weighed.values())
    best = max(weighed, key=weighed.__getitem__)
    if value.confidences[0] >= SURE or best == text[0]:
        if text[0] not in frequency or weighed[text[0]] / total < OUTWEIGHED:
            confidence = min(confidence, 0.85)
        return value, confidence
    share = weighed[best] / total
    respelled = Value(best + text[1:], (share, *value.confidences[1:]),
                      (tuple((c, v) for c, v in votes.items() if c != best), *value.alternatives[1:]), value.box)
    return respelled, min(share, *value.confidences[1:], 0.85)
