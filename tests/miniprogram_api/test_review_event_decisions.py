"""What the applicant is shown of the review system's decisions: only decisions that moved the application
count. Events are kept in the timeline as they came, but one that did not move it (a second approval, a
rejection after payment began) changes nothing the person reads; a decision on a withdrawn application is refused
(409 application_withdrawn), so the review system learns the person took it back."""

from __future__ import annotations

import pytest

from tests.miniprogram_api.test_review_events import event, post_event
from tests.support import flows


@pytest.fixture
def submitted(as_applicant):
    return flows.submitted(as_applicant, subsidies=["nursing"], photos=("id_card_front", "id_card_back",
                                                                        "disability_certificate"))


def test_a_second_approval_or_a_late_rejection_does_not_change_the_decision_shown(client, as_applicant, submitted):
    post_event(client, event(submitted, "e1", "accepted", minutes=1))
    first = post_event(client, event(submitted, "e2", "approved", minutes=2, start_month="2026-11",
                                     monthly_amounts={"nursing": "80.00"}))
    post_event(client, event(submitted, "e3", "payment_started", minutes=3))
    again = post_event(client, event(submitted, "e4", "approved", minutes=4, start_month="2031-01",
                                     monthly_amounts={"nursing": "80.00"}))
    late_no = post_event(client, event(submitted, "e5", "rejected", minutes=5, reason="不符合条件"))
    assert first.get_json()["moved"] and not again.get_json()["moved"] and not late_no.get_json()["moved"]
    status = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()
    assert status["stage"] == "paying"
    assert status["decision"]["outcome"] == "approved" and status["decision"]["start_month"] == "2026-11"
    events = [entry["event"] for entry in status["timeline"]]
    assert events.count("approved") == 2 and "rejected" in events   # on record, as they came


def test_an_approval_of_a_withdrawn_application_shows_no_amount(client, as_applicant, submitted):
    assert as_applicant.post(f"/applications/{submitted['id']}/withdraw").status_code == 200
    late = post_event(client, event(submitted, "e1", "approved", minutes=1, start_month="2026-11",
                                    monthly_amounts={"nursing": "80.00"}))
    assert late.status_code == 409 and late.get_json()["code"] == "application_withdrawn"  # the office is told
    status = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()
    assert status["stage"] == "withdrawn" and status["decision"] is None
