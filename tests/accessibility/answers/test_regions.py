import pytest

from accessibility.answers import Ambiguous, NotUnderstood, Understood
import subprocess
import sys

from accessibility.answers.regions import parse_county as parse
from backend.identity.regions import counties


def parse_county(text):
    return parse(text, counties())


@pytest.mark.parametrize("answer", ["重庆市武隆区", "武隆区", "我户口在武隆", "武隆区的", "500156"])
def test_a_county_is_found_by_its_names_or_its_code(answer):
    assert parse_county(answer) == Understood("500156")


def test_a_name_shared_by_two_counties_is_narrowed_by_the_province_or_city_said_with_it():
    assert parse_county("朝阳区") == Ambiguous(("110105", "220104"), code="several_counties")
    assert parse_county("北京朝阳区") == Understood("110105")
    assert parse_county("吉林省长春市朝阳区") == Understood("220104")


def test_a_city_said_with_a_county_is_not_another_county_of_that_short_name():
    # "大同" is 大同市 here, not 黑龙江's 大同区: 大同市城区 is abolished, so the 城区 of today remain.
    assert "230606" not in parse_county("山西大同市城区").options


def test_a_code_is_passed_on_for_the_field_check_to_judge():
    assert parse_county("户口是999999") == Understood("999999")


def test_no_county_named_is_unclear():
    assert parse_county("不太记得了") == NotUnderstood("county_unclear")
    assert parse_county("") == NotUnderstood("empty")


def test_the_new_parsers_import_nothing_of_the_backend():
    code = ("import sys, accessibility.answers.regions, accessibility.answers.names, accessibility.answers.addresses, "
            "accessibility.speech.links, accessibility.speech.stored_cache; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'backend', 'miniprogram_api')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
