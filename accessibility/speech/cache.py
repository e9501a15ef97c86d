"""A content-addressed store of synthesised audio on disk: the same sentence, said by the same engine
version and voice at the same speed in the same format, is made once and then read back.

The key is a SHA-256 over all of those, so it can name the audio in a URL (`audio_url`) that never
changes meaning and can be cached by clients forever. Writes go to a temporary file in the same
directory and are renamed into place, so a reader never sees half a file and two workers making the
same audio at once both leave a whole one.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import tempfile
from pathlib import Path

from accessibility.speech.audio import AudioFormat

_KEY = re.compile(r"[0-9a-f]{64}")


def cache_key(
    *, engine: str, engine_version: str, voice: str, text: str, rate: int | None, audio_format: AudioFormat,
    secret: bytes | None = None,
) -> str:
    """The address of the audio for `text` (already speakable and normalised). With a `secret` the
    address is an HMAC: a prompt can read back a person's own answer ("您的姓名是王芳，对吗？"), and a
    plain hash in an `audio_url` would let anyone who sees the URL test guesses of what it says."""
    material = json.dumps(
        {"engine": engine, "version": engine_version, "voice": voice, "text": text, "rate": rate,
         "format": audio_format.value},
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    if secret is not None:
        return hmac.new(secret, material, hashlib.sha256).hexdigest()
    return hashlib.sha256(material).hexdigest()


def is_cache_key(candidate: str) -> bool:
    return bool(_KEY.fullmatch(candidate))


class AudioCache:
    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    def path_for(self, key: str, audio_format: AudioFormat) -> Path:
        if not is_cache_key(key):
            # Keys come back from URLs: only a hex digest may become a path.
            raise ValueError("not a cache key")
        return self.directory / key[:2] / f"{key}.{audio_format.value}"

    def get(self, key: str, audio_format: AudioFormat) -> bytes | None:
        try:
            return self.path_for(key, audio_format).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, audio_format: AudioFormat, data: bytes) -> Path:
        path = self.path_for(key, audio_format)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-", suffix=f".{audio_format.value}")
        try:
            with os.fdopen(descriptor, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path
