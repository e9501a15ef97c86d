"""Audio as the speech boundary hands it over: bytes, their media type, and how long they play."""
from __future__ import annotations

import io
import wave
from dataclasses import dataclass
from enum import StrEnum


class AudioFormat(StrEnum):
    """Formats we serve. WAV is what engines make; MP3 is what goes over weak networks: WeChat's
    InnerAudioContext plays mp3, m4a, aac and wav on both iOS and Android, but Ogg only on Android."""

    WAV = "wav"
    MP3 = "mp3"

    @property
    def media_type(self) -> str:
        return {AudioFormat.WAV: "audio/wav", AudioFormat.MP3: "audio/mpeg"}[self]


@dataclass(frozen=True)
class Audio:
    data: bytes
    media_type: str
    duration_seconds: float


def wav_audio(pcm: bytes, *, sample_rate: int, channels: int = 1, sample_width: int = 2) -> Audio:
    """A WAV file around raw PCM, with a header whose sizes are right (espeak-ng's --stdout header is
    written before it knows the length and says 0x7FFFFFFF)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(sample_width)
        out.setframerate(sample_rate)
        out.writeframes(pcm)
    frames = len(pcm) // (channels * sample_width)
    return Audio(buffer.getvalue(), AudioFormat.WAV.media_type, frames / sample_rate)


@dataclass(frozen=True)
class Pcm:
    """The samples inside a WAV file."""

    frames: bytes
    sample_rate: int
    channels: int
    sample_width: int


def read_wav(data: bytes) -> Pcm:
    """The samples of a WAV file, also of one whose header overstates its length (streamed output)."""
    with wave.open(io.BytesIO(data), "rb") as source:
        frames = source.readframes(source.getnframes())
        return Pcm(frames, source.getframerate(), source.getnchannels(), source.getsampwidth())
