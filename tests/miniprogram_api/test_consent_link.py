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
