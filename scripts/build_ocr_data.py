"""Write the data files `ocr/` checks its readings against:

* ocr/data/places.csv, the place names addresses and issuing authorities begin with, from
  backend/identity/data/regions.csv (GB/T 2260, abolished codes included: old documents keep old names);
  `ocr/` imports nothing of ours (DESIGN.md), so it keeps its own copy;
* ocr/data/traditional.txt, traditional characters that are never simplified ones (賈 -> 贾), from OpenCC's
  TSCharacters table: mainland documents print simplified characters, so such a character is a misreading.
  Characters of the 通用规范汉字表 (2013) are standard print whatever OpenCC says (昇, 甦, 陞 and 甯 are
  names' characters it respells): they are left out, the table's members read from Unicode's Unihan database
  (its kTGH field, Debian's unicode-data package, installed by `make`).

    .venv/bin/python scripts/build_ocr_data.py        # after regions.csv or OpenCC changes

tests/ocr/test_places.py and test_script.py fail when a file and its source drift apart."""

from __future__ import annotations

import bz2
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS = ROOT / "backend" / "identity" / "data" / "regions.csv"
PLACES = ROOT / "ocr" / "data" / "places.csv"
TRADITIONAL = ROOT / "ocr" / "data" / "traditional.txt"
UNIHAN_MAPPINGS = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")


def places_csv(regions_text: str) -> str:
    """code,name,parent: every province, prefecture and county, under each name it has had; a county's parent is its prefecture, or its
    province where the prefecture level is only a grouping (直辖市's 市辖区 and 县, 省直辖县级行政单位)."""
    rows = list(csv.DictReader(io.StringIO(regions_text)))
    real_prefectures = {r["code"] for r in rows if r["level"] == "city" and r["grouping"] != "1"}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "name", "parent"))
    for r in rows:
        if r["grouping"] == "1":
            continue
        code = r["code"]
        if r["level"] == "province":
            parent = ""
        elif r["level"] == "city":
            parent = code[:2] + "0000"
        else:
            prefecture = code[:4] + "00"
            parent = prefecture if prefecture in real_prefectures else code[:2] + "0000"
        # A place renamed keeps its code: its former names are still printed on documents issued before.
        for name in [r["name"], *(re.sub(r"\[.*?\]$", "", n) for n in r["former_names"].split(";") if n)]:
            writer.writerow((code, name, parent))
    return out.getvalue()


def standard_characters() -> frozenset[str]:
    """The 8,105 characters of the 通用规范汉字表 (国务院, 2013): Unihan's kTGH field gives each its place in it."""
    if not UNIHAN_MAPPINGS.exists():
        raise SystemExit(f"{UNIHAN_MAPPINGS} is missing: install Debian's unicode-data package (make does)")
    standard = set()
    with bz2.open(UNIHAN_MAPPINGS, "rt", encoding="utf-8") as mappings:
        for line in mappings:
            if "\tkTGH\t" in line:                 # U+6607<TAB>kTGH<TAB>2013:3427
                standard.add(chr(int(line.split("\t", 1)[0][2:], 16)))
    return frozenset(standard)


def traditional_txt() -> str:
    """One line per traditional-only character: the character and its usual simplified form. A character that
    is also a simplified one (乾, 於: their own first or second reading), or a standard one of the 通用规范汉字表
    (昇, which OpenCC turns into 升), is left out."""
    import opencc  # opencc-python-reimplemented, a test and development dependency only

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    standard = standard_characters()
    lines = []
    for row in table.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = row.partition("\t")
        candidates = simplified.split()
        if len(traditional) == 1 and candidates and traditional not in candidates and traditional not in standard:
            lines.append(traditional + candidates[0])
    return "\n".join(sorted(lines)) + "\n"


def main() -> int:
    PLACES.parent.mkdir(parents=True, exist_ok=True)
    PLACES.write_text(places_csv(REGIONS.read_text(encoding="utf-8")), encoding="utf-8")
    TRADITIONAL.write_text(traditional_txt(), encoding="utf-8")
    print(f"wrote {PLACES.relative_to(ROOT)} and {TRADITIONAL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
