"""A man without a smartphone was helped in person by the village assistant (seed 004, 政策告知书 三: the village
committee may apply on his behalf). When he takes the account over on his own WeChat (POST /me/claim), he is told
of everything already in it (seed 001 item 11: no one left out of the online service for want of a smartphone):
what was submitted in his name, by whom (role and office, never a name), when, the stage and what to do now; and
that changes at home must be reported, since the policy notice was acknowledged for him (seed 003 item 4)."""

from __future__ import annotations

import pytest

from tests.miniprogram_api.test_acting_for_others import MAN, apply_for_him, register_man
from tests.support.accounts import logged_in
from tests.support.factories import ALL_CONSENTS


def take_over(app, as_assistant, person_id: str, account: str = "man-own-wechat", **client):
    code = as_assistant.post(f"/assistance/people/{person_id}/handover-code").get_json()["code"]
    himself = logged_in(app, account)
    if client.get("locale"):
        himself.locale = client["locale"]
    claimed = himself.post("/me/claim", json={"code": code})
    assert claimed.status_code == 200, claimed.get_json()
    return himself, claimed.get_json(), code


def takeover_notes(himself) -> list[dict]:
    return [note for note in himself.get("/notifications").get_json()["notifications"]
            if note["event"].startswith("taken_over")]


@pytest.fixture
def man(as_assistant) -> str:
    return register_man(as_assistant)["person"]["id"]


@pytest.fixture
def submitted_for_him(man, as_assistant, as_reviewer) -> dict:
    application = apply_for_him(as_assistant, man)
    accepted = as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert accepted.status_code == 200, accepted.get_json()
    return application


def test_the_man_who_takes_over_is_told_of_the_application_submitted_for_him_with_its_stage(
        app, man, submitted_for_him, as_assistant):
    himself, claimed, _ = take_over(app, as_assistant, man)
    [note] = takeover_notes(himself)
    assert note["event"] == "taken_over_submitted" and note["application_id"] == submitted_for_him["id"]
    assert note["read"] is False
    text = note["text"]
    assert submitted_for_him["reference"] in text
    assert "已受理" in text and "乡镇收下了" not in text  # the stage now, in the standard form
    assert "重庆市武隆区的村（居）协办员" in text  # by role and office ...
    assert "演示协办员" not in text and "演示协办员" not in note["easy_read"]  # ... never by the assistant's name
    assert "在2026年11月25日替您提交" in text  # when (the test clock's day in China), as people write dates
    assert "困难残疾人生活补贴、重度残疾人护理补贴" in text
    assert "不用做什么" in text and "政策告知书" in text  # what now, and the duty to report changes
    assert "已经收下了" in note["easy_read"] and "帮办的人" in note["easy_read"]
    assert MAN.id_number not in text and MAN.id_number[-4:] not in text  # no ID number, not even masked
    # The claim's own answer says the same.
    assert [item["application_id"] for item in claimed["applications"]] == [submitted_for_him["id"]]
    assert claimed["applications"][0]["text"] == text and claimed["applications"][0]["stage"] == "accepted"
    assert "1 份申请" in claimed["message"]["text"]


def test_the_pledge_made_for_him_names_a_frozen_or_cancelled_certificate_and_destitute_support(
        app, man, submitted_for_him, as_assistant):
    # Seed 004 附件1 四 (残疾人证冻结、注销 → 次月停发) and 政策告知书 注 (纳入特困供养保障的不享受两项补贴): changes
    # he must report, as the notice acknowledged for him says (seed 003 item 四: 应主动告知).
    himself, _, _ = take_over(app, as_assistant, man)
    [note] = takeover_notes(himself)
    for form in (note["text"], note["easy_read"]):
        assert "冻结" in form and "注销" in form and "特困供养" in form, form


def test_a_draft_the_assistant_left_is_mentioned_and_can_be_continued(app, man, submitted_for_him, as_assistant):
    draft = as_assistant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "village_committee",
                                                     "applicant_id": man, "consents": ALL_CONSENTS}).get_json()
    himself, claimed, _ = take_over(app, as_assistant, man)
    by_application = {note["application_id"]: note for note in takeover_notes(himself)}
    assert set(by_application) == {submitted_for_him["id"], draft["id"]}
    note = by_application[draft["id"]]
    assert note["event"] == "taken_over_draft"
    assert "还没有提交" in note["text"] and "接着填写" in note["text"] and "重度残疾人护理补贴" in note["text"]
    assert "还没有交" in note["easy_read"]
    assert [item["stage"] for item in claimed["applications"]] == ["accepted", "draft"]  # oldest first
    assert "2 份申请" in claimed["message"]["text"]
    mine = himself.get(f"/applications/{draft['id']}").get_json()
    # His own application now: no longer the village committee's on his behalf, no helper's details as a proxy's.
    assert mine["applying_as"] == "self" and not (mine.get("proxy") or {}).get("name")
    assert himself.patch(f"/applications/{draft['id']}", json={"household": {"status": "dibao"}},
                         version=mine["version"]).status_code == 200  # his to continue


