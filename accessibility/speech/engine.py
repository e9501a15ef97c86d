"""The boundary every speech engine sits behind, so a better one can replace espeak-ng without the
conversation, the cache or the API noticing."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from accessibility.speech.audio import Audio


class UnsupportedLocale(ValueError):
    """The engine has no voice for this locale."""


@runtime_checkable
class SpeechEngine(Protocol):
    """Makes WAV audio from text that is already speakable (see `speakable_text`).

    `name` and `version` identify the engine and everything that shapes its output (the cache key
    holds them, so an upgrade makes new audio instead of serving the old). `rate` is a percentage of
    the engine's normal speed (100 normal, 50 half as fast, 200 twice as fast); None means 100.
    """

    name: str

    @property
    def version(self) -> str: ...

    def voice_for(self, locale: str) -> str: ...

    def synthesise(self, text: str, *, locale: str = "zh_Hans_CN", rate: int | None = None) -> Audio: ...
