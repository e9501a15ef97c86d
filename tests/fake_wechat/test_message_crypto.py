"""The fake's own implementation of WeChat's message encryption agrees with wechatpy's, both ways."""

import base64

import pytest
from wechatpy.crypto import PrpCrypto, _get_signature

from fake_wechat.message_crypto import MessageCipher, MessageCryptoError, signature

AES_KEY = base64.b64encode(bytes(range(1, 33))).decode().rstrip("=")
APP_ID = "wxfakeofficialacc1"


def _wechatpy() -> PrpCrypto:
    return PrpCrypto(base64.b64decode(AES_KEY + "="))


@pytest.mark.parametrize("length", range(0, 70))
def test_wechatpy_decrypts_what_the_fake_encrypts_at_every_padding_length(length):
    message = "<xml>" + "字" * (length // 3) + "x" * (length % 3) + "</xml>"

    assert _wechatpy().decrypt(MessageCipher(AES_KEY, APP_ID).encrypt(message), APP_ID) == message


@pytest.mark.parametrize("length", range(0, 70))
def test_the_fake_decrypts_what_wechatpy_encrypts_at_every_padding_length(length):
    message = "<xml>" + "x" * length + "</xml>"

    assert MessageCipher(AES_KEY, APP_ID).decrypt(_wechatpy().encrypt(message, APP_ID).decode()) == message


def test_signatures_agree_with_wechatpy():
    assert signature("token", "1700000000", "123456", "ENCRYPTED") == \
        _get_signature("token", "1700000000", "123456", "ENCRYPTED")


def test_a_message_for_another_app_is_refused():
    encrypted = MessageCipher(AES_KEY, "wxsomeotherapp0001").encrypt("<xml/>")

    with pytest.raises(MessageCryptoError) as refused:
        MessageCipher(AES_KEY, APP_ID).decrypt(encrypted)

    assert refused.value.code == "wrong_app_id"


@pytest.mark.parametrize("garbage", ["not base64!", base64.b64encode(b"short").decode(),
                                     base64.b64encode(bytes(32)).decode()])
def test_garbage_is_undecryptable(garbage):
    with pytest.raises(MessageCryptoError) as refused:
        MessageCipher(AES_KEY, APP_ID).decrypt(garbage)

    assert refused.value.code == "undecryptable"


def test_an_aes_key_must_have_43_characters():
    with pytest.raises(ValueError):
        MessageCipher(AES_KEY + "A", APP_ID)
