"""Every hint, error and status message is said too (issue 6 items 3 and 4), not only the prompts: the
hints of a prompt, the problem documents of the conversation's endpoints, each in-app notification and
each status message carry an `audio_url` to speech that plays, in the form the person prefers, and
none when they turned speech off."""

from __future__ import annotations

from tests.accessibility.conversation.chat import Chat, assert_said_in_three_forms
from tests.support.flows import submitted


def test_each_hint_of_a_prompt_is_said(app, as_applicant):
    chat = Chat.start(as_applicant)
    hints = chat.prompt["input"]["hints"]
    assert hints
    for hint in hints:
        assert_said_in_three_forms(app.test_client(), hint, spoken=hint["text"])


def test_hints_are_said_in_easy_read_when_that_is_preferred_and_not_at_all_with_speech_off(app, as_applicant):
    as_applicant.put("/me/preferences", json={"easy_read": True})
    hint = Chat.start(as_applicant).prompt["input"]["hints"][-1]
    assert_said_in_three_forms(app.test_client(), hint, spoken=hint["easy_read"])
    as_applicant.put("/me/preferences", json={"speech": False})
    assert all(hint["audio_url"] is None for hint in Chat.start(as_applicant).prompt["input"]["hints"])


def test_a_problem_of_the_conversation_endpoints_is_said(app, as_applicant):
    missing = as_applicant.get("/conversations/no-such-conversation")
    assert missing.status_code == 404
    problem = missing.get_json()
    assert_said_in_three_forms(app.test_client(), {**problem, "text": problem["detail"],
                                                   "easy_read": problem["detail_easy_read"]},
                               spoken=problem["detail"])
    chat = Chat.start(as_applicant)
    refused = as_applicant.post(f"/conversations/{chat.id}/answers", json={"text": ""})
    assert refused.status_code == 422 and refused.get_json()["audio_url"]


def test_the_problems_a_person_meets_are_said_and_those_of_staff_endpoints_are_not(app, as_applicant, client,
                                                                                   as_reviewer):
    # Said on the form's endpoints as on the conversation's, field errors included, even to someone not logged
    # in (issue 6 item 3); not on the review desk's or the review system's.
    draft = as_applicant.post("/applications", json={"subsidies": ["nursing"], "applying_as": "self"}).get_json()
    refused = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"phone": "123"}},
                                 version=draft["version"])
    assert refused.status_code == 422
    problem = refused.get_json()
    spoken = problem["detail"] + "".join(error["message"] for error in problem["errors"])
    assert_said_in_three_forms(app.test_client(), {**problem, "text": spoken, "easy_read": problem["detail_easy_read"]},
                               spoken=spoken)
    assert as_applicant.get("/applications/no-such-application").get_json()["audio_url"]
    unauthenticated = client.get("/api/v1/conversations/no-such-conversation")
    assert unauthenticated.status_code == 401 and unauthenticated.get_json()["audio_url"]
    desk = as_reviewer.post("/review/applications/no-such/decisions", json={"type": "accepted"})
    assert desk.status_code == 404 and "audio_url" not in desk.get_json()


def test_a_problem_is_not_said_with_speech_off(as_applicant):
    as_applicant.put("/me/preferences", json={"speech": False})
    assert as_applicant.get("/conversations/no-such-conversation").get_json()["audio_url"] is None


def test_each_notification_is_said(app, as_applicant, as_reviewer):
    application = submitted(as_applicant)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    notifications = as_applicant.get("/notifications").get_json()["notifications"]
    assert notifications
    for notification in notifications:
        assert_said_in_three_forms(app.test_client(), notification, spoken=notification["text"])
    read = as_applicant.post(f"/notifications/{notifications[0]['id']}/read").get_json()
    assert read["audio_url"]
    as_applicant.put("/me/preferences", json={"speech": False})
    assert all(n["audio_url"] is None for n in as_applicant.get("/notifications").get_json()["notifications"])


def test_each_status_message_is_said(app, as_applicant, as_reviewer):
    application = submitted(as_applicant)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    status = as_applicant.get(f"/applications/{application['id']}/status").get_json()
    anonymous = app.test_client()
    for words in (status["stage_label"], status["next_step"], *status["timeline"]):
        assert_said_in_three_forms(anonymous, words, spoken=words["text"])
    as_applicant.put("/me/preferences", json={"speech": False})
    status = as_applicant.get(f"/applications/{application['id']}/status").get_json()
    assert status["next_step"]["audio_url"] is None and all(e["audio_url"] is None for e in status["timeline"])


def test_a_request_that_speaks_reads_the_persons_preferences_once(runtime, as_applicant):
    # The guard reads them (for the language) and the routes that speak take its reading.
    from contextlib import contextmanager

    from sqlalchemy import event

    @contextmanager
    def preference_reads():
        statements: list[str] = []

        def seen(conn, cursor, statement, *args):
            if "user_preferences" in statement and statement.lstrip().upper().startswith("SELECT"):
                statements.append(statement)
        event.listen(runtime.database.engine, "before_cursor_execute", seen)
        try:
            yield statements
        finally:
            event.remove(runtime.database.engine, "before_cursor_execute", seen)

    chat = Chat.start(as_applicant)
    for ask in (lambda: as_applicant.get(f"/conversations/{chat.id}"),
                lambda: as_applicant.get("/notifications"),
                lambda: as_applicant.get("/conversations/no-such-conversation")):
        with preference_reads() as reads:
            assert ask().status_code in (200, 404)
        assert len(reads) == 1


def test_a_person_who_needs_time_hears_the_prompts_slower_and_one_used_to_speed_faster(app, as_applicant):
    from tests.accessibility.conversation.chat import audio_seconds

    anonymous = app.test_client()
    lengths = {}
    for rate in ("normal", "slow", "fast"):
        assert as_applicant.put("/me/preferences", json={"speech_rate": rate}).get_json()["speech_rate"] == rate
        lengths[rate] = audio_seconds(anonymous, Chat.start(as_applicant).prompt["audio_url"])
    assert lengths["slow"] > 1.2 * lengths["normal"] > 1.2 * lengths["fast"], lengths
    refused = as_applicant.put("/me/preferences", json={"speech_rate": "very slow"})
    assert refused.status_code == 422 and refused.get_json()["errors"][0]["field"] == "speech_rate"
