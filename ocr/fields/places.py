"""Place names are not free text: an address begins with a province, a prefecture and a county, and an issuing
authority is a county's or a prefecture's police bureau (拉萨市公安局城关分局), all named in GB/T 2260. A look
that misreads one character of such a name (乌鲁木务市, 域关) is set right when exactly one name fits it, and a
place name so confirmed is as sure as its surest characters: the list is the check digit of these fields.

Only a character the recogniser itself doubted (under 0.9, or a name's character among its runners-up) is ever
replaced, or any one character of a name of five or more; only one per name, and only when no other name of that
place's siblings fits as well, or when the recogniser's runner-up picks out one of those that do (黎 behind 警 in
警平县: 黎平县, not 富平县 or 西平县); a name that is not in the list (a new district) is left as read.

A town right after its county is looked up among that county's towns (ocr/data/towns.txt, today's names from
JioNLP): one character of it is set right only when the recogniser saw the listed one among its runners-up and
only one town fits so (its ending, 镇, 乡 or 街道, only where what was read could not follow a town's name: 路 and
村 can), and never vouched for, since old cards keep former names (`settle_town`). Villages and streets have no
list here and stay free text.

A long name (five characters or more) misread in two characters (野东南苗族属族自治州) is set right only when the
text right after it spells one of that place's own counties exactly (黎平县): the county vouches for its parent.
The two characters so written in stay under 0.9, so the applicant is asked to check them."""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from pathlib import Path

from ocr.fields.layout import Value

PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.csv"
TOWNS_FILE = Path(__file__).resolve().parent.parent / "data" / "towns.txt"
SURE = 0.9
NOT_SURE = 0.85            # what a character written in on weaker evidence is worth: under SURE
# In a name this long one wrong character is a misreading even when the recogniser was sure of it
# (黔东南苗族铜族自治州): the other characters already pick the name out.
LONG_NAME = 5
BUREAU = "公安局"
BRANCH = "分局"
# Endings a branch bureau drops from its county's name (城关区 -> 城关分局, 东城区 -> 东城分局).
_DROPPED_ENDINGS = ("区", "县", "市", "旗")
_NEW_AREA = "新区"


class Places:
    def __init__(self, rows: list[tuple[str, str, str]]):
        self.children: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.everywhere: list[tuple[str, str]] = []
        self.names: dict[str, str] = {}
        # Where in `everywhere` the names of each length with a given first (0) or second (1) character are.
        self._by_start: dict[tuple[int, int, str], list[int]] = defaultdict(list)
        for code, name, parent in rows:
            self.children[parent].append((code, name))
            for position, character in enumerate(name[:2]):
                self._by_start[len(name), position, character].append(len(self.everywhere))
            self.everywhere.append((code, name))
            self.names[code] = name

    def spelled_near(self, text: str) -> list[tuple[str, str]]:
        """The names anywhere that `text` may spell with at most one character misread, in the list's order: of
        its length, and sharing its first or its second character (of those two, one misread leaves one right).
        A few dozen instead of the 6,765 a match would otherwise compare (38 ms for an ID card's back)."""
        if len(text) < 2:
            return [(code, name) for code, name in self.everywhere if name == text]
        found = {*self._by_start.get((len(text), 0, text[0]), ()), *self._by_start.get((len(text), 1, text[1]), ())}
        return [self.everywhere[i] for i in sorted(found)]


@functools.lru_cache(maxsize=1)
def places() -> Places:
    with PLACES_FILE.open(encoding="utf-8") as f:
        return Places([(r["code"], r["name"], r["parent"]) for r in csv.DictReader(f)])


def begins_with_province(text: str) -> bool:
    """Whether `text` begins as an address does: with a province-level name, or its first two characters
    (湖南, 内蒙, 重庆), which addresses and their misreadings keep more often than the whole name."""
    return any(text.startswith(name[:2]) for _, name in places().children[""])


def settle_address(value: Value) -> Value:
    """An address with its province, prefecture and county checked against the list, as far as they match."""
    return _settled_places(value)[0]