def test_what_he_corrects_himself_after_taking_over_is_his_in_the_timeline(app, man, submitted_for_him, as_assistant,
                                                                           as_reviewer):
    as_reviewer.post(f"/review/applications/{submitted_for_him['id']}/decisions", json={
        "type": "correction_requested", "reason": "电话打不通", "items": ["applicant.phone"]})
    himself, _, _ = take_over(app, as_assistant, man)
    current = himself.get(f"/applications/{submitted_for_him['id']}").get_json()
    assert himself.patch(f"/applications/{current['id']}", json={"applicant": {"phone": "13900001111"}},
                         version=current["version"]).status_code == 200
    assert himself.post(f"/applications/{current['id']}/submit").status_code == 200
    timeline = himself.get(f"/applications/{current['id']}/status").get_json()["timeline"]
    acted = {event["event"]: event["actor_role"] for event in timeline}
    assert acted["submitted"] == "assistant" and acted["resubmitted"] == "applicant"   # was 村（居）委会


def test_nothing_is_announced_when_the_account_held_no_application(app, man, as_assistant):
    himself, claimed, _ = take_over(app, as_assistant, man)
    assert himself.get("/notifications").get_json()["notifications"] == []
    assert claimed["applications"] == []
    assert "还没有申请" in claimed["message"]["text"]


def test_claiming_again_does_not_tell_him_twice(app, man, submitted_for_him, as_assistant):
    himself, _, code = take_over(app, as_assistant, man)
    assert himself.post("/me/claim", json={"code": code}).status_code == 404  # the code is used up
    assert len(takeover_notes(himself)) == 1
    # Nor does announcing the same applications again (the guard, whatever the way in).
    from backend.applications.models import Application
    from backend.notifications.takeover import announce_takeover
    from backend.unit_of_work import unit_of_work
    with unit_of_work() as uow:
        application = uow.session.get(Application, submitted_for_him["id"])
        assert len(announce_takeover(uow, himself.user_id, [application])) == 1
        uow.commit()
    assert len(takeover_notes(himself)) == 1


def test_the_notice_is_said_in_his_language_and_aloud_when_he_listens(app, man, submitted_for_him, as_assistant):
    himself, claimed, _ = take_over(app, as_assistant, man, locale="en")
    [note] = takeover_notes(himself)
    assert submitted_for_him["reference"] in note["text"] and "替您" not in note["text"]
    assert "village" in note["text"].lower()
    assert "Wulong District, Chongqing" in note["text"] and "重庆" not in note["text"]   # the office, in English
    assert note["audio_url"] and claimed["applications"][0]["audio_url"] and claimed["message"]["audio_url"]


def test_a_man_whose_application_was_sent_back_is_told_to_correct_it(app, man, submitted_for_him, as_assistant,
                                                                      as_reviewer):
    sent_back = as_reviewer.post(f"/review/applications/{submitted_for_him['id']}/decisions", json={
        "type": "correction_requested", "reason": "电话打不通", "items": ["applicant.phone"]})
    assert sent_back.status_code == 200, sent_back.get_json()
    himself, _, _ = take_over(app, as_assistant, man)
    [note] = takeover_notes(himself)
    # What to correct is named (a blind listener hears it), and the easy-read form says it once.
    assert "审核人员请您补正：联系电话" in note["text"] and "补好后重新提交" in note["text"]
    assert "要改：" in note["easy_read"] and note["easy_read"].count("要您改一下") == 1


def test_the_man_is_told_the_assistant_can_still_help_and_how_to_end_it(app, man, submitted_for_him, as_assistant):
    himself, claimed, _ = take_over(app, as_assistant, man)
    [note] = takeover_notes(himself)
    assert "协办员仍可以帮您办理" in note["text"] and "取消" in note["text"]
    assert "协办员仍可以帮您办理" in claimed["applications"][0]["text"]


def test_an_application_the_assistant_withdrew_says_who_withdrew_it(app, man, as_assistant):
    application = apply_for_him(as_assistant, man)   # submitted, not yet accepted: it may be withdrawn online
    withdrawn = as_assistant.post(f"/applications/{application['id']}/withdraw", json={})
    assert withdrawn.status_code == 200, withdrawn.get_json()
    himself, _, _ = take_over(app, as_assistant, man)
    [note] = takeover_notes(himself)
    assert "村（居）协办员已经撤回了这份申请" in note["text"]


