"""What a follower says in the chat besides answers: a greeting or a plain wish to apply at the first
question, and where their application stands ("查进度", at any point, typed or said), answered in the
words of the application's status document."""

from __future__ import annotations

import pytest

from accessibility.status_speech import status_words
from backend.accounts.preferences import put_preferences
from backend.applications.status import application_status
from tests.accessibility.conversation.chat import answers_for
from tests.support.factories import person

VOICE = b"#!AMR\n" + b"\x00" * 64


def test_a_greeting_or_a_wish_to_apply_at_the_first_question_is_answered_with_the_question_again(official_account):
    oa = official_account
    openid = "oFollowerGreets00000000001"
    oa.fake.add_follower(openid)
    first = oa.safe.send_text(openid, "你好")
    assert "您好" in first.content and "为自己申请" in first.content  # the first contact: welcome, question 1

    for said in ("你好", "您好，我想申请补贴", "我要申请。"):
        again = oa.safe.send_text(openid, said)
        assert "我们一步一步来" in again.content and "为自己申请" in again.content, said
        assert "没听明白" not in again.content
        assert oa.state(openid)["current"] == "applying_as" and oa.state(openid)["applying_as"] is None
    oa.safe.send_text(openid, "自己")
    assert oa.state(openid)["applying_as"] == "self"


def test_asking_for_progress_before_anything_is_submitted_says_so_and_asks_the_question_again(official_account):
    oa = official_account
    openid = "oFollowerAsksTooEarly00001"
    oa.fake.add_follower(openid)
    oa.safe.send_text(openid, "你好")
    reply = oa.safe.send_text(openid, "查进度")
    assert "还没有提交过申请" in reply.content and "为自己申请" in reply.content
    assert "没听明白" not in reply.content


def test_a_stranger_whose_first_words_ask_for_progress_is_welcomed_too(official_account):
    oa = official_account
    openid = "oFollowerFirstAsksProgress"
    oa.fake.add_follower(openid)
    reply = oa.safe.send_text(openid, "查进度")
    assert "您好，这里是残疾人两项补贴网上申请" in reply.content and "还没有提交过申请" in reply.content
    assert "为自己申请" in reply.content


def test_asking_where_a_draft_stands_answers_with_its_status_and_keeps_the_question(official_account):
    oa = official_account
    openid = "oFollowerAsksMidway000001"
    oa.fake.add_follower(openid)
    for text in ("你好", "自己", "两项"):
        oa.safe.send_text(openid, text)
    asked = oa.state(openid)["current"]
    reply = oa.safe.send_text(openid, "我的申请到哪一步了？")
    status = application_status(oa.actor(openid), oa.application_id(openid), locale="zh_Hans_CN")
    assert status["reference"] in reply.content
    assert status_words(status, "zh_Hans_CN").text in reply.content  # as the mini program says it
    assert status["stage_label"]["text"] in reply.content and status["next_step"]["text"] in reply.content
    assert "同意吗" in reply.content  # then the question it was at, not answered by the words
    assert oa.state(openid)["current"] == asked and "没听明白" not in reply.content


@pytest.mark.parametrize("asked", ["查进度", "进度", "审核到哪了？", "申请怎么样了", "查询"])
def test_after_submitting_the_chat_says_where_the_application_stands(official_account, asked):
    oa = official_account
    openid = "oFollowerAsksProgress00001"
    oa.fake.add_follower(openid)
    replies = oa.complete(oa.safe, openid, answers_for(person()))
    assert "查进度" in replies[-1] and "我的申请" not in replies[-1]  # there is no such page in a chat

    reply = oa.safe.send_text(openid, asked)
    status = application_status(oa.actor(openid), oa.application_id(openid), locale="zh_Hans_CN")
    assert status["reference"] in reply.content
    assert status_words(status, "zh_Hans_CN").text in reply.content  # as the mini program says it
    assert status["stage_label"]["text"] in reply.content and status["next_step"]["text"] in reply.content
    assert "新申请" in reply.content and "没听明白" not in reply.content


def test_progress_is_asked_by_voice_too_and_in_easy_read_words_when_preferred(official_account):
    oa = official_account
    openid = "oFollowerAsksByVoice000001"
    oa.fake.add_follower(openid)
    oa.complete(oa.safe, openid, answers_for(person()))
    put_preferences(oa.actor(openid), {"easy_read": True})
    voice = oa.fake.add_media(VOICE, "voice.amr", "audio/amr")
    reply = oa.safe.send_voice(openid, voice, "我的申请审核到哪一步了。")
    status = application_status(oa.actor(openid), oa.application_id(openid), locale="zh_Hans_CN")
    assert status_words(status, "zh_Hans_CN").easy_read in reply.content
    assert status["next_step"]["easy_read"] in reply.content


def test_after_a_new_application_is_begun_progress_is_of_the_one_sent_for_review(official_account):
    oa = official_account
    openid = "oFollowerAsksAfterNew00001"
    oa.fake.add_follower(openid)
    oa.complete(oa.safe, openid, answers_for(person()))
    sent = oa.application_id(openid)
    for text in ("新申请", "自己", "护理"):
        oa.safe.send_text(openid, text)
    reply = oa.safe.send_text(openid, "查进度")
    reference = application_status(oa.actor(openid), sent, locale="zh_Hans_CN")["reference"]
    assert reference in reply.content and "同意吗" in reply.content


def test_a_refused_application_lists_the_offices_to_ask(official_account, as_reviewer):
    oa = official_account
    openid = "oFollowerAsksWhenRefused01"
    oa.fake.add_follower(openid)
    oa.complete(oa.safe, openid, answers_for(person()))
    application_id = oa.application_id(openid)
    refused = as_reviewer.post(f"/review/applications/{application_id}/decisions",
                               json={"type": "rejected", "reason": "未纳入低保"})
    assert refused.status_code == 200, refused.get_json()
    reply = oa.safe.send_text(openid, "查进度")
    status = application_status(oa.actor(openid), application_id, locale="zh_Hans_CN")
    assert status["stage"] == "rejected" and status["contacts"]
    contact = status["contacts"][0]
    assert "打电话" in reply.content and contact["phone"] in reply.content and contact["office"] in reply.content
