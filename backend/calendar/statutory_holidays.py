"""An estimate of a year's days off from the law alone, for years with neither chinesecalendar data nor a
loaded notice.

《全国年节及纪念日放假办法》 as revised by the State Council on 2024-11-10 (in force from 2025), article 2:
元旦 1 day (1 January); 春节 4 days (农历除夕 and 正月初一 to 初三); 清明 1 day (the Qingming solar term);
劳动节 2 days (1 and 2 May); 端午 1 day (五月初五); 中秋 1 day (八月十五); 国庆 3 days (1 to 3 October).
Article 6: a holiday of all citizens that falls on a Saturday or Sunday is made up on a working day
(补假); we take the first weekday after it that is not already off, as the yearly notices do (2025:
端午 on Saturday 31 May, Monday 2 June off). A holiday that falls on another holiday (中秋 on 1 October,
as in 2020) is made up the same way.

What the estimate cannot know: the yearly notice's 调休, which moves working days onto weekends to make
long breaks (春节 and 国庆 of 8 days, with Saturday or Sunday make-up working days). So an estimated
year has the right number of days off around each holiday only roughly, and every answer that counts an
estimated day says so.

Lunar dates come from ``lunardate`` (years 1900-2099), the Qingming date from chinesecalendar's
solar-term formula (1900-2100).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from chinese_calendar import get_solar_terms
from lunardate import LunarDate

# The rules above are those in force from 2025; earlier years had other rules (春节 3 days, 劳动节 1).
FIRST_YEAR = 2025
LAST_YEAR = 2099  # lunardate's table ends with lunar year 2099

MAKE_UP_FOR = "补假"  # the name given to a substitute day off (article 6)


def statutory_holidays(year: int) -> dict[date, list[str]]:
    """The statutory holiday days of ``year`` with the holiday names on each (two names when two
    holidays fall on one day)."""
    _require_year(year)
    spring_festival = LunarDate(year, 1, 1).to_solar_date()
    qingming = next(day for day, term in get_solar_terms(date(year, 4, 1), date(year, 4, 30)) if term == "清明")
    days: list[tuple[date, str]] = [
        (date(year, 1, 1), "元旦"),
        *((spring_festival + timedelta(days=offset), "春节") for offset in (-1, 0, 1, 2)),  # 除夕 .. 初三
        (qingming, "清明"),
        (date(year, 5, 1), "劳动节"),
        (date(year, 5, 2), "劳动节"),
        (LunarDate(year, 5, 5).to_solar_date(), "端午"),
        (LunarDate(year, 8, 15).to_solar_date(), "中秋"),
        *((date(year, 10, d), "国庆节") for d in (1, 2, 3)),
    ]
    result: dict[date, list[str]] = {}
    for day, name in sorted(days):
        result.setdefault(day, []).append(name)
    return result


@cache
def estimated_days_off(year: int) -> dict[date, str]:
    """Weekdays off in ``year`` by the estimate: statutory holidays on weekdays and the substitute days
    for those that fall on a weekend or on another holiday. Weekends are off anyway and not listed.
    A substitute day for a holiday late in December could fall in January; none does under these rules."""
    holidays = statutory_holidays(year)
    off: dict[date, str] = {day: names[0] for day, names in holidays.items() if day.weekday() < 5}
    owed: list[tuple[date, str]] = []
    for day, names in holidays.items():
        if day.weekday() >= 5:
            owed.extend((day, name) for name in names)
        else:
            owed.extend((day, name) for name in names[1:])
    for day, name in owed:
        substitute = day + timedelta(days=1)
        while substitute.weekday() >= 5 or substitute in off or substitute in holidays:
            substitute += timedelta(days=1)
        off[substitute] = f"{name}{MAKE_UP_FOR}"
    return dict(sorted(off.items()))


def _require_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"the statutory-holiday estimate covers {FIRST_YEAR}-{LAST_YEAR}, not {year}")
