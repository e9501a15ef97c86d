"""Preferences: validated, replaced as a whole by PUT, kept per person, the language honoured everywhere."""

import pytest


def test_a_person_without_preferences_gets_the_defaults(as_applicant):
    assert as_applicant.get("/me/preferences").get_json() == {
        "font_scale": 1.0, "care_mode": False, "high_contrast": False, "reduced_motion": False, "easy_read": False,
        "speech": True, "speech_rate": "normal", "extended_time": False, "locale": None, "preferred_contact": None}


def test_put_replaces_the_preferences_and_they_are_kept(as_applicant, as_other_applicant):
    body = {"font_scale": 2.5, "care_mode": True, "high_contrast": True, "reduced_motion": True, "easy_read": True,
            "speech": False, "speech_rate": "slow", "extended_time": True, "locale": "zh_Hant_TW",
            "preferred_contact": "sms"}
    assert as_applicant.put("/me/preferences", json=body).get_json() == body
    assert as_applicant.get("/me/preferences").get_json() == body
    as_applicant.put("/me/preferences", json={"easy_read": True})
    assert as_applicant.get("/me/preferences").get_json()["font_scale"] == 1.0  # left out: the default
    assert as_other_applicant.get("/me/preferences").get_json()["easy_read"] is False


@pytest.mark.parametrize("body, field", [({"font_scale": 9}, "font_scale"), ({"locale": "fr"}, "locale"),
                                         ({"preferred_contact": "pigeon"}, "preferred_contact"),
                                         ({"speech": "yes"}, "speech"), ({"speech_rate": "very slow"}, "speech_rate"),
                                         ({"colour": "red"}, "colour")])
def test_a_wrong_preference_is_refused_and_named(as_applicant, body, field):
    response = as_applicant.put("/me/preferences", json=body)
    assert response.status_code == 422
    assert [error["field"] for error in response.get_json()["errors"]] == [field]


@pytest.mark.parametrize("body, said", [({"speech_rate": "very slow"}, "慢速、正常速度、快速"),
                                        ({"locale": "fr"}, "简体中文、English、繁體中文"),
                                        ({"preferred_contact": "pigeon"}, "小程序里的消息、微信消息、短信、电话")])
def test_a_wrong_choice_of_setting_is_told_with_the_choices_in_words_not_codes(as_applicant, body, said):
    [error] = as_applicant.put("/me/preferences", json=body).get_json()["errors"]
    assert said in error["message"]
    assert not any(code in error["message"] + error["easy_read"] for code in ("slow", "zh_Hans_CN", "in_app"))


def test_the_saved_language_is_used_for_every_answer(as_applicant):
    as_applicant.put("/me/preferences", json={"locale": "en"})
    response = as_applicant.get("/applications/no-such-application")
    assert response.status_code == 404 and response.headers["Content-Language"] == "en"


def test_preferences_are_checked_by_the_service_too(runtime):
    from backend.accounts.preferences import checked_preferences
    from backend.errors import InvalidInput

    with pytest.raises(InvalidInput) as refused:
        checked_preferences({"font_scale": True, "easy_read": 1})
    assert [(e.path, e.code) for e in refused.value.errors] == [("font_scale", "out_of_range"),
                                                                ("easy_read", "not_yes_or_no")]
