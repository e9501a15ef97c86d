"""Turning a turn into words: the prompt (the question with its progress, input and audio) and what was
said before it (a correction, or a message), each in the standard text, the easy-read text and speech.

A prompt says what any client needs to render it accessibly, including one we do not write:

    {"field", "step", "mode", "text", "easy_read", "audio_url",
     "input": {"type", "choices", "inputmode", "autocomplete", "label", "hints", "skippable", "upload"},
     "progress": {"step", "total", "text", "easy_read"}, "display": {...the person's preferences...}}

Choices are also said in the question itself (numbered), so a chat or a voice hears them too. Audio is
made from the easy-read text when the person prefers it, else from the standard text, with the progress
first ("第3步，共9步"), and left out when speech is off. Each hint, like the question, is
{"text", "easy_read", "audio_url"}, and so are what was said before it and a correction.

This module lays a prompt out; its words come from beside it, one module a concern: `question_words.py`
(the question of each kind of step), `summary.py` (check your answers), `said_words.py` (what was said
before the question) and `words.py` (the pieces they share)."""
from __future__ import annotations

from typing import Any

from accessibility.conversation.plan import Step
from accessibility.conversation.question_words import question_words
from accessibility.conversation.questions import question_for
from accessibility.conversation.said_words import said_words
from accessibility.conversation.state import CHOOSE, CONFIRM, READ_BACK
from accessibility.conversation.summary import summary_choices
from accessibility.conversation.turns import Turn
from accessibility.conversation.voice import audio_url
from accessibility.conversation.words import benefit_amount_label, lines
from backend.accounts.preferences import Preferences
from backend.messages.catalog import Words, registry, say
from backend.messages.describe import field_label

# Touch targets: MIIT asks 44x44, and 60x60 in elder (care) mode (REFERENCE.md, accessibility targets).
TARGET_PX = 44
CARE_MODE_TARGET_PX = 60


class Renderer:
    def __init__(self, turn: Turn, preferences: Preferences, *, conversation_id: str, with_audio: bool = True,
                 chat: bool = False) -> None:
        """`chat`: the prompt is read in a chat (the official account), where there is no “我的申请” to look
        at: the finished prompt says to send “查进度” instead."""
        self.turn = turn
        self.chat = chat
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
        question, choices = question_words(turn, step)
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
        finished = "conversation.finished.chat" if self.chat else "conversation.finished"
        words = lines([say(finished, self.locale, reference=self.turn.state.reference or ""),
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

    def _input(self, step: Step, choices: list[tuple[str, Words]]) -> dict[str, Any]:
        locale = self.locale
        mode = self.turn.state.mode
        if step.kind == "material":
            kind, inputmode, autocomplete = "photo", "none", "off"
        elif step.kind == "summary":
            kind, inputmode, autocomplete = "choice", "none", "off"
        elif mode in (CONFIRM, READ_BACK) or step.kind in ("consent", "notice", "de_facto") or self._asks_yes_no(step):
            kind, inputmode, autocomplete = "yes_no", "none", "off"
        elif step.kind == "benefit_amount":
            kind, inputmode, autocomplete = "number", "decimal", "off"
        elif choices:
            kind, inputmode, autocomplete = "choice", "text", "off"
        elif step.kind in ("field", "applied_from"):
            spec = question_for(step.field).input
            kind, inputmode, autocomplete = spec.type, spec.inputmode, spec.autocomplete
        else:
            kind, inputmode, autocomplete = "text", "text", "off"
        if step.kind == "summary":
            choices = summary_choices(self.turn)
        label = (say("conversation.label.summary", locale) if step.kind == "summary"
                 else benefit_amount_label(step.item or "", locale) if step.kind == "benefit_amount"
                 else field_label(step.field or "", locale, self.turn.situation.applying_as))
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

    # --- what is said before the question ------------------------------------------------------------

    def said(self) -> dict[str, Any] | None:
        words = [said_words(self.turn, item) for item in self.turn.said]
        words = [w for w in words if w is not None]
        if not words:
            return None
        together = lines(words)
        return {**together.as_dict(), "audio_url": self._audio(None, together)}

    def correction(self) -> dict[str, Any] | None:
        item = self.turn.correction
        if item is None:
            return None
        words = said_words(self.turn, item)
        return {"code": item.code, **words.as_dict(), "audio_url": self._audio(None, words)}

    # --- speech --------------------------------------------------------------------------------------

    def _audio(self, progress: Words | None, words: Words) -> str | None:
        if not self.with_audio:
            return None
        parts = [progress, words] if progress is not None else [words]
        form = "easy_read" if self.preferences.easy_read else "text"
        sentence = " ".join(getattr(part, form) for part in parts)
        return audio_url(sentence, self.locale, self.preferences.speech_percent)

