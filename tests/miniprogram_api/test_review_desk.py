"""The built-in review desk: reviewers of a region act, the applicant sees each decision at once."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.support import flows
from tests.support.factories import complete_fields


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


def test_the_day_a_decision_is_due_is_written_as_people_write_dates_not_as_iso(as_applicant, as_reviewer, submitted):
    import re

    decide(as_reviewer, submitted["id"], type="accepted")
    step = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()["next_step"]
    year, month, day = (int(part) for part in step["by"].split("-"))  # the data keeps the ISO form
    assert f"{year}年{month}月{day}日" in step["text"] and f"{year}年{month}月{day}日前" in step["easy_read"]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", step["text"] + step["easy_read"])


def test_an_english_reader_gets_the_items_to_correct_as_an_english_list(app, as_reviewer, submitted):
    decide(as_reviewer, submitted["id"], type="correction_requested", reason="有效期填错了",
           items=["certificate.valid_until", "certificate.number"])
    english = login(app, "demo-applicant", locale="en")
    asked = english.get(f"/applications/{submitted['id']}/status").get_json()["action_required"]
    assert "、" not in asked["text"] and "、" not in asked["easy_read"]
    assert ", " in asked["text"] and ", " in asked["easy_read"]


def test_an_english_reader_gets_both_monthly_amounts_as_an_english_list(app, as_reviewer, submitted):
    for decision in ({"type": "accepted"}, {"type": "township_review_passed"}, {"type": "federation_review_passed"},
                     {"type": "approved", "monthly_amounts": {"living": "80.00", "nursing": "90.00"},
                      "start_month": "2026-11"}):
        assert decide(as_reviewer, submitted["id"], **decision).status_code == 200
    english = login(app, "demo-applicant", locale="en")
    decided = english.get(f"/applications/{submitted['id']}/status").get_json()["decision"]
    assert "，" not in decided["text"] and "，" not in decided["easy_read"]
    assert "80" in decided["text"] and "90" in decided["text"]


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


def test_during_a_correction_a_value_given_again_unchanged_is_no_change_and_not_refused(
        as_applicant, as_reviewer, submitted):
    # A conversation walks through every answer and the person confirms "没有" again: that must not loop on
    # "审核人员没有要求修改…".
    app_id = submitted["id"]
    decide(as_reviewer, app_id, type="correction_requested", reason="电话打不通", items=["applicant.phone"])
    current = as_applicant.get(f"/applications/{app_id}?reveal=true").get_json()
    again = as_applicant.patch(f"/applications/{app_id}", version=current["version"], json={
        "applicant": {"phone": "13900008888", "name": current["applicant"]["name"]},
        "other_benefits": current["other_benefits"] or []})
    assert again.status_code == 200, again.get_json()
    changed = as_applicant.patch(f"/applications/{app_id}", version=again.get_json()["version"],
                                 json={"applicant": {"name": "别的名字"}})
    assert changed.status_code == 422 and changed.get_json()["errors"][0]["code"] == "not_asked_for_in_correction"


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


@pytest.fixture
def nursing_only(as_applicant):
    """A grade-2 applicant of Wulong (seed 004: nursing 80 yuan a month for grade 2) asking for nursing only."""
    return flows.submitted(as_applicant, subsidies=["nursing"], photos=("id_card_front", "id_card_back",
                                                                        "disability_certificate"))


def _approve(as_reviewer, application_id, amounts, start_month="2026-11"):
    decide(as_reviewer, application_id, type="accepted")
    return decide(as_reviewer, application_id, type="approved", monthly_amounts=amounts, start_month=start_month)


def _errors(response) -> dict[str, str]:
    return {error["field"]: error["code"] for error in response.get_json()["errors"]}


def test_desk_refuses_amounts_for_a_subsidy_not_applied_for(as_reviewer, nursing_only):
    response = _approve(as_reviewer, nursing_only["id"], {"nursing": "80.00", "living": "80.00"})

    assert response.status_code == 422
    assert _errors(response) == {"monthly_amounts.living": "subsidy_not_applied_for"}


@pytest.mark.parametrize("amount", ["0", "0.00", "-80.00"])
def test_desk_refuses_an_amount_that_is_not_positive(as_reviewer, nursing_only, amount):
    response = _approve(as_reviewer, nursing_only["id"], {"nursing": amount})

    assert response.status_code == 422
    assert set(_errors(response).values()) <= {"amount_not_positive", "amount_invalid"}


def test_desk_refuses_payment_from_before_the_month_of_application_when_the_certificate_is_no_older(
        as_applicant, as_reviewer):
    # Seed 001 item 9: 自残疾人递交申请当月计发补贴; submitted in November 2026 with a certificate of that month,
    # so no reading of seed 001 item 13 (payment from an earlier new certificate's month) applies.
    fields = complete_fields(issue_date="2026-11-02", valid_until="2036-11-02")
    application = flows.submitted(as_applicant, subsidies=["nursing"], fields=fields,
                                  photos=("id_card_front", "id_card_back", "disability_certificate"))
    response = _approve(as_reviewer, application["id"], {"nursing": "80.00"}, start_month="2026-10")

    assert response.status_code == 422
    assert _errors(response) == {"start_month": "start_month_too_early"}
    assert "2026-11" in response.get_json()["errors"][0]["message"]


def test_desk_refuses_payment_from_before_the_certificates_month_less_the_three_months_of_back_pay(
        as_reviewer, nursing_only):
    # The certificate was issued in June 2019: had the application been a renewal, seed 001 item 13 would count
    # payment from that month and pay back at most 3 months before it (March 2019). Nothing reads earlier.
    response = _approve(as_reviewer, nursing_only["id"], {"nursing": "80.00"}, start_month="2019-02")

    assert response.status_code == 422
    assert _errors(response) == {"start_month": "start_month_too_early"}
    assert "2019-03" in response.get_json()["errors"][0]["message"]


def test_the_reviewers_example_of_approving_anything_is_refused(as_reviewer, nursing_only):
    response = _approve(as_reviewer, nursing_only["id"], {"nursing": "5000.00", "living": "80.00"},
                        start_month="2019-01")

    assert response.status_code == 422
    assert _errors(response) == {"monthly_amounts.living": "subsidy_not_applied_for",
                                 "start_month": "start_month_too_early"}


def renewal(as_applicant, *, issue_date: str, previous_valid_until: str | None = None) -> dict:
    fields = complete_fields(issue_date=issue_date, valid_until="2031-10-10")
    if previous_valid_until:
        fields["certificate"]["previous_valid_until"] = previous_valid_until
    return flows.submitted(as_applicant, subsidies=["nursing"], fields=fields,
                           photos=("id_card_front", "id_card_back", "disability_certificate"))


def test_a_renewal_approved_from_the_new_certificates_month_is_accepted_and_flagged_though_it_was_not_entered_as_one(
        as_applicant, as_reviewer, as_admin):
    # Seed 001 item 13: 重新办理残疾人证并提出补贴申请的，应于新残疾人证发证当月计发. The conversation never asks
    # for the old certificate's end, so our evaluator counts from the month of application (2026-11); the review
    # desk, which knows it is a renewal, approves from the new certificate's month (2026-09). That is lawful on
    # the seed's words: the applicant gets the approval, and the desk sees that it differs from our answer.
    application = renewal(as_applicant, issue_date="2026-09-10")

    response = _approve(as_reviewer, application["id"], {"nursing": "80.00"}, start_month="2026-09")

    assert response.status_code == 200, response.get_json()
    assert as_applicant.get(f"/applications/{application['id']}/status").get_json()["stage"] == "approved"
    listed = as_reviewer.get("/review/applications").get_json()["applications"][0]
    assert listed["review_flags"] == [{"code": "start_month_differs_from_policy",
                                       "start_month": {"approved": "2026-09", "policy": "2026-11"},
                                       "source": listed["review_flags"][0]["source"]}]
    assert "seed 001 item 13" in listed["review_flags"][0]["source"]
    figures = as_admin.get("/admin/statistics", query_string={"month": "2026-11"}).get_json()
    assert figures["totals"]["approved_start_month_differs"] == 1


def test_on_a_certificate_renewal_up_to_three_months_before_the_new_certificates_month_may_be_paid_back(
        as_applicant, as_reviewer):
    # Seed 001 item 13: the old certificate ran out in June, the new one came in October, the application in
    # November. Our evaluator pays at most 3 months before the month of application (August to October:
    # docs/policy.md, `starts`); the seed's words count from October and pay back up to 3 months (July). July is
    # accepted with a flag; June is earlier than any reading allows.
    application = renewal(as_applicant, issue_date="2026-10-10", previous_valid_until="2026-06-30")

    too_early = _approve(as_reviewer, application["id"], {"nursing": "80.00"}, start_month="2026-06")
    assert too_early.status_code == 422 and _errors(too_early) == {"start_month": "start_month_too_early"}
    assert "2026-07" in too_early.get_json()["errors"][0]["message"]
    flagged = decide(as_reviewer, application["id"], type="approved", monthly_amounts={"nursing": "80.00"},
                     start_month="2026-07")
    assert flagged.status_code == 200, flagged.get_json()
    [flag] = as_reviewer.get("/review/applications").get_json()["applications"][0]["review_flags"]
    assert flag["start_month"] == {"approved": "2026-07", "policy": "2026-08"}


def test_a_start_month_our_evaluator_allows_carries_no_flag(as_applicant, as_reviewer):
    application = renewal(as_applicant, issue_date="2026-10-10", previous_valid_until="2026-06-30")

    assert _approve(as_reviewer, application["id"], {"nursing": "80.00"}, start_month="2026-08").status_code == 200

    assert as_reviewer.get("/review/applications").get_json()["applications"][0]["review_flags"] == []


def test_an_amount_other_than_the_regions_is_accepted_and_flagged(as_applicant, as_reviewer, as_admin,
                                                                   nursing_only):
    response = _approve(as_reviewer, nursing_only["id"], {"nursing": "100.00"})

    assert response.status_code == 200, response.get_json()
    listed = as_reviewer.get("/review/applications").get_json()["applications"][0]
    assert listed["review_flags"] == [{"code": "amount_differs_from_policy",
                                       "amounts": {"nursing": {"approved": "100.00", "policy": "80.00"}},
                                       "source": listed["review_flags"][0]["source"]}]
    figures = as_admin.get("/admin/statistics", query_string={"month": "2026-11"}).get_json()
    assert figures["totals"]["approved_amount_differs"] == 1
    assert as_applicant.get(f"/applications/{nursing_only['id']}/status").get_json()["stage"] == "approved"


def test_an_amount_equal_to_the_regions_carries_no_flag(as_reviewer, nursing_only):
    assert _approve(as_reviewer, nursing_only["id"], {"nursing": "80"}).status_code == 200

    assert as_reviewer.get("/review/applications").get_json()["applications"][0]["review_flags"] == []


def test_each_item_on_the_desk_shows_its_deadlines_and_whether_it_is_late(as_reviewer, submitted):
    item = as_reviewer.get("/review/applications").get_json()["applications"][0]

    # Seed 001 item 7: 3 working days to hand off, 10 to decide, as the applicant's status shows them.
    assert (item["deadlines"]["hand_off_by"], item["deadlines"]["decision_by"]) == ("2026-11-30", "2026-12-09")
    assert item["late"] is False and item["review_flags"] == []


def test_late_applications_can_be_listed_alone_or_first(app, demo_accounts, clock):
    from tests.conftest import login

    clock.set_china_time("2026-11-25 10:00")
    early = flows.submitted(login(app, "demo-applicant"), subsidies=["nursing"],
                            photos=("id_card_front", "id_card_back", "disability_certificate"))
    clock.set_china_time("2026-12-14 10:00")  # past the decision deadline of 2026-12-09
    recent = flows.submitted(login(app, "demo-applicant"), subsidies=["nursing"],
                             photos=("id_card_front", "id_card_back", "disability_certificate"))
    reviewer = login(app, "demo-reviewer")

    def listed(**query) -> list[tuple[str, bool]]:
        items = reviewer.get("/review/applications", query_string=query).get_json()["applications"]
        return [(item["id"], item["late"]) for item in items]

    assert listed() == [(recent["id"], False), (early["id"], True)]
    assert listed(late="true") == [(early["id"], True)]
    assert listed(late="false") == [(recent["id"], False)]
    assert listed(sort="late_first") == [(early["id"], True), (recent["id"], False)]
    late_item = reviewer.get("/review/applications", query_string={"late": "true"}).get_json()["applications"][0]
    assert late_item["deadlines"]["decision_late"] is True


def test_a_decision_made_before_the_delivery_is_confirmed_is_not_followed_by_delivered_news(
        as_applicant, as_reviewer, runtime):
    from backend.review.handoff import dispatch_handoffs

    jobs, runtime.jobs = runtime.jobs, None      # the queue is slow: the desk sees the submission first
    application = flows.submitted(as_applicant)
    runtime.jobs = jobs
    assert decide(as_reviewer, application["id"], type="accepted").status_code == 200
    assert dispatch_handoffs() == 1
    news = [n["event"] for n in as_applicant.get("/notifications").get_json()["notifications"]]
    assert "accepted" in news and "handed_off" not in news
    status = as_applicant.get(f"/applications/{application['id']}/status").get_json()
    assert status["stage"] == "accepted" and "handed_off" in [entry["event"] for entry in status["timeline"]]


def test_a_misspelt_stage_filter_is_refused_not_answered_with_an_empty_list(as_reviewer, submitted):
    # Every stage the desk lists is a choice: the Literal must keep up with Stage (a draft is never listed).
    from typing import get_args

    from backend.review.desk import DESK_STAGES
    from miniprogram_api.routes.review import DeskStage

    assert set(get_args(DeskStage)) == set(DESK_STAGES)
    refused = as_reviewer.get("/review/applications?stage=handed-off")
    assert refused.status_code == 422 and refused.get_json()["errors"][0]["code"] == "not_a_choice"
    listed = as_reviewer.get("/review/applications?stage=handed_off&stage=accepted").get_json()["applications"]
    assert [item["id"] for item in listed] == [submitted["id"]]



def test_the_desk_shows_how_the_applicant_asked_to_be_contacted_in_the_reviewers_words(app, as_applicant,
                                                                                     as_reviewer, submitted):
    # A deaf applicant asked for WeChat messages: the reviewer, who sees her phone number, must see this too.
    assert as_applicant.put("/me/preferences", json={"preferred_contact": "wechat"}).status_code == 200
    item = as_reviewer.get("/review/applications").get_json()["applications"][0]
    assert item["preferred_contact"] == {"choice": "wechat", "text": "微信消息", "easy_read": "微信"}
    english = login(app, "demo-reviewer", locale="en")
    in_english = english.get("/review/applications").get_json()["applications"][0]["preferred_contact"]
    assert in_english["choice"] == "wechat" and in_english["text"] != "微信消息"


def test_an_applicant_who_chose_no_way_to_be_contacted_shows_none_on_the_desk(as_reviewer, submitted):
    assert as_reviewer.get("/review/applications").get_json()["applications"][0]["preferred_contact"] is None
