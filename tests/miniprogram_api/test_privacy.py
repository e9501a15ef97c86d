"""Identifying numbers: encrypted at rest, found by keyed hash, masked unless revealed, reveals recorded."""

from __future__ import annotations

from sqlalchemy import select, text

from backend.applications.models import Application
from backend.audit.models import AuditEntry
from tests.support import flows
from tests.support.factories import ALL_CONSENTS, complete_fields, person


def _filled(as_applicant, who):
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self",
                                                     "consents": ALL_CONSENTS}).get_json()
    response = as_applicant.patch(f"/applications/{draft['id']}", json=complete_fields(who), version=draft["version"])
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_numbers_names_and_phone_are_not_stored_in_clear(as_applicant, runtime):
    who = person()
    _filled(as_applicant, who)
    with runtime.database.engine.connect() as connection:
        dump = "\n".join(str(row) for table in ("applications", "submissions", "status_events", "audit_entries")
                         for row in connection.execute(text(f"SELECT * FROM {table}")))
    for secret in (who.id_number, who.phone, who.name, who.id_number[6:14]):
        assert secret not in dump


def test_application_is_found_by_the_keyed_hash_of_its_id_number(as_applicant, runtime):
    who = person()
    filled = _filled(as_applicant, who)
    index = runtime.vault.blind_index("id_number", who.id_number)
    with runtime.database.sessions() as session:
        found = session.scalars(select(Application.id).where(Application.id_number_index == index)).all()
    assert found == [filled["id"]]


def test_numbers_are_masked_unless_the_applicant_asks_to_reveal_them(as_applicant, runtime):
    who = person()
    filled = _filled(as_applicant, who)
    assert filled["applicant"]["phone"] == who.phone[:3] + "****" + who.phone[-4:]
    revealed = as_applicant.get(f"/applications/{filled['id']}?reveal=true").get_json()
    assert revealed["applicant"]["id_number"] == who.id_number
    assert revealed["numbers_revealed"] is True
    with runtime.database.sessions() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.application_id == filled["id"])).all()
    assert "numbers.revealed" in actions


def test_reviewer_view_is_recorded_in_the_audit_log(as_applicant, as_reviewer, runtime):
    filled = flows.submitted(as_applicant)
    assert as_reviewer.get(f"/applications/{filled['id']}").status_code == 200
    with runtime.database.sessions() as session:
        rows = session.execute(select(AuditEntry.action, AuditEntry.actor_role)
                               .where(AuditEntry.application_id == filled["id"])).all()
    assert ("access.view", "reviewer") in rows


def test_no_log_line_carries_a_whole_id_number(as_applicant, caplog):
    import logging

    from backend.privacy.log_filter import install_log_filter

    caplog.set_level(logging.DEBUG)
    install_log_filter()
    for handler in logging.getLogger().handlers:
        from backend.privacy.log_filter import PersonalDataFilter
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(PersonalDataFilter())
    who = person()
    _filled(as_applicant, who)
    assert who.id_number not in caplog.text
