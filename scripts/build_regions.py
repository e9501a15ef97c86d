"""Build backend/identity/data/regions.csv from python-stdnum's ``stdnum/cn/loc.dat``.

    .venv/bin/python scripts/build_regions.py            # writes the CSV and prints a summary
    .venv/bin/python scripts/build_regions.py --check    # exits 1 if the committed CSV is out of date

``loc.dat`` is python-stdnum's copy of Wikipedia's 中华人民共和国行政区划代码 lists (1区-8区), one line
per 6-digit GB/T 2260 code with the names it has carried and their years, such as
``0110 county="[1997-2010]万盛区,[2011-]綦江区"`` under ``50 province="重庆市"``. We ship a CSV with one
row per code instead of reading loc.dat at run time, so that the list is fixed with the code that uses
it and a reviewer can read it.

One row per code: the code's latest name is its name (a code reused for a new name, 500110 万盛区
then 綦江区, has one current name; the earlier names go to ``former_names``). A code is current when its
latest name has no end year.

For an abolished code, ``successor`` is the current region that took over, found in this order
(``successor_basis`` says which):

Before that, backend/identity/data/region_corrections_manual.csv fixes the few year ranges in which the
list contradicts itself (429001 随州市 listed as current).

1. ``manual``: backend/identity/data/region_successors_manual.csv (mergers and renames, each with a source).
2. ``same_prefecture_name``: exactly one current county in the same prefecture (first 4 digits; the
   whole province for the municipalities 北京 天津 上海 重庆, whose 01/02/03 "prefectures" are only
   groupings of districts, counties and cities) has the same name stem (the name without 县/区/市/旗 or
   an ethnic autonomy suffix such as 土家族苗族自治县): 500232 武隆县 -> 500156 武隆区.
3. ``moved_province``: for a county of a prefecture that moved province with its old code (四川 to 重庆
   in 1997, 广东 to 海南 in 1988) and was abolished by then, exactly one current county of the new
   province with that stem: 512326 武隆县 (四川省涪陵地区) -> 500156 武隆区.
4. ``same_province_name``: when the old prefecture has no current county left (it was re-coded, such as
   a 地区 that became a 市), exactly one current county in the province with that stem: 622723
   甘肃省平凉地区灵台县 -> 620822 甘肃省平凉市灵台县.

Tiers 3 and 4 take only names that say something: a stem of two characters or more or the very same
name (献县 -> 献县), and not a district name that many cities share (郊区, 城关区, 桥东区 ...). A
one-character stem (忠县, 开县) matches only the very same name there. When several current counties share the
stem at a tier, the code gets no successor rather than a guess. A first version that also matched
stems across the whole country paired 山西 大同县 with 黑龙江 大同区 and 四川 江北县 with 宁波 江北区; that
is why tier 3 is limited to the known moves.

Prefecture-level codes get a successor prefecture the same way (same province, same stem without
地区/市/州/盟). Codes nothing matches keep an empty successor; the summary counts them.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import stdnum

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "backend" / "identity" / "data"
OUTPUT = DATA / "regions.csv"
MANUAL = DATA / "region_successors_manual.csv"
CORRECTIONS = DATA / "region_corrections_manual.csv"
# The summary of the last build, with the python-stdnum version it read: the test that the CSV is up to
# date runs only against that version (a newer stdnum may list new codes; rebuild then).
SUMMARY = DATA / "regions.summary.txt"
COLUMNS = (
    "code",
    "name",
    "full_name",
    "level",
    "valid_from",
    "valid_until",
    "successor",
    "successor_basis",
    "grouping",
    "former_names",
)

MUNICIPALITIES = {"11", "12", "31", "50"}
# Rows that group counties for coding but are no place of their own (市辖区 "city districts", 县
# "counties" of a municipality, 省直辖县级行政单位 ...).
GROUPING_NAMES = {
    "市辖区",
    "县",
    "市",
    "林区",
    "省直辖县级行政单位",
    "省直辖行政单位",
    "自治区直辖县级行政单位",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "市区",  # a city's urban area in the 1980 lists (440120 广州市市区), split among districts since
}
# Names shared by districts of many cities: an abolished one is never matched outside its prefecture.
GENERIC_DISTRICT_NAMES = {
    "城区", "郊区", "矿区", "城关区", "新市区", "新城区", "市中区", "河东区", "河西区", "桥东区", "桥西区",
    "新华区", "铁东区", "铁西区", "东区", "西区", "南区", "北区", "中区", "向阳区", "红旗区", "东风区",
    "东城区", "西城区", "城中区", "城东区", "城西区", "城南区", "城北区", "鼓楼区", "开发区", "高新区",
}
# Prefectures that moved to another province with their code: 四川 -> 重庆 when it became a
# municipality in 1997 (重庆市, 万县市, 涪陵市, 永川/万县/涪陵/黔江地区), 广东 -> 海南 when it became a
# province in 1988 (海口市, 三亚市, 海南行政区, 海南黎族苗族自治州). Their counties are looked for in the
# new province first.
MOVED_PREFECTURES = {
    **dict.fromkeys(("5102", "5112", "5114", "5121", "5122", "5123", "5135"), ("50", 1997)),
    **dict.fromkeys(("4410", "4411", "4421", "4422"), ("46", 1988)),
}
ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC = sorted((g + "族" for g in ETHNIC_GROUPS), key=len, reverse=True)
_COUNTY_SUFFIXES = ("自治县", "自治旗", "特区", "新区", "县", "区", "市", "旗")
_CITY_SUFFIXES = ("自治州", "地区", "行政区", "市", "州", "盟")
_ENTRY = re.compile(r"\[(\d*)-(\d*)\]([^,\[]+)")


@dataclass
class Period:
    name: str
    start: int | None
    end: int | None


@dataclass
class Code:
    code: str
    periods: list[Period]
    level: str = ""
    grouping: bool = False
    full_name: str = ""
    successor: str = ""
    successor_basis: str = ""
    stem: str = ""

    @property
    def name(self) -> str:
        return self.periods[-1].name

    @property
    def valid_from(self) -> int | None:
        starts = [p.start for p in self.periods]
        return None if None in starts else min(s for s in starts if s is not None)

    @property
    def valid_until(self) -> int | None:
        return self.periods[-1].end

    @property
    def is_current(self) -> bool:
        return self.valid_until is None


def loc_dat_path() -> Path:
    return Path(stdnum.__file__).parent / "cn" / "loc.dat"


def parse_loc_dat(text: str) -> dict[str, Code]:
    codes: dict[str, Code] = {}
    province = None
    province_names: dict[str, str] = {}
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        top = re.fullmatch(r'(\d{2}) province="([^"]+)"', line)
        if top:
            province = top.group(1)
            province_names[province] = top.group(2)
            continue
        sub = re.fullmatch(r'  (\d{4}) county="([^"]+)"', line)
        if not sub or province is None:
            raise ValueError(f"loc.dat line {line_number}: unexpected line {line!r}")
        code = province + sub.group(1)
        value = sub.group(2)
        if value.startswith("["):
            periods = [Period(n.strip(), int(a) if a else None, int(b) if b else None) for a, b, n in _ENTRY.findall(value)]
            if _ENTRY.sub("", value).strip(", "):
                raise ValueError(f"loc.dat line {line_number}: cannot read {value!r}")
        else:
            periods = [Period(value, None, None)]
        if code in codes:
            raise ValueError(f"loc.dat line {line_number}: code {code} twice")
        codes[code] = Code(code, periods)
    for province, name in province_names.items():
        # A province without its own 0000 row (none today) still gets one, from its header line.
        codes.setdefault(province + "0000", Code(province + "0000", [Period(name, None, None)]))
    return codes


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def county_stem(name: str) -> str:
    for suffix in _COUNTY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    changed = True
    while changed:  # 黔江土家族苗族 -> 黔江土家族 -> 黔江
        changed = False
        for group in _ETHNIC:
            if name.endswith(group) and len(name) > len(group):
                name = name[: -len(group)]
                changed = True
                break
    return name


def city_stem(name: str) -> str:
    name = county_stem(name) if name.endswith("自治州") else name
    for suffix in _CITY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def name_in_year(code: Code | None, year: int | None) -> str | None:
    """The name ``code`` had in ``year`` (None: today), or its latest name before that."""
    if code is None:
        return None
    if year is None:
        return code.name
    fitting = [p for p in code.periods if (p.start is None or p.start <= year) and (p.end is None or year <= p.end)]
    if fitting:
        return fitting[-1].name
    earlier = [p for p in code.periods if p.start is None or p.start <= year]
    return (earlier or code.periods)[-1].name


def prefecture_scope(code: str) -> str:
    return code[:2] if code[:2] in MUNICIPALITIES else code[:4]


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle) if row and not row[0].startswith("#")]


def apply_corrections(path: Path, codes: dict[str, Code]) -> None:
    header, *rows = _read_csv(path)
    if header != ["code", "valid_from", "valid_until", "source"]:
        raise ValueError(f"{path.name}: header must be code,valid_from,valid_until,source")
    for number, (code, valid_from, valid_until, source) in enumerate(rows, 2):
        if code not in codes or not source.strip():
            raise ValueError(f"{path.name} row {number}: unknown code or no source")
        latest = codes[code].periods[-1]
        latest.start = int(valid_from) if valid_from else latest.start
        latest.end = int(valid_until) if valid_until else latest.end


def read_manual(path: Path, codes: dict[str, Code]) -> dict[str, str]:
    manual: dict[str, str] = {}
    header, *rows = _read_csv(path)
    if header != ["code", "successor", "source"]:
        raise ValueError(f"{path.name}: header must be code,successor,source")
    for number, (code, successor, source) in enumerate(rows, 2):
        if code not in codes or successor not in codes:
            raise ValueError(f"{path.name} row {number}: unknown code {code if code not in codes else successor}")
        if codes[code].is_current:
            raise ValueError(f"{path.name} row {number}: {code} is still current")
        if not codes[successor].is_current:
            raise ValueError(f"{path.name} row {number}: successor {successor} is not current")
        if not source.strip():
            raise ValueError(f"{path.name} row {number}: a source is required")
        manual[code] = successor
    return manual


def build(codes: dict[str, Code], manual: dict[str, str]) -> None:
    for code in codes.values():
        code.level = level_of(code.code)
        code.grouping = code.level != "province" and code.name in GROUPING_NAMES
    for code in codes.values():
        province = codes.get(code.code[:2] + "0000")
        year = code.valid_until
        parts = [name_in_year(province, year) or ""]
        if code.level == "county":
            city = codes.get(code.code[:4] + "00")
            city_name = name_in_year(city, year)
            if city_name and city_name not in GROUPING_NAMES and code.code[:2] not in MUNICIPALITIES:
                parts.append(city_name)
        if code.level != "province":
            parts.append(code.name)
        code.full_name = "".join(parts)
        code.stem = county_stem(code.name) if code.level == "county" else city_stem(code.name)

    current_counties = [c for c in codes.values() if c.level == "county" and c.is_current and not c.grouping]
    current_cities = [c for c in codes.values() if c.level == "city" and c.is_current and not c.grouping]
    scopes_with_current = {prefecture_scope(c.code) for c in current_counties}
    by_stem: dict[str, list[Code]] = defaultdict(list)
    for county in current_counties:
        by_stem[county.stem].append(county)

    def unique(candidates: list[Code]) -> Code | None:
        return candidates[0] if len(candidates) == 1 else None

    for code in codes.values():
        if code.is_current or code.grouping:
            continue
        if code.code in manual:
            code.successor, code.successor_basis = manual[code.code], "manual"
            continue
        if code.level == "city":
            found = unique([c for c in current_cities if c.code[:2] == code.code[:2] and c.stem == code.stem])
            if found:
                code.successor, code.successor_basis = found.code, "same_province_name"
            continue
        if code.level != "county":
            continue
        same_stem = by_stem.get(code.stem, [])
        scope = prefecture_scope(code.code)
        tiers = [("same_prefecture_name", [c for c in same_stem if prefecture_scope(c.code) == scope])]
        # Wider than the prefecture only for names that say something (two characters or more, or the
        # very same name, such as 献县) and are not shared by districts of many cities.
        distinctive = (len(code.stem) >= 2 or any(c.name == code.name for c in same_stem)) and (
            code.name not in GENERIC_DISTRICT_NAMES
        )
        moved = MOVED_PREFECTURES.get(code.code[:4])
        if distinctive and moved and code.valid_until is not None and code.valid_until <= moved[1]:
            tiers.append(("moved_province", [c for c in same_stem if c.code[:2] == moved[0]]))
        if distinctive:
            tiers.append(("same_province_name", [c for c in same_stem if c.code[:2] == code.code[:2]]))
        for basis, candidates in tiers:
            if basis != "same_prefecture_name" and len(code.stem) < 2:
                candidates = [c for c in candidates if c.name == code.name]
            if candidates:
                found = unique(candidates)
                if found:
                    code.successor, code.successor_basis = found.code, basis
                break  # several with the stem at this tier: ambiguous, do not look wider


def former_names(code: Code) -> str:
    def years(p: Period) -> str:
        return f"{p.start or ''}-{p.end or ''}"

    return ";".join(f"{p.name}[{years(p)}]" for p in code.periods[:-1])


def render(codes: dict[str, Code]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for code in sorted(codes.values(), key=lambda c: c.code):
        writer.writerow(
            [
                code.code,
                code.name,
                code.full_name,
                code.level,
                code.valid_from or "",
                code.valid_until or "",
                code.successor,
                code.successor_basis,
                "1" if code.grouping else "",
                former_names(code),
            ]
        )
    return out.getvalue()


def summary(codes: dict[str, Code]) -> str:
    counties = [c for c in codes.values() if c.level == "county" and not c.grouping]
    abolished = [c for c in counties if not c.is_current]
    bases = Counter(c.successor_basis or "none" for c in abolished)
    cities = [c for c in codes.values() if c.level == "city" and not c.grouping and not c.is_current]
    lines = [
        f"source: stdnum/cn/loc.dat of python-stdnum {stdnum.__version__}",
        f"codes: {len(codes)}; current counties: {len(counties) - len(abolished)}",
        f"abolished county-level codes: {len(abolished)}",
        *(f"  successor by {basis}: {count}" for basis, count in sorted(bases.items())),
        f"abolished prefecture-level codes: {len(cities)}, without successor: {sum(not c.successor for c in cities)}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed CSV instead of writing")
    args = parser.parse_args(argv)
    codes = parse_loc_dat(loc_dat_path().read_text(encoding="utf-8"))
    apply_corrections(CORRECTIONS, codes)
    build(codes, read_manual(MANUAL, codes))
    text = render(codes)
    report = summary(codes) + "\n"
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text or SUMMARY.read_text(encoding="utf-8") != report:
            print(f"{OUTPUT.name} is out of date: run scripts/build_regions.py", file=sys.stderr)
            return 1
    else:
        OUTPUT.write_text(text, encoding="utf-8")
        SUMMARY.write_text(report, encoding="utf-8")
    print(report, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
