from datetime import date

import pytest

from accessibility.answers import (
    LONG_TERM,
    Ambiguous,
    NotUnderstood,
    Understood,
    YearMonth,
    parse_birth_date,
    parse_date,
)

TODAY = date(2026, 5, 1)
BORN = date(1980, 5, 3)

FULL_DATES = [
    "1980年5月3日", "1980年05月03日", "1980年5月3号", "1980.5.3", "1980.05.03", "1980-5-3", "1980-05-03",
    "1980/5/3", "19800503", "一九八零年五月三日", "一九八〇年五月三日", "一九八○年五月三号", "１９８０年５月３日",
    "１９８０．５．３", "1980年5月3日出生。", "1980 年 5 月 3 日", "我是1980年5月3号生的",
]


@pytest.mark.parametrize("answer", FULL_DATES)
def test_a_full_date_is_understood_in_every_written_and_spoken_form(answer):
    assert parse_birth_date(answer, today=TODAY) == Understood(BORN)


@pytest.mark.parametrize("answer", ["80年5月3号", "八零年五月三号", "80.5.3", "80年05月03日"])
def test_a_two_digit_birth_year_takes_the_century_that_is_not_in_the_future(answer):
    assert parse_birth_date(answer, today=TODAY) == Understood(BORN, note="two_digit_year_assumed")


def test_a_two_digit_year_that_fits_both_centuries_is_asked_about():
    assert parse_birth_date("20年5月3日", today=TODAY) == Ambiguous(
        (date(1920, 5, 3), date(2020, 5, 3)), code="two_digit_year_century"
    )


def test_a_two_digit_year_more_than_120_years_ago_is_not_a_birth_year():
    assert parse_birth_date("05年1月1日", today=TODAY) == Understood(date(2005, 1, 1), note="two_digit_year_assumed")


def test_a_two_digit_year_without_a_window_takes_the_century_nearer_today():
    assert parse_date("35年6月1日", today=TODAY) == Understood(date(2035, 6, 1), note="two_digit_year_assumed")
    assert parse_date("80年6月1日", today=TODAY) == Understood(date(1980, 6, 1), note="two_digit_year_assumed")


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("二〇〇一年十二月三十一日", date(2001, 12, 31)),
        ("两千零一年三月五号", date(2001, 3, 5)),
        ("二零零零年二月二十九日", date(2000, 2, 29)),
        ("一九九九年十月一日", date(1999, 10, 1)),
        ("一九九九年十一月廿一日", date(1999, 11, 21)),
    ],
)
def test_chinese_numerals_in_every_part_of_the_date_are_read(answer, expected):
    assert parse_birth_date(answer, today=TODAY) == Understood(expected)


@pytest.mark.parametrize(
    "answer, params",
    [
        ("1980年2月30日", {"year": 1980, "month": 2, "day": 30}),
        ("1981年2月29日", {"year": 1981, "month": 2, "day": 29}),
        ("1980年4月31日", {"year": 1980, "month": 4, "day": 31}),
        ("1980.1.32", {"year": 1980, "month": 1, "day": 32}),
        ("80年2月30日", {"year": 1980, "month": 2, "day": 30}),
    ],
)
def test_an_impossible_date_says_which_date_does_not_exist(answer, params):
    assert parse_birth_date(answer, today=TODAY) == NotUnderstood("no_such_date", params)


def test_a_thirteenth_month_is_named():
    assert parse_birth_date("1980年13月1日", today=TODAY) == NotUnderstood("no_such_month", {"month": 13})


@pytest.mark.parametrize("answer", ["农历五月初三", "阴历1980年5月3日", "一九八零年正月十五", "腊月二十三"])
def test_a_lunar_date_is_recognised_and_refused_with_its_own_code(answer):
    assert parse_birth_date(answer, today=TODAY) == NotUnderstood("lunar_date_given")


def test_a_birth_date_in_the_future_is_too_late():
    assert parse_birth_date("2030年1月1日", today=TODAY) == NotUnderstood(
        "date_too_late", {"date": "2030-01-01", "latest": "2026-05-01"}
    )


def test_a_date_before_the_window_is_too_early():
    assert parse_date("2019年1月1日", today=TODAY, not_before=date(2020, 1, 1)) == NotUnderstood(
        "date_too_early", {"date": "2019-01-01", "earliest": "2020-01-01"}
    )


@pytest.mark.parametrize("answer", ["长期", "长期有效", "永久", "终身"])
def test_long_term_is_a_sentinel_where_the_field_allows_it(answer):
    assert parse_date(answer, today=TODAY, allow_long_term=True) == Understood(LONG_TERM)


def test_long_term_is_refused_where_a_date_is_needed():
    assert parse_date("长期", today=TODAY) == NotUnderstood("long_term_not_allowed")


@pytest.mark.parametrize("answer", ["2030年6月", "2030.6", "2030-06", "203006", "二〇三〇年六月份", "30年6月"])
def test_a_month_alone_is_understood_where_the_field_allows_it(answer):
    result = parse_date(answer, today=TODAY, allow_month_only=True)
    assert isinstance(result, Understood) and result.value == YearMonth(2030, 6)


def test_a_month_alone_is_refused_with_the_missing_day_named_where_a_full_date_is_needed():
    assert parse_date("1980年5月", today=TODAY) == NotUnderstood("day_missing", {"year": 1980, "month": 5})


def test_a_year_alone_asks_for_month_and_day():
    assert parse_date("1980年", today=TODAY) == NotUnderstood("month_and_day_missing", {"year": 1980})


def test_a_date_without_a_year_asks_for_the_year():
    assert parse_date("5月3日", today=TODAY) == NotUnderstood("year_missing", {"month": 5, "day": 3})


def test_a_day_first_date_is_not_guessed():
    assert parse_date("3/5/1980", today=TODAY) == NotUnderstood("date_order_unclear")


def test_an_id_number_given_as_a_date_is_reported_by_its_length():
    assert parse_date("500156198005031234", today=TODAY) == NotUnderstood("date_digits_wrong_length", {"length": 18})


def test_a_validity_range_offers_both_dates():
    assert parse_date("2015.03.02-2035.03.02", today=TODAY) == Ambiguous(
        (date(2015, 3, 2), date(2035, 3, 2)), code="several_dates"
    )


@pytest.mark.parametrize("answer", ["abc", "不记得", "很久以前", "是的", "1980"])
def test_answers_that_are_no_date_are_not_understood(answer):
    assert parse_date(answer, today=TODAY) == NotUnderstood("date_unclear")


def test_an_empty_answer_is_reported_as_empty():
    assert parse_date("。", today=TODAY) == NotUnderstood("empty")


@pytest.mark.parametrize("answer", ["1980 5 3", "1980 05 03", "1980-5-3", "80 5 3", "1980  5  3", "１９８０　５　３",
                                    "1980 5 3号"])
def test_a_date_typed_with_spaces_between_year_month_and_day_is_understood(answer):
    understood = parse_date(answer, today=TODAY)
    assert isinstance(understood, Understood) and understood.value == date(1980, 5, 3)


def test_spaces_are_not_run_together_into_a_month_that_does_not_exist():
    assert parse_date("1980 5 3", today=TODAY) != NotUnderstood("no_such_month", {"month": 53})
    assert parse_date("2030 6", today=TODAY) == NotUnderstood("day_missing", {"year": 2030, "month": 6})
    assert parse_date("3 5 1980", today=TODAY) == NotUnderstood("date_order_unclear")
