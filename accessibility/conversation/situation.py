"""What the conversation knows about the application right now, read through the backend's services
(each one call, one transaction, with the acting person): the application with its `missing` list, the
checklist of materials, the photos held, pending pre-fill proposals, and which fields this kind of
application requires (asked of `completeness.missing_items` itself, for an application with nothing
filled in). Nothing is copied into the conversation: every answer reads the application again."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backend.accounts.actor import Actor
from backend.applications.completeness import missing_items
from backend.applications.service import get_application
from backend.applications.status import application_status
from backend.errors import FieldError
from backend.materials.service import list_materials
from backend.policy.checklist import ChecklistItem, checklist
from backend.prefill.service import list_proposals
from backend.policy.evaluator import FactsRead
from backend.policy.service import application_checklist, application_facts_to_ask
from backend.runtime import runtime, today

DEFAULT_SUBSIDIES = ["living", "nursing"]


@dataclass(frozen=True)
class MaterialItem:
    item: str                                   # checklist item (identity, disability_certificate, ...)
    alternatives: tuple[tuple[str, ...], ...]   # any one group of kinds satisfies it
    satisfied: bool


@dataclass
class Situation:
    application: dict[str, Any] | None
    subsidies: list[str]
    applying_as: str
    required: list[str]                          # field paths (and "consents", "policy_notice_acknowledged")
    materials: list[MaterialItem]
    held: set[str] = field(default_factory=set)  # material kinds with a current photo
    proposals: list[dict[str, Any]] = field(default_factory=list)
    # What the region's rules would read that a question can settle (backend/policy/service.py).
    facts_to_ask: FactsRead = field(default_factory=FactsRead)
    # Sent back for correction: the field paths and photo kinds the reviewer asked for, and why. Only those are
    # asked (the rest may not be changed now: backend/applications/changes.py).
    correction_items: tuple[str, ...] = ()
    correction_reason: str | None = None

    @property
    def application_id(self) -> str | None:
        return self.application["id"] if self.application else None

    @property
    def consents(self) -> set[str]:
        return set(self.application["consents"]) if self.application else set()

    @property
    def missing(self) -> list[FieldError]:
        return list(self.application["missing"]) if self.application else []

    @property
    def editable(self) -> bool:
        return bool(self.application) and self.application["stage"] in ("draft", "correction_requested")

    def value(self, path: str) -> Any:
        node: Any = self.application or {}
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return None if node in ("", []) and path != "other_benefits" else node

    def photo_differences(self) -> list[dict[str, Any]]:
        """Fields where a photo reads something else than what the application holds (typed, or confirmed
        earlier): [{"field", "current", "photo": [values read]}], in the order the photos were read. Shown in
        the summary and asked about before submitting: a disagreement is shown, not resolved silently (
        issue 5, item 4); a blind person cannot look at the photo."""
        found: dict[str, dict[str, Any]] = {}
        for proposal in self.proposals:
            if not proposal.get("differs_from_current"):
                continue
            entry = found.setdefault(proposal["field"], {"field": proposal["field"],
                                                         "current": proposal["current_value"], "photo": []})
            if proposal["value"] not in entry["photo"]:
                entry["photo"].append(proposal["value"])
        return list(found.values())

    def proposal(self, path: str) -> dict[str, Any] | None:
        """A pending value read from a photo for this field, when it can be accepted alone."""
        for proposal in self.proposals:
            if proposal["field"] == path and not proposal.get("disagreement"):
                return proposal
        return None


def load_situation(actor: Actor, application_id: str | None, *, subsidies: list[str] | None,
                   applying_as: str | None, locale: str) -> Situation:
    if application_id is None:
        chosen_subsidies = subsidies or DEFAULT_SUBSIDIES
        chosen_as = applying_as or "self"
        national = runtime().policy.resolve("000000", today())
        items = checklist(subsidies=chosen_subsidies, applying_as=chosen_as, content={}, materials=[], policy=national)
        return Situation(None, chosen_subsidies, chosen_as, _required(chosen_subsidies, chosen_as),
                         [_material_item(item) for item in items if item.by_field is None])
    document = get_application(actor, application_id)
    listed = application_checklist(actor, application_id, locale=locale)
    held = {material["kind"] for material in list_materials(actor, application_id)}
    proposals: list[dict[str, Any]] = []
    if document["stage"] == "draft":
        proposals = list_proposals(actor, application_id)
    items = [MaterialItem(entry["item"], tuple(tuple(group) for group in entry["alternatives"]), entry["satisfied"])
             for entry in listed["items"] if entry["by_field"] is None]
    # Both facts follow listed benefits (a weighed benefit, institution care): without any, nothing to ask.
    facts_to_ask = (application_facts_to_ask(actor, application_id)
                    if document["other_benefits"] or document["applying_as"] == "institution" else FactsRead())
    correction: dict[str, Any] = {}
    if document["stage"] == "correction_requested":
        correction = application_status(actor, application_id, locale=locale)["action_required"] or {}
    return Situation(document, list(document["subsidies"]), document["applying_as"],
                     _required(document["subsidies"], document["applying_as"]), items, held, proposals, facts_to_ask,
                     tuple(correction.get("items") or ()), correction.get("reason"))


def _required(subsidies: list[str], applying_as: str) -> list[str]:
    paths = [problem.path for problem in missing_items(subsidies=subsidies, applying_as=applying_as, content={},
                                                        consented=[])]
    return list(dict.fromkeys(paths))


def _material_item(item: ChecklistItem) -> MaterialItem:
    return MaterialItem(item.item, item.alternatives, item.satisfied)

