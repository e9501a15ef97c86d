"""Turning recognised text into typed values: dates, sex, ethnic group, disability category and grade, and
number-like strings, each keeping the confidences of the characters it was made from."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ocr.fields.layout import Value

# The 56 ethnic groups as ID cards print them (without 族).
ETHNIC_GROUPS = frozenset(
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺".split()
)
ETHNIC_ALPHABET = "".join(sorted(set("".join(ETHNIC_GROUPS))))
CATEGORY_WORDS = {"视力": 1, "听力": 2, "言语": 3, "肢体": 4, "智力": 5, "精神": 6, "多重": 7}
# Grades print as 一级 or, on some regions' certificates, 壹级 (REFERENCE.md).
GRADE_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "1": 1, "2": 2, "3": 3, "4": 4}
LONG_TERM = "长期"

# A date's separators, and what the recogniser reads a small dash or dot as (2018-04~23, 2022,12.10: fresh benchmark
# sets 16500000 and 12100000, whose issue dates were lost for it).
_SEPARATOR = r"[.\-/~,，·]"
_DATE = re.compile(rf"(\d{{4}})\s*(?:年|{_SEPARATOR})?\s*(\d{{1,2}})\s*(?:月|{_SEPARATOR})\s*(\d{{1,2}})")
_COMPACT_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
# One separator lost (2012.0301: benchmark photo 5700181, a dark ID card back): two digits each for month and
# day still say where they part.
_HALF_COMPACT_DATES = (re.compile(r"(?<!\d)(\d{4})\s*[年.\-/]\s*(\d{2})(\d{2})(?!\d)"),
                       re.compile(r"(?<!\d)(\d{4})(\d{2})\s*[月.\-/]\s*(\d{2})(?!\d)"))
LOST_SEPARATOR = 0.85      # such a date is never sure by itself: a second look or a check must confirm it


@dataclasses.dataclass(frozen=True)
class Parsed:
    value: object
    confidence: float          # the least confident character that went into the value


def dates_in(value: Value) -> list[tuple[Parsed, int, int]]:
    """Every date in the text, with where it starts and ends; dates that do not exist are skipped."""
    out = _dates_matching(value, (_DATE,)) or _dates_matching(value, (_COMPACT_DATE,))
    if out:
        # A date that lost one separator beside one that did not (2012.03.01-2032.0301).
        out += _dates_matching(value, _HALF_COMPACT_DATES, taken=[(start, end) for _, start, end in out],
                               most=LOST_SEPARATOR)
    else:
        out = _dates_matching(value, _HALF_COMPACT_DATES, most=LOST_SEPARATOR)
    return sorted(out, key=lambda p: p[1])


def _dates_matching(value: Value, patterns, taken=(), *, most: float = 1.0) -> list[tuple[Parsed, int, int]]:
    """Dates matching `patterns` outside the spans `taken`, each no surer than `most`."""
    out: list[tuple[Parsed, int, int]] = []
    taken = list(taken)
    for pattern in patterns:
        for m in pattern.finditer(value.text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            digits = [i for i in range(m.start(), m.end()) if value.text[i].isdigit()]
            least = min((value.confidences[i] for i in digits), default=0.0)
            out.append((Parsed(day, min(least, most)), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return out


def sex_in(value: Value) -> Parsed | None:
    for i, ch in enumerate(value.text):
        if ch in "男女":
            return Parsed("male" if ch == "男" else "female", value.confidences[i])
    return None


def ethnicity_in(value: Value) -> Parsed | None:
    text = value.text.replace("族", "")
    for length in (5, 4, 3, 2, 1):
        for start in range(0, max(len(text) - length + 1, 0)):
            word = text[start:start + length]
            if word in ETHNIC_GROUPS:
                index = value.text.find(word)
                return Parsed(word, min(value.confidences[index:index + length], default=0.0))
    return None


def category_in(value: Value) -> Parsed | None:
    for word, number in CATEGORY_WORDS.items():
        index = value.text.find(word)
        if index >= 0:
            return Parsed(number, min(value.confidences[index:index + 2]))
    return None


def grade_in(value: Value) -> Parsed | None:
    index = value.text.find("级")
    if index >= 1 and value.text[index - 1] in GRADE_WORDS:
        return Parsed(GRADE_WORDS[value.text[index - 1]], min(value.confidences[index - 1:index + 1]))
    return None


def number_in(value: Value, length: int) -> Value | None:
    """The longest run of digits (and X, which only ends an ID number) of at least `length` characters."""
    text = value.text.replace("x", "X")
    best = None
    for m in re.finditer(r"[0-9X]+", text):
        if m.end() - m.start() >= length and (best is None or m.end() - m.start() > best[1] - best[0]):
            best = (m.start(), m.end())
    if best is None:
        return None
    sub = value.sub(*best)
    return Value(text[best[0]:best[1]], sub.confidences, sub.alternatives, sub.box)
