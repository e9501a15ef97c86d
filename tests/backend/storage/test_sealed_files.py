"""Stored files are sealed at rest with the data key (security audit, item 1d): a document photo on disk
or in the bucket is not a JPEG anyone with the disk can open. Readers get the plain bytes, files written
before sealing are still read, and files sealed before a key rotation open with the old key."""

from __future__ import annotations

import base64
import hashlib

import pytest

from backend.privacy.vault import DecryptionFailed, Vault
from backend.storage.local import LocalFolderStorage
from backend.storage.sealing import MAGIC, SealedStorage
from tests.support.flows import photo_bytes

KEY = "Ab3_dE4-fG5hI6jK7lM8nO9p"
OTHER_KEY = "Zz9_yY8-xX7wW6vV5uU4tT3s"
PHOTO = photo_bytes("id card")


def sealed_storage(root, key: bytes = b"k" * 32, old_keys: tuple[bytes, ...] = ()) -> SealedStorage:
    return SealedStorage(LocalFolderStorage(root), Vault(key, old_keys))


def on_disk(root, key: str = KEY) -> bytes:
    return (root / key[:2] / key).read_bytes()


def test_a_photo_is_sealed_on_disk_and_read_back_whole(tmp_path):
    storage = sealed_storage(tmp_path)
    storage.put(KEY, PHOTO, "image/jpeg")
    stored = on_disk(tmp_path)
    assert stored.startswith(MAGIC) and not stored.startswith(b"\xff\xd8") and PHOTO[200:240] not in stored
    assert storage.get(KEY) == PHOTO
    assert hashlib.sha256(storage.get(KEY)).hexdigest() == hashlib.sha256(PHOTO).hexdigest()


def test_each_write_has_its_own_nonce(tmp_path):
    storage = sealed_storage(tmp_path)
    storage.put(KEY, PHOTO, "image/jpeg")
    first = on_disk(tmp_path)
    storage.put(KEY, PHOTO, "image/jpeg")
    assert on_disk(tmp_path) != first


def test_a_file_written_before_sealing_is_still_read(tmp_path):
    LocalFolderStorage(tmp_path).put(KEY, PHOTO, "image/jpeg")  # an old demo instance's photo
    assert on_disk(tmp_path) == PHOTO
    assert sealed_storage(tmp_path).get(KEY) == PHOTO


def test_a_file_sealed_before_a_key_rotation_opens_with_the_old_key(tmp_path):
    old, new = b"o" * 32, b"n" * 32
    sealed_storage(tmp_path, old).put(KEY, PHOTO, "image/jpeg")
    rotated = sealed_storage(tmp_path, new, (old,))
    assert rotated.get(KEY) == PHOTO
    rotated.put(OTHER_KEY, PHOTO, "image/jpeg")
    with pytest.raises(DecryptionFailed):
        sealed_storage(tmp_path, old).get(OTHER_KEY)  # new writes use the new key
    with pytest.raises(DecryptionFailed):
        sealed_storage(tmp_path, new).get(KEY)  # without the old key the old file stays closed


def test_a_sealed_file_copied_under_another_key_does_not_open(tmp_path):
    storage = sealed_storage(tmp_path)
    storage.put(KEY, PHOTO, "image/jpeg")
    target = tmp_path / OTHER_KEY[:2] / OTHER_KEY
    target.parent.mkdir()
    target.write_bytes(on_disk(tmp_path))
    with pytest.raises(DecryptionFailed):
        storage.get(OTHER_KEY)


def test_the_configured_storage_seals_with_the_data_key(runtime):
    settings = runtime.settings
    runtime.storage.put(KEY, PHOTO, "image/jpeg")
    assert on_disk(settings.resolved_storage_dir).startswith(MAGIC)
    assert runtime.storage.get(KEY) == PHOTO
    opened = sealed_storage(settings.resolved_storage_dir, base64.b64decode(settings.data_key.get_secret_value()))
    assert opened.get(KEY) == PHOTO
    assert runtime.storage.vault is runtime.vault  # one vault a process, not a second one for files


class Shelf:
    """A storage backend that only keeps bytes: any FileStorage is sealed the same way."""
    name = "shelf"

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def put(self, key, data, media_type):
        self.files[key] = data

    def get(self, key):
        return self.files[key]


def test_any_backend_is_sealed_by_the_one_wrapper_and_its_older_plain_files_still_read():
    shelf = Shelf()
    storage = SealedStorage(shelf, Vault(b"k" * 32))
    storage.put(KEY, PHOTO, "image/jpeg")
    assert shelf.files[KEY].startswith(MAGIC) and storage.get(KEY) == PHOTO
    assert storage.read_stored(KEY) == shelf.files[KEY]
    shelf.files[OTHER_KEY] = PHOTO  # written before files were sealed
    assert storage.get(OTHER_KEY) == PHOTO and storage.read_stored(OTHER_KEY) == PHOTO

