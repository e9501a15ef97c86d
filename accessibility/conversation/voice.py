"""Speech for the conversation in a running service: one `SpeechService` per process (espeak-ng behind
its boundary, audio kept in the product's file storage, sealed), and signed links to the audio.

Audio is made when a prompt is rendered (espeak-ng takes about 0.01 s per sentence and LAME a few ms,
REFERENCE.md and bench/speech_formats.py), so the link can name it by its cache key and the speech
endpoint only reads: no sentence ever travels in a URL."""
from __future__ import annotations

import hashlib
import hmac
import logging
import math
import subprocess
from datetime import timedelta

from accessibility.speech import Audio, EspeakEngine, SpeechService
from accessibility.speech.links import AudioLinks, LinkRefused
from accessibility.speech.stored_cache import STORAGE_PREFIX, StoredAudioCache
from backend.errors import NotFound
from backend.runtime import now, runtime
from backend.storage.boundary import StoredFileMissing

log = logging.getLogger(__name__)

# Links last a day from the next full hour: the same prompt rendered twice within the hour has the same
# URL, so WeChat's player and the browser can cache it, and a link in an old screen stops working.
LINK_HOURS = 24
# Audio read (to make a link or to serve one) after this long is written again, so any link made now
# expires before the sweep below deletes what it names.
AUDIO_REFRESHED_AFTER = timedelta(hours=1)
# The speech cache says names and addresses aloud: the periodic sweep deletes audio written longer ago
# than the longest link (LINK_HOURS from the next full hour) plus the refresh period and a margin. It is a
# cache: what is deleted is made again when next needed.
AUDIO_KEPT_FOR = timedelta(hours=LINK_HOURS + 1) + AUDIO_REFRESHED_AFTER + timedelta(hours=1)


def speech_service() -> SpeechService:
    current = runtime()
    service = current.extras.get("speech_service")
    if service is None:
        settings = current.settings
        cache = StoredAudioCache(current.storage, missing=StoredFileMissing, clock=now,
                                 refresh_after=AUDIO_REFRESHED_AFTER)
        service = SpeechService(EspeakEngine(), cache, key_secret=_derived(settings.data_key_bytes(), b"speech cache keys"))
        current.extras["speech_service"] = service
    return service


def audio_links() -> AudioLinks:
    return AudioLinks(_derived(runtime().settings.secret_key_bytes(), b"speech links"))


def audio_url(text: str, locale: str, rate: int | None = None) -> str | None:
    """A signed link to the audio of `text`, made now, at `rate` percent of the normal pace (the person's
    `speech_rate`); None when speech cannot be made (the words are still there: a prompt never fails for
    want of its audio)."""
    try:
        spoken = speech_service().speak(text, locale=locale, rate=rate)
    except (OSError, subprocess.SubprocessError, ValueError):
        log.exception("speech could not be made")
        return None
    expires = (math.floor(now().timestamp() / 3600) + 1 + LINK_HOURS) * 3600
    return audio_links().url(spoken.key, spoken.audio_format, expires=expires)


def linked_audio(key: str, extension: str, expires: str | None, signature: str | None) -> Audio:
    """The audio a signed link names; `LinkRefused` for a link that is not ours or has expired,
    `NotFound` when no audio is stored under the key."""
    audio_format = audio_links().check(key, extension, expires, signature, now=now().timestamp())
    audio = speech_service().cached(key, audio_format)
    if audio is None:
        raise NotFound("audio_not_found")
    return audio


def sweep_speech_cache() -> int:
    """Deletes cached audio older than AUDIO_KEPT_FOR (a periodic task, backend/jobs/tasks.py)."""
    storage = runtime().storage
    cutoff = now() - AUDIO_KEPT_FOR
    old = [key for key, written in storage.entries(STORAGE_PREFIX) if written < cutoff]
    for key in old:
        storage.delete(key)
    return len(old)


def _derived(master: bytes, purpose: bytes) -> bytes:
    return hmac.new(master, b"liangbu " + purpose, hashlib.sha256).digest()


__all__ = ["LinkRefused", "audio_links", "audio_url", "linked_audio", "speech_service", "sweep_speech_cache"]
