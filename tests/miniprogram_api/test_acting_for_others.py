"""Acting for someone else (issue 8): an assistant helps a man without a smartphone from consent to
submission; his daughter links as family and follows the status; everyone else gets 404; the access log
lists each person who touched his file."""

from __future__ import annotations

import io

import pytest

from backend.identity.synthetic import synthetic_certificate_number
from tests.conftest import login
from tests.support.accounts import logged_in
from tests.support.factories import ALL_CONSENTS, person
from tests.support.flows import photo_bytes, upload

MAN = person(region="500232", born="1950-04-12", sex="male", name="刘建国")


def multipart(client, path: str, data: dict):
    return client.client.post(f"/api/v1{path}", data=data, content_type="multipart/form-data",
                              headers=client._headers(None))


def register_man(as_assistant) -> dict:
    response = multipart(as_assistant, "/assistance/people", {
        "name": MAN.name, "statement": "当面向刘建国读了授权书，他同意由我代为申请，并按了手印。",
        "consent_photo": (io.BytesIO(photo_bytes("consent")), "consent.jpg")})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def apply_for_him(as_assistant, person_id: str) -> dict:
    created = as_assistant.post("/applications", json={
        "subsidies": ["living", "nursing"], "applying_as": "village_committee", "applicant_id": person_id,
        "consents": ALL_CONSENTS})
    assert created.status_code == 201, created.get_json()
    draft = created.get_json()
    fields = {
        "applicant": {"name": MAN.name, "id_number": MAN.id_number, "hukou_region": "500156",
                      "address": MAN.address, "phone": MAN.phone},
        "certificate": {"number": synthetic_certificate_number(MAN.id_number, 4, 1), "issue_date": "2018-09-01",
                        "valid_until": "2028-09-01"},
        "household": {"status": "dibao"},
        "proxy": {"name": "凤山街道芙蓉社区居委会", "phone": "02377000000", "relation": "village_committee"},
        "policy_notice_acknowledged": True,
    }
    saved = as_assistant.patch(f"/applications/{draft['id']}", json=fields, version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    for kind in ("id_card_front", "id_card_back", "disability_certificate", "dibao_proof"):
        assert upload(as_assistant, draft["id"], kind).status_code == 201
    submitted = as_assistant.post(f"/applications/{draft['id']}/submit")
    assert submitted.status_code == 200, submitted.get_json()
    return submitted.get_json()


def link(client, application: dict, kind: str, requester_name: str = "刘小梅", **extra) -> dict:
    response = client.post("/links", json={"application_reference": application["reference"],
                                           "applicant_id_number": MAN.id_number, "kind": kind,
                                           "requester_name": requester_name, **extra})
    assert response.status_code == 201, response.get_json()
    proof = multipart(client, f"/links/{response.get_json()['id']}/proof",
                      {"file": (io.BytesIO(photo_bytes("hukou page")), "proof.jpg")})
    assert proof.status_code == 200, proof.get_json()
    return proof.get_json()


@pytest.fixture
def story(app, as_assistant, clock):
    registered = register_man(as_assistant)
    application = apply_for_him(as_assistant, registered["person"]["id"])
    daughter = logged_in(app, "daughter", name="刘小梅")
    family = link(daughter, application, "family", relation="child")
    confirmed = as_assistant.post(f"/links/{family['id']}/confirm")
    assert confirmed.status_code == 200, confirmed.get_json()
    return {"application": application, "person_id": registered["person"]["id"], "daughter": daughter,
            "grant": registered["representation"]}


def test_the_assistant_helps_a_man_without_a_smartphone_from_consent_to_submission(story, as_assistant):
    application = story["application"]
    assert application["stage"] in ("submitted", "handed_off")
    assert application["applying_as"] == "village_committee" and application["channel"] == "assistant"
    assert story["grant"]["consent_method"] == "in_person" and story["grant"]["flagged_for_review"] is True
    people = as_assistant.get("/assistance/people").get_json()["people"]
    assert people[0]["person"]["name"] == MAN.name
    assert people[0]["applications"][0]["deadlines"]["hand_off_by"]


def test_the_reviewer_sees_that_consent_was_recorded_in_person(story, as_reviewer):
    listed = as_reviewer.get("/review/applications").get_json()["applications"]
    mine = next(item for item in listed if item["id"] == story["application"]["id"])
    assert mine["representation"]["consent_method"] == "in_person"
    assert mine["representation"]["flagged_for_review"] is True


def test_his_daughter_links_as_family_and_sees_the_status(story, as_reviewer):
    daughter, application = story["daughter"], story["application"]
    status = daughter.get(f"/applications/{application['id']}/status")
    assert status.status_code == 200
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert daughter.get(f"/applications/{application['id']}/status").get_json()["stage"] == "accepted"
    assert daughter.get(f"/applications/{application['id']}").get_json()["applicant"]["id_number"].count("*") == 10
    # Family follows; it does not act.
    assert daughter.patch(f"/applications/{application['id']}", json={}, version=1).status_code == 404
    assert "accepted" in [note["event"] for note in daughter.get("/notifications").get_json()["notifications"]]


def test_a_pending_link_sees_nothing_and_cannot_confirm_itself(app, story):
    cousin = logged_in(app, "cousin")
    pending = link(cousin, story["application"], "family", relation="other_relative", requester_name="刘建军")
    assert cousin.get(f"/applications/{story['application']['id']}").status_code == 404
    assert cousin.post(f"/links/{pending['id']}/confirm").status_code == 404


def test_a_wrong_id_number_does_not_reveal_that_the_application_exists(app, story):
    stranger = logged_in(app, "stranger")
    response = stranger.post("/links", json={"application_reference": story["application"]["reference"],
                                             "applicant_id_number": person().id_number, "kind": "family",
                                             "relation": "child", "requester_name": "陈强"})
    assert response.status_code == 404


def test_an_assistant_typing_the_hand_over_code_is_told_the_person_must_do_it_on_their_own_wechat(story, as_assistant):
    code = as_assistant.post(f"/assistance/people/{story['person_id']}/handover-code").get_json()["code"]
    refused = as_assistant.post("/me/claim", json={"code": code})
    assert refused.status_code == 403
    problem = refused.get_json()
    assert problem["code"] == "persons_own_step"
    assert "申请人本人用自己的微信" in problem["detail"] and "没有这个功能" not in problem["detail"]
    # Only the person's own steps say so; the rest of /me keeps the plain refusal.
    assert as_assistant.post("/me/declines", json={"subsidies": ["living"]}).get_json()["code"] == "persons_own_step"
    assert as_assistant.get("/me/declines").get_json()["code"] == "wrong_role"
    assert as_assistant.post("/me/subscriptions", json={"accepted": []}).get_json()["code"] == "wrong_role"


def test_the_man_takes_over_on_his_own_wechat_and_sees_who_touched_his_file(app, story, as_assistant, as_reviewer):
    application = story["application"]
    as_reviewer.get(f"/applications/{application['id']}")
    story["daughter"].get(f"/applications/{application['id']}/status")
    code = as_assistant.post(f"/assistance/people/{story['person_id']}/handover-code").get_json()["code"]
    himself = logged_in(app, "man-own-wechat")
    claimed = himself.post("/me/claim", json={"code": code})
    assert claimed.status_code == 200, claimed.get_json()
    mine = himself.get("/applications").get_json()["applications"]
    assert [item["id"] for item in mine] == [application["id"]]
    entries = himself.get(f"/applications/{application['id']}/access-log").get_json()["entries"]
    names = {entry["who"]["name"] for entry in entries}
    assert {"演示协办员", "刘小梅"} <= names
    reviewer_lines = [entry for entry in entries if entry["who"]["role"] == "reviewer"]
    assert reviewer_lines and all(entry["who"]["name"] is None for entry in reviewer_lines)
    assert {"change", "submit", "view"} <= {entry["did"] for entry in entries}


def test_a_person_with_a_phone_consents_by_code_and_can_revoke(app, as_assistant):
    code = as_assistant.post("/assistance/consent-codes").get_json()["code"]
    woman = logged_in(app, "woman-with-phone", name="王芳")
    grant = woman.post("/me/assistance-consent", json={"code": code})
    assert grant.status_code == 201 and grant.get_json()["consent_method"] == "wechat_code"
    assert woman.post("/me/assistance-consent", json={"code": code}).status_code == 404  # single use
    draft = as_assistant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "village_committee",
                                                     "applicant_id": woman.user_id, "consents": ALL_CONSENTS})
    assert draft.status_code == 201
    assert woman.get(f"/applications/{draft.get_json()['id']}").status_code == 200
    revoked = woman.post(f"/representations/{grant.get_json()['id']}/revoke")
    assert revoked.get_json()["status"] == "revoked"
    assert as_assistant.get(f"/applications/{draft.get_json()['id']}").status_code == 404


