"""The storage boundary: the local folder (default) and S3-compatible object storage (a real S3 server on
loopback, moto's), with atomic writes and keys that can never name a path."""

from __future__ import annotations

import os

import pytest

from backend.storage.boundary import StoredFileMissing
from backend.storage.local import LocalFolderStorage

KEY = "Ab3_dE4-fG5hI6jK7lM8nO9p"


def test_local_folder_round_trip(tmp_path):
    storage = LocalFolderStorage(tmp_path)
    storage.put(KEY, b"photo", "image/jpeg")
    assert storage.exists(KEY) and storage.get(KEY) == b"photo"
    assert oct((tmp_path / KEY[:2] / KEY).stat().st_mode)[-3:] == "600"
    storage.delete(KEY)
    assert not storage.exists(KEY)
    with pytest.raises(StoredFileMissing):
        storage.get(KEY)


@pytest.mark.parametrize("key", ["../../etc/passwd", "short", "a/b" * 10, ""])
def test_a_key_can_never_name_a_path(tmp_path, key):
    with pytest.raises(ValueError):
        LocalFolderStorage(tmp_path).put(key, b"x", "image/jpeg")


def test_a_write_that_fails_leaves_neither_half_a_file_nor_a_temporary_one(tmp_path, monkeypatch):
    storage = LocalFolderStorage(tmp_path)

    def crash(*args):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        storage.put(KEY, b"x" * 100_000, "image/jpeg")
    assert list(tmp_path.rglob("*.jpg")) == [] and [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_rewrite_replaces_the_whole_file(tmp_path):
    storage = LocalFolderStorage(tmp_path)
    storage.put(KEY, b"first version, longer", "image/jpeg")
    storage.put(KEY, b"second", "image/jpeg")
    assert storage.get(KEY) == b"second"


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def test_s3_compatible_storage_against_a_real_s3_server(s3_server, monkeypatch):
    import boto3

    from backend.storage.s3 import S3Storage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1").create_bucket(Bucket="liangbu-test")
    storage = S3Storage("liangbu-test", endpoint_url=s3_server)
    storage.put(KEY, b"photo bytes", "image/jpeg")
    assert storage.exists(KEY) and storage.get(KEY) == b"photo bytes"
    assert KEY in storage.keys()
    storage.delete(KEY)
    assert not storage.exists(KEY)
    with pytest.raises(StoredFileMissing):
        storage.get(KEY)


def test_s3_objects_are_sealed_before_they_leave_the_process(s3_server, monkeypatch):
    import boto3

    from backend.privacy.vault import Vault
    from backend.storage.s3 import S3Storage
    from backend.storage.sealing import MAGIC, SealedStorage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket="liangbu-sealed")
    storage = SealedStorage(S3Storage("liangbu-sealed", endpoint_url=s3_server), Vault(b"k" * 32))
    storage.put(KEY, b"\xff\xd8 photo bytes", "image/jpeg")
    stored = client.get_object(Bucket="liangbu-sealed", Key="materials/" + KEY)
    assert stored["Body"].read().startswith(MAGIC) and stored["ServerSideEncryption"] == "AES256"
    assert storage.get(KEY) == b"\xff\xd8 photo bytes"
    assert [key for key, _ in storage.entries(KEY[:4])] == [KEY]


def test_settings_choose_s3_when_a_bucket_is_named(settings):
    from backend.privacy.vault import Vault
    from backend.storage import storage_for
    from backend.storage.s3 import S3Storage

    vault = Vault(b"k" * 32)
    assert isinstance(storage_for(settings, vault).stored_in, LocalFolderStorage)
    with_bucket = settings.model_copy(update={"s3_bucket": "b", "s3_endpoint_url": "http://127.0.0.1:9"})
    assert isinstance(storage_for(with_bucket, vault).stored_in, S3Storage)
