"""Applications over the API: create, autosave with If-Match, submit, withdraw; as the applicant would."""

from __future__ import annotations

import pytest

from tests.support.factories import ALL_CONSENTS, complete_fields, person
from tests.support.flows import REQUIRED_PHOTOS, ready_to_submit, upload


def start(as_applicant, **body):
    body = {"subsidies": ["living", "nursing"], "applying_as": "self", "consents": ALL_CONSENTS, **body}
    response = as_applicant.post("/applications", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_applicant_starts_a_draft_and_reads_it_back(as_applicant):
    draft = start(as_applicant)
    assert draft["stage"] == "draft"
    assert draft["reference"].startswith("LB")
    response = as_applicant.get(f"/applications/{draft['id']}")
    assert response.status_code == 200
    assert response.headers["ETag"] == f'"{draft["version"]}"'
    assert response.get_json()["subsidies"] == ["living", "nursing"]


def test_draft_is_filled_over_several_sittings_and_numbers_come_back_masked(as_applicant):
    draft = start(as_applicant)
    who = person(region="500232", born="1944-11-20")
    fields = complete_fields(who)
    first = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": fields["applicant"]},
                               version=draft["version"])
    assert first.status_code == 200, first.get_json()
    saved = first.get_json()
    assert saved["applicant"]["id_number"] == who.id_number[:4] + "*" * 10 + who.id_number[-4:]
    assert saved["applicant"]["birth_date"] == "1944-11-20"
    assert saved["applicant"]["hukou_region_suggestion"]["code"] == "500156"
    second = as_applicant.patch(f"/applications/{draft['id']}", json={"certificate": fields["certificate"]},
                                version=saved["version"])
    assert second.status_code == 200, second.get_json()
    assert second.get_json()["certificate"]["grade"] == 2
    assert second.get_json()["applicant"]["name"] == who.name


def test_stale_autosave_is_refused_and_nothing_is_overwritten(as_applicant):
    draft = start(as_applicant)
    url = f"/applications/{draft['id']}"
    phone_one = as_applicant.patch(url, json={"applicant": {"name": "王芳"}}, version=draft["version"])
    assert phone_one.status_code == 200
    phone_two = as_applicant.patch(url, json={"applicant": {"name": "王小芳"}}, version=draft["version"])
    assert phone_two.status_code == 412
    problem = phone_two.get_json()
    assert problem["code"] == "stale_version"
    assert problem["current_version"] == phone_one.get_json()["version"]
    assert phone_two.headers["ETag"] == f'"{phone_one.get_json()["version"]}"'
    assert as_applicant.get(url).get_json()["applicant"]["name"] == "王芳"


def test_save_without_if_match_is_refused_with_428(as_applicant):
    draft = start(as_applicant)
    response = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"name": "王芳"}})
    assert response.status_code == 428
    assert response.get_json()["code"] == "version_required"


def test_sensitive_field_before_consent_is_refused_and_not_stored(as_applicant):
    draft = start(as_applicant, consents=["personal_information"])
    who = person()
    response = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"id_number": who.id_number}},
                                  version=draft["version"])
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["code"] == "consent_required"
    assert problem["errors"][0]["field"] == "applicant.id_number"
    assert as_applicant.get(f"/applications/{draft['id']}").get_json()["applicant"]["id_number"] is None
    with_consent = as_applicant.patch(
        f"/applications/{draft['id']}", version=draft["version"],
        json={"consents": ["sensitive_personal_information"], "applicant": {"id_number": who.id_number}})
    assert with_consent.status_code == 200, with_consent.get_json()


def test_wrong_id_number_gets_a_specific_message(as_applicant):
    draft = start(as_applicant)
    who = person()
    wrong = who.id_number[:-1] + ("0" if who.id_number[-1] != "0" else "1")
    response = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"id_number": wrong}},
                                  version=draft["version"])
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["field"] == "applicant.id_number"
    assert error["code"] == "id_number_bad_check_character"
    assert "校验码" in error["message"]
    short = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"id_number": who.id_number[:17]}},
                               version=draft["version"])
    assert "17位" in short.get_json()["errors"][0]["message"]


