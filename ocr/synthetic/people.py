"""Random but valid synthetic people and the documents they hold. Never real persons: names are drawn from
common surnames and given-name characters (rare ones included on purpose: 堃 喆 珺 昇 犇 彧 ... are what a
smaller character set cannot print), numbers get a correct GB 11643 check character."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from ocr.fields.confusable import name_frequency
from ocr.fields.places import towns_of
from ocr.fields.scripts import is_traditional
from ocr.fields.surnames import surname_frequency
from ocr.validate import CATEGORY_NAMES, add_years, id_check_character

# (county code, province, city, county, issuing police office). Real codes, including an abolished one
# (500232 武隆县, REFERENCE.md), because old codes stay in numbers for life.
REGIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("500156", "重庆市", "", "武隆区", "重庆市公安局武隆区分局"),
    ("500232", "重庆市", "", "武隆县", "武隆县公安局"),
    ("500101", "重庆市", "", "万州区", "重庆市公安局万州区分局"),
    ("110101", "北京市", "", "东城区", "北京市公安局东城分局"),
    ("310115", "上海市", "", "浦东新区", "上海市公安局浦东分局"),
    ("330106", "浙江省", "杭州市", "西湖区", "杭州市公安局西湖分局"),
    ("440305", "广东省", "深圳市", "南山区", "深圳市公安局南山分局"),
    ("510104", "四川省", "成都市", "锦江区", "成都市公安局锦江区分局"),
    ("420106", "湖北省", "武汉市", "武昌区", "武汉市公安局武昌分局"),
    ("320102", "江苏省", "南京市", "玄武区", "南京市公安局玄武分局"),
    ("610113", "陕西省", "西安市", "雁塔区", "西安市公安局雁塔分局"),
    ("433127", "湖南省", "湘西土家族苗族自治州", "永顺县", "永顺县公安局"),
    ("522631", "贵州省", "黔东南苗族侗族自治州", "黎平县", "黎平县公安局"),
    ("450103", "广西壮族自治区", "南宁市", "青秀区", "南宁市公安局青秀分局"),
    ("530102", "云南省", "昆明市", "五华区", "昆明市公安局五华分局"),
    ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "乌鲁木齐市公安局天山区分局"),
    ("540102", "西藏自治区", "拉萨市", "城关区", "拉萨市公安局城关分局"),
    ("150102", "内蒙古自治区", "呼和浩特市", "新城区", "呼和浩特市公安局新城区分局"),
    ("230102", "黑龙江省", "哈尔滨市", "道里区", "哈尔滨市公安局道里分局"),
    ("370102", "山东省", "济南市", "历下区", "济南市公安局历下区分局"),
    ("410105", "河南省", "郑州市", "金水区", "郑州市公安局金水分局"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区", "银川市公安局兴庆区分局"),
    ("130102", "河北省", "石家庄市", "长安区", "石家庄市公安局长安分局"),
    ("360102", "江西省", "南昌市", "东湖区", "南昌市公安局东湖分局"),
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容")
GIVEN_COMMON = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文云海波宇浩然子涵欣怡梓轩佳琪雨萱"
    "思远晨阳俊豪博文嘉怡诗雨明辉永福德胜春秀凤英金花淑珍桂兰玉兰秀珍丽娟建军志强晓东丹凌峰月娥彩霞"
)
# Characters that Tesseract's chi_sim cannot output and that appear in real names (REFERENCE.md).
GIVEN_RARE = "燚珺玥昇堃旻彧赟翀犇喆淼鑫垚骉晔昕祎婧琰玮璇瑾琛珂翊煜昊晟弢麒骞"
ETHNICITIES = (
    ("汉", 70), ("土家", 5), ("苗", 4), ("回", 3), ("壮", 3), ("满", 2), ("维吾尔", 2), ("蒙古", 2),
    ("藏", 2), ("彝", 2), ("布依", 1), ("侗", 1), ("瑶", 1), ("朝鲜", 1), ("哈萨克", 1),
)
TOWNS = ("巷口镇", "白马镇", "仙女山街道", "江口镇", "凤山街道", "城关镇", "新华街道", "羊角镇", "桐梓镇",
         "和平街道", "长坝镇", "鸭江镇", "火炉镇", "土坎镇", "平桥镇", "黄莺乡", "石桥乡", "后坪乡")
ROADS = ("芙蓉路", "建设路", "人民路", "解放西路", "滨江大道", "中山路", "朝阳街", "新华路", "团结路",
         "学府路", "文化街", "光明路", "幸福巷", "青年路", "复兴大道", "北京东路")
VILLAGES = ("双河村", "红岩村", "大坪村", "石坝村", "龙泉村", "新田村", "凉水村", "高峰村", "关滩村",
            "庙坝村", "杨家湾村", "火石垭村", "黄草坪村")


@dataclasses.dataclass(frozen=True)
class Person:
    name: str
    sex: str                 # "male" | "female"
    ethnicity: str
    birth_date: dt.date
    address: str
    id_number: str
    region: tuple[str, str, str, str, str]


@dataclasses.dataclass(frozen=True)
class IdCardBack:
    issuing_authority: str
    valid_from: dt.date
    valid_until: dt.date | None      # None: 长期


@dataclasses.dataclass(frozen=True)
class Certificate:
    person: Person
    category: int
    grade: int
    issue_date: dt.date
    valid_until: dt.date
    number: str


# How names are drawn. "stress" (the benchmark's default): the hundred commonest surnames, 5 % 复姓, and 30 % of
# given-name characters from GIVEN_RARE, about thirty times as often as real names hold such characters.
# "weighted": surnames and given-name characters drawn by how often real names hold them (the tables the reader
# itself weighs names by), to say what applicants will meet. The photo is the same under either: the weighted
# name comes from its own generator, so the sample's other draws do not move.
NAME_MIXES = ("stress", "weighted")
# Where towns are drawn from. "fixed" (the benchmark's default): the 18 towns of 武隆 above in every county, 黄莺乡
# and 巷口镇 (a former name) among them. "county": the county's own towns (ocr/data/towns.txt, today's names), and
# one in five from the fixed list, standing for the renamed and unlisted towns that old cards keep. Drawn from
# a generator of their own, so the photos and every other field stay as they are under "fixed".
TOWN_MIXES = ("fixed", "county")


def make_person(rng: random.Random, *, today: dt.date = dt.date(2025, 6, 1), names: str = "stress",
                towns: str = "fixed") -> Person:
    region = rng.choice(REGIONS)
    born = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange((dt.date(2020, 12, 31) - dt.date(1930, 1, 1)).days))
    born = min(born, today)
    sequence = rng.randrange(0, 1000)
    first17 = f"{region[0]}{born:%Y%m%d}{sequence:03d}"
    id_number = first17 + id_check_character(first17)
    name = _name(rng)
    if names == "weighted":
        name = _weighted_name(random.Random(f"{name} {first17}"))
    elif names != "stress":
        raise ValueError(f"unknown name mix {names!r}")
    if towns not in TOWN_MIXES:
        raise ValueError(f"unknown town mix {towns!r}")
    return Person(
        name=name,
        sex="male" if sequence % 2 == 1 else "female",
        ethnicity=rng.choices([e for e, _ in ETHNICITIES], [w for _, w in ETHNICITIES])[0],
        birth_date=born,
        address=_address(rng, region, random.Random(f"{first17} town") if towns == "county" else None),
        id_number=id_number,
        region=region,
    )


def make_id_card_back(rng: random.Random, person: Person, *, today: dt.date = dt.date(2025, 6, 1)) -> IdCardBack:
    """Validity by age at issue: under 16 five years, 16-25 ten, 26-45 twenty, 46 and over 长期 (REFERENCE.md)."""
    earliest = max(person.birth_date + dt.timedelta(days=30), dt.date(2005, 1, 1))
    span = (today - earliest).days
    issued = earliest + dt.timedelta(days=rng.randrange(max(span, 1)))
    age = issued.year - person.birth_date.year - ((issued.month, issued.day) < (person.birth_date.month, person.birth_date.day))
    years = 5 if age < 16 else 10 if age <= 25 else 20 if age <= 45 else None
    return IdCardBack(
        issuing_authority=person.region[4],
        valid_from=issued,
        valid_until=None if years is None else add_years(issued, years),
    )


def make_certificate(rng: random.Random, person: Person, *, today: dt.date = dt.date(2025, 6, 1)) -> Certificate:
    category = rng.randrange(1, 8)
    grade = rng.randrange(1, 5)
    earliest = max(person.birth_date + dt.timedelta(days=180), dt.date(2008, 1, 1))
    issued = earliest + dt.timedelta(days=rng.randrange(max((today - earliest).days, 1)))
    return Certificate(
        person=person,
        category=category,
        grade=grade,
        issue_date=issued,
        valid_until=add_years(issued, 10),     # 残疾人证 validity is 10 years (REFERENCE.md)
        number=f"{person.id_number}{category}{grade}",
    )


def category_name(category: int) -> str:
    return CATEGORY_NAMES[category]


def _name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.05 else rng.choice(SURNAMES)
    length = 1 if rng.random() < 0.3 else 2
    given = "".join(rng.choice(GIVEN_RARE) if rng.random() < 0.3 else rng.choice(GIVEN_COMMON) for _ in range(length))
    return surname + given


def _weighted_name(rng: random.Random) -> str:
    """A name drawn by how often real names hold its surname and characters. The counts come from names
    written anywhere, traditional characters included (about one name in 1,200 drew one: 綋 in 张文綋, benchmark
    photo 22500033); a mainland document prints the simplified form, so such a name is drawn again. Only those
    names change: every other draw is the one it always was."""
    surnames, characters = surname_frequency(), name_frequency()
    while True:
        length = 1 if rng.random() < 0.3 else 2
        surname = rng.choices(list(surnames), list(surnames.values()))[0]
        name = surname + "".join(rng.choices(list(characters), list(characters.values()), k=length))
        if not any(is_traditional(ch) for ch in name):
            return name


def _address(rng: random.Random, region: tuple[str, str, str, str, str], own_towns: random.Random | None) -> str:
    """`own_towns`: when given, draws the county's own town in place of the fixed list's four times in five."""
    head = region[1] + region[2] + region[3]
    town = rng.choice(TOWNS)
    listed = towns_of([region[0]]) if own_towns is not None else ()
    if listed and own_towns.random() < 0.8:
        town = own_towns.choice(listed)
    if rng.random() < 0.5:
        tail = f"{rng.choice(ROADS)}{rng.randrange(1, 400)}号"
        if rng.random() < 0.4:
            tail += f"{rng.randrange(1, 30)}栋{rng.randrange(1, 6)}单元{rng.randrange(1, 33)}{rng.randrange(1, 9):02d}室"
        elif rng.random() < 0.3:
            tail += f"附{rng.randrange(1, 9)}号"
    else:
        tail = f"{rng.choice(VILLAGES)}{rng.randrange(1, 12)}组{rng.randrange(1, 200)}号"
    return head + town + tail
