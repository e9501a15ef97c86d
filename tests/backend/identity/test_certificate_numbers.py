from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.identity.certificate_numbers import (
    DISABILITY_CATEGORIES,
    CertificateNumber,
    InvalidCertificateNumber,
    parse_certificate_number,
)
from backend.identity.synthetic import synthetic_id_number

from .strategies import TODAY, id_numbers

ID_NUMBER = synthetic_id_number("500232", date(1944, 11, 20), "female", sequence=24)


def _id_ending_in_x() -> str:
    candidates = (synthetic_id_number("500156", date(1960, 5, 3), "male", sequence=s) for s in range(1, 1000, 2))
    return next(n for n in candidates if n.endswith("X"))


def _error(text: str) -> InvalidCertificateNumber:
    with pytest.raises(InvalidCertificateNumber) as caught:
        parse_certificate_number(text, today=TODAY)
    return caught.value


def test_categories_are_the_seven_of_the_certificate_rules():
    assert DISABILITY_CATEGORIES == {
        1: "vision",
        2: "hearing",
        3: "speech",
        4: "physical",
        5: "intellectual",
        6: "mental",
        7: "multiple",
    }


def test_certificate_number_splits_into_id_number_category_and_grade():
    parsed = parse_certificate_number(ID_NUMBER + "42", today=TODAY)
    assert isinstance(parsed, CertificateNumber)
    assert parsed.number == ID_NUMBER + "42"
    assert parsed.id_number.value == ID_NUMBER
    assert parsed.id_number.birth_date == date(1944, 11, 20)
    assert parsed.category == 4
    assert parsed.category_name == "physical"
    assert parsed.grade == 2
    assert parsed.suffix is None


def test_id_number_ending_in_x_keeps_the_x_inside_the_certificate_number():
    id_number = _id_ending_in_x()
    parsed = parse_certificate_number(id_number.lower() + "51", today=TODAY)
    assert parsed.number == id_number + "51"
    assert parsed.id_number.value.endswith("X")
    assert (parsed.category, parsed.grade) == (5, 1)


def test_separators_and_full_width_digits_are_normalised():
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in ID_NUMBER[:6])
    parsed = parse_certificate_number(f"{full_width} {ID_NUMBER[6:14]}-{ID_NUMBER[14:]} 7 1", today=TODAY)
    assert parsed.number == ID_NUMBER + "71"


@pytest.mark.parametrize("suffix", ["01", "B1", "b", "2"])
def test_reissue_suffix_is_kept_apart_and_flagged(suffix):
    parsed = parse_certificate_number(ID_NUMBER + "11" + suffix, today=TODAY)
    assert parsed.number == ID_NUMBER + "11"
    assert parsed.suffix == suffix.upper()
    assert "suffix" in repr(parsed)


def test_masked_certificate_number_is_twenty_long_with_first_and_last_four():
    parsed = parse_certificate_number(ID_NUMBER + "62", today=TODAY)
    masked = parsed.masked()
    assert masked == ID_NUMBER[:4] + "*" * 12 + ID_NUMBER[-2:] + "62"
    assert len(masked) == 20


def test_repr_never_shows_the_whole_number():
    parsed = parse_certificate_number(ID_NUMBER + "62", today=TODAY)
    assert ID_NUMBER not in repr(parsed)
    assert ID_NUMBER not in str(parsed)


@given(id_numbers(), st.sampled_from(sorted(DISABILITY_CATEGORIES)), st.integers(1, 4))
def test_every_synthetic_certificate_number_parses_back(drawn, category, grade):
    number, region, born, sex = drawn
    parsed = parse_certificate_number(f"{number}{category}{grade}", today=TODAY)
    assert (parsed.category, parsed.grade) == (category, grade)
    assert (parsed.id_number.region_code, parsed.id_number.birth_date, parsed.id_number.sex) == (region, born, sex)


# --- errors ----------------------------------------------------------------------------------------


def test_nothing_typed_is_empty():
    assert _error("  ").code == "empty"


@pytest.mark.parametrize("length", [18, 19, 1])
def test_too_short_is_wrong_length(length):
    error = _error((ID_NUMBER + "42")[:length])
    assert error.code == "wrong_length"
    assert error.params == {"length": length}


@pytest.mark.parametrize(
    ("text", "position", "character"),
    [
        (ID_NUMBER + "4级", 20, "级"),
        (ID_NUMBER + "X2", 19, "X"),
        ("X" + ID_NUMBER[1:] + "42", 1, "X"),
        (ID_NUMBER + "42-#", 21, "#"),
    ],
)
def test_bad_characters_report_position_and_character(text, position, character):
    error = _error(text)
    assert error.code == "bad_characters"
    assert error.params == {"position": position, "character": character}


def test_bad_id_part_carries_the_id_number_code_and_params():
    wrong = "0" if ID_NUMBER[-1] != "0" else "1"
    error = _error(ID_NUMBER[:17] + wrong + "42")
    assert error.code == "bad_id_number"
    assert error.params == {"id_code": "bad_check_character", "expected": ID_NUMBER[-1], "given": wrong}


def test_bad_birth_date_in_the_id_part_is_a_bad_id_number():
    error = _error(ID_NUMBER[:10] + "1301" + ID_NUMBER[14:] + "42")
    assert error.code == "bad_id_number"
    assert error.params["id_code"] == "bad_birth_date"


@pytest.mark.parametrize("digit", ["0", "8", "9"])
def test_category_outside_1_to_7_is_refused(digit):
    error = _error(ID_NUMBER + digit + "1")
    assert error.code == "bad_category"
    assert error.params == {"digit": digit}


@pytest.mark.parametrize("digit", ["0", "5", "9"])
def test_grade_outside_1_to_4_is_refused(digit):
    error = _error(ID_NUMBER + "1" + digit)
    assert error.code == "bad_grade"
    assert error.params == {"digit": digit}
