"""Review events: the one path by which a decision reaches an application, whether it comes from the
built-in desk or from the external review system (POST /api/v1/review/events).

A duplicate event (same event id, same application, type and decision fields) changes nothing; an event id
sent again for a different event is refused (409 event_id_reused) rather than dropped. An event that arrives
out of order is recorded in the timeline but moves the stage only forward (stages.stage_after), and a
correction request that was made before the applicant's latest resubmission does not send the application
back again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from backend.applications.fields import FIELDS
from backend.applications.models import Application, StatusEvent
from backend.applications.stages import DECIDED, EVENT_ROLE, EVENT_TARGET, ReviewEventType, Stage, stage_after
from backend.applications.vocabulary import MATERIAL_KINDS, SUBSIDIES
from backend.calendar.months import month_index, month_text, months_before, parse_month
from backend.errors import Conflict, FieldError, InvalidInput, NotFound
from backend.policy.reasons import MAX_BACK_PAY_MONTHS, SEED_RENEWAL, SEED_START_MONTH
from backend.runtime import CHINA
from backend.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ReviewEvent:
    event_id: str
    type: ReviewEventType
    application_reference: str
    occurred_at: datetime
    reason: str | None = None
    items: tuple[str, ...] = ()
    monthly_amounts: dict[str, str] = field(default_factory=dict)
    start_month: str | None = None
    notice_from: str | None = None
    notice_to: str | None = None


@dataclass(frozen=True)
class EventOutcome:
    application_id: str
    stage: str
    duplicate: bool
    moved: bool


# How far ahead of our clock an event's `occurred_at` may be: the review system's clock and ours are never
# exactly alike, and an event posted the moment it happens may read a little ahead of us. Five minutes, as the
# signature's time window (backend.review.signing: 300 s); anything later is a wrong date (a year typed wrong,
# a test event), which would show a decision months ahead on the timeline and count in a future month.
OCCURRED_AT_CLOCK_SKEW = timedelta(minutes=5)

# Decisions that end the wait for a correction when the office made them after asking for it (a rejection
# always does: stage_after).
DECIDED_AFTER_A_CORRECTION_REQUEST = frozenset({ReviewEventType.APPROVED, ReviewEventType.PUBLIC_NOTICE,
                                                ReviewEventType.PAYMENT_STARTED})

# What an event decides, beside its type: a reused event id with other values is another event.
DECISION_FIELDS = ("reason", "items", "monthly_amounts", "start_month", "notice_from", "notice_to")

CORRECTABLE_ITEMS = frozenset(FIELDS) | {"applicant", "certificate", "household", "payment_account", "proxy",
                                         "other_benefits"} | set(MATERIAL_KINDS)


def validate_event(event: ReviewEvent, *, now: datetime) -> None:
    """What can be checked on the event alone and our clock (`now`); `validate_for_application` checks it
    against the application."""
    errors: list[FieldError] = []
    kind = event.type
    if event.occurred_at.tzinfo is None or event.occurred_at.utcoffset() is None:
        # A time without a zone is ambiguous between the review system's clock and ours: refuse it rather
        # than guess (the interface asks for RFC 3339 with an offset, e.g. +08:00).
        errors.append(FieldError("occurred_at", "time_zone_required"))
    elif event.occurred_at > now + OCCURRED_AT_CLOCK_SKEW:
        # A decision cannot be reported before it is made (the timeline and the month it counts in follow it).
        errors.append(FieldError("occurred_at", "occurred_in_future",
                                 {"now": now.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")}))
    if kind in (ReviewEventType.CORRECTION_REQUESTED, ReviewEventType.REJECTED) and not (event.reason or "").strip():
        # Seed 002 (二): a refusal carries its reason, recorded and explained to the applicant.
        errors.append(FieldError("reason", "required"))
    if kind is ReviewEventType.CORRECTION_REQUESTED:
        if not event.items:
            errors.append(FieldError("items", "required"))
        unknown = [item for item in event.items if item not in CORRECTABLE_ITEMS]
        if unknown:
            errors.append(FieldError("items", "unknown_items", {"items": ", ".join(unknown)}))
    if kind is ReviewEventType.APPROVED:
        if not event.monthly_amounts:
            errors.append(FieldError("monthly_amounts", "required"))
        for subsidy, amount in event.monthly_amounts.items():
            if subsidy not in SUBSIDIES:
                errors.append(FieldError("monthly_amounts", "not_a_choice", {"choices": ", ".join(SUBSIDIES)}))
            elif not _is_amount(amount):
                errors.append(FieldError(f"monthly_amounts.{subsidy}", "amount_invalid"))
            elif Decimal(str(amount)) <= 0:
                errors.append(FieldError(f"monthly_amounts.{subsidy}", "amount_not_positive"))
        if not (event.start_month or "").strip():
            errors.append(FieldError("start_month", "required"))  # missing, as a missing amount is: not a wrong month
        elif parse_month(event.start_month) is None:
            errors.append(FieldError("start_month", "month_invalid"))
    if kind is ReviewEventType.PUBLIC_NOTICE:
        days = {}
        for name in ("notice_from", "notice_to"):
            text = getattr(event, name)
            days[name] = parse_day(text)
            if not (text or "").strip():
                errors.append(FieldError(name, "required"))  # missing, as a missing reason is: not a wrong date
            elif days[name] is None:
                errors.append(FieldError(name, "invalid_date"))
        if None not in days.values() and days["notice_to"] < days["notice_from"]:
            errors.append(FieldError("notice_to", "notice_ends_before_it_starts"))
    if errors:
        raise InvalidInput(errors=errors)


def validate_for_application(event: ReviewEvent, application: Application, content: dict[str, Any]) -> list[dict]:
    """Checks the event against the application it is about; returns the flags to record with it.

    Refused: an event dated before the application was first submitted; a public notice that ended before
    the application was first submitted (seed 004, 政策告知书 三: 区民政局审定 → 公示 → 发放: the notice follows
    the decision on this application); amounts for a subsidy the person
    did not apply for; a start month earlier than any reading of the seeds allows (`_earliest_lawful_start`:
    the month of application, seed 001 item 9: 自残疾人递交申请当月计发补贴; or, where the certificate is older
    than that month, 3 months before its month, seed 001 item 13). Accepted but flagged: an amount that
    differs from the region's amount in our policy data, and a start month earlier than our evaluator's (a
    renewal it was not told of, or back-pay it reads more narrowly). The review system is the authority on both
    (a county may have raised its amount before our data knows; the office knows the application is a
    renewal), so the decision stands and the flag shows on the desk and in the statistics
    (docs/review-system.md)."""
    errors: list[FieldError] = []
    flags: list[dict] = []
    first_submitted = application.first_submitted_at or application.submitted_at
    # Compared to the minute: review systems often record times to the minute, so an event in the minute
    # of submission is not "earlier" than it.
    if first_submitted is not None and event.occurred_at < first_submitted.replace(second=0, microsecond=0):
        errors.append(FieldError("occurred_at", "before_submission",
                                 {"submitted_at": first_submitted.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")}))
    if event.type is ReviewEventType.PUBLIC_NOTICE and first_submitted is not None:
        # Compared by China's calendar day: a notice ending on the day of submission is not refused here.
        submitted_on = first_submitted.astimezone(CHINA).date()
        # Seed 004 政策告知书 三: 审定 → 公示, so the notice cannot start before the application was made.
        for name in ("notice_from", "notice_to"):
            day = parse_day(getattr(event, name))
            if day is not None and day < submitted_on:
                errors.append(FieldError(name, "notice_before_submission", {"submitted_on": submitted_on.isoformat()}))
                break
    if event.type is ReviewEventType.APPROVED:
        for subsidy in event.monthly_amounts:
            if subsidy in SUBSIDIES and subsidy not in application.subsidies:
                errors.append(FieldError(f"monthly_amounts.{subsidy}", "subsidy_not_applied_for"))
        from backend.policy.service import evaluate_application

        evaluation = evaluate_application(application, content)
        earliest = _earliest_start(evaluation, application)
        lawful = _earliest_lawful_start(evaluation, earliest)
        if lawful is not None and event.start_month < lawful:
            errors.append(FieldError("start_month", "start_month_too_early", {"month": lawful}))
        if not errors:
            if earliest is not None and event.start_month < earliest:
                flags.append({"code": "start_month_differs_from_policy",
                              "start_month": {"approved": event.start_month, "policy": earliest},
                              "source": SEED_RENEWAL})
            latest = _latest_start(evaluation, application)
            if latest is not None and event.start_month > latest:
                # Seed 001 item 9 pays from the month of application (a renewal from the new certificate's month,
                # which is no later): a later start costs the person months of money. The office may know why (it
                # is the authority, as on amounts), so the approval stands, flagged for someone to check.
                flags.append({"code": "start_month_differs_from_policy",
                              "start_month": {"approved": event.start_month, "policy": latest},
                              "source": SEED_START_MONTH})
            not_due = {subsidy: [reason.code for reason in evaluation.verdicts[subsidy].reasons
                                 if reason.effect == "excludes"]
                       for subsidy in event.monthly_amounts
                       if subsidy in evaluation.verdicts and evaluation.verdicts[subsidy].outcome == "not_eligible"}
            if not_due:
                # Approved where our policy data says the person does not qualify: the office may know more (a
                # rule newer than our data), so it stands; but either the decision or our data is wrong.
                flags.append({"code": "not_eligible_by_policy", "subsidies": not_due,
                              "source": next(evaluation.verdicts[s].source for s in not_due)})
            differs = {}
            for subsidy, amount in event.monthly_amounts.items():
                verdict = evaluation.verdicts.get(subsidy)
                expected = verdict.monthly_amount if verdict is not None else None
                if expected is not None and Decimal(str(amount)) != expected:
                    differs[subsidy] = {"approved": _money(amount), "policy": _money(expected)}
            if differs:
                flags.append({"code": "amount_differs_from_policy", "amounts": differs,
                              "source": next(v.source for s, v in evaluation.verdicts.items() if s in differs)})
    if errors:
        raise InvalidInput(errors=errors)
    return flags


def _earliest_start(evaluation: Any, application: Application) -> str | None:
    """The earliest month payment may start: the evaluator's start month (the month of application, or
    the new certificate's month on renewal) less the back-pay months it allows."""
    months = []
    for subsidy in application.subsidies:
        verdict = evaluation.verdicts.get(subsidy)
        if verdict is not None and verdict.starts:
            months.append(months_before(verdict.starts, verdict.back_pay_months or 0))
    return min(months) if months else None


