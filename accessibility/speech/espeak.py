"""Offline text-to-speech with Debian's espeak-ng.

Mandarin goes through the `cmn-latn-pinyin` voice fed with numbered pinyin from pypinyin: the plain
`cmn` voice reads many multi-character words letter by letter in English (measured on espeak-ng 1.51:
"银行" comes out as "(en)jI55nt'u:55 zI55Nt'u:55"), and reads polyphonic characters with one fixed
tone ("重庆" as zhong4); pypinyin's phrase dictionary gets chong2 qing4, yin2 hang2, zhang3 da4. The
pinyin voice applies third-tone sandhi itself (ni3 hao3 -> ni35 hau214).
"""
from __future__ import annotations

import re
import subprocess
from functools import cached_property

import pypinyin
from pypinyin import Style, lazy_pinyin, load_phrases_dict

from accessibility.speech.audio import Audio, read_wav, wav_audio
from accessibility.speech.engine import UnsupportedLocale

# Words pypinyin 0.55 reads wrongly that our messages use: 还款 is huán kuǎn (repay), not hái.
_PHRASE_FIXES = {
    "还款": [["huán"], ["kuǎn"]],
    "补还": [["bǔ"], ["huán"]],
}
load_phrases_dict(_PHRASE_FIXES)

# Bumped whenever what we feed the engine changes for the same text, so cached audio is remade.
_PIPELINE_VERSION = "1"
_NORMAL_WORDS_PER_MINUTE = 175  # espeak-ng's own default speed
_MANDARIN_VOICE = "cmn-latn-pinyin"
_ENGLISH_VOICE = "en"

# Punctuation that should become a pause; the pinyin voice pauses at ASCII punctuation only.
_PAUSES = {
    "。": ".", "．": ".", ".": ".", "！": "!", "!": "!", "？": "?", "?": "?", "；": ";", ";": ";",
    "，": ",", ",": ",", "、": ",", "：": ",", ":": ",", "…": ",", "—": ",", "-": ",", "～": ",", "~": ",",
}
_PINYIN_SYLLABLE = re.compile(r"[a-zü]+[1-5]")


class EspeakEngine:
    """espeak-ng behind the `SpeechEngine` boundary; one short subprocess per sentence."""

    name = "espeak-ng"

    def __init__(self, executable: str = "espeak-ng", *, timeout_seconds: float = 30.0) -> None:
        self._executable = executable
        self._timeout = timeout_seconds

    @cached_property
    def version(self) -> str:
        """espeak-ng's version, pypinyin's and our conversion's: each changes what is said."""
        out = self._run(["--version"], "").decode("utf-8", "replace")
        match = re.search(r"text-to-speech:\s*(\S+)", out)
        espeak_version = match.group(1) if match else out.strip()
        return f"{espeak_version}+pypinyin{pypinyin.__version__}+p{_PIPELINE_VERSION}"

    def voice_for(self, locale: str) -> str:
        language = locale.replace("-", "_").split("_")[0].lower()
        if language == "zh":
            return _MANDARIN_VOICE
        if language == "en":
            return _ENGLISH_VOICE
        raise UnsupportedLocale(locale)

    def engine_input(self, text: str, *, locale: str = "zh_Hans_CN") -> str:
        """What the voice is given: numbered pinyin for Mandarin, the text itself for English."""
        if self.voice_for(locale) == _MANDARIN_VOICE:
            return to_numbered_pinyin(text)
        return text

    def synthesise(self, text: str, *, locale: str = "zh_Hans_CN", rate: int | None = None) -> Audio:
        spoken = self.engine_input(text, locale=locale)
        if not spoken.strip(" ,.;!?"):
            raise ValueError("nothing to say")
        raw = self._run(
            ["-v", self.voice_for(locale), "-s", str(_words_per_minute(rate)), "-b", "1", "--stdout", "--stdin"],
            spoken,
        )
        pcm = read_wav(raw)
        return wav_audio(pcm.frames, sample_rate=pcm.sample_rate, channels=pcm.channels, sample_width=pcm.sample_width)

    def phonemes(self, text: str, *, locale: str = "zh_Hans_CN") -> str:
        """espeak-ng's phoneme mnemonics for what `synthesise` would say (`-x`): how to check a
        pronunciation without listening."""
        out = self._run(["-v", self.voice_for(locale), "-b", "1", "-x", "-q", "--stdin"], self.engine_input(text, locale=locale))
        return out.decode("utf-8", "replace").strip()

    def _run(self, arguments: list[str], text: str) -> bytes:
        # Text goes in on stdin, never as an argument, so nothing in it can be taken for an option.
        completed = subprocess.run(
            [self._executable, *arguments],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=self._timeout,
            check=True,
        )
        return completed.stdout


def to_numbered_pinyin(text: str) -> str:
    """"重庆银行，您好。" -> "chong2 qing4 yin2 hang2 , nin2 hao3 ." (neutral tone as 5, ü as v)."""
    words: list[str] = []
    for chunk in lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True):
        if _PINYIN_SYLLABLE.fullmatch(chunk):
            words.append(chunk)
            continue
        # Not Chinese: punctuation becomes a pause; Latin letters and digits pass through as words;
        # brackets, quotes and spaces only separate words.
        token = ""
        for character in chunk:
            if character.isascii() and character.isalnum():
                token += character
                continue
            if token:
                words.append(token)
                token = ""
            if character in _PAUSES:
                words.append(_PAUSES[character])
        if token:
            words.append(token)
    return " ".join(words)


def _words_per_minute(rate: int | None) -> int:
    percent = 100 if rate is None else max(50, min(200, rate))
    return round(_NORMAL_WORDS_PER_MINUTE * percent / 100)