def test_wrong_codes_are_limited(app):
    guesser = logged_in(app, "guesser")
    for _ in range(10):
        assert guesser.post("/me/assistance-consent", json={"code": "0000 0000"}).status_code == 404
    assert guesser.post("/me/assistance-consent", json={"code": "0000 0000"}).get_json()["code"] == \
        "too_many_code_attempts"


def test_a_decline_is_recorded_and_taken_back_by_applying(app, as_applicant):
    recorded = as_applicant.post("/me/declines", json={"subsidies": ["living", "nursing"], "reason": "暂时不需要"})
    assert recorded.status_code == 201 and recorded.get_json()["in_force"] is True
    as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self"})
    assert as_applicant.get("/me/declines").get_json()["declines"][0]["in_force"] is False


def test_a_child_under_14_applies_through_a_guardian(as_applicant):
    child = person(born="2016-03-01")
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self",
                                                     "consents": ALL_CONSENTS}).get_json()
    saved = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"id_number": child.id_number}},
                               version=draft["version"]).get_json()
    assert "child_applies_through_guardian" in [item["code"] for item in saved["missing"]]


def test_an_administrator_creates_an_assistant_who_activates_it_on_their_wechat(app, as_admin, fake_wechat, client):
    created = as_admin.post("/admin/assistants", json={"display_name": "白云乡协办员", "region_code": "500156"})
    assert created.status_code == 201, created.get_json()
    login_answer = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-new-assistant")})
    from tests.support.api import ApiClient
    newcomer = ApiClient(client.client, login_answer.get_json()["access_token"])
    assert newcomer.post("/me/activate", json={"code": created.get_json()["activation_code"]}).status_code == 200
    again = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-new-assistant")}).get_json()
    assert again["user"]["role"] == "assistant" and again["user"]["region_code"] == "500156"


