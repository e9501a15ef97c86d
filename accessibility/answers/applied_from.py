"""Where a person applies from, for 跨省通办 (seed 001 item 7: an application made away from the hukou
county goes to the hukou county's office wherever it is made from): whether they live where their hukou
is, and the county (区县) they apply from now.

`parse_lives_in_hukou_place` takes any yes or no `parse_yes_no` understands, and the ways people answer
"您现在住在户口所在地吗？" itself: "在", "就住在这里", "不在", "没住在那边", "在外地打工".

`parse_county_applied_from` takes a county named as people say it ("重庆市武隆区", "武隆区", "山西省太原市
小店区", with or without its province or city), a 6-digit code, or "不知道" / "跳过" (Understood(None),
note `not_said`: the county is optional). Names and codes of counties abolished or renamed since (崇文区,
500232 武隆县) are understood as today's county (note `former_name`); the caller passes them as
`FormerCounty` with the code of today's county (the conversation takes it from
`backend.identity.regions.current_county`): this package imports nothing of the backend. A name said
as long as today's name of another county is taken for today's county, unless the province or city said
with it is the old county's ("大同市城区", abolished in 2018, is today's 平城区).

Codes returned (`parse_county_applied_from`):
- `empty`: nothing was said.
- `county_unclear`: no county's name or code is in the answer.
Ambiguous code: `several_counties` (options: today's county codes, at most `MAX_OPTIONS`): "城区", "新华区".
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from accessibility.answers.commands import CommandKind, recognise_command
from accessibility.answers.regions import CODE, MAX_OPTIONS, County, name_matches, places_said
from accessibility.answers.results import Ambiguous, NotUnderstood, Understood
from accessibility.answers.text import compact
from accessibility.answers.yes_no import parse_yes_no


@dataclass(frozen=True)
class FormerCounty:
    """A county by a name or code no longer in use, and the code of the county it is part of today."""

    code: str
    name: str
    full_name: str
    today: str


# "我现在就住在户口所在地", "住这边", "在老家": the place asked about, said back.
_WHO = r"(?:我们|我|俺|他们|他|她|申请人|老人|孩子)?"
_WHEN = r"(?:现在|目前|一直|平时|还|也|都|就|是)*"
_THERE = (r"(?:户口所在地|户口所在的地方|户口那里|户口那边|户口上的地方|户籍地|本地|当地|老家|家里|家乡|这里|这边|那里|那边"
          r"|这儿|那儿|本县|本区|这个县|这个区)?")
_END = r"(?:住|生活)?(?:的|呢|啊|呀|了|哦|嘛|着)*"
_LIVES_THERE = re.compile(rf"{_WHO}{_WHEN}(?:住|生活)?在{_THERE}{_END}")
_LIVES_ELSEWHERE = re.compile(rf"{_WHO}{_WHEN}(?:已经|早就)?(?:不|没|没有)(?:住|生活)?在{_THERE}{_END}")
# Away from home: "在外地", "去外省打工了", "搬走了".
_AWAY = re.compile(r"外地|外省|外市|外县|外面打工|外边打工|在外打工|出来打工|搬走|搬家|搬出来|迁走|搬到")


# "沧州的", "河南那个": a place said to pick one of the counties offered, its pointing words left off.
_POINTING_END = re.compile(r"(?:的|那个|这个|那边|那里|市|省)+$")


def place_said(text: str) -> str:
    """The place name in an answer that picks a county by its province or city ("沧州的" -> "沧州")."""
    return _POINTING_END.sub("", compact(text))


def parse_lives_in_hukou_place(text: str) -> Understood[bool] | NotUnderstood:
    """True: they live (and apply) where their hukou is; False: somewhere else. Codes: `empty`,
    `yes_no_unclear`."""
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    if _LIVES_ELSEWHERE.fullmatch(answer) or _AWAY.search(answer):
        return Understood(False)
    if _LIVES_THERE.fullmatch(answer):
        return Understood(True)
    return parse_yes_no(text)


def parse_county_applied_from(text: str, counties: Iterable[County], former: Iterable[FormerCounty] = ()
                              ) -> Understood[str | None] | Ambiguous[str] | NotUnderstood:
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    command = recognise_command(text)
    if command is not None and command.kind in (CommandKind.DONT_KNOW, CommandKind.SKIP):
        return Understood(None, note="not_said")
    former = tuple(former)
    code = CODE.search(answer)
    if code:
        today = next((county.today for county in former if county.code == code.group(0)), None)
        # An unknown code is passed on for the field check to judge, with its own words.
        return Understood(today, note="former_name") if today else Understood(code.group(0))
    found = _best(answer, name_matches(answer, counties), name_matches(answer, former, short_names=False))
    if not found:
        return NotUnderstood("county_unclear")
    codes = list(dict.fromkeys(_today(county) for county in found))
    if len(codes) == 1:
        return Understood(codes[0], note="former_name" if all(isinstance(c, FormerCounty) for c in found) else None)
    return Ambiguous(tuple(sorted(codes)[:MAX_OPTIONS]), code="several_counties")


def _best(answer: str, current: list[tuple[int, County]], former: list[tuple[int, County]]) -> list[County]:
    """The counties said by their longest name; among names said as long, those with the most of their
    province and city said too, else today's counties before former ones."""
    longest = max((length for length, _ in current + former), default=0)
    if not longest:
        return []
    today = [county for length, county in current if length == longest]
    old = [county for length, county in former if length == longest]
    most = max(places_said(county, answer) for county in today + old)
    if most:
        return sorted((county for county in today + old if places_said(county, answer) == most), key=_today)
    return sorted(today or old, key=_today)


def _today(county: County) -> str:
    return county.today if isinstance(county, FormerCounty) else county.code
