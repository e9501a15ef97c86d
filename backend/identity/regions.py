"""GB/T 2260 administrative division codes: every code ever in use, today's counties, and which current
county took over an abolished code.

The data is ``backend/identity/data/regions.csv``, made by ``scripts/build_regions.py`` from
python-stdnum's copy of Wikipedia's 行政区划代码 lists (see that script for how successors were found
and which were written by hand). It is read once, on first use.

Why successors matter: an ID number keeps the region code of its first issue for life, so numbers carry
codes of counties abolished since (500232 武隆县 -> 500156 武隆区 in 2016) and even codes of another
province's past (512326 四川省涪陵地区武隆县, before 重庆 became a municipality in 1997).

A code reused for a new place (500110 万盛区, then 綦江区 from 2011) has one current name; the region
of such a code is its current holder, whatever the year of the number that carries it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Level = Literal["province", "city", "county"]

# A successor chain never needs more than one step today (successors are current); the bound only
# guards against a bad hand-written row making a loop.
_MAX_SUCCESSOR_STEPS = 8


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    full_name: str  # with its province and prefecture, as they were named when the code was last in use
    level: Level
    valid_from: int | None  # first year in use; None when in use before the lists begin (about 1980)
    valid_until: int | None  # last year in use; None while current
    successor_code: str | None  # for an abolished code: the current region that took over, if known
    successor_basis: str | None = None  # how the successor was found (see scripts/build_regions.py)
    is_grouping: bool = False  # 市辖区, 县, 省直辖县级行政单位 ...: a coding group, not a place of its own
    former_names: tuple[str, ...] = ()  # earlier names of the same code, oldest first

    @property
    def is_current(self) -> bool:
        return self.valid_until is None


def region(code: str) -> Region | None:
    """The region a code stands for, current or abolished; None for a code never in the lists (or
    anything that is not 6 digits)."""
    return _table().get(code) if isinstance(code, str) else None


def current_county(code: str) -> Region | None:
    """The current county-level region for ``code``: the code itself while it is current, else the
    county its successors lead to. None when the code is unknown, its successor is not known, or it is
    not a county (a province, a prefecture or a grouping such as 130101 市辖区 has no single county)."""
    found = region(code)
    for _ in range(_MAX_SUCCESSOR_STEPS):
        if found is None:
            return None
        if found.is_current:
            return found if found.level == "county" and not found.is_grouping else None
        found = region(found.successor_code) if found.successor_code else None
    return None


def province_code(code: str) -> str:
    """The province that holds ``code`` today, such as ``"500000"``: the province of its current county
    when it has one (512326 四川省涪陵地区武隆县 -> 500000 重庆), else its own first two digits."""
    _require_code(code)
    county = current_county(code)
    return (county.code if county else code)[:2] + "0000"


def is_cross_province(applied_from: str | None, hukou: str | None) -> bool:
    """跨省通办 (seed 001 item 7; issue 7): applied from another province than the hukou's, comparing today's
    provinces. False when either is unknown or not a region code."""
    if not applied_from or not hukou:
        return False
    try:
        return province_code(applied_from) != province_code(hukou)
    except ValueError:
        return False


def in_area(area_code: str | None, code: str | None) -> bool:
    """Whether an administrator's area (None: everywhere) holds the place `code` (None: unknown, held by no area
    but everywhere)."""
    return not area_code or bool(code and is_within(area_code, code))


def is_within(area_code: str, code: str) -> bool:
    """Whether the province, prefecture or county ``area_code`` contains ``code``, comparing today's
    regions: an abolished ``code`` is replaced by its current county first (and an abolished area by
    its successor). A code with no known current county is compared as written, so a county created
    after this list was made still falls in its province.

    The level of ``area_code`` comes from its shape (``XX0000`` province, ``XXXX00`` prefecture or a
    grouping such as 500100 重庆市市辖区, else county)."""
    _require_code(area_code)
    _require_code(code)
    area = region(area_code)
    if area is not None and not area.is_current and area.successor_code:
        area_code = area.successor_code
    county = current_county(code)
    target = county.code if county else code
    if area_code.endswith("0000"):
        return target[:2] == area_code[:2]
    if area_code.endswith("00"):
        return target[:4] == area_code[:4]
    return target == area_code


def counties(within: str | None = None) -> list[Region]:
    """Today's county-level regions (no groupings), by code, optionally only those ``within`` an area."""
    if within is None:
        return list(_current_counties())
    _require_code(within)
    # Current counties are their own current county, so containment is a prefix test on the area as
    # it is today (is_within's rule without looking each county up).
    area = region(within)
    if area is not None and not area.is_current and area.successor_code:
        within = area.successor_code
    prefix = within[:2] if within.endswith("0000") else within[:4] if within.endswith("00") else within
    return [r for r in _current_counties() if r.code.startswith(prefix)]


def abolished_counties() -> list[Region]:
    """County-level codes no longer in use (no groupings), by code: what an old name said today stands for
    is their ``current_county``."""
    return list(_abolished_counties())


# Full-width digits (０-９) are what many Chinese keyboards type: they are the ASCII digits. Only these: other
# scripts' digits (٥٠٠) are no code anyone means.
_FULL_WIDTH_DIGITS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}


def normalise_region_code(text: str) -> str:
    """A county code as typed: the spaces around it taken off, full-width digits made ASCII (５００１５６)."""
    return text.strip().translate(_FULL_WIDTH_DIGITS)


@cache
def _abolished_counties() -> tuple[Region, ...]:
    return tuple(r for r in _table().values() if r.level == "county" and not r.is_current and not r.is_grouping)


@cache
def _current_counties() -> tuple[Region, ...]:
    return tuple(r for r in _table().values() if r.level == "county" and r.is_current and not r.is_grouping)


@cache
def _table() -> dict[str, Region]:
    text = resources.files("backend.identity.data").joinpath("regions.csv").read_text(encoding="utf-8")
    table: dict[str, Region] = {}
    for row in csv.DictReader(io.StringIO(text)):
        table[row["code"]] = Region(
            code=row["code"],
            name=row["name"],
            full_name=row["full_name"],
            level=row["level"],  # type: ignore[arg-type]  # the build script writes only the three levels
            valid_from=int(row["valid_from"]) if row["valid_from"] else None,
            valid_until=int(row["valid_until"]) if row["valid_until"] else None,
            successor_code=row["successor"] or None,
            successor_basis=row["successor_basis"] or None,
            is_grouping=row["grouping"] == "1",
            former_names=tuple(part.split("[", 1)[0] for part in row["former_names"].split(";") if part),
        )
    return table


def _require_code(code: str) -> None:
    if not (isinstance(code, str) and len(code) == 6 and code.isascii() and code.isdigit()):
        raise ValueError("a region code is 6 ASCII digits")
