"""Turning a turn into words: the prompt (the question with its progress, input and audio) and what was
said before it (a correction, or a message), each in the standard text, the easy-read text and speech.

A prompt says what any client needs to render it accessibly, including one we do not write:

    {"field", "step", "mode", "text", "easy_read", "audio_url",
     "input": {"type", "choices", "inputmode", "autocomplete", "label", "hints", "skippable", "upload"},
     "progress": {"step", "total", "text", "easy_read"}, "display": {...the person's preferences...}}

Choices are also said in the question itself (numbered), so a chat or a voice hears them too. Audio is
made from the easy-read text when the person prefers it, else from the standard text, with the progress
first ("第3步，共9步"), and left out when speech is off. Each hint, like the question, is
{"text", "easy_read", "audio_url"}, and so are what was said before it and a correction."""
from __future__ import annotations

from typing import Any

from accessibility.conversation.applied_from import is_cross_province
from accessibility.conversation.plan import APPLIED_FROM, BENEFITS, Step, benefits_answered
from accessibility.conversation.questions import (
    APPLYING_AS_CHOICES,
    BENEFIT_CHOICES,
    option_words,
    question_for,
    shown_date,
)
from accessibility.conversation.said import Said
from accessibility.conversation.state import CHOOSE, CONFIRM, READ_BACK
from accessibility.conversation.turns import Turn
from accessibility.conversation.voice import audio_url
from backend.accounts.preferences import Preferences
from backend.applications.vocabulary import SUBSIDIES
from backend.messages.catalog import Words, registry, say
from backend.messages.describe import describe_field_error, field_label
from backend.policy.presenter import join, yuan
from backend.policy.service import application_eligibility, region_policy

# Touch targets: MIIT asks 44x44, and 60x60 in elder (care) mode (REFERENCE.md, accessibility targets).
TARGET_PX = 44
CARE_MODE_TARGET_PX = 60


