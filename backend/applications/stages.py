"""Where an application stands, and how review events move it (DESIGN.md, "Stages").

The review chain (seed 004, 政策告知书 三: 自愿申请 → 乡镇初审 → 区残联审核 → 区民政局审定 → 公示 → 发放) moves
forward only. Regions that delegate the decision to the township (seed 001 item 6) skip stages, so
skipping is allowed; going back is not, except that a correction request sends the application back to
the applicant and resubmitting returns it to `submitted`. An event that arrives late (its stage is behind
the current one) is kept in the timeline but does not move the stage back."""

from __future__ import annotations

import enum


class Stage(str, enum.Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    HANDED_OFF = "handed_off"
    ACCEPTED = "accepted"
    TOWNSHIP_REVIEW = "township_review"
    FEDERATION_REVIEW = "federation_review"
    CIVIL_AFFAIRS_APPROVAL = "civil_affairs_approval"
    CORRECTION_REQUESTED = "correction_requested"
    APPROVED = "approved"
    PUBLIC_NOTICE = "public_notice"
    PAYING = "paying"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


# Forward order of the chain; correction_requested, rejected and withdrawn sit outside it.
_ORDER = [
    Stage.DRAFT, Stage.SUBMITTED, Stage.HANDED_OFF, Stage.ACCEPTED, Stage.TOWNSHIP_REVIEW,
    Stage.FEDERATION_REVIEW, Stage.CIVIL_AFFAIRS_APPROVAL, Stage.APPROVED, Stage.PUBLIC_NOTICE, Stage.PAYING,
]
RANK = {stage: position for position, stage in enumerate(_ORDER)}

TERMINAL = frozenset({Stage.REJECTED, Stage.WITHDRAWN})
EDITABLE = frozenset({Stage.DRAFT, Stage.CORRECTION_REQUESTED})
# Withdrawn online only until the review office has acted on it (issue 2: "withdraw before review starts"):
# a draft, or an application submitted or delivered but not yet accepted. Once the office has accepted it
# (or asked for a correction, which it does only while reviewing), the office holds the case and the person
# withdraws by asking it (seed 004 一: 放弃申请 is recorded by the township; the service names whom to call).
# A resubmission after a correction is back at `handed_off`, but the review had started: the service checks
# the timeline for that (`review_started`).
WITHDRAWABLE = frozenset({Stage.DRAFT, Stage.SUBMITTED, Stage.HANDED_OFF})
UNDER_REVIEW = frozenset({
    Stage.SUBMITTED, Stage.HANDED_OFF, Stage.ACCEPTED, Stage.TOWNSHIP_REVIEW, Stage.FEDERATION_REVIEW,
    Stage.CIVIL_AFFAIRS_APPROVAL, Stage.CORRECTION_REQUESTED,
})
DECIDED = frozenset({Stage.APPROVED, Stage.PUBLIC_NOTICE, Stage.PAYING, Stage.REJECTED})


def why_locked(stage: Stage) -> str | None:
    """Why an application that can no longer be changed is so, when it is not simply under review: it is
    `closed` (withdrawn or rejected: a new application is the way on) or `decided` (approved: a change in
    the family's situation is told to the township). A refusal's words differ by it, its code does not."""
    if stage in TERMINAL:
        return "closed"
    if stage in DECIDED:
        return "decided"
    return None


class ReviewEventType(str, enum.Enum):
    ACCEPTED = "accepted"
    CORRECTION_REQUESTED = "correction_requested"
    TOWNSHIP_REVIEW_PASSED = "township_review_passed"
    FEDERATION_REVIEW_PASSED = "federation_review_passed"
    APPROVED = "approved"
    REJECTED = "rejected"
    PUBLIC_NOTICE = "public_notice"
    PAYMENT_STARTED = "payment_started"


# DESIGN.md: accepted → accepted, township_review_passed → federation_review, federation_review_passed →
# the civil-affairs decision (审定), approved → approved, public_notice → public_notice, payment_started → paying.
EVENT_TARGET: dict[ReviewEventType, Stage] = {
    ReviewEventType.ACCEPTED: Stage.ACCEPTED,
    ReviewEventType.TOWNSHIP_REVIEW_PASSED: Stage.FEDERATION_REVIEW,
    ReviewEventType.FEDERATION_REVIEW_PASSED: Stage.CIVIL_AFFAIRS_APPROVAL,
    ReviewEventType.APPROVED: Stage.APPROVED,
    ReviewEventType.PUBLIC_NOTICE: Stage.PUBLIC_NOTICE,
    ReviewEventType.PAYMENT_STARTED: Stage.PAYING,
    ReviewEventType.CORRECTION_REQUESTED: Stage.CORRECTION_REQUESTED,
    ReviewEventType.REJECTED: Stage.REJECTED,
}

# Which actor of the review chain each event stands for, shown in the timeline instead of any name.
EVENT_ROLE: dict[ReviewEventType, str] = {
    ReviewEventType.ACCEPTED: "township",
    ReviewEventType.CORRECTION_REQUESTED: "reviewer",
    ReviewEventType.TOWNSHIP_REVIEW_PASSED: "township",
    ReviewEventType.FEDERATION_REVIEW_PASSED: "disabled_persons_federation",
    ReviewEventType.APPROVED: "civil_affairs",
    ReviewEventType.REJECTED: "reviewer",
    ReviewEventType.PUBLIC_NOTICE: "civil_affairs",
    ReviewEventType.PAYMENT_STARTED: "civil_affairs",
}


def stage_after(current: Stage, event: ReviewEventType) -> Stage:
    """The stage after a review event; the current stage when the event may not move it."""
    if current in TERMINAL or current is Stage.DRAFT:
        return current
    target = EVENT_TARGET[event]
    if target is Stage.REJECTED:
        return target if current not in (Stage.APPROVED, Stage.PUBLIC_NOTICE, Stage.PAYING) else current
    if target is Stage.CORRECTION_REQUESTED:
        # A correction can be asked for while the application is being reviewed, not after a decision.
        return target if current in UNDER_REVIEW else current
    if current is Stage.CORRECTION_REQUESTED:
        # Waiting for the applicant: a late event from before the request does not end the wait.
        return current
    return target if RANK[target] > RANK[current] else current


def review_started(event_types: list[str]) -> bool:
    """Whether the review office has acted on the application: any review event in its timeline."""
    review_events = {event.value for event in ReviewEventType}
    return any(event_type in review_events for event_type in event_types)
