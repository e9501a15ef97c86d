"""The YYYY-MM month of the review events (start_month), the statistics query and the request schemas."""

from __future__ import annotations

import re

import pytest

from backend.calendar.months import MONTH_PATTERN, parse_month


@pytest.mark.parametrize("written", ["2026-11", "2026-01", "1999-12"])
def test_a_month_written_yyyy_mm_is_taken_as_written(written):
    assert parse_month(written) == written
    assert re.match(MONTH_PATTERN, written)


@pytest.mark.parametrize("written", [None, "", "2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "2026-11\n"])
def test_anything_else_is_not_a_month(written):
    assert parse_month(written) is None
