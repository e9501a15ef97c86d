"""Region names in the reader's language: GB/T 2260's in Chinese; in English romanised as English addresses write
them, smallest place first (English text quoting 重庆市武隆区 was read aloud as "Chinese letter" six times)."""

import pytest

from backend.identity.place_names import place_name


@pytest.mark.parametrize(("code", "english"), [
    ("500156", "Wulong District, Chongqing"),                 # a municipality's district: no prefecture between
    ("500232", "Wulong County, Chongqing"),                   # abolished codes keep their own name
    ("310115", "Pudong New Area, Shanghai"),
    ("522631", "Liping County, Qiandongnan, Guizhou"),        # the peoples of an autonomous area are left out
    ("450103", "Qingxiu District, Nanning, Guangxi"),
    ("500240", "Shizhu Autonomous County, Chongqing"),
    ("150102", "Xincheng District, Huhehaote, Neimenggu"),    # 内蒙古 is not cut to 内
])
def test_a_region_is_named_in_english_as_english_addresses_name_it(code, english):
    assert place_name(code, "en") == english


def test_in_chinese_a_region_keeps_its_full_name_and_an_unknown_code_names_nothing():
    assert place_name("500156", "zh_Hans_CN") == "重庆市武隆区"
    assert place_name("999999", "en") is None and place_name(None, "en") is None

