"""Offline speech for every prompt and status message: `speakable_text` writes numbers, dates and
amounts as words; a `SpeechEngine` (espeak-ng by default) makes WAV; `SpeechService` encodes MP3 and
keeps each sentence in a content-addressed cache."""
from accessibility.speech.audio import Audio, AudioFormat
from accessibility.speech.cache import AudioCache, cache_key, is_cache_key
from accessibility.speech.engine import SpeechEngine, UnsupportedLocale
from accessibility.speech.espeak import EspeakEngine, to_numbered_pinyin
from accessibility.speech.mp3 import encode_mp3, mp3_duration
from accessibility.speech.service import SpeechService, SpokenText
from accessibility.speech.speakable import speakable_text

__all__ = [
    "Audio", "AudioFormat", "AudioCache", "cache_key", "is_cache_key", "SpeechEngine", "UnsupportedLocale",
    "EspeakEngine", "to_numbered_pinyin", "encode_mp3", "mp3_duration", "SpeechService", "SpokenText",
    "speakable_text",
]
