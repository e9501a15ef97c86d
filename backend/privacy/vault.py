"""AES-256-GCM encryption of personal data at rest, and keyed hashes (blind indexes) to find a record
by an ID number without storing the number in clear.

Ciphertext layout: version byte (1) | key id (4 bytes: start of SHA-256 of the key) | nonce (12) | GCM
ciphertext+tag. The key id lets old keys keep decrypting after a rotation (LIANGBU_OLD_DATA_KEYS) while
new writes use the current key. Associated data binds a ciphertext to its row, so a blob copied into
another application's row does not decrypt there."""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_VERSION = b"\x01"


class DecryptionFailed(Exception):
    """The data was not encrypted with any key we hold, or was altered."""


def _subkey(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"liangbu/" + purpose).derive(master)


class Vault:
    def __init__(self, key: bytes, old_keys: list[bytes] | tuple[bytes, ...] = ()) -> None:
        self._encryption_keys: dict[bytes, AESGCM] = {}
        for master in (key, *old_keys):
            encryption_key = _subkey(master, b"aes-gcm")
            self._encryption_keys[_key_id(encryption_key)] = AESGCM(encryption_key)
        current = _subkey(key, b"aes-gcm")
        self._current_id = _key_id(current)
        # Blind indexes must not change on rotation, or lookups by old records would fail; the
        # index key therefore comes from the first key ever used, kept as LIANGBU_DATA_KEY's lineage.
        self._index_key = _subkey(key if not old_keys else old_keys[-1], b"blind-index")

    def encrypt(self, plaintext: bytes, *, context: str) -> bytes:
        nonce = os.urandom(12)
        sealed = self._encryption_keys[self._current_id].encrypt(nonce, plaintext, context.encode())
        return _VERSION + self._current_id + nonce + sealed

    def decrypt(self, blob: bytes, *, context: str) -> bytes:
        if len(blob) < 1 + 4 + 12 + 16 or blob[:1] != _VERSION:
            raise DecryptionFailed("unknown ciphertext format")
        cipher = self._encryption_keys.get(blob[1:5])
        if cipher is None:
            raise DecryptionFailed("encrypted with a key that is not configured")
        try:
            return cipher.decrypt(blob[5:17], blob[17:], context.encode())
        except Exception as error:  # cryptography raises InvalidTag
            raise DecryptionFailed("ciphertext does not verify") from error

    def blind_index(self, kind: str, value: str) -> str:
        """A keyed hash: equal values give equal indexes, but the index reveals nothing without the key
        (a plain hash of an 18-digit ID number is reversed by brute force in minutes)."""
        return hmac.new(self._index_key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()[:4]
