"""The photo steps: a photo sent to the material asked for, checked and kept through `add_material`; or
words instead of a photo, which may name another accepted document ("户口本" for the ID card) and switch
to it.

A photo the pre-fill reads (`backend.prefill.reading`) is read in a background job, after its turn has
answered. The next turn looks at the reading: when it found no document in the photo (`document_not_found`),
nothing in a photo too dark to read (`photo_too_dark`: said as that, light being what to change) or another
document than the one asked for (`kind_mismatch`), the warnings the mini program shows with its
pre-fill, the photo is removed from the application (a landscape is no ID card: it must not count as one,
in the summary or for the reviewer), the person is told so in plain words, and the photo is asked for again.
Only photos sent in this conversation are looked at, each once; a reading that failed, or that has no such
warning, leaves the photo as it is, and so does a second `document_not_found` or `photo_too_dark` for the same
document (the reader
can miss a real but dim or worn document: a person is asked again once, not sent round in circles).

A photo that is the document but whose reading said what would make a better one is kept, and another is asked
for once (retake.py).

Its own module because a photo is the one answer that is not words, with its own refusals (a file too
large, not a picture) and its own way to be answered with something else."""
from __future__ import annotations

from typing import TYPE_CHECKING

from accessibility.answers.text import compact
from accessibility.conversation import plan, retake
from accessibility.conversation.plan import Step
from accessibility.conversation.said import Said, not_understood
from backend.errors import Conflict, ConsentRequired, InvalidInput, NotFound, TooLarge
from backend.materials.service import add_material, remove_material
from backend.prefill.mapping import READABLE_KINDS
from backend.prefill.service import document_reads

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn

# Words that name a photo the person would rather send than the one asked ("户口本" for the ID card).
MATERIAL_WORDS: dict[str, tuple[str, ...]] = {
    "household_register": ("户口本", "户口簿", "户口", "hukou booklet", "household register"),
    "id_card_front": ("身份证",),
}
# What a reading may find that makes a photo no photo of the document asked for (ocr/reading.py).
NOT_THE_DOCUMENT = ("kind_mismatch", "document_not_found", "photo_too_dark")


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
        material = add_material(turn.actor, turn.application_id, step.field, data)
    except (InvalidInput, TooLarge) as refused:
        turn.refused(refused, step)
        return
    except ConsentRequired:
        turn.consent_needed()
        return
    better_than = turn.state.retake_for(step.field)
    turn.state.retake = None
    turn.state.finish(step.id)
    if step.field in READABLE_KINDS:
        photo = {"material": material["id"], "kind": step.field}
        if better_than is not None:
            photo["replaces"] = better_than["material"]   # goes once this one is read as the document
        turn.state.photos_being_read.append(photo)
    turn.said.append(Said("conversation.photo_received", {"kind": step.field}))
    turn.reload()


def look_at_readings(turn: Turn, *, offer_retake: bool = True) -> bool:
    """Asks again for each photo of this conversation that its finished reading found not to be the
    document (see the module docstring); True when one was. The first such photo's question is asked now.
    Otherwise, with `offer_retake`, a kept photo whose reading left a field unread and said why (too dark, a
    reflection, blurred) is asked for once more: the person cannot always see what is wrong with it."""
    pending = turn.state.photos_being_read
    if not pending or turn.application_id is None or not turn.situation.editable:
        return False
    reads = {read["material_id"]: read for read in document_reads(turn.actor, turn.application_id, locale=turn.locale)}
    still_reading: list[dict[str, str]] = []
    refused: list[str] = []
    for photo in pending:
        read = reads.get(photo["material"])
        if read is not None and read["status"] == "queued":
            still_reading.append(photo)
            continue
        warning = next((w for w in (read or {}).get("warnings", []) if w["code"] in NOT_THE_DOCUMENT), None)
        if read is None or read["status"] != "done":
            continue
        if warning is None:
            retake.read_as_the_document(turn, photo)
            if offer_retake and not retake.offer(turn, photo, read["warnings"]):
                still_reading.append(photo)   # another photo's better one is being asked for: its turn next
            continue
        if warning["code"] in ("document_not_found", "photo_too_dark") and photo["kind"] in turn.state.photos_asked_again:
            # The reader can miss a real document in a dim or worn photo: asked again once, the second photo is
            # kept for the reviewer to judge rather than sending a person with a poor camera round in circles.
            continue
        turn.state.photos_asked_again.append(photo["kind"])
        try:
            remove_material(turn.actor, turn.application_id, photo["material"])
        except (Conflict, NotFound):
            continue  # replaced or removed meanwhile (the mini program): nothing of ours to take back
        kind = photo["kind"]
        # Said in the same turn when the reading was that quick: "收到了" would be taken back at once.
        turn.said = [s for s in turn.said if not (s.key == "conversation.photo_received" and s.params.get("kind") == kind)]
        detected = (warning.get("params") or {}).get("detected")
        if warning["code"] == "kind_mismatch" and detected in READABLE_KINDS:
            turn.said.append(Said("conversation.photo_not_the_document.kind_mismatch",
                                  {"kind": kind, "detected": detected}))
        elif warning["code"] == "photo_too_dark":
            turn.said.append(Said("conversation.photo_not_the_document.too_dark", {"kind": kind}))
        else:
            turn.said.append(Said("conversation.photo_not_the_document.document_not_found", {"kind": kind}))
        step_id = f"material.{kind}"
        if step_id in turn.state.done:
            turn.state.done.remove(step_id)
        refused.append(step_id)
    turn.state.photos_being_read = still_reading
    if not refused:
        return False
    turn.reload()
    if not any(s.id == refused[0] and s.kind == "material" for s in turn.planned):
        return True
    turn.state.ask(refused[0])
    return True


def answer_material_words(turn: Turn, step: Step, text: str) -> None:
    better_one_asked = turn.state.retake_for(step.field) is not None
    if better_one_asked and retake.keeps_the_photo(text):
        retake.keep(turn, step)
        return
    answer = compact(text)
    item = next((m for m in turn.situation.materials if m.item == step.item), None)
    if item is not None:
        current = plan.chosen_alternative(item.item, item.alternatives, turn.situation, turn.state)
        for index, group in enumerate(item.alternatives):
            if index != current and any(compact(word) in answer for kind in group for word in MATERIAL_WORDS.get(kind, ())):
                turn.state.alternatives[item.item] = index
                turn.state.current = None
                turn.said.append(Said("conversation.photo_instead", {"kind": group[0]}))
                return
    turn.correction = not_understood("better_photo_expected" if better_one_asked else "photo_expected",
                                     {"kind": step.field})