def test_an_assistant_serves_a_county_not_a_province(as_admin):
    province = as_admin.post("/admin/assistants", json={"display_name": "重庆协办员", "region_code": "500000"})
    assert province.status_code == 422 and province.get_json()["errors"][0]["code"] == "region_not_a_county"


def test_an_administrator_lists_assistants_and_disables_one_who_is_then_logged_out(
        app, as_admin, fake_wechat, client):
    created = as_admin.post("/admin/assistants", json={"display_name": "白云乡协办员", "region_code": "500156"}).get_json()
    answer = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-leaving-assistant")}).get_json()
    from tests.support.api import ApiClient
    ApiClient(client.client, answer["access_token"]).post("/me/activate", json={"code": created["activation_code"]})
    again = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-leaving-assistant")}).get_json()
    assistant = ApiClient(client.client, again["access_token"])
    assert assistant.get("/assistance/people").status_code == 200
    listed = {item["id"]: item for item in as_admin.get("/admin/assistants").get_json()["assistants"]}
    mine = listed[created["user"]["id"]]
    assert (mine["region_name"], mine["activated"], mine["disabled_at"]) == ("重庆市武隆区", True, None)

    disabled = as_admin.post(f"/admin/assistants/{created['user']['id']}/disable")
    assert disabled.status_code == 200 and disabled.get_json()["disabled_at"]
    assert assistant.get("/assistance/people").status_code == 401           # at once, not at the token's expiry
    refreshed = client.post("/auth/refresh", json={"refresh_token": again["refresh_token"]})
    assert refreshed.status_code == 401
    relogin = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-leaving-assistant")})
    assert relogin.status_code == 401
    assert as_admin.post("/admin/assistants/no-such-one/disable").get_json()["code"] == "assistant_not_found"


