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
