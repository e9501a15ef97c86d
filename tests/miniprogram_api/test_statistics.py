"""The monthly statistics (seed 002: 省民政厅和省残联将对各地在线申请办理情况进行月度统计) count applications, not
events: each application once per outcome in the month, and an event that did not change the stage (a second
approval, a rejection after an approval, a correction request older than the resubmission) not at all."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from backend.review.signing import sign
from tests.conftest import TEST_REVIEW_SECRET
from tests.support import flows

NURSING_PHOTOS = ("id_card_front", "id_card_back", "disability_certificate")
APPROVAL = {"monthly_amounts": {"nursing": "80.00"}, "start_month": "2026-11"}


@pytest.fixture
def submitted(as_applicant):
    return flows.submitted(as_applicant, subsidies=["nursing"], photos=NURSING_PHOTOS)


@pytest.fixture
def review_system(client, clock):
    """The external review system posting its signed events, dated `minutes` from our clock's present."""
    def post(application: dict, event_id: str, kind: str, *, minutes: float = 0, **fields) -> dict:
        at = clock.current + timedelta(minutes=minutes)
        raw = json.dumps({"event_id": event_id, "type": kind, "application_reference": application["reference"],
                          "occurred_at": at.isoformat(), **fields}).encode()
        response = client.client.post("/api/v1/review/events", data=raw, headers={
            "Content-Type": "application/json",
            **sign(TEST_REVIEW_SECRET.encode(), raw, int(clock.current.timestamp()))})
        assert response.status_code == 200, response.get_json()
        return response.get_json()
    return post


def totals(as_admin, month: str = "2026-11") -> dict:
    return as_admin.get("/admin/statistics", query_string={"month": month}).get_json()["totals"]


def test_an_application_approved_twice_is_counted_once(as_admin, submitted, review_system):
    review_system(submitted, "e1", "approved", **APPROVAL)
    second = review_system(submitted, "e2", "approved", **APPROVAL)  # another id for the same decision

    assert second["moved"] is False
    figures = totals(as_admin)
    assert (figures["approved"], figures["decided"]) == (1, 1)


def test_a_rejection_after_the_approval_is_not_counted(as_admin, submitted, review_system):
    review_system(submitted, "e1", "approved", **APPROVAL)
    review_system(submitted, "e2", "rejected", reason="不符合条件")  # too late: the approval stands

    figures = totals(as_admin)
    assert (figures["approved"], figures["rejected"], figures["decided"]) == (1, 0, 1)
    assert figures["approved"] + figures["rejected"] <= figures["decided"]


def test_a_stale_correction_and_a_resubmission_are_not_counted_again(as_applicant, as_admin, clock, submitted,
                                                                     review_system):
    review_system(submitted, "c1", "correction_requested", reason="地址不全", items=["applicant.address"])
    clock.advance(minutes=2)
    current = as_applicant.get(f"/applications/{submitted['id']}").get_json()
    as_applicant.patch(f"/applications/{submitted['id']}", json={"applicant": {"address": "重庆市武隆区芙蓉路1号"}},
                       version=current["version"])
    assert as_applicant.post(f"/applications/{submitted['id']}/submit").status_code == 200  # handed off again
    # The review system's second request was made before the resubmission: it does not send it back again.
    stale = review_system(submitted, "c2", "correction_requested", minutes=-1, reason="地址不全",
                          items=["applicant.address"])

    assert stale["moved"] is False
    figures = totals(as_admin)
    assert (figures["corrections_requested"], figures["handed_off"], figures["received"]) == (1, 1, 1)


def test_an_application_asked_twice_for_a_correction_in_the_month_counts_once(as_applicant, as_admin, clock,
                                                                             submitted, review_system):
    review_system(submitted, "c1", "correction_requested", reason="地址不全", items=["applicant.address"])
    clock.advance(minutes=2)
    current = as_applicant.get(f"/applications/{submitted['id']}").get_json()
    as_applicant.patch(f"/applications/{submitted['id']}", json={"applicant": {"address": "重庆市武隆区芙蓉路1号"}},
                       version=current["version"])
    as_applicant.post(f"/applications/{submitted['id']}/submit")
    clock.advance(minutes=2)
    again = review_system(submitted, "c2", "correction_requested", reason="门牌号不对", items=["applicant.address"])

    assert again["moved"] is True
    assert totals(as_admin)["corrections_requested"] == 1


def test_two_applications_are_two(as_applicant, as_admin, submitted, review_system):
    other = flows.submitted(as_applicant, subsidies=["nursing"], photos=NURSING_PHOTOS)
    review_system(submitted, "e1", "approved", **APPROVAL)
    review_system(other, "e2", "rejected", reason="不符合条件")

    figures = totals(as_admin)
    assert (figures["handed_off"], figures["approved"], figures["rejected"], figures["decided"]) == (2, 1, 1, 2)
