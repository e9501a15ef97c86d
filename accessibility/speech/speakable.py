"""Text as it should be read aloud: numbers, dates, amounts, percentages and ID-like digit strings
written out as words, because espeak-ng's Mandarin voice drops symbols such as ¥ and reads digits in
a voice of its own (shared/REFERENCE.md, espeak-ng 1.51).

Mandarin conventions followed: years digit by digit (二零二六年), months and days as numbers (十一月
二十五日), amounts in 元角分 (80.50元 -> 八十元五角), long digit strings digit by digit with 幺 for 1 as
numbers are read on the phone, 两 before measure words (2个 -> 两个), percentages as 百分之. Codes are
read digit by digit whatever their length: ID, certificate and phone numbers, rooms (2705室), house numbers
(联合路25号) and numbers after 尾号/编号/门牌号; a masked number's hidden part is said as such
(139****1542 -> 幺三九,中间四位隐去了,幺五四二), never read as an amount.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

import cn2an

_DIGIT_WORDS = "零一二三四五六七八九"
# Reading codes and ID numbers digit by digit, 1 is 幺: it cannot be mistaken for 七 (shared convention
# for phone numbers, room numbers and ID numbers in Mandarin).
_CODE_DIGIT_WORDS = "零幺二三四五六七八九"
_MEASURE_WORDS = "个项种位张次份本页件岁步条类级人户元块天周月"

_DATE = re.compile(r"(?<![0-9])([0-9]{4})\s*(?:年|-|/|\.)\s*([0-9]{1,2})\s*(?:月|-|/|\.)\s*([0-9]{1,2})\s*[日号]?(?![0-9])")
_YEAR_MONTH = re.compile(r"(?<![0-9])([0-9]{4})\s*(?:年\s*([0-9]{1,2})\s*月|-([0-9]{2})(?![0-9-]))")
_YEAR = re.compile(r"(?<![0-9])([0-9]{4})\s*年")
# 1,234.56 but not the "90," of "¥90，2026" (NFKC turns the Chinese comma into an ASCII one)
_MONEY = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_AMOUNT_BEFORE = re.compile(rf"[¥￥]\s*({_MONEY})(?:\s*元)?")
_AMOUNT_AFTER = re.compile(rf"(?<![0-9.,])({_MONEY})\s*(?:元|块钱|块)")
_PER = re.compile(r"\s*/\s*(月|年|人|天|次|户)")
_PERCENT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*%")
_TIME_RANGE = re.compile(r"(?<![0-9])([0-9]{1,2}:[0-9]{2})\s*[-~～至]\s*([0-9]{1,2}:[0-9]{2})(?![0-9])")
_TIME = re.compile(r"(?<![0-9])([0-9]{1,2}):([0-9]{2})(?![0-9])")
_RANGE = re.compile(r"(?<![0-9])([0-9]{1,3})\s*[-~～至]\s*([0-9]{1,3})(?![0-9])")
_GROUPED_CODE = re.compile(r"(?<![0-9])[0-9]{3,8}(?:[ -][0-9]{3,8})+[Xx]?(?![0-9])")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")
# Letters that begin a code (the application reference LB2026...): spelt, and kept apart from its digits.
_CODE_LETTERS = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,4})(?=[0-9]{5,})")
_CODE = re.compile(r"(?<![0-9])[0-9]{5,}[Xx]?(?![0-9])|(?<![0-9])0[0-9]+(?![0-9])")
# Masked numbers ("139****1542", "5002**********3319", "************1234"): the digits shown are a code,
# read digit by digit, and the mask is said as how many digits are hidden.
_MASKED = re.compile(r"(?<![0-9])([0-9]*)(\*{2,})([0-9]*[Xx]?)(?![0-9])")
# Numbers that are codes, whatever their length: rooms (2705室), house numbers in an address (联合路25号,
# 3组12号), and what follows 尾号, 编号, 门牌号, 房号.
_ROOM = re.compile(r"(?<![0-9])([0-9]+)(?=\s*(?:室|号房|房间))")
_HOUSE = re.compile(r"(?<=[路街巷道村组弄里栋幢楼队社院区镇乡])\s*([0-9]{2,})(?=\s*号)")
_LABELLED = re.compile(r"(?<=尾号|编号|房号)([:：是为\s]*)([0-9]+[Xx]?)(?![0-9])|(?<=门牌号|房间号)([:：是为\s]*)([0-9]+)(?![0-9])")
_DECIMAL = re.compile(r"(?<![0-9.])([0-9]+)\.([0-9]+)(?![0-9.])")
_INTEGER = re.compile(r"[0-9]+")

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def speakable_text(text: str, locale: str) -> str:
    """`text` with everything a voice would misread written out in words of `locale`'s language."""
    text = unicodedata.normalize("NFKC", text)
    if locale.lower().startswith("en"):
        return _english(text)
    return _mandarin(text)


