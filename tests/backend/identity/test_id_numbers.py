from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from backend.identity.id_numbers import (
    IdNumber,
    InvalidIdNumber,
    check_character,
    normalise_id_number,
    parse_id_number,
    today_in_china,
)
from backend.identity.synthetic import synthetic_id_number

from .strategies import TODAY, id_numbers

WULONG_1944 = synthetic_id_number("500232", date(1944, 11, 20), "female", sequence=24)


def _error(text: str, **kwargs) -> InvalidIdNumber:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_id_number(text, **kwargs)
    return caught.value


# --- the check character ---------------------------------------------------------------------------


def test_check_character_matches_the_worked_examples_of_gb_11643():
    # The standard's own (fictitious) examples, used only as known answers for the arithmetic.
    assert check_character("11010519491231002") == "X"
    assert check_character("44052418800101001") == "4"


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_character_agrees_with_python_stdnum(first17):
    assert check_character(first17) == ric.calc_check_digit(first17 + "?")


@pytest.mark.parametrize("bad", ["", "1234567890123456", "123456789012345678", "1101051949123100X", "１１０１０５１９４９１２３１００２"])
def test_check_character_refuses_anything_but_17_ascii_digits(bad):
    with pytest.raises(ValueError):
        check_character(bad)


# --- normalising -----------------------------------------------------------------------------------


def test_spaces_hyphens_and_dots_are_stripped():
    number = synthetic_id_number("110101", date(1980, 1, 2), "male", sequence=123)
    spaced = f" {number[:6]} {number[6:14]}-{number[14:]}. "
    assert normalise_id_number(spaced) == number
    assert normalise_id_number(f"{number[:6]}\u3000{number[6:10]}\uff0d{number[10:14]}\uff0e{number[14:]}") == number


