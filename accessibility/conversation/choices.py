"""The questions that are not one field, answered by choosing: who applies (for themselves, as a guardian
or family, or entrusted), for which subsidies, and which other benefits the person already receives, each
as the offered choices and the words people answer them with.

Its own module because these answers shape the form rather than fill it (`setup.py`, and the benefits
step in `fields.py`), and how people say them ("帮我妈申请", "高龄津贴和伤残抚恤金") is a parser of
its own. Like `questions.py`, it only understands: the backend decides what is acceptable."""
from __future__ import annotations

import re

from accessibility.answers import Ambiguous, NotUnderstood, Understood, parse_choice
from accessibility.answers.choices import Choice
from accessibility.answers.text import compact
from accessibility.conversation.questions import RELATION_NAMES
from backend.applications.vocabulary import OTHER_BENEFITS

SUBSIDY_CHOICES: tuple[Choice, ...] = (
    # English names too, for a person reading the prompts in English.
    Choice("living", ("生活补贴", "困难残疾人生活补贴", "生活", "困难补贴", "livingsubsidy", "living")),
    Choice("nursing", ("护理补贴", "重度残疾人护理补贴", "护理", "重度补贴", "nursingsubsidy", "nursing")),
    Choice("both", ("两项都申请", "两项", "两个", "两样", "都申请", "都要", "两个都要", "两项都要", "全部", "都", "both",
                    "bothofthem", "applyforboth", "bothsubsidies")),
)
APPLYING_AS_CHOICES: tuple[Choice, ...] = (
    Choice("self", ("为自己申请", "给自己申请", "我自己", "自己", "本人", "为自己", "给自己", "替自己", "myself",
                    "formyself")),
    Choice("guardian", ("监护人", "我是监护人", "家人", "家属", "替家人申请", "帮家人申请", "代家人申请", "family",
                        "formyfamily", "guardian", "asguardian")),
    Choice("entrusted", ("受委托", "受人委托", "委托", "别人委托我", "帮别人申请", "替别人申请", "代别人申请", "entrusted",
                         "onbehalfofsomeone", "authorised", "authorized", "authorisedperson", "authorizedperson")),
)
# Family words in an answer to "为自己申请，还是替别人申请？" ("帮我妈申请", "给孩子办"): a family member
# applies as the guardian-or-family choice; a friend or neighbour is entrusted (seed 004: who may apply).
_FAMILY = tuple(sorted({name for relation in ("parent", "spouse", "child", "sibling", "grandparent", "grandchild",
                                               "other_relative")
                        for name in RELATION_NAMES[relation]} | {"家里人", "家人", "老母亲", "老父亲"},
                       key=len, reverse=True))
_FRIENDS = ("朋友", "邻居", "同事", "老乡")
# "别人请我办的", "他托我帮忙": asked by the applicant to act for them.
_ASKED_BY_THEM = re.compile(r"(?:别人|人家|他|她|申请人)(?:请|托|让|叫|委托)(?:我|俺)")
# "替别人", "为他申请", "帮人家办", "别人": someone else, without saying who they are to them.
_SOMEONE_ELSE = re.compile(r"(?:替|帮|为|给|代)(?:别人|他人|人家|他|她)|^(?:别人|他人|人家|别的人|不是我|不是我自己|不是自己)"
                           r"(?:的|申请|办)?$|^(?:for)?(?:someoneelse|someone|anotherperson)$")
_SELF = re.compile(r"^(?:我|我自己|自己)?(?:为|给|替|帮)?(?:我|我自己|自己)(?:申请|办|办理)?$")


def parse_applying_as(text: str) -> Understood[str] | Ambiguous[str] | NotUnderstood:
    """Who applies, as people answer "为自己申请，还是替别人申请？": an offered choice by name or number
    ("自己", "2"), a family member named ("帮我妈申请", "给孩子办": guardian or family), a friend or
    neighbour (entrusted), or someone else not named ("替别人", "为他申请": Ambiguous `for_whom`, asked
    which). Codes: `empty`, `choice_unclear`."""
    answer = compact(text)
    if not answer:
        return NotUnderstood("empty")
    # A family member named wins over a choice's word in it ("给自己孩子办" is for the child).
    if any(word in answer for word in _FAMILY):
        return Understood("guardian")
    if any(word in answer for word in _FRIENDS) or _ASKED_BY_THEM.search(answer):
        return Understood("entrusted")
    picked = parse_choice(text, APPLYING_AS_CHOICES)
    if isinstance(picked, Understood):
        return picked
    if _SELF.match(answer):
        return Understood("self")
    if _SOMEONE_ELSE.search(answer):
        return Ambiguous(("guardian", "entrusted"), code="for_whom")
    if isinstance(picked, NotUnderstood) and picked.code != "choice_unclear":
        return picked
    return NotUnderstood("choice_unclear")


