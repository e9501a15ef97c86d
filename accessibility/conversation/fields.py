"""A field of the form answered: a value understood and saved, a follow-up when the answer fits several
values (CHOOSE), a value read back before saving (READ_BACK), and a known or photo-read value confirmed
(CONFIRM) or declined. Also the certificate number, which follows from the ID number, category and grade,
and the other benefits, whose answer is a list rather than one value.

Its own module because these are the questions the form asks; the conversation's own steps (who applies,
consents, photos, the summary) live beside it."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from accessibility.answers import Ambiguous, NotUnderstood, Understood, parse_choice, parse_yes_no
from accessibility.answers.choices import Choice
from accessibility.conversation import plan
from accessibility.conversation.choices import parse_benefits
from accessibility.conversation.plan import Step
from accessibility.conversation.questions import option_words, question_for
from accessibility.conversation.said import Said, not_understood
from accessibility.conversation.state import ASK, CHOOSE, CONFIRM, READ_BACK
from backend.applications.service import DraftChanges, get_application, may_reveal_numbers
from backend.applications.vocabulary import OTHER_BENEFITS
from backend.errors import Conflict, FieldError, InvalidInput
from backend.identity.certificate_numbers import InvalidCertificateNumber, certificate_number_for
from backend.prefill.service import accept_proposals
from backend.runtime import today

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn


def answer_field(turn: Turn, step: Step, text: str) -> None:
    mode = turn.state.mode
    if mode in (CONFIRM, READ_BACK) and confirmed(turn, text, step):
        return
    if mode == CHOOSE:
        _choose(turn, step, text)
        return
    if mode == READ_BACK:
        turn.correction = not_understood("yes_no_unclear")
        return
    question = question_for(step.field)
    understood = question.parse(text, turn.asking())
    if mode == CONFIRM and isinstance(understood, NotUnderstood):
        turn.correction = not_understood("yes_no_unclear")
        return
    if isinstance(understood, NotUnderstood):
        turn.correction = not_understood(understood.code, understood.params)
        return
    if isinstance(understood, Ambiguous):
        options = [_plain_value(option) for option in understood.options]
        turn.state.ask(step.id, CHOOSE, {"options": options, "code": understood.code})
        return
    value = question.stored(understood.value)
    if understood.note in question.read_back_notes:
        turn.state.ask(step.id, READ_BACK, {"value": value})
        return
    _save_field(turn, step, value)


def confirmed(turn: Turn, text: str, step: Step) -> bool:
    """Handles a yes or no to a confirmation; False when the answer was neither (try it as a value)."""
    verdict = parse_yes_no(text)
    if not isinstance(verdict, Understood):
        return False
    if verdict.value:
        _accept_offer(turn, step)
    else:
        # "declined": a value read from a photo is not offered again for this question.
        turn.state.ask(step.id, ASK, {"declined": True})
        turn.said.append(Said("conversation.tell_me_instead", {"field": step.field}))
    return True


def _choose(turn: Turn, step: Step, text: str) -> None:
    options = list(turn.state.offer.get("options", []))
    question = question_for(step.field)
    understood = question.parse(text, turn.asking())
    if isinstance(understood, Understood):
        value = _plain_value(question.stored(understood.value))
        if value in options:
            _save_field(turn, step, value)
            return
    pick_option(turn, step, text, options, _save_field)


def pick_option(turn: Turn, step: Step, text: str, options: list[Any], save) -> None:
    """The option named or numbered in `text` is saved with `save(turn, step, option)`; otherwise the person is
    asked again to choose one of them."""
    picked = parse_choice(text, [Choice(str(index), option_names(step.field, option, turn.locale))
                                 for index, option in enumerate(options)])
    if isinstance(picked, Understood):
        save(turn, step, options[int(picked.value)])
        return
    turn.correction = not_understood("choose_one", {"count": len(options)})


def _accept_offer(turn: Turn, step: Step) -> None:
    offer = turn.state.offer
    if turn.state.mode == READ_BACK:
        _save_field(turn, step, offer["value"])
    elif offer.get("source") == "photo":
        try:
            accept_proposals(turn.actor, turn.application_id, [step.field])
        except (InvalidInput, Conflict):
            turn.state.ask(step.id, ASK)
            turn.said.append(Said("conversation.tell_me_instead", {"field": step.field}))
            return
        turn.state.finish(step.id)
        turn.said.append(Said("conversation.saved", {"field": step.field, "value": offer["value"]}))
        turn.reload()
        _remark_on(turn, step, offer["value"])
    elif offer.get("source") == "id_number":
        _save_field(turn, step, offer["value"])
    else:
        turn.state.finish(step.id)
        _remark_on(turn, step, offer["value"])


def _save_field(turn: Turn, step: Step, value: Any) -> None:
    if _before_issue_date(turn, step, value):
        # A slip (a year too early), not an expired certificate: corrected, not saved, and not told to renew.
        turn.correction = Said("conversation.refused", code="valid_until_before_issue_date",
                               field_error=FieldError(step.field, "valid_until_before_issue_date"))
        return
    values = {step.field: value}
    if step.field in plan.CERTIFICATE_PARTS and turn.situation.value("certificate.number"):
        # The number's last two digits are the category and grade: change them together.
        values.update(_number_following(turn, **{step.field.split(".")[1]: value}))
    if turn.save(step, DraftChanges(values=values)):
        turn.state.finish(step.id)
        turn.said.append(Said("conversation.saved", {"field": step.field, "value": value}))
        _remark_on(turn, step, value)


def _before_issue_date(turn: Turn, step: Step, value: Any) -> bool:
    """The valid-until date answered is not later than the certificate's issue date (the same check as
    backend/applications/completeness.py, made before saving)."""
    issued = turn.situation.value("certificate.issue_date")
    if step.field != "certificate.valid_until" or not isinstance(value, str) or not isinstance(issued, str):
        return False
    try:
        return date.fromisoformat(value) <= date.fromisoformat(issued)
    except ValueError:
        return False


def _remark_on(turn: Turn, step: Step, value: Any) -> None:
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
            turn.said.append(Said("conversation.certificate_expired", {"date": value}))


def _certificate_number(turn: Turn, **changed: Any) -> str | None:
    """The certificate number composed of the stored ID number, the category and the grade; None when a part is
    not known, or when the person talking may not read the whole ID number (a family member, an entrusted person
    of any scope: README, "entrusted persons never see whole numbers"). They are asked for the number instead and
    read it off the certificate, rather than failing on a reveal they may not make."""
    if not may_reveal_numbers(turn.actor, turn.application_id):
        return None
    return _composed(turn, **changed)


def _composed(turn: Turn, **changed: Any) -> str | None:
    whole = get_application(turn.actor, turn.application_id, reveal=True)
    id_number = (whole["certificate"]["number"] or "")[:18] or whole["applicant"]["id_number"]
    category = changed.get("category", whole["certificate"]["category"])
    grade = changed.get("grade", whole["certificate"]["grade"])
    if not id_number or category is None or grade is None:
        return None
    try:
        return certificate_number_for(id_number, category, grade, whole["certificate"]["number_suffix"])
    except InvalidCertificateNumber:
        return None


def _number_following(turn: Turn, **changed: Any) -> dict[str, Any]:
    """What becomes of the stored certificate number when its category or grade changes (`changed`: before it is
    saved; none: after, as a photo's was): it follows, its last two digits being the category and grade. Whoever
    may not compose it (`_certificate_number`) has a number that no longer agrees cleared instead, so it is asked
    for and read off the certificate, rather than left to contradict the answer (refused again and again as
    disagreeing with it)."""
    if may_reveal_numbers(turn.actor, turn.application_id):
        number = _composed(turn, **changed)
        return {"certificate.number": number} if number else {}
    situation = turn.situation
    if changed:
        disagrees = any(situation.value(f"certificate.{part}") != value for part, value in changed.items())
    else:
        disagrees = any(problem.code == "disagrees_with_certificate_number" for problem in situation.missing)
    return {"certificate.number": None} if disagrees else {}


def follow_certificate_parts(turn: Turn) -> None:
    """After a category or grade was taken from a photo: the number's last two digits follow it, as when typed."""
    step = plan.find(turn.planned, "certificate.number")
    if step is None:
        return
    changes = _number_following(turn)
    if changes and changes["certificate.number"] != turn.situation.value("certificate.number"):
        turn.save(step, DraftChanges(values=changes))


def compose_certificate_number(turn: Turn) -> bool:
    situation = turn.situation
    if not situation.editable or situation.value("certificate.number"):
        return False
    if not (situation.value("applicant.id_number") and situation.value("certificate.category")
            and situation.value("certificate.grade")):
        return False
    number = _certificate_number(turn)
    step = plan.find(turn.planned, "certificate.number")
    if number is None or step is None:
        return False
    if not turn.save(step, DraftChanges(values={"certificate.number": number})):
        return False
    turn.state.finish(step.id)
    # Filled, not answered: "上一步" goes back to the last question the person answered.
    turn.state.history.remove(step.id)
    turn.said.append(Said("conversation.certificate_number_filled", {"value": number}))
    return True


def answer_benefits(turn: Turn, step: Step, text: str) -> None:
    if turn.state.mode == CONFIRM and confirmed(turn, text, step):
        return
    understood = parse_benefits(text)
    if isinstance(understood, NotUnderstood):
        turn.correction = not_understood(understood.code, understood.params)
        return
    if turn.save(step, DraftChanges(values={"other_benefits": understood.value})):
        turn.state.finish(step.id)
        # A benefit taken off takes its amount with it (the backend drops it): asked afresh if listed again.
        gone = [f"{plan.AMOUNT_STEP}.{benefit}" for benefit in OTHER_BENEFITS if benefit not in understood.value]
        turn.state.done = [done for done in turn.state.done if done not in gone]
        turn.said.append(Said("conversation.saved", {"field": step.field, "value": understood.value}))


def _plain_value(value: Any) -> Any:
    """A value as JSON keeps it (an option of a follow-up, stored between answers)."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def option_names(path: str, option: Any, locale: str) -> tuple[str, ...]:
    words = option_words(path, option, locale)
    return tuple(dict.fromkeys(name for name in (words.text, words.easy_read, str(option)) if name))