def test_institutions_nursing_subsidy_is_paid_to_the_institution_in_shanxi(as_applicant):
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "institution",
                                                     "consents": ALL_CONSENTS}).get_json()
    child = person(region="140105", born="2015-06-01")
    as_applicant.patch(f"/applications/{draft['id']}", version=draft["version"], json={
        "applicant": {"id_number": child.id_number, "hukou_region": "140105"},
        "certificate": {"number": synthetic_certificate_number(child.id_number, 5, 1)},
        "other_benefits": ["orphan"]})
    nursing = as_applicant.get(f"/applications/{draft['id']}/eligibility").get_json()["subsidies"]["nursing"]
    assert nursing["paid_to"] == "institution"


@pytest.mark.parametrize("de_facto_unsupported_child, paid_to, payment_reason", [
    (True, "institution", "paid_to_institution"), (None, "applicant", "paid_to_unknown")])
def test_seed_003_four_a_shanxi_child_in_institution_care_marked_de_facto_unsupported_is_paid_to_the_institution(
        as_applicant, de_facto_unsupported_child, paid_to, payment_reason):
    """Not an orphan; without the answer a reviewer must say who is paid (paid_to_unknown, needs review)."""
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "institution",
                                                     "consents": ALL_CONSENTS}).get_json()
    child = person(region="140105", born="2015-06-01")
    saved = as_applicant.patch(f"/applications/{draft['id']}", version=draft["version"], json={
        "applicant": {"id_number": child.id_number, "hukou_region": "140105"},
        "certificate": {"number": synthetic_certificate_number(child.id_number, 5, 1)},
        "other_benefits": [], "de_facto_unsupported_child": de_facto_unsupported_child})
    assert saved.status_code == 200, saved.get_json()
    assert saved.get_json()["de_facto_unsupported_child"] is de_facto_unsupported_child
    nursing = as_applicant.get(f"/applications/{draft['id']}/eligibility").get_json()["subsidies"]["nursing"]
    assert nursing["paid_to"] == paid_to
    assert payment_reason in [reason["code"] for reason in nursing["reasons"]]


def test_the_daughter_sees_whom_she_follows(story):
    response = story["daughter"].get("/me/representations")
    assert response.status_code == 200, response.get_json()
    followed = response.get_json()["i_act_for"]
    assert [(item["applicant"]["name"], item["kind"], item["status"]) for item in followed] == [
        (MAN.name, "family", "active")]


def test_the_assistant_records_that_a_man_decided_not_to_apply(as_assistant):
    registered = register_man(as_assistant)
    response = as_assistant.post(f"/assistance/people/{registered['person']['id']}/declines",
                                 json={"subsidies": ["nursing"], "reason": "暂时不需要"})
    assert response.status_code == 201, response.get_json()


def test_an_assistants_draft_never_asks_for_the_assistants_own_details(as_assistant):
    """Seed 004 (政策告知书 三: 由所在村（居）民委员会代为申请): the assistant is who applies; their account says so."""
    registered = register_man(as_assistant)
    draft = as_assistant.post("/applications", json={
        "subsidies": ["nursing"], "applying_as": "village_committee", "applicant_id": registered["person"]["id"],
        "consents": ALL_CONSENTS}).get_json()
    missing = {item["field"] for item in draft["missing"]}
    assert not {"proxy.name", "proxy.phone", "proxy.relation"} & missing, missing
    assert draft["proxy"]["name"] == "演示协办员" and draft["proxy"]["relation"] == "village_committee"
    assert "applicant.name" in missing  # what the person must still give is still asked for


