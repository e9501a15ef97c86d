"""The first two questions: who applies (for themselves, as a guardian, or entrusted) and for which
subsidies. They are asked before there is an application: the answers are kept in the conversation until
both are known and `settle` creates it, and saved to the application when changed after that.

Its own module because these answers are not fields of the form but what shapes it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accessibility.answers import Ambiguous, NotUnderstood, Understood, parse_choice, parse_yes_no
from accessibility.answers.chat_words import is_greeting_or_wish_to_apply
from accessibility.answers.choices import Choice
from accessibility.conversation.choices import APPLYING_AS_CHOICES, SUBSIDY_CHOICES, parse_applying_as, relation_said
from accessibility.conversation.fields import confirmed
from accessibility.conversation.plan import Step
from accessibility.conversation.said import Said, not_understood
from accessibility.conversation.state import CHOOSE, CONFIRM, ConversationState
from backend.applications.service import DraftChanges
from backend.applications.vocabulary import RELATIONS_FOR, SUBSIDIES

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn


def answer_setup(turn: Turn, step: Step, text: str) -> None:
    if turn.state.mode == CONFIRM:
        if confirmed(turn, text, step):
            return
    if step.id == "applying_as":
        _applying_as(turn, step, text)
    else:
        _subsidies(turn, step, text)


def _applying_as(turn: Turn, step: Step, text: str) -> None:
    if turn.state.mode == CHOOSE:
        offered = list(turn.state.offer["options"])
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
            turn.state.ask(step.id, CHOOSE, {"options": list(understood.options), "code": understood.code})
            return
        if not isinstance(understood, Understood) and is_greeting_or_wish_to_apply(text):
            # "你好", "我想申请补贴": not a wrong answer, the person is only starting. Ask again, kindly.
            turn.said.append(Said("conversation.greeting_again"))
            return
        if not isinstance(understood, Understood):
            verdict = parse_yes_no(text)  # "您是为自己申请吗？" answered with a yes or a no
            if isinstance(verdict, Understood):
                if verdict.value:
                    understood = Understood("self")
                else:
                    turn.state.ask(step.id, CHOOSE, {"options": ["guardian", "entrusted"], "code": "for_whom"})
                    return
    if not isinstance(understood, Understood):
        turn.correction = not_understood("choice_unclear")
        return
    # "替我妈妈申请" also says who they are to the applicant: the relation is then confirmed, not asked.
    relation = relation_said(text)
    turn.state.relation = relation if relation in RELATIONS_FOR.get(understood.value, ()) else None
    _save_setup(turn, step, understood.value)


def _subsidies(turn: Turn, step: Step, text: str) -> None:
    understood = parse_choice(text, SUBSIDY_CHOICES)
    if isinstance(understood, Ambiguous):
        understood = Understood("both")  # "生活补贴和护理补贴"
    if not isinstance(understood, Understood):
        code = understood.code if isinstance(understood, NotUnderstood) else "choice_unclear"
        turn.correction = not_understood(code, getattr(understood, "params", {}))
        return
    chosen = list(SUBSIDIES) if understood.value == "both" else [understood.value]
    _save_setup(turn, step, chosen)


def _save_setup(turn: Turn, step: Step, value: Any) -> None:
    if turn.application_id is None:
        setattr(turn.state, step.id, value)
        turn.state.finish(step.id)
        # Said back like every answer taken, so a misheard choice is caught at once.
        turn.said.append(Said("conversation.saved", {"field": step.id, "value": value}))
        return
    changes = (DraftChanges(applying_as=value, values=relation_values(turn.state)) if step.id == "applying_as"
               else DraftChanges(subsidies=value))
    if turn.save(step, changes):
        turn.state.finish(step.id)
        turn.said.append(Said("conversation.saved", {"field": step.id, "value": value}))


def relation_values(state: ConversationState) -> dict[str, Any]:
    """The relation the answer about who applies said, as a field to save with it (nothing when it said none)."""
    return {"proxy.relation": state.relation} if state.relation else {}
