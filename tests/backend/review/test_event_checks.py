"""Review events checked on their own: real calendar dates, a notice period in order, a time with its zone,
positive amounts and a real month."""

from datetime import UTC, datetime

import pytest

from backend.applications.stages import ReviewEventType
from backend.errors import InvalidInput
from backend.review.events import ReviewEvent, parse_day, validate_event

AT = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)


def _event(kind: ReviewEventType, occurred_at: datetime = AT, **fields) -> ReviewEvent:
    return ReviewEvent(event_id="e1", type=kind, application_reference="LB1", occurred_at=occurred_at, **fields)


def _codes(event: ReviewEvent) -> dict[str, str]:
    with pytest.raises(InvalidInput) as refused:
        validate_event(event)
    return {error.path: error.code for error in refused.value.errors}


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2025-02-29", "2026-2-3", "20260203", "", None])
def test_impossible_or_malformed_dates_are_not_dates(text):
    assert parse_day(text) is None


def test_a_leap_day_is_a_date():
    assert parse_day("2028-02-29").isoformat() == "2028-02-29"


def test_a_notice_on_the_thirtieth_of_february_is_refused():
    event = _event(ReviewEventType.PUBLIC_NOTICE, notice_from="2026-02-30", notice_to="2026-12-10")

    assert _codes(event) == {"notice_from": "invalid_date"}


def test_a_notice_that_ends_before_it_starts_is_refused():
    event = _event(ReviewEventType.PUBLIC_NOTICE, notice_from="2026-12-10", notice_to="2026-12-01")

    assert _codes(event) == {"notice_to": "notice_ends_before_it_starts"}


def test_a_time_without_a_zone_is_refused():
    assert _codes(_event(ReviewEventType.ACCEPTED, occurred_at=datetime(2026, 11, 26, 9, 30))) == {
        "occurred_at": "time_zone_required"}


@pytest.mark.parametrize(("amount", "code"), [("0", "amount_not_positive"), ("-1", "amount_invalid"),
                                               ("abc", "amount_invalid")])
def test_an_approval_needs_a_positive_amount(amount, code):
    event = _event(ReviewEventType.APPROVED, monthly_amounts={"nursing": amount}, start_month="2026-11")

    assert _codes(event) == {"monthly_amounts.nursing": code}


def test_an_approval_needs_a_real_month():
    event = _event(ReviewEventType.APPROVED, monthly_amounts={"nursing": "80.00"}, start_month="2026-13")

    assert _codes(event) == {"start_month": "month_invalid"}


def test_a_well_formed_notice_passes():
    validate_event(_event(ReviewEventType.PUBLIC_NOTICE, notice_from="2026-12-01", notice_to="2026-12-07"))
