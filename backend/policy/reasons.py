"""Reasons: what each rule in force says about a person's facts, as data with its rule and source.

One function per rule of the policy (the certificate, age, the grades and extensions of the nursing
subsidy, the grades and households of the living subsidy, other benefits, who the nursing subsidy is paid
to, the month payment starts, the expiry warning), each returning `Reason`s; none decides an outcome.
They are their own module so each rule reads alone, next to its seed; `evaluator` puts them together,
weighs the choose-the-higher rules once the amounts are known, and gives the verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from backend.calendar.months import month_index, month_text
from backend.policy.book import EffectivePolicy, Sourced
from backend.policy.facts import ADULT_AGE, Facts, age_in_years
from backend.policy.model import Coordination, Extension

Effect = Literal["qualifies", "excludes", "uncertain", "note"]

SEED_START_MONTH = "seed 001 item 9 (自残疾人递交申请当月计发补贴)"
SEED_RENEWAL = "seed 001 item 13 (新残疾人证发证当月计发，可补发最多不超过3个月)"
SEED_EXPIRY = "seed 001 item 13 (残疾人证有效期满后次月停发；到期前6个月提醒换证)"
EXPIRY_WARNING_MONTHS = 6
MAX_BACK_PAY_MONTHS = 3


@dataclass(frozen=True)
class Reason:
    code: str                  # catalog: eligibility.reason.<code>, and eligibility.change.<code> if changeable
    effect: Effect
    rule: str                  # the rule's place in the policy data, e.g. "nursing.grades"
    source: str                # the seed (file and item) or document behind it
    params: dict = field(default_factory=dict)
    changeable: bool = False   # there is something the person could do or have that changes the answer


def certificate_reasons(facts: Facts) -> list[Reason]:
    reasons = []
    if facts.grade is None:
        reasons.append(Reason("grade_unknown", "uncertain", "certificate.grade", "seed 004 (持有残疾人证)",
                              changeable=True))
    if facts.valid_until is not None and facts.valid_until < facts.on:
        reasons.append(Reason("certificate_expired", "excludes", "certificate.valid_until", SEED_EXPIRY,
                              {"valid_until": facts.valid_until.isoformat()}, changeable=True))
    return reasons


def age_reasons(subsidy: str, facts: Facts, rules: dict[str, Sourced]) -> list[Reason]:
    reasons = []
    low, high = rules.get("min_age"), rules.get("max_age")
    if (low is None and high is None) or facts.birth_date is None:
        return reasons
    age = age_in_years(facts)
    assert age is not None
    if low is not None and age < low.value:
        reasons.append(Reason("too_young", "excludes", f"{subsidy}.min_age", low.source, {"age": low.value}))
    if high is not None and age > high.value:
        reasons.append(Reason("too_old", "excludes", f"{subsidy}.max_age", high.source, {"age": high.value}))
    return reasons



def nursing_reasons(facts: Facts, rules: dict[str, Sourced]) -> list[Reason]:
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


def living_reasons(facts: Facts, rules: dict[str, Sourced]) -> list[Reason]:
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


def coordination_reasons(subsidy: str, benefit: str, facts: Facts, policy: EffectivePolicy) -> list[Reason]:
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
        if subsidy == "nursing" and benefit == "institution_care" and institution_payee(facts, policy) == "institution":
            # Seed 003 item 四: the nursing subsidy of an institution-raised orphan or 事实无人抚养儿童 is paid
            # ("统一发放至相应的儿童福利机构"), so living in the institution puts it in no doubt; the payment rule
            # says so (payment_reasons: paid_to_institution).
            return []
        return [Reason("benefit_needs_review", "uncertain", rule, found.source, params)]
    if coordination.compare == "together":
        return []  # weighed against both subsidies at once: evaluator._choose_higher_together
    other = facts.other_benefit_amounts.get(benefit)
    return [Reason("choose_higher_compared", "uncertain", rule, found.source,
                   {**params, "other_amount": str(other) if other is not None else None})]


def institution_payee(facts: Facts, policy: EffectivePolicy) -> str | None:
    """Who the region's rule for institution-raised children (seed 003 item 四: 机构集中养育的符合条件的残疾孤儿、
    事实无人抚养儿童的护理补贴，统一发放至相应的儿童福利机构) pays this person's nursing subsidy to: "institution",
    "applicant", or "unknown" (a reviewer says); None where the rule does not apply (the region has none, or
    the person is not in institution care).

    The age comes first: 孤儿 and 事实无人抚养儿童 are children, so a known adult is paid in person whatever
    benefits are ticked. A child (or a person of unknown age) is paid through the institution when an orphan
    or a 事实无人抚养儿童; in person when known to be neither."""
    payment = policy.payment.get("institution_children_nursing")
    if payment is None or payment.value != "institution" or "institution_care" not in facts.other_benefits:
        return None
    age = age_in_years(facts)
    if age is not None and age >= ADULT_AGE:
        return "applicant"
    if ({"orphan", "de_facto_orphan_fully_supported"} & facts.other_benefits
            or facts.de_facto_unsupported_child is True):
        return "institution"
    return "applicant" if facts.de_facto_unsupported_child is False else "unknown"


def payment_reasons(facts: Facts, policy: EffectivePolicy) -> list[Reason]:
    """Seed 003 item 四: the nursing subsidy of a disabled orphan or 事实无人抚养儿童 raised by an institution
    (机构集中养育) goes to that children's welfare institution (`institution_payee`)."""
    payee = institution_payee(facts, policy)
    if payee is None or payee == "applicant":
        return []
    payment = policy.payment["institution_children_nursing"]
    rule = "payment.institution_children_nursing"
    if payee == "institution":
        return [Reason("paid_to_institution", "note", rule, payment.source)]
    return [Reason("paid_to_unknown", "uncertain", rule, payment.source, changeable=True)]


