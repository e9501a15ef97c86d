import os

import pytest

from accessibility.speech import AudioCache, AudioFormat, cache_key

BASE = dict(engine="espeak-ng", engine_version="1.51", voice="cmn-latn-pinyin", text="您好", rate=None,
            audio_format=AudioFormat.MP3)


@pytest.mark.parametrize(
    "change",
    [
        {"engine": "other"},
        {"engine_version": "1.52"},
        {"voice": "en"},
        {"text": "您好。"},
        {"rate": 80},
        {"audio_format": AudioFormat.WAV},
    ],
)
def test_the_key_changes_with_everything_that_changes_the_audio(change):
    assert cache_key(**{**BASE, **change}) != cache_key(**BASE)


def test_the_same_inputs_give_the_same_key():
    assert cache_key(**BASE) == cache_key(**dict(BASE))


def test_stored_audio_is_read_back_byte_for_byte(tmp_path):
    cache = AudioCache(tmp_path)
    key = cache_key(**BASE)
    path = cache.put(key, AudioFormat.MP3, b"\xff\xf3audio")
    assert cache.get(key, AudioFormat.MP3) == b"\xff\xf3audio"
    assert path == tmp_path / key[:2] / f"{key}.mp3"


def test_a_missing_entry_is_none(tmp_path):
    assert AudioCache(tmp_path).get(cache_key(**BASE), AudioFormat.WAV) is None


def test_a_write_leaves_no_temporary_file_behind(tmp_path):
    cache = AudioCache(tmp_path)
    key = cache_key(**BASE)
    cache.put(key, AudioFormat.MP3, b"one")
    cache.put(key, AudioFormat.MP3, b"two")
    assert sorted(os.listdir(tmp_path / key[:2])) == [f"{key}.mp3"]
    assert cache.get(key, AudioFormat.MP3) == b"two"


def test_a_failed_write_leaves_neither_a_partial_file_nor_an_entry(tmp_path, monkeypatch):
    cache = AudioCache(tmp_path)
    key = cache_key(**BASE)

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        cache.put(key, AudioFormat.MP3, b"data")
    assert os.listdir(tmp_path / key[:2]) == []
    assert cache.get(key, AudioFormat.MP3) is None


@pytest.mark.parametrize("bad", ["../../etc/passwd", "ABC", "a" * 63, "g" * 64, ""])
def test_only_a_hex_digest_can_become_a_path(tmp_path, bad):
    with pytest.raises(ValueError):
        AudioCache(tmp_path).path_for(bad, AudioFormat.MP3)
