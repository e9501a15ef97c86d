"""The one evaluator: from the facts of a person, the rules in force for their hukou county on the day of
application give, per subsidy, an outcome (eligible, not eligible, needs review by a person), the
monthly amount, the month payment starts, and the reasons, each with its rule and source.

Every channel (the anonymous self-check, the form, the conversation, the review packet, the status page)
asks this function; no rule of the policy is written anywhere else."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from backend.identity.regions import region
from backend.policy.book import EffectivePolicy, PolicyBook, Sourced
from backend.policy.model import AmountRule, Coordination, Extension

Outcome = Literal["eligible", "not_eligible", "needs_review"]
Effect = Literal["qualifies", "excludes", "uncertain", "note"]
SUBSIDIES = ("living", "nursing")

SEED_START_MONTH = "seed 001 item 9 (自残疾人递交申请当月计发补贴)"
SEED_RENEWAL = "seed 001 item 13 (新残疾人证发证当月计发，可补发最多不超过3个月)"
SEED_EXPIRY = "seed 001 item 13 (残疾人证有效期满后次月停发；到期前6个月提醒换证)"
EXPIRY_WARNING_MONTHS = 6
MAX_BACK_PAY_MONTHS = 3


@dataclass(frozen=True)
class Facts:
    region_code: str | None
    on: date                                   # the day of application (or of the self-check)
    category: int | None = None
    grade: int | None = None
    issue_date: date | None = None
    valid_until: date | None = None
    previous_valid_until: date | None = None   # a renewal: when the previous certificate ran out
    household: str | None = None
    other_benefits: frozenset[str] = frozenset()
    other_benefit_amounts: dict[str, Decimal] = field(default_factory=dict)
    birth_date: date | None = None


@dataclass(frozen=True)
class Reason:
    code: str                  # catalog: eligibility.reason.<code>, and eligibility.change.<code> if changeable
    effect: Effect
    rule: str                  # the rule's place in the policy data, e.g. "nursing.grades"
    source: str                # the seed (file and item) or document behind it
    params: dict = field(default_factory=dict)
    changeable: bool = False   # there is something the person could do or have that changes the answer


@dataclass
class Verdict:
    subsidy: str
    outcome: Outcome
    monthly_amount: Decimal | None
    starts: str | None         # YYYY-MM
    reasons: list[Reason]
    source: str | None         # where the amount (or, failing that, the eligibility rule) comes from
    as_of: date | None         # the date that source is in force from
    paid_to: str = "applicant"
    back_pay_months: int | None = None


@dataclass
class Evaluation:
    facts: Facts
    region_known: bool
    policy: EffectivePolicy
    verdicts: dict[str, Verdict]
    warnings: list[Reason]


def evaluate(book: PolicyBook, facts: Facts) -> Evaluation:
    region_known = bool(facts.region_code) and region(facts.region_code or "") is not None
    policy = book.resolve(facts.region_code if region_known else "000000", facts.on)
    verdicts = {subsidy: _verdict(subsidy, facts, policy, region_known) for subsidy in SUBSIDIES}
    return Evaluation(facts, region_known, policy, verdicts, _warnings(facts))


def _verdict(subsidy: str, facts: Facts, policy: EffectivePolicy, region_known: bool) -> Verdict:
    rules = policy.rules(subsidy)
    reasons: list[Reason] = []
    if not region_known:
        reasons.append(Reason("region_unknown", "uncertain", "region", "GB/T 2260", changeable=True))
    reasons.extend(_certificate_reasons(facts))
    reasons.extend(_age_reasons(subsidy, facts, rules))
    if subsidy == "nursing":
        reasons.extend(_nursing_reasons(facts, rules))
    else:
        reasons.extend(_living_reasons(facts, rules))
    paid_to = "applicant"
    for benefit in sorted(facts.other_benefits):
        reasons.extend(_coordination_reasons(subsidy, benefit, facts, policy))
    if subsidy == "nursing" and "institution_care" in facts.other_benefits:
        payment = policy.payment.get("institution_children_nursing")
        if payment is not None and payment.value == "institution":
            paid_to = "institution"
            reasons.append(Reason("paid_to_institution", "note", "payment.institution_children_nursing",
                                  payment.source))

    effects = {reason.effect for reason in reasons}
    outcome: Outcome = ("not_eligible" if "excludes" in effects
                        else "needs_review" if "uncertain" in effects else "eligible")

    amount, amount_source = (None, None)
    if outcome != "not_eligible":
        amount, amount_source = _amount(rules, facts)
        if amount is None:
            reasons.append(Reason("amount_unknown", "note", f"{subsidy}.amounts", "policy data"))
        else:
            choose_higher = [r for r in reasons if r.code == "choose_higher_compared"]
            for reason in choose_higher:  # now that our amount is known, compare with the other benefit's
                reasons.remove(reason)
                reasons.extend(_compare(subsidy, reason, amount))
            effects = {reason.effect for reason in reasons}
            outcome = ("not_eligible" if "excludes" in effects
                       else "needs_review" if "uncertain" in effects else "eligible")
    if outcome == "not_eligible":
        amount = None
    else:
        for reason in [r for r in reasons if r.code == "choose_higher_compared"]:
            reasons.remove(reason)
            reasons.append(Reason("choose_higher", "uncertain", reason.rule, reason.source, reason.params))

    starts, back_pay = (None, None)
    if outcome != "not_eligible":
        starts, back_pay, start_reason = _start_month(facts)
        reasons.append(start_reason)

    eligibility_source = rules.get("grades")
    source, as_of = (amount_source.source, amount_source.as_of) if amount_source else (
        (eligibility_source.source, eligibility_source.as_of) if eligibility_source else (None, None))
    return Verdict(subsidy, outcome, amount, starts, reasons, source, as_of, paid_to, back_pay)


def _certificate_reasons(facts: Facts) -> list[Reason]:
    reasons = []
    if facts.grade is None:
        reasons.append(Reason("grade_unknown", "uncertain", "certificate.grade", "seed 004 (持有残疾人证)",
                              changeable=True))
    if facts.valid_until is not None and facts.valid_until < facts.on:
        reasons.append(Reason("certificate_expired", "excludes", "certificate.valid_until", SEED_EXPIRY,
                              {"valid_until": facts.valid_until.isoformat()}, changeable=True))
    return reasons


def _age_reasons(subsidy: str, facts: Facts, rules: dict[str, Sourced]) -> list[Reason]:
    reasons = []
    low, high = rules.get("min_age"), rules.get("max_age")
    if (low is None and high is None) or facts.birth_date is None:
        return reasons
    age = facts.on.year - facts.birth_date.year - ((facts.on.month, facts.on.day) <
                                                   (facts.birth_date.month, facts.birth_date.day))
    if low is not None and age < low.value:
        reasons.append(Reason("too_young", "excludes", f"{subsidy}.min_age", low.source, {"age": low.value}))
    if high is not None and age > high.value:
        reasons.append(Reason("too_old", "excludes", f"{subsidy}.max_age", high.source, {"age": high.value}))
    return reasons


def _nursing_reasons(facts: Facts, rules: dict[str, Sourced]) -> list[Reason]:
    if facts.grade is None:
        return []
    grades = rules.get("grades")
    if grades is not None and facts.grade in grades.value:
        return [Reason("grade_qualifies", "qualifies", "nursing.grades", grades.source, {"grade": facts.grade})]
    extra = rules.get("extra")
    extensions: list[Extension] = list(extra.value) if extra is not None else []
    for extension in extensions:
        if facts.grade in extension.grades:
            if facts.category in extension.categories:
                return [Reason("extension_qualifies", "qualifies", "nursing.extra", extra.source,
                               {"grade": facts.grade, "category": facts.category})]
            if facts.category == 7:
                # 多重残疾: whether one of the disabilities is intellectual or mental is on the certificate's
                # 备注 page (REFERENCE.md), which only a person can read.
                return [Reason("multiple_disabilities_extension", "uncertain", "nursing.extra", extra.source,
                               {"grade": facts.grade})]
            if facts.category is None:
                return [Reason("category_unknown", "uncertain", "nursing.extra", extra.source, changeable=True)]
    source = grades.source if grades else "policy data"
    code = "grade_not_covered_nursing_extended" if extensions else "grade_not_covered_nursing"
    return [Reason(code, "excludes", "nursing.grades", source, {"grade": facts.grade}, changeable=True)]


def _living_reasons(facts: Facts, rules: dict[str, Sourced]) -> list[Reason]:
    reasons = []
    grades = rules.get("grades")
    if facts.grade is not None and grades is not None:
        if facts.grade in grades.value:
            reasons.append(Reason("certificate_qualifies", "qualifies", "living.grades", grades.source,
                                  {"grade": facts.grade}))
        else:
            reasons.append(Reason("grade_not_covered_living", "excludes", "living.grades", grades.source,
                                  {"grade": facts.grade}))
    households = rules.get("households")
    if households is None:
        return reasons
    if facts.household is None:
        reasons.append(Reason("household_unknown", "uncertain", "living.households", households.source,
                              changeable=True))
    elif facts.household in households.value:
        reasons.append(Reason("household_qualifies", "qualifies", "living.households", households.source,
                              {"household": facts.household}))
    else:
        code = ("household_not_covered_marginal" if "dibao_marginal" in households.value
                else "household_not_covered")
        reasons.append(Reason(code, "excludes", "living.households", households.source,
                              {"household": facts.household}, changeable=True))
    return reasons


def _coordination_reasons(subsidy: str, benefit: str, facts: Facts, policy: EffectivePolicy) -> list[Reason]:
    found = policy.coordination.get(benefit)
    if found is None:
        return [Reason("benefit_needs_review", "uncertain", f"coordination.{benefit}", "policy data",
                       {"benefit": benefit})]
    coordination: Coordination = found.value
    effect = getattr(coordination, subsidy)
    rule = f"coordination.{benefit}.{subsidy}"
    params = {"benefit": benefit}
    if effect == "excluded":
        return [Reason("benefit_excludes", "excludes", rule, found.source, params)]
    if effect == "combine":
        if benefit == "institution_care":
            return []
        return [Reason("benefit_combines", "note", rule, found.source, params)]
    if effect == "review":
        return [Reason("benefit_needs_review", "uncertain", rule, found.source, params)]
    other = facts.other_benefit_amounts.get(benefit)
    return [Reason("choose_higher_compared", "uncertain", rule, found.source,
                   {**params, "other_amount": str(other) if other is not None else None})]


def _compare(subsidy: str, reason: Reason, ours: Decimal) -> list[Reason]:
    other = reason.params.get("other_amount")
    if other is None:
        return [Reason("choose_higher", "uncertain", reason.rule, reason.source, reason.params)]
    if ours > Decimal(other):
        return [Reason("choose_higher_ours", "qualifies", reason.rule, reason.source,
                       {**reason.params, "amount": str(ours)})]
    return [Reason("choose_higher_theirs", "excludes", reason.rule, reason.source,
                   {**reason.params, "amount": str(ours)})]


def _amount(rules: dict[str, Sourced], facts: Facts) -> tuple[Decimal | None, Sourced | None]:
    amounts = rules.get("amounts")
    if amounts is None:
        return None, None
    for rule in amounts.value:
        assert isinstance(rule, AmountRule)
        if rule.matches(grade=facts.grade, category=facts.category, household=facts.household):
            return rule.amount, Sourced(rule, amounts.region_code, amounts.as_of, rule.source or amounts.source)
    return None, None


def _start_month(facts: Facts) -> tuple[str, int | None, Reason]:
    application_month = facts.on.strftime("%Y-%m")
    renewal = facts.previous_valid_until is not None and facts.issue_date is not None \
        and facts.issue_date > facts.previous_valid_until
    if renewal:
        # Seed 001 item 13: payment stopped the month after the old certificate ran out; on renewal it
        # counts from the new certificate's month, and up to 3 months of the gap may be paid back.
        stopped_from = _month_index(facts.previous_valid_until) + 1
        new_month = _month_index(facts.issue_date)
        gap = max(0, new_month - stopped_from)
        back_pay = min(MAX_BACK_PAY_MONTHS, gap)
        starts = min(facts.issue_date, facts.on).strftime("%Y-%m")
        return starts, back_pay, Reason("starts_on_renewal", "note", "payment.start_month", SEED_RENEWAL,
                                        {"month": starts, "back_pay_months": back_pay})
    return application_month, None, Reason("starts_month_of_application", "note", "payment.start_month",
                                           SEED_START_MONTH, {"month": application_month})


def _warnings(facts: Facts) -> list[Reason]:
    if facts.valid_until is None or facts.valid_until < facts.on:
        return []
    months_left = _month_index(facts.valid_until) - _month_index(facts.on)
    if months_left <= EXPIRY_WARNING_MONTHS:
        return [Reason("certificate_expires_soon", "note", "certificate.valid_until", SEED_EXPIRY,
                       {"valid_until": facts.valid_until.isoformat()}, changeable=True)]
    return []


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1
