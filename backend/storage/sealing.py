"""Files sealed at rest with the data key, in every storage backend: document photos and their
thumbnails, proofs of relation and consent, cached speech. `SealedStorage` wraps any FileStorage (the
local folder, S3), so the backends only move bytes and sealing is written once.

A sealed file is MAGIC followed by the vault's ciphertext (backend/privacy/vault.py): AES-256-GCM with a
fresh 12-byte nonce per write, the id of the key that sealed it (so files sealed before a rotation open
with a key in LIANGBU_OLD_DATA_KEYS) and the storage key as associated data, so a file copied under
another key does not open. A file without MAGIC was written before files were sealed and is returned as
it is: old demo instances keep working, and no photo format starts with these bytes.

Readers get the plain bytes back: the SHA-256 recorded at upload and sent in the hand-off packet is the
SHA-256 of the image the reviewer receives, as before."""

from __future__ import annotations

from datetime import datetime

from backend.privacy.vault import Vault
from backend.storage.boundary import FileStorage

MAGIC = b"LBSEALED\x00\x01"


class SealedStorage:
    """A FileStorage whose files are sealed as they are written and opened as they are read."""

    def __init__(self, stored_in: FileStorage, vault: Vault) -> None:
        self.stored_in = stored_in
        self.vault = vault
        self.name = stored_in.name

    def put(self, key: str, data: bytes, media_type: str) -> None:
        self.stored_in.put(key, MAGIC + self.vault.encrypt(data, context=_context(key)), media_type)

    def get(self, key: str) -> bytes:
        stored = self.stored_in.get(key)
        if not is_sealed(stored):
            return stored  # written before files were sealed
        return self.vault.decrypt(stored[len(MAGIC):], context=_context(key))

    def read_stored(self, key: str) -> bytes:
        """The file as it lies in the backend, sealed or not (for `python -m backend.cli seal-existing`)."""
        return self.stored_in.get(key)

    def delete(self, key: str) -> None:
        self.stored_in.delete(key)

    def exists(self, key: str) -> bool:
        return self.stored_in.exists(key)

    def keys(self) -> list[str]:
        return self.stored_in.keys()

    def entries(self, prefix: str) -> list[tuple[str, datetime]]:
        return self.stored_in.entries(prefix)


def is_sealed(stored: bytes) -> bool:
    return stored.startswith(MAGIC)


def _context(key: str) -> str:
    return f"file:{key}"
