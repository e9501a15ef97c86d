"""The /__fake__/ controls over HTTP, as the demo and curl use them."""

import requests

from fake_wechat import FakeWeChat


def _post(fake: FakeWeChat, path: str, **kwargs) -> requests.Response:
    return requests.post(f"{fake.base_url}/__fake__/{path}", timeout=5, **kwargs)


def _get(fake: FakeWeChat, path: str, **kwargs) -> requests.Response:
    return requests.get(f"{fake.base_url}/__fake__/{path}", timeout=5, **kwargs)


def test_overview_names_the_apps(fake):
    overview = _get(fake, "").json()

    assert overview["miniprogram"]["app_id"] == fake.config.app_id
    assert overview["official_account"]["original_id"] == fake.config.oa_original_id


def test_login_control_mints_a_code_the_product_can_exchange(fake, miniprogram):
    minted = _post(fake, "login", json={"openid": "oCurlUser0000000000000000001",
                                        "unionid": "oUnion0000000000000000000001"}).json()

    session = miniprogram.wxa.code_to_session(minted["code"])

    assert (session["openid"], session["unionid"]) == ("oCurlUser0000000000000000001", "oUnion0000000000000000000001")
    assert minted["openid"] == session["openid"]


def test_login_control_without_a_body_makes_a_fresh_user(fake):
    first, second = _post(fake, "login").json(), _post(fake, "login").json()

    assert first["openid"] != second["openid"]
    assert first["unionid"] is None
    assert _get(fake, f"users/{first['openid']}").json()["session_key"]


def test_media_uploads_as_multipart_or_raw_bytes(fake, official_account):
    multipart = _post(fake, "media", files={"media": ("card.png", b"\x89PNG fake", "image/png")}).json()
    # curl --data-binary labels raw bytes as a urlencoded form; they must still arrive whole.
    raw = _post(fake, "media", params={"filename": "voice.amr", "content_type": "audio/amr"}, data=b"#!AMR\n",
                headers={"Content-Type": "application/x-www-form-urlencoded"}).json()

    assert official_account.media.download(multipart["media_id"]).content == b"\x89PNG fake"
    downloaded = official_account.media.download(raw["media_id"])
    assert (downloaded.content, downloaded.headers["Content-Type"]) == (b"#!AMR\n", "audio/amr")


def test_messages_lists_what_the_product_sent(fake, miniprogram, official_account):
    _post(fake, "login", json={"openid": "oListed000000000000000000001"})
    _post(fake, "templates", json={"template_id": "tmplListed", "keywords": ["thing1"]})
    _post(fake, "subscriptions", json={"openid": "oListed000000000000000000001", "template_id": "tmplListed"})
    _post(fake, "followers", json={"openid": "oListedFollower0000000000001"})
    miniprogram.wxa.send_subscribe_message("oListed000000000000000000001", "tmplListed",
                                           {"thing1": {"value": "已受理"}})
    official_account.message.send_text("oListedFollower0000000000001", "已受理")

    listed = _get(fake, "messages").json()
    only_follower = _get(fake, "messages", params={"touser": "oListedFollower0000000000001"}).json()

    assert [m["data"] for m in listed["subscribe"]] == [{"thing1": {"value": "已受理"}}]
    assert [m["body"]["text"]["content"] for m in listed["custom"]] == ["已受理"]
    assert only_follower["subscribe"] == [] and len(only_follower["custom"]) == 1


def test_rejected_subscription_control_makes_sends_fail(fake, miniprogram):
    _post(fake, "login", json={"openid": "oRejects000000000000000000001"})
    _post(fake, "templates", json={"template_id": "tmplRejected"})
    _post(fake, "subscriptions", json={"openid": "oRejects000000000000000000001", "template_id": "tmplRejected",
                                       "accept": False})
    token = miniprogram.access_token

    answer = requests.post(f"{fake.base_url}/cgi-bin/message/subscribe/send", params={"access_token": token},
                           json={"touser": "oRejects000000000000000000001", "template_id": "tmplRejected",
                                 "data": {"thing1": {"value": "x"}}}, timeout=5).json()

    assert answer["errcode"] == 43101


def test_tokens_are_counted_and_can_be_expired(fake, miniprogram):
    miniprogram.fetch_access_token()

    assert _get(fake, "tokens").json()["issued"][fake.config.app_id] == 1
    assert _post(fake, "tokens/expire").json() == {"expired": 1}


def test_faults_clock_calls_and_reset(fake):
    assert _post(fake, "faults", json={"mode": "system_busy", "count": 1, "path": "/cgi-bin/token"}).ok
    token = requests.get(f"{fake.base_url}/cgi-bin/token", timeout=5).json()
    code = _post(fake, "login").json()["code"]
    assert _post(fake, "clock", json={"advance_seconds": 301}).ok
    session = requests.get(f"{fake.base_url}/sns/jscode2session", params={
        "appid": fake.config.app_id, "secret": fake.config.app_secret, "js_code": code,
        "grant_type": "authorization_code"}, timeout=5).json()

    assert token["errcode"] == -1
    assert session["errcode"] == 40029
    assert [c["errcode"] for c in _get(fake, "calls").json()["calls"]] == [-1, 40029]
    assert _post(fake, "reset").ok
    assert _get(fake, "calls").json()["calls"] == []


def test_bad_control_requests_say_what_is_wrong(fake):
    assert _post(fake, "faults", json={"mode": "explode"}).status_code == 400
    assert _post(fake, "subscriptions", json={"openid": "o1", "template_id": "tmplMissing"}).json()["error"] \
        == "no template tmplMissing; add it first"
    assert _post(fake, "login", data=b"[1, 2]").status_code == 400
    assert _get(fake, "users/oNobody").status_code == 404
    assert _get(fake, "login").status_code == 405


def test_paths_wechat_has_but_the_fake_does_not_answer_404(fake):
    response = requests.get(f"{fake.base_url}/cgi-bin/menu/get", timeout=5)

    assert response.status_code == 404
    assert "/cgi-bin/menu/get" in response.text
