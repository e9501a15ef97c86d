"""The questions of one application, in the order they are asked, and which one comes next.

The steps come from the application, never from a list of our own: a field is asked when
`completeness.missing_items` requires it for this kind of application (so the household question only
when the living subsidy is asked for, the proxy's questions only when someone applies for another
person), a photo when the policy's checklist asks for it, the consents and the policy notice because
submission needs them. Two steps are the conversation's own way to a required field: the disability
category and grade, from which (with the ID number) the 20-digit certificate number follows, so nobody
has to read it out; and the other benefits, which the eligibility rules weigh (seed 004's policy
notice) although no field requires them. One step asks what no field requires at all: where the person
applies from (`applied_from_region`, optional), since an application made from another province than the
hukou's is 跨省通办 (seed 001 item 7; issue 7). It comes after the address ("您现在住在户口所在地吗？"), is
asked once the hukou county is known, and is not asked of an application an assistant made (the
assistant's region is where it is made from) or one that already names the county.

Two more follow the other benefits, only where they change the answer, as the region's rules (hukou county,
on the day of application) say through `application_facts_to_ask`: for each listed benefit that a
choose-the-higher rule weighs against a subsidy asked for (seed 004 注), what it pays a month
(`other_benefit_amounts`; without it the rule is needs_review); and for a child (by the ID number's birth
date) in institution care where the nursing subsidy of a 事实无人抚养儿童 goes to the institution (seed 003
item 四), whether the child is one (`de_facto_unsupported_child`). Both are optional: 不知道 or 跳过 leaves
them unset (the answer stays needs_review, and the summary says why); one the application already holds is
not asked again.

Order: who applies and for what; the consents (before anything sensitive is asked, PIPL art. 29); the
proxy's own details; the photos pre-fill can read (so their values are confirmed rather than typed);
the applicant's and the certificate's fields (where they apply from after the address); the household;
the other photos; other benefits, what those weighed pay a month, and whether a child is a 事实无人抚养儿童;
the policy notice; the summary.

A step is done when the application shows it (a consent given, a photo held, the notice acknowledged)
or when the person answered or confirmed it in this conversation. A field confirmed earlier whose value
the application now reports as a problem (in its `missing` list) is open again."""
from __future__ import annotations

from dataclasses import dataclass

from accessibility.conversation.situation import Situation
from accessibility.conversation.state import ConversationState
from backend.applications.vocabulary import CONSENT_PURPOSES
from backend.errors import FieldError
from backend.prefill.mapping import READABLE_KINDS

SETUP = ("applying_as", "subsidies")
FIELD_ORDER = (
    "applicant.name", "applicant.id_number", "applicant.hukou_region", "applicant.address", "applicant.phone",
    "certificate.category", "certificate.grade", "certificate.number", "certificate.issue_date",
    "certificate.valid_until", "household.status",
)
PROXY_ORDER = ("proxy.relation", "proxy.name", "proxy.id_number", "proxy.phone")
# How the conversation reaches certificate.number (see the module docstring).
CERTIFICATE_PARTS = ("certificate.category", "certificate.grade")
BENEFITS = "other_benefits"
AMOUNTS = "other_benefit_amounts"
AMOUNT_STEP = "benefit_amount"         # a step id is "benefit_amount.<benefit>"
DE_FACTO = "de_facto_unsupported_child"
APPLIED_FROM = "applied_from_region"
# Asked after the first of these the plan holds ("您现在住在户口所在地吗？" follows "现在住在哪里？").
APPLIED_FROM_AFTER = ("applicant.address", "applicant.hukou_region")
NOTICE = "policy_notice_acknowledged"
SUMMARY = "summary"
NOT_A_FIELD = ("consents", NOTICE)


@dataclass(frozen=True)
class Step:
    id: str
    kind: str                 # setup, consent, field, material, benefits, benefit_amount, de_facto, applied_from,
                              # notice, summary
    field: str | None         # the field path (or material kind, or "consents") the prompt names
    item: str | None = None   # the checklist item of a photo; the benefit of an amount
    skippable: bool = True

    @property
    def purpose(self) -> str:
        return self.id.split(".", 1)[1]


def steps(situation: Situation, state: ConversationState) -> list[Step]:
    planned = [Step(step, "setup", step, skippable=False) for step in SETUP]
    if "consents" in situation.required:
        planned += [Step(f"consent.{purpose}", "consent", "consents", skippable=False) for purpose in CONSENT_PURPOSES]
    fields = [path for path in situation.required if path not in NOT_A_FIELD]
    if "certificate.number" in fields:
        fields += [part for part in CERTIFICATE_PARTS if part not in fields]
    planned += [Step(path, "field", path) for path in PROXY_ORDER if path in fields]
    early, late = _photos(situation, state)
    planned += early
    ordered = sorted((path for path in fields if path not in PROXY_ORDER),
                     key=lambda path: FIELD_ORDER.index(path) if path in FIELD_ORDER else len(FIELD_ORDER))
    planned += [Step(path, "field", path) for path in ordered]
    if _asks_where_applied_from(situation):
        after = next((path for path in APPLIED_FROM_AFTER if path in ordered), None)
        position = (next(i for i, step in enumerate(planned) if step.id == after) + 1) if after else len(planned)
        planned.insert(position, Step(APPLIED_FROM, "applied_from", APPLIED_FROM))
    planned += late
    planned.append(Step(BENEFITS, "benefits", BENEFITS))
    weighed = situation.facts_to_ask.benefit_amounts
    planned += [Step(f"{AMOUNT_STEP}.{benefit}", AMOUNT_STEP, AMOUNTS, item=benefit)
                for benefit in situation.value(BENEFITS) or [] if benefit in weighed]
    if situation.facts_to_ask.de_facto_unsupported_child:
        planned.append(Step(DE_FACTO, "de_facto", DE_FACTO))
    if NOTICE in situation.required:
        planned.append(Step(NOTICE, "notice", NOTICE, skippable=False))
    planned.append(Step(SUMMARY, "summary", None, skippable=False))
    if situation.correction_items:
        return [step for step in planned if step.kind == "summary" or _asked_for_correction(step, situation)]
    return planned


