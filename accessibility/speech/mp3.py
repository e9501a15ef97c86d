"""MP3 encoding (LAME, through the lameenc wheel) and the frame walk that tells how long an MP3 plays.

Why MP3: WeChat's InnerAudioContext plays mp3, m4a, aac and wav on iOS and Android, but Ogg only on
Android; Safari dropped Ogg Vorbis too. Why lameenc: LAME is inside the wheel (no Debian package, no
ffmpeg, no numpy), it encodes in-process in a few milliseconds per sentence, and mono speech at
32 kbit/s is about 11 times smaller than espeak-ng's 22.05 kHz 16-bit WAV (bench/speech_formats.py).
"""
from __future__ import annotations

import lameenc

from accessibility.speech.audio import Audio, AudioFormat, read_wav

# Speech, mono, 22.05 kHz in: 32 kbit/s MPEG-2 Layer III keeps it clear; below 24 it turns hissy.
DEFAULT_BITRATE_KBPS = 32

# Bit rates (kbit/s) by MPEG version and layer III, and sample rates by version (ISO 11172-3, 13818-3).
_BITRATES = {
    "1": (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    "2": (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {"1": (44100, 48000, 32000), "2": (22050, 24000, 16000), "2.5": (11025, 12000, 8000)}


def encode_mp3(wav: Audio, *, bitrate_kbps: int = DEFAULT_BITRATE_KBPS) -> Audio:
    pcm = read_wav(wav.data)
    if pcm.sample_width != 2:
        raise ValueError("LAME takes 16-bit samples")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(pcm.sample_rate)
    encoder.set_channels(pcm.channels)
    encoder.set_quality(5)  # LAME's "good" preset: 2 is slower and no clearer for synthetic speech
    data = bytes(encoder.encode(pcm.frames) + encoder.flush())
    # The length of the file as it plays (with LAME's encoder delay and padding), the same figure
    # a cache hit reports for these bytes.
    return Audio(data, AudioFormat.MP3.media_type, mp3_duration(data))


def mp3_duration(data: bytes) -> float:
    """Seconds of audio in an MP3 (layer III) stream, by walking its frame headers; raises ValueError
    when the bytes are not a stream of frames."""
    position = 0
    if data[:3] == b"ID3":
        size = data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]
        position = 10 + size
    samples = 0
    sample_rate = 0
    frames = 0
    while position + 4 <= len(data):
        header = int.from_bytes(data[position:position + 4], "big")
        if header >> 21 != 0x7FF:
            raise ValueError(f"no MP3 frame sync at byte {position}")
        version = {0: "2.5", 2: "2", 3: "1"}.get(header >> 19 & 0b11)
        layer = header >> 17 & 0b11
        bitrate_index = header >> 12 & 0xF
        rate_index = header >> 10 & 0b11
        padding = header >> 9 & 1
        if version is None or layer != 0b01 or bitrate_index in (0, 15) or rate_index == 3:
            raise ValueError(f"not an MPEG layer III frame at byte {position}")
        bitrate = _BITRATES["1" if version == "1" else "2"][bitrate_index] * 1000
        sample_rate = _SAMPLE_RATES[version][rate_index]
        per_frame = 1152 if version == "1" else 576
        length = (144 if version == "1" else 72) * bitrate // sample_rate + padding
        position += length
        samples += per_frame
        frames += 1
    if frames == 0:
        raise ValueError("no MP3 frames")
    return samples / sample_rate
