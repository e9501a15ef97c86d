"""The disability category (残疾类别) 1-7 of the certificate (《残疾人证管理办法》: 1 视力, 2 听力, 3 言语,
4 肢体, 5 智力, 6 精神, 7 多重), by its name, by the words people use for it ("看不见", "腿脚不好",
"耳朵"), or by its number ("4", "四类", "第四类"); and in English, for a person reading the prompts in English, by
the words of its name or the common words for it ("visual disability", "blind", "deaf", "category 4", "fourth").

Codes returned:
- `empty`: nothing was said.
- `category_out_of_range` {"category": n}: a number that is not 1-7.
- `looks_like_grade` {"grade": n}: "二级" answers the grade question, not this one.
- `category_unclear`: nothing in the answer names a category.
Ambiguous code: `several_categories` (words for two or more categories: "眼睛和耳朵"); the options are
those categories and 7 (多重), which is what a certificate says for more than one.
"""
from __future__ import annotations

import re

from accessibility.answers.results import Ambiguous, NotUnderstood, Understood
from accessibility.answers.text import compact, small_number, words_of

MULTIPLE = 7

# Longest words first where one holds another ("听不清" before "清"). 脑瘫 is 肢体 and 孤独症 is 精神 in
# GB/T 26341-2010's definitions of those categories.
_WORDS: tuple[tuple[str, int], ...] = tuple(
    sorted(
        [
            *((w, 1) for w in ("视力", "视觉", "低视力", "盲人", "盲", "失明", "看不见", "看不清", "看不到", "眼睛", "眼", "瞎")),
            *((w, 2) for w in ("听力", "听觉", "听不见别人说话", "听不清别人说话", "听不到别人说话", "听不见说话", "聋", "耳聋", "听不见", "听不清", "听不到", "耳朵", "耳背", "重听")),
            *((w, 3) for w in ("言语", "语言", "说话", "说不出", "讲不出", "不会说话", "说不了话", "哑", "口吃", "结巴")),
            *((w, 4) for w in ("肢体", "腿", "脚", "手", "胳膊", "手臂", "瘫痪", "瘫", "偏瘫", "截肢", "脑瘫", "走路", "走不了",
                               "站不起来", "骨头", "脊椎", "脊髓", "驼背", "侏儒")),
            *((w, 5) for w in ("智力", "智障", "弱智", "智商", "脑子不好", "反应慢", "唐氏")),
            *((w, 6) for w in ("精神", "精神病", "精神分裂", "抑郁", "躁郁", "孤独症", "自闭症", "自闭")),
            *((w, MULTIPLE) for w in ("多重", "多种", "好几种", "几种", "好几样", "都有")),
        ],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)
# English, whole words only ("ear" is not in "year"): the names the English prompt reads ("visual disability") and
# common words for each category.
_ENGLISH_WORDS: dict[str, int] = {
    **dict.fromkeys(("visual", "vision", "sight", "blind", "blindness", "eye", "eyes", "see", "sighted"), 1),
    **dict.fromkeys(("hearing", "deaf", "deafness", "ear", "ears", "hear", "hard of hearing"), 2),
    **dict.fromkeys(("speech", "speaking", "speak", "talk", "talking", "mute", "dumb", "language", "stutter",
                     "stammer"), 3),
    **dict.fromkeys(("physical", "physically", "limb", "limbs", "leg", "legs", "arm", "arms", "hand", "hands", "foot",
                     "feet", "walk", "walking", "wheelchair", "paralysed", "paralyzed", "paralysis", "amputee",
                     "amputated", "spine", "spinal", "cerebral palsy", "mobility", "motor"), 4),
    **dict.fromkeys(("intellectual", "intellectually", "intelligence", "learning", "cognitive", "down syndrome",
                     "mentally retarded", "retarded"), 5),
    **dict.fromkeys(("mental", "mentally", "psychiatric", "psychosocial", "autism", "autistic", "depression",
                     "schizophrenia", "bipolar", "mental illness", "mentally ill"), 6),
    **dict.fromkeys(("multiple", "several", "more than one", "many", "combined"), MULTIPLE),
}
# Longest first, so "mentally retarded" is 5 before "mentally" makes it 6.
_ENGLISH_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(_ENGLISH_WORDS, key=len, reverse=True)) + r")\b")
_ENGLISH_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9}
_ENGLISH_NUMBERED = re.compile(
    r"(?:(?:it is|its|the|my|number|no|category|type|class|kind|disability|grade|level)\s*)*"
    r"(\d{1,2}|" + "|".join(_ENGLISH_NUMBERS) + r")(?:st|nd|rd|th)?"
    r"(?:\s*(?:one|category|type|class|kind|disability|grade|level))*")
_ENGLISH_GRADE = re.compile(r"\b(?:grade|level)\b")
_NUMBERED = re.compile(r"(?:第)?([0-9一二两三四五六七八九十]{1,2})(类|种|级|等)?")
_NOISE = re.compile(r"残疾人证|残疾证|残疾类别|类别|残疾|我的|我是|他是|她是|是的|是|属于|的|吧|啊|呀|了|呢|哦|上面写|写着|写")


def parse_category(text: str) -> Understood[int] | Ambiguous[int] | NotUnderstood:
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    if re.search(r"[a-z]", answer):
        english = _english_category(text)
        if english is not None:
            return english
    named = _one_of(_named_categories(answer))
    if named is not None:
        return named
    bare = _NOISE.sub("", answer)
    numbered = _NUMBERED.fullmatch(bare)
    if not numbered:
        return NotUnderstood("category_unclear")
    number = small_number(numbered.group(1))
    if number is None:
        return NotUnderstood("category_unclear")
    if numbered.group(2) in ("级", "等"):
        return NotUnderstood("looks_like_grade", {"grade": number})
    if not 1 <= number <= 7:
        return NotUnderstood("category_out_of_range", {"category": number})
    return Understood(number)


def _one_of(named: set[int]) -> Understood[int] | Ambiguous[int] | None:
    """The category the words named; several named: 多重 when it is among them, else which one is asked."""
    if len(named) == 1:
        return Understood(named.pop())
    if len(named) > 1:
        if MULTIPLE in named:
            return Understood(MULTIPLE)
        return Ambiguous(tuple(sorted(named)) + (MULTIPLE,), code="several_categories")
    return None


def _named_categories(answer: str) -> set[int]:
    found: set[int] = set()
    remaining = answer
    for word, category in _WORDS:
        if word in remaining:
            found.add(category)
            # Take the word out so a shorter word inside it ("瘫" in "脑瘫") is not counted again.
            remaining = remaining.replace(word, "|")
    return found


def _english_category(text: str) -> Understood[int] | Ambiguous[int] | NotUnderstood | None:
    """The category in an English answer, None when it names none (the Chinese words may yet)."""
    words = words_of(text)
    named = _one_of({_ENGLISH_WORDS[found] for found in _ENGLISH_PATTERN.findall(words)})
    if named is not None:
        return named
    numbered = _ENGLISH_NUMBERED.fullmatch(words)
    if not numbered:
        return None
    said = numbered.group(1)
    number = int(said) if said.isdigit() else _ENGLISH_NUMBERS[said]
    if _ENGLISH_GRADE.search(words):
        return NotUnderstood("looks_like_grade", {"grade": number})
    if not 1 <= number <= 7:
        return NotUnderstood("category_out_of_range", {"category": number})
    return Understood(number)
