"""The State Council's yearly holiday notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) as a TOML file,
for years the installed ``chinesecalendar`` does not know yet.

Each November the State Council publishes the next year's days off and make-up working days (调休);
``chinesecalendar`` ships them in a release some time after. Between the two, an operator can drop the
notice into a directory as a file such as ``2027.toml``::

    year = 2027
    source = "国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕N号), https://www.gov.cn/..."
    make_up_working_days = [2027-02-14, 2027-02-20]   # weekend days that are working days (调休上班)

    [[holidays]]
    name = "元旦"
    start = 2027-01-01
    end = 2027-01-01        # inclusive; may be left out for a single day

    [[holidays]]
    name = "春节"
    start = 2027-02-05
    end = 2027-02-12

(The dates above only show the format; they are not 2027's arrangement.) In TOML every key after a
``[[holidays]]`` header belongs to that holiday, so ``make_up_working_days`` goes before the first one.

A file is checked strictly, and any problem raises ``InvalidHolidayNotice`` naming the file and the
problem: keys other than the ones above, a missing ``year``/``source``/``holidays``, a value of the wrong
type (dates are TOML dates, not strings or date-times), a holiday that ends before it starts, a date
outside the notice's year (make-up working days may also fall in the previous December, as the 2012
notice's 2011-12-31 did), overlapping holidays, a make-up working day that is not a Saturday or Sunday or
that is also a holiday, and the same make-up day twice.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

_TOP_KEYS = {"year", "source", "holidays", "make_up_working_days"}
_HOLIDAY_KEYS = {"name", "start", "end"}
# A sanity bound on years, not a rule of the notices: the first of these notices is from 1999.
_YEARS = range(1999, 2200)


class InvalidHolidayNotice(ValueError):
    def __init__(self, path: Path, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


@dataclass(frozen=True)
class NoticeHoliday:
    name: str
    start: date
    end: date  # inclusive

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    source: str
    holidays: tuple[NoticeHoliday, ...]
    make_up_working_days: tuple[date, ...]
    path: Path

    def days_off(self) -> dict[date, str]:
        """Every holiday day, with the holiday's name."""
        return {day: holiday.name for holiday in self.holidays for day in holiday.days()}


def load_notice(path: Path) -> HolidayNotice:
    """Read and check one notice file; raises ``InvalidHolidayNotice(path, message)``."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise InvalidHolidayNotice(path, f"cannot be read ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise InvalidHolidayNotice(path, f"is not valid TOML ({error})") from None
    return _check(path, data)


def load_notices(directories: list[Path]) -> dict[int, HolidayNotice]:
    """All ``*.toml`` files in the directories (not their sub-directories), by year. A directory that
    does not exist, or two notices for the same year, raise ``InvalidHolidayNotice``."""
    notices: dict[int, HolidayNotice] = {}
    for directory in directories:
        directory = Path(directory)
        if not directory.is_dir():
            raise InvalidHolidayNotice(directory, "is not a directory of holiday notices")
        for path in sorted(directory.glob("*.toml")):
            notice = load_notice(path)
            if notice.year in notices:
                first = notices[notice.year].path
                raise InvalidHolidayNotice(path, f"year {notice.year} is already given by {first}")
            notices[notice.year] = notice
    return notices


def _check(path: Path, data: dict[str, Any]) -> HolidayNotice:
    def fail(message: str) -> InvalidHolidayNotice:
        return InvalidHolidayNotice(path, message)

    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(_TOP_KEYS))}")
    for key in ("year", "source", "holidays"):
        if key not in data:
            raise fail(f"missing {key!r}")
    year = data["year"]
    if type(year) is not int or year not in _YEARS:
        raise fail(f"'year' must be a whole number between {_YEARS.start} and {_YEARS.stop - 1}")
    source = data["source"]
    if not isinstance(source, str) or not source.strip():
        raise fail("'source' must name the notice (title, number, address)")

    raw_holidays = data["holidays"]
    if not isinstance(raw_holidays, list) or not raw_holidays:
        raise fail("'holidays' must be a list of [[holidays]] tables with at least one holiday")
    holidays: list[NoticeHoliday] = []
    for number, raw in enumerate(raw_holidays, 1):
        where = f"holiday {number}"
        if not isinstance(raw, dict):
            raise fail(f"{where} must be a [[holidays]] table")
        name = raw.get("name")
        if isinstance(name, str) and name.strip():
            where = f"holiday {number} ({name.strip()})"
        unknown = sorted(set(raw) - _HOLIDAY_KEYS)
        if unknown:
            hint = (
                " (top-level keys such as make_up_working_days must come before the first [[holidays]])"
                if set(unknown) & _TOP_KEYS
                else ""
            )
            raise fail(f"{where}: unknown key(s) {', '.join(unknown)}; expected name, start, end{hint}")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"{where}: 'name' is missing or empty")
        if "start" not in raw:
            raise fail(f"{where}: 'start' is missing")
        start = _date(fail, raw["start"], f"{where}: 'start'")
        end = _date(fail, raw.get("end", start), f"{where}: 'end'")
        if end < start:
            raise fail(f"{where}: ends ({end}) before it starts ({start})")
        for day in (start, end):
            if day.year != year:
                raise fail(f"{where}: {day} is not in {year}")
        holidays.append(NoticeHoliday(name.strip(), start, end))

    ordered = sorted(holidays, key=lambda h: h.start)
    for earlier, later in zip(ordered, ordered[1:]):
        if later.start <= earlier.end:
            raise fail(f"holidays {earlier.name} and {later.name} overlap on {later.start}")

    raw_make_up = data.get("make_up_working_days", [])
    if not isinstance(raw_make_up, list):
        raise fail("'make_up_working_days' must be a list of dates")
    days_off = {day for holiday in holidays for day in holiday.days()}
    make_up: list[date] = []
    for raw in raw_make_up:
        day = _date(fail, raw, "a make-up working day")
        if not (day.year == year or (day.year == year - 1 and day.month == 12)):
            raise fail(f"make-up working day {day} is not in {year} (or the December before)")
        if day.weekday() < 5:
            raise fail(f"make-up working day {day} is a weekday, not a Saturday or Sunday")
        if day in days_off:
            raise fail(f"{day} is both a holiday and a make-up working day")
        if day in make_up:
            raise fail(f"make-up working day {day} is listed twice")
        make_up.append(day)

    return HolidayNotice(
        year=year,
        source=source.strip(),
        holidays=tuple(ordered),
        make_up_working_days=tuple(sorted(make_up)),
        path=path,
    )


def _date(fail, value: object, what: str) -> date:
    # TOML local date-times load as datetime, a subclass of date: refuse them, a holiday is a day.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise fail(f"{what} must be a TOML date such as 2027-01-01 (got {value!r})")
    return value
