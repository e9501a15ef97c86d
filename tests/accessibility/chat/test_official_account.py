"""The same conversation over the WeChat official account: safe-mode and plain XML, text, voice
(WeChat's recognition) and photos (fetched through the media API), linking to the mini program's person
by UnionID or by a one-time code, replies within WeChat's 5 seconds or through customer service."""

from __future__ import annotations

import re

import pytest
import requests
from sqlalchemy import func, select

from backend.accounts.models import User
from backend.runtime import runtime
from backend.wechat.official_account import OfficialAccountFollower
from fake_wechat import ReplyError
from fake_wechat.message_crypto import MessageCipher
from tests.accessibility.chat.conftest import AES_KEY
from tests.accessibility.conversation.chat import Chat, answers_for
from tests.support.factories import person
from tests.support.flows import photo_bytes


def test_an_application_is_completed_by_chatting_alone_in_safe_mode(official_account, as_applicant):
    oa = official_account
    openid = "oFollowerSafeMode000000001"
    oa.fake.add_follower(openid)
    who = person()
    replies = oa.complete(oa.safe, openid, answers_for(who))

    assert "您好" in replies[0]
    for reply in replies[:-1]:
        assert re.search(r"第\d+步，共\d+步。", reply), reply
    assert "提交好了" in replies[-1] and "申请编号" in replies[-1]
    application_id = oa.application_id(openid)
    document = as_applicant.get(f"/applications/{application_id}")
    assert document.status_code == 404  # another person's application: the follower is their own person
    from backend.applications.service import get_application
    submitted = get_application(oa.actor(openid), application_id, reveal=True)
    assert submitted["stage"] in ("submitted", "handed_off")
    assert submitted["channel"] == "official_account"
    assert submitted["applicant"]["id_number"] == who.id_number
    assert submitted["certificate"]["number"] == who.id_number + "42"
    from backend.materials.service import list_materials
    assert {m["kind"] for m in list_materials(oa.actor(openid), application_id)} == {
        "id_card_front", "id_card_back", "disability_certificate", "dibao_proof"}


def test_the_url_is_verified_and_plain_mode_works_too(official_account, settings):
    oa = official_account
    settings.wechat_oa_aes_key = None  # plain mode is the account's choice: then no EncodingAESKey is configured
    assert oa.plain.verify_url().ok
    openid = "oFollowerPlainMode00000001"
    oa.fake.add_follower(openid)
    reply = oa.plain.send_text(openid, "你好")
    assert not reply.encrypted and "第1步" in reply.content and "为自己申请" in reply.content


