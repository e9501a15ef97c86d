"""WeChat's signatures and message encryption for a developer server (official account "safe mode").

Written from WeChat's description of the scheme (消息加解密说明), not taken from wechatpy, so that tests
check the product's use of wechatpy against an independent implementation:

- signature: SHA-1 hex of the sorted, concatenated strings (token, timestamp, nonce[, Encrypt]);
- key: Base64-decode of the 43-character EncodingAESKey plus "=" (32 bytes); IV: the key's first 16 bytes;
- plaintext: 16 random bytes + message length (4 bytes, network order) + message + AppID, padded PKCS#7
  style to a multiple of 32 bytes (WeChat pads to 32, not AES's 16); AES-256-CBC; Base64.
"""

import base64
import binascii
import hashlib
import secrets
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

_BLOCK = 32


class MessageCryptoError(Exception):
    """`code`: `undecryptable` (not Base64/AES of the right shape, or bad padding) or `wrong_app_id`."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        super().__init__(f"{code}: {detail}" if detail else code)


def signature(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


class MessageCipher:
    def __init__(self, encoding_aes_key: str, app_id: str) -> None:
        if len(encoding_aes_key) != 43:
            raise ValueError("an EncodingAESKey has 43 characters")
        self._key = base64.b64decode(encoding_aes_key + "=")
        self.app_id = app_id

    def encrypt(self, message: str) -> str:
        body = message.encode("utf-8")
        plain = secrets.token_bytes(16) + struct.pack(">I", len(body)) + body + self.app_id.encode("utf-8")
        padding = _BLOCK - len(plain) % _BLOCK
        plain += bytes([padding]) * padding
        encryptor = self._cipher().encryptor()
        return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode("ascii")

    def decrypt(self, encrypted: str) -> str:
        try:
            data = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError):
            raise MessageCryptoError("undecryptable", "not Base64") from None
        if not data or len(data) % 16:
            raise MessageCryptoError("undecryptable", "not whole AES blocks")
        decryptor = self._cipher().decryptor()
        plain = decryptor.update(data) + decryptor.finalize()
        padding = plain[-1]
        if not 1 <= padding <= _BLOCK or plain[-padding:] != bytes([padding]) * padding:
            raise MessageCryptoError("undecryptable", "bad padding")
        content = plain[16:-padding]
        if len(content) < 4:
            raise MessageCryptoError("undecryptable", "too short")
        (length,) = struct.unpack(">I", content[:4])
        if 4 + length > len(content):
            raise MessageCryptoError("undecryptable", "length past the end")
        if content[4 + length:] != self.app_id.encode("utf-8"):
            raise MessageCryptoError("wrong_app_id")
        try:
            return content[4:4 + length].decode("utf-8")
        except UnicodeDecodeError:
            raise MessageCryptoError("undecryptable", "not UTF-8") from None

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16]))
