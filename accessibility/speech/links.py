"""Signed, expiring links to audio: WeChat's audio player (InnerAudioContext) fetches a `src` URL
without our Authorization header, so the URL itself carries the permission: the audio's cache key
(an HMAC of the sentence, never the sentence), when the link ends, and an HMAC-SHA256 over both with a
key only the server holds. Nothing personal is in the URL.

Codes (`LinkRefused.code`): `link_malformed`, `link_expired`, `link_signature_wrong`."""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from accessibility.speech.audio import AudioFormat
from accessibility.speech.cache import is_cache_key


class LinkRefused(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class AudioLinks:
    secret: bytes
    path_prefix: str = "/api/v1/speech"

    def url(self, key: str, audio_format: AudioFormat, *, expires: int) -> str:
        return (f"{self.path_prefix}/{key}.{audio_format.value}?expires={expires}"
                f"&signature={self._signature(key, audio_format, expires)}")

    def check(self, key: str, extension: str, expires: str | None, signature: str | None, *, now: float) -> AudioFormat:
        """The format the link is for, or LinkRefused."""
        try:
            audio_format = AudioFormat(extension)
            until = int(expires or "")
        except ValueError:
            raise LinkRefused("link_malformed") from None
        if not is_cache_key(key) or not signature:
            raise LinkRefused("link_malformed")
        if not hmac.compare_digest(self._signature(key, audio_format, until), signature):
            raise LinkRefused("link_signature_wrong")
        if until < now:
            raise LinkRefused("link_expired")
        return audio_format

    def _signature(self, key: str, audio_format: AudioFormat, expires: int) -> str:
        message = f"{key}.{audio_format.value}.{expires}".encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()
