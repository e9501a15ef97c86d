"""Write ocr/data/towns.txt: the towns (乡, 镇, 街道 ...) of each county, from JioNLP's china_location.txt
(Apache-2.0, https://github.com/dongrixinyu/JioNLP; about 43,000 towns under 3,000 counties, 2021-2023 names).

`ocr/fields/places.py` reads it to set right one character of a town's own name right after its county, where
the recogniser saw the listed one among its runners-up (刘纤镇 with 圩 behind 纤: 刘圩镇): it is a list of today's
names, and an ID card keeps its address for up to twenty years while towns are merged and renamed, so a town is
only ever set right, never confirmed, and what is written in keeps the confidence the recogniser gave the
character it read (docs/ocr.md, Towns).

    .venv/bin/pip download --no-deps jionlp==1.5.31 -d /tmp/jionlp
    unzip -o -q /tmp/jionlp/jionlp-1.5.31-py2.py3-none-any.whl 'jionlp/dictionary/china_location.txt' -d /tmp/jionlp
    .venv/bin/python scripts/build_ocr_towns.py /tmp/jionlp/jionlp/dictionary/china_location.txt

The source indents province, prefecture, county, town and village by 0 to 4 tabs; a county line is
"<name>\\t<code>\\t<short name>". Counties listed without a code (Taiwan's) are left out; a code listed twice
(410471, two development zones) keeps the towns of both; a town listed with its county's name in front
(化德县七号镇, 芒市勐焕街道: 425 of them) is written without it, as an address after its county has it."""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ocr" / "data" / "towns.txt"
HEADER = ("# The towns of each county: <county code> <county name> <town> <town> ..., from JioNLP's\n"
          "# china_location.txt (Apache-2.0, https://github.com/dongrixinyu/JioNLP).\n"
          "# Written by scripts/build_ocr_towns.py.\n")


def counties(source: str) -> list[tuple[str, str, list[str]]]:
    by_code: dict[str, tuple[str, str, list[str]]] = {}
    current: tuple[str, str, list[str]] | None = None
    for raw in source.splitlines():
        depth = len(raw) - len(raw.lstrip("\t"))
        parts = raw.strip().split("\t")
        if not parts[0]:
            continue
        if depth < 2 or (depth == 2 and len(parts) < 2):
            current = None
        elif depth == 2:
            current = by_code.setdefault(parts[1], (parts[1], parts[0], []))
        elif depth == 3 and current is not None:
            town = parts[0]
            if town.startswith(current[1]) and len(town) - len(current[1]) >= 2:
                town = town[len(current[1]):]
            if town not in current[2]:
                current[2].append(town)
    return [c for c in by_code.values() if c[2]]


def main(source: str) -> int:
    found = counties(Path(source).read_text(encoding="utf-8"))
    OUT.write_text(HEADER + "".join(f"{code} {name} {' '.join(towns)}\n" for code, name, towns in found),
                   encoding="utf-8")
    print(f"wrote {sum(len(t) for _, _, t in found)} towns of {len(found)} counties to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
