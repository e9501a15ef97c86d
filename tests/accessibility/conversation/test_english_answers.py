"""A person reading the prompts in English (locale "en") answers in English: by the names the prompt reads for the
choices ("visual disability", "grade 1", "dibao household"), by common English words for them ("blind", "first
grade"), and by the English names of counties ("Xiaodian District, Taiyuan"); and is told region names in English,
which the English voice can read (it reads a Chinese character as "Chinese letter")."""

from __future__ import annotations

import re

import pytest

from tests.accessibility.conversation.chat import Chat, answers_for, chat_at
from tests.support.factories import person

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def english_chat_at(client, step: str, **overrides: str) -> Chat:
    chat = chat_at(client, step, person(), **overrides)
    client.locale = "en"
    chat.resume()
    return chat


def stored(client, chat, group: str, field: str):
    return client.get(f"/applications/{chat.application_id}?reveal=true").get_json()[group][field]


@pytest.mark.parametrize("answer", ["visual disability", "Visual", "blind", "1", "I can't see"])
def test_a_person_reading_in_english_names_the_disability_category_in_english(applicant, answer):
    chat = english_chat_at(applicant, "certificate.category")
    assert "1. visual disability" in chat.prompt["text"]
    chat.say(answer)
    assert chat.correction is None, chat.correction
    assert stored(applicant, chat, "certificate", "category") == 1


@pytest.mark.parametrize("answer", ["grade 1", "grade one", "first grade", "Grade I", "1"])
def test_a_person_reading_in_english_names_the_disability_grade_in_english(applicant, answer):
    chat = english_chat_at(applicant, "certificate.grade")
    assert "1. grade 1" in chat.prompt["text"]
    chat.say(answer)
    assert chat.correction is None, chat.correction
    assert stored(applicant, chat, "certificate", "grade") == 1


@pytest.mark.parametrize("answer, status", [("marginal dibao household", "dibao_marginal"), ("dibao household", "dibao"),
                                            ("neither", "none"), ("the second one", "dibao_marginal")])
def test_a_person_reading_in_english_names_the_household_status_in_english(applicant, answer, status):
    chat = english_chat_at(applicant, "household.status")
    chat.say(answer)
    assert chat.correction is None, chat.correction
    assert stored(applicant, chat, "household", "status") == status


def test_a_person_reading_in_english_says_who_they_are_to_the_applicant_in_english(applicant):
    chat = english_chat_at(applicant, "proxy.relation", applying_as="帮我家人申请")
    chat.say("grandson")
    assert chat.correction is None, chat.correction
    assert stored(applicant, chat, "proxy", "relation") == "grandchild"


@pytest.mark.parametrize("answer, code", [("Xiaodian District, Taiyuan", "140105"),
                                          ("Wulong District, Chongqing", "500156"), ("Wulong", "500156"),
                                          ("shanxi taiyuan xiaodian district", "140105")])
def test_a_person_reading_in_english_names_the_hukou_county_in_english(applicant, answer, code):
    chat = english_chat_at(applicant, "applicant.hukou_region")
    chat.say("no")  # the county read from the ID number is not it
    assert (chat.step, chat.mode) == ("applicant.hukou_region", "ask")
    chat.say(answer)
    assert chat.correction is None, chat.correction
    assert stored(applicant, chat, "applicant", "hukou_region") == code


def test_a_person_reading_in_english_names_the_county_applied_from_in_english(applicant):
    chat = english_chat_at(applicant, "applied_from_region")
    chat.say("no")
    chat.say("Xiaodian District, Taiyuan")
    assert chat.correction is None, chat.correction
    assert applicant.get(f"/applications/{chat.application_id}").get_json()["applied_from_region"] == "140105"


def test_region_names_are_said_in_english_to_a_person_reading_in_english(applicant):
    chat = english_chat_at(applicant, "applicant.hukou_region")
    assert "should be in Wulong District, Chongqing." in chat.prompt["text"]
    chat.say("yes")
    assert "County or district of hukou (household registration): Wulong District, Chongqing" in chat.said
    assert chat.step == "applicant.address"
    chat.say("Number 12, Group 3, Qingshan Village")
    assert chat.step == "applied_from_region" and "Wulong District, Chongqing" in chat.prompt["text"]
    chat.say("no")
    chat.say("Xiaodian District, Taiyuan")
    assert "Applying from Xiaodian District, Taiyuan, Shanxi with a hukou (household registration) in Wulong District, " \
           "Chongqing" in chat.said
    chat.until("summary", {**answers_for(person()), "applicant.hukou_region": "Wulong"})
    lines = chat.prompt["text"].splitlines()
    assert any(line.endswith("County or district of hukou (household registration): Wulong District, Chongqing")
               for line in lines)
    assert any(line.endswith(": Xiaodian District, Taiyuan, Shanxi") for line in lines)
    assert "Applying from Xiaodian District, Taiyuan, Shanxi with a hukou in Wulong District, Chongqing" in chat.prompt["text"]
    assert not any(CHINESE.search(line) for line in lines if "Wulong" in line and "跨省通办" not in line)


def test_region_names_stay_in_chinese_for_a_person_reading_in_chinese(applicant):
    chat = chat_at(applicant, "applicant.hukou_region", person())
    assert "重庆市武隆区" in chat.prompt["text"]


def test_a_person_reading_in_english_changes_an_answer_at_the_summary_as_the_summary_says(applicant):
    chat = english_chat_at(applicant, "summary")
    assert "“change” and the item number" in chat.prompt["text"] and not CHINESE.search(chat.prompt["text"].splitlines()[-1])
    number = next(line.split(".")[0] for line in chat.prompt["text"].splitlines() if "phone number" in line)
    chat.say(f"change {number}")
    assert (chat.step, chat.mode) == ("applicant.phone", "ask")
    chat.say("13900008888")
    assert chat.step == "summary"
    chat.say("change phone")
    assert chat.step == "applicant.phone"


def test_a_person_reading_in_english_picks_one_of_several_counties_by_its_city_in_english(applicant):
    chat = english_chat_at(applicant, "applied_from_region")
    chat.say("no")
    chat.say("Cheng District")
    assert chat.mode == "choose" and "1. Cheng District, Yangquan, Shanxi" in chat.prompt["text"]
    chat.say("the Yangquan one")
    assert chat.correction is None, chat.correction
    assert applicant.get(f"/applications/{chat.application_id}").get_json()["applied_from_region"] == "140302"
