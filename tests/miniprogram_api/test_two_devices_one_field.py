"""Two phones on one application: the conversation on one shows a question while the form on the other (the same
person's second phone, or a guardian's) saves that very field. The conversation's answer to the question as it was
asked is not saved over the form's value: it says the application was changed elsewhere and asks again, confirming
the value now there. (Seen: the form saved 13900001542, the conversation, still at the phone question, took
13900009999 and said "记好了"; the form's number was gone without a word.)"""

from __future__ import annotations

import pytest

from tests.accessibility.conversation.chat import Chat, answers_for
from tests.conftest import login
from tests.support.factories import person


@pytest.fixture
def speech_off(as_applicant):
    assert as_applicant.put("/me/preferences", json={"speech": False}).status_code == 200


def phone_of(client, application_id: str) -> str:
    return client.get(f"/applications/{application_id}?reveal=true").get_json()["applicant"]["phone"]


def saved_on_the_form(client, application_id: str, phone: str) -> None:
    version = client.get(f"/applications/{application_id}").get_json()["version"]
    saved = client.patch(f"/applications/{application_id}", json={"applicant": {"phone": phone}}, version=version)
    assert saved.status_code == 200, saved.get_json()


def test_an_answer_to_a_field_the_form_saved_meanwhile_does_not_overwrite_it(app, as_applicant, speech_off):
    chat = Chat.start(as_applicant)
    chat.until("applicant.phone", answers_for(person()))
    other_phone = login(app, "demo-applicant")
    saved_on_the_form(other_phone, chat.application_id, "13900001542")

    chat.say("13900009999")  # the first phone still shows the phone question
    assert phone_of(as_applicant, chat.application_id) == "13900001542"
    assert "在别的手机上改过了" in chat.said and "没有保存" in chat.said
    assert chat.step == "applicant.phone" and chat.mode == "confirm"
    assert chat.prompt["input"]["type"] != "photo" and "1542" in chat.prompt["text"]

    chat.say("对")
    assert phone_of(as_applicant, chat.application_id) == "13900001542" and chat.step != "applicant.phone"


def test_coming_back_to_the_question_after_the_form_saved_confirms_the_forms_value(app, as_applicant, speech_off):
    chat = Chat.start(as_applicant)
    chat.until("applicant.phone", answers_for(person()))
    saved_on_the_form(login(app, "demo-applicant"), chat.application_id, "13900001542")
    chat.resume()
    assert chat.step == "applicant.phone" and chat.mode == "confirm" and "1542" in chat.prompt["text"]
    assert "没有保存" not in chat.said  # nothing was answered: nothing was lost


def test_an_answer_with_nothing_saved_meanwhile_is_taken(as_applicant, speech_off):
    chat = Chat.start(as_applicant)
    chat.until("applicant.phone", answers_for(person()))
    chat.resume()  # looking again changes nothing
    chat.say("13900009999")
    assert phone_of(as_applicant, chat.application_id) == "13900009999" and chat.step != "applicant.phone"
