"""A correction is sent back with what the reviewer asked for: a field they asked for that is still empty refuses
the resubmission, named in words, and is on every list of what is missing (the application's and the assistant's
list of people). An assistant's application needs no phone of the person (seed 004: 由所在村（居）民委员会代为申请,
reached through the assistant), but a reviewer who could not reach them asks for one."""

from __future__ import annotations

import io

import pytest

from backend.identity.synthetic import synthetic_certificate_number
from tests.conftest import login
from tests.miniprogram_api.test_acting_for_others import MAN, register_man
from tests.support.factories import ALL_CONSENTS
from tests.support.flows import photo_bytes, upload


@pytest.fixture
def asked_for_a_phone(as_assistant, as_reviewer) -> dict:
    """The assistant applied for him without a phone; the reviewer asks for a new certificate photo and a phone."""
    person_id = register_man(as_assistant)["person"]["id"]
    draft = as_assistant.post("/applications", json={
        "subsidies": ["living", "nursing"], "applying_as": "village_committee", "applicant_id": person_id,
        "consents": ALL_CONSENTS}).get_json()
    saved = as_assistant.patch(f"/applications/{draft['id']}", version=draft["version"], json={
        "applicant": {"name": MAN.name, "id_number": MAN.id_number, "hukou_region": "500156", "address": MAN.address},
        "certificate": {"number": synthetic_certificate_number(MAN.id_number, 4, 1), "issue_date": "2018-09-01",
                        "valid_until": "2028-09-01"},
        "household": {"status": "dibao"}, "policy_notice_acknowledged": True})
    assert saved.status_code == 200, saved.get_json()
    for kind in ("id_card_front", "id_card_back", "disability_certificate", "dibao_proof"):
        assert upload(as_assistant, draft["id"], kind).status_code == 201
    submitted = as_assistant.post(f"/applications/{draft['id']}/submit")
    assert submitted.status_code == 200, submitted.get_json()
    decided = as_reviewer.post(f"/review/applications/{draft['id']}/decisions", json={
        "type": "correction_requested", "reason": "电话打不通，照片看不清",
        "items": ["disability_certificate", "applicant.phone"]})
    assert decided.status_code == 200, decided.get_json()
    return {"id": draft["id"]}


def new_certificate_photo(client, application_id: str) -> None:
    certificate = next(m for m in client.get(f"/applications/{application_id}/materials").get_json()["materials"]
                       if m["kind"] == "disability_certificate")
    replaced = client.client.put(
        f"/api/v1/applications/{application_id}/materials/{certificate['id']}",
        data={"file": (io.BytesIO(photo_bytes("again")), "x.jpg")}, content_type="multipart/form-data",
        headers=client._headers(None))
    assert replaced.status_code == 200, replaced.get_json()


def test_a_correction_is_refused_while_a_field_the_reviewer_asked_for_is_still_empty(as_assistant, asked_for_a_phone):
    application_id = asked_for_a_phone["id"]
    new_certificate_photo(as_assistant, application_id)

    refused = as_assistant.post(f"/applications/{application_id}/submit")

    assert refused.status_code == 422, refused.get_json()
    phone = [error for error in refused.get_json()["errors"] if error["field"] == "applicant.phone"]
    assert [error["code"] for error in phone] == ["correction_field_empty"]
    assert "联系电话" in phone[0]["message"] and "审核人员" in phone[0]["message"]


def test_the_field_asked_for_and_still_empty_is_on_the_application_and_the_assistants_missing_lists(
        as_assistant, asked_for_a_phone):
    application_id = asked_for_a_phone["id"]
    new_certificate_photo(as_assistant, application_id)

    document = as_assistant.get(f"/applications/{application_id}").get_json()
    people = as_assistant.get("/assistance/people").get_json()["people"]

    assert "applicant.phone" in [item["field"] for item in document["missing"]]
    listed = next(entry for person in people for entry in person["applications"] if entry["id"] == application_id)
    assert [item["field"] for item in listed["missing"]] == ["applicant.phone"]


def test_the_correction_goes_once_the_field_asked_for_is_filled_in(as_assistant, asked_for_a_phone):
    application_id = asked_for_a_phone["id"]
    new_certificate_photo(as_assistant, application_id)
    current = as_assistant.get(f"/applications/{application_id}").get_json()

    filled = as_assistant.patch(f"/applications/{application_id}", version=current["version"],
                                json={"applicant": {"phone": MAN.phone}})

    assert filled.status_code == 200, filled.get_json()
    assert as_assistant.post(f"/applications/{application_id}/submit").status_code == 200


def test_an_english_reader_is_told_which_field_the_reviewer_asked_for(app, as_assistant, asked_for_a_phone):
    english = login(app, "demo-assistant", locale="en")

    missing = english.get(f"/applications/{asked_for_a_phone['id']}").get_json()["missing"]

    phone = next(item for item in missing if item["field"] == "applicant.phone")
    assert "the applicant's phone number" in phone["message"] or "phone number" in phone["message"]
    assert "审" not in phone["message"] + phone["easy_read"]
