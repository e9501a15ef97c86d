"""Where the person applies from, asked by the conversation after the address (issue 7: an application is
跨省通办 when the hukou province differs from the province applied from, by the applicant's own statement;
seed 001 item 7: it goes to the hukou county's office wherever it is made from)."""

from __future__ import annotations

from accessibility.conversation import plan
from accessibility.conversation.situation import Situation
from accessibility.conversation.state import ConversationState
from tests.accessibility.conversation.chat import Chat, answers_for, assert_prompt_in_three_forms, chat_at
from tests.support.factories import person


def applied_from(client, chat) -> str | None:
    return client.get(f"/applications/{chat.application_id}").get_json()["applied_from_region"]


def summary_line(chat) -> str:
    return next(line for line in chat.prompt["text"].splitlines() if "提出申请的地区" in line)


def test_the_question_comes_after_the_address_and_names_the_hukou_county(applicant):
    chat = chat_at(applicant, "applied_from_region", person())
    assert chat.views[-2]["prompt"]["step"] == "applicant.address"
    assert chat.prompt["text"] == "您的户口在重庆市武隆区。您现在住在户口所在地吗？"
    assert chat.prompt["easy_read"] == "您现在住在户口所在地吗？"
    assert chat.prompt["input"]["type"] == "yes_no" and chat.prompt["input"]["skippable"]


def test_living_where_the_hukou_is_skips_the_county_question_and_leaves_it_unset(applicant):
    who = person()
    chat = chat_at(applicant, "applied_from_region", who)
    chat.say("是的")
    assert chat.step == "applicant.phone"
    assert applied_from(applicant, chat) is None
    chat.until("summary", answers_for(who))
    assert summary_line(chat).endswith("提出申请的地区：在户口所在地申请")
    assert "跨省通办" not in chat.prompt["text"]


def test_living_in_another_province_saves_the_county_and_says_it_is_cross_province(applicant):
    who = person()
    chat = chat_at(applicant, "applied_from_region", who)
    chat.say("不是")
    assert (chat.step, chat.mode) == ("applied_from_region", "ask")
    assert chat.prompt["text"].startswith("您现在在哪个区县申请？")
    assert chat.prompt["input"]["type"] == "text" and chat.prompt["input"]["autocomplete"] == "address-level2"
    chat.say("山西省太原市小店区")
    assert applied_from(applicant, chat) == "140105"
    assert "已记下提出申请的地区：山西省太原市小店区" in chat.said
    assert "跨省通办" in chat.said and "户口所在地的民政部门审核" in chat.said
    assert chat.step == "applicant.phone"
    chat.until("summary", answers_for(who))
    assert summary_line(chat).endswith("提出申请的地区：山西省太原市小店区")
    assert "在山西省太原市小店区申请、户口在重庆市武隆区，属于跨省通办" in chat.prompt["text"]


def test_a_county_said_with_the_no_is_taken_at_once(applicant):
    chat = chat_at(applicant, "applied_from_region", person())
    chat.say("不在，在太原小店区打工")
    assert applied_from(applicant, chat) == "140105" and chat.step == "applicant.phone"


def test_another_county_of_the_same_province_is_not_cross_province(applicant):
    chat = chat_at(applicant, "applied_from_region", person())
    chat.say("不是")
    chat.say("渝中区")
    assert applied_from(applicant, chat) == "500103"
    assert "跨省通办" not in chat.said


def test_a_name_several_counties_share_gets_a_follow_up_with_their_provinces_and_cities(applicant):
    chat = chat_at(applicant, "applied_from_region", person())
    chat.say("不是")
    chat.say("新华区")
    assert (chat.step, chat.mode) == ("applied_from_region", "choose")
    assert [c["text"] for c in chat.prompt["input"]["choices"]] == [
        "河北省石家庄市新华区", "河北省沧州市新华区", "河南省平顶山市新华区"]
    assert "有几个区县叫这个名字" in chat.prompt["text"]
    chat.say("沧州的")
    assert applied_from(applicant, chat) == "130902" and "跨省通办" in chat.said


