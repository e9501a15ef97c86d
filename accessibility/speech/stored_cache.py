"""The audio cache of a running service: in the product's file storage (a local folder or S3-compatible
object storage), so every web worker on every host serves what any of them made, and sealed with the
data key, because a prompt read aloud may say a person's name or read back their answer.

It has AudioCache's `get` and `put`, which is all `SpeechService` uses."""
from __future__ import annotations

from typing import Protocol

from accessibility.speech.audio import AudioFormat
from accessibility.speech.cache import is_cache_key


class Storage(Protocol):
    def put(self, key: str, data: bytes, media_type: str) -> None: ...
    def get(self, key: str) -> bytes: ...
    def exists(self, key: str) -> bool: ...


class Sealer(Protocol):
    def encrypt(self, plaintext: bytes, *, context: str) -> bytes: ...
    def decrypt(self, blob: bytes, *, context: str) -> bytes: ...


class StoredAudioCache:
    def __init__(self, storage: Storage, sealer: Sealer, *, missing: type[Exception] = FileNotFoundError) -> None:
        self._storage = storage
        self._sealer = sealer
        self._missing = missing

    def storage_key(self, key: str, audio_format: AudioFormat) -> str:
        if not is_cache_key(key):
            raise ValueError("not a cache key")  # keys come back from URLs: only a hex digest is used
        return f"speech-{audio_format.value}-{key}"

    def get(self, key: str, audio_format: AudioFormat) -> bytes | None:
        name = self.storage_key(key, audio_format)
        try:
            sealed = self._storage.get(name)
        except self._missing:
            return None
        return self._sealer.decrypt(sealed, context=name)

    def put(self, key: str, audio_format: AudioFormat, data: bytes) -> None:
        name = self.storage_key(key, audio_format)
        self._storage.put(name, self._sealer.encrypt(data, context=name), "application/octet-stream")
