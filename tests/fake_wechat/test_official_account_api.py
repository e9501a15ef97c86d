"""The official account's APIs through wechatpy: media download, customer-service messages, user info."""

import pytest
import requests
from wechatpy.exceptions import WeChatClientException

JPEG_BYTES = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4 + b"\xff\xd9"  # made here, not a real photo


def test_media_a_user_sent_is_downloaded_with_wechats_headers(fake, official_account):
    media_id = fake.add_media(JPEG_BYTES, "certificate.jpg", "image/jpeg")

    response = official_account.media.download(media_id)

    assert response.content == JPEG_BYTES
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.headers["Content-disposition"] == 'attachment; filename="certificate.jpg"'


def test_media_without_a_filename_is_named_after_its_id(fake, official_account):
    media_id = fake.add_media(b"#!AMR\n" + bytes(64), content_type="audio/amr")

    response = official_account.media.download(media_id)

    assert response.headers["Content-disposition"] == f'attachment; filename="{media_id}.amr"'


def test_unknown_media_is_errcode_40007(official_account):
    with pytest.raises(WeChatClientException) as refused:
        official_account.media.download("no-such-media")

    assert refused.value.errcode == 40007


def test_temporary_media_is_gone_after_three_days(fake, official_account):
    media_id = fake.add_media(JPEG_BYTES, "old.jpg", "image/jpeg")
    fake.advance_clock(3 * 24 * 3600 + 1)

    with pytest.raises(WeChatClientException) as refused:
        official_account.media.download(media_id)

    assert refused.value.errcode == 40007


def test_customer_service_text_is_recorded(fake, official_account):
    follower = fake.add_follower()

    answer = official_account.message.send_text(follower.openid, "您的申请已受理。")

    assert answer == {"errcode": 0, "errmsg": "ok"}
    [sent] = fake.custom_messages
    assert (sent.touser, sent.msgtype, sent.body["text"]) == (follower.openid, "text", {"content": "您的申请已受理。"})


def test_customer_service_image_must_name_existing_media(fake, official_account):
    follower = fake.add_follower()
    media_id = fake.add_media(JPEG_BYTES, "reply.jpg", "image/jpeg")

    official_account.message.send_image(follower.openid, media_id)
    with pytest.raises(WeChatClientException) as refused:
        official_account.message.send_image(follower.openid, "no-such-media")

    assert refused.value.errcode == 40007
    assert [m.msgtype for m in fake.custom_messages] == ["image"]


def test_customer_service_message_to_a_stranger_is_invalid_openid(official_account):
    with pytest.raises(WeChatClientException) as refused:
        official_account.message.send_text("oNeverWroteToUs0000000000001", "你好")

    assert refused.value.errcode == 40003


def test_customer_service_messages_stop_48_hours_after_the_users_last_message(fake, official_account):
    follower = fake.add_follower()
    fake.advance_clock(48 * 3600 + 1)

    with pytest.raises(WeChatClientException) as refused:
        official_account.message.send_text(follower.openid, "您的申请已受理。")

    assert refused.value.errcode == 45015
    fake.add_follower(follower.openid)  # the user writes again
    assert official_account.message.send_text(follower.openid, "您的申请已受理。")["errcode"] == 0


def test_customer_service_message_to_an_unfollower_is_refused(fake, official_account):
    follower = fake.add_follower(subscribed=False)

    with pytest.raises(WeChatClientException) as refused:
        official_account.message.send_text(follower.openid, "你好")

    assert refused.value.errcode == 45015


def test_unknown_customer_service_message_type_is_refused(fake, official_account):
    follower = fake.add_follower()

    with pytest.raises(WeChatClientException) as refused:
        official_account.post("message/custom/send", data={"touser": follower.openid, "msgtype": "fax", "fax": {}})

    assert refused.value.errcode == 40008


def test_user_info_gives_the_unionid_that_links_to_the_mini_program(fake, official_account):
    follower = fake.add_follower("oOfficialAccountUser00000001", unionid="oUnionOfThisPerson0000000001")

    info = official_account.user.get(follower.openid)

    assert info["subscribe"] == 1
    assert info["unionid"] == "oUnionOfThisPerson0000000001"
    assert info["subscribe_time"] == follower.subscribe_time
    assert "nickname" not in info  # WeChat stopped sending it in 2021


def test_user_info_of_a_user_without_unionid_has_none(fake, official_account):
    assert "unionid" not in official_account.user.get(fake.add_follower().openid)


def test_user_info_of_an_unfollower_says_only_that(fake, official_account):
    follower = fake.add_follower(with_unionid=True, subscribed=False)

    info = official_account.user.get(follower.openid)

    assert info == {"subscribe": 0, "openid": follower.openid, "unionid": follower.unionid}


def test_user_info_of_a_stranger_is_invalid_openid(official_account):
    with pytest.raises(WeChatClientException) as refused:
        official_account.user.get("oNeverWroteToUs0000000000001")

    assert refused.value.errcode == 40003


def test_the_mini_programs_token_cannot_fetch_official_account_media(fake, miniprogram):
    media_id = fake.add_media(JPEG_BYTES, "x.jpg", "image/jpeg")
    params = {"access_token": miniprogram.access_token, "media_id": media_id}

    answer = requests.get(f"{fake.base_url}/cgi-bin/media/get", params=params, timeout=5).json()

    assert answer["errcode"] == 48001
