"""The built-in review desk (reviewers, by region) and the signed endpoint where an external review
system posts its events. Both end in the same backend code path (backend.review.events)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from flask import request
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field

from backend.applications.stages import ReviewEventType
from backend.review import desk
from backend.review.events import ReviewEvent
from miniprogram_api.guards import current_actor
from miniprogram_api.render import render
from miniprogram_api.locale import request_locale
from miniprogram_api.schemas.applications import ApplicationOut
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, ApplicationPath, DateText, Problem, Strict, with_examples

EventType = Literal["accepted", "correction_requested", "township_review_passed", "federation_review_passed",
                    "approved", "rejected", "public_notice", "payment_started"]

review_desk = APIBlueprint("review_desk", __name__, url_prefix="/api/v1/review",
                           abp_tags=[Tag(name="review desk", description="The built-in review desk (reviewers)")],
                           abp_security=[{"bearer": []}])
review_events = APIBlueprint("review_events", __name__, url_prefix="/api/v1/review",
                             abp_tags=[Tag(name="review system", description="Signed events from the review system")])


# The stages the desk lists (a draft is never the office's); a misspelt one is refused, not an empty list.
DeskStage = Literal["submitted", "handed_off", "accepted", "township_review", "federation_review",
                    "civil_affairs_approval", "correction_requested", "approved", "public_notice", "paying",
                    "rejected", "withdrawn"]


class DeskQuery(Strict):
    stage: list[DeskStage] | None = Field(None, description="Only these stages (repeat the parameter).")
    late: bool | None = Field(None, description="true: only applications past their hand-off or decision "
                                                "deadline; false: only those on time.")
    sort: Literal["updated", "late_first"] = Field("updated", description="late_first: late applications first, "
                                                                          "the longest overdue first.")


class DeskItem(ApplicationOut):
    eligibility_at_submission: dict[str, Any] | None
    representation: dict[str, Any] | None
    deadlines: dict[str, Any] | None = Field(description="As the applicant's status shows them: hand_off_by and "
                                                         "decision_by on the working-day calendar, and which is late.")
    preferred_contact: dict[str, Any] | None = Field(
        description="How the applicant asked to be reached (their preferences): choice (in_app, wechat, sms, "
                    "phone_call) with text and easy_read in the reviewer's language; null when they chose none. "
                    "Reach them this way: a deaf applicant may have asked for no phone call.")
    late: bool = Field(description="Past the hand-off or the decision deadline and not yet decided.")
    review_flags: list[dict[str, Any]] = Field(description="For the reviewer's attention: "
                                                           "amount_differs_from_policy (amounts: {subsidy: "
                                                           "{approved, policy}}), start_month_differs_from_policy "
                                                           "(start_month: {approved, policy}, earlier or later) and "
                                                           "not_eligible_by_policy (subsidies: {subsidy: [the "
                                                           "excluding reasons' codes]}), recorded with their "
                                                           "source; same_person_elsewhere (another live application "
                                                           "with this ID or certificate number: its reference, stage "
                                                           "and office_region).")


class DeskList(BaseModel):
    applications: list[DeskItem]


class DecisionFields(Strict):
    reason: str | None = Field(None, max_length=1000, description="Required for correction_requested and rejected.")
    items: list[str] | None = Field(None, description="Field paths and material kinds to correct.",
                                    examples=[["certificate.valid_until", "disability_certificate"]])
    monthly_amounts: dict[str, str] | None = Field(None, examples=[{"living": "80.00", "nursing": "80.00"}])
    start_month: str | None = Field(None, examples=["2026-11"])
    notice_from: DateText | None = None
    notice_to: DateText | None = None


class Decision(DecisionFields):
    type: EventType

    model_config = with_examples(
        accept={"type": "accepted"},
        ask_for_a_correction={"type": "correction_requested", "reason": "残疾人证照片看不清",
                              "items": ["disability_certificate"]},
        approve={"type": "approved", "monthly_amounts": {"living": "80.00", "nursing": "80.00"},
                 "start_month": "2026-11"},
        reject={"type": "rejected", "reason": "未纳入低保，不符合生活补贴条件"},
    )


class ReviewEventIn(DecisionFields):
    event_id: str = Field(min_length=1, max_length=128)
    type: EventType
    application_reference: str = Field(max_length=32)
    occurred_at: datetime = Field(description="RFC 3339 with its offset, e.g. 2026-11-26T09:30:00+08:00; "
                                              "a time without one is refused (time_zone_required).")

    model_config = with_examples(
        accepted={"event_id": "evt-0001", "type": "accepted", "application_reference": "LB20261125123456",
                  "occurred_at": "2026-11-26T09:30:00+08:00"},
        approved={"event_id": "evt-0002", "type": "approved", "application_reference": "LB20261125123456",
                  "occurred_at": "2026-12-04T15:00:00+08:00",
                  "monthly_amounts": {"living": "80.00", "nursing": "80.00"}, "start_month": "2026-11"},
    )


class Outcome(BaseModel):
    application_id: str
    stage: str
    duplicate: bool
    moved: bool


@review_desk.get("/applications", summary="Submitted applications of the reviewer's region",
                 responses={200: DeskList, **PROBLEM_RESPONSES})
def desk_list(query: DeskQuery):
    return render({"applications": desk.list_for_review(current_actor(), stages=query.stage, late=query.late,
                                                        late_first=query.sort == "late_first",
                                                        locale=request_locale())})


@review_desk.post("/applications/<application_id>/decisions", summary="Record a decision (a review event)",
                  responses={200: Outcome, **PROBLEM_RESPONSES})
def desk_decision(path: ApplicationPath, body: Decision):
    outcome = desk.record_decision(
        current_actor(), path.application_id, ReviewEventType(body.type), reason=body.reason, items=body.items,
        monthly_amounts=body.monthly_amounts, start_month=body.start_month, notice_from=body.notice_from,
        notice_to=body.notice_to)
    return render(outcome.__dict__)


@review_events.post("/events", summary="An event from the review system (signed; replay-protected)",
                    description="Headers X-Liangbu-Timestamp and X-Liangbu-Signature: sha256=HMAC(secret, "
                                "timestamp + '.' + body). A duplicate event id changes nothing (200, duplicate: "
                                "true); the same event id for a different event is refused (409 event_id_reused), and so is an "
                                "event for an application the applicant withdrew (409 application_withdrawn). "
                                "occurred_at may not be later than now plus 5 minutes (occurred_in_future).",
                    responses={200: Outcome, 401: Problem, 404: Problem, 409: Problem, 422: Problem})
def receive_event(body: ReviewEventIn):
    # A time without a zone is passed on as it is, and refused with `time_zone_required` (backend.review.events).
    occurred = body.occurred_at.astimezone(UTC) if body.occurred_at.tzinfo else body.occurred_at
    outcome = desk.receive_review_event(ReviewEvent(
        event_id=body.event_id, type=ReviewEventType(body.type), application_reference=body.application_reference,
        occurred_at=occurred, reason=body.reason, items=tuple(body.items or ()),
        monthly_amounts=dict(body.monthly_amounts or {}), start_month=body.start_month,
        notice_from=body.notice_from, notice_to=body.notice_to))
    return render(outcome.__dict__)


def signed_by_review_system() -> None:
    """The guard of review_events: a valid signature with the shared secret, within the time window."""
    from flask import g

    from backend.review.signing import BadSignature, verify
    from backend.runtime import runtime
    from miniprogram_api.problems import ApiProblem

    secret = runtime().settings.review_handoff_secret
    if secret is None:
        raise ApiProblem(401, "signature_missing")
    try:
        verify(secret.get_secret_value().encode(), request.get_data(), request.headers.get("X-Liangbu-Timestamp"),
               request.headers.get("X-Liangbu-Signature"), now=runtime().clock().timestamp())
    except BadSignature as bad:
        raise ApiProblem(401, bad.code) from None
    g.actor = None
