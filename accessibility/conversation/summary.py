"""The summary ("check your answers"): each answer numbered with its value, the photos, whether the
application is 跨省通办, what each subsidy would come to (and, where a fact the rules weigh was not known, that
a reviewer settles it), and what is still missing; and the choices it offers (提交, 不对, 继续).

Its own module because it is the one prompt that says the whole application back, and the only one that
asks the policy for a verdict. Rendering it numbers its items into the state, so 改第3项 finds them."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backend.identity.regions import is_cross_province
from accessibility.conversation.plan import AMOUNT_STEP, APPLIED_FROM, BENEFITS, Step, benefits_answered, known_fact
from accessibility.conversation.questions import question_for
from accessibility.conversation.words import amount_words, benefit_amount_label, benefits_words, lines, setup_words
from accessibility.conversation.state import CONFIRM
from backend.messages.catalog import Words, say
from backend.messages.describe import field_label
from backend.policy.presenter import join
from backend.policy.service import application_eligibility

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn


def summary_words(turn: Turn) -> Words:
    if asking_photo_difference(turn):
        return difference_question(turn)
    locale = turn.locale
    situation = turn.situation
    numbered: list[Words] = []
    items: list[str] = []
    for step in turn.planned:
        if step.kind not in ("setup", "field", "benefits", AMOUNT_STEP, "de_facto", "applied_from"):
            continue
        items.append(step.id)
        numbered.append(say("conversation.summary.line", locale, number=len(items),
                            field=_label(step, locale, situation.applying_as), value=_current_words(turn, step)))
    turn.state.summary_items = items
    photos = len(situation.held)
    parts = [say("conversation.summary.intro", locale), *numbered,
             say("conversation.summary.photos", locale, count=photos)]
    parts += _photo_differences(turn)
    applied_from, hukou = situation.value(APPLIED_FROM), situation.value("applicant.hukou_region")
    if APPLIED_FROM in items and is_cross_province(applied_from, hukou):
        region_words = question_for(APPLIED_FROM).shown
        parts.append(say("conversation.summary.cross_province", locale, here=region_words(applied_from, locale),
                         hukou=region_words(hukou, locale)))
    parts += _eligibility(turn)
    parts += _not_known(turn, items)
    if BENEFITS in items and not benefits_answered(situation, turn.state):
        # Not answered is not "none": the verdict above may change once it is (seed 004).
        parts.append(say("conversation.summary.benefits_unanswered", locale, number=items.index(BENEFITS) + 1,
                         field=field_label(BENEFITS, locale, situation.applying_as)))
    missing = situation.missing
    if missing:
        labels = join([field_label(error.path, locale, situation.applying_as) for error in missing], locale)
        parts.append(say("conversation.summary.missing", locale, items=labels))
    else:
        parts.append(say("conversation.summary.question", locale))
    return lines(parts)


def summary_choices(turn: Turn) -> list[tuple[str, Words]]:
    if asking_photo_difference(turn):
        return [(answer, say(f"conversation.photo_differs.choice.{name}", turn.locale))
                for answer, name in DIFFERENCE_CHOICES]
    if turn.situation.missing:
        return [("继续", say("conversation.summary.choice.continue", turn.locale))]
    choices = [("提交", say("conversation.summary.choice.submit", turn.locale)),
               ("不对", say("conversation.summary.choice.change", turn.locale))]
    if not benefits_answered(turn.situation, turn.state):
        choices.append(("继续", say("conversation.summary.choice.continue", turn.locale)))
    return choices


# Asked at 提交 when a photo reads a field otherwise than typed: the typed value, the photo's, or 改 (said anew).
PHOTO_DIFFERS = "photo_differs"
DIFFERENCE_CHOICES = (("我说的对", "typed"), ("照片对", "photo"), ("改", "change"))


def asking_photo_difference(turn: Turn) -> bool:
    return turn.state.mode == CONFIRM and turn.state.offer.get("asking") == PHOTO_DIFFERS


def difference_words(turn: Turn, difference: dict[str, Any]) -> dict[str, Words]:
    """The field, what was typed and what the photo reads (two photos that read it otherwise, both), in words."""
    locale = turn.locale
    shown = question_for(difference["field"]).shown
    return {"field": field_label(difference["field"], locale, turn.situation.applying_as),
            "typed": shown(difference["current"], locale),
            "photo": join([shown(value, locale) for value in difference["photo"]], locale)}


def difference_question(turn: Turn) -> Words:
    """Asked before submitting while a photo reads a field otherwise than typed (agreements.py)."""
    field = turn.state.offer.get("field")
    difference = next((d for d in turn.situation.photo_differences() if d["field"] == field), None)
    if difference is None:  # settled meanwhile (the form): the next answer goes on
        return say("conversation.summary.question", turn.locale)
    return say("conversation.photo_differs.ask", turn.locale, **difference_words(turn, difference))


def _photo_differences(turn: Turn) -> list[Words]:
    """Each field a photo reads otherwise than typed, both values in words; nothing typed is changed."""
    differences = turn.situation.photo_differences()
    if not differences:
        return []
    return [say("conversation.summary.photo_differs.intro", turn.locale),
            *(say("conversation.summary.photo_differs", turn.locale, **difference_words(turn, d))
              for d in differences),
            say("conversation.summary.photo_differs.what_to_do", turn.locale)]


def _label(step: Step, locale: str, applying_as: str) -> Words:
    if step.kind == AMOUNT_STEP:
        return benefit_amount_label(step.item or "", locale)
    return field_label(step.field or step.id, locale, applying_as)


def _current_words(turn: Turn, step: Step) -> Words:
    situation = turn.situation
    locale = turn.locale
    if step.kind == "setup":
        return setup_words(step.id, situation.application[step.id] if situation.application else None, locale)
    if step.kind == "benefits":
        if not benefits_answered(situation, turn.state):
            return say("conversation.summary.not_filled", locale)  # skipped is not "none"
        return benefits_words(situation.value("other_benefits") or [], locale)
    if step.kind in (AMOUNT_STEP, "de_facto"):
        known = known_fact(step, situation)
        if known is None:
            return say("conversation.summary.not_known" if step.id in turn.state.done
                       else "conversation.summary.not_filled", locale)
        if step.kind == AMOUNT_STEP:
            return amount_words(str(known), locale)
        return say("conversation.yes" if known else "conversation.no", locale)
    if step.kind == "applied_from" and situation.value(step.field) is None:
        state = turn.state
        key = ("conversation.summary.not_filled" if step.id not in state.done
               else "conversation.applied_from.summary.hukou_place" if state.lives_where_hukou_is
               else "conversation.applied_from.summary.not_said")
        return say(key, locale)
    value = situation.value(step.field)
    if value is None:
        return say("conversation.summary.not_filled", locale)
    return question_for(step.field).shown(value, locale)


def _eligibility(turn: Turn) -> list[Words]:
    if turn.situation.application is None:
        return []
    result = application_eligibility(turn.actor, turn.application_id, locale=turn.locale)
    from accessibility.status_speech import verdict_words  # it imports this package: imported when used

    verdicts = []
    for subsidy in turn.situation.subsidies:
        verdict = result["subsidies"][subsidy]
        words = verdict_words(subsidy, verdict, turn.locale)
        # Not qualified for (yet): no amount to say, but why, in the rule's own words (the first reason that
        # excludes it is the main one), so the person knows what to check or change.
        reason = next((r for r in verdict["reasons"] if r["effect"] == "excludes"), None)
        if verdict["outcome"] == "not_eligible" and reason is not None:
            because = say("conversation.summary.not_eligible_because", turn.locale,
                          reason=Words(reason["text"], reason["easy_read"]))
            words = Words(words.text + because.text, words.easy_read + because.easy_read)
        verdicts.append(words)
    return verdicts


def _not_known(turn: Turn, items: list[str]) -> list[Words]:
    """Plainly, why an answer above is not definite: a fact the region's rules weigh was not known (不知道,
    跳过), so a reviewer settles it; and how to give it after all."""
    locale = turn.locale
    said = []
    for step in turn.planned:
        if step.kind not in (AMOUNT_STEP, "de_facto") or step.id not in items:
            continue
        if known_fact(step, turn.situation) is not None:
            continue
        number = items.index(step.id) + 1
        if step.kind == AMOUNT_STEP:
            said.append(say("conversation.summary.amount_not_known", locale, number=number,
                            benefit=say(f"benefit.{step.item}", locale)))
        else:
            said.append(say("conversation.summary.de_facto_not_known", locale, number=number))
    return said
