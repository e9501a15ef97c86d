"""The storage boundary. Keys are random and carry no personal data; writes are atomic (a reader sees
the whole file or none), so a record can never point to half a file; files are sealed with the data key
at rest in every backend (backend/storage/sealing.py), and readers get the plain bytes."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from backend.settings import Settings


class StoredFileMissing(Exception):
    pass


class FileStorage(Protocol):
    name: str

    def put(self, key: str, data: bytes, media_type: str) -> None: ...

    def get(self, key: str) -> bytes: ...

    def delete(self, key: str) -> None: ...

    def exists(self, key: str) -> bool: ...

    def entries(self, prefix: str) -> list[tuple[str, datetime]]: ...


def storage_for(settings: Settings) -> FileStorage:
    from backend.privacy.vault import Vault
    from backend.storage.sealing import FileSealer
    sealer = FileSealer(Vault(settings.data_key_bytes(), settings.old_data_key_bytes()))
    if settings.s3_bucket:
        from backend.storage.s3 import S3Storage
        return S3Storage.from_settings(settings, sealer=sealer)
    from backend.storage.local import LocalFolderStorage
    return LocalFolderStorage(settings.resolved_storage_dir, sealer=sealer)
