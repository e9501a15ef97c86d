"""Nothing times out (issue 6): a draft and its conversation are never deleted or expired by the passing of
time; only the applicant ends them (withdrawal)."""

from tests.accessibility.conversation.chat import Chat, answers_for
from tests.conftest import login
from tests.support.factories import person


def test_a_conversation_left_for_a_year_resumes_at_the_same_question(app, as_applicant, clock):
    assert as_applicant.put("/me/preferences", json={"speech": False}).status_code == 200
    who = person()
    chat = Chat.start(as_applicant)
    chat.until("applicant.phone", answers_for(who))
    clock.advance(days=400)
    back = login(app, "demo-applicant")
    resumed = chat.resume(back)
    assert resumed["prompt"]["step"] == "applicant.phone"
    draft = back.get(f"/applications/{chat.application_id}")
    assert draft.status_code == 200
    assert draft.get_json()["applicant"]["name"] == who.name
