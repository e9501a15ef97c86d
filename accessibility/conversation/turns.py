"""One turn of the conversation: an answer (words or a photo) to the question asked, understood,
saved at once through the backend's services, and the next question chosen.

Every save goes through `save_draft`, `add_material`, `accept_proposals` or `submit_application` with the
acting person: the field checks, the consent rule, the access rule and the version check are theirs. A
refusal comes back as a kind, specific correction (the field's own error message, or what the parser
could not understand), and the same question is asked again; nothing is lost.

Words are never built here: what is said is a catalog key and its parameters (`Said`), rendered by
`prompts.py` in the person's locale and preferred form.

This module holds the turn itself: which question is asked, which handler an answer goes to, what
happens after it (`settle`), and the one way to save. The handlers live beside it, one module a concern:
`commands.py` (上一步, 再说一遍, 人工, 帮助…), `setup.py` (who applies, for what), `fields.py` (a field's
value, its follow-up and confirmation), `photos.py`, `applied_from.py` (跨省通办), `benefit_facts.py` (what a
weighed benefit pays, 事实无人抚养儿童) and `agreements.py` (consents, the notice, the summary's 提交)."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from accessibility.answers import Ambiguous, CommandKind, Understood, recognise_command
from accessibility.conversation import plan, retake
from accessibility.conversation.agreements import answer_consent, answer_notice, answer_summary
from accessibility.conversation.applied_from import (
    answer_applied_from,
    applied_from_not_said,
    back_within_applied_from,
)
from accessibility.conversation.benefit_facts import answer_benefit_amount, answer_de_facto, fact_not_known
from accessibility.conversation.commands import run_command
from accessibility.conversation.fields import answer_benefits, answer_field, compose_certificate_number
from accessibility.conversation.photos import answer_material_words, look_at_readings, take_photo
from accessibility.conversation.plan import Step
from accessibility.conversation.questions import Asking, question_for
from accessibility.conversation.said import Said
from accessibility.conversation.setup import answer_setup, relation_values
from accessibility.conversation.situation import Situation, load_situation
from accessibility.conversation.state import ASK, CONFIRM, ConversationState
from backend.accounts.actor import Actor
from backend.applications.service import DraftChanges, create_application, save_draft
from backend.errors import Conflict, ConsentRequired, FieldError, InvalidInput, StaleVersion, TooLarge
from backend.runtime import today

# The handler of an answer, by the kind of step asked.
_ANSWERS = {"setup": answer_setup, "consent": answer_consent, "material": answer_material_words,
            "field": answer_field, "benefits": answer_benefits, "applied_from": answer_applied_from,
            "benefit_amount": answer_benefit_amount, "de_facto": answer_de_facto,
            "notice": answer_notice, "summary": answer_summary}


class Turn:
    def __init__(self, actor: Actor, *, application_id: str | None, state: ConversationState, channel: str,
                 locale: str) -> None:
        self.actor = actor
        self.application_id = application_id
        self.state = state
        self.channel = channel
        self.locale = locale
        self.said: list[Said] = []
        self.correction: Said | None = None
        self.situation = self._load()

    # --- what is asked now ------------------------------------------------------------------------

    @property
    def planned(self) -> list[Step]:
        return plan.steps(self.situation, self.state)

    def step(self) -> Step:
        return plan.next_step(self.planned, self.situation, self.state)

    def asking(self) -> Asking:
        return Asking(today=today(), applying_as=self.situation.applying_as, locale=self.locale)

    # --- an answer --------------------------------------------------------------------------------

    def answer(self, text: str, *, answering: str | None = None) -> None:
        """`answering` names the question the person saw, when the client says it: an answer to a question
        already answered elsewhere (another phone) is then not taken for the next one."""
        if self.state.submitted:
            self.said.append(Said("conversation.already_submitted"))
            return
        step = self.step()
        if self.state.current is None:
            return  # nothing was asked yet (a chat's first message): the first question is the answer
        if self.state.current != step.id or (answering is not None and answering != step.id):
            # The question was answered meanwhile (another phone, the form): ask the one that is next.
            self.said.append(Said("conversation.moved_on"))
            return
        if self._changed_meanwhile(step):
            # The form on another phone (or a guardian) saved this very field since the question was asked: the
            # answer to the question as it was is not saved over it; the question is asked again, confirming it.
            self.said.append(Said("conversation.changed_elsewhere"))
            return
        command = recognise_command(text)
        if command is not None and command.also_an_answer and self._answers_question(step, text):
            command = None  # "听不清" to the category question names a hearing disability
        if command is not None and step.kind == "applied_from" and command.kind in (CommandKind.DONT_KNOW,
                                                                                    CommandKind.SKIP):
            applied_from_not_said(self, step)  # optional: "不知道" or "跳过" leaves it unset, not for later
            return
        if command is not None and step.kind in ("benefit_amount", "de_facto") and command.kind in (
                CommandKind.DONT_KNOW, CommandKind.SKIP):
            fact_not_known(self, step)  # optional too: the answer stays needs_review, as the summary says
            return
        if command is not None and command.kind is CommandKind.BACK and back_within_applied_from(self, step):
            return
        if command is not None:
            run_command(self, command, step)
            return
        _ANSWERS[step.kind](self, step, text)

    def _answers_question(self, step: Step, text: str) -> bool:
        if step.kind != "field" or self.state.mode != ASK:
            return False
        return isinstance(question_for(step.field).parse(text, self.asking()), (Understood, Ambiguous))

    def photo(self, data: bytes, *, answering: str | None = None) -> None:
        take_photo(self, data, answering=answering)

    # --- after the answer: automatic steps, then the question to ask -------------------------------

    def settle(self) -> None:
        """Creates the application once who applies and for what are known, asks again for a photo whose
        reading found it is not the document, fills the certificate number when its parts are known, reopens
        a confirmed field the application now reports as wrong, and marks the next question as asked."""
        reopened = bool(self.state.submitted and self.situation.correction_items)
        if reopened:
            # Sent back for correction since it was submitted here: the conversation opens again, on what the
            # reviewer asked for only (plan.steps).
            self.state.submitted, self.state.current, self.state.done = False, None, []
        if self.situation.correction_items and self.state.current is None and (reopened or not self.state.history):
            self.said.append(Said("conversation.correction_requested",
                                  # The reviewer's own full stop would double the sentence's (。。).
                                  {"reason": (self.situation.correction_reason or "").rstrip("。.！!；; ")}))
        if self.state.submitted:
            return
        if self.situation.application is not None and not self.situation.editable:
            # Submitted (or closed) elsewhere: the conversation says where it stands and asks nothing.
            self.state.submitted = True
            self.state.reference = self.situation.application["reference"]
            self.state.current = None
            return
        if self.application_id is None and self.state.applying_as and self.state.subsidies:
            document = create_application(self.actor, subsidies=self.state.subsidies,
                                          applying_as=self.state.applying_as, channel=self.channel,
                                          changes=DraftChanges(values=relation_values(self.state)))
            self.application_id = document["id"]
            self.reload()
        retake.forget_when_moved_on(self.state)
        # A photo sent earlier may have been read meanwhile: is it the document? A better one is not asked for
        # at the summary.
        look_at_readings(self, offer_retake=self.state.current != plan.SUMMARY)
        for _ in range(len(self.planned)):
            step = self.step()
            problem = plan.problem_with(step, self.situation)
            if step.id in self.state.done and problem is not None:
                self.state.reopen(step.id)
                self.said.append(Said("conversation.problem", field_error=problem))
                continue
            if step.id == "certificate.number" and self.state.current != step.id and compose_certificate_number(self):
                continue
            break
        step = self.step()
        if self._photo_read_meanwhile(step) or self._changed_meanwhile(step):
            self.state.current = None  # a photo read, or a value saved elsewhere, since: confirm its value instead
        if self.state.current != step.id:
            mode, offer = self._opening(step)
            self.state.ask(step.id, mode, offer)
            problem = plan.problem_with(step, self.situation)
            if problem is not None and not any(s.field_error == problem for s in self.said):
                self.said.append(Said("conversation.problem", field_error=problem))
        self.state.asked_over = ({"step": step.id, "digest": self._digest(step)}
                                 if step.kind == "field" and self.state.current == step.id else None)

    def _changed_meanwhile(self, step: Step) -> bool:
        """Whether the application's value for the field asked differs from the one it held when the last turn
        ended (so when the person was shown the question)."""
        seen = self.state.asked_over
        return (step.kind == "field" and seen is not None and seen.get("step") == step.id
                and self.state.current == step.id and seen.get("digest") != self._digest(step))

    def _digest(self, step: Step) -> str:
        value = json.dumps(self.situation.value(step.field), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(value.encode()).hexdigest()[:16]

    def _photo_read_meanwhile(self, step: Step) -> bool:
        return (step.kind == "field" and self.state.current == step.id and self.state.mode == ASK
                and not self.state.offer.get("declined") and self.situation.value(step.field) is None
                and self.situation.proposal(step.field) is not None)

    def _opening(self, step: Step) -> tuple[str, dict[str, Any]]:
        """How a question is first asked: confirming what is known, or asking."""
        situation = self.situation
        if step.kind == "setup" and situation.application is not None:
            value = situation.application[step.id]
            return CONFIRM, {"value": value, "source": "known"}
        if step.kind == "field" and plan.problem_with(step, situation) is None:
            value = situation.value(step.field)
            if value is not None:
                return CONFIRM, {"value": value, "source": "known"}
            proposal = situation.proposal(step.field)
            if proposal is not None:
                return CONFIRM, {"value": proposal["value"], "source": "photo"}
            if step.field == "applicant.hukou_region":
                suggestion = situation.value("applicant.hukou_region_suggestion")
                if suggestion:
                    return CONFIRM, {"value": suggestion["code"], "source": "id_number"}
        if step.kind == "benefits" and situation.value("other_benefits"):
            return CONFIRM, {"value": situation.value("other_benefits"), "source": "known"}
        return ASK, {}

    def ask_afresh(self, step: Step) -> None:
        mode, offer = self._opening(step)
        self.state.ask(step.id, mode, offer)

    # --- saving: the handlers' one way to the backend's services ------------------------------------

    def save(self, step: Step, changes: DraftChanges) -> bool:
        document = self.situation.application
        try:
            save_draft(self.actor, self.application_id, changes, expected_version=document["version"])
        except StaleVersion:
            self.said.append(Said("conversation.changed_elsewhere"))
            self.state.current = None
            self.reload()
            return False
        except ConsentRequired:
            self.consent_needed()
            return False
        except InvalidInput as refused:
            self.refused(refused, step)
            return False
        except Conflict as conflict:
            self.said.append(Said(f"conversation.conflict.{conflict.code}",
                                  {"fallback": "conversation.conflict.default"}))
            return False
        self.reload()
        return True

    def refused(self, refused: InvalidInput | TooLarge, step: Step) -> None:
        error = refused.errors[0] if refused.errors else FieldError(step.field or "", refused.code, refused.params)
        self.correction = Said("conversation.refused", code=error.code, field_error=error)

    def consent_needed(self) -> None:
        self.said.append(Said("conversation.consent_needed"))
        self.state.current = None
        self.reload()

    def _load(self) -> Situation:
        return load_situation(self.actor, self.application_id, subsidies=self.state.subsidies,
                              applying_as=self.state.applying_as, locale=self.locale)

    def reload(self) -> None:
        self.situation = self._load()
