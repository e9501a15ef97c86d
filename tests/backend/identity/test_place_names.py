"""Region names in the reader's language: GB/T 2260's in Chinese; in English romanised as English addresses write
them, smallest place first (English text quoting 重庆市武隆区 was read aloud as "Chinese letter" six times)."""

import pytest

from backend.identity.place_names import office_name, place_name


@pytest.mark.parametrize(("code", "english"), [
    ("500156", "Wulong District, Chongqing"),                 # a municipality's district: no prefecture between
    ("500232", "Wulong County, Chongqing"),                   # abolished codes keep their own name
    ("310115", "Pudong New Area, Shanghai"),
    ("522631", "Liping County, Qiandongnan, Guizhou"),        # the peoples of an autonomous area are left out
    ("450103", "Qingxiu District, Nanning, Guangxi"),
    ("500240", "Shizhu Autonomous County, Chongqing"),
    ("150102", "Xincheng District, Huhehaote, Neimenggu"),    # 内蒙古 is not cut to 内
    ("110105", "Chaoyang District, Beijing"),                 # place names' own readings, not everyday ones
    ("140428", "Zhangzi County, Changzhi, Shanxi"),           # 长 is chang in place names, save 长子
    ("653001", "Atushi City, Kezileisu, Xinjiang"),
])
def test_a_region_is_named_in_english_as_english_addresses_name_it(code, english):
    assert place_name(code, "en") == english


def test_in_chinese_a_region_keeps_its_full_name_and_an_unknown_code_names_nothing():
    assert place_name("500156", "zh_Hans_CN") == "重庆市武隆区"
    assert place_name("999999", "en") is None and place_name(None, "en") is None



@pytest.mark.parametrize(("office", "code", "english"), [
    ("武隆区民政局", "500156", "Civil Affairs Bureau of Wulong District, Chongqing"),     # seed 004's contacts
    ("武隆区残疾人联合会", "500156", "Disabled Persons' Federation of Wulong District, Chongqing"),
    ("河南省民政厅", "410000", "Department of Civil Affairs of Henan Province"),
    ("黎平县残联", None, "黎平县残联"),                                  # no region given: the place is not known
    ("仙女山镇人民政府", "500156", "仙女山镇人民政府"),                    # a town no region list names
    ("武隆区便民服务中心", "500156", "武隆区便民服务中心"),                # a kind not known
])
def test_an_office_of_the_policy_data_is_named_in_english_by_its_kind_and_the_place_it_serves(office, code, english):
    assert office_name(office, code, "en") == english
    assert office_name(office, code, "zh_Hant_TW") == office