def _latest_start(evaluation: Any, application: Application) -> str | None:
    """The latest month our evaluator starts payment of a subsidy applied for (the month of application, or on
    renewal the new certificate's month): an approval starting after it starts later than the seeds say."""
    months = [verdict.starts for subsidy in application.subsidies
              if (verdict := evaluation.verdicts.get(subsidy)) is not None and verdict.starts]
    return max(months) if months else None


def _earliest_lawful_start(evaluation: Any, earliest: str | None) -> str | None:
    """The earliest month any reading of the seeds lets payment start. Seed 001 item 13: on a renewal,
    "应于新残疾人证发证当月计发补贴，同时可视情...补发最多不超过3个月的补贴": from the new certificate's month, and
    up to 3 months before it. Our evaluator knows an application is a renewal only when the old certificate's
    end was entered (the conversation never asks it), and it caps every month paid before the month of
    application at 3 (a reading left to steering: docs/policy.md, `starts`); the review office knows what it
    decides. So where the certificate was issued before the month of application, a start from 3 months before
    its month is lawful on the seed's words; otherwise nothing earlier than the evaluator's month is."""
    if earliest is None:
        return None
    facts = evaluation.facts
    if facts.issue_date is None or month_index(facts.issue_date) >= month_index(facts.on):
        return earliest
    return min(earliest, month_text(month_index(facts.issue_date) - MAX_BACK_PAY_MONTHS))


