"""The instance folder and the database files are the owner's only (security audit, item 1e): the SQLite
database holds everyone's sealed applications and the keys' blind indexes, the job queue names them."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from backend.db.engine import Database
from backend.settings import make_instance_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """A shell's usual umask, under which files are made 0644 and folders 0755."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_the_instance_folder_is_made_for_the_owner_only(tmp_path):
    assert mode(make_instance_dir(tmp_path / "instance")) == 0o700


def test_an_instance_folder_made_by_an_older_version_is_closed_up(tmp_path):
    (tmp_path / "instance").mkdir(mode=0o755)
    assert mode(make_instance_dir(tmp_path / "instance")) == 0o700


def test_a_new_sqlite_database_and_its_wal_and_shm_files_are_the_owners_only(tmp_path):
    path = tmp_path / "instance" / "liangbu.sqlite3"
    database = Database(f"sqlite:///{path}")
    try:
        with database.engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (name TEXT)"))
            connection.execute(text("INSERT INTO t VALUES ('王秀英')"))
        companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
        assert all(companion.exists() for companion in companions)
        assert [mode(file) for file in (path, *companions)] == [0o600, 0o600, 0o600]
    finally:
        database.dispose()


def test_an_existing_database_readable_by_others_is_closed_up(tmp_path):
    path = tmp_path / "old.sqlite3"
    path.touch(mode=0o644)
    Database(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o600


def test_the_job_queue_file_is_the_owners_only(tmp_path):
    from backend.jobs.queue import JobQueue

    JobQueue.from_url(f"sqlite:///{tmp_path / 'jobs.sqlite3'}")
    assert mode(tmp_path / "jobs.sqlite3") == 0o600


def test_migrating_a_new_instance_makes_its_database_the_owners_only(tmp_path):
    from backend.db.migrate import upgrade

    path = tmp_path / "migrated.sqlite3"
    upgrade(f"sqlite:///{path}")
    assert mode(path) == 0o600
