import pytest

from accessibility.answers import NotUnderstood, Understood, parse_yes_no

YES = [
    "是", "是的", "对", "对的", "嗯", "嗯嗯", "有", "好", "好的", "可以", "行", "没错", "同意", "yes", "y", "1",
    "YES", "Ｙｅｓ", "ok", "是。", "是的呀", "对对对", "没问题", "当然", "要", "需要", "要得", "对头", "我是", "我也是",
    "嗯，是的", "有的", "就是", "１", "知道了", "我知道了", "明白", "晓得了", "懂了",
]
NO = [
    "不是", "不", "没有", "没", "不对", "否", "不用", "不要", "no", "n", "0", "NO", "不是。", "不是的", "没有啊",
    "不不不", "没有没有", "没得", "不需要", "我不是", "我家没有", "我们都不是", "嗯，不是", "嗯不是", "错了", "０",
]
UNCLEAR = [
    "有没有", "是不是", "不知道", "不确定", "可能是", "大概吧", "是吗", "不错", "是也不是", "有也没有", "我", "他",
    "好像有", "应该是", "呃", "张三", "1980", "10", "yes no", "对不对", "不明白", "不知道了", "知道吗",
]


@pytest.mark.parametrize("answer", YES)
def test_every_way_of_saying_yes_is_a_yes(answer):
    assert parse_yes_no(answer) == Understood(True)


@pytest.mark.parametrize("answer", NO)
def test_every_way_of_saying_no_is_a_no(answer):
    assert parse_yes_no(answer) == Understood(False)


@pytest.mark.parametrize("answer", UNCLEAR)
def test_mixed_hedged_or_unrelated_answers_are_not_taken_as_yes_or_no(answer):
    assert parse_yes_no(answer) == NotUnderstood("yes_no_unclear")


def test_a_plain_first_clause_decides_and_says_that_more_was_said():
    assert parse_yes_no("不是，我是他儿子。") == Understood(False, note="more_was_said")
    assert parse_yes_no("好的，谢谢") == Understood(True, note="more_was_said")


def test_a_first_clause_that_is_not_plain_leaves_the_answer_unclear():
    assert parse_yes_no("我不太清楚，问问我儿子") == NotUnderstood("yes_no_unclear")


@pytest.mark.parametrize("answer", ["", "  ", "。", "？！"])
def test_an_empty_answer_is_reported_as_empty(answer):
    assert parse_yes_no(answer) == NotUnderstood("empty")


@pytest.mark.parametrize("answer", ["是，不是", "对。不对。", "有，没有"])
def test_an_answer_that_takes_itself_back_is_unclear(answer):
    assert parse_yes_no(answer) == NotUnderstood("yes_no_unclear")


@pytest.mark.parametrize("answer", ["11", "111", "10", "01", "2"])
def test_a_number_other_than_a_lone_1_or_0_is_no_yes_or_no(answer):
    # "11" said at the summary (the option number of another question) was taken for 提交.
    assert parse_yes_no(answer) == NotUnderstood("yes_no_unclear")


@pytest.mark.parametrize("text, value", [("agree", True), ("I agree", True), ("I disagree", False),
                                         ("I don't agree", False)])
def test_agreeing_in_english_is_a_yes(text, value):
    assert parse_yes_no(text) == Understood(value)
