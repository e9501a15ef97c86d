"""Review events: the one path by which a decision reaches an application, whether it comes from the
built-in desk or from the external review system (POST /api/v1/review/events).

A duplicate event (same event id) changes nothing. An event that arrives out of order is recorded in
the timeline but moves the stage only forward (stages.stage_after), and a correction request that was
made before the applicant's latest resubmission does not send the application back again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from backend.applications.fields import FIELDS
from backend.applications.models import Application, StatusEvent
from backend.applications.stages import DECIDED, EVENT_ROLE, ReviewEventType, Stage, stage_after
from backend.applications.vocabulary import MATERIAL_KINDS, SUBSIDIES
from backend.errors import FieldError, InvalidInput, NotFound
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


CORRECTABLE_ITEMS = frozenset(FIELDS) | {"applicant", "certificate", "household", "payment_account", "proxy",
                                         "other_benefits"} | set(MATERIAL_KINDS)


def validate_event(event: ReviewEvent) -> None:
    errors: list[FieldError] = []
    kind = event.type
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
        if not event.start_month or not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", event.start_month):
            errors.append(FieldError("start_month", "month_invalid"))
    if kind is ReviewEventType.PUBLIC_NOTICE:
        for name in ("notice_from", "notice_to"):
            value = getattr(event, name)
            if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                errors.append(FieldError(name, "invalid_date"))
        if not errors and event.notice_to < event.notice_from:
            errors.append(FieldError("notice_to", "notice_ends_before_it_starts"))
    if errors:
        raise InvalidInput(errors=errors)


def apply_review_event(uow: UnitOfWork, event: ReviewEvent, *, application: Application | None = None) -> EventOutcome:
    """Applies one event inside the caller's unit of work (the caller commits)."""
    validate_event(event)
    application = application or uow.applications.find_by_reference(event.application_reference)
    if application is None or application.stage == Stage.DRAFT.value:
        raise NotFound("unknown_application_reference")
    already = uow.session.scalars(select(StatusEvent).where(StatusEvent.source_event_id == event.event_id)).first()
    if already is not None:
        return EventOutcome(application.id, application.stage, duplicate=True, moved=False)

    current = Stage(application.stage)
    target = stage_after(current, event.type)
    stale_correction = (event.type is ReviewEventType.CORRECTION_REQUESTED and application.submitted_at is not None
                        and event.occurred_at < application.submitted_at)
    if stale_correction:
        target = current
    moved = target is not current
    details: dict[str, Any] = {}
    if event.reason:
        details["reason"] = event.reason.strip()
    if event.items:
        details["items"] = list(event.items)
    if event.monthly_amounts:
        details["monthly_amounts"] = {k: str(Decimal(v).quantize(Decimal("0.01"))) for k, v in event.monthly_amounts.items()}
    if event.start_month:
        details["start_month"] = event.start_month
    if event.notice_from:
        details["notice_from"], details["notice_to"] = event.notice_from, event.notice_to
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


def _is_amount(value: str) -> bool:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return False
    return amount.is_finite() and Decimal(0) <= amount < Decimal(100000)
