"""Where files live: a local folder by default, S3-compatible object storage when scaled."""

from backend.storage.boundary import FileStorage, StoredFileMissing, storage_for

__all__ = ["FileStorage", "StoredFileMissing", "storage_for"]
