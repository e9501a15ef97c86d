"""Dates as people type or say them: 1980年5月3日, 1980年05月03日, 80年5月3号, 1980.5.3, 1980-5-3,
1980/5/3, 1980 5 3, 80 5 3, 19800503, 一九八零年五月三日, 二〇〇一年十二月三十一日, full-width digits; "长期" for a validity
that never ends; a month alone ("2030年6月") where the field allows it.

A two-digit year takes the century that puts the date inside the field's window (`not_before`,
`not_after`: a birth date is not in the future, so "80年" is 1980); when both centuries fit, the answer
is ambiguous and the conversation asks. Lunar dates are out of scope: "农历五月初三" is recognised and
refused with its own code, so the person can be asked for the date on their ID card instead.

Codes returned:
- `empty`: nothing was said.
- `lunar_date_given`: the answer is a lunar (农历/阴历) date.
- `long_term_not_allowed`: "长期" for a field that needs a date.
- `no_such_month` {"month": m}: 13月.
- `no_such_date` {"year": y, "month": m, "day": d}: 2月30日.
- `day_missing` {"year": y, "month": m}: a month alone where a full date is needed.
- `month_and_day_missing` {"year": y}: a year alone.
- `year_missing` {"month": m, "day": d}: 5月3日 without a year.
- `date_order_unclear`: day or month first (3/5/1980), which Chinese dates never are.
- `date_digits_wrong_length` {"length": n}: a run of digits that is no date (1980053, an ID number).
- `date_too_late` {"date": iso, "latest": iso} / `date_too_early` {"date": iso, "earliest": iso}: outside
  the field's window (a birth date in the future). `date` is a `YYYY-MM` for a month alone.
- `date_unclear`: nothing like a date.
Ambiguous codes: `two_digit_year_century` (options: the same date in both centuries), `several_dates`
("2015.03.02-2035.03.02": the options are the dates in the order said).
Understood notes: `two_digit_year_assumed`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Union

from accessibility.answers.results import Ambiguous, NotUnderstood, Understood
from accessibility.answers.text import chinese_integer, digits_read_out, fold_width, small_number


@dataclass(frozen=True, order=True)
class YearMonth:
    """A month without a day, for fields that allow one (a validity printed as "2030年6月")."""

    year: int
    month: int

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


class LongTerm:
    """The validity "长期" (no end date), as printed on ID cards issued at 46 or older."""

    _instance: "LongTerm | None" = None

    def __new__(cls) -> "LongTerm":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "LONG_TERM"


LONG_TERM = LongTerm()

DateAnswer = Union[date, YearMonth, LongTerm]

_LUNAR = re.compile(r"农历|阴历|旧历|老历|初[一二三四五六七八九十]|正月|腊月|冬月|闰[一二三四五六七八九十]?月")
_LONG_TERM_WORDS = re.compile(r"长期|永久|终身|无期限|没有期限|没期限|一直有效|不过期")
_STRIP = re.compile(r"[\s。，？！、；：,?!;:\"'“”‘’（）()]+")

_Y4 = r"[0-9]{4}|[零〇○一二三四五六七八九]{4}|[两二一]千[零〇]?[一二三四五六七八九十]*"
_Y2 = r"[0-9]{2}|[零〇○一二三四五六七八九]{2}"
_MD = r"[0-9]{1,2}|[零〇一二两三四五六七八九十廿卅]{1,3}"
_DAY_SUFFIX = r"(?:日|号)?"
_PATTERNS = (
    # 1980年5月3日, 八零年五月三号, 1980年5月 (the day is optional here and checked below)
    re.compile(rf"(?<![0-9])(?P<y>{_Y4}|{_Y2})年(?P<m>{_MD})月(?:份)?(?:(?P<d>{_MD}){_DAY_SUFFIX})?"),
    # 1980.5.3, 1980-05-03, 1980/5/3, 80.5.3, 1980.5
    re.compile(r"(?<![0-9])(?P<y>[0-9]{4}|[0-9]{2})(?P<sep>[./-])(?P<m>[0-9]{1,2})(?:(?P=sep)(?P<d>[0-9]{1,2}))?(?![0-9])"),
    # 19800503
    re.compile(r"(?<![0-9])(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})(?![0-9])"),
)
_DAY_FIRST = re.compile(r"(?<![0-9./-])[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}(?![0-9])")
_YEAR_MONTH_DIGITS = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<m>[0-9]{2})(?![0-9])")
_YEAR_ONLY = re.compile(rf"(?<![0-9])(?P<y>{_Y4}|{_Y2})年")
_NO_YEAR = re.compile(rf"(?P<m>{_MD})月(?P<d>{_MD}){_DAY_SUFFIX}")
_DIGIT_RUN = re.compile(r"[0-9]+")
# Year, month and day typed with spaces between ("1980 5 3", "80 5 3", "1980 05 03"), or a year and a
# month ("2030 6"): the spaces are separators, not to be run together into "198053".
_SPACED = re.compile(r"(?<![0-9])([0-9]{4}|[0-9]{2})\s+([0-9]{1,2})(?:\s+([0-9]{1,2}))?(?![0-9])")
# ... and day first ("3 5 1980"), which is then refused as Chinese dates never are.
_SPACED_DAY_FIRST = re.compile(r"(?<![0-9])([0-9]{1,2})\s+([0-9]{1,2})\s+([0-9]{4})(?![0-9])")


def _dashed(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    if day is None and len(year) != 4:
        return match[0]
    return "-".join(part for part in (year, month, day) if part is not None)


def parse_date(
    text: str,
    *,
    today: date,
    not_before: date | None = None,
    not_after: date | None = None,
    allow_month_only: bool = False,
    allow_long_term: bool = False,
) -> Understood[DateAnswer] | Ambiguous[DateAnswer] | NotUnderstood:
    """The date the answer names, checked against the field's window; `today` places two-digit years
    when no window is given (the century nearer today)."""
    spaced = _SPACED_DAY_FIRST.sub(lambda m: "-".join(m.groups()), fold_width(text).lower())
    answer = _STRIP.sub("", _SPACED.sub(_dashed, spaced)).strip(".-/")
    if not answer:
        return NotUnderstood("empty")
    if _LUNAR.search(answer):
        return NotUnderstood("lunar_date_given")
    if _LONG_TERM_WORDS.search(answer):
        return Understood(LONG_TERM) if allow_long_term else NotUnderstood("long_term_not_allowed")
    if _DAY_FIRST.search(answer):
        return NotUnderstood("date_order_unclear")

    window = _Window(today, not_before, not_after)
    found = _date_parts(answer)
    if not found:
        return _why_no_date(answer, allow_month_only)
    readings = []
    for year_text, month, day in found:
        reading = _read(year_text, month, day, window, allow_month_only)
        if isinstance(reading, NotUnderstood) or len(found) == 1:
            return reading
        readings.append(reading)
    options = []
    for reading in readings:
        if isinstance(reading, Ambiguous):
            return Ambiguous(tuple(o for r in readings for o in _options(r)), code="several_dates")
        options.append(reading.value)
    return Ambiguous(tuple(options), code="several_dates")


def parse_birth_date(text: str, *, today: date) -> Understood[DateAnswer] | Ambiguous[DateAnswer] | NotUnderstood:
    """A birth date: not in the future and not more than 120 years ago (so "05年" is 2005, not 1905)."""
    return parse_date(text, today=today, not_before=_years_before(today, 120), not_after=today)


def _options(reading: Understood[DateAnswer] | Ambiguous[DateAnswer]) -> tuple[DateAnswer, ...]:
    return reading.options if isinstance(reading, Ambiguous) else (reading.value,)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class _Window:
    today: date
    not_before: date | None
    not_after: date | None

    def place(self, value: DateAnswer) -> NotUnderstood | None:
        """None when `value` is inside the window, or what is wrong with it."""
        first, last = _span(value)
        if self.not_after is not None and first > self.not_after:
            return NotUnderstood("date_too_late", {"date": value.isoformat(), "latest": self.not_after.isoformat()})
        if self.not_before is not None and last < self.not_before:
            return NotUnderstood(
                "date_too_early", {"date": value.isoformat(), "earliest": self.not_before.isoformat()}
            )
        return None

    @property
    def bounded(self) -> bool:
        return self.not_before is not None or self.not_after is not None


def _span(value: DateAnswer) -> tuple[date, date]:
    if isinstance(value, YearMonth):
        last_day = calendar.monthrange(value.year, value.month)[1]
        return date(value.year, value.month, 1), date(value.year, value.month, last_day)
    return value, value


def _date_parts(answer: str) -> list[tuple[str, str, str | None]]:
    """Every (year, month, day) the answer holds, in order, from the first pattern that finds any."""
    for pattern in _PATTERNS:
        matches = list(pattern.finditer(answer))
        if matches:
            return [(m.group("y"), m.group("m"), m.group("d")) for m in matches]
    if match := _YEAR_MONTH_DIGITS.fullmatch(answer):
        return [(match.group("y"), match.group("m"), None)]
    return []


def _why_no_date(answer: str, allow_month_only: bool) -> NotUnderstood:
    if match := _NO_YEAR.search(answer):
        month, day = small_number(match.group("m")), small_number(match.group("d"))
        if month is not None and day is not None:
            return NotUnderstood("year_missing", {"month": month, "day": day})
    if match := _YEAR_ONLY.search(answer):
        year = _year_number(match.group("y"))
        if year is not None:
            return NotUnderstood("month_and_day_missing", {"year": year})
    runs = _DIGIT_RUN.findall(answer)
    if runs:
        longest = max(runs, key=len)
        if len(longest) >= 5:
            return NotUnderstood("date_digits_wrong_length", {"length": len(longest)})
    return NotUnderstood("date_unclear")


def _year_number(year_text: str) -> int | None:
    read_out = digits_read_out(year_text)
    if read_out is not None:
        return int(read_out)
    return chinese_integer(year_text)


def _read(
    year_text: str, month_text: str, day_text: str | None, window: _Window, allow_month_only: bool
) -> Understood[DateAnswer] | Ambiguous[DateAnswer] | NotUnderstood:
    year = _year_number(year_text)
    month = small_number(month_text)
    day = small_number(day_text) if day_text is not None else None
    if year is None or month is None or (day_text is not None and day is None):
        return NotUnderstood("date_unclear")
    if not 1 <= month <= 12:
        return NotUnderstood("no_such_month", {"month": month})
    two_digit = len(year_text) == 2
    if day is None and not allow_month_only:
        shown_year = year if not two_digit else _nearest_century(year, window.today)
        return NotUnderstood("day_missing", {"year": shown_year, "month": month})

    centuries = (1900 + year, 2000 + year) if two_digit else (year,)
    candidates: list[DateAnswer] = []
    for full_year in centuries:
        if day is None:
            candidates.append(YearMonth(full_year, month))
            continue
        if 1 <= day <= calendar.monthrange(full_year, month)[1]:
            candidates.append(date(full_year, month, day))
    if not candidates:
        shown_year = year if not two_digit else _nearest_century(year, window.today)
        return NotUnderstood("no_such_date", {"year": shown_year, "month": month, "day": day})

    if not two_digit:
        problem = window.place(candidates[0])
        return problem or Understood(candidates[0])
    inside = [c for c in candidates if window.place(c) is None]
    if len(inside) == 1:
        return Understood(inside[0], note="two_digit_year_assumed")
    if len(inside) > 1:
        if not window.bounded:
            nearest = min(inside, key=lambda c: abs(_span(c)[0] - window.today))
            return Understood(nearest, note="two_digit_year_assumed")
        return Ambiguous(tuple(inside), code="two_digit_year_century")
    nearest = min(candidates, key=lambda c: abs(_span(c)[0] - window.today))
    return window.place(nearest) or Understood(nearest, note="two_digit_year_assumed")


def _nearest_century(two_digit_year: int, today: date) -> int:
    return min((1900 + two_digit_year, 2000 + two_digit_year), key=lambda y: abs(y - today.year))
