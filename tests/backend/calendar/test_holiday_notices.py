from __future__ import annotations

from datetime import date

import pytest

from backend.calendar.holiday_notices import HolidayNotice, InvalidHolidayNotice, NoticeHoliday, load_notice
from backend.calendar.working_days import WorkingDayCalendar

from .conftest import TEST_NOTICE_2027

HEADER = 'year = 2027\nsource = "test"\n'
ONE_HOLIDAY = '[[holidays]]\nname = "元旦"\nstart = 2027-01-01\n'


def test_a_valid_notice_loads_with_its_holidays_and_make_up_days(write_notice):
    _, path = write_notice(TEST_NOTICE_2027, "2027.toml")
    notice = load_notice(path)
    assert isinstance(notice, HolidayNotice)
    assert notice.year == 2027
    assert notice.path == path
    assert notice.holidays == (
        NoticeHoliday("元旦", date(2027, 1, 1), date(2027, 1, 3)),
        NoticeHoliday("测试假日", date(2027, 1, 4), date(2027, 1, 5)),
    )
    assert notice.make_up_working_days == (date(2027, 1, 9),)
    assert notice.days_off()[date(2027, 1, 2)] == "元旦"


def test_a_holiday_without_an_end_is_one_day(write_notice):
    _, path = write_notice(HEADER + ONE_HOLIDAY)
    assert load_notice(path).holidays[0].days() == [date(2027, 1, 1)]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("year = 2027\nsource = \n", "not valid TOML"),
        ('source = "test"\n' + ONE_HOLIDAY, "missing 'year'"),
        ("year = 2027\n" + ONE_HOLIDAY, "missing 'source'"),
        (HEADER, "missing 'holidays'"),
        (HEADER + "holidays = []\n", "at least one holiday"),
        ('year = "2027"\nsource = "test"\n' + ONE_HOLIDAY, "'year' must be a whole number"),
        ('year = 2027\nsource = "  "\n' + ONE_HOLIDAY, "'source' must name the notice"),
        (HEADER + 'author = "me"\n' + ONE_HOLIDAY, "unknown key(s) author"),
        (HEADER + ONE_HOLIDAY + "days = 3\n", "holiday 1 (元旦): unknown key(s) days"),
        (HEADER + ONE_HOLIDAY + "make_up_working_days = [2027-01-09]\n", "must come before the first [[holidays]]"),
        (HEADER + '[[holidays]]\nstart = 2027-01-01\n', "holiday 1: 'name' is missing"),
        (HEADER + '[[holidays]]\nname = "元旦"\n', "'start' is missing"),
        (HEADER + '[[holidays]]\nname = "元旦"\nstart = "2027-01-01"\n', "must be a TOML date"),
        (HEADER + '[[holidays]]\nname = "元旦"\nstart = 2027-01-01T00:00:00\n', "must be a TOML date"),
        (HEADER + '[[holidays]]\nname = "春节"\nstart = 2027-02-12\nend = 2027-02-05\n', "ends (2027-02-05) before it starts"),
        (HEADER + '[[holidays]]\nname = "元旦"\nstart = 2026-12-31\nend = 2027-01-01\n', "2026-12-31 is not in 2027"),
        (
            HEADER + ONE_HOLIDAY.replace("start = 2027-01-01", "start = 2027-01-01\nend = 2027-01-03")
            + '[[holidays]]\nname = "测试"\nstart = 2027-01-03\n',
            "overlap on 2027-01-03",
        ),
        ('year = 2027\nsource = "test"\nmake_up_working_days = [2027-01-06]\n' + ONE_HOLIDAY, "is a weekday"),
        ('year = 2027\nsource = "test"\nmake_up_working_days = [2027-01-02]\n'
         '[[holidays]]\nname = "元旦"\nstart = 2027-01-01\nend = 2027-01-03\n', "both a holiday and a make-up"),
        ('year = 2027\nsource = "test"\nmake_up_working_days = [2027-01-09, 2027-01-09]\n' + ONE_HOLIDAY, "listed twice"),
        ('year = 2027\nsource = "test"\nmake_up_working_days = [2026-11-07]\n' + ONE_HOLIDAY, "not in 2027"),
        ('year = 2027\nsource = "test"\nmake_up_working_days = 2027-01-09\n' + ONE_HOLIDAY, "must be a list of dates"),
    ],
)
def test_a_malformed_notice_names_the_file_and_the_problem(write_notice, text, problem):
    _, path = write_notice(text, "bad.toml")
    with pytest.raises(InvalidHolidayNotice) as caught:
        load_notice(path)
    assert caught.value.path == path
    assert problem in caught.value.message
    assert str(path) in str(caught.value)


def test_a_previous_december_make_up_day_is_allowed(write_notice):
    _, path = write_notice('year = 2027\nsource = "test"\nmake_up_working_days = [2026-12-26]\n' + ONE_HOLIDAY)
    assert load_notice(path).make_up_working_days == (date(2026, 12, 26),)


def test_a_calendar_with_a_malformed_notice_fails_when_it_is_made(write_notice):
    folder, path = write_notice(HEADER, "2027.toml")
    with pytest.raises(InvalidHolidayNotice) as caught:
        WorkingDayCalendar([folder])
    assert caught.value.path == path


def test_two_notices_for_one_year_are_refused(write_notice):
    folder, first = write_notice(HEADER + ONE_HOLIDAY, "a.toml")
    _, second = write_notice(HEADER + ONE_HOLIDAY, "b.toml", directory=folder)
    with pytest.raises(InvalidHolidayNotice) as caught:
        WorkingDayCalendar([folder])
    assert caught.value.path == second
    assert str(first) in caught.value.message


def test_a_missing_notice_directory_is_refused(tmp_path):
    with pytest.raises(InvalidHolidayNotice) as caught:
        WorkingDayCalendar([tmp_path / "no-such-dir"])
    assert "not a directory" in caught.value.message


def test_a_missing_file_is_reported_as_unreadable(tmp_path):
    with pytest.raises(InvalidHolidayNotice) as caught:
        load_notice(tmp_path / "2027.toml")
    assert "cannot be read" in caught.value.message
