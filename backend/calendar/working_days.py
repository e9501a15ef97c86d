"""China's working-day calendar, for deadlines counted in working days.

Seed 001 item 7: a cross-province application is pushed to the home county within 3 working days and
decided there within 10; seed 002 applies the same rule to online applications from the day their
materials are complete. Working days follow the official holidays and make-up working days (调休).

For each day, the first source that knows its year answers:

1. ``chinesecalendar`` (the installed release knows the years up to its table; 1.11 ends with 2026);
2. a holiday notice loaded from TOML (``backend/calendar/notices/`` and any directories passed in; see
   ``holiday_notices`` for the format), for a year ``chinesecalendar`` does not know yet;
3. an estimate from the law (weekends, statutory holidays and their substitute days; see
   ``statutory_holidays``) for 2025-2099. Any answer that counted an estimated day says so
   (``estimated=True``) and names the estimate in its ``basis``, so that a deadline shown to a person
   can say it may move once the year's notice is out.

A year before 2025 that neither source knows (before 2004) raises ``YearNotCovered``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

from backend.calendar.holiday_notices import (
    HolidayNotice,
    InvalidHolidayNotice,
    NoticeHoliday,
    load_notice,
    load_notices,
)
from backend.calendar.statutory_holidays import FIRST_YEAR, LAST_YEAR, estimated_days_off

__all__ = [
    "DayInfo",
    "HolidayNotice",
    "InvalidHolidayNotice",
    "NoticeHoliday",
    "SHIPPED_NOTICES",
    "WorkingDayAnswer",
    "WorkingDayCalendar",
    "WorkingDayCount",
    "YearNotCovered",
    "load_notice",
]

SHIPPED_NOTICES = Path(__file__).resolve().parent / "notices"

_CC_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
_CC_VERSION = chinese_calendar.__version__


class YearNotCovered(ValueError):
    """No source knows this year: not chinesecalendar, no loaded notice, and outside the estimate."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"no working-day calendar for {year}: chinesecalendar {_CC_VERSION} covers "
            f"{_CC_YEARS.start}-{_CC_YEARS.stop - 1}, the estimate {FIRST_YEAR}-{LAST_YEAR}, and no notice was loaded"
        )


@dataclass(frozen=True)
class WorkingDayAnswer:
    day: date
    estimated: bool  # True if any day counted came from the fallback estimate
    basis: tuple[str, ...]  # the sources of the days counted, in order


@dataclass(frozen=True)
class WorkingDayCount:
    count: int
    estimated: bool
    basis: tuple[str, ...]


@dataclass(frozen=True)
class DayInfo:
    day: date
    is_working_day: bool
    name: str | None  # the holiday, or the holiday a make-up working day is for, when the source says
    basis: str
    estimated: bool


class WorkingDayCalendar:
    def __init__(self, notice_dirs: Sequence[Path] = ()) -> None:
        """Loads the shipped notices and those in ``notice_dirs`` now, so that a bad file fails at
        start-up (``InvalidHolidayNotice``), not in the middle of a request."""
        self._notices: dict[int, HolidayNotice] = load_notices([SHIPPED_NOTICES, *map(Path, notice_dirs)])
        # Days a notice names explicitly, including make-up days it sets in the previous December.
        self._notice_days: dict[date, tuple[bool, str, HolidayNotice]] = {}
        for notice in self._notices.values():
            for day, name in notice.days_off().items():
                self._notice_days[day] = (False, name, notice)
            for day in notice.make_up_working_days:
                self._notice_days[day] = (True, _make_up_name(notice, day), notice)

    @property
    def notices(self) -> dict[int, HolidayNotice]:
        """The notices loaded, by year (including ones for years chinesecalendar covers, which it wins)."""
        return dict(self._notices)

    def is_working_day(self, day: date) -> bool:
        return self.day_info(day).is_working_day

    def is_estimated(self, year: int) -> bool:
        """True when no official source (chinesecalendar or a loaded notice) covers ``year``."""
        return year not in _CC_YEARS and year not in self._notices

    def day_info(self, day: date) -> DayInfo:
        """Whether ``day`` is a working day, why, and from which source."""
        if day.year in _CC_YEARS:
            # chinesecalendar's own rule (is_workday / get_holiday_detail) read from its public tables
            # directly: its functions re-check the year range over the whole table on every call,
            # which made a 10-day count take 0.25 ms.
            basis = f"chinesecalendar {_CC_VERSION} ({day.year})"
            if day in chinese_calendar.workdays:
                return DayInfo(day, True, _chinese_name(chinese_calendar.workdays[day]), basis, False)
            if day in chinese_calendar.holidays:
                return DayInfo(day, False, _chinese_name(chinese_calendar.holidays[day]), basis, False)
            return DayInfo(day, day.weekday() < 5, None, basis, False)
        if day in self._notice_days:
            working, name, notice = self._notice_days[day]
            return DayInfo(day, working, name, _notice_basis(notice), False)
        if day.year in self._notices:
            return DayInfo(day, day.weekday() < 5, None, _notice_basis(self._notices[day.year]), False)
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            name = estimated_days_off(day.year).get(day)
            working = day.weekday() < 5 and name is None
            return DayInfo(day, working, name, f"estimate for {day.year}: weekends and statutory holidays", True)
        raise YearNotCovered(day.year)

    def add_working_days(self, start: date, n: int) -> WorkingDayAnswer:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted; ``n = 0`` gives
        ``start``). ``estimated`` is True if any day looked at on the way came from the estimate."""
        if n < 0:
            raise ValueError("n must be 0 or more")
        day, counted, sources = start, 0, _Sources()
        while counted < n:
            day += timedelta(days=1)
            info = self.day_info(day)
            sources.add(info)
            counted += info.is_working_day
        return WorkingDayAnswer(day=day, estimated=sources.estimated, basis=sources.basis)

    def count_working_days(self, start: date, end: date) -> WorkingDayCount:
        """Working days after ``start`` up to and including ``end``, with where the answer came from.
        Negative (the count from ``end`` to ``start``) when ``end`` is before ``start``."""
        sign = 1
        if end < start:
            start, end, sign = end, start, -1
        count, sources = 0, _Sources()
        day = start
        while day < end:
            day += timedelta(days=1)
            info = self.day_info(day)
            sources.add(info)
            count += info.is_working_day
        return WorkingDayCount(count=sign * count, estimated=sources.estimated, basis=sources.basis)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (see ``count_working_days``)."""
        return self.count_working_days(start, end).count


class _Sources:
    def __init__(self) -> None:
        self._basis: dict[str, None] = {}
        self.estimated = False

    def add(self, info: DayInfo) -> None:
        self._basis.setdefault(info.basis)
        self.estimated = self.estimated or info.estimated

    @property
    def basis(self) -> tuple[str, ...]:
        return tuple(self._basis)


def _chinese_name(english: str | None) -> str | None:
    # chinesecalendar names holidays in English ("National Day"); notices and the estimate use the
    # Chinese names, so DayInfo.name is always the Chinese one.
    if english is None:
        return None
    try:
        return chinese_calendar.Holiday(english).chinese
    except ValueError:
        return english


def _notice_basis(notice: HolidayNotice) -> str:
    return f"holiday notice for {notice.year} ({notice.path.name}): {notice.source}"


def _make_up_name(notice: HolidayNotice, day: date) -> str:
    # A make-up working day belongs to the nearest holiday, as the notices list them under it.
    nearest = min(notice.holidays, key=lambda h: min(abs((day - h.start).days), abs((day - h.end).days)))
    return nearest.name
