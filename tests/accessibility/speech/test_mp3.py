import io

import pytest
import soundfile

from accessibility.speech import encode_mp3, mp3_duration

from .conftest import tone_wav


def test_espeak_speech_encoded_as_mp3_decodes_to_the_same_length(espeak):
    wav = espeak.synthesise("您的申请已经提交，我们会在十个工作日内告诉您结果。")
    mp3 = encode_mp3(wav)
    samples, rate = soundfile.read(io.BytesIO(mp3.data))
    assert mp3.media_type == "audio/mpeg"
    assert rate == 22050
    assert len(samples) / rate == pytest.approx(wav.duration_seconds, abs=0.1)
    assert abs(samples).max() > 0.1  # speech, not silence


def test_mp3_is_several_times_smaller_than_wav(espeak):
    wav = espeak.synthesise("请说出您的残疾等级。一级还是二级？您可以说不知道，也可以说跳过。")
    mp3 = encode_mp3(wav)
    assert len(mp3.data) * 5 < len(wav.data)


def test_the_frame_walk_agrees_with_a_decoder():
    mp3 = encode_mp3(tone_wav(1.5))
    samples, rate = soundfile.read(io.BytesIO(mp3.data))
    assert mp3_duration(mp3.data) == pytest.approx(len(samples) / rate, abs=0.03)
    assert mp3.duration_seconds == mp3_duration(mp3.data)


@pytest.mark.parametrize("garbage", [b"", b"RIFF0000WAVE", b"\xff\xfb" + b"\x00" * 10, b"ID3\x03\x00\x00\x00\x00\x00\x00"])
def test_bytes_that_are_no_mp3_are_refused(garbage):
    with pytest.raises(ValueError):
        mp3_duration(garbage)
