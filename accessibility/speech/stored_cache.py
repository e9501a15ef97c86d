"""The audio cache of a running service: in the product's file storage (a local folder or S3-compatible
object storage), so every web worker on every host serves what any of them made. The storage given must
seal what it keeps with the data key, because a prompt read aloud may say a person's name or read back
their answer: the product's storage always does (backend/storage/sealing.py, through `storage_for`), so
sealing is not written twice here.

It has AudioCache's `get` and `put`, which is all `SpeechService` uses.

It is a cache and says names aloud, so it is not kept: a periodic sweep deletes audio written longer ago
than a link to it can live (accessibility/conversation/voice.py). With a `clock` and `refresh_after`, each
entry carries the time it was written, and audio read when older than `refresh_after` is written again:
a link made now to audio made long ago would otherwise outlive the audio it names."""
from __future__ import annotations

import struct
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

from accessibility.speech.audio import AudioFormat
from accessibility.speech.cache import is_cache_key


# Every stored speech file's key begins so; the periodic sweep (accessibility/conversation/voice.py) finds them by it.
STORAGE_PREFIX = "speech-"

class Storage(Protocol):
    def put(self, key: str, data: bytes, media_type: str) -> None: ...
    def get(self, key: str) -> bytes: ...
    def exists(self, key: str) -> bool: ...


# Each entry begins with this marker, then when it was written (seconds since 1970, big-endian). An entry
# without it was written by an earlier version (sealed a second time inside the storage's sealing) and is
# a miss: the audio is made again.
_WRITTEN = b"LBAUDIO1"
_SECONDS = struct.Struct(">q")


class StoredAudioCache:
    def __init__(self, storage: Storage, *, missing: type[Exception] = FileNotFoundError,
                 clock: Callable[[], datetime] | None = None, refresh_after: timedelta | None = None) -> None:
        self._storage = storage
        self._missing = missing
        self._clock = clock or (lambda: datetime.now(UTC))
        self._refresh_after = refresh_after

    def storage_key(self, key: str, audio_format: AudioFormat) -> str:
        if not is_cache_key(key):
            raise ValueError("not a cache key")  # keys come back from URLs: only a hex digest is used
        return f"{STORAGE_PREFIX}{audio_format.value}-{key}"

    def get(self, key: str, audio_format: AudioFormat) -> bytes | None:
        name = self.storage_key(key, audio_format)
        try:
            entry = self._storage.get(name)
        except self._missing:
            return None
        if not entry.startswith(_WRITTEN):
            return None
        (seconds,) = _SECONDS.unpack_from(entry, len(_WRITTEN))
        written = datetime.fromtimestamp(seconds, UTC)
        entry = entry[len(_WRITTEN) + _SECONDS.size:]
        if self._refresh_after is not None and self._clock() - written > self._refresh_after:
            self.put(key, audio_format, entry)  # kept another full period from now
        return entry

    def put(self, key: str, audio_format: AudioFormat, data: bytes) -> None:
        name = self.storage_key(key, audio_format)
        entry = _WRITTEN + _SECONDS.pack(int(self._clock().timestamp())) + data
        self._storage.put(name, entry, "application/octet-stream")
