"""A better photo, asked for once. A photo that is the document but whose reading left a field unread and said
why (`photo_dark`, `photo_glare`, `photo_blurred`: ocr/preprocess/retake.py) is kept, and the next message says
what was wrong with it and asks for another: a blind person cannot see that the photo is dark.

- A photo sent then is added beside it; once its own reading finds it is the document, the one it was taken
  to replace goes. One found not to be the document is taken out as any other (photos.py) and the first stays.
- "不拍了", a plain no, or "跳过" keeps the first one.
- Once per kind, one kind at a time (another waits its turn), never for a kind already asked for again
  because its photo was not the document, and not at the summary: a person submitting is not sent back for a
  photo that is usable. Moving on to another question forgets the offer.

Its own module because the photo steps (photos.py) and the commands (commands.py) both keep to it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from accessibility.answers.text import compact
from accessibility.answers.yes_no import Understood, parse_yes_no
from accessibility.conversation import plan
from accessibility.conversation.plan import Step
from accessibility.conversation.said import Said
from accessibility.conversation.state import ConversationState
from backend.errors import Conflict, NotFound
from backend.materials.service import remove_material
from ocr.reading import RETAKE_ADVICE

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn

# Words that keep the photo held ("不拍了"), besides a plain no; compacted (answers/text.py): "keep it" is what
# the English prompt offers.
KEEP_THE_PHOTO = ("不拍", "不重拍", "不用拍", "算了", "用这张", "就这张", "这张就行", "不换", "keepit", "keepthisone")


def offer(turn: Turn, photo: dict[str, str], warnings: list[dict]) -> bool:
    """Says what would make a better photo and asks for one, when the reading advised it. False when the
    reading must wait: another kind's offer is still open."""
    kind = photo["kind"]
    advice = next((w["code"] for w in warnings if w["code"] in RETAKE_ADVICE), None)
    state = turn.state
    if advice is None or kind in state.photos_offered_retake or kind in state.photos_asked_again:
        return True
    if state.retake is not None:
        return False
    step_id = f"material.{kind}"
    if plan.find(turn.planned, step_id) is None:
        return True  # no longer asked for (another document chosen instead)
    state.photos_offered_retake.append(kind)
    state.retake = {"material": photo["material"], "kind": kind}
    turn.said.append(Said(f"conversation.photo_could_be_better.{advice}", {"kind": kind}))
    state.ask(step_id)
    return True


def keeps_the_photo(text: str) -> bool:
    verdict = parse_yes_no(text)
    answer = compact(text)
    return any(words in answer for words in KEEP_THE_PHOTO) or (isinstance(verdict, Understood) and not verdict.value)


def keep(turn: Turn, step: Step) -> None:
    turn.state.retake = None
    turn.state.finish(step.id)
    turn.said.append(Said("conversation.photo_kept", {"kind": step.field}))


def read_as_the_document(turn: Turn, photo: dict[str, str]) -> None:
    """The better photo's reading found it is the document: the photo it was taken to replace goes."""
    replaced = photo.get("replaces")
    if replaced is None:
        return
    try:
        remove_material(turn.actor, turn.application_id, replaced)
    except (Conflict, NotFound):
        pass  # replaced or removed meanwhile (the mini program): nothing left to take back


def forget_when_moved_on(state: ConversationState) -> None:
    if state.retake is not None and state.current != f"material.{state.retake['kind']}":
        state.retake = None
