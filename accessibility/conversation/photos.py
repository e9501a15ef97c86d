"""The photo steps: a photo sent to the material asked for, checked and kept through `add_material`; or
words instead of a photo, which may name another accepted document ("户口本" for the ID card) and switch
to it.

Its own module because a photo is the one answer that is not words, with its own refusals (a file too
large, not a picture) and its own way to be answered with something else."""
from __future__ import annotations

from typing import TYPE_CHECKING

from accessibility.answers.text import compact
from accessibility.conversation import plan
from accessibility.conversation.plan import Step
from accessibility.conversation.said import Said, not_understood
from backend.errors import ConsentRequired, InvalidInput, TooLarge
from backend.materials.service import add_material

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn

# Words that name a photo the person would rather send than the one asked ("户口本" for the ID card).
MATERIAL_WORDS: dict[str, tuple[str, ...]] = {
    "household_register": ("户口本", "户口簿", "户口"),
    "id_card_front": ("身份证",),
}


def take_photo(turn: Turn, data: bytes, *, answering: str | None = None) -> None:
    if turn.state.submitted:
        turn.said.append(Said("conversation.already_submitted"))
        return
    step = turn.step()
    if answering is not None and answering != step.id and turn.state.current == step.id:
        turn.said.append(Said("conversation.moved_on"))
        return
    if step.kind != "material" or turn.state.current != step.id:
        turn.said.append(Said("conversation.photo_not_asked"))
        return
    try:
        add_material(turn.actor, turn.application_id, step.field, data)
    except (InvalidInput, TooLarge) as refused:
        turn.refused(refused, step)
        return
    except ConsentRequired:
        turn.consent_needed()
        return
    turn.state.finish(step.id)
    turn.said.append(Said("conversation.photo_received", {"kind": step.field}))
    turn.reload()


def answer_material_words(turn: Turn, step: Step, text: str) -> None:
    item = next((m for m in turn.situation.materials if m.item == step.item), None)
    answer = compact(text)
    if item is not None:
        current = plan.chosen_alternative(item.item, item.alternatives, turn.situation, turn.state)
        for index, group in enumerate(item.alternatives):
            if index != current and any(word in answer for kind in group for word in MATERIAL_WORDS.get(kind, ())):
                turn.state.alternatives[item.item] = index
                turn.state.current = None
                turn.said.append(Said("conversation.photo_instead", {"kind": group[0]}))
                return
    turn.correction = not_understood("photo_expected", {"kind": step.field})