def test_submit_lists_every_missing_item_at_once(as_applicant):
    draft = start(as_applicant)
    response = as_applicant.post(f"/applications/{draft['id']}/submit")
    assert response.status_code == 422
    problem = response.get_json()
    assert problem["code"] == "application_incomplete"
    fields = {error["field"] for error in problem["errors"]}
    assert {"applicant.name", "applicant.id_number", "applicant.hukou_region", "certificate.number",
            "household.status", "policy_notice_acknowledged", "identity", "disability_certificate"} <= fields
    assert all(error["message"] for error in problem["errors"])


def test_double_tapped_submit_with_the_same_key_submits_once(as_applicant):
    draft = ready_to_submit(as_applicant)
    headers = {"Idempotency-Key": "tap-1"}
    first = as_applicant.post(f"/applications/{draft['id']}/submit", headers=headers)
    second = as_applicant.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert first.status_code == 200, first.get_json()
    assert second.status_code == 200
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.get_json()["stage"] == first.get_json()["stage"]
    status = as_applicant.get(f"/applications/{draft['id']}/status").get_json()
    assert [entry["event"] for entry in status["timeline"]].count("submitted") == 1


def test_a_replayed_submit_carries_the_etag_of_the_first_answer_for_the_next_if_match(as_applicant):
    draft = ready_to_submit(as_applicant)
    headers = {"Idempotency-Key": "tap-etag"}
    first = as_applicant.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert first.status_code == 200, first.get_json()
    retried = as_applicant.post(f"/applications/{draft['id']}/submit",
                                headers={**headers, "Accept-Language": "en"})
    assert retried.headers["Idempotent-Replayed"] == "true"
    assert retried.headers["ETag"] == first.headers["ETag"] == f'"{first.get_json()["version"]}"'
    assert retried.headers["Content-Type"] == first.headers["Content-Type"]
    # The body repeats the first answer's words, so it is labelled with their language, not the retry's.
    assert retried.headers["Content-Language"] == first.headers["Content-Language"] == "zh-Hans-CN"


def test_submitted_application_cannot_be_edited(as_applicant):
    draft = ready_to_submit(as_applicant)
    submitted = as_applicant.post(f"/applications/{draft['id']}/submit").get_json()
    response = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"name": "改名"}},
                                  version=submitted["version"])
    assert response.status_code == 409
    assert response.get_json()["code"] == "not_editable"


def test_applicant_withdraws_before_review_starts(as_applicant):
    draft = start(as_applicant)
    response = as_applicant.post(f"/applications/{draft['id']}/withdraw")
    assert response.status_code == 200
    assert response.get_json()["stage"] == "withdrawn"


def test_a_withdrawn_application_says_it_has_ended_not_that_it_is_under_review(as_applicant):
    draft = start(as_applicant)
    withdrawn = as_applicant.post(f"/applications/{draft['id']}/withdraw").get_json()
    again = as_applicant.post(f"/applications/{draft['id']}/withdraw")
    assert again.status_code == 409 and again.get_json()["code"] == "cannot_withdraw"   # the code is stable
    assert "已经撤回了" in again.get_json()["detail"] and "乡镇" not in again.get_json()["detail"]
    edit = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"name": "王芳"}},
                              version=withdrawn["version"])
    assert edit.get_json()["code"] == "not_editable" and "可以重新申请" in edit.get_json()["detail"]
    assert "审核" not in edit.get_json()["detail"]


def test_applicant_withdraws_a_submitted_application_the_office_has_not_accepted(as_applicant):
    from tests.support.flows import submitted

    application = submitted(as_applicant)  # handed off to the desk, not yet accepted
    assert as_applicant.get(f"/applications/{application['id']}").get_json()["stage"] == "handed_off"

    response = as_applicant.post(f"/applications/{application['id']}/withdraw")

    assert response.status_code == 200 and response.get_json()["stage"] == "withdrawn"


def _refused_withdrawal(as_applicant, application_id):
    response = as_applicant.post(f"/applications/{application_id}/withdraw")
    assert response.status_code == 409, response.get_json()
    body = response.get_json()
    assert body["code"] == "withdraw_ask_the_office"
    # Whom to call, from the policy data of the applicant's county (seed 004, 附件2 政策告知书 三).
    assert (body["office"], body["phone"]) == ("武隆区民政局", "023-77724047")
    assert "023-77724047" in body["detail"]
    return body


