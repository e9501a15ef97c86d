"""A photo of the ID card or the certificate shows the whole ID number, so seeing it takes the same right as
`?reveal=true` (issue 8, item 3: "which fields"); listing the materials (kinds, status) stays a plain view.
And a look reads as a look in the applicant's access log, never as a change."""

from __future__ import annotations


import pytest

from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person

OWNER = person(region="500156", born="1948-03-02", sex="female", name="陈桂英")


def linked(owner, client, application, kind, **extra) -> str:
    return flows.confirmed_link(owner, client, application, OWNER.id_number, kind,
                                extra.pop("requester_name", "王秀兰"), **extra)


@pytest.fixture
def family_file(app, demo_accounts):
    owner = logged_in(app, "chen-guiying", name=OWNER.name)
    application = flows.submitted(owner, fields=complete_fields(OWNER))
    people = {"owner": owner}
    for name, kind, extra in [("son", "guardian", {"relation": "child"}),
                              ("grandson", "family", {"relation": "grandchild"}),
                              ("neighbour", "entrusted", {"scope": ["view"], "expires_on": "2027-06-30"}),
                              ("helper", "entrusted", {"scope": ["view", "edit", "submit"],
                                                       "expires_on": "2027-06-30"})]:
        given = {"son": "王建军", "grandson": "王小明"}.get(name, "王" + name)
        people[name] = logged_in(app, name, name=given)
        linked(owner, people[name], application, kind, requester_name=given, **extra)
    materials = owner.get(f"/applications/{application['id']}/materials").get_json()["materials"]
    return application, materials, people


@pytest.mark.parametrize("who", ["grandson", "neighbour", "helper"])
def test_family_and_entrusted_persons_list_the_materials_but_never_see_the_photos(family_file, who):
    application, materials, people = family_file
    client = people[who]
    assert client.get(f"/applications/{application['id']}?reveal=true").status_code == 404
    listed = client.get(f"/applications/{application['id']}/materials")
    assert listed.status_code == 200
    assert {item["kind"] for item in listed.get_json()["materials"]} == {item["kind"] for item in materials}
    for material in materials:
        base = f"/applications/{application['id']}/materials/{material['id']}/file"
        assert client.get(base).status_code == 404
        assert client.get(base + "?variant=thumbnail").status_code == 404


def test_the_guardian_and_the_applicant_see_the_photos(family_file):
    application, materials, people = family_file
    for who in ("owner", "son"):
        for variant in ("", "?variant=thumbnail"):
            response = people[who].get(
                f"/applications/{application['id']}/materials/{materials[0]['id']}/file{variant}")
            assert response.status_code == 200 and response.mimetype == "image/jpeg", who


def test_a_guardian_looking_at_photos_is_shown_as_a_look_not_a_change(family_file):
    application, materials, people = family_file
    for material in materials:
        assert people["son"].get(f"/applications/{application['id']}/materials/{material['id']}/file").status_code == 200
    people["grandson"].get(f"/applications/{application['id']}/status")
    entries = people["owner"].get(f"/applications/{application['id']}/access-log").get_json()["entries"]
    son = [entry for entry in entries if entry["who"]["name"] == "王建军" and entry["did"] != "link"]
    assert son and {entry["did"] for entry in son} == {"view"}
    assert {entry["fields"][0]["field"] for entry in son if entry["fields"]} == {item["kind"] for item in materials}
    grandson = [entry for entry in entries if entry["who"]["name"] == "王小明" and entry["did"] != "link"]
    assert grandson and {entry["did"] for entry in grandson} == {"view"}


def _user_id(account: str) -> str:
    from sqlalchemy import select

    from backend.accounts.models import User
    from backend.unit_of_work import unit_of_work

    with unit_of_work() as uow:
        return uow.session.scalars(select(User.id).where(User.account == account)).one()


def test_a_guardians_look_shows_their_role_whichever_record_of_the_request_the_database_gives_first(family_file):
    # One request writes two records at one time: the access rule's ("access.view_files", in the role held:
    # guardian) and the use case's ("material.viewed", with the account's role: public). On PostgreSQL their
    # order among equal times is the table's physical order; the log showed the son as "申请人" when the use
    # case's record came first. Written here in that order.
    from datetime import UTC, datetime

    from backend.audit.models import AuditEntry
    from backend.unit_of_work import unit_of_work

    application, materials, people = family_file
    at = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    son = _user_id("son")
    with unit_of_work() as uow:
        for role, action in (("public", "material.viewed"), ("guardian", "access.view_files")):
            uow.session.add(AuditEntry(at=at, actor_user_id=son, actor_role=role, application_id=application["id"],
                                       action=action, fields=["id_card_front"] if action == "material.viewed" else []))
            uow.session.flush()
        uow.commit()
    entries = people["owner"].get(f"/applications/{application['id']}/access-log").get_json()["entries"]
    look = [entry for entry in entries if entry["at"].startswith("2026-11-25T03:00:00")]
    assert [(entry["who"]["role"], entry["who"]["name"]) for entry in look] == [("guardian", "王建军")]


def test_what_a_guardian_does_is_recorded_in_the_role_they_hold_not_their_accounts(family_file):
    # The audit log is read by the office and the applicant: each record of a request names the guardian as a
    # guardian, the use case's own records ("material.viewed") as well as the access rule's.
    from sqlalchemy import select

    from backend.audit.models import AuditEntry
    from backend.unit_of_work import unit_of_work

    application, materials, people = family_file
    photo = f"/applications/{application['id']}/materials/{materials[0]['id']}/file"
    assert people["son"].get(photo).status_code == 200
    son = _user_id("son")
    with unit_of_work() as uow:
        roles = {entry.action: entry.actor_role for entry in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.actor_user_id == son,
                                     AuditEntry.application_id == application["id"]))}
    assert roles["material.viewed"] == roles["access.view_files"] == "guardian"