def parse_day(value: str | None) -> date | None:
    """A calendar date written YYYY-MM-DD, or None when it is not one (2026-02-30 is not)."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def apply_review_event(uow: UnitOfWork, event: ReviewEvent, *, application: Application | None = None) -> EventOutcome:
    """Applies one event inside the caller's unit of work (the caller commits)."""
    validate_event(event, now=uow.now)
    application = application or uow.applications.find_by_reference(event.application_reference)
    if application is None or application.stage == Stage.DRAFT.value:
        raise NotFound("unknown_application_reference")
    already = uow.session.scalars(select(StatusEvent).where(StatusEvent.source_event_id == event.event_id)).first()
    if already is not None:
        if not _same_event(already, event, application):
            # Answering "duplicate" would silently drop this event (a rejection sent under the id of an
            # earlier pass, say): the review system must learn that it was not recorded.
            raise Conflict("event_id_reused", params={"event_id": event.event_id, "decision": already.type})
        return EventOutcome(application.id, application.stage, duplicate=True, moved=False)
    if application.stage == Stage.WITHDRAWN.value:
        # Withdrawn online while it waited for the office (WITHDRAWABLE: before the office acted on it). A review
        # system that received the packet was never told; recording its decision quietly (200, "moved": false)
        # left the office thinking it had decided, and paying, an application the person took back, and showed
        # the person an approval after "撤回了申请". So the review system is told now, and nothing is recorded.
        withdrawn_at = application.closed_at or uow.now
        raise Conflict("application_withdrawn", params={
            "reference": application.reference,
            "withdrawn_on": withdrawn_at.astimezone(CHINA).date().isoformat()})
    flags = validate_for_application(event, application, uow.applications.content(application))

    current = Stage(application.stage)
    target = stage_after(current, event.type)
    stale_correction = (event.type is ReviewEventType.CORRECTION_REQUESTED and application.submitted_at is not None
                        and event.occurred_at < application.submitted_at)
    if stale_correction:
        target = current
    if current is Stage.CORRECTION_REQUESTED and event.type in DECIDED_AFTER_A_CORRECTION_REQUEST:
        # stage_after keeps an application waiting for its correction against events from before the request.
        # A decision the office made after asking is not late: it decided without the correction (an approval
        # left at "需要补正材料" told the person to correct what the office no longer needed, and paid nothing).
        asked = [entry.occurred_at for entry in uow.applications.timeline(application)
                 if entry.type == ReviewEventType.CORRECTION_REQUESTED.value and entry.moved_the_stage]
        if asked and event.occurred_at > max(asked):
            target = EVENT_TARGET[event.type]
    moved = target is not current
    details: dict[str, Any] = _decision_details(event)
    if flags:
        details["flags"] = flags
    if not moved:
        details["did_not_change_stage"] = True

    uow.applications.add(StatusEvent(
        application_id=application.id, type=event.type.value, stage_after=target.value,
        actor_role=EVENT_ROLE[event.type], occurred_at=event.occurred_at, recorded_at=uow.now, details=details,
        source_event_id=event.event_id, submission_number=application.submission_count))
    if moved:
        application.stage = target.value
        application.version += 1
        application.updated_at = uow.now
        if target in DECIDED and application.decided_at is None:
            application.decided_at = event.occurred_at
        if target is Stage.REJECTED:
            application.closed_at = uow.now
        from backend.notifications.service import notify_status_change
        notify_status_change(uow, application, event.type.value)
    return EventOutcome(application.id, application.stage, duplicate=False, moved=moved)