def test_an_accepted_application_cannot_be_withdrawn_online_and_the_applicant_is_told_whom_to_call(
        as_applicant, as_reviewer):
    from tests.support.flows import submitted

    application = submitted(as_applicant)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})

    _refused_withdrawal(as_applicant, application["id"])
    assert as_applicant.get(f"/applications/{application['id']}").get_json()["stage"] == "accepted"
    in_english = as_applicant.post(f"/applications/{application['id']}/withdraw",
                                   headers={"Accept-Language": "en"}).get_json()
    assert "contact the Civil Affairs Bureau of Wulong District, Chongqing, phone 023-77724047" in in_english["detail"]
    assert "民政局" not in in_english["detail"] and "民政局" not in in_english["detail_easy_read"]
    assert in_english["office"] == "武隆区民政局"  # the data itself stays as the policy file gives it


def test_where_the_policy_data_names_no_office_the_refused_withdrawal_sends_the_applicant_to_the_township(
        app, as_applicant):
    # 410102 郑州市中原区: Henan's policy data (seed 002) names no office to call, unlike 500156 (seed 004).
    from tests.support.accounts import logged_in
    from tests.support.flows import submitted

    as_reviewer_in_henan = logged_in(app, "reviewer-zhongyuan", "reviewer", region="410102")
    application = submitted(as_applicant, fields=complete_fields(person(region="410102")))
    accepted = as_reviewer_in_henan.post(f"/review/applications/{application['id']}/decisions",
                                         json={"type": "accepted"})
    assert accepted.status_code == 200, accepted.get_json()

    response = as_applicant.post(f"/applications/{application['id']}/withdraw")

    assert response.status_code == 409
    body = response.get_json()
    assert body["code"] == "withdraw_ask_the_office"
    assert "office" not in body and "phone" not in body
    assert body["detail"] == ("审核机关已经开始办理这份申请，现在不能在网上撤回。如需撤回，"
                              "请联系户籍所在地的乡镇（街道）或县级残联。")
    assert "乡镇" in body["detail_easy_read"] and "电话" not in body["detail_easy_read"]
    in_english = as_applicant.post(f"/applications/{application['id']}/withdraw",
                                   headers={"Accept-Language": "en"}).get_json()
    assert "township (street office)" in in_english["detail"]


def test_an_application_sent_back_for_correction_and_resubmitted_cannot_be_withdrawn_online(
        as_applicant, as_reviewer):
    from tests.support.flows import submitted

    application = submitted(as_applicant)
    for decision in ({"type": "accepted"},
                     {"type": "correction_requested", "reason": "照片不清", "items": ["applicant.address"]}):
        as_reviewer.post(f"/review/applications/{application['id']}/decisions", json=decision)
    _refused_withdrawal(as_applicant, application["id"])  # waiting for the correction: review has started
    current = as_applicant.get(f"/applications/{application['id']}").get_json()
    fixed = as_applicant.patch(f"/applications/{application['id']}",
                               json={"applicant": {"address": "重庆市武隆区芙蓉路1号"}}, version=current["version"])
    assert fixed.status_code == 200, fixed.get_json()
    resubmitted = as_applicant.post(f"/applications/{application['id']}/submit")
    assert resubmitted.status_code == 200
    assert as_applicant.get(f"/applications/{application['id']}").get_json()["stage"] == "handed_off"

    _refused_withdrawal(as_applicant, application["id"])


def test_another_applicant_gets_404_for_my_application(as_applicant, as_other_applicant):
    draft = start(as_applicant)
    for response in (as_other_applicant.get(f"/applications/{draft['id']}"),
                     as_other_applicant.get(f"/applications/{draft['id']}/status"),
                     as_other_applicant.patch(f"/applications/{draft['id']}", json={}, version=1),
                     as_other_applicant.post(f"/applications/{draft['id']}/submit")):
        assert response.status_code == 404
        assert response.get_json()["code"] == "application_not_found"
    assert as_other_applicant.get("/applications").get_json()["applications"] == []


