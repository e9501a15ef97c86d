"""Where the person applies from (跨省通办, seed 001 item 7; issue 7): "您现在住在户口所在地吗？", then, on
a no, which county, and which of several counties of that name. Optional: 不知道 or 跳过 leaves it unset.
Told kindly when the county makes the application cross-province.

Its own module because it is a small conversation of its own inside one step, with its own 上一步."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accessibility.answers import Ambiguous, NotUnderstood, Understood
from accessibility.answers.applied_from import parse_lives_in_hukou_place, place_said
from accessibility.answers.text import words_of
from accessibility.conversation.fields import pick_option
from accessibility.conversation.plan import Step
from accessibility.conversation.questions import question_for
from accessibility.conversation.said import Said, not_understood
from accessibility.conversation.state import ASK, CHOOSE
from backend.applications.service import DraftChanges
from backend.identity.place_names import place_name
from backend.identity.regions import is_cross_province

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn


def answer_applied_from(turn: Turn, step: Step, text: str) -> None:
    """"您现在住在户口所在地吗？" (mode ASK), then, on a no, which county (offer `asking: county`), and
    which of several counties of that name (CHOOSE). A county named at once ("不在，在太原小店区")
    answers both."""
    if turn.state.mode == CHOOSE:
        _choose_applied_from(turn, step, text)
        return
    county = question_for(step.field).parse(text, turn.asking())
    if turn.state.offer.get("asking") == "county":
        _applied_from_county(turn, step, county)
        return
    verdict = parse_lives_in_hukou_place(text)
    if isinstance(verdict, Understood) and verdict.value:
        _lives_where_hukou_is(turn, step)
    elif isinstance(county, Ambiguous) or (isinstance(county, Understood) and county.value is not None):
        _applied_from_county(turn, step, county)
    elif isinstance(verdict, Understood):
        turn.state.lives_where_hukou_is = False
        turn.state.ask(step.id, ASK, {"asking": "county"})
    else:
        turn.correction = not_understood("yes_no_unclear")


def _applied_from_county(turn: Turn, step: Step, county: Any) -> None:
    if isinstance(county, NotUnderstood):
        turn.correction = not_understood(county.code, county.params)
    elif isinstance(county, Ambiguous):
        turn.state.ask(step.id, CHOOSE, {"options": list(county.options), "code": county.code})
    elif county.value is None:
        applied_from_not_said(turn, step)
    else:
        _save_applied_from(turn, step, county.value)


def _choose_applied_from(turn: Turn, step: Step, text: str) -> None:
    options = list(turn.state.offer.get("options", []))
    county = question_for(step.field).parse(text, turn.asking())
    if isinstance(county, Understood) and county.value in options:
        _save_applied_from(turn, step, county.value)
        return
    if isinstance(county, Ambiguous) and set(county.options) < set(options):
        turn.state.ask(step.id, CHOOSE, {"options": list(county.options), "code": county.code})
        return
    # "沧州的", "河南那个": the province or city of one of them.
    place = place_said(text)
    named = [option for option in options if len(place) >= 2 and place in _region_name(option)]
    if not named:
        named = _places_named_in_english(text, options)
    if len(named) == 1:
        _save_applied_from(turn, step, named[0])
        return
    if 1 < len(named) < len(options):
        turn.state.ask(step.id, CHOOSE, {"options": named, "code": turn.state.offer.get("code")})
        return
    pick_option(turn, step, text, options, _save_applied_from)


def _lives_where_hukou_is(turn: Turn, step: Step) -> None:
    """Where the hukou is: no county of their own to name (a county named before is cleared)."""
    if turn.situation.value(step.field) is not None and not turn.save(
            step, DraftChanges(applied_from_region=None, sets_applied_from=True)):
        return
    turn.state.lives_where_hukou_is = True
    turn.state.finish(step.id)
    turn.said.append(Said("conversation.applied_from.hukou_place"))


def applied_from_not_said(turn: Turn, step: Step) -> None:
    turn.state.lives_where_hukou_is = False if turn.state.offer.get("asking") == "county" else None
    turn.state.finish(step.id)
    turn.said.append(Said("conversation.applied_from.not_said"))


def _save_applied_from(turn: Turn, step: Step, code: str) -> None:
    # The same save as PATCH's: the county is checked there (a known county code, while a draft).
    if not turn.save(step, DraftChanges(applied_from_region=code, sets_applied_from=True)):
        return
    turn.state.lives_where_hukou_is = False
    turn.state.finish(step.id)
    saved = turn.situation.value(step.field) or code
    turn.said.append(Said("conversation.saved", {"field": step.field, "value": saved}))
    hukou = turn.situation.value("applicant.hukou_region")
    if is_cross_province(saved, hukou):
        turn.said.append(Said("conversation.applied_from.cross_province",
                              {"here": _region_name(saved, turn.locale), "hukou": _region_name(hukou, turn.locale)}))


def back_within_applied_from(turn: Turn, step: Step) -> bool:
    """"上一步" at the county question goes back to "您现在住在户口所在地吗？"."""
    if step.kind != "applied_from" or (turn.state.mode != CHOOSE and turn.state.offer.get("asking") != "county"):
        return False
    turn.state.ask(step.id, ASK)
    return True


def _places_named_in_english(text: str, options: list[str]) -> list[str]:
    """The options whose province or city is named in English ("the Yangquan one": Cheng District, Yangquan, Shanxi)."""
    said = set(words_of(text).split())
    named = []
    for option in options:
        above = (place_name(option, "en") or "").split(",")[1:]
        if said & {word for place in above for word in words_of(place).split()}:
            named.append(option)
    return named


def _region_name(code: str, locale: str = "zh_Hans_CN") -> str:
    """The county's full name (重庆市武隆区: what a place said in Chinese is looked for in), or in `locale`'s words
    for a sentence ("Wulong District, Chongqing")."""
    return place_name(code, locale) or code