# Who the applicant is to the person answering, when "为自己申请，还是替别人申请？" is answered by naming them
# ("替我妈妈申请": the applicant is their mother, so they are the applicant's child). In-laws (儿媳, 女婿) are not
# inverted: a 公公 is no parent in law's eyes, so the relation question is asked.
_APPLICANT_IS = {
    "child": ("父亲", "母亲", "爸爸", "妈妈", "老母亲", "老父亲", "爸", "妈", "爹", "娘"),
    "spouse": ("丈夫", "妻子", "老公", "老婆", "爱人", "媳妇", "老伴"),
    "parent": ("儿子", "女儿", "孩子"),
    "sibling": ("哥哥", "姐姐", "弟弟", "妹妹"),
    "grandchild": ("爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷"),
    "grandparent": ("孙子", "孙女", "外孙", "外孙女"),
}
_FOR = r"(?:替|帮|给|为|代)(?:我|俺)?(?:们家|家)?(?:的)?"
_I_AM = r"(?:我|俺)是(?:他|她|申请人|孩子)?的?"


def relation_said(text: str) -> str | None:
    """The answering person's relation to the applicant when their answer to who applies says it: "替我妈妈申请"
    (child), "帮我家孩子办" (parent), "我是他老伴" (spouse); None when it does not, or not clearly."""
    answer = compact(text)
    present = [word for word in _FAMILY if word in answer]
    if len([word for word in present if not any(word != other and word in other for other in present)]) != 1:
        return None    # "给我儿子的媳妇": two people named, the relation question sorts it out
    found = {relation for relation, words in _APPLICANT_IS.items()
             if any(re.search(_FOR + word, answer) for word in words)}
    found |= {relation for relation in _APPLICANT_IS
              for word in RELATION_NAMES[relation] if re.search(_I_AM + word, answer)}
    return found.pop() if len(found) == 1 else None


# Other benefits (DESIGN.md's list; seed 004's policy notice says how each combines with the subsidies).
BENEFIT_NAMES: dict[str, tuple[str, ...]] = {
    "work_injury_nursing_allowance": ("工伤保险生活护理费", "工伤护理费", "工伤"),
    "destitute_support": ("特困人员救助供养", "特困供养", "特困", "五保"),
    "orphan": ("孤儿基本生活保障", "孤儿生活费", "孤儿", "艾滋病病毒感染儿童"),
    "de_facto_orphan_fully_supported": ("事实无人抚养儿童基本生活保障", "事实无人抚养儿童", "无人抚养儿童", "无人抚养"),
    "public_duty_disability_allowance": ("因公致残生活护理补贴", "因公致残补贴", "因公致残"),
    "retired_cadre_nursing_fee": ("离休老干部护理费", "离休干部护理费", "离休"),
    "disability_pension": ("伤残抚恤金", "伤残抚恤", "抚恤金", "抚恤"),
    "elderly_allowance": ("高龄津贴", "高龄补贴", "高龄"),
    "elderly_care_subsidy": ("经济困难高龄失能老年人养老服务补贴", "老年人养老服务补贴", "养老服务补贴", "失能老人补贴"),
    "institution_care": ("在儿童福利机构集中养育", "儿童福利机构", "福利院", "集中养育"),
}
NO_BENEFIT = Choice("none", ("没有", "都没有", "都不是", "没领", "没有领", "一样都没有", "啥都没有", "什么都没有"),
                    means_none=True)
BENEFIT_CHOICES: tuple[Choice, ...] = (*(Choice(b, BENEFIT_NAMES[b]) for b in OTHER_BENEFITS), NO_BENEFIT)
_BENEFIT_SEPARATORS = ("还有", "以及", "和", "跟", "与", "及", "、", "，", ",", "；", ";", " ", "/")


def parse_benefits(text: str) -> Understood[list[str]] | NotUnderstood:
    """One or more of the other benefits ("高龄津贴和伤残抚恤金", "1、8"), or none ("没有"). Codes:
    `empty`, `benefit_unclear` {"part": n} (the n-th part named no benefit), `choice_number_out_of_range`."""
    if not compact(text):
        return NotUnderstood("empty")
    whole = parse_choice(text, BENEFIT_CHOICES)
    if isinstance(whole, Understood):
        return Understood([] if whole.value == "none" else [whole.value])
    parts = [text]
    for separator in _BENEFIT_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    parts = [part for part in parts if compact(part)]
    found: list[str] = []
    for number, part in enumerate(parts, start=1):
        understood = parse_choice(part, BENEFIT_CHOICES)
        if isinstance(understood, NotUnderstood) and understood.code == "choice_number_out_of_range":
            return understood
        if not isinstance(understood, Understood):
            return NotUnderstood("benefit_unclear", {"part": number})
        if understood.value != "none" and understood.value not in found:
            found.append(understood.value)
    return Understood([b for b in OTHER_BENEFITS if b in found])