def _decision_details(event: ReviewEvent) -> dict[str, Any]:
    """What the event decides, as recorded in its StatusEvent's details (amounts written as 80.00)."""
    details: dict[str, Any] = {}
    if event.reason:
        details["reason"] = event.reason.strip()
    if event.items:
        details["items"] = list(event.items)
    if event.monthly_amounts:
        details["monthly_amounts"] = {k: _money(v) for k, v in event.monthly_amounts.items()}
    if event.start_month:
        details["start_month"] = event.start_month
    if event.notice_from:
        details["notice_from"], details["notice_to"] = event.notice_from, event.notice_to
    return details


def _same_event(recorded: StatusEvent, event: ReviewEvent, application: Application) -> bool:
    """Whether an event sent again under a recorded event id is that event: the same application, type and
    decision fields (its time may differ: a system that re-sends may stamp it anew). Compared with what
    was recorded, so events recorded before this check are compared the same way."""
    def decided(details: dict[str, Any]) -> dict[str, Any]:
        kept = {name: details[name] for name in DECISION_FIELDS if details.get(name) not in (None, "", [], {})}
        if "items" in kept:
            kept["items"] = sorted(kept["items"])  # the same items, listed in another order, are the same
        return kept

    return (recorded.application_id == application.id and recorded.type == event.type.value
            and decided(recorded.details or {}) == decided(_decision_details(event)))


def _money(value: Any) -> str:
    return str(Decimal(str(value)).quantize(Decimal("0.01")))


def _is_amount(value: str) -> bool:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return False
    return amount.is_finite() and Decimal(0) <= amount < Decimal(100000)
