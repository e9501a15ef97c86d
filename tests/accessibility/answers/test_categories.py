import pytest

from accessibility.answers import Ambiguous, NotUnderstood, Understood, parse_category

CATEGORIES = [
    ("视力", 1), ("盲", 1), ("看不见", 1), ("眼睛", 1), ("眼睛看不清", 1), ("视力残疾", 1), ("失明", 1),
    ("听力", 2), ("聋", 2), ("听不见", 2), ("耳朵", 2), ("耳朵听不见", 2), ("听不见别人说话", 2),
    ("言语", 3), ("说话", 3), ("哑", 3), ("不会说话", 3),
    ("肢体", 4), ("腿", 4), ("手", 4), ("瘫痪", 4), ("腿脚不好", 4), ("我是脑瘫", 4), ("肢体二级", 4),
    ("智力", 5), ("智障", 5), ("智力残疾", 5),
    ("精神", 6), ("精神残疾", 6), ("孤独症", 6),
    ("多重", 7), ("好几种", 7), ("都有", 7), ("视力和多重", 7),
    ("1", 1), ("2类", 2), ("三", 3), ("4类", 4), ("第四类", 4), ("四", 4), ("第五类", 5), ("6", 6), ("７", 7),
]


@pytest.mark.parametrize("answer, category", CATEGORIES)
def test_a_category_is_understood_by_name_by_everyday_words_and_by_number(answer, category):
    assert parse_category(answer) == Understood(category)


def test_words_for_two_categories_offer_both_and_multiple():
    assert parse_category("眼睛和耳朵") == Ambiguous((1, 2, 7), code="several_categories")


def test_a_grade_given_for_the_category_is_pointed_out():
    assert parse_category("二级") == NotUnderstood("looks_like_grade", {"grade": 2})


@pytest.mark.parametrize("answer, number", [("8", 8), ("第九类", 9), ("0", 0)])
def test_a_number_outside_one_to_seven_is_named_in_the_correction(answer, number):
    assert parse_category(answer) == NotUnderstood("category_out_of_range", {"category": number})


@pytest.mark.parametrize("answer", ["不知道", "是的", "残疾证", "张三", "很多年了"])
def test_answers_that_name_no_category_are_not_understood(answer):
    assert parse_category(answer) == NotUnderstood("category_unclear")


@pytest.mark.parametrize("text, category", [("visual disability", 1), ("Visual", 1), ("blind", 1), ("deaf", 2),
                                            ("hard of hearing", 2), ("speech disability", 3), ("physical", 4),
                                            ("I use a wheelchair", 4), ("intellectual disability", 5),
                                            ("mental disability", 6), ("multiple disabilities", 7),
                                            ("category 4", 4), ("the fourth one", 4)])
def test_a_category_is_understood_by_its_english_name_or_common_english_words(text, category):
    assert parse_category(text) == Understood(category)


def test_english_words_count_only_as_whole_words():
    assert parse_category("year") == NotUnderstood("category_unclear")   # "ear" is in it


def test_an_english_grade_said_to_the_category_question_is_told_it_is_a_grade():
    assert parse_category("grade 2") == NotUnderstood("looks_like_grade", {"grade": 2})
