"""Operations from the command line: `python -m backend.cli COMMAND`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backend.settings import SettingsError, load_settings, new_data_key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend.cli", description="两补网办 operations")
    parser.add_argument("--dev", action="store_true", help="generate missing dev secrets (as make run does)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="create or upgrade the database schema")
    commands.add_parser("seed-demo", help="create the demo accounts and a sample application")
    commands.add_parser("new-data-key", help="print a new random LIANGBU_DATA_KEY")
    photos = commands.add_parser("demo-photos", help="write synthetic document photos for trying uploads")
    photos.add_argument("directory", type=Path, nargs="?", default=Path("instance/demo-photos"))
    args = parser.parse_args(argv)

    if args.command == "new-data-key":
        print(new_data_key())
        return 0
    if args.command == "demo-photos":
        from backend.demo_photos import write_demo_photos
        for path in write_demo_photos(args.directory):
            print(path)
        return 0
    try:
        settings = load_settings(generate_dev_secrets=args.dev)
    except SettingsError as error:
        print(f"Settings: {error}", file=sys.stderr)
        return 2
    from backend.db.migrate import upgrade
    from backend.runtime import configure

    if args.command == "migrate":
        settings.instance_dir.mkdir(parents=True, exist_ok=True)
        upgrade(settings.resolved_database_url)
        print("Database is up to date.")
        return 0
    if args.command == "seed-demo":
        from backend.demo import seed_demo
        configure(settings)
        created = seed_demo()
        print("Demo data: " + (", ".join(created) if created else "already present"))
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
