"""Eligibility over the API: the anonymous self-check, a region's policy, an application's eligibility and
checklist, and submission that warns but never blocks."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.accessibility.conversation.chat import assert_said_in_three_forms, audio_seconds
from tests.support import flows
from tests.support.factories import complete_fields


def test_the_done_when_question_of_issue_3(client):
    """"My hukou is in 武隆区, grade-2 physical disability, my household is in 低保, I receive the elderly
    allowance": both subsidies, 80 + 80 yuan a month, with the reasons and the office's phone number."""
    response = client.post("/eligibility/check", json={
        "region_code": "500156", "certificate": {"category": 4, "grade": 2}, "household": {"status": "dibao"},
        "other_benefits": ["elderly_allowance"]})
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    for subsidy in ("living", "nursing"):
        verdict = answer["subsidies"][subsidy]
        assert verdict["outcome"] == "eligible"
        assert verdict["monthly_amount"] == "80.00"
        assert verdict["reasons"] and all(reason["text"] and reason["source"] for reason in verdict["reasons"])
        assert verdict["as_of"] == "2023-02-23"
    assert "023-77724047" in [contact["phone"] for contact in answer["contacts"]]


def test_shanxi_grade_3_intellectual_before_and_after_2023(client):
    def nursing(day):
        return client.post("/eligibility/check", json={
            "region_code": "140105", "date": day, "certificate": {"category": 5, "grade": 3}}).get_json()[
            "subsidies"]["nursing"]
    assert nursing("2023-01-01")["outcome"] == "eligible"
    assert nursing("2022-12-31")["outcome"] == "not_eligible"


def test_what_would_change_the_answer_is_said(client):
    answer = client.post("/eligibility/check", json={
        "region_code": "500156", "certificate": {"category": 4, "grade": 2}, "household": {"status": "none"}}).get_json()
    living = answer["subsidies"]["living"]
    assert living["outcome"] == "not_eligible"
    hints = [reason["would_change"]["text"] for reason in living["reasons"] if reason["would_change"]]
    assert "如果您家纳入低保，可以申请生活补贴。" in hints


def test_the_self_check_stores_nothing(client, runtime):
    from backend.audit.models import AuditEntry

    with runtime.database.sessions() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    client.post("/eligibility/check", json={"region_code": "500156", "certificate": {"grade": 1}})
    with runtime.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_the_self_check_answers_in_english(client):
    answer = client.post("/eligibility/check", json={"region_code": "500156", "certificate": {"grade": 1}},
                         headers={"Accept-Language": "en"}).get_json()
    assert answer["subsidies"]["nursing"]["outcome_label"]["text"].isascii()


def test_bad_self_check_input_names_the_field(client):
    response = client.post("/eligibility/check", json={"region_code": "5001", "certificate": {"grade": 9}})
    assert response.status_code == 422
    assert {error["field"] for error in response.get_json()["errors"]} == {"region_code", "certificate.grade"}


def test_seed_004_zhu_a_public_duty_allowance_below_both_subsidies_gets_both_and_says_so_once(client):
    """The higher of the allowance and "两项补贴" (seed 004, 政策告知书 注): 85 yuan against 80 + 90."""
    answer = client.post("/eligibility/check", json={
        "region_code": "500156", "certificate": {"grade": 1}, "household": {"status": "dibao"},
        "other_benefits": ["public_duty_disability_allowance"],
        "other_benefit_amounts": {"public_duty_disability_allowance": "85"}}).get_json()
    living, nursing = answer["subsidies"]["living"], answer["subsidies"]["nursing"]
    assert (living["outcome"], nursing["outcome"]) == ("eligible", "eligible")
    assert (living["monthly_amount"], nursing["monthly_amount"]) == ("80.00", "90.00")
    texts = [reason["text"] for verdict in (living, nursing) for reason in verdict["reasons"]]
    assert not any("继续按" in text for text in texts)


def test_seed_004_zhu_a_public_duty_allowance_above_both_subsidies_keeps_it_and_pays_neither(client):
    answer = client.post("/eligibility/check", json={
        "region_code": "500156", "certificate": {"grade": 1}, "household": {"status": "dibao"},
        "other_benefits": ["public_duty_disability_allowance"],
        "other_benefit_amounts": {"public_duty_disability_allowance": "300"}}).get_json()
    assert {s: v["outcome"] for s, v in answer["subsidies"].items()} == {"living": "not_eligible",
                                                                         "nursing": "not_eligible"}


def test_a_choose_the_higher_benefit_on_a_subsidy_one_does_not_qualify_for_is_answered(client):
    response = client.post("/eligibility/check", json={
        "region_code": "500156", "certificate": {"grade": 1}, "household": {"status": "none"},
        "other_benefits": ["public_duty_disability_allowance"]})
    assert response.status_code == 200
    assert response.get_json()["subsidies"]["nursing"]["outcome"] == "needs_review"


