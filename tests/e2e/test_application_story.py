"""The story of issue 2, against the real processes `make run` starts: an applicant logs in through
WeChat, fills an application over several sittings, submits it, and watches its status move while a
reviewer acts on it."""

from __future__ import annotations

import pytest
import requests

from backend.demo_photos import DEMO_KINDS, demo_photo
from backend.identity.synthetic import make_person, synthetic_certificate_number
from tests.e2e.conftest import bearer, wait_for

pytestmark = pytest.mark.e2e


def test_applicant_applies_and_watches_the_reviewer_decide(running_service):
    api = running_service.api
    # The mini program calls wx.login; the fake WeChat gives the code; we exchange it.
    code = requests.post(f"{running_service.fake_wechat}/__fake__/login",
                         json={"openid": "o-e2e-applicant"}, timeout=10).json()["code"]
    login = requests.post(api("/auth/wechat-login"), json={"code": code}, timeout=10)
    assert login.status_code == 200, login.text
    me = bearer(login.json()["access_token"])

    created = requests.post(api("/applications"), headers=me, timeout=10, json={
        "subsidies": ["living", "nursing"], "applying_as": "self",
        "consents": ["personal_information", "sensitive_personal_information", "provide_to_review_authorities"]})
    assert created.status_code == 201, created.text
    application = created.json()
    url = api(f"/applications/{application['id']}")
    who = make_person(region="500232", born="1948-07-01", sex="female")

    # First sitting: who she is. Second sitting (another phone, after a refresh): the certificate.
    first = requests.patch(url, headers={**me, "If-Match": created.headers["ETag"]}, timeout=10, json={
        "applicant": {"name": who.name, "id_number": who.id_number, "address": who.address, "phone": who.phone}})
    assert first.status_code == 200, first.text
    assert first.json()["applicant"]["hukou_region_suggestion"]["code"] == "500156"
    refreshed = requests.post(api("/auth/refresh"), json={"refresh_token": login.json()["refresh_token"]}, timeout=10)
    me = bearer(refreshed.json()["access_token"])
    current = requests.get(url, headers=me, timeout=10)
    second = requests.patch(url, headers={**me, "If-Match": current.headers["ETag"]}, timeout=10, json={
        "applicant": {"hukou_region": "500156"},
        "certificate": {"number": synthetic_certificate_number(who.id_number, 1, 1),
                        "issue_date": "2020-03-02", "valid_until": "2030-03-02"},
        "household": {"status": "dibao"}, "policy_notice_acknowledged": True})
    assert second.status_code == 200, second.text
    assert {item["field"] for item in second.json()["missing"]} == {"identity", "disability_certificate",
                                                                    "dibao_proof"}
    for kind in DEMO_KINDS:  # photos from the phone's camera
        uploaded = requests.post(api(f"/applications/{application['id']}/materials"), headers=me, timeout=10,
                                 data={"kind": kind}, files={"file": (f"{kind}.jpg", demo_photo(kind), "image/jpeg")})
        assert uploaded.status_code == 201, uploaded.text
    assert requests.get(url, headers=me, timeout=10).json()["missing"] == []

    submitted = requests.post(f"{url}/submit", headers={**me, "Idempotency-Key": "e2e-submit-1"}, timeout=10)
    assert submitted.status_code == 200, submitted.text
    status_url = f"{url}/status"
    handed_off = wait_for(lambda: requests.get(status_url, headers=me, timeout=10).json()["stage"] == "handed_off")
    assert handed_off, "the job worker did not hand the application off"

    reviewer_token = requests.post(api("/auth/dev-login"), json={"account": "demo-reviewer"}, timeout=10)
    reviewer = bearer(reviewer_token.json()["access_token"])
    desk = requests.get(api("/review/applications"), headers=reviewer, timeout=10).json()["applications"]
    assert application["id"] in [item["id"] for item in desk]
    for decision, stage in [({"type": "accepted"}, "accepted"),
                            ({"type": "township_review_passed"}, "federation_review"),
                            ({"type": "federation_review_passed"}, "civil_affairs_approval"),
                            ({"type": "approved", "monthly_amounts": {"living": "80.00", "nursing": "90.00"},
                              "start_month": "2026-11"}, "approved")]:
        response = requests.post(api(f"/review/applications/{application['id']}/decisions"), headers=reviewer,
                                 json=decision, timeout=10)
        assert response.status_code == 200, response.text
        status = requests.get(status_url, headers=me, timeout=10).json()
        assert status["stage"] == stage

    assert "90元" in status["decision"]["text"]
    events = [entry["event"] for entry in status["timeline"]]
    assert events[:3] == ["created", "submitted", "handed_off"] and events[-1] == "approved"
    notifications = requests.get(api("/notifications"), headers=me, timeout=10).json()["notifications"]
    assert notifications[0]["event"] == "approved"


def test_demo_accounts_and_openapi_are_served(running_service):
    for account in ("demo-applicant", "demo-guardian", "demo-assistant", "demo-reviewer", "demo-admin"):
        assert requests.post(running_service.api("/auth/dev-login"), json={"account": account},
                             timeout=10).status_code == 200
    assert requests.get(running_service.api("/openapi.json"), timeout=10).json()["info"]["title"] == "两补网办 API"
    assert requests.get(f"{running_service.base}/healthz", timeout=10).json() == {"status": "ok"}


def test_the_access_log_keeps_paths_but_no_query_strings(running_service):
    """Query strings carry WeChat's signatures and openids, consent codes and signed speech links (audit item 2)."""
    requests.get(running_service.api("/consent"), params={"code": "739164"}, timeout=10)
    requests.get(f"{running_service.base}/healthz", params={"openid": "oLeakyFollower0000000001"}, timeout=10)
    logged = wait_for(lambda: "/api/v1/consent" in running_service.output.read_text(errors="replace"), timeout=10)
    assert logged, "the access log shows no request"
    text = running_service.output.read_text(errors="replace")
    assert "739164" not in text and "oLeakyFollower0000000001" not in text and "code=" not in text


def test_what_the_web_server_refuses_itself_is_a_problem_document_too(running_service):
    # gunicorn answers these before the application reads the request (miniprogram_api/gunicorn_worker.py).
    headers = requests.get(running_service.api("/policies/500156"), headers={"X-Padding": "x" * 9000}, timeout=10)
    assert headers.status_code == 431
    assert headers.headers["Content-Type"].startswith("application/problem+json")
    assert headers.json()["code"] == "request_headers_too_large" and "重新打开" in headers.json()["detail"]
    line = requests.get(running_service.api("/policies/500156?" + "q=" * 3000), timeout=10)
    assert line.status_code == 414 and line.json()["code"] == "request_line_too_long"
    assert requests.get(running_service.api("/policies/500156"), timeout=10).status_code == 200  # still serving
