"""The other benefits (seed 004's policy notice: some exclude a subsidy, some compete with it): a
skipped question is not answered, and is never shown or weighed as "none"; an explicit "没有" is."""

from __future__ import annotations

from tests.accessibility.conversation.chat import answers_for, chat_at
from tests.support.factories import person


def benefits_line(chat) -> str:
    return next(line for line in chat.prompt["text"].splitlines() if "正在享受的其他补贴" in line and line[0].isdigit())


def test_a_skipped_benefits_question_shows_as_not_filled_and_stays_open(applicant):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("跳过")
    chat.until("summary", answers_for(who))
    assert benefits_line(chat).endswith("正在享受的其他补贴：还没有填")
    assert "都没有" not in chat.prompt["text"]
    assert "结果可能会变" in chat.prompt["text"]
    assert "继续" in [choice["answer"] for choice in chat.prompt["input"]["choices"]]
    chat.say("继续")
    assert chat.step == "other_benefits" and chat.mode == "ask"
    chat.say("没有")
    assert "已记下正在享受的其他补贴：都没有" in chat.said
    chat.until("summary", answers_for(who))
    assert benefits_line(chat).endswith("正在享受的其他补贴：都没有")
    assert "结果可能会变" not in chat.prompt["text"]
    assert [choice["answer"] for choice in chat.prompt["input"]["choices"]] == ["提交", "不对"]


def test_an_explicit_none_is_shown_as_none(applicant):
    who = person()
    chat = chat_at(applicant, "summary", who)
    assert benefits_line(chat).endswith("正在享受的其他补贴：都没有")
    assert "结果可能会变" not in chat.prompt["text"]
