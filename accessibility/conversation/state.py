"""Where a conversation stands, as stored (encrypted) between answers: the question being asked and how
(asking, confirming a value already known, choosing between readings of an ambiguous answer, or reading
an answer back), what the person confirmed or skipped, and the order they went through the questions (for
"上一步"). What the application already holds is never copied here: it is read from the application."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Modes of the current question.
ASK = "ask"            # ask for the value
CONFIRM = "confirm"    # a value is known (typed earlier, read from a photo, suggested): is it right?
CHOOSE = "choose"      # the answer fitted several values: which one?
READ_BACK = "read_back"  # the answer needs saying back before it is saved (digits heard from speech)
MODES = (ASK, CONFIRM, CHOOSE, READ_BACK)


@dataclass
class ConversationState:
    applying_as: str | None = None         # answered before the application exists
    relation: str | None = None            # and, when that answer said it ("替我妈妈申请"), the proxy's relation
    subsidies: list[str] | None = None
    current: str | None = None             # the step asked last
    mode: str = ASK
    offer: dict[str, Any] = field(default_factory=dict)   # CONFIRM: value, source; CHOOSE: options, code; READ_BACK: value
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    alternatives: dict[str, int] = field(default_factory=dict)  # checklist item -> the group of materials chosen
    summary_items: list[str] = field(default_factory=list)      # steps in the order the summary numbered them
    returning_to_summary: bool = False
    submitted: bool = False
    reference: str | None = None
    # "您现在住在户口所在地吗？": True, False, or None when not said. The county they apply from otherwise is
    # the application's (`applied_from_region`); a yes leaves it unset, so the summary says it here.
    lives_where_hukou_is: bool | None = None
    # Photos sent in this conversation whose reading (OCR, a background job) has not been looked at yet:
    # [{"material": id, "kind": material kind}]. One found not to be the document is asked for again.
    photos_being_read: list[dict[str, str]] = field(default_factory=list)
    photos_asked_again: list[str] = field(default_factory=list)   # kinds whose photo was refused once already
    # A photo kept, but whose reading said what would make a better one (conversation/retake.py):
    # {"material", "kind"} while its step asks for another. Offered once per kind.
    retake: dict[str, str] | None = None
    photos_offered_retake: list[str] = field(default_factory=list)
    # The field asked at the end of the last turn and a digest of the value the application held for it then
    # ({"step", "digest"}): a value saved meanwhile elsewhere (the form on another phone, a guardian) is not
    # overwritten by an answer to the question as it was asked (turns.py `_changed_meanwhile`).
    asked_over: dict[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConversationState:
        known = {name: value for name, value in data.items() if name in cls.__dataclass_fields__}
        return cls(**known)

    def retake_for(self, kind: str | None) -> dict[str, str] | None:
        """The open offer of a better photo of this kind (conversation/retake.py), if any."""
        return self.retake if self.retake is not None and self.retake["kind"] == kind else None

    def ask(self, step: str, mode: str = ASK, offer: dict[str, Any] | None = None) -> None:
        self.current, self.mode, self.offer = step, mode, dict(offer or {})

    def finish(self, step: str) -> None:
        """The step is answered (or confirmed): the next prompt moves on."""
        if step not in self.done:
            self.done.append(step)
        if step in self.skipped:
            self.skipped.remove(step)
        if step in self.history:
            self.history.remove(step)
        self.history.append(step)
        self.current, self.mode, self.offer = None, ASK, {}

    def skip(self, step: str) -> None:
        if step not in self.skipped:
            self.skipped.append(step)
        self.current, self.mode, self.offer = None, ASK, {}

    def reopen(self, step: str, mode: str = ASK, offer: dict[str, Any] | None = None) -> None:
        """Asks a step again (上一步, a change from the summary, a value the application no longer accepts)."""
        if step in self.done:
            self.done.remove(step)
        if step in self.skipped:
            self.skipped.remove(step)
        self.ask(step, mode, offer)
