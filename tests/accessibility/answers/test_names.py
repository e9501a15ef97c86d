import pytest

from accessibility.answers import NotUnderstood, Understood
from accessibility.answers.names import parse_name


@pytest.mark.parametrize("answer, name", [
    ("王芳", "王芳"), ("我叫王芳", "王芳"), ("我的名字是王芳。", "王芳"), ("姓名：刘建国", "刘建国"), ("王 芳", "王芳"),
    ("阿依古丽·买买提", "阿依古丽·买买提"), ("我是王芳啊", "王芳"), ("申请人叫李四", "李四"), ("  张三  ", "张三"),
])
def test_the_words_around_a_name_are_taken_off(answer, name):
    assert parse_name(answer) == Understood(name)


def test_digits_are_not_a_name():
    assert parse_name("13900001111") == NotUnderstood("name_has_digits")


def test_a_sentence_is_not_a_name():
    result = parse_name("我也不太清楚应该怎么说我的名字因为我的证件上面写的和平时大家叫我的不一样")
    assert result.code == "name_is_a_sentence"


def test_nothing_said_is_empty():
    assert parse_name("。") == NotUnderstood("empty")
