"""公民身份号码 (GB 11643-1999): normalise what people type or OCR reads, and parse it into its parts.

The 18 characters are: a 6-digit region code (GB/T 2260, the place where the number was FIRST issued),
the 8-digit birth date, a 3-digit sequence (odd for men, even for women) and a check character
(ISO 7064 MOD 11-2).

We never reject a number for its region code. Codes of abolished counties stay in people's numbers for
life (500232 武隆县 became 500156 武隆区 in 2016), and codes created after a person's birth appear in
numbers issued later (first cards 1984-85, 18-digit conversion 1999). python-stdnum's
``cn.ric.validate`` rejects such numbers (330106 born 1950; 500232 born 1944; shared/REFERENCE.md), so
this module does its own checks instead.

Error codes raised as ``InvalidIdNumber.code`` (checked in this order; the first that applies wins):

- ``empty``: nothing left after normalising. params: {}
- ``bad_characters``: a character that can never be in a number (only digits, and ``X`` as the 18th).
  params: ``position`` (1-based, in the normalised text), ``character``
- ``wrong_length``: not 18 characters. params: ``length``. (A 15-digit number is a first-generation
  number, which an 18-digit card replaced in 1999-2013.)
- ``bad_birth_date``: characters 7-14 are not a real date (such as 0230). params: {}
- ``implausible_birth_date``: born before 1900. params: {}
- ``future_birth_date``: born after ``today`` (China Standard Time). params: {}
- ``bad_check_character``: the 18th character is not the one the first 17 call for; usually a typing or
  reading mistake in any of the 18. params: ``expected``, ``given``

The birth date is personal data, so no error carries it in its params.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

ID_NUMBER_LENGTH = 18

# ISO 7064 MOD 11-2 as GB 11643-1999 states it: weight 2^(17-i) mod 11 for the i-th of the first 17
# digits, and the weighted sum mod 11 indexes this string.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"

# China has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tz database.
CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")

_EARLIEST_BIRTH_YEAR = 1900

# Separators people type or OCR reads between groups of digits: ASCII and full-width spaces, hyphens,
# dashes and dots, including the middle dot.
_SEPARATORS = re.compile(r"[\s\u00a0\u3000\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d.\uff0e\u00b7\u30fb\u2027]")
# Full-width digits and Latin letters (U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A) map to ASCII by a fixed
# offset. NFKC would do it too, but would also turn ① or ² into digits, hiding a real mistake.
_FULL_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}

Sex = Literal["male", "female"]


class InvalidIdNumber(ValueError):
    """An ID number that cannot be right; ``code`` and ``params`` are listed in the module docstring.

    The message never contains the number itself (it is personal data and messages end up in logs).
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params: dict[str, Any] = params
        super().__init__(f"invalid ID number: {code} {params}" if params else f"invalid ID number: {code}")


@dataclass(frozen=True, repr=False)
class IdNumber:
    """A parsed, valid ID number. ``repr``/``str`` show the masked form so that it never lands whole in a
    log line by accident; use ``.value`` where the whole number is needed."""

    value: str
    region_code: str
    birth_date: date
    sex: Sex

    @property
    def sequence(self) -> str:
        """The 3-digit sequence (顺序码) that tells people born the same day in the same place apart."""
        return self.value[14:17]

    def masked(self) -> str:
        """First 4, ten asterisks, last 4: enough for a person to recognise their own number (DESIGN.md:
        numbers are masked wherever they are not needed whole)."""
        return mask_id_number(self.value)

    def age_on(self, day: date) -> int:
        """Completed years of age on ``day`` (a person born on 29 February turns a year older on 1 March
        in common years)."""
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def __repr__(self) -> str:
        return f"IdNumber({self.masked()!r})"

    __str__ = __repr__


def mask_id_number(value: str) -> str:
    """``1101**********1234`` for an 18-character number. Shorter text keeps its first and last quarter
    (at most 4 each) so that masking a malformed number does not reveal it either."""
    keep = min(4, len(value) // 4)
    if keep == 0:
        return "*" * len(value)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]


def normalise_id_number(text: str) -> str:
    """Strip separators (spaces, hyphens, dots, also full-width), turn full-width digits and letters into
    ASCII, and ``x`` into ``X``. Anything else is left alone for ``parse_id_number`` to report."""
    text = text.translate(_FULL_WIDTH)
    text = _SEPARATORS.sub("", text)
    return text.replace("x", "X")


def check_character(first17: str) -> str:
    """The MOD 11-2 check character (``0``-``9`` or ``X``) for the first 17 digits of a number."""
    if len(first17) != ID_NUMBER_LENGTH - 1 or not _is_ascii_digits(first17):
        raise ValueError("check_character needs exactly 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS))
    return _CHECK_CHARACTERS[total % 11]


def today_in_china() -> date:
    return datetime.now(CHINA_STANDARD_TIME).date()


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Normalise ``text`` and return its parts, or raise ``InvalidIdNumber`` with the first problem found
    (order and codes in the module docstring). ``today`` defaults to today in China."""
    value = normalise_id_number(text)
    if not value:
        raise InvalidIdNumber("empty")
    # Characters before length: "张三" typed into the number field is better told as the wrong kind of
    # characters than as the wrong length.
    for index, character in enumerate(value):
        if not (_is_ascii_digits(character) or character == "X"):
            raise InvalidIdNumber("bad_characters", position=index + 1, character=character)
    if len(value) != ID_NUMBER_LENGTH:
        raise InvalidIdNumber("wrong_length", length=len(value))
    x_position = value.find("X")
    if x_position != -1 and x_position != ID_NUMBER_LENGTH - 1:
        raise InvalidIdNumber("bad_characters", position=x_position + 1, character="X")

    birth_date = _birth_date(value[6:14])
    if birth_date.year < _EARLIEST_BIRTH_YEAR:
        raise InvalidIdNumber("implausible_birth_date")
    if birth_date > (today or today_in_china()):
        raise InvalidIdNumber("future_birth_date")

    expected = check_character(value[:17])
    if value[17] != expected:
        raise InvalidIdNumber("bad_check_character", expected=expected, given=value[17])

    sequence = value[14:17]
    return IdNumber(
        value=value,
        region_code=value[:6],
        birth_date=birth_date,
        sex="male" if int(sequence) % 2 else "female",
    )


def _birth_date(digits: str) -> date:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InvalidIdNumber("bad_birth_date") from None


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() is also true for "١" or "²"; only ASCII digits belong in a number.
    return text.isascii() and text.isdigit()
