"""The steps answered with a yes that commits the person: a consent (for one purpose), the policy notice
read, and the summary's 提交. A no is taken kindly and nothing is recorded; the summary's no or 继续 goes
back to what is still open.

Its own module because none of these is a value of the form: each records an act of the person's."""
from __future__ import annotations

from typing import TYPE_CHECKING

from accessibility.answers import Understood, parse_choice, parse_yes_no
from accessibility.answers.choices import Choice
from accessibility.conversation import plan
from accessibility.conversation.fields import follow_certificate_parts
from accessibility.conversation.photos import look_at_readings
from accessibility.conversation.plan import Step
from accessibility.conversation.said import Said, not_understood
from accessibility.conversation.state import ASK, CONFIRM
from accessibility.conversation.summary import DIFFERENCE_CHOICES, PHOTO_DIFFERS, asking_photo_difference
from backend.applications.service import DraftChanges, submit_application
from backend.errors import Conflict, InvalidInput
from backend.prefill.service import accept_proposals, keep_current_values

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn

SUBMIT_CHOICES = (
    Choice("submit", ("提交", "确认提交", "提交吧", "交", "交上去", "可以提交", "提交申请", "申请", "确认",
                      "submit", "submit it", "send it", "submit the application")),
    Choice("continue", ("继续", "接着填", "补上", "继续填", "填完", "continue", "carry on", "go on", "fill in the rest")),
)

# The answers to "哪个对？" (summary.DIFFERENCE_CHOICES); "改" is the change command (commands.py).
DIFFERENCE_ANSWERS = (
    Choice("typed", (DIFFERENCE_CHOICES[0][0], "我说的", "我说得对", "按我说的", "我的对", "对", "对的", "是", "没错",
                     "我填的对", "按我填的", "what I said", "what I said is right", "I am right", "I'm right", "mine",
                     "my answer", "keep my answer")),
    Choice("change", ("都不对要改", "都不对", "要重新说", "重新填", "neither")),
    Choice("photo", (DIFFERENCE_CHOICES[1][0], "照片上的对", "照片上的", "照片", "按照片", "按照片上的", "照片对的",
                     "the photo", "photo", "the photo is right", "use the photo")),
)


def answer_consent(turn: Turn, step: Step, text: str) -> None:
    verdict = parse_yes_no(text)
    if not isinstance(verdict, Understood):
        turn.correction = not_understood("yes_no_unclear")
        return
    if not verdict.value:
        turn.said.append(Said(f"conversation.consent_refused.{step.purpose}"))
        return
    if turn.save(step, DraftChanges(consents=[step.purpose])):
        turn.state.finish(step.id)
        turn.said.append(Said("conversation.consent_given"))


def answer_notice(turn: Turn, step: Step, text: str) -> None:
    verdict = parse_yes_no(text)
    if not isinstance(verdict, Understood):
        turn.correction = not_understood("yes_no_unclear")
        return
    if not verdict.value:
        turn.said.append(Said("conversation.notice_not_acknowledged"))
        return
    if turn.save(step, DraftChanges(values={"policy_notice_acknowledged": True})):
        turn.state.finish(step.id)
        turn.said.append(Said("conversation.notice_acknowledged"))


def answer_summary(turn: Turn, step: Step, text: str) -> None:
    if asking_photo_difference(turn):
        _answer_difference(turn, step, text)
        return
    choice = parse_choice(text, SUBMIT_CHOICES)
    verdict = parse_yes_no(text)
    wants = (choice.value if isinstance(choice, Understood)
             else "submit" if isinstance(verdict, Understood) and verdict.value
             else "no" if isinstance(verdict, Understood) else None)
    if wants is None:
        turn.correction = not_understood("summary_unclear")
        return
    if wants == "no":
        turn.said.append(Said("conversation.change_which", {"count": len(turn.state.summary_items)}))
        return
    if look_at_readings(turn, offer_retake=False):
        return  # a photo turned out not to be the document: it is asked for again, nothing is submitted
    missing = turn.situation.missing
    open_questions = missing or not plan.benefits_answered(turn.situation, turn.state)
    if wants == "continue" or missing:
        turn.state.skipped = []
        turn.state.current = None
        turn.said.append(Said("conversation.fill_the_rest" if open_questions else "conversation.nothing_missing"))
        return
    if _ask_about_a_difference(turn, step):
        return
    _submit(turn)


def _ask_about_a_difference(turn: Turn, step: Step, *, changed: bool = False) -> bool:
    """A photo reads a field otherwise than typed: which is right is asked before anything is submitted, one
    field at a time (a blind person cannot look at the photo; issue 5, item 4). True when one was asked."""
    differences = turn.situation.photo_differences()
    if not differences:
        return False
    turn.state.ask(step.id, CONFIRM, {"asking": PHOTO_DIFFERS, "field": differences[0]["field"], "changed": changed})
    return True


def _answer_difference(turn: Turn, step: Step, text: str) -> None:
    field = turn.state.offer["field"]
    changed = bool(turn.state.offer.get("changed"))
    difference = next((d for d in turn.situation.photo_differences() if d["field"] == field), None)
    if difference is not None:
        picked = parse_choice(text, DIFFERENCE_ANSWERS)
        if not isinstance(picked, Understood):
            turn.correction = not_understood("photo_differs_unclear")
            return
        if picked.value == "change":
            turn.state.returning_to_summary = True
            turn.state.reopen(field, ASK)
            turn.said.append(Said("conversation.change_now", {"field": field}))
            return
        if picked.value == "typed":
            keep_current_values(turn.actor, turn.application_id, [field])
            turn.said.append(Said("conversation.photo_differs.kept", {"field": field, "value": difference["current"]}))
        else:
            try:
                accept_proposals(turn.actor, turn.application_id, [field])
            except (InvalidInput, Conflict):
                # Two photos that read it otherwise each: the person says it anew.
                turn.state.returning_to_summary = True
                turn.state.reopen(field, ASK, {"declined": True})
                turn.said.append(Said("conversation.tell_me_instead", {"field": field}))
                return
            changed = True
            turn.said.append(Said("conversation.saved", {"field": field, "value": difference["photo"][0]}))
            turn.reload()
            if field in plan.CERTIFICATE_PARTS and turn.situation.value("certificate.number"):
                follow_certificate_parts(turn)
        turn.reload()
    if _ask_about_a_difference(turn, step, changed=changed):
        return
    if changed:
        # What the summary said has changed (and perhaps the verdict with it): said again before submitting.
        turn.state.ask(step.id)
        turn.state.current = None
        turn.said.append(Said("conversation.photo_differs.check_again"))
        return
    turn.state.ask(step.id)
    if turn.situation.missing:
        turn.state.current = None
        turn.said.append(Said("conversation.fill_the_rest"))
        return
    _submit(turn)


def _submit(turn: Turn) -> None:
    try:
        submitted = submit_application(turn.actor, turn.application_id, locale=turn.locale)
    except InvalidInput as incomplete:
        turn.state.skipped = []
        turn.state.current = None
        turn.said.append(Said("conversation.fill_the_rest", field_error=incomplete.errors[0] if incomplete.errors else None))
        turn.reload()
        return
    turn.state.submitted = True
    turn.state.reference = submitted["reference"]
    turn.state.current = None
    turn.said.append(Said("conversation.submitted", {"reference": submitted["reference"],
                                                     "warnings": submitted.get("warnings") or []}))
    turn.reload()
