"""Every error is a problem document with a stable code and localised words; no input gives a 500."""

from __future__ import annotations

import pytest


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type.startswith("application/problem+json")
    body = response.get_json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["title"] and body["detail"] and body["title_easy_read"] and body["detail_easy_read"]
    return body


def test_unknown_route_is_a_404_problem(client):
    assert_problem(client.get("/api/v1/no-such-thing"), 404, "route_not_found")


def test_wrong_method_is_a_405_problem_with_allow(client):
    response = client.client.delete("/api/v1/auth/dev-login")
    body = assert_problem(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    assert body["method"] == "DELETE"


def test_oversized_body_is_a_413_problem_that_says_the_limit(client, app):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    response = client.client.post("/api/v1/auth/dev-login", data=b"x" * (2 * 1024 * 1024),
                                  content_type="application/json")
    body = assert_problem(response, 413, "payload_too_large")
    assert "1 MB" in body["detail"]


def test_unexpected_error_is_a_500_problem_without_internals(client, app, monkeypatch):
    from backend.accounts import service

    def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(service, "dev_login", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.post("/auth/dev-login", json={"account": "demo-applicant"})
    body = assert_problem(response, 500, "internal_error")
    assert "hunter2" not in response.get_data(as_text=True)
    assert body["incident"]


def test_malformed_json_is_a_400_problem(as_applicant):
    response = as_applicant.client.post("/api/v1/applications", data="{not json",
                                        headers={"Authorization": f"Bearer {as_applicant.token}",
                                                 "Content-Type": "application/json"})
    assert_problem(response, 400, "invalid_json")


def test_schema_errors_name_each_field(as_applicant):
    response = as_applicant.post("/applications", json={"subsidies": ["pension"], "applying_as": "self",
                                                        "applicant": {"nmae": "张三"}})
    body = assert_problem(response, 422, "invalid_request")
    fields = {error["field"]: error["code"] for error in body["errors"]}
    assert fields["subsidies.0"] == "not_a_choice"
    assert fields["applicant.nmae"] == "unknown_field"


def test_missing_token_is_a_401_problem(client):
    response = client.get("/applications")
    assert_problem(response, 401, "authentication_required")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header, title", [
    ("zh-CN", "没有这个地址"),
    ("zh_Hans_CN", "没有这个地址"),
    ("en-US,en;q=0.8", None),
    ("zh-TW", None),
    ("zh_Hant_TW", None),
    ("zh-Hant-TW", None),
    ("nonsense;;;q=abc", "没有这个地址"),
    ("*", "没有这个地址"),
    ("", "没有这个地址"),
    ("x" * 5000, "没有这个地址"),
    ("en;q=0, zh;q=0.5", "没有这个地址"),
    ("fr-FR, de;q=0.9", "没有这个地址"),
])
def test_any_accept_language_gives_a_response_never_a_500(client, header, title):
    response = client.get("/api/v1/missing", headers={"Accept-Language": header})
    body = assert_problem(response, 404, "route_not_found")
    if title is not None:
        assert body["title"] == title
    assert response.headers["Content-Language"] in ("zh-Hans-CN", "en", "zh-Hant-TW")


def test_english_is_served_when_asked_for(client):
    response = client.get("/api/v1/missing", headers={"Accept-Language": "en"})
    assert response.headers["Content-Language"] == "en"
