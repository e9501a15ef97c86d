import pytest

from accessibility.answers.text import chinese_integer, compact, digits_read_out, small_number, split_clauses


def test_full_width_characters_punctuation_and_spaces_are_folded_away():
    assert compact(" １ ２，Ａ。") == "12a"


def test_clauses_are_cut_at_chinese_and_ascii_punctuation():
    assert split_clauses("不是，我是他儿子。好的!") == ["不是", "我是他儿子", "好的"]


@pytest.mark.parametrize("text, digits", [("幺三九", "139"), ("一九八零", "1980"), ("两洞拐勾", "2079"), ("〇○零", "000")])
def test_digits_read_out_one_by_one_are_turned_into_digits(text, digits):
    assert digits_read_out(text) == digits


def test_a_character_that_is_no_digit_stops_reading_digits():
    assert digits_read_out("一九八十") is None


@pytest.mark.parametrize(
    "text, number",
    [("12", 12), ("十二", 12), ("二十一", 21), ("廿一", 21), ("卅", 30), ("两", 2), ("零五", 5), ("十", 10), ("三十一", 31)],
)
def test_small_counted_numbers_are_read(text, number):
    assert small_number(text) == number


@pytest.mark.parametrize("text", ["100", "一二", "abc", "十十", "", "二廿"])
def test_what_is_not_a_small_counted_number_is_refused(text):
    assert small_number(text) is None


@pytest.mark.parametrize("text, number", [("1980", 1980), ("一九八零", 1980), ("两千零一", 2001), ("一百二十", 120)])
def test_whole_numbers_are_read_in_digit_and_counted_forms(text, number):
    assert chinese_integer(text) == number


@pytest.mark.parametrize("text", ["abc", "年", "一级"])
def test_words_are_no_whole_number(text):
    assert chinese_integer(text) is None