def test_the_url_verification_answer_tells_browsers_not_to_sniff_it(official_account):
    verified = official_account.safe.verify_url()
    assert verified.ok
    assert verified.headers["X-Content-Type-Options"] == "nosniff"
    assert verified.headers["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize("echostr", ["<script>alert(1)</script>", "1" * 65, "123\n", "12 34", "１２３"])
def test_an_echostr_other_than_digits_and_letters_is_refused_not_echoed(official_account, echostr):
    verified = official_account.safe.verify_url(echostr)
    assert verified.status == 400
    assert verified.headers["Content-Type"].startswith("application/problem+json")
    assert echostr not in verified.body


def test_a_message_without_a_valid_signature_is_refused(official_account):
    import requests
    response = requests.post(official_account.url, params={"signature": "0" * 40, "timestamp": "1", "nonce": "2"},
                             data=b"<xml></xml>", timeout=5)
    assert response.status_code == 403


def test_voice_messages_are_answered_from_wechats_recognition(official_account):
    oa = official_account
    openid = "oFollowerVoice000000000001"
    oa.fake.add_follower(openid)
    oa.safe.send_subscribe(openid)
    oa.safe.send_text(openid, "自己")
    voice = oa.fake.add_media(b"#!AMR\n" + b"\x00" * 64, "voice.amr", "audio/amr")
    reply = oa.safe.send_voice(openid, voice, "两项都申请。")
    assert oa.state(openid)["subsidies"] == ["living", "nursing"]
    assert "同意" in reply.content

    unheard = oa.safe.send_voice(openid, voice, "")
    assert "没听清" in unheard.content


def test_wechats_retry_of_a_message_is_answered_once(official_account):
    oa = official_account
    openid = "oFollowerRetry000000000001"
    oa.fake.add_follower(openid)
    oa.safe.send_subscribe(openid)
    message = oa.safe.text(openid, "自己")
    first = oa.safe.deliver(message)
    again = oa.safe.deliver(message)
    assert not first.is_empty and again.is_empty
    assert oa.state(openid)["current"] == "subsidies"


def test_words_that_would_break_cdata_are_replied_safely(official_account):
    oa = official_account
    openid = "oFollowerCdata000000000001"
    oa.fake.add_follower(openid)
    for text in ("你好", "自己", "两项", "同意", "同意", "同意", "跳过", "跳过", "跳过"):
        oa.safe.send_text(openid, text)
    assert oa.state(openid)["current"] == "applicant.name"
    who = person()
    # The name refuses symbols, so the words are said back from the address, which keeps them.
    for text in (who.name, who.id_number, "重庆市武隆区"):
        oa.safe.send_text(openid, text)
    assert oa.state(openid)["current"] == "applicant.address"
    reply = oa.safe.send_text(openid, "重庆市武隆区]]>路1号")
    assert "]]>路1号" in reply.content


def test_a_slow_answer_is_sent_through_customer_service(official_account, settings):
    oa = official_account
    openid = "oFollowerSlow0000000000001"
    oa.fake.add_follower(openid)
    for text in ("你好", "自己", "两项", "同意", "同意", "同意"):
        oa.safe.send_text(openid, text)
    assert oa.state(openid)["current"] == "material.id_card_front"
    settings.wechat_oa_reply_seconds = 0.2
    oa.fake.fail_next(1, "hang", seconds=1.0, path="/cgi-bin/media/get")
    media_id = oa.fake.add_media(photo_bytes("id_card_front"), "front.jpg", "image/jpeg")
    reply = oa.safe.send_image(openid, media_id, "http://mmbiz.qpic.cn/front.jpg")
    assert reply.is_empty  # "success": WeChat shows nothing and does not retry
    later = oa.custom_text(openid, 0)
    assert "收到了" in later and "国徽" in later


def test_the_follower_with_the_mini_programs_unionid_is_the_same_person(official_account, client, settings):
    oa = official_account
    unionid = "oUnionSharedPerson00000001"
    code = oa.fake.login("oMiniProgramUser0000000001", unionid=unionid)
    login = client.post("/auth/wechat-login", json={"code": code}).get_json()
    from tests.support.api import ApiClient
    phone = ApiClient(client.client, login["access_token"])
    phone.put("/me/preferences", json={"speech": False})
    chat = Chat.start(phone)
    who = person()
    chat.until("applicant.name", answers_for(who))

    openid = "oFollowerUnion000000000001"
    oa.fake.add_follower(openid, unionid=unionid)
    reply = oa.safe.send_text(openid, "你好")
    assert "姓名" in reply.content  # the question the mini program was at
    oa.safe.send_text(openid, who.name)
    assert phone.get(f"/applications/{chat.application_id}").get_json()["applicant"]["name"] == who.name


def test_a_follower_links_to_the_mini_program_with_a_one_time_code(official_account, as_applicant):
    oa = official_account
    as_applicant.put("/me/preferences", json={"speech": False})
    chat = Chat.start(as_applicant)
    chat.until("applicant.name", answers_for(person()))

    openid = "oFollowerCode0000000000001"
    oa.fake.add_follower(openid)  # no UnionID: WeChat cannot tell us who this is
    first = oa.safe.send_text(openid, "你好")
    assert "为自己申请" in first.content  # a stranger so far: a new conversation starts

    wrong = oa.safe.send_text(openid, "绑定 000000")
    assert "不对" in wrong.content
    code = as_applicant.post("/me/official-account-link-code").get_json()["code"]
    linked = oa.safe.send_text(openid, f"绑定 {code}")
    assert "绑定好了" in linked.content and "姓名" in linked.content
    assert oa.application_id(openid) == chat.application_id
    reused = oa.safe.send_text(openid, f"绑定 {code}")
    assert "不对" in reused.content  # a code works once


def _spoken(code: str) -> str:
    """How WeChat's recognition may write a code read out: each digit in Chinese, 1 as 幺."""
    return "".join("幺" if digit == "1" else "零一二三四五六七八九"[int(digit)] for digit in code)


@pytest.mark.parametrize("recognised", [
    lambda code: "绑定" + " ".join(code) + "。",   # "绑定6 6 7 1 4 7。"
    lambda code: f"绑定{_spoken(code)}。",          # "绑定六六七幺四七。"
])
def test_a_follower_who_only_speaks_links_with_the_code_read_out(official_account, as_applicant, recognised):
    oa = official_account
    as_applicant.put("/me/preferences", json={"speech": False})
    chat = Chat.start(as_applicant)
    chat.until("applicant.name", answers_for(person()))
    openid = "oFollowerVoiceCode00000001"
    oa.fake.add_follower(openid)
    voice = oa.fake.add_media(b"#!AMR\n" + b"\x00" * 64, "voice.amr", "audio/amr")
    code = as_applicant.post("/me/official-account-link-code").get_json()["code"]

    linked = oa.safe.send_voice(openid, voice, recognised(code))
    assert "绑定好了" in linked.content and "姓名" in linked.content
    assert oa.actor(openid).user_id == as_applicant.user["id"]
    assert oa.application_id(openid) == chat.application_id


def test_a_code_heard_with_a_digit_missing_is_asked_for_again_not_taken_as_an_answer(official_account):
    oa = official_account
    openid = "oFollowerVoiceShortCode001"
    oa.fake.add_follower(openid)
    voice = oa.fake.add_media(b"#!AMR\n" + b"\x00" * 64, "voice.amr", "audio/amr")
    short = oa.safe.send_voice(openid, voice, "绑定六六七一四。")
    assert "6位数字" in short.content and "绑定" in short.content
    assert openid not in _followers()  # nothing was linked, and no account was made for a stranger


def test_a_photo_that_wechat_cannot_give_us_is_asked_for_again(official_account):
    oa = official_account
    openid = "oFollowerLostPhoto00000001"
    oa.fake.add_follower(openid)
    for text in ("你好", "自己", "两项", "同意", "同意", "同意"):
        oa.safe.send_text(openid, text)
    reply = oa.safe.send_image(openid, "no-such-media-id", "http://mmbiz.qpic.cn/x.jpg")
    assert "没有收到" in reply.content and oa.state(openid)["current"] == "material.id_card_front"


def test_after_submitting_a_follower_can_start_a_new_application(official_account):
    oa = official_account
    openid = "oFollowerAgain000000000001"
    oa.fake.add_follower(openid)
    oa.complete(oa.safe, openid, answers_for(person()))
    first = oa.application_id(openid)
    after = oa.safe.send_text(openid, "你好")
    assert "新申请" in after.content and "申请编号" in after.content
    fresh = oa.safe.send_text(openid, "新申请")
    assert "为自己申请" in fresh.content and oa.application_id(openid) is None
    oa.safe.send_text(openid, "自己")
    oa.safe.send_text(openid, "护理")
    assert oa.application_id(openid) not in (None, first)


# --- who may speak for a follower (security audit, item 1) --------------------------------------------


def _post(url: str, params: dict[str, str], body: bytes) -> requests.Response:
    return requests.post(url, params=params, data=body, headers={"Content-Type": "text/xml"}, timeout=5)


def _followers() -> set[str]:
    with runtime().database.sessions() as session:
        return set(session.scalars(select(OfficialAccountFollower.openid)))


def test_plain_xml_is_refused_when_the_account_has_an_encoding_aes_key(official_account):
    oa = official_account
    openid = "oFollowerPlainRefused00001"
    oa.fake.add_follower(openid)
    with pytest.raises(ReplyError) as refused:
        oa.plain.send_text(openid, "你好")  # signed correctly, but its signature says nothing of the body
    assert refused.value.detail == "403"
    assert openid not in _followers()
    assert oa.plain.verify_url().ok  # WeChat's URL check is plain in both modes


def test_a_body_sent_under_a_signature_seen_in_a_log_is_refused(official_account):
    oa = official_account
    follower, victim = "oFollowerWhoseUrlLeaked0001", "oFollowerVictim00000000001"
    oa.fake.add_follower(follower)
    assert not oa.safe.send_text(follower, "你好").is_empty
    params, _ = oa.safe.last_request  # what an access log kept: timestamp, nonce, signature, msg_signature

    forged = oa.plain.text(victim, "你好").xml().encode()
    plain_params = {k: v for k, v in params.items() if k not in ("encrypt_type", "msg_signature")}
    assert _post(oa.url, plain_params, forged).status_code == 403
    # A well-formed safe-mode body (even one encrypted with the real key) does not match the msg_signature.
    encrypted = MessageCipher(AES_KEY, oa.fake.config.oa_app_id).encrypt(forged.decode())
    wrapped = f"<xml><ToUserName><![CDATA[gh]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    response = _post(oa.url, params, wrapped.encode())
    assert response.status_code == 403 and response.json()["code"] == "signature_mismatch"
    assert victim not in _followers()


def test_a_safe_mode_message_without_its_msg_signature_is_refused(official_account):
    oa = official_account
    oa.safe.send_subscribe("oFollowerNoMsgSignature001")
    params, body = oa.safe.last_request
    response = _post(oa.url, {k: v for k, v in params.items() if k != "msg_signature"}, body)
    assert response.status_code == 403 and response.json()["code"] == "signature_missing"


def test_a_message_signed_more_than_five_minutes_away_is_refused(official_account, clock):
    oa = official_account
    openid = "oFollowerStaleTimestamp001"
    oa.fake.add_follower(openid)
    now = int(clock().timestamp())
    for skew in (-301, 301):
        with pytest.raises(ReplyError) as refused:
            oa.safe.deliver(oa.safe.text(openid, "你好"), timestamp=str(now + skew))
        assert refused.value.detail == "403"
    assert openid not in _followers()
    assert not oa.safe.deliver(oa.safe.text(openid, "你好"), timestamp=str(now - 299)).is_empty  # clocks a bit apart

    oa.safe.send_text(openid, "自己")
    params, body = oa.safe.last_request
    clock.advance(minutes=6)  # the same signed request, replayed later
    response = _post(oa.url, params, body)
    assert response.status_code == 403 and response.json()["code"] == "timestamp_out_of_window"


def test_wechat_sending_the_very_same_request_again_is_not_acted_on_twice(official_account):
    oa = official_account
    openid = "oFollowerSameRequest000001"
    oa.fake.add_follower(openid)
    oa.safe.send_subscribe(openid)
    assert not oa.safe.send_text(openid, "自己").is_empty
    assert oa.safe.repeat_last().is_empty  # same timestamp, nonce and body: "success", nothing done
    assert oa.state(openid)["current"] == "subsidies"


def test_in_plain_mode_a_signature_seen_once_cannot_carry_another_message(official_account, settings):
    oa = official_account
    settings.wechat_oa_aes_key = None
    follower, victim = "oFollowerPlainLeaked000001", "oFollowerPlainVictim000001"
    oa.fake.add_follower(follower)
    oa.plain.send_text(follower, "你好")
    params, _ = oa.plain.last_request
    response = _post(oa.url, params, oa.plain.text(victim, "你好").xml().encode())
    assert response.status_code == 403 and response.json()["code"] == "request_replayed"
    assert victim not in _followers()


# --- link codes cannot be guessed from ever new openids (security audit, item 3) ---------------------


def test_wrong_codes_from_strangers_make_no_accounts_and_count_for_everyone(official_account, as_applicant):
    from backend.wechat.official_account import MAX_WRONG_CODES_PER_HOUR_ALL

    oa = official_account
    code = as_applicant.post("/me/official-account-link-code").get_json()["code"]
    wrong = "000000" if code != "000000" else "111111"
    with runtime().database.sessions() as session:
        people_before = session.scalar(select(func.count()).select_from(User))
    for n in range(MAX_WRONG_CODES_PER_HOUR_ALL):
        reply = oa.safe.send_text(f"oGuesser{n:018d}", f"绑定 {wrong}")
        assert "不对" in reply.content
    with runtime().database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(User)) == people_before
    assert _followers() == set()

    # Another new openid, even with the right code: linking by code waits for the hour to pass.
    paused = oa.safe.send_text("oGuesserWithTheRightCode01", f"绑定 {code}")
    assert "一小时后" in paused.content and "oGuesserWithTheRightCode01" not in _followers()


def test_a_stranger_with_the_right_code_is_linked_without_an_account_of_their_own(official_account, as_applicant):
    oa = official_account
    as_applicant.put("/me/preferences", json={"speech": False})
    chat = Chat.start(as_applicant)
    chat.until("applicant.name", answers_for(person()))
    with runtime().database.sessions() as session:
        people_before = session.scalar(select(func.count()).select_from(User))
    code = as_applicant.post("/me/official-account-link-code").get_json()["code"]
    openid = "oFollowerFirstWordsAreCode"
    linked = oa.safe.send_text(openid, f"绑定 {code}")
    assert "绑定好了" in linked.content and "姓名" in linked.content
    assert oa.actor(openid).user_id == as_applicant.user["id"]
    with runtime().database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(User)) == people_before
