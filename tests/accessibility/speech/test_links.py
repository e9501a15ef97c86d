import pytest

from accessibility.speech import AudioFormat
from accessibility.speech.links import AudioLinks, LinkRefused

KEY = "ab" * 32


def test_a_link_names_the_audio_its_end_and_a_signature():
    url = AudioLinks(b"secret").url(KEY, AudioFormat.MP3, expires=2_000_000_000)
    assert url.startswith(f"/api/v1/speech/{KEY}.mp3?expires=2000000000&signature=")


def test_a_link_is_accepted_until_it_ends():
    links = AudioLinks(b"secret")
    signature = links.url(KEY, AudioFormat.MP3, expires=1000).rsplit("=", 1)[1]
    assert links.check(KEY, "mp3", "1000", signature, now=999) is AudioFormat.MP3
    with pytest.raises(LinkRefused) as ended:
        links.check(KEY, "mp3", "1000", signature, now=1001)
    assert ended.value.code == "link_expired"


@pytest.mark.parametrize("change", ["key", "format", "expires", "secret"])
def test_a_link_changed_in_any_part_is_refused(change):
    links = AudioLinks(b"secret")
    signature = links.url(KEY, AudioFormat.MP3, expires=5000).rsplit("=", 1)[1]
    key, extension, expires, checker = KEY, "mp3", "5000", links
    if change == "key":
        key = "cd" * 32
    elif change == "format":
        extension = "wav"
    elif change == "expires":
        expires = "9000"
    else:
        checker = AudioLinks(b"other secret")
    with pytest.raises(LinkRefused) as refused:
        checker.check(key, extension, expires, signature, now=1)
    assert refused.value.code == "link_signature_wrong"


@pytest.mark.parametrize("key, extension, expires", [("../etc/passwd", "mp3", "1"), (KEY, "ogg", "1"), (KEY, "mp3", "soon")])
def test_a_malformed_link_is_refused(key, extension, expires):
    with pytest.raises(LinkRefused) as refused:
        AudioLinks(b"secret").check(key, extension, expires, "00", now=0)
    assert refused.value.code == "link_malformed"
