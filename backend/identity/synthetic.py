"""Synthetic people for demo seeding and tests: made-up names, valid-looking ID numbers, addresses and
phone numbers. Never real personal data (shared/DESIGN.md "Habits").

A synthetic ID number is well formed (its check character is right), so it exercises the same paths a
real one does; like any well-formed number it could coincide with a real person's, which is why these
numbers are used only with synthetic names, addresses and phones and never sent anywhere real.
"""

from __future__ import annotations

import random
from datetime import date

from backend.identity.id_numbers import check_character

_SEXES = ("male", "female")


def synthetic_id_number(
    region_code: str,
    birth_date: date,
    sex: str,
    sequence: int | None = None,
    rng: random.Random | None = None,
) -> str:
    """An 18-character number with a correct check character.

    ``sequence`` (0-999) is the 3-digit 顺序码; its parity must match ``sex`` (odd male, even female).
    Without it one is drawn from ``rng`` (a fresh unseeded ``random.Random`` if none is given)."""
    if len(region_code) != 6 or not (region_code.isascii() and region_code.isdigit()):
        raise ValueError("region_code must be 6 ASCII digits")
    if sex not in _SEXES:
        raise ValueError("sex must be 'male' or 'female'")
    parity = 1 if sex == "male" else 0
    if sequence is None:
        rng = rng or random.Random()
        sequence = rng.randrange(parity, 1000, 2)
    elif not 0 <= sequence <= 999:
        raise ValueError("sequence must be 0-999")
    elif sequence % 2 != parity:
        raise ValueError("sequence parity does not match sex (odd male, even female)")
    # Not strftime("%Y"): it drops leading zeros for years before 1000 on glibc.
    first17 = f"{region_code}{birth_date.year:04d}{birth_date.month:02d}{birth_date.day:02d}{sequence:03d}"
    return first17 + check_character(first17)
