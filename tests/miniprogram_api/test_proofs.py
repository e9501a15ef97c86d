"""Proof photos (issue 8, item 1): the consent a man without a phone signed in person, his daughter's proof of
relation. Stored with the representation, seen by exactly the applicant, the person who uploaded it and a reviewer
of the county (404 for everyone else, an administrator included: administrators see statistics, not applications;
every look recorded), and sent to the review system with its SHA-256 like the materials."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from tests.miniprogram_api.test_acting_for_others import apply_for_him, link, register_man
from tests.miniprogram_api.test_handoff import receiver  # noqa: F401 (a fixture)
from tests.support.accounts import logged_in

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "handoff-packet.schema.json"


@pytest.fixture
def proofs(app, as_assistant):
    registered = register_man(as_assistant)
    application = apply_for_him(as_assistant, registered["person"]["id"])
    daughter = logged_in(app, "daughter", name="刘小梅")
    family = link(daughter, application, "family", relation="child")
    son = logged_in(app, "son", name="刘大军")
    guardian = link(son, application, "guardian", relation="child")
    for pending in (family, guardian):
        assert as_assistant.post(f"/links/{pending['id']}/confirm").status_code == 200
    return {"application": application, "person_id": registered["person"]["id"], "consent": registered["representation"],
            "family": family, "guardian": guardian, "daughter": daughter, "son": son}


def test_the_consent_signed_in_person_is_seen_by_the_assistant_and_the_reviewer(proofs, as_assistant, as_reviewer):
    url = proofs["consent"]["proof_url"]
    assert url == f"/api/v1/representations/{proofs['consent']['id']}/proof"
    for who in (as_assistant, as_reviewer):
        for variant in ("", "?variant=thumbnail"):
            response = who.get(url.removeprefix("/api/v1") + variant)
            assert response.status_code == 200 and response.mimetype == "image/jpeg"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["Content-Disposition"] == (
                f'inline; filename="consent_record-proof{"-thumbnail" if variant else ""}.jpg"')
            assert response.data[:3] == b"\xff\xd8\xff"


def test_nobody_else_sees_a_proof_and_nothing_tells_them_it_exists(app, proofs, as_reviewer_elsewhere, as_admin,
                                                                   client):
    other_assistant = logged_in(app, "other-assistant", "assistant", region="500156")
    stranger = logged_in(app, "stranger")
    made_up = "/representations/0123456789abcdef0123456789abcdef/proof"
    for who in (proofs["daughter"], proofs["son"], other_assistant, stranger, as_reviewer_elsewhere, as_admin):
        answer = who.get(f"/representations/{proofs['consent']['id']}/proof")
        assert answer.status_code == 404
        assert answer.get_json()["code"] == who.get(made_up).get_json()["code"]
    # Each representative sees their own proof, not the other's.
    assert proofs["daughter"].get(f"/representations/{proofs['family']['id']}/proof").status_code == 200
    assert proofs["daughter"].get(f"/representations/{proofs['guardian']['id']}/proof").status_code == 404
    assert proofs["son"].get(f"/representations/{proofs['family']['id']}/proof").status_code == 404
    assert client.get(f"/representations/{proofs['consent']['id']}/proof").status_code == 401


def test_the_applicant_sees_every_proof_and_every_look_at_them(app, proofs, as_assistant, as_reviewer, as_admin):
    as_reviewer.get(f"/representations/{proofs['guardian']['id']}/proof")
    assert as_admin.get(f"/representations/{proofs['consent']['id']}/proof").status_code == 404
    code = as_assistant.post(f"/assistance/people/{proofs['person_id']}/handover-code").get_json()["code"]
    himself = logged_in(app, "man-own-wechat")
    assert himself.post("/me/claim", json={"code": code}).status_code == 200
    for key in ("consent", "family", "guardian"):
        assert himself.get(f"/representations/{proofs[key]['id']}/proof").status_code == 200
    mine = himself.get("/me/representations").get_json()["acting_for_me"]
    assert all(item["proof_url"] for item in mine)
    entries = himself.get(f"/applications/{proofs['application']['id']}/access-log").get_json()["entries"]
    looks = {(entry["who"]["role"], entry["fields"][0]["field"]) for entry in entries
             if entry["did"] == "view" and entry["fields"]}
    assert ("reviewer", "guardianship_proof") in looks
    assert "admin" not in {role for role, _ in looks}  # a refused look is no look


def test_the_review_desk_lists_the_proofs_of_those_who_may_act(proofs, as_reviewer):
    listed = as_reviewer.get("/review/applications").get_json()["applications"]
    mine = next(item for item in listed if item["id"] == proofs["application"]["id"])
    kinds = {item["kind"]: item for item in mine["proofs"]}
    assert set(kinds) == {"consent_record", "guardianship_proof"}  # a family member only follows
    assert kinds["consent_record"]["flagged_for_review"] is True
    assert as_reviewer.get(kinds["guardianship_proof"]["url"].removeprefix("/api/v1")).status_code == 200


def test_the_packet_carries_the_proofs_with_their_hashes(receiver, app, as_assistant):  # noqa: F811
    import jsonschema

    registered = register_man(as_assistant)
    son = logged_in(app, "son", name="刘大军")
    first = apply_for_him(as_assistant, registered["person"]["id"])
    guardian = link(son, first, "guardian", relation="child")
    assert as_assistant.post(f"/links/{guardian['id']}/confirm").status_code == 200
    second = apply_for_him(as_assistant, registered["person"]["id"])
    packet = next(item.packet for item in receiver.state.received if item.packet["reference"] == second["reference"])
    assert {proof["kind"] for proof in packet["proofs"]} == {"consent_record", "guardianship_proof"}
    for proof in packet["proofs"]:
        assert hashlib.sha256(base64.b64decode(proof["content_base64"])).hexdigest() == proof["sha256"]
        assert proof["size_bytes"] == len(base64.b64decode(proof["content_base64"]))
    assert receiver.state.hash_failures == 0
    jsonschema.validate(packet, json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())
    assert "proofs" not in json.loads(SCHEMA.read_text())["required"]  # optional: receivers of 1.0 were unaffected


def test_an_administrator_sees_neither_the_application_nor_its_proofs(proofs, as_admin):
    # backend/applications/access.py: administrators see statistics, not applications; a proof photo (a household
    # register page, a signed consent) belongs to the applicant's file.
    assert as_admin.get(f"/applications/{proofs['application']['id']}").status_code == 404
    for key in ("consent", "family", "guardian"):
        for variant in ("", "?variant=thumbnail"):
            answer = as_admin.get(f"/representations/{proofs[key]['id']}/proof{variant}")
            assert answer.status_code == 404 and answer.get_json()["code"] == "link_not_found"


def test_the_asker_sees_their_proof_while_the_link_waits_for_confirmation(app, as_assistant):
    registered = register_man(as_assistant)
    application = apply_for_him(as_assistant, registered["person"]["id"])
    niece = logged_in(app, "niece", name="刘小芳")
    pending = link(niece, application, "family", relation="other_relative")
    assert niece.get(f"/representations/{pending['id']}/proof").status_code == 200


def test_a_relative_who_gave_up_the_link_cannot_fetch_the_household_register_photo(proofs):
    daughter, family = proofs["daughter"], proofs["family"]
    revoked = daughter.post(f"/representations/{family['id']}/revoke")
    assert revoked.status_code == 200 and revoked.get_json()["proof_url"] is None   # no link that answers 404
    refused = daughter.get(f"/representations/{family['id']}/proof")
    assert refused.status_code == 404 and refused.get_json()["code"] == "link_not_found"


def test_a_revoked_follower_cannot_fetch_the_proof_photo(app, demo_accounts):
    from tests.support import flows
    from tests.support.factories import complete_fields, person

    owner_person = person(region="500156", born="1950-04-12")
    owner = logged_in(app, "owner-who-stopped-her-cousin")
    application = flows.submitted(owner, fields=complete_fields(owner_person))
    cousin = logged_in(app, "cousin-stopped")
    link_id = flows.confirmed_link(owner, cousin, application, owner_person.id_number, "family", "王小明",
                                   relation="other_relative")
    assert cousin.get(f"/representations/{link_id}/proof").status_code == 200
    assert owner.post(f"/representations/{link_id}/revoke").status_code == 200
    assert cousin.get(f"/representations/{link_id}/proof").status_code == 404
    assert owner.get(f"/representations/{link_id}/proof").status_code == 200   # still in the applicant's file


def test_an_assistant_whose_grant_ran_out_cannot_fetch_the_consent_photo(app, proofs, clock):
    from tests.conftest import login

    clock.advance(days=181)   # an assistance grant lasts 180 days (representation/common.py, ASSISTANCE_DAYS)
    url = f"/representations/{proofs['consent']['id']}/proof"
    assert login(app, "demo-assistant").get(url).status_code == 404
    assert login(app, "demo-reviewer").get(url).status_code == 200
