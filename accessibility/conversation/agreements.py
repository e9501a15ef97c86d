"""The steps answered with a yes that commits the person: a consent (for one purpose), the policy notice
read, and the summary's 提交. A no is taken kindly and nothing is recorded; the summary's no or 继续 goes
back to what is still open.

Its own module because none of these is a value of the form: each records an act of the person's."""
from __future__ import annotations

from typing import TYPE_CHECKING

from accessibility.answers import Understood, parse_choice, parse_yes_no
from accessibility.answers.choices import Choice
from accessibility.conversation import plan
from accessibility.conversation.photos import look_at_readings
from accessibility.conversation.plan import Step
from accessibility.conversation.said import Said, not_understood
from backend.applications.service import DraftChanges, submit_application
from backend.errors import InvalidInput

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn

SUBMIT_CHOICES = (
    Choice("submit", ("提交", "确认提交", "提交吧", "交", "交上去", "可以提交", "提交申请", "申请", "确认")),
    Choice("continue", ("继续", "接着填", "补上", "继续填", "填完")),
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
    if look_at_readings(turn):
        return  # a photo turned out not to be the document: it is asked for again, nothing is submitted
    missing = turn.situation.missing
    open_questions = missing or not plan.benefits_answered(turn.situation, turn.state)
    if wants == "continue" or missing:
        turn.state.skipped = []
        turn.state.current = None
        turn.said.append(Said("conversation.fill_the_rest" if open_questions else "conversation.nothing_missing"))
        return
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
