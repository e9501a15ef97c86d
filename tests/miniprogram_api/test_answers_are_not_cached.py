"""Personal answers say `Cache-Control: no-store`: a phone's WebView, a proxy or the village office's shared PC
must not keep an application, a status or a refusal and replay it to the next person (RFC 9111 5.2.2.5)."""

from __future__ import annotations

from tests.support import flows


def test_every_answer_about_an_application_says_no_store(as_applicant):
    application = flows.submitted(as_applicant)
    base = f"/applications/{application['id']}"
    paths = (base, f"{base}?reveal=true", f"{base}/status", f"{base}/eligibility", f"{base}/checklist",
             f"{base}/materials", f"{base}/access-log", "/applications", "/notifications", "/me/representations",
             "/me/preferences", "/me/declines")
    for path in paths:
        response = as_applicant.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response.headers["Cache-Control"], path


def test_a_conversation_and_the_review_desk_say_no_store(as_applicant, as_reviewer):
    application = flows.submitted(as_applicant)
    started = as_applicant.post("/conversations", json={"application_id": application["id"]})
    assert started.headers["Cache-Control"] == "no-store"
    conversation = started.get_json()["conversation"]["id"]
    assert as_applicant.get(f"/conversations/{conversation}").headers["Cache-Control"] == "no-store"
    assert as_reviewer.get("/review/applications").headers["Cache-Control"] == "no-store"


def test_a_refusal_says_no_store_too(as_other_applicant, as_applicant):
    application = flows.submitted(as_applicant)
    refused = as_other_applicant.get(f"/applications/{application['id']}")
    assert refused.status_code == 404 and refused.headers["Cache-Control"] == "no-store"


def test_a_route_that_chose_its_own_caching_keeps_it(as_applicant):
    application = flows.submitted(as_applicant)
    material = as_applicant.get(f"/applications/{application['id']}/materials").get_json()["materials"][0]["id"]
    photo = as_applicant.get(f"/applications/{application['id']}/materials/{material}/file")
    assert photo.headers["Cache-Control"] == "private, no-store"
