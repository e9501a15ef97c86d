"""A calendar month as the API and the review system write it: YYYY-MM (2026-11)."""

from __future__ import annotations

import re
from datetime import date

# Anchored, as a request schema's pattern; the API's errors recognise this very string to say "a month".
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


def parse_month(value: str | None) -> str | None:
    """The month as given when it is one (2026-11), else None (2026-13, 2026-1)."""
    return value if value and re.fullmatch(MONTH_PATTERN, value) else None


def month_index(day: date) -> int:
    """Months since year 0, so that month arithmetic is integer arithmetic (2026-11 -> 24,322)."""
    return day.year * 12 + day.month - 1


def month_text(index: int) -> str:
    """The month `month_index` numbered, written YYYY-MM."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_before(month: str, count: int) -> str:
    """The month `count` months before a YYYY-MM month (2026-01 less 3 is 2025-10)."""
    year, number = map(int, month.split("-"))
    return month_text(year * 12 + number - 1 - count)
