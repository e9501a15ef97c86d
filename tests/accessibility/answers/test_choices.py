import pytest

from accessibility.answers import (
    HOUSEHOLD_STATUS_CHOICES,
    Ambiguous,
    Choice,
    NotUnderstood,
    Understood,
    parse_choice,
)


@pytest.mark.parametrize(
    "answer, value",
    [
        ("低保", "dibao"), ("低保户", "dibao"), ("我家是低保户", "dibao"), ("吃低保的", "dibao"), ("低保吧", "dibao"),
        ("低保边缘", "dibao_marginal"), ("是低保边缘户", "dibao_marginal"), ("边缘户", "dibao_marginal"),
        ("都不是", "none"), ("都没有", "none"), ("没有", "none"), ("不是", "none"), ("普通家庭", "none"),
        ("1", "dibao"), ("第一个", "dibao"), ("一", "dibao"), ("１", "dibao"), ("我选2", "dibao_marginal"),
        ("第二个", "dibao_marginal"), ("两", "dibao_marginal"), ("三", "none"), ("最后一个", "none"),
        ("不是低保，是低保边缘", "dibao_marginal"),
    ],
)
def test_a_household_status_is_picked_by_name_part_or_number(answer, value):
    assert parse_choice(answer, HOUSEHOLD_STATUS_CHOICES) == Understood(value)


def test_dibao_inside_dibao_marginal_does_not_pick_dibao():
    assert parse_choice("我们是低保边缘家庭", HOUSEHOLD_STATUS_CHOICES) == Understood("dibao_marginal")


@pytest.mark.parametrize("answer", ["没有低保", "不是低保户", "没有低保也没有低保边缘", "我家不是低保"])
def test_denying_the_choices_named_picks_none_and_says_so(answer):
    assert parse_choice(answer, HOUSEHOLD_STATUS_CHOICES) == Understood("none", note="by_denial")


def test_naming_two_choices_is_ambiguous():
    assert parse_choice("低保和低保边缘", HOUSEHOLD_STATUS_CHOICES) == Ambiguous(
        ("dibao", "dibao_marginal"), code="several_choices"
    )


def test_a_number_beyond_the_list_names_how_many_were_offered():
    assert parse_choice("第五个", HOUSEHOLD_STATUS_CHOICES) == NotUnderstood(
        "choice_number_out_of_range", {"number": 5, "count": 3}
    )


@pytest.mark.parametrize("answer", ["不知道", "特困", "张三", "是的"])
def test_answers_that_name_no_choice_are_not_understood(answer):
    assert parse_choice(answer, HOUSEHOLD_STATUS_CHOICES) == NotUnderstood("choice_unclear")


def test_without_a_none_choice_a_plain_no_picks_nothing():
    applying_as = (Choice("self", ("本人", "自己")), Choice("guardian", ("监护人", "家属")))
    assert parse_choice("没有", applying_as) == NotUnderstood("choice_unclear")
    assert parse_choice("我自己", applying_as) == Understood("self")
    assert parse_choice("2", applying_as) == Understood("guardian")


def test_a_choice_whose_name_is_a_number_word_is_picked_by_name_before_position():
    grades = (Choice("b", ("二",)), Choice("a", ("一",)))
    assert parse_choice("一", grades) == Understood("a")


def test_an_empty_answer_is_reported_as_empty():
    assert parse_choice("", HOUSEHOLD_STATUS_CHOICES) == NotUnderstood("empty")


@pytest.mark.parametrize("answer", ["两项", "两个", "两种", "三个", "2个", "一项"])
def test_a_number_counting_things_is_no_position_in_the_list(answer):
    assert parse_choice(answer, HOUSEHOLD_STATUS_CHOICES) == NotUnderstood("choice_unclear")


@pytest.mark.parametrize("answer, value", [("第2项", "dibao_marginal"), ("第二种", "dibao_marginal"),
                                           ("2号", "dibao_marginal"), ("选第三个吧", "none")])
def test_a_clear_ordinal_picks_its_position(answer, value):
    assert parse_choice(answer, HOUSEHOLD_STATUS_CHOICES) == Understood(value)


@pytest.mark.parametrize("text, value", [("dibao household", "dibao"), ("marginal dibao household", "dibao_marginal"),
                                         ("near-dibao family", "dibao_marginal"), ("neither", "none"),
                                         ("no dibao", "none"), ("option 2", "dibao_marginal"),
                                         ("the second one", "dibao_marginal"), ("last", "none")])
def test_the_household_status_is_understood_as_said_in_english(text, value):
    assert parse_choice(text, HOUSEHOLD_STATUS_CHOICES).value == value


def test_an_english_denial_picks_none_as_a_chinese_one_does():
    assert parse_choice("we are not a dibao household", HOUSEHOLD_STATUS_CHOICES) == Understood("none", note="by_denial")
