"""A region's name as a person reading in their language is told it. In Chinese, the name as GB/T 2260 gives it
(重庆市武隆区). In English, romanised the way addresses are written in English, smallest place first, with the
kind of the smallest one said (Wulong District, Chongqing): English text quoting 重庆市武隆区 was read aloud by
the English voice as "Chinese letter" six times."""

from __future__ import annotations

import re

from backend.identity.regions import Region, region

# Endings that say what kind of place a name is, longest first (自治区 before 区).
_KINDS = (("特别行政区", "SAR"), ("自治区", "Autonomous Region"), ("自治州", "Autonomous Prefecture"),
          ("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("新区", "New Area"), ("地区", "Prefecture"),
          ("林区", "Forest District"), ("省", "Province"), ("市", "City"), ("区", "District"), ("县", "County"),
          ("旗", "Banner"), ("盟", "League"))


# The peoples an autonomous area is named for, which its English name leaves out (广西壮族自治区 Guangxi,
# 黔东南苗族侗族自治州 Qiandongnan). A one-character people's name counts only with its 族 (水族, not the 水 of a
# place's own name); a name is never cut to under two characters (内蒙古 stays whole).
_PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
            "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
            "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
_PEOPLE_AT_END = re.compile("(?:" + "|".join(
    sorted((f"{people}族?" if len(people) > 1 else f"{people}族" for people in _PEOPLES), key=len, reverse=True))
    + ")$")


def place_name(code: str | None, locale: str) -> str | None:
    """The region `code` names, for a sentence in `locale`; None for a code that names no region."""
    found = region(code) if code else None
    if found is None:
        return None
    if locale.startswith("zh"):
        return found.full_name
    parts = [_with_kind(found.name)]
    for above in (found.code[:4] + "00", found.code[:2] + "0000"):
        higher = region(above) if above != found.code else None
        if higher is not None and not higher.is_grouping and _stem(higher) not in parts:
            parts.append(_stem(higher))
    return ", ".join(parts)


# The offices the regional policy files list as contacts (武隆区民政局, 武隆区残疾人联合会), by what their names
# end in, longest first, and the message naming that kind (backend/messages/policy_texts.py); what comes before the
# ending is the place they serve.
_OFFICES = (("残疾人联合会", "office.disabled_persons_federation"), ("残联", "office.disabled_persons_federation"),
            ("街道办事处", "office.subdistrict_office"), ("人民政府", "office.peoples_government"),
            ("民政局", "office.civil_affairs_bureau"), ("民政厅", "office.civil_affairs_department"))


def office_name(office: str, region_code: str | None, locale: str) -> str:
    """An office the policy data names (in Chinese), for a sentence in `locale`: in English "Civil Affairs Bureau of
    Wulong District, Chongqing" for 武隆区民政局 of region 500156, so that the English voice does not read it as
    "Chinese letter". Only an office of a kind known, named by the region it serves; any other stays as the data
    gives it (a guess such as "People's Government of Xiannvshanzhen" for 仙女山镇人民政府 would be worse)."""
    from backend.messages.catalog import say

    if locale.startswith("zh"):
        return office
    served = region(region_code) if region_code else None
    for ending, kind in _OFFICES:
        if served is not None and office.endswith(ending) and office[:-len(ending)] in (served.name, served.full_name):
            return say("office.of_place", locale, kind=say(kind, locale), place=place_name(region_code, locale)).text
    return office


def _with_kind(name: str) -> str:
    for ending, kind in _KINDS:
        if name.endswith(ending) and len(name) > len(ending):
            return f"{_romanised(_without_peoples(name[:-len(ending)]))} {kind}"
    return _romanised(name)


def _stem(place: Region) -> str:
    for ending, _ in _KINDS:
        if place.name.endswith(ending) and len(place.name) > len(ending):
            return _romanised(_without_peoples(place.name[:-len(ending)]))
    return _romanised(place.name)


def _without_peoples(stem: str) -> str:
    while (found := _PEOPLE_AT_END.search(stem)) and found.start() >= 2:
        stem = stem[:found.start()]
    return stem


# Readings of place names that pypinyin's everyday readings get wrong (朝阳 is Chaoyang, not "Zhaoyang"; 长治 is
# Changzhi): 长 is read chang in place names, save 长子 (Zhangzi); a few names with their own reading.
_PLACE_READINGS = {"朝阳": "chaoyang", "长子": "zhangzi", "蚌山": "bengshan", "阿图什": "atushi"}
_CHARACTER_READINGS = {"长": "chang"}


def _romanised(chinese: str) -> str:
    from pypinyin import lazy_pinyin  # pypinyin knows the readings of most place names (重庆 chóngqìng, not zhòng)

    syllables, rest = [], chinese
    while rest:
        phrase = next((p for p in _PLACE_READINGS if rest.startswith(p)), None)
        if phrase is not None:
            syllables.append(_PLACE_READINGS[phrase])
            rest = rest[len(phrase):]
            continue
        # Up to the next phrase with a reading of its own, read as one (pypinyin reads by words).
        end = min((i for i in range(1, len(rest)) if any(rest.startswith(p, i) for p in _PLACE_READINGS)),
                  default=len(rest))
        piece = rest[:end]
        read = lazy_pinyin(piece)
        if len(read) == len(piece):
            read = [_CHARACTER_READINGS.get(character, syllable) for character, syllable in zip(piece, read)]
        syllables.extend(read)
        rest = rest[end:]
    return "".join(syllables).capitalize()
