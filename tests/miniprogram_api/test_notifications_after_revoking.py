"""An assistant the person stopped keeps the news of the application they helped with, said as what it is: another
person's application named by its reference ("申请 LB… 审定通过"), never "您的申请" (it never was theirs), nor the
person's name (no longer theirs to see), in every locale."""

from __future__ import annotations

import pytest

from backend.identity.synthetic import synthetic_certificate_number
from tests.conftest import login
from tests.support.accounts import logged_in
from tests.support.factories import ALL_CONSENTS, person
from tests.support.flows import upload

WOMAN = person(region="500232", born="1948-03-02", sex="female", name="王芳")


@pytest.fixture
def stopped_after_acceptance(app, as_assistant, as_reviewer) -> dict:
    """She consented with a code on her own phone, the assistant applied for her, the application was accepted,
    and then she revoked the assistant."""
    code = as_assistant.post("/assistance/consent-codes").get_json()["code"]
    woman = logged_in(app, "woman-who-revokes", name=WOMAN.name)
    grant = woman.post("/me/assistance-consent", json={"code": code}).get_json()
    draft = as_assistant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "village_committee",
                                                     "applicant_id": woman.user_id, "consents": ALL_CONSENTS}).get_json()
    saved = as_assistant.patch(f"/applications/{draft['id']}", version=draft["version"], json={
        "applicant": {"name": WOMAN.name, "id_number": WOMAN.id_number, "hukou_region": "500156",
                      "address": WOMAN.address},
        "certificate": {"number": synthetic_certificate_number(WOMAN.id_number, 4, 1), "issue_date": "2018-09-01",
                        "valid_until": "2028-09-01"},
        "policy_notice_acknowledged": True})
    assert saved.status_code == 200, saved.get_json()
    for kind in ("id_card_front", "id_card_back", "disability_certificate"):
        assert upload(as_assistant, draft["id"], kind).status_code == 201
    submitted = as_assistant.post(f"/applications/{draft['id']}/submit")
    assert submitted.status_code == 200, submitted.get_json()
    as_reviewer.post(f"/review/applications/{draft['id']}/decisions", json={"type": "accepted"})
    accepted = [note for note in as_assistant.get("/notifications").get_json()["notifications"]
                if note["event"] == "accepted"]
    assert accepted and WOMAN.name in accepted[0]["text"]  # while she lets the assistant follow it
    assert woman.post(f"/representations/{grant['id']}/revoke").status_code == 200
    return {"reference": submitted.get_json()["reference"]}


def test_an_assistant_who_was_stopped_is_told_of_the_application_by_its_reference_not_as_their_own(
        as_assistant, stopped_after_acceptance):
    reference = stopped_after_acceptance["reference"]

    notes = as_assistant.get("/notifications").get_json()["notifications"]

    accepted = next(note for note in notes if note["event"] == "accepted")
    assert accepted["text"] == f"申请 {reference} 已受理。"
    assert reference in accepted["easy_read"]
    assert not any("您的" in note["text"] or "您的" in note["easy_read"] for note in notes)
    assert not any(WOMAN.name in note["text"] + note["easy_read"] for note in notes)


@pytest.mark.parametrize("locale, yours", [("en", "your application"), ("zh_Hant_TW", "您的申請")])
def test_the_stopped_assistant_is_told_so_in_every_locale(app, stopped_after_acceptance, locale, yours):
    reader = login(app, "demo-assistant", locale=locale)

    notes = reader.get("/notifications").get_json()["notifications"]

    accepted = next(note for note in notes if note["event"] == "accepted")
    assert stopped_after_acceptance["reference"] in accepted["text"]
    assert yours not in (accepted["text"] + accepted["easy_read"]).lower()
    assert "申请" not in accepted["text"]  # translated, not the Chinese shown
