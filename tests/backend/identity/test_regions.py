from __future__ import annotations

import csv
import functools
import importlib.util
import re
import sys
from pathlib import Path

import pytest
import stdnum

from backend.identity.regions import counties, current_county, is_within, province_code, region

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "backend" / "identity" / "data"


# --- Wulong, the demo region ----------------------------------------------------------------------


def test_wulong_county_code_is_abolished_and_leads_to_wulong_district():
    old = region("500232")
    assert old is not None
    assert (old.name, old.full_name, old.level) == ("武隆县", "重庆市武隆县", "county")
    assert old.valid_until == 2016
    assert not old.is_current
    assert old.successor_code == "500156"
    assert current_county("500232").full_name == "重庆市武隆区"


def test_wulong_district_code_is_current_and_its_own_current_county():
    new = region("500156")
    assert (new.name, new.full_name, new.valid_from, new.valid_until) == ("武隆区", "重庆市武隆区", 2016, None)
    assert new.is_current
    assert new.successor_code is None
    assert current_county("500156") == new


def test_wulong_code_from_before_chongqing_became_a_municipality_leads_to_wulong_district():
    # 512326 四川省涪陵地区武隆县: numbers issued before 1997 carry Sichuan's code for life.
    old = region("512326")
    assert old.full_name == "四川省涪陵地区武隆县"
    assert current_county("512326").code == "500156"
    assert province_code("512326") == "500000"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("500239", "500114"),  # 黔江土家族苗族自治县 -> 黔江区
        ("500381", "500116"),  # 江津市 -> 江津区
        ("500222", "500110"),  # 綦江县 -> 綦江区
        ("500234", "500154"),  # 开县 -> 开州区 (renamed: by hand)
        ("500105", "500157"),  # 江北区 -> 两江新区 (2025 merger)
        ("500112", "500157"),  # 渝北区 -> 两江新区
        ("510222", "500113"),  # 四川省重庆市巴县 -> 巴南区
        ("511204", "500101"),  # 万县市五桥区 -> 万州区
    ],
)
def test_chongqing_abolished_codes_lead_to_todays_counties(old, new):
    assert current_county(old).code == new


def test_a_reused_code_has_one_current_name_and_keeps_its_former_name():
    qijiang = region("500110")
    assert qijiang.name == "綦江区"
    assert qijiang.is_current
    assert qijiang.former_names == ("万盛区",)
    assert current_county("500110") == qijiang


# --- Beijing mergers and unknown codes --------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [("110103", "110101"), ("110104", "110102"), ("110110", "110111")])
def test_beijing_merged_districts_lead_to_the_district_that_took_them_in(old, new):
    assert region(old).successor_code == new
    assert region(old).successor_basis == "manual"
    assert current_county(old).code == new
    assert is_within(new, old)


@pytest.mark.parametrize("code", ["999999", "500299", "000000", "abc", "50015", "5001566", ""])
def test_a_code_that_never_existed_is_unknown(code):
    assert region(code) is None
    assert current_county(code) is None


def test_an_abolished_code_without_a_known_successor_has_no_current_county():
    # 南京市 大厂区 (320112, abolished 2002, split between 六合区 and 浦口区): no single successor.
    old = region("320112")
    assert old is not None and not old.is_current
    assert old.successor_code is None
    assert current_county("320112") is None


def test_provinces_prefectures_and_groupings_are_not_counties():
    assert current_county("500000") is None
    assert current_county("330100") is None
    assert current_county("130101") is None  # 石家庄市 市辖区
    assert region("130101").is_grouping
    assert region("500100").is_grouping
    assert region("330100").full_name == "浙江省杭州市"


# --- containment ----------------------------------------------------------------------------------


def test_province_contains_its_counties_and_not_others():
    assert is_within("500000", "500156")
    assert is_within("500000", "500232")
    assert not is_within("510000", "500156")
    assert not is_within("110000", "500156")


def test_province_contains_a_code_that_moved_to_it():
    assert is_within("500000", "512326")
    assert not is_within("510000", "512326")


def test_prefecture_contains_its_counties():
    assert is_within("330100", "330106")  # 杭州市 西湖区
    assert not is_within("330200", "330106")
    assert is_within("330100", "330104")  # 江干区 (abolished 2021) -> 上城区, still in 杭州


def test_county_contains_only_itself_and_the_codes_it_took_over():
    assert is_within("500156", "500156")
    assert is_within("500156", "500232")
    assert not is_within("500156", "500155")


