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
