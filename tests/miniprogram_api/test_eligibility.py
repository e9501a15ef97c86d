"""Eligibility over the API: the anonymous self-check, a region's policy, an application's eligibility and
checklist, and submission that warns but never blocks."""

from __future__ import annotations

from sqlalchemy import func, select

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
