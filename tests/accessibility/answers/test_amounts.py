"""A monthly amount of another benefit (seed 004 注: a choose-the-higher rule weighs it), said in digits or
Chinese numerals, with or without 元/块, read as yuan. Whether it is acceptable is the field check's."""
from decimal import Decimal

import pytest

from accessibility.answers import NotUnderstood, Understood, parse_amount


@pytest.mark.parametrize("text, amount", [
    ("85", "85"), ("85元", "85"), ("８５块", "85"), ("85 块钱", "85"), ("￥1,200", "1200"), ("1,200.50元", "1200.50"),
    ("八十五", "85"), ("八十五块", "85"), ("一百二", "120"), ("一千二", "1200"), ("两千五百块钱", "2500"),
    ("幺二零", "120"), ("85.5", "85.5"), ("八十五点五元", "85.5"), ("八十五块五", "85.5"), ("八十五元五角", "85.5"),
    ("三百五十元零五分", "350.05"),
])
def test_an_amount_is_read_in_digits_or_chinese_numerals(text, amount):
    assert parse_amount(text) == Understood(Decimal(amount))


@pytest.mark.parametrize("text, amount", [
    ("每个月领八百左右", "800"), ("一个月一千", "1000"), ("大概三百吧", "300"), ("每月85元。", "85"),
    ("一百二十块钱一个月", "120"), ("我每个月能领300", "300"), ("800多", "800"),
])
def test_the_words_around_an_amount_are_left_aside(text, amount):
    assert parse_amount(text) == Understood(Decimal(amount))


def test_nothing_is_understood_as_empty():
    assert parse_amount(" 。") == NotUnderstood("empty")


def test_a_yearly_amount_is_asked_again_as_a_monthly_one():
    assert parse_amount("一年一万二") == NotUnderstood("amount_per_year")


@pytest.mark.parametrize("text", ["不太清楚", "挺多的", "85斤", "八十五块五十"])
def test_words_that_are_no_amount_are_not_understood(text):
    assert parse_amount(text) == NotUnderstood("amount_unclear")


def test_zero_is_understood_and_left_to_the_field_check():
    assert parse_amount("0") == Understood(Decimal(0))


def test_an_amount_is_understood_in_english_yuan_a_month_but_not_a_year():
    assert parse_amount("300 yuan") == Understood(Decimal("300"))
    assert parse_amount("300 yuan a month") == Understood(Decimal("300"))
    assert parse_amount("3600 yuan a year") == NotUnderstood("amount_per_year")
