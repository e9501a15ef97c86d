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


def entrusting(app, owner_account: str, helper_account: str):
    """王老师's own application and 李帮忙, who asks to be entrusted with viewing it until 2027-06-30: (the owner,
    the helper, the request's body)."""
    owner = logged_in(app, owner_account, name="王老师")
    who = person(name="王老师")
    application = start(owner)
    owner.patch(f"/applications/{application['id']}", json=complete_fields(who), version=application["version"])
    helper = logged_in(app, helper_account, name="李帮忙")
    body = {"application_reference": application["reference"], "applicant_id_number": who.id_number,
            "kind": "entrusted", "scope": ["view"], "expires_on": "2027-06-30", "requester_name": "李帮忙"}
    return owner, helper, body


def test_asking_again_for_more_is_a_new_request_the_applicant_confirms(app):
    owner, helper, body = entrusting(app, "owner-entrusting", "helper-entrusted")
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


def test_a_guardian_asked_about_a_link_to_her_wards_application_is_told_it_is_his(app):
    # "陈小梅说是您的子女，想看您的申请进度" was put to the guardian about her ward's application.
    guardian = logged_in(app, "guardian-asked", name="陈监护")
    application = ward_application(guardian, WARD_A)
    relative = logged_in(app, "relative-asking", name="陈小梅")
    body = {"application_reference": application["reference"], "applicant_id_number": WARD_A.id_number,
            "kind": "family", "relation": "child", "requester_name": "陈小梅"}
    assert relative.post("/links", json=body).status_code == 201
    [asked] = [link for link in guardian.get("/me/representations").get_json()["acting_for_me"]
               if link["status"] == "pending"]
    prompt = asked["confirm_prompt"]
    assert prompt["text"].startswith("陈小梅请求以陈甲的家人（子女）身份关联陈甲的申请")
    assert "陈甲的儿子或女儿" in prompt["easy_read"] and "您的申请" not in prompt["easy_read"]
    english = guardian.get("/me/representations", headers={"Accept-Language": "en"}).get_json()
    assert "陈小梅 asks to follow 陈甲's application" in english["acting_for_me"][0]["confirm_prompt"]["text"]


def test_an_entrusted_link_asks_until_a_day_written_as_people_write_dates(app):
    owner, helper, body = entrusting(app, "owner-asked", "helper-asking")
    assert helper.post("/links", json=body).status_code == 201
    [asked] = owner.get("/me/representations").get_json()["acting_for_me"]
    assert "委托到2027年6月30日为止" in asked["confirm_prompt"]["text"]
    assert "到2027年6月30日为止" in asked["confirm_prompt"]["easy_read"]


def test_a_guardian_whose_draft_has_no_name_yet_is_told_which_application_by_its_number(app):
    guardian = logged_in(app, "guardian-no-name-yet", name="陈监护")
    draft = start(guardian, applying_as="guardian")
    saved = guardian.patch(f"/applications/{draft['id']}", json={"applicant": {"id_number": WARD_B.id_number}},
                           version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    relative = logged_in(app, "relative-early", name="陈小梅")
    assert relative.post("/links", json={"application_reference": draft["reference"],
                                         "applicant_id_number": WARD_B.id_number, "kind": "family",
                                         "relation": "child", "requester_name": "陈小梅"}).status_code == 201
    [asked] = guardian.get("/me/representations").get_json()["acting_for_me"]
    assert f"关联{draft['reference']}的申请" in asked["confirm_prompt"]["text"]
    assert "您的申请" not in asked["confirm_prompt"]["text"]
