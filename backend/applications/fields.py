"""Every field of an application: its path, how a value is checked and normalised, whether it is
sensitive (separate consent before it is stored, PIPL art. 29) and how it is masked.

The same table serves the form (PATCH), the conversation and OCR pre-fill: a rule about a field lives
here once. A check raises FieldProblem with a stable code; the path is added by the caller."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from backend.applications.vocabulary import (
    HOUSEHOLD_STATUSES, OTHER_BENEFITS, PROXY_RELATIONS,
)
from backend.identity.certificate_numbers import InvalidCertificateNumber, parse_certificate_number
from backend.identity.id_numbers import InvalidIdNumber, parse_id_number
from backend.identity.regions import current_county, normalise_region_code, region


class FieldProblem(ValueError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class FieldSpec:
    path: str
    check: Callable[[Any], Any]          # value -> normalised value; raises FieldProblem
    sensitive: bool = False              # needs the sensitive_personal_information consent first
    mask: str | None = None              # id_number, certificate_number, phone, account


def _text(max_length: int) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise FieldProblem("not_text")
        text = unicodedata.normalize("NFC", " ".join(value.split()))
        if not text:
            raise FieldProblem("required")
        if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in text):
            raise FieldProblem("bad_characters")
        if len(text) > max_length:
            raise FieldProblem("too_long", max_length=max_length, length=len(text))
        return text
    return check


def tidy_name(value: Any, *, max_length: int = 50) -> str:
    """A person's name as written, spaces tidied, nothing invisible; the application's names, and the name one
    gives as one's own when asking to link to an application (representation/links.py)."""
    name = _text(max_length)(value)
    # Names of some ethnic minorities are written with a middle dot; phones offer several dots.
    name = re.sub(r"[·•‧⋅・.．]", "·", name)
    # A name on an ID card is letters (Chinese, or Latin for some foreign-born citizens) and that dot: an emoji,
    # a symbol or a digit is a slip of the keyboard, said now rather than printed on a reviewer's form.
    # 〇 (a number letter to Unicode) is a character of some people's names.
    if any(unicodedata.category(ch)[0] in "SN" and ch != "〇" for ch in name):
        raise FieldProblem("name_characters")
    return name


