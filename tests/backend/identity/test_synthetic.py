from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.identity.certificate_numbers import parse_certificate_number
from backend.identity.id_numbers import parse_id_number
from backend.identity.regions import counties
from backend.identity.regions import region as region_of
from backend.identity.synthetic import (
    NAMES_WITH_RARE_CHARACTERS,
    RARE_NAME_CHARACTERS,
    SURNAMES,
    make_person,
    synthetic_certificate_number,
    synthetic_id_number,
)

from .strategies import TODAY, birth_dates


def test_synthetic_id_number_uses_the_given_sequence():
    number = synthetic_id_number("500232", date(1944, 11, 20), "female", sequence=24)
    assert number[:17] == "50023219441120024"
    assert parse_id_number(number, today=TODAY).sex == "female"


def test_synthetic_id_number_draws_a_sequence_of_the_right_parity_from_the_rng():
    for seed in range(50):
        male = synthetic_id_number("110101", date(1980, 1, 1), "male", rng=random.Random(seed))
        female = synthetic_id_number("110101", date(1980, 1, 1), "female", rng=random.Random(seed))
        assert int(male[14:17]) % 2 == 1
        assert int(female[14:17]) % 2 == 0


def test_same_seed_gives_the_same_number():
    a = synthetic_id_number("110101", date(1980, 1, 1), "male", rng=random.Random(7))
    b = synthetic_id_number("110101", date(1980, 1, 1), "male", rng=random.Random(7))
    assert a == b


@pytest.mark.parametrize(
    ("region", "sex", "sequence"),
    [("50023", "male", 1), ("5002a2", "male", 1), ("500232", "other", 1), ("500232", "male", 2),
     ("500232", "female", 1), ("500232", "male", 1001), ("500232", "female", -2)],
)
def test_synthetic_id_number_refuses_impossible_requests(region, sex, sequence):
    with pytest.raises(ValueError):
        synthetic_id_number(region, date(1980, 1, 1), sex, sequence=sequence)


# --- synthetic people ------------------------------------------------------------------------------


def test_default_person_lives_in_wulong_and_their_number_parses_back():
    person = make_person(rng=random.Random(1))
    assert person.region_code == "500156"
    assert person.hukou_region == "500156"
    assert person.birth_date == date(1960, 5, 3)
    parsed = parse_id_number(person.id_number, today=TODAY)
    assert (parsed.region_code, parsed.birth_date, parsed.sex) == ("500156", date(1960, 5, 3), person.sex)
    assert person.address.startswith("重庆市武隆区")


def test_person_from_an_abolished_county_keeps_the_old_code_and_lives_in_todays_county():
    person = make_person(region="500232", born="1944-11-20", sex="female", rng=random.Random(2))
    assert person.id_number.startswith("50023219441120")
    assert person.sex == "female"
    assert int(person.id_number[16]) % 2 == 0
    assert person.hukou_region == "500156"
    assert person.address.startswith("重庆市武隆区")


def test_same_seed_makes_the_same_person():
    assert make_person(rng=random.Random(42)) == make_person(rng=random.Random(42))


def test_phone_is_an_obviously_made_up_eleven_digit_mobile_number():
    for seed in range(20):
        phone = make_person(rng=random.Random(seed)).phone
        assert re.fullmatch(r"1390000\d{4}", phone)


def test_rare_name_comes_from_the_list_for_ocr_tests():
    person = make_person(rng=random.Random(3), rare_name=True)
    assert person.name in NAMES_WITH_RARE_CHARACTERS
    assert any(ch in RARE_NAME_CHARACTERS for ch in person.name)
    assert all(any(ch in RARE_NAME_CHARACTERS for ch in name) for name in NAMES_WITH_RARE_CHARACTERS)
    assert set(RARE_NAME_CHARACTERS) <= set("".join(NAMES_WITH_RARE_CHARACTERS))


def test_ordinary_names_are_two_or_three_chinese_characters():
    for seed in range(50):
        name = make_person(rng=random.Random(seed)).name
        assert 2 <= len(name) <= 3
        assert name[0] in SURNAMES
        assert all("\u4e00" <= ch <= "\u9fff" for ch in name)


def test_name_can_be_given():
    assert make_person(name="测试人", rng=random.Random(1)).name == "测试人"


def test_unknown_region_is_refused():
    with pytest.raises(ValueError):
        make_person(region="999999")


@settings(max_examples=50)
@given(st.sampled_from([r.code for r in counties()]), birth_dates, st.sampled_from(["male", "female"]), st.integers(0, 2**32))
def test_any_person_in_any_county_has_a_number_that_parses_back(region, born, sex, seed):
    person = make_person(region=region, born=born, sex=sex, rng=random.Random(seed))
    parsed = parse_id_number(person.id_number, today=TODAY)
    assert (parsed.region_code, parsed.birth_date, parsed.sex) == (region, born, sex)
    assert person.address.startswith(region_of(region).full_name)


def test_synthetic_certificate_number_parses_back():
    person = make_person(rng=random.Random(5))
    number = synthetic_certificate_number(person.id_number, 4, 2)
    parsed = parse_certificate_number(number, today=TODAY)
    assert (parsed.id_number.value, parsed.category, parsed.grade, parsed.suffix) == (person.id_number, 4, 2, None)
    assert parse_certificate_number(synthetic_certificate_number(person.id_number, 7, 1, "B1"), today=TODAY).suffix == "B1"
    with pytest.raises(ValueError):
        synthetic_certificate_number(person.id_number, 8, 1)
