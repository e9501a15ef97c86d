"""What the conversation can ask about a field: how an answer is understood (the parsers of
`accessibility.answers`), what is stored, how a value is said back, and the input a client should show.

Understanding is all that happens here: whether a value is acceptable is decided by the field's check
in `backend/applications/fields.py` when the answer is saved, never here.

A field without an entry of its own (a field a later version of the application requires) is asked
with `generic_question`: free text, checked by the backend like any other. The questions that are not one
field (who applies, for which subsidies, other benefits) are in `choices.py`."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from accessibility.answers import (
    HOUSEHOLD_STATUS_CHOICES,
    LongTerm,
    NotUnderstood,
    Understood,
    YearMonth,
    normalise_certificate_number,
    normalise_id_number,
    normalise_phone_number,
    parse_category,
    parse_choice,
    parse_date,
    parse_grade,
)
from accessibility.answers.addresses import parse_address
from accessibility.answers.applied_from import FormerCounty, parse_county_applied_from
from accessibility.answers.choices import Choice
from accessibility.answers.english_regions import EnglishCounties
from accessibility.answers.names import parse_name
from accessibility.answers.regions import parse_county
from accessibility.answers.results import Answer
from backend.applications.vocabulary import RELATIONS_FOR
from backend.identity.place_names import place_name
from backend.identity.regions import abolished_counties, counties, current_county
from backend.messages.catalog import Words, say
from backend.privacy.masking import mask_certificate_number, mask_id_number, mask_phone


@dataclass(frozen=True)
class InputSpec:
    """What a client renders for an answer: `type` (text, number, date, yes_no, choice, photo, none), the
    HTML `inputmode` and `autocomplete` tokens, so a phone shows the right keyboard and can fill in what
    it knows (WCAG 1.3.5, 3.3.7)."""

    type: str
    inputmode: str = "text"
    autocomplete: str = "off"


@dataclass(frozen=True)
class Asking:
    """What a parser may need besides the answer."""

    today: date
    applying_as: str = "self"
    locale: str = "zh_Hans_CN"   # the choices' names as the prompt read them are understood too


@dataclass(frozen=True)
class FieldQuestion:
    path: str
    parse: Callable[[str, Asking], Answer]
    shown: Callable[[Any, str], Words]          # a stored value said back, in a locale
    input: InputSpec
    stored: Callable[[Any], Any] = lambda value: value   # what a parsed value is saved as
    read_back_notes: frozenset[str] = frozenset()         # understood notes that need a read-back first
    options: Callable[[Asking], Sequence[Any]] | None = None  # values offered as choices, said with `shown`


def _plain(value: Any, locale: str) -> Words:
    return Words(str(value), str(value))


def _masked(mask: Callable[[str], str | None]) -> Callable[[Any, str], Words]:
    def shown(value: Any, locale: str) -> Words:
        masked = mask(str(value)) or ""
        return Words(masked, masked)
    return shown


def shown_date(value: Any, locale: str) -> Words:
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return say("conversation.date", locale, year=day.year, month=day.month, day=day.day)


def _shown_region(value: Any, locale: str) -> Words:
    # In English romanised ("Wulong District, Chongqing"): the English voice reads 重庆市武隆区 as "Chinese letter".
    name = place_name(str(value), locale) or str(value)
    return Words(name, name)


def _keyed(prefix: str) -> Callable[[Any, str], Words]:
    return lambda value, locale: say(f"{prefix}.{value}", locale)


def _date_value(value: Any) -> Any:
    if isinstance(value, (YearMonth, LongTerm)):
        return value  # refused by the field check with its own correction
    return value.isoformat()


def _parse_past_date(text: str, asking: Asking) -> Answer:
    return parse_date(text, today=asking.today, not_after=asking.today)


def _parse_any_date(text: str, asking: Asking) -> Answer:
    return parse_date(text, today=asking.today)


def _parse_with_choices(choices: Callable[[Asking], Sequence[Choice]]) -> Callable[[str, Asking], Answer]:
    return lambda text, asking: parse_choice(text, choices(asking))


def _household_choices(asking: Asking) -> Sequence[Choice]:
    return tuple(_with_labels(choice, "household", asking.locale) for choice in HOUSEHOLD_STATUS_CHOICES)


def _with_labels(choice: Choice, prefix: str, locale: str) -> Choice:
    """The choice, also picked by its name as the prompt read it in the person's locale ("dibao household")."""
    label = say(f"{prefix}.{choice.value}", locale)
    return Choice(choice.value, tuple(dict.fromkeys((label.text, label.easy_read, *choice.names))), choice.means_none)


