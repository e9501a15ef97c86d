from __future__ import annotations

import random
from datetime import date

import pytest

from backend.identity.id_numbers import parse_id_number
from backend.identity.synthetic import synthetic_id_number

from .strategies import TODAY


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
