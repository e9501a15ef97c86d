from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from backend.calendar.statutory_holidays import estimated_days_off, statutory_holidays


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_estimated_day_off_was_a_day_off_in_the_official_calendar(year):
    # The 2024 rules took effect in 2025; 2025 and 2026 are known from the State Council's notices
    # (through chinesecalendar), so the estimate's holidays and substitute days must all be in them.
    for day, name in estimated_days_off(year).items():
        assert chinese_calendar.is_holiday(day), f"{day} ({name}) was a working day in {year}"


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_statutory_holiday_was_a_day_off_in_the_official_calendar(year):
    for day, names in statutory_holidays(year).items():
        assert chinese_calendar.is_holiday(day), f"{day} ({names}) was a working day in {year}"


def test_a_year_has_thirteen_statutory_holiday_days():
    for year in (2025, 2027, 2030, 2099):
        assert sum(len(names) for names in statutory_holidays(year).values()) == 13


def test_2027_holidays_follow_the_lunar_calendar_and_the_qingming_term():
    holidays = statutory_holidays(2027)
    assert [d for d, n in holidays.items() if "春节" in n] == [date(2027, 2, d) for d in (5, 6, 7, 8)]  # 除夕..初三
    assert holidays[date(2027, 4, 5)] == ["清明"]
    assert holidays[date(2027, 6, 9)] == ["端午"]  # 五月初五
    assert holidays[date(2027, 9, 15)] == ["中秋"]  # 八月十五
    assert holidays[date(2027, 5, 2)] == ["劳动节"]


def test_a_weekend_holiday_is_made_up_on_the_next_free_weekday():
    # 2025: 端午 fell on Saturday 31 May; the official calendar gave Monday 2 June.
    assert estimated_days_off(2025)[date(2025, 6, 2)] == "端午补假"
    # 2027: 国庆 1-3 October are Friday to Sunday; Saturday and Sunday are made up on Monday and Tuesday.
    off = estimated_days_off(2027)
    assert off[date(2027, 10, 1)] == "国庆节"
    assert off[date(2027, 10, 4)] == off[date(2027, 10, 5)] == "国庆节补假"
    assert date(2027, 10, 6) not in off


def test_two_holidays_on_one_day_give_a_substitute_day():
    # 2031: 中秋 (八月十五) falls on 1 October, as it did in 2020.
    holidays = statutory_holidays(2031)
    assert sorted(holidays[date(2031, 10, 1)]) == sorted(["国庆节", "中秋"])
    off = estimated_days_off(2031)
    assert sum(name.endswith("补假") for name in off.values()) == sum(
        len(n) - (d.weekday() < 5) for d, n in holidays.items()
    )


@pytest.mark.parametrize("year", [2024, 2100])
def test_the_estimate_refuses_years_outside_its_rules_and_tables(year):
    with pytest.raises(ValueError):
        statutory_holidays(year)
