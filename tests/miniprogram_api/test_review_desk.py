"""The built-in review desk: reviewers of a region act, the applicant sees each decision at once."""

from __future__ import annotations

import pytest

from tests.support import flows


@pytest.fixture
def submitted(as_applicant):
    return flows.submitted(as_applicant)


def decide(as_reviewer, application_id, **decision):
    return as_reviewer.post(f"/review/applications/{application_id}/decisions", json=decision)


def test_submitted_application_is_handed_off_to_the_desk(as_applicant, submitted):
    status = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()
    assert status["stage"] == "handed_off"
    assert status["stage_label"]["text"] == "已送达审核"
    assert [entry["event"] for entry in status["timeline"]] == ["created", "submitted", "handed_off"]
    assert status["deadlines"]["hand_off_by"] == "2026-11-30"  # Wed 25th + 3 working days: Thu, Fri, Mon
    assert "023-77724047" in [contact["phone"] for contact in status["contacts"]]
    assert status["next_step"]["by"] == status["deadlines"]["decision_by"]


def test_reviewer_of_the_region_sees_it_and_one_elsewhere_does_not(as_reviewer, as_reviewer_elsewhere, submitted):
    listed = as_reviewer.get("/review/applications").get_json()["applications"]
    assert [item["id"] for item in listed] == [submitted["id"]]
    assert listed[0]["applicant"]["id_number"].count("*") == 10
    assert listed[0]["eligibility_at_submission"]["subsidies"]["nursing"]["outcome"] == "eligible"
    assert as_reviewer_elsewhere.get("/review/applications").get_json()["applications"] == []
    assert decide(as_reviewer_elsewhere, submitted["id"], type="accepted").status_code == 404


def test_reviewer_cannot_see_drafts(as_applicant, as_reviewer):
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self"}).get_json()
    assert as_reviewer.get(f"/applications/{draft['id']}").status_code == 404


def test_each_decision_moves_the_status_the_applicant_sees(as_applicant, as_reviewer, submitted):
    app_id = submitted["id"]
    steps = [
        ({"type": "accepted"}, "accepted"),
        ({"type": "township_review_passed"}, "federation_review"),
        ({"type": "federation_review_passed"}, "civil_affairs_approval"),
        ({"type": "approved", "monthly_amounts": {"living": "80.00", "nursing": "80.00"}, "start_month": "2026-11"},
         "approved"),
        ({"type": "public_notice", "notice_from": "2026-12-01", "notice_to": "2026-12-07"}, "public_notice"),
        ({"type": "payment_started"}, "paying"),
    ]
    for decision, stage in steps:
        response = decide(as_reviewer, app_id, **decision)
        assert response.status_code == 200, response.get_json()
        assert as_applicant.get(f"/applications/{app_id}/status").get_json()["stage"] == stage
    status = as_applicant.get(f"/applications/{app_id}/status").get_json()
    assert status["decision"]["outcome"] == "approved"
    assert "80元" in status["decision"]["text"]
    assert all("演示审核员" not in entry["text"] for entry in status["timeline"])
    assert {entry["actor_role"] for entry in status["timeline"]} >= {"township", "civil_affairs"}


def test_correction_request_names_reason_and_items_and_resubmission_returns_to_submitted(
        as_applicant, as_reviewer, submitted):
    app_id = submitted["id"]
    response = decide(as_reviewer, app_id, type="correction_requested", reason="有效期填错了",
                      items=["certificate.valid_until"])
    assert response.status_code == 200, response.get_json()
    status = as_applicant.get(f"/applications/{app_id}/status").get_json()
    assert status["stage"] == "correction_requested"
    assert status["action_required"]["items"] == ["certificate.valid_until"]
    assert "有效期填错了" in status["action_required"]["text"]
    current = as_applicant.get(f"/applications/{app_id}").get_json()
    not_asked = as_applicant.patch(f"/applications/{app_id}", json={"applicant": {"name": "别的名字"}},
                                   version=current["version"])
    assert not_asked.status_code == 422
    assert not_asked.get_json()["errors"][0]["code"] == "not_asked_for_in_correction"
    fixed = as_applicant.patch(f"/applications/{app_id}", json={"certificate": {"valid_until": "2030-06-10"}},
                               version=current["version"])
    assert fixed.status_code == 200, fixed.get_json()
    resubmitted = as_applicant.post(f"/applications/{app_id}/submit")
    assert resubmitted.status_code == 200
    status = as_applicant.get(f"/applications/{app_id}/status").get_json()
    assert status["stage"] == "handed_off"
    assert "resubmitted" in [entry["event"] for entry in status["timeline"]]


def test_rejection_needs_a_reason_and_the_applicant_sees_it(as_applicant, as_reviewer, submitted):
    assert decide(as_reviewer, submitted["id"], type="rejected").status_code == 422
    assert decide(as_reviewer, submitted["id"], type="rejected", reason="未纳入低保").status_code == 200
    status = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()
    assert status["stage"] == "rejected"
    assert status["decision"] == {"outcome": "rejected", "reason": "未纳入低保"}
    assert "未纳入低保" in status["timeline"][-1]["text"]


def test_desk_refuses_a_decision_that_does_not_fit_the_stage(as_reviewer, submitted):
    assert decide(as_reviewer, submitted["id"], type="payment_started").status_code == 200
    response = decide(as_reviewer, submitted["id"], type="accepted")
    assert response.status_code == 409
    assert response.get_json()["code"] == "decision_not_possible_now"


def test_applicant_is_notified_of_each_decision(as_applicant, as_reviewer, submitted):
    decide(as_reviewer, submitted["id"], type="accepted")
    notes = as_applicant.get("/notifications").get_json()["notifications"]
    assert [note["event"] for note in notes][:2] == ["accepted", "handed_off"]
    assert notes[0]["read"] is False
    read = as_applicant.post(f"/notifications/{notes[0]['id']}/read")
    assert read.get_json()["read"] is True