def test_a_submit_refused_as_incomplete_is_not_replayed_once_the_application_is_complete(as_applicant):
    # Only successful answers are kept for an Idempotency-Key: a refusal that depends on the
    # application's state frees the key, so the same key works once the cause is fixed.
    from tests.support.flows import REQUIRED_PHOTOS, upload

    draft = start(as_applicant)
    headers = {"Idempotency-Key": "submit-from-the-phone"}
    refused = as_applicant.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert refused.status_code == 422 and refused.get_json()["code"] == "application_incomplete"
    saved = as_applicant.patch(f"/applications/{draft['id']}", json=complete_fields(), version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    for kind in REQUIRED_PHOTOS:
        assert upload(as_applicant, draft["id"], kind).status_code == 201
    accepted = as_applicant.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert accepted.status_code == 200, accepted.get_json()
    assert "Idempotent-Replayed" not in accepted.headers
    again = as_applicant.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"


def test_a_garbled_if_match_is_told_what_it_must_look_like(as_applicant):
    draft = start(as_applicant)
    response = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"name": "刘建国"}},
                                  headers={"If-Match": "garbage"})
    assert response.status_code == 400
    problem = response.get_json()
    assert problem["code"] == "if_match_invalid"
    assert "If-Match" in problem["detail"] and '"3"' in problem["detail"]
    english = as_applicant.patch(f"/applications/{draft['id']}", json={}, headers={"If-Match": "garbage",
                                                                                  "Accept-Language": "en"})
    assert "If-Match" in english.get_json()["detail"]


def test_the_county_applied_from_can_be_given_or_changed_while_a_draft(as_applicant):
    draft = start(as_applicant)  # no county applied from at creation

    saved = as_applicant.patch(f"/applications/{draft['id']}", json={"applied_from_region": "140403"},
                               version=draft["version"])

    assert saved.status_code == 200, saved.get_json()
    assert saved.get_json()["applied_from_region"] == "140403"
    cleared = as_applicant.patch(f"/applications/{draft['id']}", json={"applied_from_region": None},
                                 version=saved.get_json()["version"])
    assert cleared.get_json()["applied_from_region"] is None


def test_an_unknown_county_applied_from_is_refused_with_a_field_error(as_applicant):
    draft = start(as_applicant)

    response = as_applicant.patch(f"/applications/{draft['id']}", json={"applied_from_region": "999999"},
                                  version=draft["version"])

    assert response.status_code == 422
    assert [error["field"] for error in response.get_json()["errors"]] == ["applied_from_region"]


def test_the_county_applied_from_cannot_be_changed_after_submission(as_applicant):
    application = ready_to_submit(as_applicant)
    as_applicant.post(f"/applications/{application['id']}/submit")
    current = as_applicant.get(f"/applications/{application['id']}").get_json()

    response = as_applicant.patch(f"/applications/{application['id']}", json={"applied_from_region": "140402"},
                                  version=current["version"])

    assert response.status_code == 409 and response.get_json()["code"] == "not_editable"


def test_a_person_cannot_claim_the_assistant_channel(as_applicant):
    response = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self",
                                                        "channel": "assistant"})

    assert response.status_code == 422
    assert "channel" in [error["field"] for error in response.get_json()["errors"]]
    assert as_applicant.get("/applications").get_json()["applications"] == []


def test_an_application_started_in_the_mini_program_is_counted_as_the_mini_programs(as_applicant, as_admin):
    application = ready_to_submit(as_applicant)
    assert application["channel"] == "miniprogram"
    as_applicant.post(f"/applications/{application['id']}/submit")

    totals = as_admin.get("/admin/statistics?month=2026-11").get_json()["totals"]

    assert (totals["received_miniprogram"], totals["received_assistant"]) == (1, 0)


def test_the_service_refuses_the_assistant_channel_to_anyone_but_an_assistant(runtime, demo_accounts):
    import pytest

    from backend.accounts.actor import Actor
    from backend.accounts.models import Role, User
    from backend.applications.service import create_application
    from backend.errors import NotPermitted

    with runtime.database.sessions() as session:
        user = session.query(User).filter_by(account="demo-applicant").one()
    with pytest.raises(NotPermitted):
        create_application(Actor(user.id, Role.PUBLIC), subsidies=["nursing"], applying_as="self",
                           channel="assistant")


# --- what another benefit pays (seed 004, 政策告知书 注: 可择高享受“两项补贴”) ---------------------------------

