"""WeChat's rules for the values of a subscribe message's keywords.

A template's keywords are named by type and number (`thing1`, `time2`, `phrase3`); WeChat refuses a
message whose value breaks its type's rule with errcode 47003 "argument invalid! data.thing1.value
invalid". The rules are those of WeChat's table "订阅消息参数值内容限制说明" (subscribeMessage.send):

    thing             up to 20 characters of any kind
    number            up to 32 digits, may have a decimal part
    letter            up to 32 letters
    symbol            up to 5 symbols
    character_string  up to 32 digits, letters or symbols
    time              24-hour time, may carry a date; a range joins two with "~"
    date              a date, may carry a 24-hour time; a range joins two with "~"
    amount            one currency symbol + up to 10 digits, may have a decimal part, may end with 元
    phone_number      up to 17 digits or symbols
    car_number        up to 8; first and last may be Chinese characters, the rest letters or digits
    name              up to 10 Chinese characters, or up to 20 letters or symbols
    phrase            up to 5 Chinese characters only
    enum              a value from the template's list (not checked here: the fake does not know the list)

A type the table does not name is accepted: WeChat adds types, and the fake should not refuse what
WeChat may accept. A bare date passes as a `time` (WeChat accepted `"time12": "2024-07-12"` in a
community report where it refused the `phrase` next to it).
"""

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ebef"
_DATE = r"\d{4}(?:年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))"
_CLOCK = r"(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2}))?"
_DATE_RE = re.compile(rf"^{_DATE}(?:\s*{_CLOCK})?$")
_CLOCK_RE = re.compile(rf"^{_CLOCK}$")

_SIMPLE_RULES: dict[str, re.Pattern[str]] = {
    "letter": re.compile(r"^[A-Za-z]{1,32}$"),
    "symbol": re.compile(r"^[^\w\s]{1,5}$"),
    "character_string": re.compile(r"^[\x21-\x7e]{1,32}$"),
    "phone_number": re.compile(r"^(?:\d|[^\w\s]){1,17}$"),
    "car_number": re.compile(rf"^[{_HAN}A-Za-z0-9][A-Za-z0-9]{{0,6}}[{_HAN}A-Za-z0-9]?$"),
    "phrase": re.compile(rf"^[{_HAN}]{{1,5}}$"),
}
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_AMOUNT = re.compile(r"^[¥￥$€£]?(?P<digits>\d+(?:\.\d+)?)元?$")
_CHINESE_NAME = re.compile(rf"^[{_HAN}A-Za-z·]{{1,10}}$")
_LATIN_NAME = re.compile(r"^[A-Za-z\s.\-'·]{1,20}$")
_KEYWORD = re.compile(r"^(?P<kind>[a-z_]+?)\d*$")


def keyword_kind(keyword: str) -> str:
    """`thing12` -> `thing`; `character_string3` -> `character_string`."""
    match = _KEYWORD.match(keyword)
    return match.group("kind") if match else keyword


def value_is_valid(keyword: str, value: str) -> bool:
    kind = keyword_kind(keyword)
    if value == "":
        return False
    if kind == "thing":
        return len(value) <= 20
    if kind == "number":
        return bool(_NUMBER.match(value)) and sum(c.isdigit() for c in value) <= 32
    if kind == "amount":
        match = _AMOUNT.match(value)
        return match is not None and sum(c.isdigit() for c in match.group("digits")) <= 10
    if kind == "name":
        if re.search(f"[{_HAN}]", value):
            return bool(_CHINESE_NAME.match(value))
        return bool(_LATIN_NAME.match(value))
    if kind in ("time", "date"):
        return all(_moment_is_valid(part.strip(), kind) for part in value.split("~"))
    rule = _SIMPLE_RULES.get(kind)
    return rule.match(value) is not None if rule else True


def first_invalid_keyword(data: object, keywords: tuple[str, ...] | None) -> str | None:
    """The first keyword of `data` (`{"thing1": {"value": ...}}`) that WeChat would refuse, or None.

    With `keywords` (the template's), each must be present; without, only the given ones are checked.
    """
    if not isinstance(data, dict):
        return keywords[0] if keywords else "data"
    for keyword in keywords if keywords is not None else tuple(data):
        entry = data.get(keyword)
        value = entry.get("value") if isinstance(entry, dict) else None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            return keyword
        if not value_is_valid(keyword, str(value)):
            return keyword
    return None


def _moment_is_valid(text: str, kind: str) -> bool:
    dated = _DATE_RE.match(text)
    if dated:
        month = int(dated.group("m1") or dated.group("m2"))
        day = int(dated.group("d1") or dated.group("d2"))
        return 1 <= month <= 12 and 1 <= day <= 31 and _clock_is_valid(dated)
    clock = _CLOCK_RE.match(text)
    return kind == "time" and clock is not None and _clock_is_valid(clock)


def _clock_is_valid(match: re.Match[str]) -> bool:
    if match.group("h") is None:
        return True
    seconds = match.group("s")
    return int(match.group("h")) <= 23 and int(match.group("min")) <= 59 and (seconds is None or int(seconds) <= 59)
