from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.calendar.working_days import SHIPPED_NOTICES, WorkingDayCalendar, YearNotCovered, load_notice

OFFICIAL_2026 = f"chinesecalendar {chinese_calendar.__version__} (2026)"
ESTIMATE_2027 = "estimate for 2027: weekends and statutory holidays"


# --- years chinesecalendar knows -------------------------------------------------------------------


def test_national_day_2026_is_seven_days_off(calendar):
    for day in range(1, 8):
        assert not calendar.is_working_day(date(2026, 10, day))
    assert calendar.is_working_day(date(2026, 10, 8))
    assert calendar.day_info(date(2026, 10, 2)).name == "国庆节"


def test_first_working_day_after_national_day_2026(calendar):
    answer = calendar.add_working_days(date(2026, 9, 30), 1)
    assert answer.day == date(2026, 10, 8)
    assert answer.estimated is False
    assert answer.basis == (OFFICIAL_2026,)


def test_make_up_saturday_is_counted_as_a_working_day(calendar):
    saturday = date(2026, 10, 10)
    assert saturday.weekday() == 5
    assert calendar.is_working_day(saturday)
    assert calendar.day_info(saturday).name == "国庆节"  # the holiday it makes up for
    assert calendar.add_working_days(date(2026, 10, 9), 1).day == saturday
    assert calendar.is_working_day(date(2026, 9, 20))  # the Sunday before
    assert not calendar.is_working_day(date(2026, 10, 17))  # an ordinary Saturday


def test_cross_province_push_deadline_across_national_day_2026(calendar):
    # Seed 001 item 7: pushed within 3 working days. Accepted on 30 September: 8, 9 and (make-up) 10 October.
    assert calendar.add_working_days(date(2026, 9, 30), 3).day == date(2026, 10, 10)


def test_working_days_between_counts_after_start_up_to_end(calendar):
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 10, 9)) == 2
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 9, 30)) == 0
    assert calendar.working_days_between(date(2026, 10, 9), date(2026, 9, 30)) == -2


def test_every_day_chinesecalendar_knows_is_answered_as_it_answers(calendar):
    day, last = min(chinese_calendar.holidays), max(chinese_calendar.holidays).replace(month=12, day=31)
    while day <= last:
        assert calendar.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_a_span_inside_2026_is_not_estimated(calendar):
    answer = calendar.add_working_days(date(2026, 12, 28), 3)
    assert answer == type(answer)(day=date(2026, 12, 31), estimated=False, basis=(OFFICIAL_2026,))
    assert not calendar.is_estimated(2026)


# --- years it does not know: the estimate ---------------------------------------------------------


def test_span_across_the_2026_2027_year_end_is_estimated_and_says_so(calendar):
    answer = calendar.add_working_days(date(2026, 12, 28), 10)
    # 29, 30, 31 December; 1 January 2027 (元旦, a Friday) off; 4-8 and 11-12 January.
    assert answer.day == date(2027, 1, 12)
    assert answer.estimated is True
    assert answer.basis == (OFFICIAL_2026, ESTIMATE_2027)
    assert calendar.is_estimated(2027)
    count = calendar.count_working_days(date(2026, 12, 28), date(2027, 1, 12))
    assert (count.count, count.estimated) == (10, True)


def test_estimated_spring_festival_2027_has_its_four_days_and_substitutes(calendar):
    # 正月初一 2027 is Saturday 6 February: 除夕 Friday 5th off; Saturday and Sunday are made up on
    # Tuesday 9th and Wednesday 10th (article 6 of the 2024 rules), Monday 8th is 初三.
    assert [calendar.is_working_day(date(2027, 2, d)) for d in range(4, 12)] == [
        True, False, False, False, False, False, False, True,
    ]
    assert calendar.day_info(date(2027, 2, 9)).name == "春节补假"
    assert calendar.day_info(date(2027, 2, 5)).estimated


def test_a_loaded_2027_notice_overrides_the_estimate(calendar_with_2027_notice):
    calendar = calendar_with_2027_notice
    assert not calendar.is_estimated(2027)
    answer = calendar.add_working_days(date(2026, 12, 28), 10)
    # 29-31 December; 1-5 January off by the test notice; 6-8; Saturday 9th worked; 11-13.
    assert answer.day == date(2027, 1, 13)
    assert answer.estimated is False
    assert answer.basis[0] == OFFICIAL_2026
    assert answer.basis[1].startswith("holiday notice for 2027 (2027.toml): test notice")
    assert calendar.is_working_day(date(2027, 1, 9))
    assert calendar.day_info(date(2027, 1, 4)).name == "测试假日"
    # Days the notice does not name follow the week: 9 February 2027 is a Tuesday, no longer estimated off.
    assert calendar.is_working_day(date(2027, 2, 9))


def test_a_notice_for_a_year_chinesecalendar_knows_does_not_override_it(write_notice):
    folder, _ = write_notice(
        'year = 2026\nsource = "test"\n[[holidays]]\nname = "测试"\nstart = 2026-11-02\n', "2026.toml"
    )
    calendar = WorkingDayCalendar([folder])
    assert 2026 in calendar.notices
    assert calendar.is_working_day(date(2026, 11, 2))


def test_a_december_make_up_day_in_next_years_notice_overrides_the_estimate(write_notice):
    saturday = date(2027, 12, 25)
    assert saturday.weekday() == 5
    folder, _ = write_notice(
        'year = 2028\nsource = "test"\nmake_up_working_days = [2027-12-25]\n'
        '[[holidays]]\nname = "元旦"\nstart = 2028-01-01\nend = 2028-01-03\n',
        "2028.toml",
    )
    calendar = WorkingDayCalendar([folder])
    assert calendar.is_working_day(saturday)
    assert not calendar.day_info(saturday).estimated
    assert calendar.is_estimated(2027)


def test_years_no_source_knows_are_refused(calendar):
    with pytest.raises(YearNotCovered) as caught:
        calendar.is_working_day(date(2003, 5, 6))
    assert caught.value.year == 2003
    with pytest.raises(YearNotCovered):
        calendar.add_working_days(date(2099, 12, 30), 5)


def test_zero_working_days_is_the_start_and_negative_is_refused(calendar):
    assert calendar.add_working_days(date(2026, 10, 3), 0).day == date(2026, 10, 3)
    with pytest.raises(ValueError):
        calendar.add_working_days(date(2026, 10, 3), -1)


@pytest.fixture(scope="module")
def shared_calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar()


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 1)), st.integers(0, 40))
def test_counting_back_the_working_days_added_gives_n(shared_calendar, start, n):
    calendar = shared_calendar
    answer = calendar.add_working_days(start, n)
    assert calendar.working_days_between(start, answer.day) == n
    if n:
        assert calendar.is_working_day(answer.day)
        assert calendar.working_days_between(start, answer.day - timedelta(days=1)) == n - 1
    years_looked_at = range((start + timedelta(days=1)).year, answer.day.year + 1) if n else range(0)
    assert answer.estimated == any(calendar.is_estimated(year) for year in years_looked_at)


def test_shipped_notices_are_valid_and_only_for_years_chinesecalendar_lacks():
    assert SHIPPED_NOTICES.is_dir()
    known = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
    for path in SHIPPED_NOTICES.glob("*.toml"):
        notice = load_notice(path)
        assert path.stem == str(notice.year)
        assert notice.year not in known, f"{path.name}: chinesecalendar already covers {notice.year}"
