"""The first question, "为自己申请，还是替别人申请？", answered as people answer it: by a choice's name or
its number (only a clear ordinal: "第二个", "2", "二"), by naming the person they apply for, or by saying
"someone else" (then asked which kind of someone). Every choice taken is said back at once."""

from __future__ import annotations

import pytest

from tests.accessibility.conversation.chat import Chat, answers_for
from tests.support.factories import person


@pytest.mark.parametrize("answer", ["帮我妈申请", "给孩子办", "我替家人申请", "为我老伴申请"])
def test_naming_a_family_member_applies_as_their_guardian_or_family(applicant, answer):
    chat = Chat.start(applicant)
    chat.say(answer)
    assert chat.step == "subsidies"
    assert "已记下申请方式：我是申请人的监护人或家人" in chat.said


@pytest.mark.parametrize("answer", ["替别人", "别人", "为他申请", "帮别人办"])
def test_someone_else_without_saying_who_is_asked_for_whom(applicant, answer):
    chat = Chat.start(applicant)
    chat.say(answer)
    assert chat.correction is None
    assert (chat.step, chat.mode) == ("applying_as", "choose")
    assert "您是替谁申请" in chat.prompt["text"]
    chat.say("别人请我办的")
    assert chat.step == "subsidies" and "受申请人委托" in chat.said


@pytest.mark.parametrize("answer, said", [("第二个", "监护人或家人"), ("2", "监护人或家人"), ("二", "监护人或家人"),
                                          ("1", "为自己申请"), ("我自己", "为自己申请")])
def test_a_choice_taken_by_number_or_name_is_said_back(applicant, answer, said):
    chat = Chat.start(applicant)
    chat.say(answer)
    assert chat.step == "subsidies"
    assert chat.said.startswith("已记下申请方式：") and said in chat.said
    assert chat.view["said"]["easy_read"].startswith("记好了：")


@pytest.mark.parametrize("answer", ["两项", "两个"])
def test_a_count_at_the_first_question_is_no_choice_number(applicant, answer):
    chat = Chat.start(applicant)
    chat.say(answer)
    assert chat.step == "applying_as" and chat.mode == "ask"
    assert chat.correction["code"] == "choice_unclear"


def test_the_subsidies_chosen_are_said_back_before_the_application_exists(applicant):
    chat = Chat.start(applicant)
    chat.say("自己")
    chat.say("两项")
    assert chat.step.startswith("consent.")
    assert "已记下申请的补贴：困难残疾人生活补贴" in chat.said and "重度残疾人护理补贴" in chat.said


@pytest.mark.parametrize("answer, relation, words", [("我替我妈妈申请", "child", "子女"), ("给孩子办", "parent", "父母"),
                                                     ("为我老伴申请", "spouse", "配偶"), ("帮我爷爷申请", "grandchild", "孙子女")])
def test_naming_who_they_apply_for_says_their_relation_which_is_then_confirmed_not_asked(applicant, answer, relation,
                                                                                      words):
    chat = Chat.start(applicant)
    chat.say(answer)
    for text in ("2", "同意", "同意", "同意"):
        chat.say(text)
    assert (chat.step, chat.mode) == ("proxy.relation", "confirm")
    assert words in chat.prompt["text"]
    chat.say("对")
    assert chat.step == "proxy.name"
    saved = applicant.get(f"/applications/{chat.application_id}?reveal=true").get_json()
    assert saved["proxy"]["relation"] == relation


@pytest.mark.parametrize("answer", ["我替家人申请", "给我儿子的媳妇申请", "替我儿媳申请"])
def test_without_one_clear_relation_the_relation_is_asked(applicant, answer):
    chat = Chat.start(applicant)
    chat.say(answer)
    for text in ("2", "同意", "同意", "同意"):
        chat.say(text)
    assert (chat.step, chat.mode) == ("proxy.relation", "ask")


def test_an_answer_to_the_relation_question_that_is_no_relation_is_told_the_words_to_use(applicant):
    chat = Chat.start(applicant)
    for text in ("我替家人申请", "2", "同意", "同意", "同意", "王丽"):
        chat.say(text)
    assert chat.step == "proxy.relation" and chat.correction["code"] == "relation_unclear"
    assert "比如“女儿”" in chat.correction["text"]
    chat.say("女儿")
    assert chat.step == "proxy.name"


def test_the_summary_said_to_a_family_member_applying_names_the_fields_from_their_side(applicant):
    who, helper = person(), person()
    chat = Chat.start(applicant)
    chat.until("summary", answers_for(who, applying_as="我替我妈妈申请", **{
        "proxy.name": "王秀英", "proxy.id_number": helper.id_number, "proxy.phone": helper.phone}))
    easy, text = chat.prompt["easy_read"], chat.prompt["text"]
    assert "您和申请人的关系：" in easy and "您的名字：王秀英" in easy
    assert "和您的关系" not in easy and "帮您办的人" not in easy
    assert "申请人户口所在的区县：" in easy and "申请人家里的低保情况：" in easy
    assert "代办人（您）的姓名：王秀英" in text


def test_the_summary_said_to_the_applicant_keeps_their_own_labels(applicant):
    chat = Chat.start(applicant)
    chat.until("summary", answers_for(person()))
    assert "户口所在的区县：" in chat.prompt["easy_read"] and "申请人" not in chat.prompt["easy_read"]