def test_full_width_digits_and_letters_become_ascii():
    assert normalise_id_number("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"
    assert normalise_id_number("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"


def test_id_number_with_lowercase_x_is_normalised():
    candidates = (synthetic_id_number("500156", date(1960, 5, 3), "female", sequence=s) for s in range(0, 1000, 2))
    number = next(n for n in candidates if n.endswith("X"))
    parsed = parse_id_number(number.lower(), today=TODAY)
    assert parsed.value == number
    assert parsed.value.endswith("X")


def test_other_look_alike_digits_are_not_silently_converted():
    # Circled or superscript digits are a real mistake to report, not something to guess at.
    assert normalise_id_number("①") == "①"
    assert _error("①" + WULONG_1944[1:], today=TODAY).code == "bad_characters"


# --- parsing valid numbers -------------------------------------------------------------------------


@given(id_numbers())
def test_every_synthetic_number_parses_back_to_its_parts(drawn):
    number, region, born, sex = drawn
    parsed = parse_id_number(number, today=TODAY)
    assert parsed == IdNumber(value=number, region_code=region, birth_date=born, sex=sex)
    assert parsed.sequence == number[14:17]


def test_odd_sequence_is_male_and_even_is_female():
    born = date(1990, 6, 1)
    assert parse_id_number(synthetic_id_number("110101", born, "male", sequence=7), today=TODAY).sex == "male"
    assert parse_id_number(synthetic_id_number("110101", born, "female", sequence=8), today=TODAY).sex == "female"
    assert parse_id_number(synthetic_id_number("110101", born, "female", sequence=0), today=TODAY).sex == "female"


@pytest.mark.parametrize(
    ("region", "born"),
    [
        ("330106", date(1950, 3, 8)),  # python-stdnum rejects: 杭州市西湖区 did not exist in 1950
        ("500232", date(1944, 11, 20)),  # 武隆县, abolished 2016; python-stdnum rejects it for 1944
        ("500156", date(1960, 5, 3)),  # 武隆区, created 2016, long after this birth
        ("999999", date(1975, 1, 1)),  # never a region: still not ours to reject
    ],
)
def test_region_code_never_makes_a_number_invalid(region, born):
    number = synthetic_id_number(region, born, "male", sequence=31)
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.region_code == region
    assert parsed.birth_date == born


def test_python_stdnum_would_have_rejected_the_old_region_codes():
    # Why this module exists: keep the trap visible if stdnum ever changes.
    assert not ric.is_valid(synthetic_id_number("330106", date(1950, 3, 8), "male", sequence=31))
    assert not ric.is_valid(WULONG_1944)


def test_born_on_29_february_of_a_leap_year_is_valid():
    parsed = parse_id_number(synthetic_id_number("110101", date(2000, 2, 29), "male", sequence=1), today=TODAY)
    assert parsed.birth_date == date(2000, 2, 29)


def test_born_today_is_valid_and_born_tomorrow_is_not():
    number_today = synthetic_id_number("110101", TODAY, "male", sequence=1)
    assert parse_id_number(number_today, today=TODAY).birth_date == TODAY
    tomorrow = synthetic_id_number("110101", TODAY + timedelta(days=1), "male", sequence=1)
    assert _error(tomorrow, today=TODAY).code == "future_birth_date"


def test_today_defaults_to_the_date_in_china():
    assert today_in_china() in {date.today(), date.today() + timedelta(days=1), date.today() - timedelta(days=1)}
    number = synthetic_id_number("110101", today_in_china(), "female", sequence=2)
    assert parse_id_number(number).birth_date == today_in_china()


def test_masked_keeps_first_four_and_last_four():
    parsed = parse_id_number(WULONG_1944, today=TODAY)
    assert parsed.masked() == WULONG_1944[:4] + "*" * 10 + WULONG_1944[-4:]
    assert len(parsed.masked()) == 18


def test_repr_and_str_never_show_the_whole_number():
    parsed = parse_id_number(WULONG_1944, today=TODAY)
    assert WULONG_1944 not in repr(parsed)
    assert WULONG_1944 not in str(parsed)
    assert WULONG_1944 not in f"{parsed}"
    assert parsed.masked() in repr(parsed)


def test_age_on_counts_completed_years():
    parsed = parse_id_number(synthetic_id_number("110101", date(2000, 2, 29), "male", sequence=1), today=TODAY)
    assert parsed.age_on(date(2018, 2, 28)) == 17
    assert parsed.age_on(date(2018, 3, 1)) == 18
    assert parsed.age_on(date(2020, 2, 29)) == 20


# --- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", " - . "])
def test_nothing_typed_is_empty(text):
    error = _error(text)
    assert error.code == "empty"
    assert error.params == {}


@pytest.mark.parametrize("length", [1, 15, 17, 19, 20])
def test_wrong_length_reports_the_length(length):
    text = (WULONG_1944 + "12")[:length]
    error = _error(text, today=TODAY)
    assert error.code == "wrong_length"
    assert error.params == {"length": length}


@pytest.mark.parametrize(
    ("text", "position", "character"),
    [
        ("张三", 1, "张"),
        ("5002321944112O0246", 14, "O"),  # letter O read instead of zero
        ("50023219441120024A", 18, "A"),
        ("5002321944X120024X", 11, "X"),  # X is only ever the 18th character
        ("50023219441120024", 17, None),  # control: 17 digits is a length problem, not characters
    ],
)
def test_bad_characters_report_position_and_character(text, position, character):
    error = _error(text, today=TODAY)
    if character is None:
        assert error.code == "wrong_length"
    else:
        assert error.code == "bad_characters"
        assert error.params == {"position": position, "character": character}


def test_bad_characters_are_reported_before_wrong_length():
    assert _error("李四的号码", today=TODAY).code == "bad_characters"


@pytest.mark.parametrize("digits", ["19900230", "19901301", "19900001", "19000229", "00000000"])
def test_a_date_that_does_not_exist_is_a_bad_birth_date(digits):
    first17 = "500232" + digits + "024"
    error = _error(first17 + check_character(first17), today=TODAY)
    assert error.code == "bad_birth_date"
    assert error.params == {}


def test_born_before_1900_is_implausible():
    first17 = "500232" + "18991231" + "024"
    assert _error(first17 + check_character(first17), today=TODAY).code == "implausible_birth_date"
    assert parse_id_number(synthetic_id_number("500232", date(1900, 1, 1), "male", sequence=1), today=TODAY)


def test_wrong_check_character_says_which_was_expected():
    wrong = "0" if WULONG_1944[-1] != "0" else "1"
    error = _error(WULONG_1944[:17] + wrong, today=TODAY)
    assert error.code == "bad_check_character"
    assert error.params == {"expected": WULONG_1944[-1], "given": wrong}


def test_error_message_never_contains_the_number():
    error = _error(WULONG_1944[:17] + ("0" if WULONG_1944[-1] != "0" else "1"), today=TODAY)
    assert WULONG_1944[:17] not in str(error)
    assert isinstance(error, ValueError)


@given(id_numbers(), st.integers(0, 17), st.integers(1, 10))
def test_a_single_changed_character_is_always_caught(drawn, position, shift):
    number = drawn[0]
    alphabet = "0123456789X" if position == 17 else "0123456789"
    original = alphabet.index(number[position])
    changed_char = alphabet[(original + shift) % len(alphabet)]
    if changed_char == number[position]:
        return
    changed = number[:position] + changed_char + number[position + 1 :]
    with pytest.raises(InvalidIdNumber):
        parse_id_number(changed, today=TODAY)
    if position < 17:
        # Caught by the check character itself, not only because the date happened to break.
        assert check_character(changed[:17]) != changed[17]


@given(id_numbers(), st.integers(0, 15))
def test_swapping_two_adjacent_different_digits_is_always_caught(drawn, position):
    number = drawn[0]
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    assert check_character(swapped[:17]) != swapped[17]