class Renderer:
    def __init__(self, turn: Turn, preferences: Preferences, *, conversation_id: str, with_audio: bool = True) -> None:
        self.turn = turn
        self.preferences = preferences
        self.locale = turn.locale
        self.conversation_id = conversation_id
        self.with_audio = with_audio and preferences.speech

    # --- the prompt ----------------------------------------------------------------------------------

    def prompt(self) -> dict[str, Any]:
        turn = self.turn
        if turn.state.submitted:
            return self._finished()
        planned = turn.planned
        step = turn.step()
        number = next((index for index, s in enumerate(planned, start=1) if s.id == step.id), len(planned))
        progress = say("conversation.progress", self.locale, step=number, total=len(planned))
        question, choices = self._question(step)
        spec = self._input(step, choices)
        return {
            "field": step.field,
            "step": step.id,
            "mode": turn.state.mode if step.kind != "material" else "photo",
            **question.as_dict(),
            "audio_url": self._audio(progress, question),
            "input": spec,
            "progress": {"step": number, "total": len(planned), **progress.as_dict()},
            "display": self.display(),
        }

    def _finished(self) -> dict[str, Any]:
        application = self.turn.situation.application or {}
        stage = application.get("stage", "submitted")
        words = _lines([say("conversation.finished", self.locale, reference=self.turn.state.reference or ""),
                        say("conversation.stage_now", self.locale, stage=say(f"stage.{stage}", self.locale))])
        return {"field": None, "step": "finished", "mode": "finished", **words.as_dict(),
                "audio_url": self._audio(None, words),
                "input": {"type": "none", "choices": [], "inputmode": "none", "autocomplete": "off",
                          "label": say("conversation.label.finished", self.locale).as_dict(), "hints": [],
                          "skippable": False, "upload": None},
                "progress": None, "display": self.display()}

    def display(self) -> dict[str, Any]:
        p = self.preferences
        return {"font_scale": p.font_scale, "care_mode": p.care_mode, "high_contrast": p.high_contrast,
                "reduced_motion": p.reduced_motion, "easy_read_first": p.easy_read, "speech": p.speech,
                "extended_time": p.extended_time,
                "min_target_px": CARE_MODE_TARGET_PX if p.care_mode else TARGET_PX,
                # Nothing in the conversation times out: an answer is saved at once and a draft is kept.
                "time_limit_seconds": None}

    def _question(self, step: Step) -> tuple[Words, list[tuple[str, Words]]]:
        """The question in words, and the choices offered (answer token, words)."""
        turn = self.turn
        mode, offer = turn.state.mode, turn.state.offer
        locale = self.locale
        yourself = turn.situation.applying_as == "self" or (step.field or "").startswith("proxy.")
        whose = say("conversation.whose.self" if yourself else "conversation.whose.applicant", locale)
        who = say("conversation.who.self" if yourself else "conversation.who.applicant", locale)
        if step.kind == "summary":
            return self._summary(), []
        if step.kind == "setup":
            if mode == CONFIRM:
                return say(f"conversation.confirm.{step.id}", locale, value=self._setup_words(step.id, offer["value"])), _yes_no(locale)
            if mode == CHOOSE:
                options = [(value, say(f"conversation.applying_as.{value}", locale)) for value in offer["options"]]
                return self._with_choices(say("conversation.choose.for_whom", locale), options)
            if step.id == "applying_as":
                options = [(c.value, say(f"conversation.applying_as.{c.value}", locale)) for c in APPLYING_AS_CHOICES]
            else:
                options = [(s, say(f"subsidy.{s}", locale)) for s in SUBSIDIES] + [("both", say("conversation.subsidies.both", locale))]
            return self._with_choices(say(f"conversation.ask.{step.id}", locale), options)
        if step.kind == "consent":
            return say(f"conversation.ask.consent.{step.purpose}", locale), _yes_no(locale)
        if step.kind == "material":
            return self._said_or(f"conversation.ask.material.{step.field}", "conversation.ask.material",
                                 kind=field_label(step.field, locale), whose=whose), []
        if step.kind == "notice":
            return say("conversation.ask.policy_notice", locale), _yes_no(locale)
        if step.kind == "benefits":
            if mode == CONFIRM:
                return say("conversation.confirm.other_benefits", locale, benefits=self._benefits(offer["value"]),
                           who=who), _yes_no(locale)
            options = [(c.value, say(f"benefit.{c.value}" if c.value != "none" else "conversation.benefits.none", locale))
                       for c in BENEFIT_CHOICES]
            return self._with_choices(say("conversation.ask.other_benefits", locale, who=who), options)
        if step.kind == "applied_from":
            return self._applied_from_question(step, who)
        # a field
        label = field_label(step.field, locale)
        question = question_for(step.field)
        if mode == CONFIRM:
            value = question.shown(offer["value"], locale)
            about_key = f"conversation.about.{step.field}"
            about = say(about_key, locale, whose=whose) if about_key in registry() else label
            return say(f"conversation.confirm.{offer.get('source', 'known')}", locale, field=about, value=value), \
                _yes_no(locale)
        if mode == READ_BACK:
            return say("conversation.read_back", locale, field=label, value=_spaced(str(offer["value"]))), _yes_no(locale)
        if mode == CHOOSE:
            options = [(value, option_words(step.field, value, locale)) for value in offer.get("options", [])]
            code = offer.get("code", "default")
            key = f"conversation.choose.{code}" if f"conversation.choose.{code}" in registry() else "conversation.choose.default"
            return self._with_choices(say(key, locale, field=label), options)
        asked = self._said_or(f"conversation.ask.{step.field}", "conversation.ask.field", field=label, whose=whose,
                              who=who)
        if question.options is not None:
            options = [(value, question.shown(value, locale)) for value in question.options(turn.asking())]
            return self._with_choices(asked, options)
        return asked, []

    def _applied_from_question(self, step: Step, who: Words) -> tuple[Words, list[tuple[str, Words]]]:
        """"您现在住在户口所在地吗？", then which county, then which of several counties of that name."""
        turn, locale = self.turn, self.locale
        if turn.state.mode == CHOOSE:
            options = [(value, option_words(step.field, value, locale)) for value in turn.state.offer.get("options", [])]
            return self._with_choices(say("conversation.choose.several_counties", locale), options)
        if turn.state.offer.get("asking") == "county":
            return say("conversation.ask.applied_from_region", locale, who=who), []
        hukou = turn.situation.value("applicant.hukou_region")
        if hukou is None:
            return say("conversation.ask.lives_where_hukou_is", locale, who=who), _yes_no(locale)
        return say("conversation.ask.lives_where_hukou_is.known", locale, who=who,
                   hukou=question_for("applicant.hukou_region").shown(hukou, locale)), _yes_no(locale)

    def _with_choices(self, question: Words, options: list[tuple[Any, Words]]) -> tuple[Words, list[tuple[str, Words]]]:
        lines = [say("conversation.choice", self.locale, number=number, choice=words)
                 for number, (_, words) in enumerate(options, start=1)]
        listed = join(lines, self.locale, "list.clause_separator")
        words = say("conversation.with_choices", self.locale, question=question, choices=listed)
        return words, [(str(number), option_words_) for number, (_, option_words_) in enumerate(options, start=1)]

    def _input(self, step: Step, choices: list[tuple[str, Words]]) -> dict[str, Any]:
        locale = self.locale
        mode = self.turn.state.mode
        if step.kind == "material":
            kind, inputmode, autocomplete = "photo", "none", "off"
        elif step.kind == "summary":
            kind, inputmode, autocomplete = "choice", "none", "off"
        elif mode in (CONFIRM, READ_BACK) or step.kind in ("consent", "notice") or self._asks_yes_no(step):
            kind, inputmode, autocomplete = "yes_no", "none", "off"
        elif choices:
            kind, inputmode, autocomplete = "choice", "text", "off"
        elif step.kind in ("field", "applied_from"):
            spec = question_for(step.field).input
            kind, inputmode, autocomplete = spec.type, spec.inputmode, spec.autocomplete
        else:
            kind, inputmode, autocomplete = "text", "text", "off"
        if step.kind == "summary":
            choices = self._summary_choices()
        label = (say("conversation.label.summary", locale) if step.kind == "summary"
                 else field_label(step.field or "", locale))
        hints = [say(f"conversation.hint.{kind}", locale)] if f"conversation.hint.{kind}" in registry() else []
        if step.kind == "field" and f"conversation.hint.{step.field}" in registry():
            hints.insert(0, say(f"conversation.hint.{step.field}", locale))
        hints.append(say("conversation.hint.commands_skippable" if step.skippable else "conversation.hint.commands",
                         locale))
        return {
            "type": kind,
            "choices": [{"answer": answer, "number": number, **words.as_dict()}
                        for number, (answer, words) in enumerate(choices, start=1)],
            "inputmode": inputmode,
            "autocomplete": autocomplete,
            "label": label.as_dict(),
            "hints": [{**hint.as_dict(), "audio_url": self._audio(None, hint)} for hint in hints],
            "skippable": step.skippable,
            "upload": ({"kind": step.field, "url": f"/api/v1/conversations/{self.conversation_id}/photos",
                        "field": "file"} if step.kind == "material" else None),
        }

    def _asks_yes_no(self, step: Step) -> bool:
        state = self.turn.state
        return step.kind == "applied_from" and state.mode != CHOOSE and state.offer.get("asking") != "county"

    # --- the summary ("check your answers") ----------------------------------------------------------

    def _summary(self) -> Words:
        turn = self.turn
        locale = self.locale
        situation = turn.situation
        lines: list[Words] = []
        items: list[str] = []
        for step in turn.planned:
            if step.kind not in ("setup", "field", "benefits", "applied_from"):
                continue
            items.append(step.id)
            lines.append(say("conversation.summary.line", locale, number=len(items), field=self._label(step),
                             value=self._current_words(step)))
        turn.state.summary_items = items
        photos = len(situation.held)
        parts = [say("conversation.summary.intro", locale), *lines,
                 say("conversation.summary.photos", locale, count=photos)]
        applied_from, hukou = situation.value(APPLIED_FROM), situation.value("applicant.hukou_region")
        if APPLIED_FROM in items and is_cross_province(applied_from, hukou):
            region_words = question_for(APPLIED_FROM).shown
            parts.append(say("conversation.summary.cross_province", locale, here=region_words(applied_from, locale),
                             hukou=region_words(hukou, locale)))
        parts += self._eligibility()
        if BENEFITS in items and not benefits_answered(situation, turn.state):
            # Not answered is not "none": the verdict above may change once it is (seed 004).
            parts.append(say("conversation.summary.benefits_unanswered", locale, number=items.index(BENEFITS) + 1,
                             field=field_label(BENEFITS, locale)))
        missing = situation.missing
        if missing:
            labels = join([field_label(error.path, locale) for error in missing], locale)
            parts.append(say("conversation.summary.missing", locale, items=labels))
        else:
            parts.append(say("conversation.summary.question", locale))
        return _lines(parts)

    def _summary_choices(self) -> list[tuple[str, Words]]:
        if self.turn.situation.missing:
            return [("继续", say("conversation.summary.choice.continue", self.locale))]
        choices = [("提交", say("conversation.summary.choice.submit", self.locale)),
                   ("不对", say("conversation.summary.choice.change", self.locale))]
        if not benefits_answered(self.turn.situation, self.turn.state):
            choices.append(("继续", say("conversation.summary.choice.continue", self.locale)))
        return choices

    def _label(self, step: Step) -> Words:
        return field_label(step.field or step.id, self.locale)

    def _current_words(self, step: Step) -> Words:
        situation = self.turn.situation
        if step.kind == "setup":
            return self._setup_words(step.id, situation.application[step.id] if situation.application else None)
        if step.kind == "benefits":
            if not benefits_answered(situation, self.turn.state):
                return say("conversation.summary.not_filled", self.locale)  # skipped is not "none"
            return self._benefits(situation.value("other_benefits") or [])
        if step.kind == "applied_from" and situation.value(step.field) is None:
            state = self.turn.state
            key = ("conversation.summary.not_filled" if step.id not in state.done
                   else "conversation.applied_from.summary.hukou_place" if state.lives_where_hukou_is
                   else "conversation.applied_from.summary.not_said")
            return say(key, self.locale)
        value = situation.value(step.field)
        if value is None:
            return say("conversation.summary.not_filled", self.locale)
        return question_for(step.field).shown(value, self.locale)

    def _setup_words(self, step_id: str, value: Any) -> Words:
        if value is None:
            return say("conversation.summary.not_filled", self.locale)
        if step_id == "subsidies":
            return join([say(f"subsidy.{s}", self.locale) for s in value], self.locale)
        return say(f"conversation.applying_as.{value}", self.locale)

    def _benefits(self, value: list[str]) -> Words:
        if not value:
            return say("conversation.benefits.none", self.locale)
        return join([say(f"benefit.{b}", self.locale) for b in value], self.locale)

    def _eligibility(self) -> list[Words]:
        turn = self.turn
        if turn.situation.application is None:
            return []
        result = application_eligibility(turn.actor, turn.application_id, locale=self.locale)
        lines = []
        for subsidy in turn.situation.subsidies:
            verdict = result["subsidies"][subsidy]
            outcome = say(f"outcome.{verdict['outcome']}", self.locale)
            amount = yuan(verdict["monthly_amount"])
            key = "conversation.summary.eligibility" if amount else "conversation.summary.eligibility_no_amount"
            lines.append(say(key, self.locale, subsidy=say(f"subsidy.{subsidy}", self.locale), outcome=outcome,
                             amount=amount or ""))
        return lines

    # --- what is said before the question ------------------------------------------------------------

    def said(self) -> dict[str, Any] | None:
        words = [self._said_words(item) for item in self.turn.said]
        words = [w for w in words if w is not None]
        if not words:
            return None
        together = _lines(words)
        return {**together.as_dict(), "audio_url": self._audio(None, together)}

    def correction(self) -> dict[str, Any] | None:
        item = self.turn.correction
        if item is None:
            return None
        words = self._said_words(item)
        return {"code": item.code, **words.as_dict(), "audio_url": self._audio(None, words)}

    def _said_words(self, item: Said) -> Words | None:
        locale = self.locale
        if item.field_error is not None:
            described = describe_field_error(item.field_error, locale)
            error = Words(described["message"], described["easy_read"])
            if item.key in ("conversation.refused", "conversation.problem"):
                return error
            return _lines([say(item.key, locale), error])
        params = dict(item.params)
        key = item.key if item.key in registry() else params.pop("fallback", item.key)
        params.pop("fallback", None)
        if key == "conversation.human":
            return self._human()
        words: dict[str, Any] = {}
        for name, value in params.items():
            if name == "field":
                words[name] = field_label(value, locale)
            elif name == "kind":
                words[name] = field_label(value, locale)
            elif name == "value" and "field" in params:
                words[name] = self._value_words(params["field"], value)
            elif name == "value" and key == "conversation.certificate_number_filled":
                words[name] = question_for("certificate.number").shown(value, locale)
            elif name == "date" and isinstance(value, str) and len(value) == 10:
                words[name] = shown_date(value, locale)
            elif name == "warnings":
                words[name] = Words(" ".join(w["text"] for w in value), " ".join(w["easy_read"] for w in value))
            else:
                words[name] = value
        if key not in registry():
            return None
        return say(key, locale, **words)

    def _value_words(self, path: str, value: Any) -> Words:
        if path in ("subsidies", "applying_as"):
            return self._setup_words(path, value)
        if path == "other_benefits":
            return self._benefits(value)
        return question_for(path).shown(value, self.locale)

    def _human(self) -> Words:
        situation = self.turn.situation
        code = (situation.value("applicant.hukou_region")
                or (situation.value("applicant.hukou_region_suggestion") or {}).get("code") or "000000")
        contacts = region_policy(code, None, locale=self.locale)["contacts"]
        if not contacts:
            return say("conversation.human.no_contacts", self.locale)
        listed = join([say("conversation.human.contact", self.locale, office=c["office"], phone=c["phone"])
                       for c in contacts], self.locale, "list.clause_separator")
        return say("conversation.human", self.locale, contacts=listed)

    def _said_or(self, key: str, fallback: str, **params: Any) -> Words:
        return say(key if key in registry() else fallback, self.locale, **params)

    # --- speech --------------------------------------------------------------------------------------

    def _audio(self, progress: Words | None, words: Words) -> str | None:
        if not self.with_audio:
            return None
        parts = [progress, words] if progress is not None else [words]
        form = "easy_read" if self.preferences.easy_read else "text"
        sentence = " ".join(getattr(part, form) for part in parts)
        return audio_url(sentence, self.locale)


def _lines(parts: list[Words]) -> Words:
    """Sentences one to a line (a line break is the same in every language)."""
    return Words("\n".join(p.text for p in parts), "\n".join(p.easy_read for p in parts))


def _yes_no(locale: str) -> list[tuple[str, Words]]:
    return [("是", say("conversation.yes", locale)), ("不是", say("conversation.no", locale))]


def _spaced(value: str) -> str:
    """Digits in groups of four, as they are read back ("5002 3219 5004 1233 19")."""
    return " ".join(value[index:index + 4] for index in range(0, len(value), 4))
