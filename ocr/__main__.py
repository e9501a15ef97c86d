"""python -m ocr IMAGE [IMAGE ...] [--kind KIND] [--engine ENGINE] --json

Loads the models once and prints one JSON line per image, in order:
{"image": PATH, "kind": ..., "fields": {NAME: {"value": ..., "confidence": 0..1}}, "warnings": [...]}
Exit status 1 when any image could not be read at all (`image_unreadable`, its `reason` a code), else 0;
2 for a wrong command line."""

from __future__ import annotations

import argparse
import errno
import json
import sys

from ocr.api import AUTO, Reader
from ocr.engines import DEFAULT_ENGINE, ENGINES
from ocr.reading import KINDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ocr", description="Read ID cards and disability certificates.")
    parser.add_argument("images", nargs="+", metavar="IMAGE")
    parser.add_argument("--kind", choices=(AUTO, *KINDS), default=AUTO)
    parser.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE)
    parser.add_argument("--threads", type=int, default=1, help="recognition threads (default 1)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line (the only output format)")
    args = parser.parse_args(argv)
    if args.threads < 1:
        parser.error("--threads must be 1 or more")
    reader = Reader(engine=args.engine, threads=args.threads)
    status = 0
    for path in args.images:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as exc:
            print(json.dumps({"image": path, "kind": None, "fields": {}, "warnings": [
                {"code": "image_unreadable", "params": {"reason": _FILE_REASONS.get(exc.errno, "file_unreadable")}}]},
                ensure_ascii=False))
            status = 1
            continue
        reading = reader.read(data, args.kind)
        print(json.dumps({"image": path, **reading.to_json()}, ensure_ascii=False), flush=True)
        if any(warning.code == "image_unreadable" for warning in reading.warnings):
            status = 1
    return status


# Why a file could not be opened, as codes (like the reader's own reasons), never the system's English words.
_FILE_REASONS = {errno.ENOENT: "file_not_found", errno.EISDIR: "is_a_directory", errno.EACCES: "permission_denied"}


if __name__ == "__main__":
    sys.exit(main())
