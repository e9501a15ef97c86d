"""A person entrusted to view, edit and submit (seed 004: 委托他人代为申请) goes through the conversation on the
owner's application, but is never shown or told the whole ID or certificate number (README: entrusted persons
never see whole numbers). The certificate number is composed of the ID number, the category and the grade for
whoever may read the ID number whole; the entrusted person is asked for it instead and reads it off the
certificate."""

from __future__ import annotations

import json

import pytest

from backend.identity.synthetic import synthetic_certificate_number
from tests.accessibility.conversation.chat import MAX_TURNS, Chat
from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person

OWNER = person(region="500156", born="1951-08-23", sex="female", name="陈秀英")
NUMBER = synthetic_certificate_number(OWNER.id_number, 4, 2)  # 肢体, 二级


@pytest.fixture
def owner(app, demo_accounts):
    return logged_in(app, "chen-xiuying", name=OWNER.name)


@pytest.fixture
def helper(app, demo_accounts):
    """A neighbour entrusted with the whole scope, speech off (these tests are about words)."""
    client = logged_in(app, "wang-bangshou", name="王帮手")
    assert client.put("/me/preferences", json={"speech": False}).status_code == 200
    return client


def _draft(owner, helper, *, certificate: dict) -> dict:
    """The owner's draft, with everything but the certificate as given, linked to the helper (a draft has its
    reference from the start, so it can be linked before it is submitted)."""
    fields = complete_fields(OWNER)
    fields["certificate"] = {**certificate, "issue_date": "2019-06-10", "valid_until": "2029-06-10"}
    draft = flows.start(owner)
    saved = owner.patch(f"/applications/{draft['id']}", json=fields, version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    flows.confirmed_link(owner, helper, draft, OWNER.id_number, "entrusted", "王帮手",
                         scope=["view", "edit", "submit"], expires_on="2027-06-30")
    return saved.get_json()


def _agree_until(chat: Chat, step: str) -> None:
    for _ in range(MAX_TURNS):
        if chat.step == step:
            return
        if chat.prompt["input"]["type"] == "photo":
            chat.photo(chat.prompt["field"])
        else:
            chat.say({("other_benefits", "ask"): "没有"}.get((chat.step, chat.mode), "对"))
    raise AssertionError(f"never reached {step}; at {chat.step}")


def _everything_said(chat: Chat) -> str:
    return "\n".join(json.dumps(view, ensure_ascii=False) for view in chat.views)


def test_an_entrusted_helper_is_asked_the_certificate_number_instead_of_the_conversation_failing_on_it(
        owner, helper):
    draft = _draft(owner, helper, certificate={"category": 4, "grade": 2})
    chat = Chat.start(helper, application_id=draft["id"])
    _agree_until(chat, "certificate.number")   # before the fix: a 404 right after the grade was confirmed
    assert chat.mode == "ask"
    chat.say(NUMBER)
    assert chat.step != "certificate.number"
    assert owner.get(f"/applications/{draft['id']}?reveal=true").get_json()["certificate"]["number"] == NUMBER
    _agree_until(chat, "summary")   # the answers read out before submitting: the numbers masked there too
    said = _everything_said(chat)
    assert OWNER.id_number not in said and NUMBER not in said
    assert OWNER.id_number[:4] + "*" * 12 + NUMBER[-4:] in chat.prompt["text"]   # read out masked


def test_an_entrusted_helper_who_changes_the_grade_is_asked_the_new_certificate_number_instead_of_told_it(
        owner, helper):
    draft = _draft(owner, helper, certificate={"number": NUMBER})
    chat = Chat.start(helper, application_id=draft["id"])
    _agree_until(chat, "certificate.grade")
    chat.say("不对")
    chat.say("三级")
    assert (chat.step, chat.mode) == ("certificate.number", "ask")
    document = owner.get(f"/applications/{draft['id']}?reveal=true").get_json()["certificate"]
    assert (document["grade"], document["number"]) == (3, None)
    chat.say(NUMBER[:-1] + "3")
    assert chat.step != "certificate.number"
    said = _everything_said(chat)
    assert OWNER.id_number not in said and NUMBER[:-1] not in said
