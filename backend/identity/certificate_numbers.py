"""残疾人证号: the disability certificate number.

20 characters: the holder's 18-character ID number (which may end in ``X``), the disability category
digit and the grade digit (《残疾人证管理办法》; shared/DESIGN.md "Names that other programs rely on").
A certificate reissued in some regions carries more characters after the 20th: the first 20 stay the
number and the rest is kept as ``suffix`` for the reviewer to look at.

Error codes raised as ``InvalidCertificateNumber.code`` (checked in this order):

- ``empty``: nothing left after normalising. params: {}
- ``bad_characters``: a character that cannot be in the number: the first 20 are digits except an ``X``
  as the 18th; a suffix may hold ASCII letters and digits. params: ``position`` (1-based), ``character``
- ``wrong_length``: fewer than 20 characters (more is a suffix, not an error). params: ``length``
- ``bad_id_number``: the first 18 are not a valid ID number. params: ``id_code`` (the ``InvalidIdNumber``
  code, see ``id_numbers``) plus that error's own params (``expected``/``given`` for a bad check character)
- ``bad_category``: the 19th is not 1-7. params: ``digit``
- ``bad_grade``: the 20th is not 1-4. params: ``digit``
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from backend.identity.id_numbers import (
    ID_NUMBER_LENGTH,
    IdNumber,
    InvalidIdNumber,
    normalise_id_number,
    parse_id_number,
)

CERTIFICATE_NUMBER_LENGTH = 20

# 《残疾人证管理办法》 category digits; the identifiers are the project's domain words (DESIGN.md).
DISABILITY_CATEGORIES: dict[int, str] = {
    1: "vision",  # 视力残疾
    2: "hearing",  # 听力残疾
    3: "speech",  # 言语残疾
    4: "physical",  # 肢体残疾
    5: "intellectual",  # 智力残疾
    6: "mental",  # 精神残疾
    7: "multiple",  # 多重残疾
}
# Grade 1 is the most severe, 4 the least.
DISABILITY_GRADES: tuple[int, ...] = (1, 2, 3, 4)


class InvalidCertificateNumber(ValueError):
    """A certificate number that cannot be right; ``code`` and ``params`` are listed in the module
    docstring. The message never contains the number."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params: dict[str, Any] = params
        super().__init__(
            f"invalid certificate number: {code} {params}" if params else f"invalid certificate number: {code}"
        )


@dataclass(frozen=True, repr=False)
class CertificateNumber:
    """A parsed certificate number. ``repr``/``str`` are masked; ``.number`` is the whole 20."""

    number: str
    id_number: IdNumber
    category: int
    grade: int
    suffix: str | None

    @property
    def category_name(self) -> str:
        return DISABILITY_CATEGORIES[self.category]

    def masked(self) -> str:
        """First 4, twelve asterisks, last 4 (the category and grade digits stay visible only as part of
        the last 4; public notices must not show the category at all, shared/REFERENCE.md)."""
        return self.number[:4] + "*" * (CERTIFICATE_NUMBER_LENGTH - 8) + self.number[-4:]

    def __repr__(self) -> str:
        flagged = ", suffix" if self.suffix else ""
        return f"CertificateNumber({self.masked()!r}{flagged})"

    __str__ = __repr__


def normalise_certificate_number(text: str) -> str:
    """The same normalising as ID numbers (separators out, full-width to ASCII, ``x`` to ``X``), and
    letters in a reissue suffix upper-cased."""
    return normalise_id_number(text).upper()


def parse_certificate_number(text: str, *, today: date | None = None) -> CertificateNumber:
    """Normalise ``text`` and return its parts, or raise ``InvalidCertificateNumber`` with the first
    problem found. ``today`` (default: today in China) bounds the birth date in the ID part."""
    value = normalise_certificate_number(text)
    if not value:
        raise InvalidCertificateNumber("empty")
    for index, character in enumerate(value):
        allowed = _is_digit(character) or character == "X" or (
            index >= CERTIFICATE_NUMBER_LENGTH and character.isascii() and character.isalpha()
        )
        if not allowed:
            raise InvalidCertificateNumber("bad_characters", position=index + 1, character=character)
    if len(value) < CERTIFICATE_NUMBER_LENGTH:
        raise InvalidCertificateNumber("wrong_length", length=len(value))
    number, suffix = value[:CERTIFICATE_NUMBER_LENGTH], value[CERTIFICATE_NUMBER_LENGTH:] or None
    for index, character in enumerate(number):
        if character == "X" and index != ID_NUMBER_LENGTH - 1:
            raise InvalidCertificateNumber("bad_characters", position=index + 1, character=character)

    try:
        id_number = parse_id_number(number[:ID_NUMBER_LENGTH], today=today)
    except InvalidIdNumber as error:
        raise InvalidCertificateNumber("bad_id_number", id_code=error.code, **error.params) from None

    category, grade = int(number[18]), int(number[19])
    if category not in DISABILITY_CATEGORIES:
        raise InvalidCertificateNumber("bad_category", digit=number[18])
    if grade not in DISABILITY_GRADES:
        raise InvalidCertificateNumber("bad_grade", digit=number[19])
    return CertificateNumber(number=number, id_number=id_number, category=category, grade=grade, suffix=suffix)


def certificate_number_for(id_number: str, category: int, grade: int, suffix: str | None = None) -> str:
    """The certificate number of the holder of ``id_number`` with this category and grade: the inverse of
    `parse_certificate_number`, so a person who knows their ID number, category and grade need not read
    out twenty digits. The result is still checked like any typed number."""
    if category not in DISABILITY_CATEGORIES or grade not in DISABILITY_GRADES:
        raise InvalidCertificateNumber("bad_category" if category not in DISABILITY_CATEGORIES else "bad_grade",
                                       digit=str(category if category not in DISABILITY_CATEGORIES else grade))
    return f"{normalise_id_number(id_number)}{category}{grade}{suffix or ''}"


def _is_digit(character: str) -> bool:
    return character.isascii() and character.isdigit()
