"""The review office's side, end to end over loopback: our API served on a real port, the fake review system
receiving the hand-offs over HTTP and posting its signed events back to that port, as the provincial or
national system would. What the office is told, and what the applicant and their followers are told."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backend.review.handoff import dispatch_handoffs
from backend.review.http_system import HttpReviewSystem
from fake_review_system.server import running_review_system
from tests.conftest import TEST_REVIEW_SECRET, login
from tests.fake_wechat.wsgi_thread import serving
from tests.support import flows
from tests.support.factories import complete_fields


@pytest.fixture
def office(app, runtime, clock):
    """The review system: it receives our packets and posts its events to our API over HTTP."""
    with running_review_system(TEST_REVIEW_SECRET) as system, serving(app) as base:
        runtime.review_system = HttpReviewSystem(system.url, TEST_REVIEW_SECRET.encode(), timeout=0.5)
        yield Office(system, f"{base}/api/v1", clock)


class Office:
    def __init__(self, system, api: str, clock) -> None:
        self.system, self.api, self.clock = system, api, clock
        self._count = 0

    def decides(self, reference: str, kind: str, *, minutes: int = 1, event_id: str | None = None, **fields):
        """Posts a signed event, dated `minutes` after our clock's now, as the office's system would."""
        self._count += 1
        at = self.clock() + timedelta(minutes=minutes)
        event = {"event_id": event_id or f"office-{self._count}", "type": kind, "application_reference": reference,
                 "occurred_at": at.isoformat(), **fields}
        return self.system.post_event(self.api, event, timestamp=int(self.clock().timestamp()))


@pytest.fixture
def delivered(as_applicant, office):
    application = flows.submitted(as_applicant, subsidies=["nursing"],
                                  photos=("id_card_front", "id_card_back", "disability_certificate"))
    assert office.system.state.references == [application["reference"]]
    return application


def test_a_decision_on_an_application_withdrawn_after_delivery_tells_the_office_and_is_not_shown(
        as_applicant, office, delivered):
    assert as_applicant.post(f"/applications/{delivered['id']}/withdraw").status_code == 200

    accepted = office.decides(delivered["reference"], "accepted")
    approved = office.decides(delivered["reference"], "approved", minutes=2, monthly_amounts={"nursing": "80.00"},
                              start_month="2026-11")

    for answer in (accepted, approved):
        assert answer.status_code == 409
        problem = answer.json()
        assert problem["code"] == "application_withdrawn"
        assert delivered["reference"] in problem["detail"] and "2026-11-25" in problem["detail"]
    status = as_applicant.get(f"/applications/{delivered['id']}/status").get_json()
    assert status["stage"] == "withdrawn" and status["decision"] is None
    assert [entry["event"] for entry in status["timeline"]][-1] == "withdrawn"  # no approval after the withdrawal


def test_an_approval_the_office_made_after_asking_for_a_correction_ends_the_wait_for_it(as_applicant, office,
                                                                                      delivered):
    asked = office.decides(delivered["reference"], "correction_requested", minutes=1, reason="残疾人证照片看不清",
                           items=["disability_certificate"])
    office.clock.advance(minutes=10)
    approved = office.decides(delivered["reference"], "approved", monthly_amounts={"nursing": "80.00"},
                              start_month="2026-11")

    assert asked.status_code == 200 and approved.status_code == 200
    assert approved.json()["moved"] is True and approved.json()["stage"] == "approved"
    status = as_applicant.get(f"/applications/{delivered['id']}/status").get_json()
    assert status["stage"] == "approved" and status["action_required"] is None
    assert status["decision"]["outcome"] == "approved"


def test_an_approval_made_before_the_correction_request_still_waits_for_the_correction(as_applicant, office,
                                                                                       delivered):
    office.clock.advance(minutes=10)
    office.decides(delivered["reference"], "correction_requested", reason="残疾人证照片看不清",
                   items=["disability_certificate"])
    late = office.decides(delivered["reference"], "approved", minutes=-5, monthly_amounts={"nursing": "80.00"},
                          start_month="2026-11")  # made before the request, arriving after it

    assert late.status_code == 200 and late.json()["moved"] is False
    status = as_applicant.get(f"/applications/{delivered['id']}/status").get_json()
    assert status["stage"] == "correction_requested" and status["decision"] is None


def _office_approves(app, office, reference: str, **decision):
    answer = office.decides(reference, "approved", **decision)
    assert answer.status_code == 200, answer.json()
    reviewer = login(app, "demo-reviewer")
    listed = [item for item in reviewer.get("/review/applications").get_json()["applications"]
              if item["reference"] == reference][0]
    return listed["review_flags"], login(app, "demo-admin").get(
        "/admin/statistics", query_string={"month": "2026-11"}).get_json()["totals"]


def test_an_approval_from_a_month_later_than_the_month_of_application_is_accepted_and_flagged(
        app, as_applicant, office, delivered):
    # Seed 001 item 9: 自残疾人递交申请当月计发补贴. Applied in November 2026; the office starts payment in
    # February 2027, three months of subsidy fewer. The office is the authority, so the approval stands, but a
    # later start than the seed's went unflagged while an earlier one was flagged.
    flags, totals = _office_approves(app, office, delivered["reference"], monthly_amounts={"nursing": "80.00"},
                                     start_month="2027-02")

    assert flags == [{"code": "start_month_differs_from_policy",
                      "start_month": {"approved": "2027-02", "policy": "2026-11"}, "source": flags[0]["source"]}]
    assert "seed 001 item 9" in flags[0]["source"]
    assert totals["approved_start_month_differs"] == 1


def test_an_approval_of_a_subsidy_our_policy_data_says_is_not_due_is_accepted_and_flagged(app, as_applicant, office):
    # Seed 004 (政策告知书 一.2): the nursing subsidy is for grades 1 and 2; a grade 3 physical disability (category
    # 4) does not qualify in Wulong. The office approves it anyway: it stands, and someone checks which is wrong.
    application = flows.submitted(as_applicant, subsidies=["nursing"], fields=complete_fields(grade=3),
                                  photos=("id_card_front", "id_card_back", "disability_certificate"))

    flags, totals = _office_approves(app, office, application["reference"], monthly_amounts={"nursing": "80.00"},
                                     start_month="2026-11")

    assert [flag["code"] for flag in flags] == ["not_eligible_by_policy"]
    assert list(flags[0]["subsidies"]) == ["nursing"] and flags[0]["subsidies"]["nursing"]
    assert "seed 004" in flags[0]["source"]
    assert totals["approved_not_eligible_by_policy"] == 1 and totals["approved"] == 1


def test_an_approval_as_our_policy_data_gives_it_carries_no_flag(app, as_applicant, office, delivered):
    flags, totals = _office_approves(app, office, delivered["reference"], monthly_amounts={"nursing": "80.00"},
                                     start_month="2026-11")

    assert flags == []
    assert totals["approved_start_month_differs"] == 0 and totals["approved_not_eligible_by_policy"] == 0


def test_the_approval_names_its_start_month_in_words_in_every_form(app, as_applicant, office, delivered):
    office.decides(delivered["reference"], "approved", monthly_amounts={"nursing": "80.00"}, start_month="2026-11")

    decision = as_applicant.get(f"/applications/{delivered['id']}/status").get_json()["decision"]
    assert decision["start_month"] == "2026-11"  # the value, for programs
    assert decision["text"] == "每月重度残疾人护理补贴80元，从2026年11月起计发。"
    assert decision["easy_read"] == "每月护理补贴80元。从2026年11月开始。"
    english = as_applicant.get(f"/applications/{delivered['id']}/status", headers={"Accept-Language": "en"})
    assert "2026-11" in english.get_json()["decision"]["text"]


@pytest.mark.parametrize("outage", ["refused", "http_503"])
def test_a_night_when_the_review_system_is_down_parks_nothing_and_every_application_arrives_in_order(
        app, as_applicant, office, runtime, clock, outage):
    # Eight attempts (the default) used to be spent in about ten minutes of sweeps: the oldest hand-off was parked
    # as dead, then the next, all night, each waiting for an administrator while its applicant read "已提交".
    if outage == "refused":
        office.system.stop()
    else:
        office.system.state.fail_next(10_000, mode=outage)
    submitted = [flows.submitted(login(app, "demo-applicant"))["reference"] for _ in range(3)]
    for _ in range(12 * 6):  # twelve hours of the periodic sweep, every ten minutes
        clock.advance(minutes=10)
        dispatch_handoffs()
    admin = login(app, "demo-admin")
    assert admin.get("/admin/handoffs?status=dead").get_json()["handoffs"] == []
    waiting = admin.get("/admin/handoffs?status=waiting").get_json()["handoffs"]
    assert [item["reference"] for item in waiting] == submitted
    attempts_made = office.system.state.attempts
    assert attempts_made <= 12 + 20  # thinned out to about one an hour, not one every sweep

    if outage == "refused":
        office.system.start()
    office.system.state._faults.clear()
    clock.advance(minutes=61)
    dispatch_handoffs()

    assert office.system.state.references == submitted  # each once, in the order submitted
    mine = login(app, "demo-applicant").get("/applications").get_json()["applications"]
    assert {item["stage"] for item in mine if item["reference"] in submitted} == {"handed_off"}