def _asked_for_correction(step: Step, situation: Situation) -> bool:
    """Whether the reviewer's correction request names what this step asks (a field, a group of fields such as
    "certificate", a photo kind; what other benefits pay goes with them)."""
    named = step.field or step.id
    for item in situation.correction_items:
        if named == item or named.startswith(item + ".") or (item == BENEFITS and named == AMOUNTS):
            return True
    return False


def _asks_where_applied_from(situation: Situation) -> bool:
    """Not for an application an assistant made: where it is made from is the assistant's region
    (backend/applications/service.py, create_application)."""
    return not (situation.application and situation.application.get("channel") == "assistant")


def _photos(situation: Situation, state: ConversationState) -> tuple[list[Step], list[Step]]:
    early: list[Step] = []
    late: list[Step] = []
    for item in situation.materials:
        group = item.alternatives[chosen_alternative(item.item, item.alternatives, situation, state)]
        for kind in group:
            step = Step(f"material.{kind}", "material", kind, item=item.item)
            (early if kind in READABLE_KINDS else late).append(step)
    return early, late


def chosen_alternative(item: str, alternatives: tuple[tuple[str, ...], ...], situation: Situation,
                       state: ConversationState) -> int:
    """The group of photos asked for: the person's choice ("户口本" instead of the ID card), else the first
    group of which a photo is held, else the first."""
    if item in state.alternatives and state.alternatives[item] < len(alternatives):
        return state.alternatives[item]
    for index, group in enumerate(alternatives):
        if any(kind in situation.held for kind in group):
            return index
    return 0


def is_done(step: Step, situation: Situation, state: ConversationState) -> bool:
    if step.kind == "consent":
        return step.purpose in situation.consents
    if step.kind == "material":
        if any(p.path == step.field and p.code == "correction_photo_needed" for p in situation.missing):
            return False  # the reviewer asked for a new one: the photo held is the one they could not use
        if state.retake_for(step.field) is not None and state.current == step.id:
            return False  # a better photo is asked for; the one held stays until it comes (retake.py)
        item = next((m for m in situation.materials if m.item == step.item), None)
        return step.field in situation.held or bool(item and item.satisfied)
    if step.kind == "notice":
        return bool(situation.application and situation.application.get(NOTICE))
    if step.kind == "summary":
        return state.submitted
    if step.kind == "applied_from":
        # Answered here, or already named by the application (PATCH, the mini program): not asked again,
        # unless the person asked to change it (it is then the question being asked).
        return step.id in state.done or (situation.value(APPLIED_FROM) is not None and state.current != step.id)
    if step.kind in (AMOUNT_STEP, "de_facto"):
        # Answered here (a 不知道 too), or already given (PATCH): not asked again, unless being changed.
        return step.id in state.done or (known_fact(step, situation) is not None and state.current != step.id)
    if step.kind == "setup" and situation.application is None:
        return step.id in state.done
    return step.id in state.done and problem_with(step, situation) is None


def known_fact(step: Step, situation: Situation) -> object:
    """What the application holds for an amount or the 事实无人抚养儿童 question (None: nothing)."""
    if step.kind == AMOUNT_STEP:
        return (situation.value(AMOUNTS) or {}).get(step.item)
    return situation.value(step.field or step.id)


def benefits_answered(situation: Situation, state: ConversationState) -> bool:
    """Whether the other-benefits question has an answer: said in this conversation (an explicit "没有"
    is an answer: []), or benefits the application already lists. A skipped question is no answer
    although the application shows `[]` for it: some benefits exclude a subsidy (seed 004's policy
    notice), so "not answered" is never shown or weighed as "none"."""
    return BENEFITS in state.done or bool(situation.value(BENEFITS))


def problem_with(step: Step, situation: Situation) -> FieldError | None:
    """What the application says is wrong with this step's field, other than it being empty."""
    if step.kind != "field":
        return None
    for problem in situation.missing:
        if problem.path == step.field and problem.code != "required":
            return problem
    return None


def next_step(planned: list[Step], situation: Situation, state: ConversationState) -> Step:
    if state.current is not None:
        current = next((step for step in planned if step.id == state.current), None)
        if current is not None and not is_done(current, situation, state):
            return current
    for step in planned:
        if step.id not in state.skipped and not is_done(step, situation, state) and _ready(step, situation):
            return step
    return planned[-1]


def _ready(step: Step, situation: Situation) -> bool:
    """Where they apply from is asked once the hukou county is known: whether it is another province
    depends on it."""
    return step.kind != "applied_from" or situation.value("applicant.hukou_region") is not None


def find(planned: list[Step], step_id: str) -> Step | None:
    return next((step for step in planned if step.id == step_id), None)


def steps_for_field(planned: list[Step], path: str) -> list[Step]:
    """The steps that ask for a field (a change named by the person: "改一下电话"); several for the amounts
    of other benefits, one a benefit."""
    return [step for step in planned
            if step.field == path and step.kind in ("field", "setup", "benefits", "applied_from", AMOUNT_STEP, "de_facto")]
