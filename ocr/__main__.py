"""python -m ocr IMAGE [IMAGE ...] [--kind KIND] [--engine ENGINE] --json

Loads the models once and prints one JSON line per image, in order:
{"image": PATH, "kind": ..., "fields": {NAME: {"value": ..., "confidence": 0..1}}, "warnings": [...]}"""

from __future__ import annotations

import argparse
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
    reader = Reader(engine=args.engine, threads=args.threads)
    status = 0
    for path in args.images:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as exc:
            print(json.dumps({"image": path, "kind": None, "fields": {}, "warnings": [
                {"code": "image_unreadable", "params": {"reason": exc.strerror or "unreadable"}}]},
                ensure_ascii=False))
            status = 1
            continue
        reading = reader.read(data, args.kind)
        print(json.dumps({"image": path, **reading.to_json()}, ensure_ascii=False), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
