import io
import wave

import soundfile

from accessibility.speech import AudioCache, AudioFormat, SpeechEngine, SpeechService

from .conftest import FakeEngine


def test_a_fake_engine_fits_the_boundary(fake_engine):
    assert isinstance(fake_engine, SpeechEngine)


def test_the_engine_is_given_numbers_dates_and_amounts_as_words(tmp_path, fake_engine):
    service = SpeechService(fake_engine, AudioCache(tmp_path))
    service.speak("第3步，共9步：每月¥90，2026-11-25前提交。")
    assert fake_engine.calls == [("第三步,共九步:每月九十元,二零二六年十一月二十五日前提交。", "zh_Hans_CN", None)]


def test_the_same_sentence_is_synthesised_once_and_then_read_from_the_cache(tmp_path, fake_engine):
    service = SpeechService(fake_engine, AudioCache(tmp_path))
    first = service.speak("请说出您的姓名。")
    second = service.speak("请说出您的姓名。")
    assert len(fake_engine.calls) == 1
    assert second.audio.data == first.audio.data
    assert second.key == first.key
    assert second.audio.duration_seconds == first.audio.duration_seconds


def test_a_new_service_on_the_same_directory_uses_what_was_made_before(tmp_path):
    first_engine, second_engine = FakeEngine(), FakeEngine()
    made = SpeechService(first_engine, AudioCache(tmp_path)).speak("请说出您的姓名。")
    again = SpeechService(second_engine, AudioCache(tmp_path)).speak("请说出您的姓名。")
    assert second_engine.calls == []
    assert again.audio.data == made.audio.data


def test_a_new_engine_version_makes_new_audio(tmp_path):
    SpeechService(FakeEngine(version="1"), AudioCache(tmp_path)).speak("您好")
    upgraded = FakeEngine(version="2")
    SpeechService(upgraded, AudioCache(tmp_path)).speak("您好")
    assert len(upgraded.calls) == 1


def test_texts_that_read_the_same_share_one_recording(tmp_path, fake_engine):
    service = SpeechService(fake_engine, AudioCache(tmp_path))
    assert service.speak("每月80元").key == service.speak("每月 80.00元").key
    assert len(fake_engine.calls) == 1


def test_mp3_is_served_by_default_and_wav_on_request(tmp_path, fake_engine):
    service = SpeechService(fake_engine, AudioCache(tmp_path))
    mp3 = service.speak("您好")
    wav = service.speak("您好", audio_format=AudioFormat.WAV)
    assert mp3.audio.media_type == "audio/mpeg" and mp3.key != wav.key
    samples, rate = soundfile.read(io.BytesIO(mp3.audio.data))
    assert len(samples) / rate == mp3.audio.duration_seconds
    with wave.open(io.BytesIO(wav.audio.data)) as decoded:
        assert decoded.getnframes() / decoded.getframerate() == wav.audio.duration_seconds


def test_audio_is_found_again_by_its_key_for_serving(tmp_path, fake_engine):
    service = SpeechService(fake_engine, AudioCache(tmp_path))
    spoken = service.speak("您好", rate=80)
    assert service.key_for("您好", rate=80) == spoken.key
    assert service.cached(spoken.key, AudioFormat.MP3).data == spoken.audio.data
    assert service.cached("0" * 64, AudioFormat.MP3) is None


def test_rate_and_locale_reach_the_engine_and_the_key(tmp_path, fake_engine):
    service = SpeechService(fake_engine, AudioCache(tmp_path))
    slow = service.speak("Hello", locale="en", rate=70)
    normal = service.speak("Hello", locale="en")
    assert fake_engine.calls == [("Hello", "en", 70), ("Hello", "en", None)]
    assert slow.key != normal.key


def test_the_real_engine_through_the_service_makes_playable_mp3(tmp_path, espeak):
    spoken = SpeechService(espeak, AudioCache(tmp_path)).speak("您的护理补贴每月90.00元，从2026年11月开始发放。")
    samples, rate = soundfile.read(io.BytesIO(spoken.audio.data))
    assert 2 < len(samples) / rate < 12