def test_a_negative_other_benefit_amount_is_refused(client):
    response = client.post("/eligibility/check", json={
        "region_code": "500156", "other_benefits": ["disability_pension"],
        "other_benefit_amounts": {"disability_pension": "-5"}})
    assert response.status_code == 422


def test_seed_001_item_13_a_renewal_long_after_the_new_certificate_pays_back_at_most_3_months(client):
    nursing = client.post("/eligibility/check", json={
        "region_code": "500156", "date": "2026-11-26",
        "certificate": {"grade": 1, "previous_valid_until": "2024-01-31", "issue_date": "2024-03-10"}}).get_json()[
        "subsidies"]["nursing"]
    assert nursing["starts"] == "2026-08" and nursing["back_pay_months"] == 0
    assert not any("0个月" in reason["text"] for reason in nursing["reasons"])


@pytest.mark.parametrize("person, paid_to", [
    ({"birth_date": "1950-03-01"}, "applicant"),  # 76: neither an orphan nor a 事实无人抚养儿童
    ({"birth_date": "2015-06-01", "de_facto_unsupported_child": True}, "institution"),
])
def test_seed_003_four_only_an_institution_raised_child_is_paid_through_the_institution(client, person, paid_to):
    nursing = client.post("/eligibility/check", json={
        "region_code": "140105", "certificate": {"category": 5, "grade": 1}, "other_benefits": ["institution_care"],
        **person}).get_json()["subsidies"]["nursing"]
    assert nursing["paid_to"] == paid_to


def test_a_regions_policy_in_plain_words(client):
    policy = client.get("/policies/500156").get_json()
    assert policy["region"]["name"] == "重庆市武隆区"
    assert policy["took_effect"] == "2023-02-23"
    assert [entry["amount"] for entry in policy["amounts"]["nursing"]] == ["90.00", "80.00"]
    assert {entry["benefit"] for entry in policy["coordination"]} >= {"orphan", "work_injury_nursing_allowance"}
    assert policy["contacts"][0]["phone"] == "023-77724047"
    assert all(rule["text"] for rule in policy["rules"])


def test_a_region_without_amounts_says_they_are_not_known(client):
    policy = client.get("/policies/410105").get_json()
    assert policy["amounts"]["nursing"][0]["amount"] is None
    assert "以当地最新标准为准" in policy["amounts"]["nursing"][0]["text"]
    assert any(rule["rule"] == "monthly_online_statistics" for rule in policy["process"])


def test_an_unknown_region_is_a_404(client):
    assert client.get("/policies/999999").status_code == 404


def _filled(as_applicant, **fields):
    return flows.ready_to_submit(as_applicant, fields=complete_fields(**fields))


def test_an_applications_eligibility_uses_its_own_facts(as_applicant):
    application = _filled(as_applicant, grade=3, household="dibao")
    answer = as_applicant.get(f"/applications/{application['id']}/eligibility").get_json()
    assert answer["subsidies"]["living"]["outcome"] == "eligible"
    assert answer["subsidies"]["nursing"]["outcome"] == "not_eligible"
    assert answer["subsidies"]["nursing"]["requested"] is True


def test_submitting_a_not_eligible_application_is_allowed_warned_and_recorded(as_applicant, runtime):
    from backend.applications.models import Submission

    application = _filled(as_applicant, grade=3, household="dibao")
    response = as_applicant.post(f"/applications/{application['id']}/submit")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["stage"] in ("submitted", "handed_off")
    warnings = response.get_json()["warnings"]
    assert [warning["code"] for warning in warnings] == ["nursing_not_eligible"]
    with runtime.database.sessions() as session:
        recorded = session.scalars(select(Submission.eligibility)).one()
    assert recorded["subsidies"]["nursing"]["outcome"] == "not_eligible"


def test_a_certificate_expiring_within_6_months_is_warned_about_on_submission(as_applicant):
    application = _filled(as_applicant, valid_until="2027-03-31")
    warnings = as_applicant.post(f"/applications/{application['id']}/submit").get_json()["warnings"]
    assert "certificate_expires_soon" in [warning["code"] for warning in warnings]
    assert any("换领新证" in warning["text"] for warning in warnings)


def test_the_checklist_follows_the_situation(as_applicant):
    application = _filled(as_applicant)
    checklist = as_applicant.get(f"/applications/{application['id']}/checklist").get_json()
    items = {item["item"]: item for item in checklist["items"]}
    assert set(items) == {"identity", "disability_certificate", "dibao_proof", "policy_notice"}
    assert items["policy_notice"]["satisfied"] is True and items["policy_notice"]["by_field"]
    assert items["identity"]["alternatives"] == [["id_card_front", "id_card_back"], ["household_register"]]
    assert checklist["complete"] is True


