"""Operations from the command line: `python -m backend.cli COMMAND`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backend.settings import SettingsError, load_settings, make_instance_dir, new_data_key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend.cli", description="两补网办 operations")
    parser.add_argument("--dev", action="store_true", help="generate missing dev secrets (as make run does)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="create or upgrade the database schema")
    commands.add_parser("seed-demo", help="create the demo accounts and a sample application "
                                          "(only with dev login on, or --dev)")
    commands.add_parser("new-data-key", help="print a new random LIANGBU_DATA_KEY")
    commands.add_parser("seal-existing", help="seal names, statements, answers and files stored before they were sealed")
    assistant = commands.add_parser("create-assistant", help="create a village assistant account for a region")
    assistant.add_argument("--name", required=True, help="how the account is shown, e.g. 凤山街道协办员")
    assistant.add_argument("--region", required=True, help="the 6-digit county code the assistant serves")
    photos = commands.add_parser("demo-photos", help="write synthetic document photos for trying uploads")
    photos.add_argument("directory", type=Path, nargs="?",
                        help="where to write them (default: demo-photos in the instance folder)")
    args = parser.parse_args(argv)

    if args.command == "new-data-key":
        print(new_data_key())
        return 0
    if args.command == "demo-photos":
        from backend.demo_photos import write_demo_photos
        from backend.settings import Settings
        for path in write_demo_photos(args.directory or Settings().instance_dir / "demo-photos"):
            print(path)
        return 0
    try:
        settings = _settings(dev=args.dev)
    except SettingsError as error:
        print(f"Settings: {error}", file=sys.stderr)
        return 2
    from backend.db.migrate import upgrade
    from backend.runtime import configure

    if args.command == "migrate":
        make_instance_dir(settings.instance_dir)
        before, after = upgrade(settings.resolved_database_url)
        if before == after:
            print(f"Database is up to date (revision {after}).")
        else:
            print(f"Database migrated from {before or 'nothing (schema created)'} to revision {after}.")
        return 0
    if args.command == "create-assistant":
        from backend.errors import InvalidInput
        from backend.representation.service import create_assistant
        configure(settings)
        try:
            created = create_assistant(None, display_name=args.name, region_code=args.region)
        except InvalidInput as error:
            print("Not created: " + ", ".join(f"{e.path} ({e.code})" for e in error.errors), file=sys.stderr)
            return 2
        user = created["user"]
        print(f"Assistant {user['display_name']} for {user['region_name']} ({user['region_code']}) created.")
        print(f"Activation code (valid 7 days; the assistant logs in with WeChat and enters it): "
              f"{created['activation_code']}")
        return 0
    if args.command == "seal-existing":
        from backend.privacy.seal_existing import seal_existing
        configure(settings)
        for what, count in seal_existing().items():
            print(f"{what}: {count} sealed")
        return 0
    if args.command == "seed-demo":
        from backend.demo import seed_demo
        if not (settings.dev_login or args.dev):
            # The demo accounts are logged into by name, demo-reviewer included: not for a real database.
            print("Not seeded: the demo accounts belong only to a demo. Turn dev login on (LIANGBU_DEV_LOGIN=1) "
                  "or pass --dev (as make run does) if this database is one.", file=sys.stderr)
            return 2
        configure(settings)
        created = seed_demo()
        print("Demo data: " + (", ".join(created) if created else "already present"))
        return 0
    return 1


def _settings(*, dev: bool):
    """The settings of the environment; against the demo of `make run` (its keys kept in the instance folder, not
    in the environment), the demo's keys, said aloud, so the README's commands work as written."""
    from backend.settings import Settings

    try:
        return load_settings(generate_dev_secrets=dev)
    except SettingsError:
        kept = Settings().instance_dir / "dev-secrets.json"
        if dev or not kept.exists():
            raise
        print(f"Using the demo's keys from {kept} (as make run does).", file=sys.stderr)
        return load_settings(generate_dev_secrets=True)


if __name__ == "__main__":
    sys.exit(main())
