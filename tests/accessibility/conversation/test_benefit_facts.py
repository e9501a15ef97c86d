"""After the other benefits, the conversation asks what the region's rules weigh, and only that: what a
benefit that a choose-the-higher rule weighs pays a month (seed 004, 政策告知书 注), and whether a child in
institution care is a 事实无人抚养儿童 where the nursing subsidy then goes to the institution (seed 003
item 四). Without the answer the verdict stays needs_review, as in the form, and the summary says why."""

from __future__ import annotations

import pytest

from tests.accessibility.conversation.chat import Chat, answers_for, assert_prompt_in_three_forms, chat_at, complete
from tests.support.factories import person

ELDERLY_CARE = "benefit_amount.elderly_care_subsidy"
PENSION = "benefit_amount.disability_pension"
SHANXI = "140105"  # 山西省太原市小店区: seed 003, no choose-the-higher rule of its own


def steps_asked(chat: Chat) -> list[str]:
    return list(dict.fromkeys(view["prompt"]["step"] for view in chat.views))


def saved(client, chat: Chat) -> dict:
    return client.get(f"/applications/{chat.application_id}").get_json()


def summary_line(chat: Chat, words: str) -> str:
    return next(line for line in chat.prompt["text"].splitlines() if words in line)


def shanxi_answers(who, **overrides: str) -> dict[str, str]:
    return answers_for(who, **{"applicant.hukou_region": "山西省太原市小店区", **overrides})


def for_a_child(child, parent, **overrides: str) -> dict[str, str]:
    return shanxi_answers(child, applying_as="帮我孩子申请", **{
        "proxy.relation": "我是他妈妈", "proxy.name": parent.name, "proxy.id_number": parent.id_number,
        "proxy.phone": parent.phone, **overrides})


def test_an_amount_weighed_by_a_choose_the_higher_rule_is_asked_and_gives_a_definite_answer(applicant):
    who = person()  # 武隆区, grade 2: the nursing subsidy is 80 yuan a month (seed 004 一.2)
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("养老服务补贴")
    assert (chat.step, chat.mode) == (ELDERLY_CARE, "ask")
    assert "经济困难高龄、失能老年人养老服务补贴，每个月领多少钱？" in chat.prompt["text"]
    assert chat.prompt["input"]["type"] == "number" and chat.prompt["input"]["inputmode"] == "decimal"
    assert chat.prompt["input"]["label"]["text"] == "经济困难高龄、失能老年人养老服务补贴每月金额"
    chat.say("每个月五十块")
    assert "已记下：经济困难高龄、失能老年人养老服务补贴每月50元。" in chat.said
    assert saved(applicant, chat)["other_benefit_amounts"] == {"elderly_care_subsidy": "50.00"}
    chat.until("summary", answers_for(who))
    assert summary_line(chat, "养老服务补贴每月金额").endswith("：50元")
    # Seed 004 注: 可择高享受重度残疾人护理补贴 — 80 is more than 50, so the nursing subsidy is paid.
    assert "重度残疾人护理补贴：符合条件，可以申请，每月80元。" in chat.prompt["text"]
    assert "需要审核人员确认" not in chat.prompt["text"]


def test_an_amount_weighed_against_both_subsidies_together_settles_both(applicant):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("伤残抚恤金")
    assert chat.step == PENSION
    chat.say("一千二")  # seed 004 注: 可择高享受残疾人两项补贴 — 1200 against 80 + 80: the pension is kept
    chat.until("summary", answers_for(who))
    assert "困难残疾人生活补贴：暂不符合条件" in chat.prompt["text"]
    assert "重度残疾人护理补贴：暂不符合条件" in chat.prompt["text"]


