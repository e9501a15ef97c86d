"""Rules a reading must pass before it is offered: GB 11643 check digit, the certificate number's structure,
dates that exist and are plausible, and agreement between fields that encode the same fact.

`ocr/` stands alone (DESIGN.md: it imports nothing of ours), so this is its own small copy of the GB 11643
check; `backend/` keeps the authoritative one for the application.
"""

from __future__ import annotations

import datetime as dt

# GB 11643-1999 / ISO 7064 MOD 11-2 (REFERENCE.md, 居民身份证).
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"

# First cards were issued 1984-85, but holders were born long before; nobody alive was born before 1900.
EARLIEST_BIRTH = dt.date(1900, 1, 1)
# Certificates of the second generation exist since 2008; ID cards of the second generation since 2004,
# but first-generation issue dates (1984+) still appear on old backs. Dates past this horizon are misreads.
EARLIEST_ISSUE = dt.date(1984, 1, 1)

CATEGORY_NAMES = {1: "视力", 2: "听力", 3: "言语", 4: "肢体", 5: "智力", 6: "精神", 7: "多重"}
GRADE_RANGE = range(1, 5)


def id_check_character(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARACTERS[total % 11]


def birth_date_of(id_number: str) -> dt.date | None:
    try:
        return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def sex_of(id_number: str) -> str:
    """Odd sequence digit: male; even: female (GB 11643)."""
    return "male" if int(id_number[16]) % 2 == 1 else "female"


def is_valid_id_number(value: str, today: dt.date | None = None) -> bool:
    """18 characters, 17 digits and a check character that agrees, and a birth date that exists and could be
    a living person's. The region code is not checked against a table: codes of abolished counties stay in
    people's numbers for life (REFERENCE.md)."""
    if len(value) != 18 or not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return False
    if id_check_character(value[:17]) != value[17]:
        return False
    born = birth_date_of(value)
    return born is not None and plausible_birth_date(born, today)


def plausible_birth_date(born: dt.date, today: dt.date | None = None) -> bool:
    return EARLIEST_BIRTH <= born <= (today or dt.date.today())


def plausible_issue_date(issued: dt.date, today: dt.date | None = None) -> bool:
    return EARLIEST_ISSUE <= issued <= (today or dt.date.today())


def is_valid_certificate_number(value: str, today: dt.date | None = None) -> bool:
    """20 characters: a valid ID number, a category digit 1-7 and a grade digit 1-4 (《残疾人证管理办法》)."""
    return (
        len(value) == 20
        and is_valid_id_number(value[:18], today)
        and value[18] in "1234567"
        and value[19] in "1234"
    )


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
