import datetime as dt

from ocr.validate import (
    add_years, birth_date_of, id_check_character, is_valid_certificate_number, is_valid_id_number, sex_of,
)

TODAY = dt.date(2025, 6, 1)


def test_check_character_follows_gb11643():
    # 11010519491231002 -> X is the standard's worked example.
    assert id_check_character("11010519491231002") == "X"


def test_valid_id_number_passes_and_any_single_digit_change_fails():
    number = "11010519491231002X"
    assert is_valid_id_number(number, TODAY)
    for i in range(17):
        changed = number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]
        assert not is_valid_id_number(changed, TODAY)


def test_id_number_of_a_person_born_in_the_future_is_refused():
    first17 = "50023220300101001"
    assert not is_valid_id_number(first17 + id_check_character(first17), TODAY)


def test_abolished_region_code_is_still_accepted():
    first17 = "50023219441120001"      # 武隆县, replaced by 武隆区 in 2016; codes stay for life
    assert is_valid_id_number(first17 + id_check_character(first17), TODAY)


def test_birth_date_and_sex_come_from_the_number():
    assert birth_date_of("11010519491231002X") == dt.date(1949, 12, 31)
    assert sex_of("11010519491231002X") == "female"


def test_certificate_number_is_id_number_then_category_then_grade():
    assert is_valid_certificate_number("11010519491231002X42", TODAY)
    assert not is_valid_certificate_number("11010519491231002X82", TODAY)   # category 8 does not exist
    assert not is_valid_certificate_number("11010519491231002X45", TODAY)   # grade 5 does not exist
    assert not is_valid_certificate_number("11010519491231002142", TODAY)   # check character wrong


def test_ten_years_after_29_february_is_28_february():
    assert add_years(dt.date(2012, 2, 29), 10) == dt.date(2022, 2, 28)
