"""Who asks to link gives their own name (issue 8, item 4: the applicant's access log shows "names of assistants and
guardians"; item 1: a link is "pending until confirmed", so the applicant must know who asks). A link request
without a name is a field problem; the name is shown in the applicant's access log, in both sides' lists of
representations and in the question put to the applicant; it becomes the account's name when it has none; links
asked for before names were asked keep none."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import text, update

from backend.accounts.models import User
from backend.privacy.sealed_column import is_sealed
from backend.representation.models import Representation
from backend.unit_of_work import unit_of_work
from tests.miniprogram_api.linking import FATHER, father  # noqa: F401  (a fixture)
from tests.miniprogram_api.test_acting_for_others import multipart
from tests.support.accounts import logged_in
from tests.support.factories import person
from tests.support.flows import photo_bytes



@pytest.fixture
def daughter(app):
    """Logged in on her own WeChat: an account without a name, as a WeChat login makes one."""
    client = logged_in(app, "daughter")
    with unit_of_work() as uow:
        uow.session.execute(update(User).where(User.account == "daughter").values(display_name=""))
        uow.commit()
    return client


def ask(client, father, **extra):
    body = {"application_reference": father["reference"], "applicant_id_number": FATHER.id_number,
            "kind": "family", "relation": "child", **extra}
    return client.post("/links", json=body)


def with_proof(client, link_id: str) -> None:
    proof = multipart(client, f"/links/{link_id}/proof", {"file": (io.BytesIO(photo_bytes("hukou")), "p.jpg")})
    assert proof.status_code == 200, proof.get_json()


def test_a_link_request_without_the_askers_name_is_a_field_problem(father, daughter):
    for missing in ({}, {"requester_name": None}, {"requester_name": "   "}):
        answer = ask(daughter, father, **missing)
        assert answer.status_code == 422, (missing, answer.get_json())
        [error] = answer.get_json()["errors"]
        assert error["field"] == "requester_name" and error["code"] == "requester_name_needed"
        assert "您自己的姓名" in error["message"] and error["easy_read"]


def test_the_askers_name_is_two_to_thirty_characters_of_plain_text(father, daughter):
    problems = {"刘": "too_short", "刘" * 31: "too_long", "刘小\u200b梅": "bad_characters"}
    for name, code in problems.items():
        answer = ask(daughter, father, requester_name=name)
        assert answer.status_code == 422, name
        [error] = answer.get_json()["errors"]
        assert (error["field"], error["code"]) == ("requester_name", code)
        assert error["message"].startswith("您的姓名")  # labelled like every other field
    # The name's problem comes together with the others of the same request.
    both = ask(daughter, father, relation=None, requester_name="刘")
    assert {item["field"] for item in both.get_json()["errors"]} == {"relation", "requester_name"}
    assert ask(daughter, father, requester_name="  阿依古丽.买买提  ").status_code == 201


def test_a_wrong_pair_is_still_refused_alike_with_a_name(father, daughter):
    answer = daughter.post("/links", json={"application_reference": father["reference"],
                                           "applicant_id_number": person().id_number, "kind": "family",
                                           "relation": "child", "requester_name": "刘小梅"})
    assert answer.status_code == 404
    with unit_of_work() as uow:  # nothing kept: the account stays without a name
        assert uow.session.query(User).filter_by(account="daughter").one().display_name == ""


def test_the_applicant_is_asked_about_the_link_by_the_name_given(father, daughter):
    asked = ask(daughter, father, requester_name="刘小梅")
    assert asked.status_code == 201, asked.get_json()
    assert asked.get_json()["representative"]["name"] == "刘小梅"
    assert asked.get_json()["confirm_prompt"] is None  # the one asking is not asked
    with_proof(daughter, asked.get_json()["id"])
    [seen] = father["client"].get("/me/representations").get_json()["acting_for_me"]
    assert seen["representative"]["name"] == "刘小梅"
    prompt = seen["confirm_prompt"]
    assert prompt["text"].startswith("刘小梅请求以您的家人（子女）身份关联您的申请") and "确认" in prompt["text"]
    assert prompt["easy_read"].startswith("刘小梅说是您的儿子或女儿")
    english = father["client"].get("/me/representations", headers={"Accept-Language": "en"}).get_json()
    assert "刘小梅 asks to follow your application as your family member (child)" in \
        english["acting_for_me"][0]["confirm_prompt"]["text"]
    # Once confirmed there is nothing more to ask; her own list names her too.
    assert father["client"].post(f"/links/{seen['id']}/confirm").status_code == 200
    [confirmed] = father["client"].get("/me/representations").get_json()["acting_for_me"]
    assert confirmed["confirm_prompt"] is None and confirmed["representative"]["name"] == "刘小梅"
    assert daughter.get("/me/representations").get_json()["i_act_for"][0]["representative"]["name"] == "刘小梅"


def test_the_access_log_shows_the_family_member_by_the_name_she_gave(father, daughter):
    asked = ask(daughter, father, requester_name="刘小梅").get_json()
    with_proof(daughter, asked["id"])
    assert father["client"].post(f"/links/{asked['id']}/confirm").status_code == 200
    assert daughter.get(f"/applications/{father['id']}/status").status_code == 200
    entries = father["client"].get(f"/applications/{father['id']}/access-log").get_json()["entries"]
    family = [entry["who"] for entry in entries if entry["who"]["role"] == "family"]
    assert family and all(who["name"] == "刘小梅" for who in family)


def test_the_name_becomes_the_accounts_name_when_it_has_none(father, daughter, app):
    assert ask(daughter, father, requester_name="刘小梅").status_code == 201
    with unit_of_work() as uow:
        assert uow.session.query(User).filter_by(account="daughter").one().display_name == "刘小梅"
    named = logged_in(app, "nephew", name="刘家侄子")
    assert ask(named, father, relation="other_relative", requester_name="刘强").status_code == 201
    with unit_of_work() as uow:
        assert uow.session.query(User).filter_by(account="nephew").one().display_name == "刘家侄子"
    # What the applicant is asked uses the name given with this request.
    names = {item["representative"]["name"]
             for item in father["client"].get("/me/representations").get_json()["acting_for_me"]}
    assert names == {"刘小梅", "刘强"}


def test_the_name_given_is_sealed_at_rest(runtime, father, daughter):
    link_id = ask(daughter, father, requester_name="刘小梅").get_json()["id"]
    with runtime.database.engine.connect() as connection:
        stored = connection.execute(text("SELECT requester_name FROM representations WHERE id = :id"),
                                    {"id": link_id}).scalar_one()
    assert is_sealed(stored) and "刘小梅" not in stored


def test_a_link_asked_for_before_names_were_asked_keeps_none(father, daughter):
    asked = ask(daughter, father, requester_name="刘小梅").get_json()
    with_proof(daughter, asked["id"])
    with unit_of_work() as uow:  # as an older version stored it: no name on the link, none on the account
        uow.session.execute(update(Representation).where(Representation.id == asked["id"]).values(requester_name=None))
        uow.session.execute(update(User).where(User.account == "daughter").values(display_name=""))
        uow.commit()
    [seen] = father["client"].get("/me/representations").get_json()["acting_for_me"]
    assert seen["representative"]["name"] is None
    assert seen["confirm_prompt"]["text"].startswith("一位没有留下姓名的人请求以您的家人（子女）身份")
    assert father["client"].post(f"/links/{asked['id']}/confirm").status_code == 200
    daughter.get(f"/applications/{father['id']}/status")
    entries = father["client"].get(f"/applications/{father['id']}/access-log").get_json()["entries"]
    family = [entry["who"]["name"] for entry in entries if entry["who"]["role"] == "family"]
    assert family and set(family) == {None}
