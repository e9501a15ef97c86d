from accessibility.speech import AudioFormat, SpeechService, cache_key
from accessibility.speech.stored_cache import StoredAudioCache
from backend.privacy.vault import Vault
from backend.storage.boundary import StoredFileMissing
from backend.storage.local import LocalFolderStorage
from backend.storage.sealing import SealedStorage

from .conftest import FakeEngine


def test_audio_is_stored_sealed_and_read_back(tmp_path):
    cache = StoredAudioCache(SealedStorage(LocalFolderStorage(tmp_path), Vault(b"v" * 32)), missing=StoredFileMissing)
    key = "ef" * 32
    assert cache.get(key, AudioFormat.MP3) is None
    cache.put(key, AudioFormat.MP3, b"ID3 audio of a name")
    assert cache.get(key, AudioFormat.MP3) == b"ID3 audio of a name"
    assert b"audio of a name" not in (tmp_path / "sp" / f"speech-mp3-{key}").read_bytes()


def test_with_a_secret_the_key_cannot_be_computed_from_the_sentence(tmp_path):
    plain = dict(engine="e", engine_version="1", voice="v", text="您的姓名是王芳，对吗？", rate=None,
                 audio_format=AudioFormat.MP3)
    assert cache_key(**plain, secret=b"k1") != cache_key(**plain)
    assert cache_key(**plain, secret=b"k1") != cache_key(**plain, secret=b"k2")
    assert cache_key(**plain, secret=b"k1") == cache_key(**plain, secret=b"k1")


def test_the_speech_service_serves_from_the_stored_cache(tmp_path):
    engine = FakeEngine()
    cache = StoredAudioCache(SealedStorage(LocalFolderStorage(tmp_path), Vault(b"v" * 32)), missing=StoredFileMissing)
    service = SpeechService(engine, cache, key_secret=b"secret")
    spoken = service.speak("请说出您的姓名。")
    assert service.cached(spoken.key, AudioFormat.MP3).data == spoken.audio.data
    service.speak("请说出您的姓名。")
    assert len(engine.calls) == 1


class CountingStorage(SealedStorage):
    def __init__(self, root) -> None:
        super().__init__(LocalFolderStorage(root), Vault(b"v" * 32))
        self.writes = 0

    def put(self, key: str, data: bytes, media_type: str) -> None:
        self.writes += 1
        super().put(key, data, media_type)


def test_audio_read_after_its_refresh_period_is_written_again_so_a_new_link_outlives_it(tmp_path):
    from datetime import UTC, datetime, timedelta

    moments = [datetime(2026, 11, 25, 2, 0, tzinfo=UTC)]
    storage = CountingStorage(tmp_path)
    cache = StoredAudioCache(storage, missing=StoredFileMissing, clock=lambda: moments[0],
                             refresh_after=timedelta(hours=1))
    key = "ab" * 32
    cache.put(key, AudioFormat.MP3, b"ID3 audio")
    moments[0] += timedelta(minutes=59)
    assert cache.get(key, AudioFormat.MP3) == b"ID3 audio" and storage.writes == 1
    moments[0] += timedelta(minutes=2)
    assert cache.get(key, AudioFormat.MP3) == b"ID3 audio" and storage.writes == 2
    assert cache.get(key, AudioFormat.MP3) == b"ID3 audio" and storage.writes == 2


def test_audio_cached_by_an_earlier_version_is_a_miss_and_is_made_again(tmp_path):
    # Earlier versions sealed each entry a second time inside the storage's sealing, some without the time.
    storage = CountingStorage(tmp_path)
    key = "cd" * 32
    name = f"speech-mp3-{key}"
    storage.put(name, storage.vault.encrypt(b"ID3 old audio", context=name), "application/octet-stream")
    engine = FakeEngine()
    service = SpeechService(engine, StoredAudioCache(storage, missing=StoredFileMissing), key_secret=b"secret")
    assert StoredAudioCache(storage, missing=StoredFileMissing).get(key, AudioFormat.MP3) is None
    spoken = service.speak("请说出您的姓名。")
    assert service.cached(spoken.key, AudioFormat.MP3).data == spoken.audio.data and len(engine.calls) == 1