def _id_number(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldProblem("not_text")
    try:
        return parse_id_number(value, today=_today()).value
    except InvalidIdNumber as problem:
        raise FieldProblem("id_number_" + problem.code, **problem.params) from None


def _certificate_number(value: Any) -> dict[str, Any]:
    if not isinstance(value, str):
        raise FieldProblem("not_text")
    try:
        parsed = parse_certificate_number(value, today=_today())
    except InvalidCertificateNumber as problem:
        raise FieldProblem("certificate_number_" + problem.code, **problem.params) from None
    return {"number": parsed.number, "number_suffix": parsed.suffix,
            "category": parsed.category, "grade": parsed.grade}


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


def _phone(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldProblem("not_text")
    digits = unicodedata.normalize("NFKC", value)
    digits = re.sub(r"[\s\-()（）]", "", digits)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return digits
    raise FieldProblem("phone_invalid", length=len(re.sub(r"\D", "", digits)))


def _region(value: Any) -> str:
    code = normalise_region_code(value) if isinstance(value, str) else ""
    if not re.fullmatch(r"[0-9]{6}", code):
        raise FieldProblem("region_not_a_code")
    found = region(code)
    if found is None:
        raise FieldProblem("region_unknown")
    if found.level != "county" or found.is_grouping:
        raise FieldProblem("region_not_a_county")
    if not found.is_current:
        # A hukou is registered in a county that exists today; a code abolished since (500232 武隆县, kept
        # for life in old ID numbers) stands for its successor (500156 武隆区). Without a single successor
        # (a county split in two) the person must choose today's county.
        today = current_county(found.code)
        if today is None:
            raise FieldProblem("region_abolished")
        return today.code
    return found.code


def _date(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldProblem("invalid_date")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise FieldProblem("invalid_date") from None


def _past_date(value: Any) -> str:
    checked = _date(value)
    if date.fromisoformat(checked) > _today():
        raise FieldProblem("date_in_future")
    return checked


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise FieldProblem("out_of_range", low=low, high=high)
        return value
    return check


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise FieldProblem("not_a_choice", choices=", ".join(choices))
        return value
    return check


def _choices(choices: tuple[str, ...]) -> Callable[[Any], list[str]]:
    def check(value: Any) -> list[str]:
        if not isinstance(value, list) or any(item not in choices for item in value):
            raise FieldProblem("not_a_choice", choices=", ".join(choices))
        return sorted(set(value), key=choices.index)
    return check


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldProblem("not_yes_or_no")
    return value


MAX_OTHER_BENEFIT_AMOUNT = Decimal(100000)
_FAR_BEYOND_ANY_AMOUNT = Decimal(10) ** 12


def _amount(value: Any) -> str:
    """A monthly amount in yuan, more than 0 and at most 100000, to the fen: kept as text ("85.00") so the
    JSON content holds it exactly."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise FieldProblem("amount_invalid")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise FieldProblem("amount_invalid") from None
    if not amount.is_finite():
        raise FieldProblem("amount_invalid")
    if abs(amount) > _FAR_BEYOND_ANY_AMOUNT:
        # Quantizing 1e30 to the fen raises decimal.InvalidOperation: such a number is judged by its size alone.
        raise FieldProblem("amount_not_positive" if amount < 0 else "too_big", high=int(MAX_OTHER_BENEFIT_AMOUNT))
    if amount != amount.quantize(Decimal("0.01"), rounding="ROUND_DOWN"):
        raise FieldProblem("amount_invalid")
    if amount <= 0:
        raise FieldProblem("amount_not_positive")
    if amount > MAX_OTHER_BENEFIT_AMOUNT:
        raise FieldProblem("too_big", high=int(MAX_OTHER_BENEFIT_AMOUNT))
    return str(amount.quantize(Decimal("0.01")))


def _benefit_amounts(value: Any) -> dict[str, str] | None:
    """Monthly amounts of other benefits, for the choose-the-higher rules (seed 004, 政策告知书 注). That each
    benefit is one the application lists in other_benefits is checked with the whole application
    (backend/applications/changes.py)."""
    if not isinstance(value, Mapping):
        raise FieldProblem("not_an_object")
    if any(benefit not in OTHER_BENEFITS for benefit in value):
        raise FieldProblem("not_a_choice", choices=", ".join(OTHER_BENEFITS))
    # The mapping replaces the one saved before, as other_benefits' list does; a benefit given as null is
    # left out, and an empty mapping clears the field.
    amounts = {benefit: _amount(value[benefit]) for benefit in value if value[benefit] is not None}
    return {benefit: amounts[benefit] for benefit in OTHER_BENEFITS if benefit in amounts} or None


def _account_number(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldProblem("not_text")
    digits = re.sub(r"\s|-", "", unicodedata.normalize("NFKC", value))
    if not re.fullmatch(r"\d{10,32}", digits):
        raise FieldProblem("account_number_invalid")
    return digits


def _today() -> date:
    from backend.runtime import today  # late: the clock is configured at start-up (and frozen in tests)
    return today()


FIELDS: dict[str, FieldSpec] = {spec.path: spec for spec in [
    FieldSpec("applicant.name", tidy_name),
    FieldSpec("applicant.id_number", _id_number, sensitive=True, mask="id_number"),
    FieldSpec("applicant.hukou_region", _region),
    FieldSpec("applicant.address", _text(200)),
    FieldSpec("applicant.phone", _phone, mask="phone"),
    FieldSpec("certificate.number", _certificate_number, sensitive=True, mask="certificate_number"),
    FieldSpec("certificate.category", _integer(1, 7), sensitive=True),
    FieldSpec("certificate.grade", _integer(1, 4), sensitive=True),
    FieldSpec("certificate.issue_date", _past_date, sensitive=True),
    FieldSpec("certificate.valid_until", _date, sensitive=True),
    # A renewal (seed 001 item 13): when the previous certificate ran out; payment then counts from the
    # new certificate's month, with up to 3 months paid back.
    FieldSpec("certificate.previous_valid_until", _past_date, sensitive=True),
    FieldSpec("household.status", _choice(HOUSEHOLD_STATUSES), sensitive=True),
    FieldSpec("other_benefits", _choices(OTHER_BENEFITS), sensitive=True),
    # What a benefit listed in other_benefits pays a month, in yuan: a choose-the-higher rule (seed 004,
    # 政策告知书 注) compares it with the subsidies. Only for benefits listed (checked on save).
    FieldSpec("other_benefit_amounts", _benefit_amounts, sensitive=True),
    # A 事实无人抚养儿童 (seed 003 item 四): raised by a children's welfare institution, its nursing subsidy
    # is paid to the institution; asked of a child in institution care without orphan status.
    FieldSpec("de_facto_unsupported_child", _boolean, sensitive=True),
    FieldSpec("payment_account.bank_name", _text(100)),
    FieldSpec("payment_account.account_number", _account_number, sensitive=True, mask="account"),
    FieldSpec("payment_account.account_holder", tidy_name),
    FieldSpec("proxy.name", tidy_name),
    FieldSpec("proxy.id_number", _id_number, mask="id_number"),
    FieldSpec("proxy.phone", _phone, mask="phone"),
    FieldSpec("proxy.relation", _choice(PROXY_RELATIONS)),
    FieldSpec("policy_notice_acknowledged", _boolean),
]}

# Filled from other fields, never written directly.
DERIVED_FIELDS = ("applicant.sex", "applicant.birth_date", "certificate.number_suffix")


def check_field(path: str, value: Any) -> Any:
    """Normalises one value; None clears the field. Raises FieldProblem."""
    spec = FIELDS.get(path)
    if spec is None:
        raise FieldProblem("unknown_field")
    if value is None:
        return None
    return spec.check(value)


def get_path(document: Mapping[str, Any], path: str) -> Any:
    node: Any = document
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def set_path(document: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    node = document
    for part in parents:
        node = node.setdefault(part, {})
    if value is None:
        node.pop(leaf, None)
        # Drop empty groups so "nothing filled in" reads the same however it came about.
        if not node and parents:
            parent = document
            for part in parents[:-1]:
                parent = parent[part]
            parent.pop(parents[-1], None)
    else:
        node[leaf] = value
