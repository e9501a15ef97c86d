"""Shared normalisation of free answers: typed on a phone keyboard (full-width digits, stray spaces) or
recognised from a WeChat voice message (punctuation such as "。", digits read out as 幺三九, 两 for 2)."""
from __future__ import annotations

import re
import unicodedata

import cn2an

# Chinese and ASCII punctuation that carries no meaning in a short answer. NFKC already folds the
# full-width forms (，？！：；（）) to ASCII; the ideographic ones below have no compatibility mapping.
_PUNCTUATION = set("""!"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~""") | set(
    "。，、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—–～·・﹏"
)

# Digits read out one by one. 幺 (1), 两 (2), 拐 (7), 勾 (9) and 洞 (0) are how numbers are read aloud
# on the phone and the radio; ○ (U+25CB) is typed for 〇 by many input methods.
DIGIT_CHARACTERS: dict[str, str] = {
    **{str(d): str(d) for d in range(10)},
    "零": "0", "〇": "0", "○": "0", "洞": "0",
    "一": "1", "壹": "1", "幺": "1",
    "二": "2", "贰": "2", "两": "2",
    "三": "3", "叁": "3",
    "四": "4", "肆": "4",
    "五": "5", "伍": "5",
    "六": "6", "陆": "6",
    "七": "7", "柒": "7", "拐": "7",
    "八": "8", "捌": "8",
    "九": "9", "玖": "9", "勾": "9",
}

# Digits whose reading is unambiguous inside a counted number (十二, 二十一): not 幺/拐/勾/洞.
_COUNTING_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_TEN = "十拾"


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms (NFKC); Ⅳ becomes IV."""
    return unicodedata.normalize("NFKC", text)


def is_punctuation_or_space(character: str) -> bool:
    return character in _PUNCTUATION or character.isspace()


def words_of(text: str) -> str:
    """An English answer's lower-case words and digits, one space between ("Xiaodian District, Taiyuan" ->
    "xiaodian district taiyuan"; "I can't see" -> "i cant see")."""
    return " ".join(re.findall(r"[a-z0-9]+", fold_width(text).lower().replace("'", "")))


def compact(text: str) -> str:
    """Width-folded, lower-cased, without whitespace or punctuation: the form answers are matched in."""
    return "".join(c for c in fold_width(text).lower() if not is_punctuation_or_space(c))


def split_clauses(text: str) -> list[str]:
    """The answer cut at its punctuation ("不是，我是他儿子" -> ["不是", "我是他儿子"]), each compacted."""
    parts = re.split(r"[,.;:!?，。；：！？、\s]+", fold_width(text).lower())
    return [c for c in (compact(p) for p in parts) if c]


def digits_read_out(text: str) -> str | None:
    """"幺三九" -> "139", "一九八零" -> "1980"; None when a character is not a digit read out one by one."""
    out = []
    for character in text:
        digit = DIGIT_CHARACTERS.get(character)
        if digit is None:
            return None
        out.append(digit)
    return "".join(out)


def small_number(text: str) -> int | None:
    """A counted number below 100 as people say it for months, days, grades and list positions:
    "12", "十二", "二十一", "廿一", "卅", "两", "零五". None for anything else."""
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text) if int(text) < 100 else None
    if len(text) == 1 and text in _COUNTING_DIGITS:
        return _COUNTING_DIGITS[text]
    if len(text) == 2 and text[0] in "零〇" and text[1] in _COUNTING_DIGITS:
        return _COUNTING_DIGITS[text[1]]
    match = re.fullmatch(rf"([一二两三四五六七八九壹贰叁肆伍陆柒捌玖]?)([{_TEN}廿卅])([一二三四五六七八九壹贰叁肆伍陆柒捌玖]?)", text)
    if match:
        tens_digit, ten, units = match.groups()
        if ten == "廿":
            if tens_digit:
                return None
            tens = 20
        elif ten == "卅":
            if tens_digit:
                return None
            tens = 30
        else:
            tens = 10 * (_COUNTING_DIGITS[tens_digit] if tens_digit else 1)
        return tens + (_COUNTING_DIGITS[units] if units else 0)
    return None


def chinese_integer(text: str) -> int | None:
    """Any whole number as written or said: "1980", "一九八零" (read digit by digit), "两千零一",
    "一百二十" (cn2an, whose "smart" mode reads both forms). None when it is not a number."""
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    read_out = digits_read_out(text)
    if read_out is not None and len(text) > 1:
        return int(read_out)
    small = small_number(text)
    if small is not None:
        return small
    if not all(c in _COUNTING_DIGITS or c in "十拾百佰千仟万" or c.isdigit() for c in text):
        return None
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError):
        return None
    return int(value) if float(value).is_integer() else None


def trimmed_variants(text: str, leading: tuple[str, ...], trailing: tuple[str, ...]) -> list[str]:
    """The text with leading and trailing filler words taken off in every order ("那就跳过吧" -> "跳过吧",
    "那就跳过", "跳过", ...), the text itself first."""
    seen: list[str] = []
    frontier = [text]
    while frontier:
        current = frontier.pop()
        if not current or current in seen:
            continue
        seen.append(current)
        frontier.extend(current[len(w):] for w in leading if current.startswith(w) and len(current) > len(w))
        frontier.extend(current[: -len(w)] for w in trailing if current.endswith(w) and len(current) > len(w))
    return seen
