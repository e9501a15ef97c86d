"""Files sealed at rest with the data key, in every storage backend: document photos and their
thumbnails, proofs of relation and consent, cached speech.

A sealed file is MAGIC followed by the vault's ciphertext (backend/privacy/vault.py): AES-256-GCM with a
fresh 12-byte nonce per write, the id of the key that sealed it (so files sealed before a rotation open
with a key in LIANGBU_OLD_DATA_KEYS) and the storage key as associated data, so a file copied under
another key does not open. A file without MAGIC was written before files were sealed and is returned as
it is: old demo instances keep working, and no photo format starts with these bytes.

Readers get the plain bytes back: the SHA-256 recorded at upload and sent in the hand-off packet is the
SHA-256 of the image the reviewer receives, as before."""

from __future__ import annotations

from backend.privacy.vault import Vault

MAGIC = b"LBSEALED\x00\x01"


class FileSealer:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def seal(self, key: str, data: bytes) -> bytes:
        return MAGIC + self._vault.encrypt(data, context=_context(key))

    def open(self, key: str, stored: bytes) -> bytes:
        if not is_sealed(stored):
            return stored  # written before files were sealed
        return self._vault.decrypt(stored[len(MAGIC):], context=_context(key))


def is_sealed(stored: bytes) -> bool:
    return stored.startswith(MAGIC)


def _context(key: str) -> str:
    return f"file:{key}"