def test_a_guardians_checklist_asks_for_proof_of_guardianship(as_applicant):
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "guardian"}).get_json()
    items = [item["item"] for item in as_applicant.get(f"/applications/{draft['id']}/checklist").get_json()["items"]]
    assert "guardianship_proof" in items and "dibao_proof" not in items


def test_the_self_check_reads_a_county_code_typed_in_full_width_digits(client):
    typed = client.post("/eligibility/check", json={"region_code": "５００１５６", "certificate": {"grade": 2},
                                                    "household": {"status": "dibao"}}).get_json()
    plain = client.post("/eligibility/check", json={"region_code": "500156", "certificate": {"grade": 2},
                                                    "household": {"status": "dibao"}}).get_json()
    assert typed["subsidies"] == plain["subsidies"] and typed["subsidies"]["nursing"]["monthly_amount"] == "80.00"


def test_a_birth_or_certificate_later_than_today_is_refused_in_the_self_check(client):
    response = client.post("/eligibility/check", json={"region_code": "500156", "birth_date": "2030-01-01",
                                                       "certificate": {"grade": 2, "issue_date": "2099-01-01"}})
    assert response.status_code == 422
    errors = {error["field"]: error for error in response.get_json()["errors"]}
    assert errors["birth_date"]["code"] == errors["certificate.issue_date"]["code"] == "date_in_future"
    assert "不能晚于今天" in errors["birth_date"]["message"]


# --- said aloud (issue 6 item 3: every status message in its standard text, easy-read text and speech) --------

# Grade 2, no 低保, a certificate running out within 6 months (seed 001 item 13): nursing at 武隆's 80 yuan
# (seed 004), no living subsidy and what would change that, and a warning.
SELF_CHECK = {"region_code": "500156", "certificate": {"category": 4, "grade": 2, "valid_until": "2027-01-10"},
              "household": {"status": "none"}}


def _said(answer: dict) -> list[dict]:
    """Every sentence of an eligibility answer that carries speech: the reasons, what would change them,
    and the warnings."""
    reasons = [reason for verdict in answer["subsidies"].values() for reason in verdict["reasons"]]
    reasons += answer["warnings"]
    return reasons + [reason["would_change"] for reason in reasons if reason["would_change"]]


def test_each_sentence_of_the_self_check_is_said_to_a_signed_in_person(app, as_applicant):
    answer = as_applicant.post("/eligibility/check", json=SELF_CHECK).get_json()
    anonymous = app.test_client()
    nursing, living = answer["subsidies"]["nursing"], answer["subsidies"]["living"]
    assert (nursing["outcome"], nursing["monthly_amount"], living["outcome"]) == ("eligible", "80.00", "not_eligible")
    # The outcome with the amount in words ("每月八十元"), as the conversation's summary says it.
    assert_said_in_three_forms(anonymous, {**nursing, "text": "重度残疾人护理补贴：符合条件，可以申请，每月80元。",
                                           "easy_read": "护理补贴：可以领。每月80元。"},
                               spoken="重度残疾人护理补贴：符合条件，可以申请，每月八十元。")
    assert_said_in_three_forms(anonymous, {**living, "text": "困难残疾人生活补贴：暂不符合条件。",
                                           "easy_read": "生活补贴：现在还不能领。"},
                               spoken="困难残疾人生活补贴：暂不符合条件。")
    said = _said(answer)
    assert {"certificate_expires_soon", "household_not_covered"} <= {reason.get("code") for reason in said}
    assert any(reason.get("code") is None for reason in said)  # what would change an answer
    for words in said:
        assert_said_in_three_forms(anonymous, words, spoken=words["text"])


def test_the_self_check_is_said_as_the_signed_in_person_prefers_and_not_at_all_with_speech_off(app, client,
                                                                                                as_applicant):
    anonymous = app.test_client()
    standard = as_applicant.post("/eligibility/check", json=SELF_CHECK).get_json()["subsidies"]["nursing"]
    as_applicant.put("/me/preferences", json={"easy_read": True})
    easy = as_applicant.post("/eligibility/check", json=SELF_CHECK).get_json()["subsidies"]["nursing"]
    assert_said_in_three_forms(anonymous, {**easy, "text": "护理补贴：可以领。每月80元。",
                                           "easy_read": "护理补贴：可以领。每月80元。"},
                               spoken="护理补贴：可以领。每月八十元。")
    reason = easy["reasons"][0]
    assert_said_in_three_forms(anonymous, reason, spoken=reason["easy_read"])
    assert audio_seconds(anonymous, easy["audio_url"]) < audio_seconds(anonymous, standard["audio_url"])

    as_applicant.put("/me/preferences", json={"speech": False})
    silent = as_applicant.post("/eligibility/check", json=SELF_CHECK).get_json()
    assert all(verdict["audio_url"] is None for verdict in silent["subsidies"].values())
    assert all(words["audio_url"] is None for words in _said(silent))