def test_the_english_notice_has_a_space_between_its_sentences(app, man, submitted_for_him, as_assistant):
    himself, _, _ = take_over(app, as_assistant, man, locale="en")
    [note] = takeover_notes(himself)
    assert ".The" not in note["text"] and "”.T" not in note["text"]


def test_a_claim_retried_after_its_answer_was_lost_gets_that_answer_not_a_used_up_code(app, man, submitted_for_him,
                                                                                     as_assistant):
    code = as_assistant.post(f"/assistance/people/{man}/handover-code").get_json()["code"]
    himself = logged_in(app, "man-own-wechat")
    headers = {"Idempotency-Key": "claim-on-a-bad-signal"}
    first = himself.post("/me/claim", json={"code": code}, headers=headers)
    again = himself.post("/me/claim", json={"code": code}, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.get_json()["applications"][0]["reference"] == submitted_for_him["reference"]
    assert len(takeover_notes(himself)) == 1


def test_a_wechat_that_already_holds_its_own_application_cannot_take_over_another_persons_account(
        app, man, submitted_for_him, as_assistant):
    code = as_assistant.post(f"/assistance/people/{man}/handover-code").get_json()["code"]
    neighbour = logged_in(app, "neighbours-wechat")
    own = neighbour.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self"})
    assert own.status_code == 201
    refused = neighbour.post("/me/claim", json={"code": code})
    assert refused.status_code == 409 and refused.get_json()["code"] == "claim_into_an_empty_account"
    # Nothing moved, and the assistant's grant reaches nothing of the neighbour's.
    assert [a["id"] for a in neighbour.get("/applications").get_json()["applications"]] == [own.get_json()["id"]]
    assert as_assistant.get(f"/applications/{own.get_json()['id']}").status_code == 404
    # The code is still his to use.
    himself = logged_in(app, "man-own-wechat")
    assert himself.post("/me/claim", json={"code": code}).status_code == 200


def test_a_second_code_for_a_man_who_has_taken_over_already_moves_nothing(app, man, submitted_for_him, as_assistant):
    first = as_assistant.post(f"/assistance/people/{man}/handover-code").get_json()["code"]
    second = as_assistant.post(f"/assistance/people/{man}/handover-code").get_json()["code"]
    himself = logged_in(app, "man-own-wechat")
    assert himself.post("/me/claim", json={"code": first}).status_code == 200
    stranger = logged_in(app, "someone-elses-wechat")
    refused = stranger.post("/me/claim", json={"code": second})
    assert refused.status_code == 404 and refused.get_json()["code"] == "code_not_valid"
    assert stranger.get("/applications").get_json()["applications"] == []
    assert [a["id"] for a in himself.get("/applications").get_json()["applications"]] == [submitted_for_him["id"]]


@pytest.mark.parametrize("typed", ["full_width", "read_out"])
def test_a_code_typed_in_full_width_or_said_in_chinese_digits_is_the_same_code(app, man, submitted_for_him,
                                                                                as_assistant, typed):
    code = as_assistant.post(f"/assistance/people/{man}/handover-code").get_json()["code"]
    digits = code.replace(" ", "")
    if typed == "full_width":
        entered = "".join(chr(ord(d) + 0xFEE0) for d in digits[:4]) + " " + "".join(chr(ord(d) + 0xFEE0) for d in digits[4:])
    else:
        entered = "".join("零一二三四五六七八九"[int(d)] for d in digits)
    claimed = logged_in(app, "man-own-wechat").post("/me/claim", json={"code": entered})
    assert claimed.status_code == 200, claimed.get_json()


def test_the_assistant_is_told_whose_application_the_news_is_about(app, man, submitted_for_him, as_assistant,
                                                                    as_reviewer):
    about_him = [note for note in as_assistant.get("/notifications").get_json()["notifications"]
                 if note["application_id"] == submitted_for_him["id"]]
    assert about_him and all(note["text"].startswith(f"{MAN.name}的申请") for note in about_him)
    assert all("您的申请" not in note["text"] and MAN.name in note["easy_read"] for note in about_him)
    himself, _, _ = take_over(app, as_assistant, man)
    as_reviewer.post(f"/review/applications/{submitted_for_him['id']}/decisions", json={
        "type": "correction_requested", "reason": "电话打不通", "items": ["applicant.phone"]})
    # His own news stays his ("您的申请"), now that he holds the application.
    [news] = [note for note in himself.get("/notifications").get_json()["notifications"]
              if note["event"] == "correction_requested"]
    assert news["text"].startswith("您的申请")
