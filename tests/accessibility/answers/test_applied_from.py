"""Where a person applies from (跨省通办, seed 001 item 7): whether they live where their hukou is, and the
county they apply from now, by today's name, an old name, or a code."""
import pytest

from accessibility.answers import Ambiguous, NotUnderstood, Understood
from accessibility.answers.applied_from import parse_county_applied_from, parse_lives_in_hukou_place, place_said
from accessibility.conversation.questions import former_counties
from backend.identity.regions import counties


def parse_county(text):
    return parse_county_applied_from(text, counties(), former_counties())


@pytest.mark.parametrize("answer", ["是", "是的", "对", "嗯", "在", "住在户口所在地", "我一直住在本地", "就住在这里", "在老家"])
def test_living_where_the_hukou_is_is_a_yes(answer):
    assert parse_lives_in_hukou_place(answer) == Understood(True)


@pytest.mark.parametrize("answer", ["不是", "没有", "不在", "没住在那边", "在外地打工", "去外省了", "早就搬走了"])
def test_living_somewhere_else_is_a_no(answer):
    assert parse_lives_in_hukou_place(answer) == Understood(False)


def test_an_answer_that_is_neither_is_unclear():
    assert parse_lives_in_hukou_place("可能吧") == NotUnderstood("yes_no_unclear")
    assert parse_lives_in_hukou_place("") == NotUnderstood("empty")


@pytest.mark.parametrize("answer", ["山西省太原市小店区", "太原市小店区", "太原小店区", "小店区", "我现在在太原小店区", "140105"])
def test_a_county_is_found_with_or_without_its_province_and_city(answer):
    assert parse_county(answer) == Understood("140105")


def test_a_name_several_counties_share_gives_todays_counties_to_choose_from():
    assert parse_county("城区") == Ambiguous(("140302", "140502", "441502"), code="several_counties")
    assert parse_county("新华区") == Ambiguous(("130105", "130902", "410402"), code="several_counties")


def test_the_province_or_city_said_with_a_shared_name_picks_the_county():
    assert parse_county("河北省石家庄市新华区") == Understood("130105")
    assert parse_county("沧州新华区") == Understood("130902")
    assert parse_county("广东汕尾城区") == Understood("441502")


@pytest.mark.parametrize("answer, today", [("崇文区", "110101"), ("北京市宣武区", "110102"), ("南汇区", "310115"),
                                           ("武隆县", "500156")])
def test_an_abolished_county_named_is_the_county_it_is_part_of_today(answer, today):
    assert parse_county(answer) == Understood(today, note="former_name")


@pytest.mark.parametrize("code", ["500232", "512326"])  # 武隆县 of Chongqing (to 2016) and of Sichuan (to 1997)
def test_an_abolished_code_is_todays_county(code):
    assert parse_county(code) == Understood("500156", note="former_name")


def test_todays_name_wins_over_an_old_one_said_as_long():
    assert parse_county("重庆市武隆区") == Understood("500156")
    assert parse_county("浦东新区") == Understood("310115")


def test_a_city_said_is_not_a_county_of_that_short_name():
    # 大同市 is a city of Shanxi, not 黑龙江's 大同区.
    assert "230606" not in parse_county("大同市城区").options


def test_an_unknown_code_is_passed_on_for_the_field_check_to_judge():
    assert parse_county("999999") == Understood("999999")


@pytest.mark.parametrize("answer", ["不知道", "不清楚", "跳过", "先不填"])
def test_not_knowing_or_skipping_leaves_the_county_unset(answer):
    assert parse_county(answer) == Understood(None, note="not_said")


def test_no_county_named_is_unclear():
    assert parse_county("在外面打工") == NotUnderstood("county_unclear")
    assert parse_county("") == NotUnderstood("empty")


def test_the_parser_imports_nothing_of_the_backend():
    import subprocess
    import sys
    code = ("import sys, accessibility.answers.applied_from; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'backend', 'miniprogram_api')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("answer", "place"), [("沧州的", "沧州"), ("河南那个", "河南"), ("河南省", "河南"),
                                               ("沧州市的那个", "沧州"), ("  太原 ", "太原")])
def test_a_county_picked_by_its_province_or_city_keeps_only_the_place_name(answer, place):
    assert place_said(answer) == place