@pytest.mark.parametrize("answer", ["不知道", "跳过"])
def test_an_amount_not_known_leaves_the_answer_to_a_reviewer_and_the_summary_says_so(applicant, answer):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("养老服务补贴")
    chat.say(answer)
    assert "工作人员比较后确定" in chat.said and chat.step == "policy_notice_acknowledged"
    assert saved(applicant, chat)["other_benefit_amounts"] == {}
    chat.until("summary", answers_for(who))
    assert summary_line(chat, "养老服务补贴每月金额").endswith("：不知道（由工作人员核实）")
    assert "重度残疾人护理补贴：需要审核人员确认" in chat.prompt["text"]
    number = summary_line(chat, "养老服务补贴每月金额").split(".")[0]
    assert (f"因为不知道经济困难高龄、失能老年人养老服务补贴每个月领多少钱（第{number}项），上面的结果要由工作人员"
            f"比较两边的钱数后确定。") in chat.prompt["text"]
    chat.say(f"改第{number}项")  # known after all
    assert (chat.step, chat.mode) == (ELDERLY_CARE, "ask")
    chat.say("100元")
    assert chat.step == "summary" and "重度残疾人护理补贴：暂不符合条件" in chat.prompt["text"]
    assert "因为不知道" not in chat.prompt["text"]


def test_a_region_without_a_choose_the_higher_rule_never_asks_an_amount(applicant):
    who = person(region=SHANXI)  # the national baseline: a reviewer checks these benefits, whatever they pay
    chat = Chat.start(applicant)
    complete(chat, shanxi_answers(who, other_benefits="养老服务补贴和伤残抚恤金"))
    asked = steps_asked(chat)
    assert "other_benefits" in asked and not [step for step in asked if step.startswith("benefit_amount.")]
    assert "de_facto_unsupported_child" not in asked


def test_no_amount_is_asked_for_a_benefit_no_choose_the_higher_rule_weighs(applicant):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("高龄津贴")  # seed 004 注: 可同时享受“两项补贴”
    assert chat.step == "policy_notice_acknowledged"


def test_the_commands_work_at_the_amount_question(applicant):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("养老服务补贴")
    question = chat.prompt["text"]
    chat.say("再说一遍")
    assert chat.step == ELDERLY_CARE and chat.prompt["text"] == question
    chat.say("帮助")
    assert "只能领一样，选钱多的那一样" in chat.said and chat.step == ELDERLY_CARE
    chat.say("人工")
    assert "武隆区民政局 023-77724047" in chat.said and chat.step == ELDERLY_CARE
    chat.say("一年三千")
    assert chat.correction["code"] == "amount_per_year" and chat.step == ELDERLY_CARE
    chat.say("0")
    assert chat.correction["code"] == "amount_not_positive" and chat.step == ELDERLY_CARE
    chat.say("上一步")
    assert (chat.step, chat.mode) == ("other_benefits", "confirm")
    chat.say("对")
    assert (chat.step, chat.mode) == (ELDERLY_CARE, "ask")


def test_a_child_in_institution_care_where_the_institution_is_paid_is_asked_if_de_facto_unsupported(applicant):
    child, parent = person(region=SHANXI, born="2015-06-01"), person(region=SHANXI, born="1984-10-20")
    chat = chat_at(applicant, "other_benefits", child, **for_a_child(child, parent))
    chat.say("福利院")
    assert (chat.step, chat.mode) == ("de_facto_unsupported_child", "ask")
    assert chat.prompt["text"].startswith("申请人是不是“事实无人抚养儿童”？就是父母都不能抚养孩子")
    assert chat.prompt["input"]["type"] == "yes_no"
    chat.say("是的")
    assert "已记下：是事实无人抚养儿童。" in chat.said
    assert saved(applicant, chat)["de_facto_unsupported_child"] is True
    chat.until("summary", for_a_child(child, parent))
    assert summary_line(chat, "是否事实无人抚养儿童").endswith("：是")