def settle_town(value: Value) -> Value:
    """An address whose town, right after its county, is one character from exactly one of that county's towns
    whose character the recogniser saw among its runners-up (刘纤镇 with 圩 behind 纤: 刘圩镇), with that town
    written in. Unlike a county's, a town's character is never replaced on the list's word alone: the list holds
    today's names, and a card keeps its address for up to twenty years while towns are merged and renamed (武隆's
    巷口镇 became 芙蓉街道 in 2020, and is one character from its 江口镇); 鸭江镇, no town of 浦东新区, read with 鸭
    at 0.69 and no 张 behind it, was "set right" to 张江镇 (set 15300000, photo 15300155) before this was asked.
    The ending (镇, 乡, 街道) is replaced only where the recogniser doubted what it read there, saw the ending
    at ENDING_SEEN or more, and what it read could not follow a town's name in an address (石桥苗族土家族多 with
    乡 behind 多, set 25700000 with real names and county towns, photo 25700173): 金桥路 is a road and 黄莺村 a
    village, not a misread 金桥镇 or 黄莺乡 (`_may_be_misread`). A digit is never replaced,
    and a text that already begins with a listed town is left as read. Never confirmed: the character written
    in keeps the confidence the recogniser gave the one it read, and `read_address` offers the address at 0.85
    at most."""
    value, position, parents = _settled_places(value)
    towns = towns_of(parents) if position else ()
    if not towns or any(value.text.startswith(town, position) for town in towns):
        return value
    seen = []
    for town in towns:
        stem = len(town) - len(_town_ending(town))
        read = value.text[position:position + len(town)]
        if stem < 2 or len(read) < len(town):
            continue
        misread = [i for i, (listed, ch) in enumerate(zip(town, read)) if listed != ch]
        if len(misread) == 1 and _may_be_misread(value, position, town, misread[0], in_ending=misread[0] >= stem):
            seen.append(town)
    if len(seen) != 1:
        return value
    return _written_in(value, position, seen[0], value.confidences)


# How surely the recogniser must have seen a town's ending behind the character it read in its place, once the
# looks are fused (乡 behind 多 at 0.12 in photo 25700173, 镇 behind 值 at 0.19 in 25700189): its top runners-up
# are always given, however faint.
ENDING_SEEN = 0.05
TOWN_ENDINGS = ("镇", "乡", "街道")
# What an address may hold right after a name like a town's, where the town's ending would stand: a road, a
# street, a lane, a village or its group, a community, an estate, a square, a house number's word, a direction or
# a numeral in a road's or a village's name (高桥村, 金桥路, 东城大道, 凤山社区, 三墩新村, 三墩东路, 张桥中村), or
# another ending: an old card's 乡 is not a misread of the 镇 the town has become.
_AFTER_A_PLACE_NAME = frozenset("路街道巷弄里村组社区居委会大号栋楼苑园庄屯寨东西南北中新小花广口头门湾坝队场城镇乡"
                                "一二三四五六七八九十")


def _may_be_misread(value: Value, position: int, town: str, i: int, in_ending: bool) -> bool:
    """Whether the character read at `town`'s `i`-th place (the town starting at `position`) may be the listed one
    misread: never a digit; in the town's own name, when the recogniser saw the listed one among its runners-up;
    in its ending, only a town's own ending (林场 or 工业区 in the list are no towns' endings), where a character
    no address holds there was read and doubted (多 at 0.78 for 乡), and the listed one was seen at ENDING_SEEN or
    more: an ending is what makes the text a town."""
    read = value.text[position + i]
    if read.isdigit():
        return False
    if not in_ending:
        return _runner_up(value, position + i, town[i])
    return (_town_ending(town) in TOWN_ENDINGS and read not in _AFTER_A_PLACE_NAME
            and value.confidences[position + i] < SURE
            and _runner_up(value, position + i, town[i], at_least=ENDING_SEEN))


def _town_ending(town: str) -> str:
    return "街道" if town.endswith("街道") else town[-1:]


