"""A correction done by chatting: the reviewer asks for some items; the conversation says why, asks only those
(a photo asked for must be a new one), and resubmits from the summary. Everything else stays as submitted."""

from __future__ import annotations

from tests.accessibility.conversation.chat import Chat, answers_for, complete
from tests.support.factories import person


def submitted_by_chatting(applicant):
    who = person()
    chat = Chat.start(applicant)
    complete(chat, answers_for(who))
    return chat, who


def test_a_correction_is_asked_item_by_item_and_resubmitted_from_the_summary(applicant, as_reviewer):
    chat, who = submitted_by_chatting(applicant)
    application_id = chat.application_id
    as_reviewer.post(f"/review/applications/{application_id}/decisions", json={"type": "accepted"})
    as_reviewer.post(f"/review/applications/{application_id}/decisions", json={
        "type": "correction_requested", "reason": "电话打不通，残疾人证照片看不清",
        "items": ["applicant.phone", "disability_certificate"]})

    again = Chat.start(applicant, application_id=application_id)
    assert "电话打不通，残疾人证照片看不清" in again.said and "只看需要补正的几项" in again.said
    asked = []
    for _ in range(10):
        if again.step == "summary":
            break
        asked.append(again.step)
        if again.prompt["input"]["type"] == "photo":
            again.photo(again.prompt["field"])
        elif again.mode == "confirm":
            again.say("不对")
            again.say("13900008888")
        else:
            again.say("13900008888")
    assert sorted(asked) == ["applicant.phone", "material.disability_certificate"]   # those, and only those
    again.say("提交")
    assert again.view["done"]
    document = applicant.get(f"/applications/{application_id}?reveal=true").get_json()
    assert document["stage"] in ("submitted", "handed_off") and document["applicant"]["phone"] == "13900008888"
    assert document["applicant"]["name"] == who.name   # the rest as submitted


def test_a_photo_asked_for_again_is_not_taken_as_held(applicant, as_reviewer):
    chat, _ = submitted_by_chatting(applicant)
    application_id = chat.application_id
    as_reviewer.post(f"/review/applications/{application_id}/decisions", json={"type": "accepted"})
    as_reviewer.post(f"/review/applications/{application_id}/decisions", json={
        "type": "correction_requested", "reason": "照片看不清", "items": ["disability_certificate"]})
    again = Chat.start(applicant, application_id=application_id)
    assert again.step == "material.disability_certificate"
    again.say("跳过")
    assert again.step == "summary"
    again.say("提交")
    assert not again.view["done"] and applicant.get(f"/applications/{application_id}").get_json()["stage"] == \
        "correction_requested"


def test_a_reason_that_ends_in_its_own_full_stop_is_not_said_with_two(applicant, as_reviewer):
    chat, _ = submitted_by_chatting(applicant)
    as_reviewer.post(f"/review/applications/{chat.application_id}/decisions", json={"type": "accepted"})
    as_reviewer.post(f"/review/applications/{chat.application_id}/decisions", json={
        "type": "correction_requested", "reason": "残疾人证照片反光，看不清等级。", "items": ["disability_certificate"]})
    again = Chat.start(applicant, application_id=chat.application_id)
    assert "看不清等级。我们只看" in again.said and "。。" not in again.said
