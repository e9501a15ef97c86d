"""What a person may say at any question instead of an answer: 再说一遍, 帮助, 不知道, 跳过 (only where
skippable), 上一步, 人工, and changing an answer from the summary."""

from __future__ import annotations

from tests.accessibility.conversation.chat import Chat, answers_for, chat_at
from tests.support.factories import person


def test_repeat_says_the_same_question_again(applicant):
    chat = chat_at(applicant, "applicant.name", person())
    before = chat.prompt["text"]
    chat.say("再说一遍")
    assert chat.step == "applicant.name" and chat.prompt["text"] == before
    assert chat.said == "好的，再说一遍。"
    chat.say("没听清")
    assert chat.prompt["text"] == before


def test_help_explains_the_question_asked(applicant):
    chat = chat_at(applicant, "certificate.grade", person())
    chat.say("帮助")
    assert "一级最重" in chat.said and chat.step == "certificate.grade"
    chat.say("怎么填")
    assert "一级最重" in chat.said
    chat.say("跳过")
    chat.say("帮助")
    assert chat.step != "certificate.grade" and chat.said  # every question has help, specific or general


def test_dont_know_offers_the_certificate_photo_or_a_helper_for_the_grade(applicant):
    chat = chat_at(applicant, "certificate.grade", person())
    chat.say("不知道")
    assert "残疾人证的照片" in chat.said and "家人" in chat.said and "跳过" in chat.said
    assert chat.step == "certificate.grade"
    chat.say("我也记不清了")
    assert "残疾人证的照片" in chat.said


def test_dont_know_which_subsidy_suggests_applying_for_both(applicant):
    chat = chat_at(applicant, "subsidies", person())
    chat.say("不知道")
    assert "两项都申请" in chat.said
    chat.say("两项")
    assert chat.step == "consent.personal_information"