def _settled_places(value: Value) -> tuple[Value, int, list[str]]:
    """The address with its province, prefecture and county settled, where the last one matched ends, and the
    codes of the places it names (0 and [""] when not even the province matched)."""
    known = places()
    position, parents = 0, [""]
    for _ in range(3):
        candidates = [c for parent in parents for c in known.children.get(parent, ())]
        found = _match(value, position, candidates) or _match_by_child(value, position, candidates, known)
        if found is None:
            break
        value, position, parents = found
    return value, position, parents


def _is_county(code: str) -> bool:
    return len(code) == 6 and not code.endswith("00")


# The provincial-level cities, whose districts and counties stand right under them: a county renamed there may
# change its second pair of digits too (武隆县 500232 became 武隆区 500156).
_MUNICIPALITIES = ("11", "12", "31", "50")


@functools.lru_cache(maxsize=1)
def _towns() -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, str], tuple[str, ...]]]:
    """The towns of each county (and of the four cities without counties, 东莞 and 中山 among them) by its code,
    and by its prefecture and its name without the ending, for the names only one county of its prefecture has."""
    by_code: dict[str, tuple[str, ...]] = {}
    by_name: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    with TOWNS_FILE.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, name, *towns = line.split()
            by_code[code] = tuple(towns)
            by_name.setdefault(_by_name_key(code, name), []).append(tuple(towns))
    return by_code, {key: found[0] for key, found in by_name.items() if len(found) == 1}


def towns_of(codes: list[str]) -> tuple[str, ...]:
    """The towns of the places `codes` name, by their codes; failing that, a county's by its prefecture (or its
    provincial-level city) and its name without the ending, where that name is the prefecture's only one: a card
    naming the abolished 武隆县 (500232) finds 武隆区's (500156), but 石家庄's abolished 桥东区 (130103) does not
    find 张家口's (130702)."""
    by_code, by_name = _towns()
    listed = [town for code in codes for town in by_code.get(code, ())]
    if not listed:
        names = places().names
        listed = [town for code in codes if _is_county(code)
                  for town in by_name.get(_by_name_key(code, names.get(code, "")), ())]
    return tuple(dict.fromkeys(listed))          # in the list's order, each once


def _by_name_key(code: str, name: str) -> tuple[str, str]:
    return (code[:2] if code[:2] in _MUNICIPALITIES else code[:4]), _without_ending(name)


def _without_ending(name: str) -> str:
    return name[:-1] if len(name) >= 3 and name.endswith(_DROPPED_ENDINGS) else name


def settle_authority(value: Value) -> Value:
    """`<place>公安局` or `<place>公安局<county>分局`, each place checked against the list."""
    bureau = value.text.find(BUREAU)
    if bureau <= 0:
        return value
    # Anywhere in the country, so only names long enough to be told apart by the rest of their characters
    # may have one replaced.
    found = _match(value, 0, places().spelled_near(value.text[:bureau]), end=bureau, shortest_guess=3)
    if found is None:
        return value
    value, _, parents = found
    branch_start = bureau + len(BUREAU)
    if not value.text.endswith(BRANCH) or len(value.text) - len(BRANCH) <= branch_start:
        return value
    counties = [(code, spelling) for parent in parents for code, name in places().children.get(parent, ())
                for spelling in _branch_spellings(name)]
    found = _match(value, branch_start, counties, end=len(value.text) - len(BRANCH))
    return found[0] if found is not None else value


def _branch_spellings(name: str) -> tuple[str, ...]:
    if len(name) >= 4 and name.endswith(_NEW_AREA):
        # 浦东新区 -> 上海市公安局浦东分局, 滨海新区 -> 天津市公安局滨海分局: the whole 新区 goes.
        return name, name[:-1], name[:-len(_NEW_AREA)]
    if len(name) >= 3 and name.endswith(_DROPPED_ENDINGS):
        return name, name[:-1]
    return (name,)


