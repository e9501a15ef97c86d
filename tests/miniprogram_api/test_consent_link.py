"""The QR link of an assistant's consent code goes somewhere (issue 8, item 1: "a one-time code or QR link the
assistant shows them"): a mini-program page that takes the code, and a web address under this service that says
who asks and what the person would agree to, on the configured public address (LIANGBU_PUBLIC_BASE_URL)."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.support.accounts import logged_in


def test_the_qr_link_opens_a_page_that_says_what_the_person_agrees_to(app, as_assistant, client):
    issued = as_assistant.post("/assistance/consent-codes").get_json()
    digits = issued["code"].replace(" ", "")
    assert issued["miniprogram_path"] == f"pages/consent/index?code={digits}"
    link = urlsplit(issued["qr_link"])
    assert (link.path, link.query) == ("/consent", f"code={digits}")
    answer = client.client.get(f"{link.path}?{link.query}")  # no login: anyone the assistant shows it to
    assert answer.status_code == 200, answer.get_json()
    offer = answer.get_json()
    assert offer["assistant"] == {"name": "演示协办员", "region_code": "500156", "region_name": "重庆市武隆区"}
    assert "演示协办员" in offer["what"]["text"] and "180天" in offer["what"]["text"]
    assert issued["code"] in offer["how"]["text"] and offer["what"]["easy_read"]
    assert offer["consent_with"] == {"method": "POST", "path": "/api/v1/me/assistance-consent",
                                     "body": {"code": issued["code"]}}
    # Looking does not use the code up: the person still consents with it, once.
    person = logged_in(app, "person-with-phone")
    assert person.post("/me/assistance-consent", json={"code": issued["code"]}).status_code == 201
    assert client.client.get(f"{link.path}?{link.query}").status_code == 404


def test_the_link_is_on_the_configured_public_address(runtime, as_assistant):
    runtime.settings.public_base_url = "https://liangbu.example.cn/"
    issued = as_assistant.post("/assistance/consent-codes").get_json()
    assert issued["qr_link"] == f"https://liangbu.example.cn/consent?code={issued['code'].replace(' ', '')}"


def test_without_a_configured_address_the_link_is_where_the_request_came(as_assistant):
    issued = as_assistant.post("/assistance/consent-codes").get_json()
    assert issued["qr_link"].startswith("http://localhost/consent?code=")


def test_a_made_up_code_describes_nothing(client, as_assistant):
    answer = client.client.get("/consent?code=12345678")
    assert answer.status_code == 404 and answer.get_json()["code"] == "code_not_valid"
    assert client.client.get("/consent?code=abc").status_code == 422


def test_the_description_speaks_the_persons_language(as_assistant, client):
    issued = as_assistant.post("/assistance/consent-codes").get_json()
    english = client.client.get(urlsplit(issued["qr_link"]).path + "?" + urlsplit(issued["qr_link"]).query,
                                headers={"Accept-Language": "en"}).get_json()
    assert "演示协办员" in english["what"]["text"] and "180 days" in english["what"]["text"]


# --- guessing (security audit: 500 made-up codes were once looked up in 1.4 s, never refused) ---------------------

def look(client, code: str, address: str = "203.0.113.7", **headers):
    return client.client.get(f"/consent?code={code}", environ_base={"REMOTE_ADDR": address}, headers=headers)


def test_one_address_may_look_up_ten_wrong_codes_an_hour(app, as_assistant, client, clock):
    from backend.representation import codes

    issued = as_assistant.post("/assistance/consent-codes").get_json()["code"].replace(" ", "")
    for guess in range(codes.MAX_PEEK_FAILURES_PER_SOURCE):
        assert look(client, f"{guess:08d}").status_code == 404
    refused = look(client, issued)  # even the right code, now
    assert refused.status_code == 429
    problem = refused.get_json()
    assert problem["code"] == "too_many_code_attempts" and "请1小时后再试" in problem["detail"]
    assert refused.headers["Retry-After"] == str(problem["retry_after_seconds"])
    # Another address is not held up; a made-up X-Forwarded-For does not make one (LIANGBU_TRUSTED_PROXIES is 0).
    assert look(client, issued, address="198.51.100.4").status_code == 200
    assert look(client, issued, **{"X-Forwarded-For": "192.0.2.99"}).status_code == 429
    clock.advance(minutes=61)
    assert look(client, as_assistant_code(app)).status_code == 200


def as_assistant_code(app) -> str:
    from tests.conftest import login

    return login(app, "demo-assistant").post("/assistance/consent-codes").get_json()["code"].replace(" ", "")


def test_everyone_together_has_a_ceiling_an_hour(app, as_assistant, client, clock, monkeypatch):
    from backend.representation import codes

    monkeypatch.setattr(codes, "MAX_PEEK_FAILURES_PER_HOUR", 6)
    issued = as_assistant.post("/assistance/consent-codes").get_json()["code"]
    for index in range(6):  # six addresses, one wrong code each
        assert look(client, f"{index:08d}", address=f"198.51.100.{index}").status_code == 404
    refused = look(client, issued.replace(" ", ""), address="192.0.2.1")
    assert refused.status_code == 429 and refused.get_json()["code"] == "too_many_code_attempts"
    # The person can still consent in the mini program: using a code is limited per account, not in all.
    person = logged_in(app, "person-with-phone")
    assert person.post("/me/assistance-consent", json={"code": issued}).status_code == 201


def test_each_wrong_look_is_audited_with_its_address(app, as_assistant, client):
    from sqlalchemy import select

    from backend.audit.models import AuditEntry
    from backend.unit_of_work import unit_of_work

    look(client, "12345678", address="203.0.113.9")
    with unit_of_work() as uow:
        looks = [(entry.action, entry.source, entry.actor_user_id, entry.application_id)
                 for entry in uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "code.peek_failed"))]
    assert looks == [("code.peek_failed", "203.0.113.9", None, None)]


# --- the page a phone camera opens (issue 8 item 1: a person without the mini program scans the QR code) -------

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
WECHAT_BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/wxpic,image/sharpp,*/*;q=0.8"


def scan(client, code: str, accept: str = BROWSER, **headers):
    return client.client.get(f"/consent?code={code}", headers={"Accept": accept, **headers})


def issued_code(as_assistant) -> str:
    return as_assistant.post("/assistance/consent-codes").get_json()["code"].replace(" ", "")


def test_a_phone_camera_gets_a_page_in_plain_chinese_not_raw_json(as_assistant, client):
    code = issued_code(as_assistant)
    for accept in (BROWSER, WECHAT_BROWSER):
        page = scan(client, code, accept)
        assert page.status_code == 200 and page.mimetype == "text/html", page.data[:200]
        html = page.get_data(as_text=True)
        assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
        assert "<h1>" in html and html.count("<h2>") >= 4  # who, what, how long, how; then the easy-read words
        assert "演示协办员" in html and "重庆市武隆区" in html and "180天" in html
        assert f"{code[:4]} {code[4:]}" in html and "小程序" in html
        assert "想帮您申请两项补贴" in html  # the easy-read form too
        assert "<script" not in html and "{" not in html.split("</style>")[1]  # no placeholder left unfilled
    # Looking at the page used nothing up: the JSON still describes the code.
    assert client.client.get(f"/consent?code={code}").get_json()["assistant"]["name"] == "演示协办员"


def test_the_page_allows_no_script_and_is_never_stored(as_assistant, client):
    page = scan(client, issued_code(as_assistant))
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'none'" in policy and "unsafe-inline" not in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in page.headers["Cache-Control"]
    assert "Accept" in page.headers["Vary"] and "Accept-Language" in page.headers["Vary"]


def test_the_inline_style_is_the_one_the_policy_allows(as_assistant, client):
    import base64
    import hashlib
    import re

    page = scan(client, issued_code(as_assistant)).get_data(as_text=True)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    policy = scan(client, issued_code(as_assistant)).headers["Content-Security-Policy"]
    assert f"'sha256-{digest}'" in policy


def test_api_clients_keep_the_json_answer(as_assistant, client):
    code = issued_code(as_assistant)
    for accept in (None, "*/*", "application/json", "application/json, text/html",
                   "text/html;q=0.5, application/json"):
        headers = {"Accept": accept} if accept else {}
        answer = client.client.get(f"/consent?code={code}", headers=headers)
        assert answer.status_code == 200 and answer.mimetype == "application/json", accept
        assert "Accept" in answer.headers["Vary"]


def test_a_hostile_assistant_name_is_shown_as_text(app, as_admin, client):
    from tests.conftest import login

    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'
    created = as_admin.post("/admin/assistants", json={"display_name": hostile, "region_code": "500156"})
    assert created.status_code == 201, created.get_json()
    assistant_id = created.get_json()["user"]["id"]
    from backend.accounts.models import User
    from backend.unit_of_work import unit_of_work

    with unit_of_work() as uow:  # activated as if on their own WeChat: logged in through dev login
        uow.session.get(User, assistant_id).account = "hostile-assistant"
        uow.commit()
    code = login(app, "hostile-assistant").post("/assistance/consent-codes").get_json()["code"].replace(" ", "")
    html = scan(client, code).get_data(as_text=True)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;" in html


def test_an_unknown_code_gets_a_plain_kind_page(as_assistant, client):
    page = scan(client, "12345678")
    assert page.status_code == 404 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert '<html lang="zh-CN">' in html and "<h1>这个二维码用不了了</h1>" in html
    assert "您什么都没有同意" in html and "<script" not in html
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff" and "no-store" in page.headers["Cache-Control"]
    # An API client still gets the problem document.
    assert client.client.get("/consent?code=12345678").get_json()["code"] == "code_not_valid"


def test_a_broken_link_gets_a_page_too(client):
    page = scan(client, "1234")
    assert page.status_code == 422 and page.mimetype == "text/html"
    assert "这个链接不完整" in page.get_data(as_text=True)


def test_the_page_speaks_the_persons_language(as_assistant, client):
    code = issued_code(as_assistant)
    english = scan(client, code, **{"Accept-Language": "en-US,en;q=0.9"})
    html = english.get_data(as_text=True)
    assert '<html lang="en">' in html and "180 days" in html and "演示协办员" in html
    assert english.headers["Content-Language"] == "en"
    taiwan = scan(client, code, **{"Accept-Language": "zh-TW"}).get_data(as_text=True)
    assert '<html lang="zh-TW">' in taiwan and "協辦員" in taiwan
    unknown = scan(client, "12345678", **{"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="en">' in unknown and "这个二维码" not in unknown


def test_the_limit_on_wrong_codes_holds_for_the_page_as_for_json(as_assistant, client):
    from backend.representation import codes

    code = issued_code(as_assistant)
    for guess in range(codes.MAX_PEEK_FAILURES_PER_SOURCE // 2):
        assert look(client, f"{guess:08d}", Accept=BROWSER).status_code == 404
    for guess in range(codes.MAX_PEEK_FAILURES_PER_SOURCE // 2, codes.MAX_PEEK_FAILURES_PER_SOURCE):
        assert look(client, f"{guess:08d}").status_code == 404
    refused = look(client, code, Accept=BROWSER)  # the right code, as a page: refused like JSON
    assert refused.status_code == 429 and refused.mimetype == "text/html"
    html = refused.get_data(as_text=True)
    assert "请1小时后再试" in html and refused.headers["Retry-After"]
    assert look(client, code).status_code == 429


def test_the_api_document_says_the_link_is_a_page_for_a_browser(client):
    answers = client.get("/api/v1/openapi.json").get_json()["paths"]["/consent"]["get"]["responses"]["200"]["content"]
    assert {"application/json", "text/html"} <= set(answers)
