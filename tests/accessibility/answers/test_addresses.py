from accessibility.answers import NotUnderstood, Understood
from accessibility.answers.addresses import parse_address


def test_the_words_around_an_address_are_taken_off():
    assert parse_address("我住在重庆市武隆区联合路25号") == Understood("重庆市武隆区联合路25号")
    assert parse_address("地址是武隆区凤山街道芙蓉路1号。") == Understood("武隆区凤山街道芙蓉路1号")
    assert parse_address("我家住在桐梓镇石桥村3组12号") == Understood("桐梓镇石桥村3组12号")


def test_an_address_nobody_could_find_is_too_short():
    assert parse_address("家里").code == "address_too_short"
    assert parse_address("村里") == NotUnderstood("address_too_short", {"length": 2})


def test_nothing_said_is_empty():
    assert parse_address("  ") == NotUnderstood("empty")
