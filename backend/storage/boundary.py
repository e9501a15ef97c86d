"""The storage boundary. Keys are random and carry no personal data; writes are atomic (a reader sees
the whole file or none), so a record can never point to half a file; files are sealed with the data key
at rest in every backend (backend/storage/sealing.py), and readers get the plain bytes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from backend.settings import Settings

if TYPE_CHECKING:
    from backend.privacy.vault import Vault


class StoredFileMissing(Exception):
    pass


class FileStorage(Protocol):
    name: str

    def put(self, key: str, data: bytes, media_type: str) -> None: ...

    def get(self, key: str) -> bytes: ...

    def delete(self, key: str) -> None: ...

    def exists(self, key: str) -> bool: ...

    def keys(self) -> list[str]: ...

    def entries(self, prefix: str) -> list[tuple[str, datetime]]: ...


def storage_for(settings: Settings, vault: Vault) -> FileStorage:
    """The configured backend, its files sealed with the process's vault (the one the runtime holds)."""
    from backend.storage.sealing import SealedStorage
    if settings.s3_bucket:
        from backend.storage.s3 import S3Storage
        return SealedStorage(S3Storage.from_settings(settings), vault)
    from backend.storage.local import LocalFolderStorage
    return SealedStorage(LocalFolderStorage(settings.resolved_storage_dir), vault)
