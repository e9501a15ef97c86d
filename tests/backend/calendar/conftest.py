from __future__ import annotations

from pathlib import Path

import pytest

from backend.calendar.working_days import WorkingDayCalendar

# A made-up notice for the tests: NOT the State Council's 2027 arrangement, which is not known here.
# It differs from the estimate on purpose (an extra 测试假日 on 4-5 January, a make-up Saturday on the 9th).
TEST_NOTICE_2027 = """\
year = 2027
source = "test notice written for the test suite (not an official arrangement)"
make_up_working_days = [2027-01-09]

[[holidays]]
name = "元旦"
start = 2027-01-01
end = 2027-01-03

[[holidays]]
name = "测试假日"
start = 2027-01-04
end = 2027-01-05
"""


@pytest.fixture
def write_notice(tmp_path: Path):
    """Write a notice file into a fresh directory and return (directory, path)."""

    def write(text: str, name: str = "notice.toml", directory: Path | None = None) -> tuple[Path, Path]:
        folder = directory or tmp_path / f"notices-{len(list(tmp_path.iterdir()))}"
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return folder, path

    return write


@pytest.fixture
def calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar()


@pytest.fixture
def calendar_with_2027_notice(write_notice) -> WorkingDayCalendar:
    folder, _ = write_notice(TEST_NOTICE_2027, "2027.toml")
    return WorkingDayCalendar([folder])