def test_skip_moves_on_and_the_summary_brings_the_question_back(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.name", who)
    chat.say("跳过")
    assert chat.step == "applicant.id_number" and "最后再填" in chat.said
    chat.until("summary", answers_for(who))
    assert "还缺" in chat.prompt["text"] and "申请人姓名" in chat.prompt["text"]
    assert [c["answer"] for c in chat.prompt["input"]["choices"]] == ["继续"]
    chat.say("提交")
    assert chat.step == "applicant.name" and "没有填好" in chat.said
    chat.say(who.name)
    assert chat.step == "summary" and "都对的话" in chat.prompt["text"]


def test_questions_that_cannot_be_skipped_say_why(applicant):
    chat = chat_at(applicant, "consent.sensitive_personal_information", person())
    chat.say("跳过")
    assert chat.step == "consent.sensitive_personal_information"
    assert "不能跳过" in chat.said
    chat.say("不知道")
    assert "跳过" not in chat.said  # not offered where it cannot be done
    chat.say("不同意")
    assert "村（居）委会" in chat.said and chat.step == "consent.sensitive_personal_information"


def test_back_asks_the_previous_question_again_confirming_its_answer(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.id_number", who)
    chat.say("上一步")
    assert (chat.step, chat.mode) == ("applicant.name", "confirm")
    assert who.name in chat.prompt["text"]
    chat.say("对")
    assert chat.step == "applicant.id_number"


def test_back_at_the_first_question_says_there_is_none(applicant):
    chat = chat_at(applicant, "applying_as", person())
    chat.say("上一步")
    assert chat.step == "applying_as" and "第一个问题" in chat.said


def test_human_gives_the_contacts_of_the_hukou_region(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.name", who)
    chat.say("人工")
    assert "村（居）委会" in chat.said and "023-" not in chat.said  # no county known yet: no office to name
    chat.until("applicant.address", answers_for(who))
    chat.say("转人工")
    assert "武隆区民政局 023-77724047" in chat.said and chat.step == "applicant.address"


def test_human_names_the_offices_in_english_to_a_person_reading_in_english(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.address", who)
    applicant.locale = "en"
    chat.say("人工")
    assert "call the Civil Affairs Bureau of Wulong District, Chongqing on 023-77724047" in chat.said
    assert "民政局" not in chat.said and "残疾人联合会" not in chat.said


def test_an_answer_is_changed_from_the_summary_by_its_number(applicant):
    who = person()
    chat = chat_at(applicant, "summary", who)
    lines = chat.prompt["text"].splitlines()
    number = next(line.split(".")[0] for line in lines if "联系电话" in line)
    chat.say(f"改第{number}项")
    assert (chat.step, chat.mode) == ("applicant.phone", "ask")
    chat.say("13900008888")
    assert chat.step == "summary" and "139****8888" in chat.prompt["text"]
    chat.say("我要改一下地址")
    assert chat.step == "applicant.address"


def test_a_no_at_the_summary_asks_what_to_change(applicant):
    chat = chat_at(applicant, "summary", person())
    chat.say("不对")
    assert chat.step == "summary" and "改第几项" in chat.said
    chat.say("改第99项")
    assert chat.step == "summary" and "要改哪一项" in chat.said


def test_a_change_by_number_before_the_summary_says_numbers_come_at_the_summary(applicant):
    chat = chat_at(applicant, "applicant.address", person())
    chat.say("改第3项")
    assert chat.step == "applicant.address" and "编号在最后核对的时候才有" in chat.said
    assert "请说“改第几项”" not in chat.said   # not the very words they just said


def test_back_skips_what_the_conversation_filled_in_itself(applicant):
    chat = chat_at(applicant, "certificate.issue_date", person())  # the certificate number was filled in
    chat.say("上一步")
    assert (chat.step, chat.mode) == ("certificate.grade", "confirm")


def test_dont_know_to_a_confirmation_suggests_checking_the_document(applicant):
    chat = chat_at(applicant, "applicant.hukou_region", person())
    assert chat.mode == "confirm"
    chat.say("不知道")
    assert "对照证件" in chat.said and chat.mode == "confirm"


def test_commands_said_in_short_sentences_do_what_they_say(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.id_number", who)
    question = chat.prompt["text"]
    chat.say("重新说一遍")
    assert chat.said == "好的，再说一遍。" and chat.prompt["text"] == question
    chat.say("听不清")
    assert chat.said == "好的，再说一遍。" and chat.step == "applicant.id_number"
    chat.say("我要人工")
    assert "需要人帮忙" in chat.said and chat.step == "applicant.id_number"
    chat.say("回到上一题")
    assert (chat.step, chat.mode) == ("applicant.name", "confirm")
    chat.say("对")
    chat.say("返回上一步")
    assert chat.step == "applicant.name"


def test_hearing_words_at_the_category_question_are_an_answer_not_a_request_to_repeat(applicant):
    chat = chat_at(applicant, "certificate.category", person())
    chat.say("听不清")
    assert chat.step == "certificate.grade"
    assert "听力残疾" in chat.said


def test_a_person_reading_the_prompts_in_english_may_answer_in_english(applicant):
    applicant.locale = "en"
    chat = Chat.start(applicant)
    assert "apply" in chat.prompt["text"].lower()
    chat.say("for someone else")
    assert (chat.step, chat.mode) == ("applying_as", "choose")
    chat.say("family")
    chat.say("both")
    assert chat.step.startswith("consent.")
    for _ in range(3):
        chat.say("yes")
    question = chat.prompt["text"]
    chat.say("say it again")
    assert chat.prompt["text"] == question and chat.correction is None
    chat.say("skip")
    assert chat.step != chat.views[-2]["prompt"]["step"]
    skipped_to = chat.step
    chat.say("go back")
    assert chat.step != skipped_to and chat.step in [view["prompt"]["step"] for view in chat.views[:-2]]
    chat.say("I don't know")
    assert chat.correction is None and chat.said


def test_a_stray_number_at_the_summary_does_not_submit(applicant):
    chat = chat_at(applicant, "summary", person())
    chat.say("11")
    assert chat.step == "summary" and chat.correction["code"] == "summary_unclear"
    assert applicant.get(f"/applications/{chat.application_id}").get_json()["stage"] == "draft"