def test_a_follow_up_is_answered_by_the_number_of_the_choice_too(applicant):
    chat = chat_at(applicant, "applied_from_region", person())
    chat.say("不是")
    chat.say("城区")
    assert chat.mode == "choose" and len(chat.prompt["input"]["choices"]) == 3
    chat.say("3")
    assert applied_from(applicant, chat) == "441502"  # 广东省汕尾市城区


def test_an_abolished_county_is_saved_as_the_county_it_is_part_of_today(applicant):
    chat = chat_at(applicant, "applied_from_region", person())
    chat.say("不是")
    chat.say("北京市崇文区")
    assert applied_from(applicant, chat) == "110101"
    assert "北京市东城区" in chat.said and "跨省通办" in chat.said


def test_not_knowing_or_skipping_the_county_leaves_it_unset_and_moves_on(applicant):
    who = person()
    for answer in ("不知道", "跳过"):
        chat = Chat.start(applicant, new=True)  # two applications: the first one's draft is left as it is
        chat.until("applied_from_region", answers_for(who))
        chat.say("不是")
        chat.say(answer)
        assert chat.step == "applicant.phone", answer
        assert "可以不填" in chat.said
        assert applied_from(applicant, chat) is None
    chat.until("summary", answers_for(who))
    assert summary_line(chat).endswith("提出申请的地区：没有说（可以不填）")


def test_a_county_not_understood_gets_a_specific_correction(applicant):
    chat = chat_at(applicant, "applied_from_region", person())
    chat.say("不是")
    chat.say("在外面")
    assert chat.correction["code"] == "county_unclear" and chat.step == "applied_from_region"
    chat.say("上一步")
    assert (chat.step, chat.mode) == ("applied_from_region", "ask")
    assert chat.prompt["input"]["type"] == "yes_no"


def test_it_is_changed_from_the_summary(applicant):
    who = person()
    chat = chat_at(applicant, "summary", who)
    number = summary_line(chat).split(".")[0]
    chat.say(f"改第{number}项")
    assert (chat.step, chat.prompt["input"]["type"]) == ("applied_from_region", "yes_no")
    chat.say("不是，在北京朝阳区")
    assert applied_from(applicant, chat) == "110105"
    chat.until("summary", answers_for(who))
    chat.say("改申请地")
    assert chat.step == "applied_from_region"
    chat.say("是")
    assert applied_from(applicant, chat) is None  # back where the hukou is: the county named before is cleared


def test_a_county_already_named_by_the_application_is_not_asked(applicant):
    who = person()
    chat = chat_at(applicant, "applicant.address", who)
    document = applicant.get(f"/applications/{chat.application_id}").get_json()
    saved = applicant.patch(f"/applications/{chat.application_id}", json={"applied_from_region": "140105"},
                            version=document["version"])
    assert saved.status_code == 200, saved.get_json()
    chat.say(answers_for(who)["applicant.address"])
    assert chat.step == "applicant.phone"


def test_nobody_is_asked_where_an_assistant_made_the_application_from():
    situation = Situation({"channel": "assistant", "applied_from_region": "500156"}, ["nursing"], "village_committee",
                          ["applicant.hukou_region", "applicant.address"], [])
    assert "applied_from_region" not in [step.id for step in plan.steps(situation, ConversationState())]
    mine = Situation({"channel": "miniprogram", "applied_from_region": None}, ["nursing"], "self",
                     ["applicant.hukou_region", "applicant.address"], [])
    planned = [step.id for step in plan.steps(mine, ConversationState())]
    assert planned.index("applied_from_region") == planned.index("applicant.address") + 1


def test_the_questions_are_said_in_three_forms(app, as_applicant):
    chat = Chat.start(as_applicant)
    chat.until("applied_from_region", answers_for(person()))
    anonymous = app.test_client()
    assert_prompt_in_three_forms(anonymous, chat.prompt)
    chat.say("不是")
    assert_prompt_in_three_forms(anonymous, chat.prompt)
    chat.say("新华区")
    assert_prompt_in_three_forms(anonymous, chat.prompt)
