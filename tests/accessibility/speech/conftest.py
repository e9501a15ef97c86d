import io
import math
import struct
import wave

import pytest

from accessibility.speech import Audio, EspeakEngine


@pytest.fixture(scope="session")
def espeak():
    return EspeakEngine()


def tone_wav(seconds: float, sample_rate: int = 22050) -> Audio:
    """A 440 Hz tone, as a stand-in for speech where the words do not matter."""
    frames = int(seconds * sample_rate)
    pcm = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / sample_rate))) for i in range(frames)
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(pcm)
    return Audio(buffer.getvalue(), "audio/wav", frames / sample_rate)


class FakeEngine:
    """Stands in for espeak-ng behind the SpeechEngine boundary and records what it was asked."""

    name = "fake"

    def __init__(self, version: str = "1") -> None:
        self.version = version
        self.calls: list[tuple[str, str, int | None]] = []

    def voice_for(self, locale: str) -> str:
        return f"fake-{locale}"

    def synthesise(self, text: str, *, locale: str = "zh_Hans_CN", rate: int | None = None) -> Audio:
        self.calls.append((text, locale, rate))
        return tone_wav(0.05 * len(text))


@pytest.fixture
def fake_engine():
    return FakeEngine()
