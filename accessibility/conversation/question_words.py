"""The question of a step in words, and the choices it offers: a setup question, a consent, a photo, the
notice, the other benefits, what one pays a month, whether a child is a 事实无人抚养儿童, where the person
applies from, or a field, each asked, confirmed, read back
or narrowed to a choice as the conversation's mode says.

Its own module because what to ask differs for every kind of step and mode, while how a prompt is laid
out (`prompts.py`) does not. Choices are also said in the question itself (numbered), so a chat or a
voice hears them too."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accessibility.conversation.choices import APPLYING_AS_CHOICES, BENEFIT_CHOICES
from accessibility.conversation.plan import Step
from accessibility.conversation.questions import option_words, question_for
from accessibility.conversation.state import CHOOSE, CONFIRM, READ_BACK
from accessibility.conversation.summary import summary_words
from accessibility.conversation.words import benefits_words, setup_words, spaced, yes_no
from backend.applications.vocabulary import SUBSIDIES
from backend.messages.catalog import Words, registry, say
from backend.messages.describe import field_label
from backend.policy.presenter import join

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn


def question_words(turn: Turn, step: Step) -> tuple[Words, list[tuple[str, Words]]]:
    """The question in words, and the choices offered (answer token, words)."""
    mode, offer = turn.state.mode, turn.state.offer
    locale = turn.locale
    yourself = turn.situation.applying_as == "self" or (step.field or "").startswith("proxy.")
    whose = say("conversation.whose.self" if yourself else "conversation.whose.applicant", locale)
    who = say("conversation.who.self" if yourself else "conversation.who.applicant", locale)
    if step.kind == "summary":
        return summary_words(turn), []
    if step.kind == "setup":
        if mode == CONFIRM:
            value = setup_words(step.id, offer["value"], locale)
            return say(f"conversation.confirm.{step.id}", locale, value=value), yes_no(locale)
        if mode == CHOOSE:
            options = [(value, say(f"conversation.applying_as.{value}", locale)) for value in offer["options"]]
            return _with_choices(say("conversation.choose.for_whom", locale), options, locale)
        if step.id == "applying_as":
            options = [(c.value, say(f"conversation.applying_as.{c.value}", locale)) for c in APPLYING_AS_CHOICES]
        else:
            options = [(s, say(f"subsidy.{s}", locale)) for s in SUBSIDIES] + [("both", say("conversation.subsidies.both", locale))]
        return _with_choices(say(f"conversation.ask.{step.id}", locale), options, locale)
    if step.kind == "consent":
        return say(f"conversation.ask.consent.{step.purpose}", locale), yes_no(locale)
    if step.kind == "material":
        return _said_or(locale, f"conversation.ask.material.{step.field}", "conversation.ask.material",
                        kind=field_label(step.field, locale), whose=whose), []
    if step.kind == "notice":
        return say("conversation.ask.policy_notice", locale), yes_no(locale)
    if step.kind == "benefits":
        if mode == CONFIRM:
            return say("conversation.confirm.other_benefits", locale, benefits=benefits_words(offer["value"], locale),
                       who=who), yes_no(locale)
        options = [(c.value, say(f"benefit.{c.value}" if c.value != "none" else "conversation.benefits.none", locale))
                   for c in BENEFIT_CHOICES]
        return _with_choices(say("conversation.ask.other_benefits", locale, who=who), options, locale)
    if step.kind == "applied_from":
        return _applied_from_question(turn, step, who)
    if step.kind == "benefit_amount":
        return say("conversation.ask.benefit_amount", locale, who=who,
                   benefit=say(f"benefit.{step.item}", locale)), []
    if step.kind == "de_facto":
        return say("conversation.ask.de_facto_unsupported_child", locale, who=who), yes_no(locale)
    # a field
    label = field_label(step.field, locale)
    question = question_for(step.field)
    if mode == CONFIRM:
        value = question.shown(offer["value"], locale)
        about_key = f"conversation.about.{step.field}"
        about = say(about_key, locale, whose=whose) if about_key in registry() else label
        return say(f"conversation.confirm.{offer.get('source', 'known')}", locale, field=about, value=value), \
            yes_no(locale)
    if mode == READ_BACK:
        return say("conversation.read_back", locale, field=label, value=spaced(str(offer["value"]))), yes_no(locale)
    if mode == CHOOSE:
        options = [(value, option_words(step.field, value, locale)) for value in offer.get("options", [])]
        code = offer.get("code", "default")
        key = f"conversation.choose.{code}" if f"conversation.choose.{code}" in registry() else "conversation.choose.default"
        return _with_choices(say(key, locale, field=label), options, locale)
    asked = _said_or(locale, f"conversation.ask.{step.field}", "conversation.ask.field", field=label, whose=whose,
                     who=who)
    if question.options is not None:
        options = [(value, question.shown(value, locale)) for value in question.options(turn.asking())]
        return _with_choices(asked, options, locale)
    return asked, []


def _applied_from_question(turn: Turn, step: Step, who: Words) -> tuple[Words, list[tuple[str, Words]]]:
    """"您现在住在户口所在地吗？", then which county, then which of several counties of that name."""
    locale = turn.locale
    if turn.state.mode == CHOOSE:
        options = [(value, option_words(step.field, value, locale)) for value in turn.state.offer.get("options", [])]
        return _with_choices(say("conversation.choose.several_counties", locale), options, locale)
    if turn.state.offer.get("asking") == "county":
        return say("conversation.ask.applied_from_region", locale, who=who), []
    hukou = turn.situation.value("applicant.hukou_region")
    if hukou is None:
        return say("conversation.ask.lives_where_hukou_is", locale, who=who), yes_no(locale)
    return say("conversation.ask.lives_where_hukou_is.known", locale, who=who,
               hukou=question_for("applicant.hukou_region").shown(hukou, locale)), yes_no(locale)


def _with_choices(question: Words, options: list[tuple[Any, Words]],
                  locale: str) -> tuple[Words, list[tuple[str, Words]]]:
    lines = [say("conversation.choice", locale, number=number, choice=words)
             for number, (_, words) in enumerate(options, start=1)]
    listed = join(lines, locale, "list.clause_separator")
    words = say("conversation.with_choices", locale, question=question, choices=listed)
    return words, [(str(number), option_words_) for number, (_, option_words_) in enumerate(options, start=1)]


def _said_or(locale: str, key: str, fallback: str, **params: Any) -> Words:
    return say(key if key in registry() else fallback, locale, **params)