def test_a_child_whose_de_facto_status_is_not_known_is_left_to_a_reviewer(applicant):
    child, parent = person(region=SHANXI, born="2015-06-01"), person(region=SHANXI, born="1984-10-20")
    chat = chat_at(applicant, "other_benefits", child, **for_a_child(child, parent))
    chat.say("福利院")
    chat.say("不知道")
    assert "由工作人员核实后确定" in chat.said
    chat.until("summary", for_a_child(child, parent))
    assert summary_line(chat, "是否事实无人抚养儿童").endswith("：不知道（由工作人员核实）")
    assert "护理补贴发给谁，要由工作人员核实后确定" in chat.prompt["text"]


def test_an_adult_in_institution_care_is_not_asked(applicant):
    who = person(region=SHANXI, born="1990-03-01")
    chat = chat_at(applicant, "other_benefits", who, **shanxi_answers(who))
    chat.say("福利院")
    assert chat.step == "policy_notice_acknowledged"


def test_a_child_where_the_region_pays_no_institution_is_not_asked(applicant):
    child, parent = person(born="2015-06-01"), person(born="1984-10-20")  # 武隆区: no such rule
    answers = for_a_child(child, parent, **{"applicant.hukou_region": "重庆市武隆区"})
    chat = chat_at(applicant, "other_benefits", child, **answers)
    chat.say("福利院")
    assert chat.step == "policy_notice_acknowledged"


def test_the_new_questions_are_said_in_three_forms(app, as_applicant):
    who = person()
    chat = chat_at(as_applicant, "other_benefits", who)
    chat.say("养老服务补贴")
    anonymous = app.test_client()
    assert_prompt_in_three_forms(anonymous, chat.prompt)
    chat.say("不知道")
    assert chat.view["said"]["audio_url"]


def test_a_benefit_taken_off_and_listed_again_has_its_amount_asked_again(applicant):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("养老服务补贴")
    chat.say("不知道")
    chat.until("summary", answers_for(who))
    number = summary_line(chat, "正在享受的其他补贴").split(".")[0]
    chat.say(f"改第{number}项")
    chat.say("没有")
    assert chat.step == "summary" and "每月金额" not in chat.prompt["text"]
    chat.say(f"改第{number}项")
    chat.say("养老服务补贴")
    assert (chat.step, chat.mode) == (ELDERLY_CARE, "ask")


def test_at_the_summary_an_amount_is_changed_by_its_name(applicant):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("养老服务补贴")
    chat.say("50")
    chat.until("summary", answers_for(who))
    chat.say("改金额")
    assert (chat.step, chat.mode) == (ELDERLY_CARE, "ask")
    chat.say("100元")
    assert chat.step == "summary" and summary_line(chat, "养老服务补贴每月金额").endswith("：100元")
    assert "重度残疾人护理补贴：暂不符合条件" in chat.prompt["text"]  # seed 004 注: 100 is more than 80


def test_with_two_amounts_asked_a_change_by_name_asks_which_item(applicant):
    who = person()
    chat = chat_at(applicant, "other_benefits", who)
    chat.say("养老服务补贴和伤残抚恤金")
    chat.say("50")
    chat.say("60")
    chat.until("summary", answers_for(who))
    chat.say("钱数填错了")
    assert chat.step == "summary" and "改第几项" in chat.said


def test_the_other_benefits_and_the_de_facto_answer_are_changed_by_their_names(applicant):
    child, parent = person(region=SHANXI, born="2015-06-01"), person(region=SHANXI, born="1984-10-20")
    chat = chat_at(applicant, "other_benefits", child, **for_a_child(child, parent))
    chat.say("福利院")
    chat.say("是的")
    chat.until("summary", for_a_child(child, parent))
    chat.say("改事实无人抚养")
    assert (chat.step, chat.mode) == ("de_facto_unsupported_child", "ask")
    chat.say("不是")
    assert chat.step == "summary" and summary_line(chat, "是否事实无人抚养儿童").endswith("：不是")
    chat.say("改其他补贴")
    assert (chat.step, chat.mode) == ("other_benefits", "ask")
