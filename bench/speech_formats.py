"""Seconds per sentence and bytes per second of speech: espeak-ng's WAV against MP3 (what we serve)
and, for comparison, Ogg Vorbis (which WeChat's InnerAudioContext cannot play on iOS).

Run: .venv/bin/python bench/speech_formats.py
"""
from __future__ import annotations

import io
import statistics
import time

from accessibility.speech import EspeakEngine, encode_mp3, speakable_text
from accessibility.speech.audio import read_wav

SENTENCES = [
    "第3步，共9步：请说出您的身份证号码。",
    "您的残疾等级是一级还是二级？您可以说不知道，也可以说跳过。",
    "您的申请已于2026-11-25提交，我们会在10个工作日内告诉您结果。",
    "重庆市武隆区：护理补贴一级每月¥90，二级每月80.00元。",
    "请在2026年12月31日前上传残疾证照片。拍照时请把证件放平，光线要亮。",
    "您家是低保户，还是低保边缘户？都不是的话，请说都不是。",
    "审核没有通过。原因是：残疾证已经过期。请先到县残联换新证，再来申请。",
    "Please say your ID number, one digit at a time.",
]
ROUNDS = 5


def main() -> None:
    engine = EspeakEngine()
    synthesis, encoding, vorbis_encoding = [], [], []
    seconds_of_speech = mandarin_seconds = wav_bytes = mp3_bytes = vorbis_bytes = 0.0
    characters = 0
    for sentence in SENTENCES:
        locale = "en" if sentence.isascii() else "zh_Hans_CN"
        spoken = speakable_text(sentence, locale)
        for round_number in range(ROUNDS):
            started = time.perf_counter()
            wav = engine.synthesise(spoken, locale=locale)
            synthesis.append(time.perf_counter() - started)
            started = time.perf_counter()
            mp3 = encode_mp3(wav)
            encoding.append(time.perf_counter() - started)
            started = time.perf_counter()
            vorbis = _vorbis(wav.data)
            if vorbis is not None:
                vorbis_encoding.append(time.perf_counter() - started)
            if round_number == 0:
                seconds_of_speech += wav.duration_seconds
                wav_bytes += len(wav.data)
                mp3_bytes += len(mp3.data)
                vorbis_bytes += len(vorbis or b"")
                if locale != "en":
                    mandarin_seconds += wav.duration_seconds
                    characters += sum(1 for c in spoken if "\u4e00" <= c <= "\u9fff")
    print(f"engine {engine.name} {engine.version}; {len(SENTENCES)} sentences x {ROUNDS} rounds")
    print(f"speech made: {seconds_of_speech:.1f} s; Mandarin {mandarin_seconds / max(characters, 1):.3f} s per character")
    print(f"synthesis (WAV): median {statistics.median(synthesis) * 1000:.1f} ms per sentence, max {max(synthesis) * 1000:.1f} ms")
    print(f"MP3 encoding:    median {statistics.median(encoding) * 1000:.1f} ms per sentence, max {max(encoding) * 1000:.1f} ms")
    print(f"WAV: {wav_bytes / seconds_of_speech:,.0f} bytes per second of speech")
    print(f"MP3 32 kbit/s: {mp3_bytes / seconds_of_speech:,.0f} bytes per second ({wav_bytes / mp3_bytes:.1f}x smaller than WAV)")
    if vorbis_encoding:
        print(
            f"Ogg Vorbis (not served: no iOS playback): {vorbis_bytes / seconds_of_speech:,.0f} bytes per second "
            f"({wav_bytes / vorbis_bytes:.1f}x smaller), median {statistics.median(vorbis_encoding) * 1000:.1f} ms"
        )


def _vorbis(wav_data: bytes) -> bytes | None:
    try:
        import numpy
        import soundfile
    except ImportError:  # test extras not installed: compare WAV and MP3 only
        return None
    pcm = read_wav(wav_data)
    samples = numpy.frombuffer(pcm.frames, dtype=numpy.int16)
    out = io.BytesIO()
    soundfile.write(out, samples, pcm.sample_rate, format="OGG", subtype="VORBIS")
    return out.getvalue()


if __name__ == "__main__":
    main()
