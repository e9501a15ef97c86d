"""Applying by conversation over the mini program's JSON API: from an empty draft to submission, every
prompt in its three forms, resuming on another device, the access rule, preferences, and the audio
links WeChat's player fetches without logging in."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.accessibility.conversation.chat import (
    Chat,
    answers_for,
    assert_prompt_in_three_forms,
    assert_said_in_three_forms,
    complete,
)
from tests.conftest import login
from tests.support.factories import person


def test_an_application_goes_from_an_empty_draft_to_submission_by_conversation_alone(app, as_applicant):
    who = person(born="1958-03-14")
    chat = Chat.start(as_applicant)
    assert chat.application_id is None and chat.step == "applying_as"
    complete(chat, answers_for(who))

    anonymous = app.test_client()
    for view in chat.views[:-1]:
        prompt = view["prompt"]
        assert re.fullmatch(r"第\d+步，共\d+步。", prompt["progress"]["text"]), prompt["progress"]
        assert prompt["progress"]["step"] <= prompt["progress"]["total"]
        assert_prompt_in_three_forms(anonymous, prompt)
        for part in (view["said"], view["correction"]):
            if part:
                assert_said_in_three_forms(anonymous, part, spoken=part["text"])
    assert chat.view["done"] is True and chat.prompt["step"] == "finished"

    document = as_applicant.get(f"/applications/{chat.application_id}?reveal=true").get_json()
    assert document["stage"] in ("submitted", "handed_off")  # the immediate job queue hands it off at once
    assert document["channel"] == "miniprogram"
    assert document["applicant"]["name"] == who.name
    assert document["applicant"]["id_number"] == who.id_number
    assert document["applicant"]["hukou_region"] == "500156"
    assert document["certificate"]["number"] == who.id_number + "42"
    assert (document["certificate"]["issue_date"], document["certificate"]["valid_until"]) == ("2019-06-10", "2029-06-10")
    assert document["household"]["status"] == "dibao"
    assert document["policy_notice_acknowledged"] is True
    assert sorted(document["consents"]) == sorted(["personal_information", "sensitive_personal_information",
                                                    "provide_to_review_authorities"])
    assert document["reference"] in chat.prompt["text"]
    kinds = {m["kind"] for m in as_applicant.get(f"/applications/{chat.application_id}/materials").get_json()["materials"]}
    assert kinds == {"id_card_front", "id_card_back", "disability_certificate", "dibao_proof"}


def test_every_answer_is_saved_at_once(as_applicant, speech_off):
    who = person()
    chat = Chat.start(as_applicant)
    chat.until("applicant.id_number", answers_for(who))
    document = as_applicant.get(f"/applications/{chat.application_id}").get_json()
    assert document["applicant"]["name"] == who.name
    assert "已记下" in chat.said and who.name in chat.said


def test_leaving_and_coming_back_on_another_device_resumes_at_the_same_question(app, as_applicant, speech_off):
    who = person()
    chat = Chat.start(as_applicant)
    chat.until("applicant.phone", answers_for(who))
    other_phone = login(app, "demo-applicant")  # a new login: another token, the same person
    resumed = chat.resume(other_phone)
    assert resumed["prompt"]["step"] == "applicant.phone"
    assert resumed["prompt"]["progress"] == chat.views[-2]["prompt"]["progress"]

    again = other_phone.post("/conversations", json={"application_id": chat.application_id})
    assert again.status_code == 200
    assert again.get_json()["conversation"]["id"] == chat.id
    assert again.get_json()["prompt"]["step"] == "applicant.phone"


def test_starting_again_with_an_unfinished_draft_carries_on_with_it_and_says_its_number(app, as_applicant,
                                                                                     speech_off):
    who = person()
    chat = Chat.start(as_applicant)
    chat.until("applicant.phone", answers_for(who))
    reference = as_applicant.get(f"/applications/{chat.application_id}").get_json()["reference"]
    again = as_applicant.post("/conversations", json={})
    assert again.status_code == 200
    view = again.get_json()
    assert view["conversation"]["id"] == chat.id and view["conversation"]["application_id"] == chat.application_id
    assert view["prompt"]["step"] == "applicant.phone"
    assert f"您有一份没填完的申请，编号是{reference}。我们接着上次的地方填" in view["said"]["text"]
    drafts = [a for a in as_applicant.get("/applications").get_json()["applications"] if a["stage"] == "draft"]
    assert len(drafts) == 1

    another = as_applicant.post("/conversations", json={"new": True})  # a second family member, say
    assert another.status_code == 201 and another.get_json()["conversation"]["id"] != chat.id


def test_starting_again_after_submitting_starts_a_new_application(as_applicant, speech_off):
    chat = Chat.start(as_applicant)
    complete(chat, answers_for(person()))
    again = as_applicant.post("/conversations", json={})
    assert again.status_code == 201 and again.get_json()["conversation"]["id"] != chat.id
    assert again.get_json()["prompt"]["step"] == "applying_as"


def test_the_question_answered_on_one_phone_is_not_answered_again_on_the_other(app, as_applicant, speech_off):
    who = person()
    chat = Chat.start(as_applicant)
    chat.until("applicant.name", answers_for(who))
    other = Chat(login(app, "demo-applicant"), chat.view)
    other.say(who.name)
    chat.say("张三")  # the first phone still shows the name question
    assert "别的地方回答过" in chat.said
    assert chat.step == "applicant.id_number"
    document = as_applicant.get(f"/applications/{chat.application_id}").get_json()
    assert document["applicant"]["name"] == who.name


def test_another_person_gets_404_for_the_conversation_and_its_application(as_applicant, as_other_applicant, speech_off):
    chat = Chat.start(as_applicant)
    chat.until("consent.personal_information", answers_for(person()))
    for response in (as_other_applicant.get(f"/conversations/{chat.id}"),
                     as_other_applicant.post(f"/conversations/{chat.id}/answers", json={"text": "同意"}),
                     as_other_applicant.post("/conversations", json={"application_id": chat.application_id})):
        assert response.status_code == 404
        assert response.get_json()["code"] in ("conversation_not_found", "application_not_found")
    assert chat.resume()["prompt"]["step"] == "consent.personal_information"


def test_a_conversation_without_an_application_yet_is_its_starters_alone(as_applicant, as_other_applicant, speech_off):
    chat = Chat.start(as_applicant)
    assert as_other_applicant.get(f"/conversations/{chat.id}").status_code == 404


def test_staff_cannot_apply_by_conversation(as_reviewer):
    response = as_reviewer.post("/conversations", json={})
    assert response.status_code == 403


def test_preferences_change_the_response(app, as_applicant):
    chat = Chat.start(as_applicant)
    assert chat.prompt["audio_url"] and chat.prompt["display"]["font_scale"] == 1.0
    saved = as_applicant.put("/me/preferences", json={"speech": False, "easy_read": True, "font_scale": 2.0,
                                                      "care_mode": True, "locale": "en"})
    assert saved.status_code == 200
    response = as_applicant.get(f"/conversations/{chat.id}")
    view = response.get_json()
    assert response.headers["Content-Language"] == "en"
    assert view["prompt"]["audio_url"] is None
    assert view["prompt"]["display"] == {
        "font_scale": 2.0, "care_mode": True, "high_contrast": False, "reduced_motion": False, "easy_read_first": True,
        "speech": False, "extended_time": False, "min_target_px": 60, "time_limit_seconds": None}

    as_applicant.put("/me/preferences", json={"speech": True, "easy_read": True})
    view = as_applicant.get(f"/conversations/{chat.id}").get_json()
    assert_prompt_in_three_forms(app.test_client(), view["prompt"], easy_read_first=True)


def test_the_saved_locale_wins_over_accept_language(app, demo_accounts, speech_off):
    english = login(app, "demo-applicant", locale="en")
    chat = Chat.start(english)
    as_applicant_in_chinese = login(app, "demo-applicant", locale="zh-CN")
    as_applicant_in_chinese.put("/me/preferences", json={"speech": False, "locale": "zh_Hant_TW"})
    response = english.get(f"/conversations/{chat.id}")
    assert response.headers["Content-Language"] == "zh-Hant-TW"


def test_audio_links_are_signed_expire_and_carry_nothing_personal(app, as_applicant, clock):
    who = person()
    chat = Chat.start(as_applicant)
    chat.until("applicant.id_number", answers_for(who))
    url = chat.view["said"]["audio_url"]  # "已记下申请人姓名：…" says the name
    anonymous = app.test_client()
    parts = urlsplit(url)
    assert who.name not in url and who.id_number[-4:] not in parts.query
    assert anonymous.get(parts.path, query_string=parts.query).status_code == 200

    tampered = re.sub(r"signature=([0-9a-f])", lambda m: "signature=" + ("0" if m[1] != "0" else "1"), parts.query)
    refused = anonymous.get(parts.path, query_string=tampered)
    assert refused.status_code == 404 and refused.get_json()["code"] == "audio_link_invalid"
    clock.advance(days=2)
    expired = anonymous.get(parts.path, query_string=parts.query)
    assert expired.status_code == 404 and expired.get_json()["code"] == "audio_link_invalid"


def test_a_photo_that_cannot_be_used_gets_a_specific_correction(as_applicant, speech_off):
    chat = Chat.start(as_applicant)
    chat.until("material.id_card_front", answers_for(person()))
    chat.photo("id_card_front", data=b"this is not a photo")
    assert chat.correction["code"] == "file_not_an_image"
    assert "不是照片" in chat.correction["text"]
    assert chat.step == "material.id_card_front"


def test_a_photo_sent_to_a_question_about_something_else_is_not_stored(as_applicant, speech_off):
    chat = Chat.start(as_applicant)
    chat.until("applicant.name", answers_for(person()))
    held = len(as_applicant.get(f"/applications/{chat.application_id}/materials").get_json()["materials"])
    chat.photo("other")
    assert "用不上" in chat.said and chat.step == "applicant.name"
    assert len(as_applicant.get(f"/applications/{chat.application_id}/materials").get_json()["materials"]) == held


def test_the_openapi_document_describes_the_conversation(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in ("/api/v1/conversations", "/api/v1/conversations/{conversation_id}",
                 "/api/v1/conversations/{conversation_id}/answers", "/api/v1/conversations/{conversation_id}/photos",
                 "/api/v1/me/preferences", "/api/v1/me/official-account-link-code"):
        assert path in paths, path


@pytest.fixture
def speech_off(as_applicant):
    """Most tests need no audio: making it is the slow part of a turn."""
    assert as_applicant.put("/me/preferences", json={"speech": False}).status_code == 200


def test_the_status_of_an_application_is_said_too(app, as_applicant):
    from tests.accessibility.conversation.chat import assert_said_in_three_forms
    from tests.support.flows import submitted

    document = submitted(as_applicant)
    status = as_applicant.get(f"/applications/{document['id']}/status").get_json()
    speech = status["speech"]
    assert status["stage_label"]["text"] in speech["text"] and status["next_step"]["text"] in speech["text"]
    assert_said_in_three_forms(app.test_client(), {**speech, "easy_read": status["next_step"]["easy_read"]},
                               spoken=speech["text"])
    as_applicant.put("/me/preferences", json={"speech": False})
    assert as_applicant.get(f"/applications/{document['id']}/status").get_json()["speech"] is None


def test_audio_is_served_in_byte_ranges_as_ios_players_ask(app, as_applicant):
    chat = Chat.start(as_applicant)
    parts = urlsplit(chat.prompt["audio_url"])
    anonymous = app.test_client()
    whole = anonymous.get(parts.path, query_string=parts.query)
    part = anonymous.get(parts.path, query_string=parts.query, headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and part.data == whole.data[:100]
    assert part.headers["Content-Range"] == f"bytes 0-99/{len(whole.data)}"


def test_a_conversation_about_an_application_submitted_by_form_says_where_it_stands(as_applicant, speech_off):
    from tests.support.flows import submitted

    document = submitted(as_applicant)
    chat = Chat.start(as_applicant, application_id=document["id"])
    assert chat.view["done"] is True and chat.step == "finished"
    assert document["reference"] in chat.prompt["text"] and "现在的进度" in chat.prompt["text"]
    chat.say("提交")
    assert "已经提交" in chat.said


def test_a_next_step_that_restates_the_stage_is_said_once(as_applicant, as_reviewer):
    from tests.support.flows import submitted

    document = submitted(as_applicant)
    as_applicant.put("/me/preferences", json={"easy_read": True})
    for kind in ("accepted", "township_review_passed", "federation_review_passed"):
        as_reviewer.post(f"/review/applications/{document['id']}/decisions", json={"type": kind})
    status = as_applicant.get(f"/applications/{document['id']}/status").get_json()
    label, spoken = status["stage_label"]["easy_read"], status["speech"]["text"]
    assert spoken.count(label.rstrip("。")) == 1, spoken
    assert status["next_step"]["easy_read"] in spoken