def test_a_guardian_who_gives_the_applicants_own_id_number_is_told_it_must_be_their_own(as_applicant):
    ward = person(born="2015-06-01")
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "guardian",
                                                     "consents": ALL_CONSENTS}).get_json()
    saved = as_applicant.patch(f"/applications/{draft['id']}", json={
        "applicant": {"id_number": ward.id_number}, "proxy": {"id_number": ward.id_number}},
        version=draft["version"]).get_json()
    same = [item for item in saved["missing"] if item["code"] == "proxy_is_the_applicant"]
    assert [item["field"] for item in same] == ["proxy.id_number"] and same[0]["message"]


def test_a_relative_whose_link_was_revoked_keeps_the_news_but_no_longer_the_name(app, as_reviewer):
    # A follower is told whose application the news is about only while they may still follow it.
    from tests.support import flows
    from tests.support.factories import complete_fields

    who = person(name="王秀英")
    applicant = logged_in(app, "applicant-x")
    application = flows.submitted(applicant, fields=complete_fields(who))
    son = logged_in(app, "son-x")
    asked = son.post("/links", json={"application_reference": application["reference"],
                                     "applicant_id_number": who.id_number, "kind": "family",
                                     "relation": "child", "requester_name": "李明"}).get_json()
    multipart(son, f"/links/{asked['id']}/proof", {"file": (io.BytesIO(photo_bytes("hukou page")), "p.jpg")})
    assert applicant.post(f"/links/{asked['id']}/confirm").status_code == 200
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert any("王秀英" in note["text"] for note in son.get("/notifications").get_json()["notifications"])
    assert applicant.post(f"/representations/{asked['id']}/revoke").status_code == 200
    notes = son.get("/notifications").get_json()["notifications"]
    assert notes and not any("王秀英" in note["text"] or "王秀英" in note["easy_read"] for note in notes)


def test_the_reviewer_still_sees_the_in_person_consent_of_a_draft_the_person_took_over(app, as_assistant, as_reviewer):
    registered = register_man(as_assistant)
    person_id = registered["person"]["id"]
    draft = as_assistant.post("/applications", json={
        "subsidies": ["living", "nursing"], "applying_as": "village_committee", "applicant_id": person_id,
        "consents": ALL_CONSENTS}).get_json()
    code = as_assistant.post(f"/assistance/people/{person_id}/handover-code").get_json()["code"]
    himself = logged_in(app, "man-own-wechat")
    assert himself.post("/me/claim", json={"code": code}).status_code == 200
    current = himself.get(f"/applications/{draft['id']}").get_json()
    fields = {"applicant": {"name": MAN.name, "id_number": MAN.id_number, "hukou_region": "500156",
                            "address": MAN.address, "phone": MAN.phone},
              "certificate": {"number": synthetic_certificate_number(MAN.id_number, 4, 1),
                              "issue_date": "2018-09-01", "valid_until": "2028-09-01"},
              "household": {"status": "dibao"}, "policy_notice_acknowledged": True}
    assert himself.patch(f"/applications/{draft['id']}", json=fields, version=current["version"]).status_code == 200
    for kind in ("id_card_front", "id_card_back", "disability_certificate", "dibao_proof"):
        assert upload(himself, draft["id"], kind).status_code == 201
    assert himself.post(f"/applications/{draft['id']}/submit").status_code == 200
    listed = as_reviewer.get("/review/applications").get_json()["applications"]
    mine = next(item for item in listed if item["id"] == draft["id"])
    assert mine["representation"] and mine["representation"]["consent_method"] == "in_person"
