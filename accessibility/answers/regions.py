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

_CODE = re.compile(r"(?<![0-9])[0-9]{6}(?![0-9])")
_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")
_PLACE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "盟", "省", "市")
MAX_OPTIONS = 6


def parse_county(text: str, counties: Iterable[County]) -> Understood[str] | Ambiguous[str] | NotUnderstood:
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    code = _CODE.search(answer)
    if code:
        return Understood(code.group(0))
    found = _named(answer, counties)
    if not found:
        return NotUnderstood("county_unclear")
    if len(found) == 1:
        return Understood(found[0].code)
    return Ambiguous(tuple(r.code for r in found[:MAX_OPTIONS]), code="several_counties")


def _named(answer: str, counties: Iterable[County]) -> list[County]:
    candidates: list[tuple[int, County]] = []
    for county in counties:
        for name in _names(county.name, county.full_name):
            if name in answer:
                candidates.append((len(name), county))
                break
    if not candidates:
        return []
    # A longer name said is a better match ("武隆区" over a county merely called "武隆" elsewhere).
    best = max(length for length, _ in candidates)
    found = [county for length, county in candidates if length == best]
    if len(found) > 1:
        narrowed = [county for county in found
                    if any(part in answer for part in _places_above(county.name, county.full_name))]
        found = narrowed or found
    return sorted(found, key=lambda county: county.code)


@cache
def _names(name: str, full_name: str) -> tuple[str, ...]:
    names = [full_name, name]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            names.append(name[: -len(suffix)])
            break
    return tuple(dict.fromkeys(compact(each) for each in names))


@cache
def _places_above(name: str, full_name: str) -> tuple[str, ...]:
    """The province and prefecture words in the county's full name, with and without their suffixes."""
    above = full_name[: -len(name)] if full_name.endswith(name) else ""
    parts: list[str] = []
    for piece in re.findall(r".+?(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|盟|省|市)", above):
        parts.append(piece)
        for suffix in _PLACE_SUFFIXES:
            if piece.endswith(suffix) and len(piece) - len(suffix) >= 2:
                parts.append(piece[: -len(suffix)])
                break
    return tuple(parts)