def test_chongqing_districts_and_counties_are_both_within_chongqing():
    inside = {r.code for r in counties("500000")}
    assert {"500101", "500156", "500157"} <= inside  # 5001xx districts
    assert {"500229", "500240", "500243"} <= inside  # 5002xx counties, autonomous counties
    assert "500232" not in inside  # abolished
    assert is_within("500000", "500229")
    assert is_within("500200", "500229")
    assert is_within("500100", "500156")


def test_chongqing_has_the_37_county_level_divisions_of_the_2025_adjustment():
    # 重庆: 25 districts, 8 counties, 4 autonomous counties after 两江新区 was set up in 2025.
    chongqing = counties("500000")
    assert len(chongqing) == 37
    assert sum(r.name.endswith("区") for r in chongqing) == 25


def test_a_new_code_unknown_to_the_list_still_falls_in_its_province():
    assert region("500199") is None
    assert is_within("500000", "500199")
    assert province_code("500199") == "500000"


@pytest.mark.parametrize("bad", ["50000", "abcdef", "５０００００", ""])
def test_malformed_codes_are_refused_by_shape_functions(bad):
    with pytest.raises(ValueError):
        province_code(bad)
    with pytest.raises(ValueError):
        is_within(bad, "500156")
    with pytest.raises(ValueError):
        counties(bad)


def test_province_code_of_a_current_county():
    assert province_code("500156") == "500000"
    assert province_code("110101") == "110000"


def test_counties_are_current_county_level_places_in_code_order():
    everything = counties()
    assert len(everything) > 2800
    assert all(r.is_current and r.level == "county" and not r.is_grouping for r in everything)
    assert [r.code for r in everything] == sorted(r.code for r in everything)
    assert len({r.code for r in everything}) == len(everything)
    assert all(r.full_name.endswith(r.name) for r in everything)


def test_counties_within_a_prefecture_are_all_in_that_prefecture():
    hangzhou = counties("330100")
    assert hangzhou and all(r.code.startswith("3301") for r in hangzhou)
    assert "330106" in {r.code for r in hangzhou}


# --- the data file itself ------------------------------------------------------------------------


def _rows() -> list[dict[str, str]]:
    with (DATA / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_successor_is_a_current_region_of_the_same_level():
    rows = {r["code"]: r for r in _rows()}
    for row in rows.values():
        assert re.fullmatch(r"\d{6}", row["code"])
        assert row["level"] in {"province", "city", "county"}
        if row["successor"]:
            successor = rows[row["successor"]]
            assert row["valid_until"], f"{row['code']} is current but has a successor"
            assert not successor["valid_until"], f"{row['code']} -> {successor['code']} is not current"
            assert successor["level"] == row["level"]


def test_every_hand_written_successor_is_used():
    rows = {r["code"]: r for r in _rows()}
    with (DATA / "region_successors_manual.csv").open(encoding="utf-8", newline="") as handle:
        manual = [r for r in csv.reader(handle) if r and not r[0].startswith("#")][1:]
    assert manual
    for code, successor, source in manual:
        assert rows[code]["successor"] == successor
        assert rows[code]["successor_basis"] == "manual"
        assert source.strip()


@functools.cache
def _build_script():
    spec = importlib.util.spec_from_file_location("build_regions", ROOT / "scripts" / "build_regions.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_committed_csv_is_what_the_build_script_makes_from_the_installed_stdnum():
    summary = (DATA / "regions.summary.txt").read_text(encoding="utf-8")
    built_from = re.search(r"python-stdnum (\S+)", summary).group(1)
    if built_from != stdnum.__version__:
        pytest.skip(f"regions.csv was built from python-stdnum {built_from}; {stdnum.__version__} is installed")
    assert _build_script().main(["--check"]) == 0


def test_name_stems_drop_the_kind_of_county_and_ethnic_autonomy():
    build = _build_script()
    assert build.county_stem("黔江土家族苗族自治县") == "黔江"
    assert build.county_stem("武隆县") == "武隆"
    assert build.county_stem("武隆区") == "武隆"
    assert build.county_stem("江津市") == "江津"
    assert build.county_stem("石柱土家族自治县") == "石柱"
    assert build.county_stem("伊吾各族自治县") == "伊吾"
    assert build.county_stem("忠县") == "忠"
    assert build.city_stem("忻州地区") == "忻州"


@pytest.mark.parametrize("area", ["500000", "500100", "500200", "330100", "110000", "500156", "510000", "512300"])
def test_counties_within_agrees_with_is_within(area):
    assert counties(area) == [r for r in counties() if is_within(area, r.code)]
