"""The county of a household register (户口所在地), named as people say it: "重庆市武隆区", "武隆区", "武隆",
"山西长治潞州区", or its 6-digit code. The caller passes today's counties (the conversation passes
`backend.identity.regions.counties()`, GB/T 2260): this package imports nothing of the backend.

A county's short name (武隆 for 武隆区) counts only when it is at least two characters. Names shared by
several counties (朝阳区 in 北京 and 长春) are narrowed by the province or city said with them; when
they are not, the answer is ambiguous and the conversation asks which.

Codes returned:
- `empty`: nothing was said.
- `county_unclear`: no county's name or code is in the answer.
Ambiguous code: `several_counties` (options: county codes, at most `MAX_OPTIONS`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Protocol

from accessibility.answers.results import Ambiguous, NotUnderstood, Understood
from accessibility.answers.text import compact


class County(Protocol):
    code: str
    name: str        # 武隆区
    full_name: str   # 重庆市武隆区

CODE = re.compile(r"(?<![0-9])[0-9]{6}(?![0-9])")
_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")
_PLACE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "盟", "省", "市")
MAX_OPTIONS = 6


def parse_county(text: str, counties: Iterable[County]) -> Understood[str] | Ambiguous[str] | NotUnderstood:
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    code = CODE.search(answer)
    if code:
        return Understood(code.group(0))
    found = _named(answer, counties)
    if not found:
        return NotUnderstood("county_unclear")
    if len(found) == 1:
        return Understood(found[0].code)
    return Ambiguous(tuple(r.code for r in found[:MAX_OPTIONS]), code="several_counties")


def _named(answer: str, counties: Iterable[County]) -> list[County]:
    candidates = name_matches(answer, counties)
    if not candidates:
        return []
    # A longer name said is a better match ("武隆区" over a county merely called "武隆" elsewhere).
    best = max(length for length, _ in candidates)
    return narrowed([county for length, county in candidates if length == best], answer)


def name_matches(answer: str, counties: Iterable[County], *, short_names: bool = True) -> list[tuple[int, County]]:
    """The counties named in a compacted answer, each with the length of the longest of its names said
    (its full name, its name, or, with `short_names`, its name without 区/县/市 when two characters are
    left). A short name said as a city or province is not the county's ("大同市" is not 大同区)."""
    candidates: list[tuple[int, County]] = []
    for county in counties:
        said = next((name for name in _names(county.name, county.full_name) if name in answer), None)
        if said is None and short_names:
            short = _short_name(county.name)
            said = short if short and short in answer and _said_as_county(short, answer) else None
        if said is not None:
            candidates.append((len(said), county))
    return candidates


def _said_as_county(short_name: str, answer: str) -> bool:
    return re.search(re.escape(short_name) + r"(?!市|省|地区|州|盟)", answer) is not None


def narrowed(found: list[County], answer: str) -> list[County]:
    """Counties of one name, narrowed to those whose province and prefecture are said with it (the most of
    them said; all of them when none is), by code."""
    if len(found) > 1:
        most = max(places_said(county, answer) for county in found)
        found = [county for county in found if places_said(county, answer) == most]
    return sorted(found, key=lambda county: county.code)


def places_said(county: County, answer: str) -> int:
    """How many of the county's province and prefecture are named in a compacted answer ("北京朝阳区": 1)."""
    return sum(any(form in answer for form in forms) for forms in _places_above(county.name, county.full_name))


@cache
def _names(name: str, full_name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(compact(each) for each in (full_name, name)))


@cache
def _short_name(name: str) -> str | None:
    """武隆 for 武隆区: the name without its 区/县/市 suffix, when at least two characters are left."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return compact(name[: -len(suffix)])
    return None


@cache
def _places_above(name: str, full_name: str) -> tuple[tuple[str, ...], ...]:
    """The province and prefecture in the county's full name, each with and without its suffix."""
    above = full_name[: -len(name)] if full_name.endswith(name) else ""
    levels: list[tuple[str, ...]] = []
    for piece in re.findall(r".+?(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|盟|省|市)", above):
        forms = [piece]
        for suffix in _PLACE_SUFFIXES:
            if piece.endswith(suffix) and len(piece) - len(suffix) >= 2:
                forms.append(piece[: -len(suffix)])
                break
        levels.append(tuple(forms))
    return tuple(levels)