def _mandarin(text: str) -> str:
    text = _MASKED.sub(_masked, text)
    text = _ROOM.sub(lambda m: _digits(m[1]), text)
    text = _HOUSE.sub(lambda m: _digits(m[1]), text)
    text = _LABELLED.sub(lambda m: (m[1] or m[3] or "") + _digits(m[2] or m[4]), text)
    text = _DATE.sub(lambda m: f"{_year(m[1])}年{_count(m[2])}月{_count(m[3])}日", text)
    text = _YEAR_MONTH.sub(lambda m: f"{_year(m[1])}年{_count(m[2] or m[3])}月", text)
    text = _YEAR.sub(lambda m: f"{_year(m[1])}年", text)
    text = _TIME_RANGE.sub(lambda m: f"{m[1]}到{m[2]}", text)
    text = _TIME.sub(_clock, text)
    text = _RANGE.sub(lambda m: f"{_count(m[1])}到{_count(m[2])}", text)
    text = _AMOUNT_BEFORE.sub(lambda m: _yuan(m[1]) or m[0], text)
    text = _AMOUNT_AFTER.sub(lambda m: _yuan(m[1]) or m[0], text)
    text = _PER.sub(lambda m: f"每{m[1]}", text)
    text = _PERCENT.sub(lambda m: f"百分之{_number(m[1])}", text)
    text = _GROUPED_CODE.sub(_grouped_digits, text)
    text = _CODE.sub(lambda m: _digits(m[0]), text)
    text = _DECIMAL.sub(lambda m: _number(m[0]), text)
    text = _INTEGER.sub(_counted, text)
    # Spaces mean nothing between Chinese words and would make two recordings of one sentence.
    return _CJK_SPACE.sub("", text)


def _year(digits: str) -> str:
    return "".join(_DIGIT_WORDS[int(d)] for d in digits)


def _digits(code: str) -> str:
    return "".join("艾克斯" if c in "Xx" else _CODE_DIGIT_WORDS[int(c)] for c in code)


def _masked(match: re.Match[str]) -> str:
    """"139****1542" -> "幺三九,中间四位隐去了,幺五四二"."""
    head, mask, tail = match[1], match[2], match[3]
    if not head and not tail:
        return match[0]
    hidden = _count(str(len(mask)))
    hidden = "两" if hidden == "二" else hidden
    where = "中间" if head and tail else "前面" if tail else "后面"
    return ",".join(part for part in (_digits(head), f"{where}{hidden}位隐去了", _digits(tail)) if part)


def _grouped_digits(match: re.Match[str]) -> str:
    """"139 1234 5678" -> "幺三九,幺二三四,五六七八": digit by digit, a pause where the groups were."""
    groups = re.split(r"[ -]", match[0])
    if sum(len(g) for g in groups) < 7:
        return match[0]
    return ",".join(_digits(g) for g in groups)


def _count(digits: str) -> str:
    return cn2an.an2cn(str(int(digits)))


def _number(text: str) -> str:
    return cn2an.an2cn(text)


def _counted(match: re.Match[str]) -> str:
    """A plain integer: 两 before a measure word (2个 -> 两个, 2000元 -> 两千元), 二 otherwise (第2步)."""
    words = _count(match[0])
    following = match.string[match.end(): match.end() + 1]
    preceding = match.string[max(0, match.start() - 1): match.start()]
    if words == "二" and following and following in _MEASURE_WORDS and preceding != "第":
        return "两"
    if re.match(r"二[千万亿]", words):
        return "两" + words[1:]
    return words


def _yuan(amount_text: str) -> str | None:
    try:
        amount = Decimal(amount_text.replace(",", "")).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None
    yuan = int(amount)
    cents = int((amount - yuan) * 100)
    jiao, fen = divmod(cents, 10)
    words = ""
    if yuan or not cents:
        integer = _count(str(yuan))
        if integer == "二":
            integer = "两"
        elif re.match(r"二[千万亿]", integer):
            integer = "两" + integer[1:]
        words = f"{integer}元"
    if jiao:
        words += f"{_DIGIT_WORDS[jiao]}角"
    if fen:
        words += f"{'零' if yuan and not jiao else ''}{_DIGIT_WORDS[fen]}分"
    return words


def _clock(match: re.Match[str]) -> str:
    hours, minutes = int(match[1]), int(match[2])
    if hours > 24 or minutes > 59:
        return match[0]
    spoken_hours = "两" if hours == 2 else _count(str(hours))
    return f"{spoken_hours}点" + (f"{_count(str(minutes))}分" if minutes else "")


def _english(text: str) -> str:
    def date_words(m: re.Match[str]) -> str:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if not 1 <= month <= 12:
            return m[0]
        return f"{day} {_EN_MONTHS[month - 1]} {year}"

    text = _DATE.sub(date_words, text)
    text = _AMOUNT_BEFORE.sub(lambda m: _english_yuan(m[1]), text)
    text = _AMOUNT_AFTER.sub(lambda m: _english_yuan(m[1]), text)
    text = _PER.sub(lambda m: {"月": " a month", "年": " a year", "人": " a person", "天": " a day"}.get(m[1], m[0]), text)
    text = _MASKED.sub(_english_masked, text)
    text = _CODE_LETTERS.sub(lambda m: " ".join(m[1].upper()) + " ", text)
    return _CODE.sub(lambda m: " ".join(m[0].upper()), text)


def _english_masked(match: re.Match[str]) -> str:
    head, mask, tail = match[1], match[2], match[3]
    if not head and not tail:
        return match[0]
    hidden = f"{len(mask)} digits hidden"
    return ", ".join(part for part in (" ".join(head.upper()), hidden, " ".join(tail.upper())) if part)


def _english_yuan(amount_text: str) -> str:
    amount = Decimal(amount_text.replace(",", "")).quantize(Decimal("0.01"))
    yuan = int(amount)
    cents = int((amount - yuan) * 100)
    return f"{yuan} yuan" + (f" {cents} fen" if cents else "")