def start_month(facts: Facts) -> tuple[str, int | None, list[Reason]]:
    application = month_index(facts.on)
    application_month = facts.on.strftime("%Y-%m")
    issued, previous_until = facts.issue_date, facts.previous_valid_until
    if issued is None or previous_until is None or issued <= previous_until or month_index(issued) > application:
        return application_month, None, [Reason("starts_month_of_application", "note", "payment.start_month",
                                                 SEED_START_MONTH, {"month": application_month})]
    # Seed 001 item 13: payment stopped the month after the old certificate ran out; on renewal it counts
    # from the new certificate's month, and it "可视情...补发最多不超过3个月". Item 9 counts payment from the
    # month of application, so every month paid before that month is paid back: at most 3 of them, whether
    # they fall after the new certificate (counted from its month) or in the stop before it (at the new
    # certificate's standard, at the reviewer's discretion). Nothing is ever paid for a month earlier than
    # 3 months before the month of application.
    new_certificate = month_index(issued)
    starts = max(new_certificate, application - MAX_BACK_PAY_MONTHS)
    stopped_from = month_index(previous_until) + 1
    stop = max(0, new_certificate - stopped_from)          # months without a valid certificate
    back_pay = max(0, min(stop, MAX_BACK_PAY_MONTHS - (application - starts)))
    starts_month = month_text(starts)
    reasons = [Reason("starts_on_renewal", "note", "payment.start_month", SEED_RENEWAL, {"month": starts_month})
               if starts == new_certificate else
               Reason("starts_on_renewal_limited", "note", "payment.start_month", SEED_RENEWAL,
                      {"month": starts_month, "issue_month": month_text(new_certificate),
                       "application_month": application_month})]
    if back_pay:
        reasons.append(Reason("back_pay_on_renewal", "note", "payment.back_pay", SEED_RENEWAL,
                              {"back_pay_months": back_pay, "month": month_text(starts - back_pay)}))
    return starts_month, back_pay, reasons


def warnings(facts: Facts) -> list[Reason]:
    if facts.valid_until is None or facts.valid_until < facts.on:
        return []
    months_left = month_index(facts.valid_until) - month_index(facts.on)
    if months_left <= EXPIRY_WARNING_MONTHS:
        return [Reason("certificate_expires_soon", "note", "certificate.valid_until", SEED_EXPIRY,
                       {"valid_until": facts.valid_until.isoformat()}, changeable=True)]
    return []
