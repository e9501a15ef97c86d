"""Cached speech says names and addresses aloud: it is kept no longer than a link to it can live, plus a
margin (security audit, item 3). It is a cache: deleted audio is made again when next needed."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest

from accessibility.conversation import voice
from tests.accessibility.speech.conftest import FakeEngine

SENTENCE = "您的姓名是王秀英，对吗？"


@pytest.fixture
def engine(runtime, clock, monkeypatch) -> FakeEngine:
    made = FakeEngine()
    monkeypatch.setattr(voice, "EspeakEngine", lambda: made)
    clock.current = datetime.now(UTC).replace(microsecond=0)  # stored files carry the real time
    return made


def cached_files(runtime) -> list:
    return sorted(runtime.settings.resolved_storage_dir.glob("sp/speech-*"))


def written_at(path, moment: datetime) -> None:
    os.utime(path, (moment.timestamp(), moment.timestamp()))


def test_audio_is_swept_once_every_link_to_it_has_expired(runtime, clock, engine):
    made_at = clock()
    url = voice.audio_url(SENTENCE, "zh_Hans")
    [audio] = cached_files(runtime)
    written_at(audio, made_at)
    expires = int(url.split("expires=")[1].split("&")[0])
    assert expires - made_at.timestamp() <= (voice.LINK_HOURS + 1) * 3600

    clock.advance(hours=voice.LINK_HOURS + 2)  # every link has expired; the margin is not over
    assert voice.sweep_speech_cache() == 0 and cached_files(runtime) == [audio]
    clock.advance(seconds=(voice.AUDIO_KEPT_FOR.total_seconds() - (voice.LINK_HOURS + 2) * 3600) + 1)
    assert voice.sweep_speech_cache() == 1 and cached_files(runtime) == []

    assert voice.audio_url(SENTENCE, "zh_Hans")  # made again when needed
    assert len(engine.calls) == 2 and len(cached_files(runtime)) == 1


def test_the_sweep_leaves_other_files_alone(runtime, clock, engine, as_applicant):
    from tests.support import flows

    draft = flows.start(as_applicant)
    assert flows.upload(as_applicant, draft["id"], "id_card_front").status_code == 201
    voice.audio_url(SENTENCE, "zh_Hans")
    clock.advance(days=30)
    assert voice.sweep_speech_cache() == 1
    files = [path for path in runtime.settings.resolved_storage_dir.glob("??/*") if not path.name.startswith(".")]
    assert len(files) == 2 and not any(path.name.startswith("speech-") for path in files)
