"""A monthly amount of money in yuan, as people say it: "85", "85元", "八十五块", "一千二" (1200), "两千五百块钱",
"85.5", "八十五块五" (85.5), "八十五元五角", "每个月领八百左右", "￥1,200". The whole number is read by
`chinese_integer` (digits, Chinese numerals counted or read out one by one), as dates' years are.

Understanding only: whether the amount is acceptable (more than 0, at most 100000, to the fen) is the
field check's (`backend/applications/fields.py`), which the conversation calls next.

Codes returned:
- `empty`: nothing said.
- `amount_per_year`: a yearly amount ("一年一万"); the question is what is paid a month.
- `amount_unclear`: no amount could be read.
"""
from __future__ import annotations

import re
from decimal import Decimal

from accessibility.answers.results import NotUnderstood, Understood
from accessibility.answers.text import DIGIT_CHARACTERS, chinese_integer, fold_width

_NUMERAL = "0-9零〇○一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟幺"
_DIGIT = "0-9零〇一二两三四五六七八九"
_AMOUNT = re.compile(
    rf"(?P<yuan>[{_NUMERAL}]+)(?:[.点](?P<decimals>[{_DIGIT}]{{1,2}}))?"
    rf"(?:(?P<unit>元|圆|块钱|块|yuan|rmb|kuai)(?:(?P<jiao>[{_DIGIT}])(?:角|毛)?)?(?:(?P<fen>[{_DIGIT}])分)?)?(?:钱|人民币)?")
# Words around the amount that say nothing about it ("每个月领", "大概", "左右", "吧").
_BEFORE = re.compile(r"^(?:我|他|她|俺|孩子|申请人)?(?:现在)?(?:每个月|每月|一个月|一月|月)?(?:能|可以|大概|大约|差不多|约)?"
                     r"(?:领|拿|发|给|有|是|领到|拿到|发了|给了)?(?:大概|大约|差不多|约)?")
_AFTER = re.compile(r"(?:一个月|每个月|每月|一月|amonth|permonth|eachmonth|everymonth)?(?:左右|上下|出头|多|的样子)?(?:吧|呢|啊|呀|的)?$")
_PER_YEAR = re.compile(r"一年|每年|年")
_PER_YEAR_IN_ENGLISH = re.compile(r"ayear|peryear|eachyear|everyyear|yearly|annual")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_SPACES_AND_STOPS = re.compile(r"[\s。！!，,？?~～、]+")


def parse_amount(text: str) -> Understood[Decimal] | NotUnderstood:
    """An amount in yuan, as a Decimal (to the fen when said). Codes: `empty`, `amount_per_year`,
    `amount_unclear`."""
    folded = _THOUSANDS.sub("", fold_width(text).replace("￥", "¥")).lower()
    answer = _SPACES_AND_STOPS.sub("", folded).lstrip("¥")
    if not answer:
        return NotUnderstood("empty")
    if _PER_YEAR.search(answer) or _PER_YEAR_IN_ENGLISH.search(answer):
        return NotUnderstood("amount_per_year")
    answer = _AFTER.sub("", _BEFORE.sub("", answer, count=1), count=1)
    match = _AMOUNT.fullmatch(answer)
    if not match:
        return NotUnderstood("amount_unclear")
    yuan = chinese_integer(match["yuan"])
    if yuan is None:
        return NotUnderstood("amount_unclear")
    amount = Decimal(yuan)
    if match["decimals"]:
        amount += Decimal("0." + _digits(match["decimals"]))
    elif match["jiao"] or match["fen"]:
        amount += Decimal(_digits(match["jiao"] or "0")) / 10 + Decimal(_digits(match["fen"] or "0")) / 100
    return Understood(amount)


def _digits(text: str) -> str:
    return "".join(DIGIT_CHARACTERS[character] for character in text)
