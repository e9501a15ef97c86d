"""A calendar month as the API and the review system write it: YYYY-MM (2026-11)."""

from __future__ import annotations

import re

# Anchored, as a request schema's pattern; the API's errors recognise this very string to say "a month".
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


def parse_month(value: str | None) -> str | None:
    """The month as given when it is one (2026-11), else None (2026-13, 2026-1)."""
    return value if value and re.fullmatch(MONTH_PATTERN, value) else None
