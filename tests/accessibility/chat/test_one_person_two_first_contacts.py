"""One person, whichever channel came first (issue 6 item 7: the official-account user is the mini program's user
when the UnionID matches). A mini-program login WeChat gave no UnionID makes one account; following the official
account, whose UnionID is known, makes another; the next mini-program login that shows the UnionID joins them when
one holds nothing yet."""

from __future__ import annotations

from tests.accessibility.conversation.chat import answers_for
from tests.support.api import ApiClient
from tests.support.factories import person

UNIONID = "oUnionTwinPerson0000000001"
MINI = "oMiniProgramTwin0000000001"
FOLLOWER = "oFollowerTwin0000000000001"


def mini_program_login(oa, client, unionid=None) -> tuple[ApiClient, dict]:
    code = oa.fake.login(MINI, unionid=unionid)
    answer = client.post("/auth/wechat-login", json={"code": code}).get_json()
    return ApiClient(client.client, answer["access_token"]), answer


def test_an_empty_mini_program_account_joins_the_one_the_chat_made(official_account, client):
    oa = official_account
    first, before = mini_program_login(oa, client)                      # no UnionID from WeChat yet
    oa.fake.add_follower(FOLLOWER, unionid=UNIONID)
    for text in ("你好", "自己", "两项", "同意", "同意", "同意"):
        oa.safe.send_text(FOLLOWER, text)
    applied = oa.application_id(FOLLOWER)
    assert applied is not None
    phone, after = mini_program_login(oa, client, unionid=UNIONID)
    assert after["user"]["id"] != before["user"]["id"]
    assert [item["id"] for item in phone.get("/applications").get_json()["applications"]] == [applied]
    assert first.get("/applications").status_code == 401               # the empty one is closed


def test_an_empty_chat_account_joins_the_mini_programs(official_account, client):
    oa = official_account
    phone, before = mini_program_login(oa, client)
    draft = phone.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self"}).get_json()
    oa.fake.add_follower(FOLLOWER, unionid=UNIONID)
    oa.safe.send_text(FOLLOWER, "你好")                                  # a new account, holding nothing
    again, after = mini_program_login(oa, client, unionid=UNIONID)
    assert after["user"]["id"] == before["user"]["id"]
    assert oa.actor(FOLLOWER).user_id == before["user"]["id"]          # the follower is the mini program's person
    assert "为自己申请" in oa.safe.send_text(FOLLOWER, "你好").content
    assert again.get(f"/applications/{draft['id']}").status_code == 200
