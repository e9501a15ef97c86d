"""A link asked for by an application's number is for that application alone. A guardian's account holds the
applications of every ward it applies for; a relative of one ward who links to that ward's application must not
see the others'. An entrusted person who asks again for more is asked about, and the applicant's confirmation
replaces the old link."""

from __future__ import annotations

import io

from tests.miniprogram_api.test_acting_for_others import multipart
from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person
from tests.support.flows import photo_bytes, start

WARD_A = person(born="1950-04-12", sex="male", name="陈甲")
WARD_B = person(born="1952-08-01", sex="female", name="陈乙")


def ward_application(guardian, ward) -> dict:
    draft = start(guardian, applying_as="guardian")
    saved = guardian.patch(f"/applications/{draft['id']}", json=complete_fields(ward), version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    return draft


def linked(guardian, relative, application, ward, **asked) -> dict:
    body = {"application_reference": application["reference"], "applicant_id_number": ward.id_number,
            "kind": "family", "relation": "child", "requester_name": "陈小梅", **asked}
    link = relative.post("/links", json=body).get_json()
    proof = multipart(relative, f"/links/{link['id']}/proof", {"file": (io.BytesIO(photo_bytes("hukou")), "p.jpg")})
    assert proof.status_code == 200, proof.get_json()
    assert guardian.post(f"/links/{link['id']}/confirm").status_code == 200
    return link


def test_a_relative_of_one_ward_sees_that_wards_application_and_not_the_others(app):
    guardian = logged_in(app, "guardian-of-two", name="陈监护")
    first, second = ward_application(guardian, WARD_A), ward_application(guardian, WARD_B)
    relative = logged_in(app, "relative-of-a", name="陈小梅")
    link = linked(guardian, relative, first, WARD_A)
    assert link["application_reference"] == first["reference"]   # the guardian is told which ward
    assert [item["id"] for item in relative.get("/applications").get_json()["applications"]] == [first["id"]]
    assert relative.get(f"/applications/{first['id']}").status_code == 200
    assert relative.get(f"/applications/{second['id']}").status_code == 404
    assert relative.get(f"/applications/{second['id']}/status").status_code == 404


def test_asking_again_for_more_is_a_new_request_the_applicant_confirms(app):
    owner = logged_in(app, "owner-entrusting", name="王老师")
    who = person(name="王老师")
    application = start(owner)
    owner.patch(f"/applications/{application['id']}", json=complete_fields(who), version=application["version"])
    helper = logged_in(app, "helper-entrusted", name="李帮忙")
    body = {"application_reference": application["reference"], "applicant_id_number": who.id_number,
            "kind": "entrusted", "scope": ["view"], "expires_on": "2027-06-30", "requester_name": "李帮忙"}
    first = helper.post("/links", json=body).get_json()
    multipart(helper, f"/links/{first['id']}/proof", {"file": (io.BytesIO(photo_bytes("hukou")), "p.jpg")})
    owner.post(f"/links/{first['id']}/confirm")
    more = helper.post("/links", json={**body, "scope": ["view", "edit"], "expires_on": "2027-12-31"}).get_json()
    assert more["id"] != first["id"] and more["status"] == "pending" and more["scope"] == ["view", "edit"]
    assert helper.post("/links", json={**body, "scope": ["view", "edit"], "expires_on": "2027-12-31"}).get_json()[
        "id"] == more["id"]   # asked again as it stands: the same request
    multipart(helper, f"/links/{more['id']}/proof", {"file": (io.BytesIO(photo_bytes("hukou")), "p.jpg")})
    assert owner.post(f"/links/{more['id']}/confirm").status_code == 200
    mine = {link["id"]: link["status"] for link in owner.get("/me/representations").get_json()["acting_for_me"]}
    assert mine[first["id"]] == "revoked" and mine[more["id"]] == "active"
