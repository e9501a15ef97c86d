"""Checks of single application fields (backend/applications/fields.py)."""

import pytest

from backend.applications.fields import FieldProblem, check_field


def test_a_hukou_in_a_county_abolished_since_is_recorded_as_todays_county():
    # 500232 武隆县 became 500156 武隆区 in 2016 (REFERENCE.md); old ID numbers keep the old code for life.
    assert check_field("applicant.hukou_region", "500232") == "500156"


def test_a_current_county_is_kept_as_given():
    assert check_field("applicant.hukou_region", "500156") == "500156"


@pytest.mark.parametrize("code", ["500000", "500100", "130101"])
def test_a_province_prefecture_or_grouping_is_not_a_hukou_county(code):
    with pytest.raises(FieldProblem) as raised:
        check_field("applicant.hukou_region", code)
    assert raised.value.code == "region_not_a_county"


def test_a_county_abolished_without_a_single_successor_asks_for_todays_county():
    # 140402 长治市城区 was abolished in 2018 and split between 潞州区 and 上党区.
    with pytest.raises(FieldProblem) as raised:
        check_field("applicant.hukou_region", "140402")
    assert raised.value.code == "region_abolished"


def test_an_other_benefits_monthly_amount_is_kept_to_the_fen_in_the_order_of_the_benefits():
    assert check_field("other_benefit_amounts", {"disability_pension": 120, "orphan": "85.5"}) == {
        "orphan": "85.50", "disability_pension": "120.00"}


def test_no_other_benefit_amount_left_clears_the_field():
    assert check_field("other_benefit_amounts", {}) is None
    assert check_field("other_benefit_amounts", {"orphan": None}) is None


@pytest.mark.parametrize("value, code", [
    ({"orphan": "-5"}, "amount_not_positive"), ({"orphan": 100000.001}, "amount_invalid"),
    ({"orphan": True}, "amount_invalid"), ({"pension": "85"}, "not_a_choice"), (["orphan"], "not_an_object")])
def test_an_other_benefit_amount_that_is_no_amount_of_a_known_benefit_is_refused(value, code):
    with pytest.raises(FieldProblem) as raised:
        check_field("other_benefit_amounts", value)
    assert raised.value.code == code


def test_whether_a_child_is_de_facto_unsupported_is_yes_or_no():
    assert check_field("de_facto_unsupported_child", True) is True
    with pytest.raises(FieldProblem) as raised:
        check_field("de_facto_unsupported_child", "是")
    assert raised.value.code == "not_yes_or_no"


def test_an_absurdly_large_benefit_amount_is_too_big_not_a_crash():
    with pytest.raises(FieldProblem) as raised:
        check_field("other_benefit_amounts", {"disability_pension": "1e30"})
    assert raised.value.code == "too_big"


def test_a_county_code_typed_in_full_width_digits_is_the_county():
    # Chinese keyboards type ５００１５６; the ID number already reads them so (backend/identity/id_numbers.py).
    assert check_field("applicant.hukou_region", "５００１５６") == "500156"
    assert check_field("applicant.hukou_region", " ５００２３２ ") == "500156"   # abolished 武隆县: today's 武隆区


@pytest.mark.parametrize("name", ["😀", "王芳😀", "王芳2", "王☆芳"])
def test_a_name_with_an_emoji_a_symbol_or_a_digit_is_refused(name):
    with pytest.raises(FieldProblem) as raised:
        check_field("applicant.name", name)
    assert raised.value.code == "name_characters"


@pytest.mark.parametrize(("typed", "kept"), [("阿依古丽·买买提", "阿依古丽·买买提"), ("阿依古丽•买买提", "阿依古丽·买买提"),
                                             ("张〇", "张〇"), ("Maria Wang", "Maria Wang")])
def test_names_with_a_middle_dot_a_ling_or_latin_letters_are_kept(typed, kept):
    assert check_field("applicant.name", typed) == kept
