import io
import subprocess
import wave

import pytest

from accessibility.speech import SpeechEngine, UnsupportedLocale, to_numbered_pinyin


@pytest.mark.parametrize(
    "text, pinyin",
    [
        ("重庆", "chong2 qing4"),
        ("银行", "yin2 hang2"),
        ("长大", "zhang3 da4"),
        ("还款", "huan2 kuan3"),
        ("行长", "hang2 zhang3"),
        ("重度", "zhong4 du4"),
        ("我们的", "wo3 men5 de5"),
        ("绿色", "lv4 se4"),
        ("您好，请说。", "nin2 hao3 , qing3 shuo1 ."),
        ("是吗？（是）", "shi4 ma5 ? shi4"),
    ],
)
def test_mandarin_becomes_numbered_pinyin_with_polyphones_right_and_pauses_kept(text, pinyin):
    assert to_numbered_pinyin(text) == pinyin


def test_espeak_is_a_speech_engine(espeak):
    assert isinstance(espeak, SpeechEngine)
    assert espeak.voice_for("zh_Hans_CN") == "cmn-latn-pinyin"
    assert espeak.voice_for("zh-Hant-TW") == "cmn-latn-pinyin"
    assert espeak.voice_for("en") == "en"


def test_a_locale_without_a_voice_is_refused(espeak):
    with pytest.raises(UnsupportedLocale):
        espeak.voice_for("fr_FR")


def test_the_version_names_espeak_and_pypinyin(espeak):
    assert espeak.version.startswith("1.") and "pypinyin" in espeak.version


def test_chongqing_is_said_chong2_not_zhong4(espeak):
    phonemes = espeak.phonemes("重庆")
    assert phonemes.startswith("ts.h'ong35"), phonemes  # ch, second tone
    assert "ts.'ong51" not in phonemes  # zh, fourth tone: what the plain cmn voice says


def test_the_plain_cmn_voice_misreads_what_the_pinyin_voice_gets_right():
    # Why the engine goes through pinyin: measured on Debian's espeak-ng 1.51.
    def plain(text: str) -> str:
        return subprocess.run(["espeak-ng", "-v", "cmn", "-x", "-q", text], capture_output=True, check=True).stdout.decode()

    assert plain("重庆").startswith("ts.'ong51")  # zhong4
    assert "(en)" in plain("银行")  # switches to English letter names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("银行", "j'i35n_| X'a35N"),  # yin2 hang2, no switch to English
        ("长大", "ts.'a21N_| t'A51"),  # zhang3 da4
        ("还款", "X'ua35n_| khw'a214n"),  # huan2 kuan3
    ],
)
def test_polyphonic_words_are_pronounced_as_in_their_phrase(espeak, text, expected):
    phonemes = espeak.phonemes(text)
    assert expected in phonemes and "(en)" not in phonemes, phonemes


def _wav(audio):
    with wave.open(io.BytesIO(audio.data), "rb") as wav:
        return wav.getnchannels(), wav.getsampwidth(), wav.getframerate(), wav.getnframes()


PROMPTS = ["请说出您的姓名。", "您的残疾等级是一级还是二级？", "我们会在十个工作日内告诉您审核结果。"]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_mandarin_audio_is_a_wav_whose_length_fits_the_text(espeak, prompt):
    audio = espeak.synthesise(prompt)
    channels, width, rate, frames = _wav(audio)
    assert (channels, width, rate) == (1, 2, 22050)
    assert audio.media_type == "audio/wav"
    assert audio.duration_seconds == pytest.approx(frames / rate)
    characters = sum(1 for c in prompt if "\u4e00" <= c <= "\u9fff")
    assert 0.1 * characters <= audio.duration_seconds <= 0.6 * characters


def test_a_slower_rate_makes_longer_audio(espeak):
    normal = espeak.synthesise("请说出您的身份证号码。")
    slow = espeak.synthesise("请说出您的身份证号码。", rate=60)
    assert slow.duration_seconds > normal.duration_seconds * 1.3


def test_english_is_read_by_the_english_voice(espeak):
    audio = espeak.synthesise("Please say your name.", locale="en")
    assert 0.5 < audio.duration_seconds < 4
    assert "n'eIm" in espeak.phonemes("name", locale="en")


def test_text_starting_with_a_dash_is_spoken_not_taken_for_an_option(espeak):
    audio = espeak.synthesise("--help", locale="en")
    assert audio.duration_seconds > 0.2


def test_nothing_to_say_is_refused(espeak):
    with pytest.raises(ValueError):
        espeak.synthesise("。，")
