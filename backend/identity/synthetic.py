"""Synthetic people for demo seeding and tests: made-up names, valid-looking ID numbers, addresses and
phone numbers. Never real personal data (shared/DESIGN.md "Habits").

A synthetic ID number is well formed (its check character is right), so it exercises the same paths a
real one does; like any well-formed number it could coincide with a real person's, which is why these
numbers are used only with synthetic names, addresses and phones and never sent anywhere real.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from backend.identity import regions
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


def synthetic_certificate_number(id_number: str, category: int, grade: int, suffix: str = "") -> str:
    """A disability certificate number for a synthetic ID number: the ID number, the category digit
    (1-7) and the grade digit (1-4), and an optional reissue suffix."""
    if not 1 <= category <= 7 or not 1 <= grade <= 4:
        raise ValueError("category must be 1-7 and grade 1-4")
    return f"{id_number}{category}{grade}{suffix}"


# Names: common surnames and given-name characters, combined at random. A combination may match a real
# person's name, as any common name does; nothing else about the person is real.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
_GIVEN_MALE = "伟强磊军勇杰涛明超辉刚平健志国建华峰成林波宇鹏浩文斌俊德福贵春生"
_GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲桂英红梅兰琴秀云凤洁莉萍婷雪慧颖琳倩丹玉珍"
# Characters that are rare in names and that some OCR engines cannot output (Tesseract's chi_sim lacks
# most of them; shared/REFERENCE.md): the OCR tests render cards with these names on purpose.
RARE_NAME_CHARACTERS = "堃喆珺昇犇彧燚玥赟翀"
NAMES_WITH_RARE_CHARACTERS: tuple[str, ...] = (
    "王堃",
    "李喆",
    "张珺",
    "陈昇",
    "刘犇",
    "杨彧",
    "赵燚",
    "周玥",
    "吴赟",
    "孙翀",
    "黄子堃",
    "徐雨珺",
    "马一喆",
    "朱玥彤",
)
_TOWNS = ("长乐", "青山", "白云", "和平", "新华", "安宁", "丰收", "仙女", "桃源", "石桥", "清河", "双河")
_VILLAGES = ("红星", "团结", "光明", "向阳", "幸福", "先锋", "联合", "胜利", "永安", "兴隆", "太平", "民主")
# Middle digits 0000 in a 139 number: obviously made up to anyone who reads it, and still 11 digits
# that pass a mobile-number format check.
_PHONE_PREFIX = "1390000"


@dataclass(frozen=True)
class SyntheticPerson:
    name: str
    sex: str  # "male" | "female"
    birth_date: date
    id_number: str
    region_code: str  # the region in the ID number (place of first issue; may be abolished)
    hukou_region: str  # today's county for that region, where the address is
    address: str
    phone: str
    ethnicity: str = "汉"


def make_person(
    region: str = "500156",
    born: str | date = "1960-05-03",
    sex: str | None = None,
    rng: random.Random | None = None,
    *,
    name: str | None = None,
    rare_name: bool = False,
) -> SyntheticPerson:
    """A synthetic person whose ID number carries ``region`` and ``born``.

    ``region`` may be an abolished code (``"500232"``): the number keeps it, and the address and
    ``hukou_region`` are in today's county (500156 武隆区); a code with no known current county keeps
    its own name in the address. ``rare_name`` picks from ``NAMES_WITH_RARE_CHARACTERS``. Without
    ``rng`` every call draws fresh randomness; pass ``random.Random(seed)`` for the same person each time.
    """
    rng = rng or random.Random()
    birth_date = date.fromisoformat(born) if isinstance(born, str) else born
    place = regions.region(region)
    if place is None:
        raise ValueError("make_person needs a region code that is in the region list")
    county = regions.current_county(region) or place
    sex = sex or rng.choice(_SEXES)
    if sex not in _SEXES:
        raise ValueError("sex must be 'male' or 'female'")
    if name is None:
        name = rng.choice(NAMES_WITH_RARE_CHARACTERS) if rare_name else _draw_name(sex, rng)
    return SyntheticPerson(
        name=name,
        sex=sex,
        birth_date=birth_date,
        id_number=synthetic_id_number(region, birth_date, sex, rng=rng),
        region_code=region,
        hukou_region=county.code,
        address=_draw_address(county.full_name, rng),
        phone=_PHONE_PREFIX + f"{rng.randrange(10_000):04d}",
    )


def _draw_name(sex: str, rng: random.Random) -> str:
    given = _GIVEN_MALE if sex == "male" else _GIVEN_FEMALE
    length = rng.choice((1, 2, 2))
    return rng.choice(SURNAMES) + "".join(rng.choice(given) for _ in range(length))


def _draw_address(place: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{place}{rng.choice(_TOWNS)}镇{rng.choice(_VILLAGES)}村{rng.randint(1, 12)}组{rng.randint(1, 80)}号"
    return f"{place}{rng.choice(_VILLAGES)}路{rng.randint(1, 300)}号{rng.randint(1, 20)}栋{rng.randint(1, 30):d}0{rng.randint(1, 6)}室"