def _by_label(parse: Callable[[str], Answer], prefix: str, values: Sequence[Any]) -> Callable[[str, Asking], Answer]:
    """`parse`, and where it understands nothing, the offered values by their names as the prompt read them in the
    person's locale ("visual disability", "grade 1") or their numbers in the list."""
    def parsed(text: str, asking: Asking) -> Answer:
        understood = parse(text)
        if not isinstance(understood, NotUnderstood) or understood.code == "empty":
            return understood
        choices = [_with_labels(Choice(str(value), ()), prefix, asking.locale) for value in values]
        by_label = parse_choice(text, choices)
        if isinstance(by_label, Understood):
            return Understood(int(by_label.value))
        return understood
    return parsed


# The proxy's relation to the applicant, as the person acting says it ("我是他儿子" -> child).
RELATION_NAMES: dict[str, tuple[str, ...]] = {
    "parent": ("父母", "父亲", "母亲", "爸爸", "妈妈", "爸", "妈", "爹", "娘"),
    "spouse": ("配偶", "丈夫", "妻子", "老公", "老婆", "爱人", "媳妇", "老伴"),
    "child": ("子女", "儿子", "女儿", "儿媳", "女婿", "孩子"),
    "sibling": ("兄弟姐妹", "哥哥", "姐姐", "弟弟", "妹妹", "兄弟", "姐妹"),
    "grandparent": ("祖父母", "外祖父母", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷"),
    "grandchild": ("孙子女", "孙子", "孙女", "外孙", "外孙女"),
    "other_relative": ("其他亲属", "亲戚", "亲属"),
    "legal_guardian": ("法定监护人", "监护人"),
    "entrusted_person": ("受委托人", "委托人", "朋友", "邻居"),
    "village_committee": ("村委会", "居委会", "村（居）委会"),
    "institution": ("福利院", "儿童福利机构", "机构"),
}


# The same relations in English, for a person reading the prompts in English (compact() form: "legalguardian").
# Apart from RELATION_NAMES, which `choices.py` looks for inside Chinese answers ("son" is in "person").
ENGLISH_RELATION_NAMES: dict[str, tuple[str, ...]] = {
    "parent": ("parent", "father", "mother", "dad", "mum", "mom", "daddy", "mummy", "mommy", "imtheirparent"),
    "spouse": ("spouse", "husband", "wife", "partner", "hiswife", "herhusband"),
    "child": ("child", "son", "daughter", "sonordaughter", "hisson", "herson", "hisdaughter", "herdaughter"),
    "sibling": ("sibling", "brother", "sister", "brotherorsister"),
    "grandparent": ("grandparent", "grandfather", "grandmother", "grandpa", "grandma", "grandfatherorgrandmother"),
    "grandchild": ("grandchild", "grandson", "granddaughter", "grandsonorgranddaughter"),
    "other_relative": ("otherrelative", "relative", "otherfamilymember", "familymember", "aunt", "uncle", "niece",
                       "nephew", "cousin"),
    "legal_guardian": ("legalguardian", "guardian"),
    "entrusted_person": ("authorisedperson", "authorizedperson", "entrusted", "entrustedperson", "friend",
                         "neighbour", "neighbor", "someoneaskedtohelp"),
    "village_committee": ("villagecommittee", "residentscommittee", "villageresidentscommittee", "committee"),
    "institution": ("childrenswelfareinstitution", "childrenshome", "welfareinstitution", "institution", "orphanage"),
}


@cache
def english_counties() -> EnglishCounties:
    """Today's counties by their English names as the product writes them ("Wulong District, Chongqing"), built
    once, when an English answer is first looked up."""
    return EnglishCounties((county.code, place_name(county.code, "en") or "") for county in counties())


def _in_english_too(parse: Callable[[str, Asking], Answer]) -> Callable[[str, Asking], Answer]:
    """`parse` (Chinese names and codes), and where it finds no county in an answer with Latin letters, the counties'
    English names ("Xiaodian District, Taiyuan")."""
    def parsed(text: str, asking: Asking) -> Answer:
        understood = parse(text, asking)
        if isinstance(understood, NotUnderstood) and understood.code == "county_unclear" and _LATIN.search(text):
            english = english_counties().parse(text)
            if not isinstance(english, NotUnderstood):
                return english
        return understood
    return parsed


_LATIN = re.compile(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a]")


@cache
def former_counties() -> tuple[FormerCounty, ...]:
    """Counties abolished since, by their old names and codes, each with the county it is part of today
    (`current_county`: 500232 武隆县 -> 500156 武隆区); those without a single successor are left out."""
    found = []
    for old in abolished_counties():
        today = current_county(old.code)
        if today is not None:
            found.append(FormerCounty(old.code, old.name, old.full_name, today.code))
    return tuple(found)


@_in_english_too
def _parse_applied_from(text: str, asking: Asking) -> Answer:
    return parse_county_applied_from(text, counties(), former_counties())


@_in_english_too
def _parse_hukou_region(text: str, asking: Asking) -> Answer:
    return parse_county(text, counties())


def relation_choices(asking: Asking) -> Sequence[Choice]:
    return tuple(_with_labels(Choice(value, RELATION_NAMES[value] + ENGLISH_RELATION_NAMES[value]),
                              "conversation.relation", asking.locale)
                 for value in RELATIONS_FOR.get(asking.applying_as, ()))


def _parse_relation(text: str, asking: Asking) -> Answer:
    # An answer that is no relation (often a name: "王丽", the question misheard) is told the words to use, not
    # only the list's numbers, which a person listening cannot keep in mind.
    understood = parse_choice(text, relation_choices(asking))
    if isinstance(understood, NotUnderstood) and understood.code == "choice_unclear":
        return NotUnderstood("relation_unclear")
    return understood


FIELD_QUESTIONS: dict[str, FieldQuestion] = {q.path: q for q in [
    FieldQuestion("applicant.name", lambda text, asking: parse_name(text), _plain, InputSpec("text", "text", "name")),
    FieldQuestion("applicant.id_number", lambda text, asking: normalise_id_number(text), _masked(mask_id_number),
                  InputSpec("text", "text", "off"), read_back_notes=frozenset({"homophones_read_as_digits"})),
    FieldQuestion("applicant.hukou_region", _parse_hukou_region, _shown_region,
                  InputSpec("text", "text", "address-level2")),
    # Not a field of the application's content but its own column, saved as PATCH saves it (plan.APPLIED_FROM).
    FieldQuestion("applied_from_region", _parse_applied_from, _shown_region, InputSpec("text", "text", "address-level2")),
    FieldQuestion("applicant.address", lambda text, asking: parse_address(text), _plain,
                  InputSpec("text", "text", "street-address")),
    FieldQuestion("applicant.phone", lambda text, asking: normalise_phone_number(text), _masked(mask_phone),
                  InputSpec("text", "tel", "tel"), read_back_notes=frozenset({"homophones_read_as_digits"})),
    FieldQuestion("certificate.category", _by_label(parse_category, "category", range(1, 8)), _keyed("category"),
                  InputSpec("choice", "text", "off"), options=lambda asking: tuple(range(1, 8))),
    FieldQuestion("certificate.grade", _by_label(parse_grade, "grade", range(1, 5)), _keyed("grade"),
                  InputSpec("choice", "numeric", "off"), options=lambda asking: tuple(range(1, 5))),
    FieldQuestion("certificate.number", lambda text, asking: normalise_certificate_number(text),
                  _masked(mask_certificate_number), InputSpec("text", "text", "off"),
                  read_back_notes=frozenset({"homophones_read_as_digits"})),
    FieldQuestion("certificate.issue_date", _parse_past_date, shown_date, InputSpec("date", "numeric", "off"),
                  stored=_date_value),
    FieldQuestion("certificate.valid_until", _parse_any_date, shown_date, InputSpec("date", "numeric", "off"),
                  stored=_date_value),
    FieldQuestion("household.status", _parse_with_choices(_household_choices), _keyed("household"),
                  InputSpec("choice", "text", "off"),
                  options=lambda asking: tuple(c.value for c in HOUSEHOLD_STATUS_CHOICES)),
    FieldQuestion("proxy.relation", _parse_relation, _keyed("conversation.relation"),
                  InputSpec("choice", "text", "off"),
                  options=lambda asking: tuple(c.value for c in relation_choices(asking))),
    FieldQuestion("proxy.name", lambda text, asking: parse_name(text), _plain, InputSpec("text", "text", "name")),
    FieldQuestion("proxy.id_number", lambda text, asking: normalise_id_number(text), _masked(mask_id_number),
                  InputSpec("text", "text", "off"), read_back_notes=frozenset({"homophones_read_as_digits"})),
    FieldQuestion("proxy.phone", lambda text, asking: normalise_phone_number(text), _masked(mask_phone),
                  InputSpec("text", "tel", "tel"), read_back_notes=frozenset({"homophones_read_as_digits"})),
]}


def generic_question(path: str) -> FieldQuestion:
    def parse(text: str, asking: Asking) -> Answer:
        answer = " ".join(text.split())
        return Understood(answer) if answer else NotUnderstood("empty")
    return FieldQuestion(path, parse, _plain, InputSpec("text"))


def question_for(path: str) -> FieldQuestion:
    return FIELD_QUESTIONS.get(path) or generic_question(path)


def option_words(path: str, value: Any, locale: str) -> Words:
    """An option of a follow-up question ("一级还是二级？"), as said to the person."""
    if path == "certificate.category":
        return say(f"category.{value}", locale)
    if path == "certificate.grade":
        return say(f"grade.{value}", locale)
    if path in ("applicant.hukou_region", "applied_from_region"):
        return _shown_region(value, locale)
    return question_for(path).shown(_date_value(value) if isinstance(value, date) else value, locale)
