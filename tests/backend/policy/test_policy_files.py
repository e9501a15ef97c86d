"""Policy files are validated at start-up; a bad one names the file, the key and what is wrong; a new
region needs only a file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from backend.policy.book import PolicyBook, PolicyFileError
from backend.policy.evaluator import Facts, evaluate

GOOD = """code = "{code}"
name = "测试区县"

[[periods]]
from = 2024-01-01
source = "made up for this test"

[periods.nursing]
amounts = [{{ grades = [1], amount = "{amount}" }}]
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_files_load():
    book = PolicyBook.load()
    assert {"000000", "500156", "140000", "410000"} <= set(book.files)


def test_adding_a_region_needs_only_a_file(tmp_path):
    write(tmp_path, "500101", GOOD.format(code="500101", amount="100.00"))
    book = PolicyBook.load([tmp_path])
    verdict = evaluate(book, Facts(region_code="500101", on=date(2024, 6, 1), grade=1)).verdicts["nursing"]
    assert verdict.monthly_amount == Decimal("100.00")
    assert verdict.source == "made up for this test"


@pytest.mark.parametrize("name, text, expected", [
    ("500101", GOOD.format(code="500101", amount="lots"), "periods.0.nursing.amounts.0.amount"),
    ("500101", GOOD.format(code="500101", amount="-5"), "must be a positive amount"),
    ("500101", GOOD.format(code="500102", amount="1"), "the file is named 500101 but says code = 500102"),
    ("999999", GOOD.format(code="999999", amount="1"), "not a GB/T 2260 region code"),
    ("500101", GOOD.format(code="500101", amount="1").replace("grades = [1]", "grades = [5]"), "grades are 1 to 4"),
    ("500101", GOOD.format(code="500101", amount="1") + "\n[periods.coordination]\nlottery = {}\n", "unknown benefits"),
    ("500101", GOOD.format(code="500101", amount="1").replace("source =", "sauce ="), "periods.0.source"),
    ("500101", "code = [", "not valid TOML"),
    ("500101", GOOD.format(code="500101", amount="1") + "\n[periods.coordination]\ndisability_pension = "
     "{ nursing = \"choose_higher\", compare = \"together\" }\n", "needs living and nursing both"),
    ("500101", GOOD.format(code="500101", amount="1") + "\n[[periods]]\nfrom = 2020-01-01\nsource = \"earlier\"\n",
     "periods must be in date order"),
])
def test_a_bad_file_names_the_file_the_key_and_the_problem(tmp_path, name, text, expected):
    path = write(tmp_path, name, text)
    with pytest.raises(PolicyFileError) as raised:
        PolicyBook.load([tmp_path])
    assert str(path) in str(raised.value)
    assert expected in str(raised.value)


def test_a_bad_file_stops_start_up(tmp_path, settings, database):
    from backend.runtime import configure

    write(tmp_path, "500101", GOOD.format(code="500101", amount="lots"))
    with pytest.raises(PolicyFileError, match="500101.toml"):
        configure(settings.model_copy(update={"policy_dirs": [tmp_path]}), database=database)


def test_age_bounds_in_a_file_are_applied(tmp_path):
    write(tmp_path, "500101", GOOD.format(code="500101", amount="100.00").replace(
        "[periods.nursing]\n", "[periods.nursing]\nmin_age = 16\n"))
    book = PolicyBook.load([tmp_path])
    child = evaluate(book, Facts(region_code="500101", on=date(2024, 6, 1), grade=1, birth_date=date(2015, 1, 1)))
    adult = evaluate(book, Facts(region_code="500101", on=date(2024, 6, 1), grade=1, birth_date=date(1990, 1, 1)))
    assert child.verdicts["nursing"].outcome == "not_eligible"
    assert adult.verdicts["nursing"].outcome == "eligible"
