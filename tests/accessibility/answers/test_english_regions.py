"""Counties named in English, as the product writes them in English sentences (backend/identity/place_names.py)."""

from __future__ import annotations

import pytest

from accessibility.answers.english_regions import EnglishCounties
from accessibility.answers.results import Ambiguous, NotUnderstood, Understood

COUNTIES = EnglishCounties([
    ("140105", "Xiaodian District, Taiyuan, Shanxi"),
    ("500156", "Wulong District, Chongqing"),
    ("110105", "Chaoyang District, Beijing"),
    ("220104", "Chaoyang District, Changchun, Jilin"),
    ("340523", "He County, Maanshan, Anhui"),
    ("500101", "Wanzhou District, Chongqing"),
])


@pytest.mark.parametrize("text, code", [("Xiaodian District, Taiyuan", "140105"), ("xiaodian district", "140105"),
                                        ("Xiaodian", "140105"), ("Shanxi Taiyuan Xiaodian District", "140105"),
                                        ("WULONG DISTRICT, CHONGQING", "500156"), ("Wulong", "500156"),
                                        ("I live in Wulong District", "500156"), ("He County", "340523")])
def test_a_county_is_found_by_its_english_name_with_or_without_its_kind_and_the_places_above_it(text, code):
    assert COUNTIES.parse(text) == Understood(code)


def test_a_name_of_two_counties_is_narrowed_by_the_city_said_with_it_or_else_asked():
    assert COUNTIES.parse("Chaoyang District, Beijing") == Understood("110105")
    assert COUNTIES.parse("Chaoyang District") == Ambiguous(("110105", "220104"), code="several_counties")


def test_english_words_and_places_above_a_county_are_no_county():
    assert COUNTIES.parse("he said you know") == NotUnderstood("county_unclear")   # He County only with its kind
    assert COUNTIES.parse("Chongqing") == NotUnderstood("county_unclear")
    assert COUNTIES.parse("  ") == NotUnderstood("empty")
