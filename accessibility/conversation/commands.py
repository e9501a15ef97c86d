"""What the person says about the conversation rather than to the question: 再说一遍, 帮助, 不知道,
人工, 跳过, 上一步, and 改… (change an answer, from the summary or anywhere).

Its own module because these work the same at every step; the step only decides the words (its help
topic) and whether it may be skipped or gone back to."""
from __future__ import annotations

from typing import TYPE_CHECKING

from accessibility.answers import Command, CommandKind
from accessibility.conversation import plan, retake
from accessibility.conversation.plan import Step
from accessibility.conversation.said import Said
from accessibility.conversation.state import ASK, CONFIRM, READ_BACK

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn

_STEPS_NOT_REVISITED = ("consent", "material", "notice", "summary")


def run_command(turn: Turn, command: Command, step: Step) -> None:
    kind = command.kind
    if kind is CommandKind.REPEAT:
        turn.said.append(Said("conversation.repeat"))
    elif kind is CommandKind.HELP:
        turn.said.append(Said(f"conversation.help.{_topic(step)}", {"fallback": "conversation.help.default"}))
    elif kind is CommandKind.DONT_KNOW:
        _dont_know(turn, step)
    elif kind is CommandKind.HUMAN:
        turn.said.append(Said("conversation.human"))
    elif kind is CommandKind.SKIP:
        _skip(turn, step)
    elif kind is CommandKind.BACK:
        _back(turn, step)
    elif kind is CommandKind.CHANGE:
        _change(turn, command, step)


def _dont_know(turn: Turn, step: Step) -> None:
    if step.id == "subsidies" and turn.state.mode == ASK:
        turn.said.append(Said("conversation.dont_know.subsidies"))
        return
    if turn.state.mode in (CONFIRM, READ_BACK):
        turn.said.append(Said("conversation.dont_know.confirm" if step.skippable
                              else "conversation.dont_know.not_skippable"))
        return
    fallback = "conversation.dont_know.default" if step.skippable else "conversation.dont_know.not_skippable"
    turn.said.append(Said(f"conversation.dont_know.{_topic(step)}", {"fallback": fallback}))


def _skip(turn: Turn, step: Step) -> None:
    if step.kind == "material" and turn.state.retake_for(step.field) is not None:
        retake.keep(turn, step)   # the photo asked for is held already: skipping a better one keeps it
        return
    if not step.skippable:
        turn.said.append(Said(f"conversation.cannot_skip.{step.kind}"))
        return
    turn.state.skip(step.id)
    turn.said.append(Said("conversation.skipped"))


def _back(turn: Turn, step: Step) -> None:
    previous = [s for s in turn.state.history if s != step.id]
    planned = turn.planned
    while previous:
        candidate = plan.find(planned, previous.pop())
        if candidate is not None and candidate.kind not in _STEPS_NOT_REVISITED:
            turn.state.reopen(candidate.id)
            turn.state.current = None  # asked afresh: confirming its value when it has one
            turn.state.history = [s for s in turn.state.history if s != candidate.id]
            turn.state.skipped = [s for s in turn.state.skipped if s != step.id]
            turn.ask_afresh(candidate)
            return
    turn.said.append(Said("conversation.no_previous_step"))


def _change(turn: Turn, command: Command, step: Step) -> None:
    planned = turn.planned
    target: Step | None = None
    if command.item is not None:
        items = turn.state.summary_items
        if step.kind != "summary":
            # Items are numbered on the summary only: "改第3项" at a question cannot name one.
            turn.said.append(Said("conversation.change_item_at_summary"))
            return
        if not 1 <= command.item <= len(items):
            turn.said.append(Said("conversation.change_which", {"count": len(items)}))
            return
        target = plan.find(planned, items[command.item - 1])
    elif command.field is not None:
        named = plan.steps_for_field(planned, command.field)
        if not named:
            turn.said.append(Said("conversation.change_not_here", {"field": command.field}))
            return
        # "改金额" with two benefits' amounts asked: which one is said by its number (target stays None).
        target = named[0] if len(named) == 1 else None
    elif step.kind == "summary" and turn.state.offer.get("asking") == "photo_differs":
        # "改" to "您说的是…，照片上像是…，哪个对？": that field, said anew.
        target = plan.find(planned, turn.state.offer.get("field") or "")
    if target is None:
        turn.said.append(Said("conversation.change_which", {"count": len(turn.state.summary_items)}))
        return
    turn.state.returning_to_summary = step.kind == "summary" or turn.state.returning_to_summary
    turn.state.reopen(target.id, ASK)
    turn.said.append(Said("conversation.change_now", {"field": target.field}))


def _topic(step: Step) -> str:
    if step.kind in ("field", "setup", "applied_from"):
        return step.id
    if step.kind == "material":
        return f"material.{step.item}"
    return step.kind
