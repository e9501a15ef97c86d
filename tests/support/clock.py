"""A clock the tests move by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


class FrozenClock:
    """Time stands still except for a millisecond tick per reading, as real time moves between two
    transactions: things done one after another keep their order, and tests stay deterministic."""

    TICK = timedelta(milliseconds=1)

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        self.current += self.TICK
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current

    def set_china_time(self, text: str) -> datetime:
        """e.g. "2026-12-31 09:00"."""
        self.current = datetime.fromisoformat(text).replace(tzinfo=CHINA).astimezone(UTC)
        return self.current
