"""Events from an external review system: signed, replay-protected, idempotent, order-tolerant."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest

from backend.review.signing import sign
from tests.conftest import TEST_REVIEW_SECRET, DEFAULT_NOW, login
from tests.support import flows
from tests.support.factories import complete_fields


@pytest.fixture
def submitted(as_applicant):
    return flows.submitted(as_applicant, subsidies=["nursing"], photos=("id_card_front", "id_card_back",
                                                                        "disability_certificate"))


def post_event(client, event: dict, *, secret: str = TEST_REVIEW_SECRET, timestamp: int | None = None,
               body: bytes | None = None):
    raw = body if body is not None else json.dumps(event).encode()
    stamp = int(DEFAULT_NOW.timestamp()) if timestamp is None else timestamp
    headers = {"Content-Type": "application/json", **sign(secret.encode(), raw, stamp)}
    return client.client.post("/api/v1/review/events", data=raw, headers=headers)


def event(submitted, event_id: str, kind: str, minutes: int = 0, **extra) -> dict:
    at = DEFAULT_NOW + timedelta(minutes=minutes)
    return {"event_id": event_id, "type": kind, "application_reference": submitted["reference"],
            "occurred_at": at.isoformat(), **extra}


def test_signed_event_moves_the_application(client, as_applicant, submitted):
    response = post_event(client, event(submitted, "e1", "accepted"))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["stage"] == "accepted"
    assert as_applicant.get(f"/applications/{submitted['id']}/status").get_json()["stage"] == "accepted"


def test_unsigned_wrongly_signed_or_stale_events_are_refused(client, submitted):
    body = json.dumps(event(submitted, "e1", "accepted")).encode()
    unsigned = client.client.post("/api/v1/review/events", data=body, headers={"Content-Type": "application/json"})
    assert unsigned.status_code == 401 and unsigned.get_json()["code"] == "signature_missing"
    assert post_event(client, {}, body=body, secret="wrong").get_json()["code"] == "signature_mismatch"
    old = post_event(client, {}, body=body, timestamp=int(DEFAULT_NOW.timestamp()) - 301)
    assert old.get_json()["code"] == "timestamp_out_of_window"


def test_duplicate_event_changes_nothing(client, as_applicant, submitted):
    first = post_event(client, event(submitted, "e1", "accepted"))
    again = post_event(client, event(submitted, "e1", "accepted"))
    assert first.get_json()["duplicate"] is False and again.get_json()["duplicate"] is True
    timeline = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()["timeline"]
    assert [entry["event"] for entry in timeline].count("accepted") == 1


def test_events_out_of_order_end_in_the_right_stage(app, client, clock, submitted):
    clock.advance(minutes=40)  # all three happened before they reach us: none is ahead of our clock
    now = int(clock.current.timestamp())
    post_event(client, event(submitted, "e3", "federation_review_passed", minutes=30), timestamp=now)
    post_event(client, event(submitted, "e1", "accepted", minutes=10), timestamp=now)
    post_event(client, event(submitted, "e2", "township_review_passed", minutes=20), timestamp=now)
    status = login(app, "demo-applicant").get(f"/applications/{submitted['id']}/status").get_json()
    assert status["stage"] == "civil_affairs_approval"
    assert [entry["event"] for entry in status["timeline"]][-3:] == [
        "accepted", "township_review_passed", "federation_review_passed"]


def test_event_for_an_unknown_reference_is_404(client, submitted):
    response = post_event(client, {**event(submitted, "e9", "accepted"), "application_reference": "LB00000000000000"})
    assert response.status_code == 404


def test_approval_without_amounts_is_refused_with_field_errors(client, submitted):
    response = post_event(client, event(submitted, "e1", "approved"))
    assert response.status_code == 422
    assert {error["field"] for error in response.get_json()["errors"]} == {"monthly_amounts", "start_month"}


def _errors(response) -> dict[str, str]:
    return {error["field"]: error["code"] for error in response.get_json()["errors"]}


def test_a_public_notice_on_an_impossible_date_is_refused_and_not_shown(client, as_applicant, submitted):
    response = post_event(client, event(submitted, "e1", "public_notice", notice_from="2026-02-30",
                                        notice_to="2026-12-10"))

    assert response.status_code == 422
    assert response.get_json()["code"] == "invalid_fields"
    assert _errors(response) == {"notice_from": "invalid_date"}
    timeline = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()["timeline"]
    assert "public_notice" not in [entry["event"] for entry in timeline]


def test_a_notice_period_that_ends_before_it_starts_is_refused(client, submitted):
    response = post_event(client, event(submitted, "e1", "public_notice", notice_from="2026-12-10",
                                        notice_to="2026-12-01"))

    assert response.status_code == 422 and _errors(response) == {"notice_to": "notice_ends_before_it_starts"}


def test_an_event_time_without_a_time_zone_is_refused_with_a_clear_problem(client, submitted):
    response = post_event(client, {**event(submitted, "e1", "accepted"), "occurred_at": "2026-11-26T09:30:00"})

    assert response.status_code == 422
    assert _errors(response) == {"occurred_at": "time_zone_required"}
    assert "+08:00" in response.get_json()["errors"][0]["message"]


def test_an_event_dated_before_the_application_was_submitted_is_refused(client, submitted):
    response = post_event(client, event(submitted, "e1", "accepted", minutes=-60 * 24))

    assert response.status_code == 422 and _errors(response) == {"occurred_at": "before_submission"}


def test_an_event_dated_months_ahead_is_refused_and_not_shown(client, as_applicant, submitted):
    # The tester's case: an approval dated 2027-06-01 arriving in November 2026.
    response = post_event(client, {**event(submitted, "e1", "accepted"), "occurred_at": "2027-06-01T09:00:00+08:00"})

    assert response.status_code == 422 and _errors(response) == {"occurred_at": "occurred_in_future"}
    assert "2026-11-25 10:00" in response.get_json()["errors"][0]["message"]  # our clock, China time
    timeline = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()["timeline"]
    assert "accepted" not in [entry["event"] for entry in timeline]


def test_an_event_a_minute_ahead_of_our_clock_is_taken_as_clock_skew(client, submitted):
    response = post_event(client, event(submitted, "e1", "accepted", minutes=1))

    assert response.status_code == 200, response.get_json()


def test_a_public_notice_that_started_or_ended_before_the_application_was_submitted_is_refused(client, as_applicant,
                                                                                   submitted):
    # Seed 004 (政策告知书 三): 区民政局审定 → 公示 → 发放: the notice follows the decision on this application,
    # so it cannot have ended before the application was submitted (2026-11-25).
    response = post_event(client, event(submitted, "e1", "public_notice", notice_from="2020-01-01",
                                        notice_to="2020-01-07"))

    assert response.status_code == 422 and _errors(response) == {"notice_from": "notice_before_submission"}
    assert "2026-11-25" in response.get_json()["errors"][0]["message"]
    started_before = post_event(client, event(submitted, "e2", "public_notice", notice_from="2026-11-20",
                                              notice_to="2026-12-20"))
    assert started_before.status_code == 422 and _errors(started_before) == {"notice_from": "notice_before_submission"}
    timeline = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()["timeline"]
    assert "public_notice" not in [entry["event"] for entry in timeline]


def test_a_public_notice_without_its_dates_is_told_they_are_required(client, submitted):
    response = post_event(client, event(submitted, "e1", "public_notice"))

    assert response.status_code == 422
    assert _errors(response) == {"notice_from": "required", "notice_to": "required"}
    assert all("请填写" in error["message"] for error in response.get_json()["errors"])


def test_an_event_id_sent_again_for_a_different_decision_is_refused_and_the_first_stands(client, as_applicant,
                                                                                        submitted):
    post_event(client, event(submitted, "e3", "federation_review_passed"))

    again = post_event(client, event(submitted, "e3", "rejected", reason="不符合条件"))

    assert again.status_code == 409
    assert again.get_json()["code"] == "event_id_reused"
    assert "e3" in again.get_json()["detail"] and "残联审核通过" in again.get_json()["detail"]
    status = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()
    assert status["stage"] == "civil_affairs_approval"
    assert "rejected" not in [entry["event"] for entry in status["timeline"]]


def test_an_event_id_sent_again_with_other_decision_fields_is_refused(client, submitted):
    approval = {"monthly_amounts": {"nursing": "80.00"}, "start_month": "2026-11"}
    assert post_event(client, event(submitted, "e1", "approved", **approval)).status_code == 200

    other_amount = post_event(client, event(submitted, "e1", "approved", **{**approval,
                                                                              "monthly_amounts": {"nursing": "90.00"}}))
    same_amount_written_otherwise = post_event(client, event(submitted, "e1", "approved", **{
        **approval, "monthly_amounts": {"nursing": "80"}}))

    assert other_amount.status_code == 409 and other_amount.get_json()["code"] == "event_id_reused"
    assert same_amount_written_otherwise.status_code == 200
    assert same_amount_written_otherwise.get_json()["duplicate"] is True


def test_an_event_id_sent_again_for_another_application_is_refused(client, as_applicant, submitted):
    other = flows.submitted(as_applicant, subsidies=["nursing"], photos=("id_card_front", "id_card_back",
                                                                         "disability_certificate"))
    post_event(client, event(submitted, "e1", "accepted"))

    response = post_event(client, event(other, "e1", "accepted"))

    assert response.status_code == 409 and response.get_json()["code"] == "event_id_reused"
    assert as_applicant.get(f"/applications/{other['id']}/status").get_json()["stage"] == "handed_off"


def test_refusals_of_review_events_are_localised(client, submitted):
    raw = json.dumps(event(submitted, "e1", "public_notice", notice_from="2026-02-30", notice_to="2026-12-10"))
    headers = {"Content-Type": "application/json", "Accept-Language": "en",
               **sign(TEST_REVIEW_SECRET.encode(), raw.encode(), int(DEFAULT_NOW.timestamp()))}
    response = client.client.post("/api/v1/review/events", data=raw, headers=headers)

    assert response.status_code == 422
    assert response.headers["Content-Type"].startswith("application/problem+json")
    message = response.get_json()["errors"][0]["message"]
    assert message.isascii() and "2020-05-03" in message


def test_an_approval_over_http_is_checked_like_one_from_the_desk(client, submitted):
    response = post_event(client, event(submitted, "e1", "approved", monthly_amounts={"nursing": "80.00",
                                                                                       "living": "80.00"},
                                        start_month="2019-01"))

    assert response.status_code == 422
    assert _errors(response) == {"monthly_amounts.living": "subsidy_not_applied_for",
                                 "start_month": "start_month_too_early"}


def test_a_review_systems_approval_from_a_renewed_certificates_month_reaches_the_applicant_flagged(
        client, as_applicant, as_reviewer):
    # Seed 001 item 13: 应于新残疾人证发证当月计发. The provincial system knows the application is a renewal; our
    # evaluator, never told when the old certificate ran out, counts from the month of application (2026-11).
    fields = complete_fields(issue_date="2026-09-10", valid_until="2031-09-10")
    renewal = flows.submitted(as_applicant, subsidies=["nursing"], fields=fields,
                              photos=("id_card_front", "id_card_back", "disability_certificate"))
    post_event(client, event(renewal, "e1", "accepted"))

    response = post_event(client, event(renewal, "e2", "approved", monthly_amounts={"nursing": "80.00"},
                                        start_month="2026-09"))

    assert response.status_code == 200, response.get_json()
    status = as_applicant.get(f"/applications/{renewal['id']}/status").get_json()
    assert status["stage"] == "approved"
    assert next(entry for entry in status["timeline"] if entry["event"] == "approved")["start_month"] == "2026-09"
    [flag] = as_reviewer.get("/review/applications").get_json()["applications"][0]["review_flags"]
    assert (flag["code"], flag["start_month"]) == ("start_month_differs_from_policy",
                                                   {"approved": "2026-09", "policy": "2026-11"})


def test_an_unsigned_body_is_refused_for_its_signature_before_its_content_is_looked_at(client):
    # Nothing about a request that is not the review system's is worth telling its sender, its JSON included.
    response = client.client.post("/api/v1/review/events", data=b"{not json",
                                  headers={"Content-Type": "application/json"})
    assert response.status_code == 401
    assert response.get_json()["code"] == "signature_missing"
