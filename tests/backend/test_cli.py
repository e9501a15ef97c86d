"""The operations command line against the demo that `make run` started (README): its keys live in the instance
folder, not in the environment, and its files go where LIANGBU_INSTANCE_DIR says."""

from __future__ import annotations

import pytest

from backend import cli
from backend.settings import load_settings


@pytest.fixture
def demo_instance(tmp_path, monkeypatch):
    for name in ("LIANGBU_SECRET_KEY", "LIANGBU_DATA_KEY", "LIANGBU_DATABASE_URL", "LIANGBU_STORAGE_DIR",
                 "LIANGBU_JOB_QUEUE_URL"):
        monkeypatch.delenv(name, raising=False)
    instance = tmp_path / "elsewhere"
    monkeypatch.setenv("LIANGBU_INSTANCE_DIR", str(instance))
    return instance


def test_create_assistant_works_as_written_against_the_demo(demo_instance, capsys, runtime):
    load_settings(generate_dev_secrets=True)  # what make run does: keys kept in the instance folder
    assert cli.main(["migrate"]) == 0
    assert cli.main(["create-assistant", "--name", "凤山街道协办员", "--region", "500156"]) == 0
    printed = capsys.readouterr()
    assert "Assistant 凤山街道协办员 for 重庆市武隆区 (500156) created." in printed.out
    assert "Activation code" in printed.out and "dev-secrets.json" in printed.err


def test_without_keys_or_a_demo_the_command_line_refuses(demo_instance, capsys):
    assert cli.main(["create-assistant", "--name", "协办员", "--region", "500156"]) == 2
    assert "LIANGBU_" in capsys.readouterr().err
    assert not (demo_instance / "dev-secrets.json").exists()


def test_demo_photos_go_to_the_instance_folder(demo_instance, capsys):
    assert cli.main(["demo-photos"]) == 0
    written = sorted(path.name for path in (demo_instance / "demo-photos").iterdir())
    assert "id_card_front.jpg" in written and "disability_certificate.jpg" in written


def test_the_demo_is_seeded_only_where_dev_login_is_on(demo_instance, capsys, runtime, monkeypatch):
    monkeypatch.delenv("LIANGBU_DEV_LOGIN", raising=False)
    load_settings(generate_dev_secrets=True)
    assert cli.main(["migrate"]) == 0
    assert cli.main(["seed-demo"]) == 2  # a database that is not a demo's gets no demo accounts
    assert "LIANGBU_DEV_LOGIN" in capsys.readouterr().err
    monkeypatch.setenv("LIANGBU_DEV_LOGIN", "1")
    assert cli.main(["seed-demo"]) == 0
    assert "Demo data:" in capsys.readouterr().out


def test_seal_existing_says_what_it_sealed(demo_instance, capsys, runtime):
    load_settings(generate_dev_secrets=True)
    assert cli.main(["migrate"]) == 0
    assert cli.main(["seal-existing"]) == 0
    assert "users.display_name: 0 sealed" in capsys.readouterr().out


def test_migrate_says_whether_it_created_the_schema_or_found_it_up_to_date(demo_instance, capsys):
    load_settings(generate_dev_secrets=True)
    assert cli.main(["migrate"]) == 0
    assert "schema created" in capsys.readouterr().out
    assert cli.main(["migrate"]) == 0
    assert "up to date" in capsys.readouterr().out
