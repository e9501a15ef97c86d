"""Prints how fast the identity and calendar leaf modules answer (no assertions; tests never time).

    .venv/bin/python bench/identity_and_calendar.py
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from backend.calendar.working_days import WorkingDayCalendar
from backend.identity import regions
from backend.identity.certificate_numbers import parse_certificate_number
from backend.identity.id_numbers import parse_id_number
from backend.identity.synthetic import synthetic_id_number


def timed(label: str, count: int, action) -> None:
    started = time.perf_counter()
    for index in range(count):
        action(index)
    elapsed = time.perf_counter() - started
    print(f"{label:<48} {count:>7} calls  {elapsed / count * 1e6:8.1f} µs/call")


def main() -> None:
    rng = random.Random(1)
    codes = [r.code for r in regions.counties()]
    numbers = [
        synthetic_id_number(rng.choice(codes), date(1930, 1, 1) + timedelta(days=rng.randrange(30000)), "male", rng=rng)
        for _ in range(20_000)
    ]
    timed("parse_id_number", len(numbers), lambda i: parse_id_number(numbers[i], today=date(2026, 11, 25)))
    timed("parse_certificate_number", len(numbers), lambda i: parse_certificate_number(numbers[i] + "41"))

    regions._table.cache_clear()
    regions._current_counties.cache_clear()
    started = time.perf_counter()
    regions.region("500156")
    print(f"{'regions: first lookup (loads the CSV)':<48} {'':>7}        {(time.perf_counter() - started) * 1e3:8.1f} ms")
    all_codes = [c for c in (f"{n:06d}" for n in range(110000, 660000, 7))]
    timed("regions.current_county (any 6 digits)", len(all_codes), lambda i: regions.current_county(all_codes[i]))
    timed("regions.counties('500000')", 200, lambda i: regions.counties("500000"))

    started = time.perf_counter()
    calendar = WorkingDayCalendar()
    print(f"{'WorkingDayCalendar() (loads notices)':<48} {'':>7}        {(time.perf_counter() - started) * 1e3:8.1f} ms")
    starts = [date(2025, 1, 1) + timedelta(days=rng.randrange(3 * 365)) for _ in range(5_000)]
    timed("add_working_days(start, 10), 2025-2027", len(starts), lambda i: calendar.add_working_days(starts[i], 10))
    timed("working_days_between over 30 days", len(starts), lambda i: calendar.working_days_between(starts[i], starts[i] + timedelta(days=30)))


if __name__ == "__main__":
    main()
