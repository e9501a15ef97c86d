"""The YYYY-MM month of the review events (start_month), the statistics query and the request schemas."""

from __future__ import annotations

import re
from datetime import date

import pytest

from backend.calendar.months import MONTH_PATTERN, month_index, month_text, months_before, parse_month


@pytest.mark.parametrize("written", ["2026-11", "2026-01", "1999-12"])
def test_a_month_written_yyyy_mm_is_taken_as_written(written):
    assert parse_month(written) == written
    assert re.match(MONTH_PATTERN, written)


@pytest.mark.parametrize("written", [None, "", "2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "2026-11\n"])
def test_anything_else_is_not_a_month(written):
    assert parse_month(written) is None


@pytest.mark.parametrize(("month", "count", "earlier"), [("2026-11", 0, "2026-11"), ("2026-11", 3, "2026-08"),
                                                         ("2026-01", 3, "2025-10"), ("2026-03", 15, "2024-12")])
def test_months_before_crosses_years(month, count, earlier):
    # Seed 001 item 13's back-pay (最多不超过3个月) is counted this way, across a new year too.
    assert months_before(month, count) == earlier


def test_a_days_month_index_writes_back_as_its_month():
    assert month_text(month_index(date(2026, 12, 31))) == "2026-12"
    assert month_index(date(2027, 1, 1)) - month_index(date(2026, 12, 31)) == 1
