"""Files in a local folder (the embedded default). A write goes to a temporary file in the same folder,
is flushed to disk, then renamed into place: rename is atomic on POSIX, so a crash leaves either the old
state or the whole new file, never half of one.

Files and folders are the owner's only (0600, 0700). Sealing with the data key is not done here but
around any backend (backend/storage/sealing.py, always through `storage_for`)."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from backend.storage.boundary import StoredFileMissing

_KEY = re.compile(r"^[A-Za-z0-9_-]{16,80}$")


class LocalFolderStorage:
    name = "local"

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise ValueError("storage keys are 16-80 URL-safe characters")  # never a path from outside
        return self.root / key[:2] / key

    def put(self, key: str, data: bytes, media_type: str) -> None:
        path = self._path(key)
        if not path.parent.is_dir():
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.parent.mkdir(exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)  # the rename itself must survive a power cut
        finally:
            os.close(directory)

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise StoredFileMissing(key) from None

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def exists(self, key: str) -> bool:
        return self._path(key).exists()

    def keys(self) -> list[str]:
        return [path.name for path in self.root.glob("??/*") if not path.name.startswith(".")]

    def entries(self, prefix: str) -> list[tuple[str, datetime]]:
        """Keys starting with `prefix` (at least two characters) and when each was last written."""
        found = []
        for path in self.root.glob(f"{prefix[:2]}/{prefix}*"):
            if path.name.startswith("."):
                continue
            try:
                found.append((path.name, datetime.fromtimestamp(path.stat().st_mtime, UTC)))
            except FileNotFoundError:  # deleted meanwhile
                continue
        return found
