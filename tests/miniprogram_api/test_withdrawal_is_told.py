"""Withdrawing is told in words: the one who withdraws reads that it is withdrawn, that nothing more happens with it
and how to apply again (a new application, photos sent again, paid from its own month: seed 001 item 9, 自递交申请
当月计发); the applicant and whoever follows the application are notified, as of any other stage change."""

from __future__ import annotations

import pytest

from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.factories import ALL_CONSENTS, complete_fields, person

WOMAN = person(region="500232", born="1946-05-12", sex="female", name="赵秀兰")


def _draft(client) -> dict:
    response = client.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self",
                                                  "consents": ALL_CONSENTS})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_the_applicant_who_withdraws_reads_that_it_is_withdrawn_and_how_to_apply_again(as_applicant):
    draft = _draft(as_applicant)

    answer = as_applicant.post(f"/applications/{draft['id']}/withdraw").get_json()

    assert answer["stage"] == "withdrawn"
    message = answer["message"]
    assert message["text"].startswith(f"申请 {draft['reference']} 已经撤回。这份申请不会再办理了。")
    assert "请在小程序里新建一份申请" in message["text"] and "照片要重新上传" in message["text"]
    assert "补贴从递交新申请的当月起计发" in message["text"]  # seed 001 item 9
    assert "新建一份申请" in message["easy_read"] and "从交新申请的那个月开始算钱" in message["easy_read"]
    assert "audio_url" in message


@pytest.mark.parametrize("locale, withdrawn, month", [
    ("en", "is withdrawn", "paid from the month you submit it"),
    ("zh_Hant_TW", "已經撤回", "當月起計發"),
])
def test_the_withdrawal_is_told_in_the_language_of_the_request(as_applicant, locale, withdrawn, month):
    draft = _draft(as_applicant)

    message = as_applicant.post(f"/applications/{draft['id']}/withdraw",
                                headers={"Accept-Language": locale}).get_json()["message"]

    assert withdrawn in message["text"] and month in message["text"]
    assert "申请" not in message["text"] + message["easy_read"]  # no simplified Chinese left


def test_the_status_page_of_a_withdrawn_application_says_how_to_apply_again(as_applicant):
    draft = _draft(as_applicant)
    as_applicant.post(f"/applications/{draft['id']}/withdraw")

    next_step = as_applicant.get(f"/applications/{draft['id']}/status").get_json()["next_step"]

    assert "新建一份申请" in str(next_step) and "当月起计发" in str(next_step)


def test_the_applicant_and_her_family_are_notified_of_the_withdrawal(app, as_applicant):
    application = flows.submitted(as_applicant, fields=complete_fields(WOMAN))
    son = logged_in(app, "son-of-the-withdrawer")
    flows.confirmed_link(as_applicant, son, application, WOMAN.id_number, "family", "赵明", relation="child")

    assert as_applicant.post(f"/applications/{application['id']}/withdraw").status_code == 200

    hers = [note for note in as_applicant.get("/notifications").get_json()["notifications"]
            if note["event"] == "withdrawn"]
    assert [note["text"] for note in hers] == [
        f"您的申请 {application['reference']} 已撤回，不会再办理。想再申请时，请在小程序里新建一份申请。"]
    his = [note for note in son.get("/notifications").get_json()["notifications"] if note["event"] == "withdrawn"]
    assert [note["text"] for note in his] == [f"{WOMAN.name}的申请 {application['reference']} 已撤回，不会再办理。"]
    assert WOMAN.name in his[0]["easy_read"]