def _match(value: Value, start: int, candidates: list[tuple[str, str]], *,
           end: int | None = None, shortest_guess: int = 2) -> tuple[Value, int, list[str]] | None:
    """The one name among `candidates` that the text at `start` spells, exactly or with one doubtful character
    misread; the value with that name written in, where the name ends, and the codes of the places so named."""
    exact: dict[str, list[str]] = defaultdict(list)
    near: dict[str, list[str]] = defaultdict(list)
    seen: dict[str, list[str]] = defaultdict(list)       # near names whose character was the runner-up
    for code, name in candidates:
        stop = start + len(name)
        if stop > len(value.text) or (end is not None and stop != end):
            continue
        misread = [i for i, ch in enumerate(name) if value.text[start + i] != ch]
        if not misread:
            exact[name].append(code)
        elif (len(misread) == 1 and len(name) >= shortest_guess
              and (len(name) >= LONG_NAME or _doubtful(value, start + misread[0], name[misread[0]]))):
            near[name].append(code)
            if _runner_up(value, start + misread[0], name[misread[0]]):
                seen[name].append(code)
    if exact:
        # The longest exact name: 重庆市 must not stop at a shorter name that happens to begin the same way.
        name = max(exact, key=len)
        return _confirmed(value, start, name), start + len(name), exact[name]
    if len(near) > 1 and len(seen) == 1:
        # Several names are one character away (黎平县, 富平县, 西平县 ... for 警平县), but the recogniser itself
        # saw only one of them: 黎 was its runner-up for 警 (benchmark photo 4900169, an ID card's back).
        near = seen
    if len(near) != 1:
        return None
    name, codes = next(iter(near.items()))
    return _confirmed(value, start, name), start + len(name), codes


def _match_by_child(value: Value, start: int, candidates: list[tuple[str, str]],
                    known: Places) -> tuple[Value, int, list[str]] | None:
    """The one long name that the text at `start` spells with two characters misread, and right after which the
    text spells one of its children exactly (benchmark photo 5700150: 贵州省野东南苗族属族自治州黎平县)."""
    fits: dict[str, list[str]] = defaultdict(list)
    for code, name in candidates:
        stop = start + len(name)
        if len(name) < LONG_NAME or stop > len(value.text):
            continue
        misread = sum(value.text[start + i] != ch for i, ch in enumerate(name))
        if misread == 2 and any(len(child) >= 2 and value.text.startswith(child, stop)
                                for _, child in known.children.get(code, ())):
            fits[name].append(code)
    if len(fits) != 1:
        return None
    name, codes = next(iter(fits.items()))
    stop = start + len(name)
    written = _confirmed(value, start, name)
    confidences = tuple(min(c, NOT_SURE) if value.text[start + i] != name[i] else c
                        for i, c in enumerate(written.confidences[start:stop]))
    written = Value(written.text, written.confidences[:start] + confidences + written.confidences[stop:],
                    written.alternatives, written.box)
    return written, stop, codes


def _doubtful(value: Value, index: int, wanted: str) -> bool:
    return value.confidences[index] < SURE or _runner_up(value, index, wanted)


def _runner_up(value: Value, index: int, wanted: str, at_least: float = 0.0) -> bool:
    alternatives = value.alternatives[index] if value.alternatives else ()
    return any(ch == wanted and probability >= at_least for ch, probability in alternatives)


def _confirmed(value: Value, start: int, name: str) -> Value:
    """The name written in; its characters as sure as the surest of them but one, since the list now vouches for
    the one character the recogniser doubted (two doubtful characters are never both vouched for)."""
    stop = start + len(name)
    own = sorted(value.confidences[start:stop], reverse=True)
    vouched = own[-2] if len(own) >= 2 else own[0]
    confidences = (value.confidences[:start]
                   + tuple(max(c, vouched) for c in value.confidences[start:stop])
                   + value.confidences[stop:])
    return _written_in(value, start, name, confidences)


def _written_in(value: Value, start: int, name: str, confidences: tuple[float, ...]) -> Value:
    """`value` with `name` written over as many characters from `start`, with these confidences; the runners-up
    of the characters written over no longer apply."""
    stop = start + len(name)
    alternatives = value.alternatives
    if alternatives:
        alternatives = alternatives[:start] + tuple(() for _ in name) + alternatives[stop:]
    return Value(value.text[:start] + name + value.text[stop:], confidences, alternatives, value.box)
