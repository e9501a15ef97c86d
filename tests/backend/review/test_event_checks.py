"""Review events checked on their own: real calendar dates, a notice period in order, a time with its zone
and not ahead of our clock, positive amounts and a real month."""

from datetime import UTC, datetime, timedelta

import pytest

from backend.applications.stages import ReviewEventType
from backend.errors import InvalidInput
from backend.review.events import OCCURRED_AT_CLOCK_SKEW, ReviewEvent, parse_day, validate_event

AT = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)
NOW = AT + timedelta(hours=1)  # our clock when the event arrives


def _event(kind: ReviewEventType, occurred_at: datetime = AT, **fields) -> ReviewEvent:
    return ReviewEvent(event_id="e1", type=kind, application_reference="LB1", occurred_at=occurred_at, **fields)


def _codes(event: ReviewEvent, now: datetime = NOW) -> dict[str, str]:
    with pytest.raises(InvalidInput) as refused:
        validate_event(event, now=now)
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
    validate_event(_event(ReviewEventType.PUBLIC_NOTICE, notice_from="2026-12-01", notice_to="2026-12-07"), now=NOW)


def test_a_public_notice_without_its_dates_is_told_they_are_required_not_that_they_are_wrong():
    assert _codes(_event(ReviewEventType.PUBLIC_NOTICE)) == {"notice_from": "required", "notice_to": "required"}
    assert _codes(_event(ReviewEventType.PUBLIC_NOTICE, notice_from="2026-12-01", notice_to="")) == {
        "notice_to": "required"}


def test_an_event_dated_months_ahead_of_our_clock_is_refused():
    event = _event(ReviewEventType.APPROVED, occurred_at=datetime(2027, 6, 1, 1, 0, tzinfo=UTC),
                   monthly_amounts={"nursing": "80.00"}, start_month="2026-11")

    assert _codes(event) == {"occurred_at": "occurred_in_future"}


def test_an_event_just_past_the_clock_skew_allowance_is_refused_and_one_within_it_passes():
    validate_event(_event(ReviewEventType.ACCEPTED, occurred_at=NOW + OCCURRED_AT_CLOCK_SKEW), now=NOW)

    late_clock = _event(ReviewEventType.ACCEPTED, occurred_at=NOW + OCCURRED_AT_CLOCK_SKEW + timedelta(seconds=1))
    assert _codes(late_clock) == {"occurred_at": "occurred_in_future"}


def test_the_clock_skew_allowance_is_a_few_minutes_as_the_signature_window_is():
    assert timedelta(0) < OCCURRED_AT_CLOCK_SKEW <= timedelta(minutes=5)


def test_an_approval_without_its_start_month_is_told_it_is_required_not_that_it_is_malformed():
    event = _event(ReviewEventType.APPROVED, monthly_amounts={"nursing": "80.00"})

    assert _codes(event) == {"start_month": "required"}
