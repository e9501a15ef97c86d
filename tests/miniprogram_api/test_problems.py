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


def test_an_oversized_json_body_is_a_413_that_says_the_request_not_the_photo_is_too_large(client, app):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    response = client.client.post("/api/v1/eligibility/check", data=b"x" * (2 * 1024 * 1024),
                                  content_type="application/json")
    body = assert_problem(response, 413, "request_too_large")
    assert "1 MB" in body["detail"] and "照片" not in body["detail"] + body["title"]


def test_an_oversized_photo_is_a_413_that_says_the_photo_limit_not_the_frame_allowance(as_applicant, runtime):
    # issue 4: "照片太大了，请小于 20MB"; MAX_CONTENT_LENGTH adds 1 MB for the multipart frame.
    from tests.support import flows

    draft = flows.start(as_applicant)
    big = b"\xff\xd8\xff" + b"x" * (runtime.settings.max_upload_bytes + 2 * 1024 * 1024)
    response = flows.upload(as_applicant, draft["id"], "other", big)
    body = assert_problem(response, 413, "payload_too_large")
    limit_mb = runtime.settings.max_upload_bytes // (1024 * 1024)
    assert limit_mb == 20
    assert f"照片太大了，请小于 {limit_mb} MB" in body["detail"]
    assert body["limit_bytes"] == runtime.settings.max_upload_bytes


def test_any_problem_that_says_when_to_try_again_carries_retry_after(client, app, monkeypatch):
    from backend.accounts import service
    from backend.errors import UpstreamUnavailable

    def busy(*args, **kwargs):
        raise UpstreamUnavailable("upstream_unavailable", params={"retry_after_seconds": 30})

    monkeypatch.setattr(service, "dev_login", busy)
    response = client.post("/auth/dev-login", json={"account": "demo-applicant"})
    body = assert_problem(response, 503, "upstream_unavailable")
    assert response.headers["Retry-After"] == "30" and body["retry_after_seconds"] == 30


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


@pytest.mark.parametrize(("path", "body", "field", "code", "words"), [
    ("/eligibility/check", {"region_code": "5001"}, "region_code", "digits_only", "区县代码应当是6位数字"),
    ("/auth/wechat-login", {"code": ""}, "code", "missing_value", "请填写号码"),
    ("/auth/wechat-login", {"code": "x" * 200}, "code", "too_long", "最多128个字，现在是200个字"),
    ("/eligibility/check", {"region_code": "500156", "birth_date": "1950-02-30"}, "birth_date", "invalid_date",
     "出生日期不是有效的日期"),
    ("/eligibility/check", {"region_code": "500156", "household": {"status": "rich"}}, "household.status",
     "not_a_choice", "低保情况的选项不对，只能是以下之一：低保、低保边缘家庭、未纳入低保或低保边缘"),
    ("/eligibility/check", {"region_code": "500156", "other_benefit_amounts": {"disability_pension": "lots"}},
     "other_benefit_amounts.disability_pension", "not_a_number", "其他补贴的每月金额应当是数字"),
])
def test_schema_errors_say_specifically_what_is_expected(client, path, body, field, code, words):
    problem = assert_problem(client.post(path, json=body), 422, "invalid_request")
    error = next(error for error in problem["errors"] if error["field"] == field)
    assert error["code"] == code
    assert words in error["message"], error["message"]
    assert error["easy_read"]


def test_a_wrong_choice_in_a_query_lists_the_allowed_choices(as_applicant):
    from tests.support import flows

    draft = flows.start(as_applicant)
    material = flows.upload(as_applicant, draft["id"], "other").get_json()
    response = as_applicant.get(f"{material['url']}?variant=evil")
    error = assert_problem(response, 422, "invalid_request")["errors"][0]
    assert error["field"] == "variant" and error["code"] == "not_a_choice"
    assert error["message"] == "图片大小的选项不对，只能是以下之一：full、thumbnail。"


def test_a_statistics_month_that_is_not_yyyy_mm_is_called_a_month_error(as_admin):
    response = as_admin.get("/admin/statistics", query_string={"month": "2026-13"})
    error = assert_problem(response, 422, "invalid_request")["errors"][0]
    assert error["field"] == "month" and error["code"] == "month_invalid"


def test_a_json_array_instead_of_an_object_is_named_kindly(client):
    problem = assert_problem(client.post("/eligibility/check", json=["500156"]), 422, "invalid_request")
    assert problem["errors"][0]["message"].startswith("发送的内容应当是")


def test_json_nested_thousands_deep_is_a_400_not_an_internal_error(client, as_applicant):
    deep = b'{"a":' * 5000 + b"1" + b"}" * 5000
    anonymous = client.client.post("/api/v1/eligibility/check", data=deep, content_type="application/json")
    assert_problem(anonymous, 400, "invalid_json")
    from tests.support import flows

    draft = flows.start(as_applicant)
    response = as_applicant.patch(f"/applications/{draft['id']}", data=deep, content_type="application/json",
                                  version=draft["version"])
    assert_problem(response, 400, "invalid_json")


def test_an_assistant_starting_a_chat_without_an_application_is_told_to_create_it_first(as_assistant):
    problem = as_assistant.post("/conversations", json={}).get_json()
    assert problem["code"] == "assistant_chats_on_an_application" and "application_id" in problem["detail"]


def test_a_request_number_reused_for_another_request_is_explained_without_the_headers_name(as_applicant):
    from tests.support import flows

    draft = flows.start(as_applicant)
    headers = {"Idempotency-Key": "same-number"}
    assert flows.upload(as_applicant, draft["id"], "other", **headers).status_code == 201
    refused = flows.upload(as_applicant, draft["id"], "id_card_front", **headers).get_json()
    assert refused["code"] == "idempotency_key_reused" and "Idempotency" not in refused["detail"]
