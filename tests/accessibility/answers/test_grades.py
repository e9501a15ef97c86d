import pytest

from accessibility.answers import Ambiguous, NotUnderstood, Understood, parse_grade

GRADES = [
    ("一级", 1), ("壹级", 1), ("1级", 1), ("一", 1), ("1", 1), ("I级", 1), ("Ⅰ级", 1), ("１级", 1), ("第一级", 1),
    ("一级残疾", 1), ("第一", 1), ("一级。", 1), ("残疾等级一级", 1), ("重度一级", 1),
    ("二级", 2), ("贰级", 2), ("2级", 2), ("二", 2), ("两级", 2), ("II级", 2), ("Ⅱ级", 2), ("肢体二级", 2),
    ("我是二等残疾", 2), ("２", 2),
    ("三级", 3), ("叁级", 3), ("3", 3), ("Ⅲ级", 3), ("残疾等级是三级", 3),
    ("四级", 4), ("肆级", 4), ("4级", 4), ("Ⅳ级", 4), ("IV", 4), ("是四级的", 4),
]


@pytest.mark.parametrize("answer, grade", GRADES)
def test_a_grade_is_understood_in_every_written_and_spoken_form(answer, grade):
    assert parse_grade(answer) == Understood(grade)


def test_zhongdu_alone_fits_grades_one_and_two_and_gets_a_follow_up():
    # seed 004 calls grades 1 and 2 together "重度残疾人"
    assert parse_grade("重度") == Ambiguous((1, 2), code="severity_word")
    assert parse_grade("重度残疾") == Ambiguous((1, 2), code="severity_word")


@pytest.mark.parametrize("answer, grade", [("极重度", 1), ("中度", 3), ("轻度", 4), ("中度残疾", 3)])
def test_the_other_severity_words_map_to_their_gb_t_26341_grade_and_ask_to_confirm(answer, grade):
    assert parse_grade(answer) == Understood(grade, note="severity_word")


def test_two_grades_in_one_answer_are_ambiguous():
    assert parse_grade("一级还是二级") == Ambiguous((1, 2), code="several_grades")
    assert parse_grade("肢体二级，视力一级") == Ambiguous((1, 2), code="several_grades")


@pytest.mark.parametrize("answer, number", [("五级", 5), ("5", 5), ("0", 0), ("十级", 10), ("6级", 6)])
def test_a_number_outside_one_to_four_is_named_in_the_correction(answer, number):
    assert parse_grade(answer) == NotUnderstood("grade_out_of_range", {"grade": number})


@pytest.mark.parametrize("answer", ["不知道", "好", "视力", "残疾证", "很严重", "abc"])
def test_answers_without_a_grade_are_not_understood(answer):
    assert parse_grade(answer) == NotUnderstood("grade_unclear")


def test_an_empty_answer_is_reported_as_empty():
    assert parse_grade(" 。") == NotUnderstood("empty")


@pytest.mark.parametrize("text, grade", [("grade 1", 1), ("grade one", 1), ("first grade", 1), ("Grade II", 2),
                                         ("level 3", 3), ("2nd", 2), ("the second one", 2), ("four", 4)])
def test_a_grade_is_understood_as_said_in_english(text, grade):
    assert parse_grade(text) == Understood(grade)


def test_english_severity_words_follow_the_chinese_ones():
    assert parse_grade("extremely severe") == Understood(1, note="severity_word")
    assert parse_grade("severe") == Ambiguous((1, 2), code="severity_word")
    assert parse_grade("grade 1 or grade 2") == Ambiguous((1, 2), code="several_grades")
    assert parse_grade("grade 5") == NotUnderstood("grade_out_of_range", {"grade": 5})
