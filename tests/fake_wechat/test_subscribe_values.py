"""WeChat's rules for subscribe-message keyword values (订阅消息参数值内容限制说明)."""

import pytest

from fake_wechat.subscribe_values import first_invalid_keyword, keyword_kind, value_is_valid


@pytest.mark.parametrize(("keyword", "kind"), [
    ("thing1", "thing"), ("character_string12", "character_string"), ("phone_number3", "phone_number"),
    ("time", "time"),
])
def test_a_keyword_names_its_type_before_its_number(keyword, kind):
    assert keyword_kind(keyword) == kind


@pytest.mark.parametrize(("keyword", "value"), [
    ("thing1", "残疾人两项补贴申请已提交"),
    ("thing1", "a" * 20),
    ("number2", "3.5"),
    ("number2", "9" * 32),
    ("letter3", "ABC"),
    ("symbol4", "+-*/%"),
    ("character_string5", "LB-2026-000123"),
    ("time6", "15:01"),
    ("time6", "2019年10月1日 15:01"),
    ("time6", "2024-07-12"),
    ("time6", "2026年3月1日 09:00~2026年3月1日 17:00"),
    ("date7", "2019年10月1日"),
    ("date7", "2026-03-05 14:30:00"),
    ("amount8", "¥80.00"),
    ("amount8", "90元"),
    ("amount8", "6000.00"),
    ("phone_number9", "+86-0766-66888866"),
    ("car_number10", "粤A8Z888挂"),
    ("name11", "张三"),
    ("name11", "买买提·艾力"),
    ("name11", "Zhang San"),
    ("phrase12", "审核中"),
    ("phrase12", "货物配送中"),
    ("enum13", "anything: WeChat checks the list, the fake does not know it"),
    ("keyword14", "legacy template keywords are not typed"),
])
def test_values_wechat_accepts(keyword, value):
    assert value_is_valid(keyword, value)


@pytest.mark.parametrize(("keyword", "value"), [
    ("thing1", ""),
    ("thing1", "a" * 21),
    ("number2", "3,5"),
    ("number2", "9" * 33),
    ("letter3", "AB1"),
    ("symbol4", "+-*/%^"),
    ("character_string5", "编号123"),
    ("character_string5", "x" * 33),
    ("time6", "下午三点"),
    ("time6", "25:00"),
    ("date7", "15:01"),
    ("date7", "2026年13月1日"),
    ("amount8", "八十元"),
    ("amount8", "¥12345678901"),
    ("phone_number9", "1" * 18),
    ("car_number10", "粤A8Z888挂挂"),
    ("name11", "欧阳诸葛司马上官长名字"),
    ("name11", "a" * 21),
    ("phrase12", "审核中ok"),
    ("phrase12", "正在审核中啊"),
])
def test_values_wechat_refuses(keyword, value):
    assert not value_is_valid(keyword, value)


def test_the_templates_keywords_must_all_be_present():
    data = {"thing1": {"value": "申请"}}

    assert first_invalid_keyword(data, ("thing1", "phrase2")) == "phrase2"
    assert first_invalid_keyword(data, None) is None


def test_each_value_must_be_an_object_with_a_value():
    assert first_invalid_keyword({"thing1": "申请"}, ("thing1",)) == "thing1"
    assert first_invalid_keyword({"number1": {"value": 42}}, ("number1",)) is None
    assert first_invalid_keyword({"number1": {"value": True}}, ("number1",)) == "number1"
    assert first_invalid_keyword(["thing1"], ("thing1",)) == "thing1"
