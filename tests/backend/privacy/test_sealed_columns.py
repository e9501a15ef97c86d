"""Personal data kept in columns outside the sealed application content is sealed at rest too (security
audit, item 1): the answer replayed to a retried submit, the name of a person an assistant registered
without a phone, and the assistant's statement of their consent. Readers see plain text; the database
file does not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from backend.accounts.models import User
from backend.applications.models import IdempotencyRecord
from backend.idempotency import KEEP_FOR, Claimed, claim, holder, settle, sweep_expired
from backend.privacy.sealed_column import is_sealed
from backend.representation.models import Representation
from tests.miniprogram_api.test_acting_for_others import MAN, register_man
from tests.support import flows
from tests.support.factories import complete_fields, person

WANG = person(region="500232", born="1962-03-08", sex="female", name="王秀英")


def raw(runtime, sql: str, **params) -> list:
    with runtime.database.engine.connect() as connection:
        return list(connection.execute(text(sql), params).scalars())


def test_the_answer_kept_for_a_retried_submit_is_sealed_and_still_replayed(as_applicant, runtime):
    draft = flows.ready_to_submit(as_applicant, fields=complete_fields(WANG))
    first = as_applicant.post(f"/applications/{draft['id']}/submit", headers={"Idempotency-Key": "submit-1"})
    assert first.status_code == 200, first.get_json()
    [stored] = raw(runtime, "SELECT response_body FROM idempotency_records WHERE key = 'submit-1'")
    assert is_sealed(stored)
    assert WANG.name not in stored and WANG.address not in stored and "1962" not in stored
    retried = as_applicant.post(f"/applications/{draft['id']}/submit", headers={"Idempotency-Key": "submit-1"})
    assert retried.status_code == 200 and retried.headers["Idempotent-Replayed"] == "true"
    assert retried.get_json() == first.get_json()


def test_the_headers_kept_with_an_answer_are_sealed_with_it(as_applicant, runtime):
    draft = flows.ready_to_submit(as_applicant, fields=complete_fields(WANG))
    first = as_applicant.post(f"/applications/{draft['id']}/submit", headers={"Idempotency-Key": "submit-2"})
    assert first.status_code == 200, first.get_json()
    [stored] = raw(runtime, "SELECT response_headers FROM idempotency_records WHERE key = 'submit-2'")
    assert is_sealed(stored) and "ETag" not in stored
    kept = holder(as_applicant.user_id, f"POST /api/v1/applications/{draft['id']}/submit", "submit-2")
    assert kept.headers["ETag"] == first.headers["ETag"]


def test_an_answer_kept_before_its_headers_were_is_still_replayed(as_applicant, runtime):
    draft = flows.ready_to_submit(as_applicant, fields=complete_fields(WANG))
    first = as_applicant.post(f"/applications/{draft['id']}/submit", headers={"Idempotency-Key": "submit-3"})
    with runtime.database.engine.begin() as connection:  # as kept before migration 0011
        connection.execute(text("UPDATE idempotency_records SET response_headers = NULL WHERE key = 'submit-3'"))
    retried = as_applicant.post(f"/applications/{draft['id']}/submit", headers={"Idempotency-Key": "submit-3"})
    assert retried.status_code == 200 and retried.headers["Idempotent-Replayed"] == "true"
    assert retried.get_json() == first.get_json() and "ETag" not in retried.headers


def test_the_name_and_statement_of_a_person_registered_by_an_assistant_are_sealed(as_assistant, runtime):
    registered = register_man(as_assistant)
    person_id = registered["person"]["id"]
    assert registered["person"]["name"] == MAN.name
    [name] = raw(runtime, "SELECT display_name FROM users WHERE id = :id", id=person_id)
    [statement] = raw(runtime, "SELECT statement FROM representations WHERE applicant_user_id = :id", id=person_id)
    assert is_sealed(name) and MAN.name not in name
    assert is_sealed(statement) and MAN.name not in statement and "授权书" not in statement
    people = as_assistant.get("/assistance/people").get_json()
    assert MAN.name in [entry["person"]["name"] for entry in people["people"]]
    with runtime.database.sessions() as session:
        assert session.get(User, person_id).display_name == MAN.name
        grant = session.scalars(select(Representation).where(Representation.applicant_user_id == person_id)).one()
        assert grant.statement.startswith("当面向刘建国读了授权书")


def test_names_and_statements_written_before_sealing_are_still_read(runtime, as_assistant):
    registered = register_man(as_assistant)
    person_id = registered["person"]["id"]
    with runtime.database.engine.begin() as connection:
        connection.execute(text("UPDATE users SET display_name = :name WHERE id = :id"),
                           {"name": MAN.name, "id": person_id})
    with runtime.database.sessions() as session:
        assert session.get(User, person_id).display_name == MAN.name


def test_a_sealed_value_does_not_open_in_another_column(runtime, as_assistant):
    from backend.privacy.vault import DecryptionFailed

    registered = register_man(as_assistant)
    person_id = registered["person"]["id"]
    with runtime.database.engine.begin() as connection:
        connection.execute(text("UPDATE users SET display_name = (SELECT statement FROM representations "
                                "WHERE applicant_user_id = :id) WHERE id = :id"), {"id": person_id})
    with runtime.database.sessions() as session, pytest.raises(DecryptionFailed):
        session.get(User, person_id)


def test_the_periodic_sweep_deletes_remembered_answers_after_their_two_days(as_applicant, runtime, clock):
    def answered(key: str) -> None:
        claimed = claim(as_applicant.user_id, "POST /api/v1/applications", key, "hash")
        assert isinstance(claimed, Claimed)
        settle(claimed, 201, '{"name": "王秀英"}')

    answered("old")
    clock.advance(days=1)
    answered("new")
    clock.advance(hours=23)
    assert sweep_expired() == 0
    clock.advance(hours=1)
    assert sweep_expired() == 1
    with runtime.database.sessions() as session:
        assert [record.key for record in session.scalars(select(IdempotencyRecord))] == ["new"]
    clock.advance(seconds=(KEEP_FOR - timedelta(hours=24)).total_seconds())
    assert sweep_expired() == 1


def test_the_sweeps_of_personal_data_are_periodic_tasks():
    from backend.jobs.tasks import PERIODIC

    assert {"sweep_idempotency", "sweep_speech_cache"} <= set(PERIODIC)


def test_the_reason_given_for_declining_is_sealed(as_applicant, runtime):
    recorded = as_applicant.post("/me/declines", json={"subsidies": ["living"], "reason": "女儿王小红每月给钱，暂时不需要"})
    assert recorded.status_code == 201, recorded.get_json()
    [stored] = raw(runtime, "SELECT reason FROM declines")
    assert is_sealed(stored) and "王小红" not in stored
    assert as_applicant.get("/me/declines").get_json()["declines"][0]["reason"] == "女儿王小红每月给钱，暂时不需要"


def test_seal_existing_seals_what_an_older_instance_stored_in_clear_and_leaves_the_rest(as_assistant, runtime):
    from backend.privacy.seal_existing import seal_existing
    from backend.storage.sealing import is_sealed as is_sealed_file

    registered = register_man(as_assistant)
    person_id = registered["person"]["id"]
    with runtime.database.engine.begin() as connection:  # as an older version wrote them
        connection.execute(text("UPDATE users SET display_name = :name WHERE id = :id"),
                           {"name": MAN.name, "id": person_id})
        connection.execute(text("UPDATE representations SET statement = 'plain statement of consent'"))
    old_photo = flows.photo_bytes("old")
    (runtime.settings.resolved_storage_dir / "ol").mkdir(parents=True)
    (runtime.settings.resolved_storage_dir / "ol" / "old-demo-photo-0001").write_bytes(old_photo)

    counts = seal_existing()
    assert counts["users.display_name"] == 1 and counts["representations.statement"] >= 1
    assert counts["files"] == 1
    [name] = raw(runtime, "SELECT display_name FROM users WHERE id = :id", id=person_id)
    assert is_sealed(name)
    with runtime.database.sessions() as session:
        assert session.get(User, person_id).display_name == MAN.name
    assert is_sealed_file(runtime.storage.read_stored("old-demo-photo-0001"))
    assert runtime.storage.get("old-demo-photo-0001") == old_photo
    assert set(seal_existing().values()) == {0}
