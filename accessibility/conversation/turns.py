"""One turn of the conversation: an answer (words or a photo) to the question asked, understood,
saved at once through the backend's services, and the next question chosen.

Every save goes through `save_draft`, `add_material`, `accept_proposals` or `submit_application` with the
acting person: the field checks, the consent rule, the access rule and the version check are theirs. A
refusal comes back as a kind, specific correction (the field's own error message, or what the parser
could not understand), and the same question is asked again; nothing is lost.

Words are never built here: what is said is a catalog key and its parameters (`Said`), rendered by
`prompts.py` in the person's locale and preferred form."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from accessibility.answers import (
    Ambiguous,
    Command,
    CommandKind,
    NotUnderstood,
    Understood,
    parse_choice,
    parse_yes_no,
    recognise_command,
)
from accessibility.answers.applied_from import parse_lives_in_hukou_place
from accessibility.answers.choices import Choice
from accessibility.answers.text import compact
from accessibility.conversation import plan
from accessibility.conversation.plan import Step
from accessibility.conversation.questions import (
    APPLYING_AS_CHOICES,
    SUBSIDY_CHOICES,
    Asking,
    option_words,
    parse_applying_as,
    parse_benefits,
    question_for,
)
from accessibility.conversation.situation import Situation, load_situation
from accessibility.conversation.state import ASK, CHOOSE, CONFIRM, READ_BACK, ConversationState
from backend.accounts.actor import Actor
from backend.applications.service import DraftChanges, create_application, get_application, save_draft, submit_application
from backend.applications.vocabulary import SUBSIDIES
from backend.errors import Conflict, ConsentRequired, FieldError, InvalidInput, StaleVersion, TooLarge
from backend.identity.certificate_numbers import InvalidCertificateNumber, certificate_number_for
from backend.identity.regions import province_code, region
from backend.materials.service import add_material
from backend.prefill.service import accept_proposals
from backend.runtime import today

# Words that name a photo the person would rather send than the one asked ("户口本" for the ID card).
MATERIAL_WORDS: dict[str, tuple[str, ...]] = {
    "household_register": ("户口本", "户口簿", "户口"),
    "id_card_front": ("身份证",),
}
SUBMIT_CHOICES = (
    Choice("submit", ("提交", "确认提交", "提交吧", "交", "交上去", "可以提交", "提交申请", "申请", "确认")),
    Choice("continue", ("继续", "接着填", "补上", "继续填", "填完")),
)
_STEPS_NOT_REVISITED = ("consent", "material", "notice", "summary")


@dataclass(frozen=True)
class Said:
    """Something said to the person besides the question: a catalog key, its parameters, and, for a
    correction, the stable code of what was wrong."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    code: str | None = None
    field_error: FieldError | None = None   # said through the field's own error message


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
        return Asking(today=today(), applying_as=self.situation.applying_as)

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
        command = recognise_command(text)
        if command is not None and command.also_an_answer and self._answers_question(step, text):
            command = None  # "听不清" to the category question names a hearing disability
        if command is not None and step.kind == "applied_from" and command.kind in (CommandKind.DONT_KNOW,
                                                                                    CommandKind.SKIP):
            self._applied_from_not_said(step)  # optional: "不知道" or "跳过" leaves it unset, not for later
            return
        if command is not None and command.kind is CommandKind.BACK and self._back_within_applied_from(step):
            return
        if command is not None:
            self._command(command, step)
            return
        handler = {"setup": self._setup, "consent": self._consent, "material": self._material_words,
                   "field": self._field, "benefits": self._benefits, "applied_from": self._applied_from,
                   "notice": self._notice, "summary": self._summary}[step.kind]
        handler(step, text)

    def _answers_question(self, step: Step, text: str) -> bool:
        if step.kind != "field" or self.state.mode != ASK:
            return False
        return isinstance(question_for(step.field).parse(text, self.asking()), (Understood, Ambiguous))

    def photo(self, data: bytes, *, answering: str | None = None) -> None:
        if self.state.submitted:
            self.said.append(Said("conversation.already_submitted"))
            return
        step = self.step()
        if answering is not None and answering != step.id and self.state.current == step.id:
            self.said.append(Said("conversation.moved_on"))
            return
        if step.kind != "material" or self.state.current != step.id:
            self.said.append(Said("conversation.photo_not_asked"))
            return
        try:
            add_material(self.actor, self.application_id, step.field, data)
        except (InvalidInput, TooLarge) as refused:
            self._refused(refused, step)
            return
        except ConsentRequired:
            self._consent_needed()
            return
        self.state.finish(step.id)
        self.said.append(Said("conversation.photo_received", {"kind": step.field}))
        self._reload()

    # --- after the answer: automatic steps, then the question to ask -------------------------------

    def settle(self) -> None:
        """Creates the application once who applies and for what are known, fills the certificate number
        when its parts are known, reopens a confirmed field the application now reports as wrong, and
        marks the next question as asked."""
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
                                          applying_as=self.state.applying_as, channel=self.channel)
            self.application_id = document["id"]
            self._reload()
        for _ in range(len(self.planned)):
            step = self.step()
            problem = plan.problem_with(step, self.situation)
            if step.id in self.state.done and problem is not None:
                self.state.reopen(step.id)
                self.said.append(Said("conversation.problem", field_error=problem))
                continue
            if step.id == "certificate.number" and self.state.current != step.id and self._compose_certificate_number():
                continue
            break
        step = self.step()
        if self._photo_read_meanwhile(step):
            self.state.current = None  # a photo read since the question was asked: confirm its value instead
        if self.state.current != step.id:
            mode, offer = self._opening(step)
            self.state.ask(step.id, mode, offer)
            problem = plan.problem_with(step, self.situation)
            if problem is not None and not any(s.field_error == problem for s in self.said):
                self.said.append(Said("conversation.problem", field_error=problem))

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

    # --- commands ----------------------------------------------------------------------------------

    def _command(self, command: Command, step: Step) -> None:
        kind = command.kind
        if kind is CommandKind.REPEAT:
            self.said.append(Said("conversation.repeat"))
        elif kind is CommandKind.HELP:
            self.said.append(Said(f"conversation.help.{_topic(step)}", {"fallback": "conversation.help.default"}))
        elif kind is CommandKind.DONT_KNOW:
            self._dont_know(step)
        elif kind is CommandKind.HUMAN:
            self.said.append(Said("conversation.human"))
        elif kind is CommandKind.SKIP:
            self._skip(step)
        elif kind is CommandKind.BACK:
            self._back(step)
        elif kind is CommandKind.CHANGE:
            self._change(command, step)

    def _dont_know(self, step: Step) -> None:
        if step.id == "subsidies" and self.state.mode == ASK:
            self.said.append(Said("conversation.dont_know.subsidies"))
            return
        if self.state.mode in (CONFIRM, READ_BACK):
            self.said.append(Said("conversation.dont_know.confirm" if step.skippable
                                  else "conversation.dont_know.not_skippable"))
            return
        fallback = "conversation.dont_know.default" if step.skippable else "conversation.dont_know.not_skippable"
        self.said.append(Said(f"conversation.dont_know.{_topic(step)}", {"fallback": fallback}))

    def _skip(self, step: Step) -> None:
        if not step.skippable:
            self.said.append(Said(f"conversation.cannot_skip.{step.kind}"))
            return
        self.state.skip(step.id)
        self.said.append(Said("conversation.skipped"))

    def _back(self, step: Step) -> None:
        previous = [s for s in self.state.history if s != step.id]
        planned = self.planned
        while previous:
            candidate = plan.find(planned, previous.pop())
            if candidate is not None and candidate.kind not in _STEPS_NOT_REVISITED:
                self.state.reopen(candidate.id)
                self.state.current = None  # asked afresh: confirming its value when it has one
                self.state.history = [s for s in self.state.history if s != candidate.id]
                self.state.skipped = [s for s in self.state.skipped if s != step.id]
                self._ask_afresh(candidate)
                return
        self.said.append(Said("conversation.no_previous_step"))

    def _ask_afresh(self, step: Step) -> None:
        mode, offer = self._opening(step)
        self.state.ask(step.id, mode, offer)

    def _change(self, command: Command, step: Step) -> None:
        planned = self.planned
        target: Step | None = None
        if command.item is not None:
            items = self.state.summary_items
            if step.kind != "summary" or not 1 <= command.item <= len(items):
                self.said.append(Said("conversation.change_which", {"count": len(items)}))
                return
            target = plan.find(planned, items[command.item - 1])
        elif command.field is not None:
            target = plan.step_for_field(planned, command.field)
            if target is None:
                self.said.append(Said("conversation.change_not_here", {"field": command.field}))
                return
        if target is None:
            self.said.append(Said("conversation.change_which", {"count": len(self.state.summary_items)}))
            return
        self.state.returning_to_summary = step.kind == "summary" or self.state.returning_to_summary
        self.state.reopen(target.id, ASK)
        self.said.append(Said("conversation.change_now", {"field": target.field}))

    # --- the kinds of question -----------------------------------------------------------------------

    def _setup(self, step: Step, text: str) -> None:
        if self.state.mode == CONFIRM:
            if self._confirmed(text, step):
                return
        if step.id == "applying_as":
            self._applying_as(step, text)
        else:
            self._subsidies(step, text)

    def _confirmed(self, text: str, step: Step) -> bool:
        """Handles a yes or no to a confirmation; False when the answer was neither (try it as a value)."""
        verdict = parse_yes_no(text)
        if not isinstance(verdict, Understood):
            return False
        if verdict.value:
            self._accept_offer(step)
        else:
            # "declined": a value read from a photo is not offered again for this question.
            self.state.ask(step.id, ASK, {"declined": True})
            self.said.append(Said("conversation.tell_me_instead", {"field": step.field}))
        return True

    def _applying_as(self, step: Step, text: str) -> None:
        if self.state.mode == CHOOSE:
            offered = list(self.state.offer["options"])
            options = [Choice(value, next(c.names for c in APPLYING_AS_CHOICES if c.value == value))
                       for value in offered]
            understood = parse_choice(text, options)  # numbers count in the list offered now
            if not isinstance(understood, Understood):
                natural = parse_applying_as(text)
                if isinstance(natural, Understood) and natural.value in offered:
                    understood = natural
        else:
            understood = parse_applying_as(text)
            if isinstance(understood, Ambiguous):  # "替别人": for whom?
                self.state.ask(step.id, CHOOSE, {"options": list(understood.options), "code": understood.code})
                return
            if not isinstance(understood, Understood):
                verdict = parse_yes_no(text)  # "您是为自己申请吗？" answered with a yes or a no
                if isinstance(verdict, Understood):
                    if verdict.value:
                        understood = Understood("self")
                    else:
                        self.state.ask(step.id, CHOOSE, {"options": ["guardian", "entrusted"], "code": "for_whom"})
                        return
        if not isinstance(understood, Understood):
            self.correction = Said("conversation.not_understood.choice_unclear", code="choice_unclear")
            return
        self._save_setup(step, understood.value)

    def _subsidies(self, step: Step, text: str) -> None:
        understood = parse_choice(text, SUBSIDY_CHOICES)
        if isinstance(understood, Ambiguous):
            understood = Understood("both")  # "生活补贴和护理补贴"
        if not isinstance(understood, Understood):
            code = understood.code if isinstance(understood, NotUnderstood) else "choice_unclear"
            self.correction = Said(f"conversation.not_understood.{code}", dict(getattr(understood, "params", {})),
                                   code=code)
            return
        chosen = list(SUBSIDIES) if understood.value == "both" else [understood.value]
        self._save_setup(step, chosen)

    def _save_setup(self, step: Step, value: Any) -> None:
        if self.application_id is None:
            setattr(self.state, step.id, value)
            self.state.finish(step.id)
            # Said back like every answer taken, so a misheard choice is caught at once.
            self.said.append(Said("conversation.saved", {"field": step.id, "value": value}))
            return
        changes = DraftChanges(applying_as=value) if step.id == "applying_as" else DraftChanges(subsidies=value)
        if self._save(step, changes):
            self.state.finish(step.id)
            self.said.append(Said("conversation.saved", {"field": step.id, "value": value}))

    def _consent(self, step: Step, text: str) -> None:
        verdict = parse_yes_no(text)
        if not isinstance(verdict, Understood):
            self.correction = Said("conversation.not_understood.yes_no_unclear", code="yes_no_unclear")
            return
        if not verdict.value:
            self.said.append(Said(f"conversation.consent_refused.{step.purpose}"))
            return
        if self._save(step, DraftChanges(consents=[step.purpose])):
            self.state.finish(step.id)
            self.said.append(Said("conversation.consent_given"))

    def _material_words(self, step: Step, text: str) -> None:
        item = next((m for m in self.situation.materials if m.item == step.item), None)
        answer = compact(text)
        if item is not None:
            current = plan.chosen_alternative(item.item, item.alternatives, self.situation, self.state)
            for index, group in enumerate(item.alternatives):
                if index != current and any(word in answer for kind in group for word in MATERIAL_WORDS.get(kind, ())):
                    self.state.alternatives[item.item] = index
                    self.state.current = None
                    self.said.append(Said("conversation.photo_instead", {"kind": group[0]}))
                    return
        self.correction = Said("conversation.not_understood.photo_expected", {"kind": step.field},
                               code="photo_expected")

    def _field(self, step: Step, text: str) -> None:
        mode = self.state.mode
        if mode in (CONFIRM, READ_BACK) and self._confirmed(text, step):
            return
        if mode == CHOOSE:
            self._choose(step, text)
            return
        if mode == READ_BACK:
            self.correction = Said("conversation.not_understood.yes_no_unclear", code="yes_no_unclear")
            return
        question = question_for(step.field)
        understood = question.parse(text, self.asking())
        if mode == CONFIRM and isinstance(understood, NotUnderstood):
            self.correction = Said("conversation.not_understood.yes_no_unclear", code="yes_no_unclear")
            return
        if isinstance(understood, NotUnderstood):
            self.correction = Said(f"conversation.not_understood.{understood.code}", dict(understood.params),
                                   code=understood.code)
            return
        if isinstance(understood, Ambiguous):
            options = [_plain_value(option) for option in understood.options]
            self.state.ask(step.id, CHOOSE, {"options": options, "code": understood.code})
            return
        value = question.stored(understood.value)
        if understood.note in question.read_back_notes:
            self.state.ask(step.id, READ_BACK, {"value": value})
            return
        self._save_field(step, value)

    def _choose(self, step: Step, text: str) -> None:
        options = list(self.state.offer.get("options", []))
        question = question_for(step.field)
        understood = question.parse(text, self.asking())
        if isinstance(understood, Understood):
            value = _plain_value(question.stored(understood.value))
            if value in options:
                self._save_field(step, value)
                return
        picked = parse_choice(text, [Choice(str(index), _option_names(step.field, option, self.locale))
                                     for index, option in enumerate(options)])
        if isinstance(picked, Understood):
            self._save_field(step, options[int(picked.value)])
            return
        self.correction = Said("conversation.not_understood.choose_one", {"count": len(options)}, code="choose_one")

    def _accept_offer(self, step: Step) -> None:
        offer = self.state.offer
        if self.state.mode == READ_BACK:
            self._save_field(step, offer["value"])
        elif offer.get("source") == "photo":
            try:
                accept_proposals(self.actor, self.application_id, [step.field])
            except (InvalidInput, Conflict):
                self.state.ask(step.id, ASK)
                self.said.append(Said("conversation.tell_me_instead", {"field": step.field}))
                return
            self.state.finish(step.id)
            self.said.append(Said("conversation.saved", {"field": step.field, "value": offer["value"]}))
            self._reload()
            self._remark_on(step, offer["value"])
        elif offer.get("source") == "id_number":
            self._save_field(step, offer["value"])
        else:
            self.state.finish(step.id)
            self._remark_on(step, offer["value"])

    def _save_field(self, step: Step, value: Any) -> None:
        values = {step.field: value}
        if step.field in plan.CERTIFICATE_PARTS and self.situation.value("certificate.number"):
            # The number's last two digits are the category and grade: change them together.
            number = self._certificate_number(**{step.field.split(".")[1]: value})
            if number:
                values["certificate.number"] = number
        if self._save(step, DraftChanges(values=values)):
            self.state.finish(step.id)
            self.said.append(Said("conversation.saved", {"field": step.field, "value": value}))
            self._remark_on(step, value)

    def _remark_on(self, step: Step, value: Any) -> None:
        """What a saved value means for the person, said kindly with what to do. A certificate that has
        run out is kept as said (it is what the certificate shows), and they are told to renew it: the
        subsidy stops the month after it expires and counts again from the month the new one is issued
        (seed 001, item 13)."""
        if step.field == "certificate.valid_until" and isinstance(value, str):
            try:
                until = date.fromisoformat(value)
            except ValueError:
                return
            if until < today():
                self.said.append(Said("conversation.certificate_expired", {"date": value}))

    def _certificate_number(self, **changed: Any) -> str | None:
        whole = get_application(self.actor, self.application_id, reveal=True)
        id_number = (whole["certificate"]["number"] or "")[:18] or whole["applicant"]["id_number"]
        category = changed.get("category", whole["certificate"]["category"])
        grade = changed.get("grade", whole["certificate"]["grade"])
        if not id_number or category is None or grade is None:
            return None
        try:
            return certificate_number_for(id_number, category, grade, whole["certificate"]["number_suffix"])
        except InvalidCertificateNumber:
            return None

    def _compose_certificate_number(self) -> bool:
        situation = self.situation
        if not situation.editable or situation.value("certificate.number"):
            return False
        if not (situation.value("applicant.id_number") and situation.value("certificate.category")
                and situation.value("certificate.grade")):
            return False
        number = self._certificate_number()
        step = plan.find(self.planned, "certificate.number")
        if number is None or step is None:
            return False
        if not self._save(step, DraftChanges(values={"certificate.number": number})):
            return False
        self.state.finish(step.id)
        # Filled, not answered: "上一步" goes back to the last question the person answered.
        self.state.history.remove(step.id)
        self.said.append(Said("conversation.certificate_number_filled", {"value": number}))
        return True

    def _benefits(self, step: Step, text: str) -> None:
        if self.state.mode == CONFIRM and self._confirmed(text, step):
            return
        understood = parse_benefits(text)
        if isinstance(understood, NotUnderstood):
            self.correction = Said(f"conversation.not_understood.{understood.code}", dict(understood.params),
                                   code=understood.code)
            return
        if self._save(step, DraftChanges(values={"other_benefits": understood.value})):
            self.state.finish(step.id)
            self.said.append(Said("conversation.saved", {"field": step.field, "value": understood.value}))

    # --- where they apply from (跨省通办, seed 001 item 7) -----------------------------------------------

    def _applied_from(self, step: Step, text: str) -> None:
        """"您现在住在户口所在地吗？" (mode ASK), then, on a no, which county (offer `asking: county`), and
        which of several counties of that name (CHOOSE). A county named at once ("不在，在太原小店区")
        answers both."""
        if self.state.mode == CHOOSE:
            self._choose_applied_from(step, text)
            return
        county = question_for(step.field).parse(text, self.asking())
        if self.state.offer.get("asking") == "county":
            self._applied_from_county(step, county)
            return
        verdict = parse_lives_in_hukou_place(text)
        if isinstance(verdict, Understood) and verdict.value:
            self._lives_where_hukou_is(step)
        elif isinstance(county, Ambiguous) or (isinstance(county, Understood) and county.value is not None):
            self._applied_from_county(step, county)
        elif isinstance(verdict, Understood):
            self.state.lives_where_hukou_is = False
            self.state.ask(step.id, ASK, {"asking": "county"})
        else:
            self.correction = Said("conversation.not_understood.yes_no_unclear", code="yes_no_unclear")

    def _applied_from_county(self, step: Step, county: Any) -> None:
        if isinstance(county, NotUnderstood):
            self.correction = Said(f"conversation.not_understood.{county.code}", dict(county.params), code=county.code)
        elif isinstance(county, Ambiguous):
            self.state.ask(step.id, CHOOSE, {"options": list(county.options), "code": county.code})
        elif county.value is None:
            self._applied_from_not_said(step)
        else:
            self._save_applied_from(step, county.value)

    def _choose_applied_from(self, step: Step, text: str) -> None:
        options = list(self.state.offer.get("options", []))
        county = question_for(step.field).parse(text, self.asking())
        if isinstance(county, Understood) and county.value in options:
            self._save_applied_from(step, county.value)
            return
        if isinstance(county, Ambiguous) and set(county.options) < set(options):
            self.state.ask(step.id, CHOOSE, {"options": list(county.options), "code": county.code})
            return
        # "沧州的", "河南那个": the province or city of one of them.
        place = re.sub(r"(?:的|那个|这个|那边|那里|市|省)+$", "", compact(text))
        named = [option for option in options if len(place) >= 2 and place in _region_name(option)]
        if len(named) == 1:
            self._save_applied_from(step, named[0])
            return
        if 1 < len(named) < len(options):
            self.state.ask(step.id, CHOOSE, {"options": named, "code": self.state.offer.get("code")})
            return
        picked = parse_choice(text, [Choice(str(index), _option_names(step.field, option, self.locale))
                                     for index, option in enumerate(options)])
        if isinstance(picked, Understood):
            self._save_applied_from(step, options[int(picked.value)])
            return
        self.correction = Said("conversation.not_understood.choose_one", {"count": len(options)}, code="choose_one")

    def _lives_where_hukou_is(self, step: Step) -> None:
        """Where the hukou is: no county of their own to name (a county named before is cleared)."""
        if self.situation.value(step.field) is not None and not self._save(
                step, DraftChanges(applied_from_region=None, sets_applied_from=True)):
            return
        self.state.lives_where_hukou_is = True
        self.state.finish(step.id)
        self.said.append(Said("conversation.applied_from.hukou_place"))

    def _applied_from_not_said(self, step: Step) -> None:
        self.state.lives_where_hukou_is = False if self.state.offer.get("asking") == "county" else None
        self.state.finish(step.id)
        self.said.append(Said("conversation.applied_from.not_said"))

    def _save_applied_from(self, step: Step, code: str) -> None:
        # The same save as PATCH's: the county is checked there (a known county code, while a draft).
        if not self._save(step, DraftChanges(applied_from_region=code, sets_applied_from=True)):
            return
        self.state.lives_where_hukou_is = False
        self.state.finish(step.id)
        saved = self.situation.value(step.field) or code
        self.said.append(Said("conversation.saved", {"field": step.field, "value": saved}))
        hukou = self.situation.value("applicant.hukou_region")
        if is_cross_province(saved, hukou):
            self.said.append(Said("conversation.applied_from.cross_province",
                                  {"here": _region_name(saved), "hukou": _region_name(hukou)}))

    def _back_within_applied_from(self, step: Step) -> bool:
        """"上一步" at the county question goes back to "您现在住在户口所在地吗？"."""
        if step.kind != "applied_from" or (self.state.mode != CHOOSE and self.state.offer.get("asking") != "county"):
            return False
        self.state.ask(step.id, ASK)
        return True

    def _notice(self, step: Step, text: str) -> None:
        verdict = parse_yes_no(text)
        if not isinstance(verdict, Understood):
            self.correction = Said("conversation.not_understood.yes_no_unclear", code="yes_no_unclear")
            return
        if not verdict.value:
            self.said.append(Said("conversation.notice_not_acknowledged"))
            return
        if self._save(step, DraftChanges(values={"policy_notice_acknowledged": True})):
            self.state.finish(step.id)
            self.said.append(Said("conversation.notice_acknowledged"))

    def _summary(self, step: Step, text: str) -> None:
        choice = parse_choice(text, SUBMIT_CHOICES)
        verdict = parse_yes_no(text)
        wants = (choice.value if isinstance(choice, Understood)
                 else "submit" if isinstance(verdict, Understood) and verdict.value
                 else "no" if isinstance(verdict, Understood) else None)
        if wants is None:
            self.correction = Said("conversation.not_understood.summary_unclear", code="summary_unclear")
            return
        if wants == "no":
            self.said.append(Said("conversation.change_which", {"count": len(self.state.summary_items)}))
            return
        missing = self.situation.missing
        open_questions = missing or not plan.benefits_answered(self.situation, self.state)
        if wants == "continue" or missing:
            self.state.skipped = []
            self.state.current = None
            self.said.append(Said("conversation.fill_the_rest" if open_questions else "conversation.nothing_missing"))
            return
        try:
            submitted = submit_application(self.actor, self.application_id, locale=self.locale)
        except InvalidInput as incomplete:
            self.state.skipped = []
            self.state.current = None
            self.said.append(Said("conversation.fill_the_rest", field_error=incomplete.errors[0] if incomplete.errors else None))
            self._reload()
            return
        self.state.submitted = True
        self.state.reference = submitted["reference"]
        self.state.current = None
        self.said.append(Said("conversation.submitted", {"reference": submitted["reference"],
                                                         "warnings": submitted.get("warnings") or []}))
        self._reload()

    # --- saving --------------------------------------------------------------------------------------

    def _save(self, step: Step, changes: DraftChanges) -> bool:
        document = self.situation.application
        try:
            save_draft(self.actor, self.application_id, changes, expected_version=document["version"])
        except StaleVersion:
            self.said.append(Said("conversation.changed_elsewhere"))
            self.state.current = None
            self._reload()
            return False
        except ConsentRequired:
            self._consent_needed()
            return False
        except InvalidInput as refused:
            self._refused(refused, step)
            return False
        except Conflict as conflict:
            self.said.append(Said(f"conversation.conflict.{conflict.code}",
                                  {"fallback": "conversation.conflict.default"}))
            return False
        self._reload()
        return True

    def _refused(self, refused: InvalidInput | TooLarge, step: Step) -> None:
        error = refused.errors[0] if refused.errors else FieldError(step.field or "", refused.code, refused.params)
        self.correction = Said("conversation.refused", code=error.code, field_error=error)

    def _consent_needed(self) -> None:
        self.said.append(Said("conversation.consent_needed"))
        self.state.current = None
        self._reload()

    def _load(self) -> Situation:
        return load_situation(self.actor, self.application_id, subsidies=self.state.subsidies,
                              applying_as=self.state.applying_as, locale=self.locale)

    def _reload(self) -> None:
        self.situation = self._load()


def is_cross_province(applied_from: str | None, hukou: str | None) -> bool:
    """跨省通办 (seed 001 item 7; issue 7): applied from another province than the hukou's, comparing
    today's provinces (as the hand-off packet does, backend/review/packet.py)."""
    if not applied_from or not hukou:
        return False
    try:
        return province_code(applied_from) != province_code(hukou)
    except ValueError:
        return False


def _region_name(code: str) -> str:
    found = region(code)
    return found.full_name if found else code


def _topic(step: Step) -> str:
    if step.kind in ("field", "setup", "applied_from"):
        return step.id
    if step.kind == "material":
        return f"material.{step.item}"
    return step.kind


def _plain_value(value: Any) -> Any:
    """A value as JSON keeps it (an option of a follow-up, stored between answers)."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def _option_names(path: str, option: Any, locale: str) -> tuple[str, ...]:
    words = option_words(path, option, locale)
    return tuple(dict.fromkeys(name for name in (words.text, words.easy_read, str(option)) if name))