def _with_public_duty_allowance(as_applicant, **extra):
    """Grade 1 in a 低保 household in 武隆区 (500156): living 80 + nursing 90 a month; also 因公致残抚恤金."""
    fields = complete_fields(person(region="500156", born="1960-03-01"), grade=1, household="dibao")
    draft = start(as_applicant)
    saved = as_applicant.patch(f"/applications/{draft['id']}", version=draft["version"], json={
        **fields, "other_benefits": ["public_duty_disability_allowance"], **extra})
    assert saved.status_code == 200, saved.get_json()
    return saved.get_json()


def test_seed_004_zhu_an_application_with_a_public_duty_allowance_of_85_yuan_is_eligible_for_both_subsidies(
        as_applicant):
    saved = _with_public_duty_allowance(
        as_applicant, other_benefit_amounts={"public_duty_disability_allowance": 85})
    assert saved["other_benefit_amounts"] == {"public_duty_disability_allowance": "85.00"}
    verdicts = as_applicant.get(f"/applications/{saved['id']}/eligibility").get_json()["subsidies"]
    assert {subsidy: verdict["outcome"] for subsidy, verdict in verdicts.items()} == {
        "living": "eligible", "nursing": "eligible"}  # 80 + 90 > 85
    assert (verdicts["living"]["monthly_amount"], verdicts["nursing"]["monthly_amount"]) == ("80.00", "90.00")


def test_seed_004_zhu_without_the_allowances_amount_the_application_still_needs_review(as_applicant):
    saved = _with_public_duty_allowance(as_applicant)
    assert saved["other_benefit_amounts"] == {}
    verdicts = as_applicant.get(f"/applications/{saved['id']}/eligibility").get_json()["subsidies"]
    assert {verdict["outcome"] for verdict in verdicts.values()} == {"needs_review"}


def test_the_amount_given_is_what_the_application_is_judged_by_when_it_is_submitted(as_applicant):
    draft = start(as_applicant)
    fields = {**complete_fields(person(region="500156", born="1960-03-01"), grade=1, household="dibao"),
              "other_benefits": ["public_duty_disability_allowance"],
              "other_benefit_amounts": {"public_duty_disability_allowance": "85"}}
    as_applicant.patch(f"/applications/{draft['id']}", json=fields, version=draft["version"])
    for kind in REQUIRED_PHOTOS:
        assert upload(as_applicant, draft["id"], kind).status_code == 201
    submitted = as_applicant.post(f"/applications/{draft['id']}/submit").get_json()
    assert {verdict["outcome"] for verdict in submitted["eligibility"]["subsidies"].values()} == {"eligible"}


def test_an_amount_for_a_benefit_the_application_does_not_list_is_refused_and_not_stored(as_applicant):
    saved = _with_public_duty_allowance(as_applicant)
    response = as_applicant.patch(f"/applications/{saved['id']}", version=saved["version"], json={
        "other_benefit_amounts": {"public_duty_disability_allowance": "85", "disability_pension": "120"}})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert [(error["field"], error["code"]) for error in errors] == [
        ("other_benefit_amounts.disability_pension", "benefit_not_listed")]
    assert "正在享受的其他补贴" in errors[0]["message"]
    assert as_applicant.get(f"/applications/{saved['id']}").get_json()["other_benefit_amounts"] == {}


@pytest.mark.parametrize("amount, code", [
    ("0", "amount_not_positive"), ("85.123", "amount_invalid"), ("100000.01", "too_big"), ("八十五", "not_a_number")])
def test_an_other_benefits_amount_must_be_more_than_0_at_most_100000_and_to_the_fen(as_applicant, amount, code):
    saved = _with_public_duty_allowance(as_applicant)
    response = as_applicant.patch(f"/applications/{saved['id']}", version=saved["version"], json={
        "other_benefit_amounts": {"public_duty_disability_allowance": amount}})
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert error["field"].startswith("other_benefit_amounts") and error["code"] == code


def test_a_benefit_taken_off_the_list_takes_its_amount_with_it(as_applicant):
    saved = _with_public_duty_allowance(
        as_applicant, other_benefit_amounts={"public_duty_disability_allowance": "85"})
    cleared = as_applicant.patch(f"/applications/{saved['id']}", version=saved["version"],
                                 json={"other_benefits": ["elderly_allowance"]})
    assert cleared.status_code == 200, cleared.get_json()
    assert cleared.get_json()["other_benefit_amounts"] == {}