def test_the_self_check_is_said_slower_to_a_person_who_asked_for_slow_speech(app, as_applicant):
    anonymous = app.test_client()
    seconds = {}
    for rate in ("normal", "slow"):
        as_applicant.put("/me/preferences", json={"speech_rate": rate})
        nursing = as_applicant.post("/eligibility/check", json=SELF_CHECK).get_json()["subsidies"]["nursing"]
        seconds[rate] = audio_seconds(anonymous, nursing["audio_url"])
    assert seconds["slow"] > 1.2 * seconds["normal"], seconds


def test_the_self_check_is_said_in_the_language_the_signed_in_person_chose(app, client, as_applicant):
    anonymous = app.test_client()
    chinese = as_applicant.post("/eligibility/check", json=SELF_CHECK).get_json()["subsidies"]["nursing"]
    as_applicant.put("/me/preferences", json={"locale": "en"})
    english = as_applicant.post("/eligibility/check", json=SELF_CHECK).get_json()["subsidies"]["nursing"]
    assert english["outcome_label"]["text"].isascii()
    assert english["audio_url"] != chinese["audio_url"]
    assert audio_seconds(anonymous, english["audio_url"]) > 1


def test_a_stale_login_does_not_stop_the_self_check_which_is_then_answered_as_to_anyone(client):
    response = client.post("/eligibility/check", json=SELF_CHECK, headers={"Authorization": "Bearer expired.or.forged"})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["subsidies"]["nursing"]["outcome"] == "eligible"


def test_nothing_is_synthesised_for_a_caller_who_is_not_signed_in(client):
    # Amounts and dates are the caller's: without a sign-in, new sentences would be a synthesis each, for anyone.
    answer = client.post("/eligibility/check", json=SELF_CHECK).get_json()
    assert all(verdict["audio_url"] is None for verdict in answer["subsidies"].values())
    assert all(words["audio_url"] is None for words in _said(answer))


def test_an_applications_eligibility_is_said_and_not_with_speech_off(app, as_applicant):
    application = _filled(as_applicant, grade=3, household="dibao")
    answer = as_applicant.get(f"/applications/{application['id']}/eligibility").get_json()
    anonymous = app.test_client()
    assert_said_in_three_forms(anonymous, {**answer["subsidies"]["nursing"], "text": "重度残疾人护理补贴：暂不符合条件。",
                                           "easy_read": "护理补贴：现在还不能领。"},
                               spoken="重度残疾人护理补贴：暂不符合条件。")
    for words in _said(answer):
        assert_said_in_three_forms(anonymous, words, spoken=words["text"])
    as_applicant.put("/me/preferences", json={"speech": False})
    silent = as_applicant.get(f"/applications/{application['id']}/eligibility").get_json()
    assert all(verdict["audio_url"] is None for verdict in silent["subsidies"].values())
    assert all(words["audio_url"] is None for words in _said(silent))


def test_each_item_of_the_checklist_says_aloud_why_it_is_needed(app, as_applicant):
    application = _filled(as_applicant)
    anonymous = app.test_client()
    items = as_applicant.get(f"/applications/{application['id']}/checklist").get_json()["items"]
    assert {item["item"] for item in items} == {"identity", "disability_certificate", "dibao_proof", "policy_notice"}
    for item in items:
        assert_said_in_three_forms(anonymous, item["why"], spoken=item["why"]["text"])


def test_the_checklist_is_said_in_easy_read_when_preferred_and_not_at_all_with_speech_off(app, as_applicant):
    application = _filled(as_applicant)
    anonymous = app.test_client()
    standard = {item["item"]: item["why"] for item in
                as_applicant.get(f"/applications/{application['id']}/checklist").get_json()["items"]}
    as_applicant.put("/me/preferences", json={"easy_read": True})
    easy = {item["item"]: item["why"] for item in
            as_applicant.get(f"/applications/{application['id']}/checklist").get_json()["items"]}
    for why in easy.values():
        assert_said_in_three_forms(anonymous, why, spoken=why["easy_read"])
    # "申请生活补贴，要证明家里纳入了低保（或低保边缘）。" against "拍低保证。"
    assert audio_seconds(anonymous, easy["dibao_proof"]["audio_url"]) < audio_seconds(
        anonymous, standard["dibao_proof"]["audio_url"])
    as_applicant.put("/me/preferences", json={"speech": False})
    silent = as_applicant.get(f"/applications/{application['id']}/checklist").get_json()["items"]
    assert all(item["why"]["audio_url"] is None for item in silent)
