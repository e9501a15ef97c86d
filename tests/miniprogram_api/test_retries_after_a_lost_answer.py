"""A phone on a weak signal sends a request, the work is done, and the answer never arrives: it sends the same
request again with the same Idempotency-Key. Starting an application, saving a draft and answering a question of
the conversation then get the first answer again (`Idempotent-Replayed: true`), as submit and uploads did: no
second draft, no 412 "another phone changed it" about the phone's own save, no answer taken for the next
question."""

from __future__ import annotations

import pytest

from tests.accessibility.conversation.chat import Chat, answers_for
from tests.support.factories import ALL_CONSENTS, person
from tests.support.flows import start


@pytest.fixture
def speech_off(as_applicant):
    assert as_applicant.put("/me/preferences", json={"speech": False}).status_code == 200


NEW_DRAFT = {"subsidies": ["nursing"], "applying_as": "self", "consents": list(ALL_CONSENTS)}


def test_a_start_retried_after_its_answer_was_lost_makes_one_draft(as_applicant):
    first = as_applicant.post("/applications", json=NEW_DRAFT, headers={"Idempotency-Key": "start-1"})
    again = as_applicant.post("/applications", json=NEW_DRAFT, headers={"Idempotency-Key": "start-1"})
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json()["id"] == first.get_json()["id"]
    assert again.headers["Location"] == first.headers["Location"]
    assert len(as_applicant.get("/applications").get_json()["applications"]) == 1


def test_a_save_retried_after_its_answer_was_lost_gets_that_answer_not_a_412_about_its_own_change(as_applicant):
    draft = start(as_applicant)
    change = {"applicant": {"phone": "13900001542"}}
    first = as_applicant.patch(f"/applications/{draft['id']}", json=change, version=draft["version"],
                               headers={"Idempotency-Key": "save-1"})
    again = as_applicant.patch(f"/applications/{draft['id']}", json=change, version=draft["version"],
                               headers={"Idempotency-Key": "save-1"})
    assert first.status_code == again.status_code == 200, again.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["ETag"] == first.headers["ETag"] == f'"{draft["version"] + 1}"'
    assert as_applicant.get(f"/applications/{draft['id']}").get_json()["version"] == draft["version"] + 1


def test_the_same_key_sent_from_another_version_is_another_request_and_is_refused(as_applicant):
    draft = start(as_applicant)
    change = {"applicant": {"phone": "13900001542"}}
    as_applicant.patch(f"/applications/{draft['id']}", json=change, version=draft["version"],
                       headers={"Idempotency-Key": "save-2"})
    other = as_applicant.patch(f"/applications/{draft['id']}", json=change, version=draft["version"] + 1,
                               headers={"Idempotency-Key": "save-2"})
    assert other.status_code == 422 and other.get_json()["code"] == "idempotency_key_reused"


def test_a_save_from_a_stale_version_is_still_refused_with_a_new_key(as_applicant):
    draft = start(as_applicant)
    as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"phone": "13900001542"}},
                       version=draft["version"], headers={"Idempotency-Key": "phone-a"})
    stale = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"phone": "13900001543"}},
                               version=draft["version"], headers={"Idempotency-Key": "phone-b"})
    assert stale.status_code == 412


def test_an_answer_retried_after_its_answer_was_lost_is_taken_once_and_told_the_same(as_applicant, speech_off):
    who = person()
    chat = Chat.start(as_applicant)
    chat.until("applicant.name", answers_for(who))
    body = {"text": who.name, "step": "applicant.name"}
    first = as_applicant.post(f"/conversations/{chat.id}/answers", json=body, headers={"Idempotency-Key": "name-1"})
    again = as_applicant.post(f"/conversations/{chat.id}/answers", json=body, headers={"Idempotency-Key": "name-1"})
    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json()["said"] == first.get_json()["said"]
    assert "别的地方回答过" not in again.get_json()["said"]["text"]
    assert again.get_json()["prompt"]["step"] == first.get_json()["prompt"]["step"] != "applicant.name"
