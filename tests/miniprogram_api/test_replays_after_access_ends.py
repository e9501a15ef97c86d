"""An answer kept for a retried request (Idempotency-Key, two days) is replayed only to whoever may still reach
what it shows: the access rule is asked again first. A guardian the applicant stopped, sending the same key
again, got the application as submitted (names, disability, household) or the uploaded photo's record."""

from __future__ import annotations

import pytest

from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person

MOTHER = person(region="500156", born="1948-03-02")


@pytest.fixture
def guarded(app, demo_accounts):
    """A mother's draft, complete, and her son as a confirmed guardian."""
    mother = logged_in(app, "mother-who-stops-her-son")
    draft = flows.ready_to_submit(mother, fields=complete_fields(MOTHER))
    son = logged_in(app, "son-who-was-stopped")
    # A link to a draft is asked for with its reference and her ID number, like any other.
    link_id = flows.confirmed_link(mother, son, draft, MOTHER.id_number, "guardian", "张小军", relation="child")
    return mother, son, draft, link_id


def test_a_guardian_who_was_stopped_gets_no_replay_of_the_submission(guarded):
    mother, son, draft, link_id = guarded
    headers = {"Idempotency-Key": "submit-once"}
    assert son.post(f"/applications/{draft['id']}/submit", headers=headers).status_code == 200
    replayed = son.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert replayed.status_code == 200 and replayed.headers["Idempotent-Replayed"] == "true"

    assert mother.post(f"/representations/{link_id}/revoke").status_code == 200
    refused = son.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert refused.status_code == 404 and refused.get_json()["code"] == "application_not_found"
    assert "Idempotent-Replayed" not in refused.headers and MOTHER.name not in refused.get_data(as_text=True)


def test_a_guardian_who_was_stopped_gets_no_replay_of_a_photo_upload(guarded):
    mother, son, draft, link_id = guarded
    assert flows.upload(son, draft["id"], "other", **{"Idempotency-Key": "photo-once"}).status_code == 201
    assert mother.post(f"/representations/{link_id}/revoke").status_code == 200
    refused = flows.upload(son, draft["id"], "other", **{"Idempotency-Key": "photo-once"})
    assert refused.status_code == 404 and "Idempotent-Replayed" not in refused.headers


def test_the_applicant_still_gets_the_replay_of_her_own_submission(guarded):
    mother, _, draft, _ = guarded
    headers = {"Idempotency-Key": "her-submit"}
    first = mother.post(f"/applications/{draft['id']}/submit", headers=headers)
    again = mother.post(f"/applications/{draft['id']}/submit", headers=headers)
    assert again.headers["Idempotent-Replayed"] == "true" and again.get_json() == first.get_json()
