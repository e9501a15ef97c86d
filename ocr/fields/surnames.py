"""A name's surname, weighed by how common it is (ocr/data/surname_frequency.txt, sinonym's ORCID counts, written
by scripts/build_ocr_surname_frequency.py).

Surnames are few and very unequal: 闫 is 65 times commoner than 同, 罗 a hundred times commoner than 梦, and 在
is no surname at all. Where the looks are unsure of the first character (under 0.7), its candidates (what was
read, and the runners-up seen at 0.02 or more that are surnames) are weighed by their vote times their frequency,
as a person reading a smudged name would: 闫嘉 read 同嘉 at 0.65 with 闫 behind it (fresh benchmark set 14100000,
photo 14100024) is 闫嘉. Frequency tips a close vote and no more: a candidate counts at most 20 times as common
as what was read. A name so respelled is a guess for the applicant to confirm (0.6 at most). A surname the looks
are surer of is never respelled: 阎 read at 0.85 with 闫 behind it stays 阎, and names without surnames
(transliterated ones, 扎西 and the like) are read clearly too; but one the table does not hold, or one whose
weighed share is under 90 %, is never certain.

The benchmark draws surnames from the hundred commonest only, so it cannot show the harm this could do to a rare
surname: the limits above (the looks' 0.7, the runner-up's 0.02, the factor of 20, the guess's 0.6) come from
reasoning about such names (季 with 李 behind it, 覃 with 谭), not from measurement."""

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
# A first character the looks gave less than this is doubtful enough to be respelled (the misreadings found gave
# 同 0.65, 影 0.65, 梦 0.30); 阎 read at 0.85 with 闫 behind it stays 阎, and both are surnames.
RESPELL_UNDER = 0.7
# A runner-up seen less likely than this is not a candidate: the recogniser always names three.
RUNNER_UP_SEEN = 0.02
# A candidate counts at most this many times as common as the surname read: frequency tips a close vote, it
# does not overrule the looks (李, 85 times commoner, seen at 0.02 behind a 季 read at 0.6 leaves it 季).
COMMONER_AT_MOST = 20
# Surnames the table does not hold count as its rarest (0.1 per million): rare, not impossible.
UNLISTED = 0.1
# A surname kept whose weighed share falls under this is never certain: 同 read at 0.95 with 闫 seen at 0.05.
OUTWEIGHED = 0.9
# A surname written in from its frequency was not read: the name is offered as a guess to confirm.
RESPELLED_AT_MOST = 0.6


@functools.lru_cache(maxsize=1)
def surname_frequency() -> dict[str, float]:
    """Each single-character surname and how common it is, in parts per million."""
    return {surname: float(ppm) for surname, ppm in rows(SURNAME_FREQUENCY_FILE)}


def given_name_start(name: str) -> int:
    """Where the given name starts: after a two-character surname (皇甫), else after the first character."""
    return 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1


def weigh_surname(value: Value, confidence: float) -> tuple[Value, float]:
    """The name with its surname weighed, and its confidence:
    - a surname the looks gave under RESPELL_UNDER, outweighed by a runner-up the table holds, is respelled; the
      name is then a guess to confirm (RESPELLED_AT_MOST);
    - a surname kept that the table does not hold, or whose weighed share is under OUTWEIGHED, is never certain.
    Names without a weighable surname are returned as they are: a 复姓, a name with a middle dot, one character."""
    text = value.text
    if len(text) < 2 or "·" in text or given_name_start(text) == 2:
        return value, confidence
    frequency = surname_frequency()
    read = text[0]
    votes: dict[str, float] = {read: value.confidences[0]}
    for char, vote in (value.alternatives[0] if value.alternatives else ()):
        char = simplified(char)          # 馮 seen is a vote for 冯
        if vote >= RUNNER_UP_SEEN and char in frequency:
            votes[char] = votes.get(char, 0.0) + vote
    read_frequency = frequency.get(read, UNLISTED)
    weighed = {c: v * min(frequency.get(c, UNLISTED), COMMONER_AT_MOST * read_frequency) for c, v in votes.items()}
    total = sum(weighed.values())
    best = max(weighed, key=weighed.__getitem__)       # the reading itself when nothing was seen at all
    if value.confidences[0] >= RESPELL_UNDER or best == read:
        if read not in frequency or (total > 0 and weighed[read] / total < OUTWEIGHED):
            confidence = min(confidence, 0.85)
        return value, confidence
    share = weighed[best] / total
    respelled = Value(best + text[1:], (share, *value.confidences[1:]),
                      (tuple((c, v) for c, v in votes.items() if c != best), *value.alternatives[1:]), value.box)
    return respelled, min(share, *value.confidences[1:], RESPELLED_AT_MOST)
