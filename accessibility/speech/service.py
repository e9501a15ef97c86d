"""Speech for prompts and status messages: speakable words, one engine behind its boundary, MP3 for
the network, and the content-addressed cache in front, so each sentence is synthesised once."""
from __future__ import annotations

import re
from dataclasses import dataclass

from accessibility.speech.audio import Audio, AudioFormat, read_wav
from accessibility.speech.cache import AudioCache, cache_key
from accessibility.speech.engine import SpeechEngine
from accessibility.speech.mp3 import DEFAULT_BITRATE_KBPS, encode_mp3, mp3_duration
from accessibility.speech.speakable import speakable_text


@dataclass(frozen=True)
class SpokenText:
    """Audio for a text and the key that names it in the cache (and so in an `audio_url`)."""

    key: str
    audio_format: AudioFormat
    audio: Audio


class SpeechService:
    def __init__(self, engine: SpeechEngine, cache: AudioCache, *, mp3_bitrate_kbps: int = DEFAULT_BITRATE_KBPS,
                 key_secret: bytes | None = None):
        """`cache` is anything with AudioCache's `get` and `put` (a folder, or the product's file storage);
        `key_secret` makes cache keys HMACs that cannot be guessed from a sentence (see `cache_key`)."""
        self.engine = engine
        self.cache = cache
        self._mp3_bitrate = mp3_bitrate_kbps
        self._key_secret = key_secret

    def key_for(
        self, text: str, *, locale: str = "zh_Hans_CN", rate: int | None = None,
        audio_format: AudioFormat = AudioFormat.MP3,
    ) -> str:
        return self._key(_normalised(speakable_text(text, locale)), locale, rate, audio_format)

    def speak(
        self, text: str, *, locale: str = "zh_Hans_CN", rate: int | None = None,
        audio_format: AudioFormat = AudioFormat.MP3,
    ) -> SpokenText:
        spoken = _normalised(speakable_text(text, locale))
        key = self._key(spoken, locale, rate, audio_format)
        cached = self.cached(key, audio_format)
        if cached is not None:
            return SpokenText(key, audio_format, cached)
        audio = self.engine.synthesise(spoken, locale=locale, rate=rate)
        if audio_format is AudioFormat.MP3:
            audio = encode_mp3(audio, bitrate_kbps=self._mp3_bitrate)
        self.cache.put(key, audio_format, audio.data)
        return SpokenText(key, audio_format, audio)

    def cached(self, key: str, audio_format: AudioFormat) -> Audio | None:
        """Audio made before under `key`, for serving an `audio_url`; None when there is none."""
        data = self.cache.get(key, audio_format)
        if data is None:
            return None
        if audio_format is AudioFormat.MP3:
            return Audio(data, audio_format.media_type, mp3_duration(data))
        pcm = read_wav(data)
        frames = len(pcm.frames) // (pcm.channels * pcm.sample_width)
        return Audio(data, audio_format.media_type, frames / pcm.sample_rate)

    def _key(self, spoken: str, locale: str, rate: int | None, audio_format: AudioFormat) -> str:
        return cache_key(
            engine=self.engine.name,
            engine_version=self.engine.version,
            voice=self.engine.voice_for(locale),
            text=spoken,
            rate=rate,
            audio_format=audio_format,
            secret=self._key_secret,
        )


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
