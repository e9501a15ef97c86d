"""The two questions that follow the other benefits where the region's rules read them (`plan.py`): what a
benefit that a choose-the-higher rule weighs pays a month (seed 004 注: without it the rule is
needs_review), and whether a child in institution care is a 事实无人抚养儿童 (seed 003 item 四: the nursing
subsidy then goes to the institution). Each is saved as PATCH saves it (`save_draft`, the field checks of
`backend/applications/fields.py`). Both are optional: 不知道 or 跳过 leaves the fact unset, and the answer
stays needs_review, said plainly in the summary.

Its own module because these answers are facts for the policy's rules rather than the form's fields: asked
only when a rule reads them, and one amount per benefit in one field."""
from __future__ import annotations

from typing import TYPE_CHECKING

from accessibility.answers import NotUnderstood, Understood, parse_amount, parse_yes_no
from accessibility.conversation.plan import AMOUNT_STEP, AMOUNTS, Step, known_fact
from accessibility.conversation.said import Said, not_understood
from backend.applications.service import DraftChanges

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn


def answer_benefit_amount(turn: Turn, step: Step, text: str) -> None:
    """"每个月领多少钱？": an amount in yuan ("85", "八十五块", "一千二")."""
    understood = parse_amount(text)
    if isinstance(understood, NotUnderstood):
        turn.correction = not_understood(understood.code, understood.params)
        return
    if turn.save(step, DraftChanges(values={AMOUNTS: _amounts(turn, step, str(understood.value))})):
        turn.state.finish(step.id)
        saved = (turn.situation.value(AMOUNTS) or {}).get(step.item, str(understood.value))
        turn.said.append(Said("conversation.benefit_amount.saved", {"benefit": step.item, "amount": saved}))


def answer_de_facto(turn: Turn, step: Step, text: str) -> None:
    """"是不是事实无人抚养儿童？": yes or no."""
    verdict = parse_yes_no(text)
    if not isinstance(verdict, Understood):
        turn.correction = not_understood("yes_no_unclear")
        return
    if turn.save(step, DraftChanges(values={step.field: verdict.value})):
        turn.state.finish(step.id)
        turn.said.append(Said("conversation.de_facto.saved.yes" if verdict.value else "conversation.de_facto.saved.no"))


def fact_not_known(turn: Turn, step: Step) -> None:
    """不知道 or 跳过: left unset (a value said before is taken back), not asked again; the reviewer settles it."""
    if known_fact(step, turn.situation) is not None:
        changes = (DraftChanges(values={AMOUNTS: _amounts(turn, step, None)}) if step.kind == AMOUNT_STEP
                   else DraftChanges(values={step.field: None}))
        if not turn.save(step, changes):
            return
    turn.state.finish(step.id)
    if step.kind == AMOUNT_STEP:
        turn.said.append(Said("conversation.benefit_amount.not_known", {"benefit": step.item}))
    else:
        turn.said.append(Said("conversation.de_facto.not_known"))


def _amounts(turn: Turn, step: Step, amount: str | None) -> dict[str, str | None]:
    """The whole mapping, as the field takes it (it replaces the one saved), with this benefit's amount
    (None leaves it out)."""
    amounts: dict[str, str | None] = dict(turn.situation.value(AMOUNTS) or {})
    amounts[step.item or ""] = amount
    return amounts
