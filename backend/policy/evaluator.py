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

from backend.calendar.months import month_index, month_text
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
ADULT_AGE = 18  # orphans and 事实无人抚养儿童 are children: under 18


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
    # A 事实无人抚养儿童, whether or not the basic living guarantee is received in full (that is the benefit
    # de_facto_orphan_fully_supported); None: not asked. Seed 003 item 四 pays such a child's nursing subsidy
    # to the institution that raises it.
    de_facto_unsupported_child: bool | None = None


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
    drafts = {subsidy: _draft(subsidy, facts, policy, region_known) for subsidy in SUBSIDIES}
    for draft in drafts.values():
        _choose_higher_each(draft)
    _choose_higher_together(drafts, facts, policy)
    verdicts = {subsidy: _finish(draft, facts, policy) for subsidy, draft in drafts.items()}
    return Evaluation(facts, region_known, policy, verdicts, _warnings(facts))


@dataclass
class _Draft:
    """A subsidy's verdict in the making: its reasons so far, its amount, and the choose-the-higher rules
    that can only be settled once the amounts are known."""
    subsidy: str
    rules: dict[str, Sourced]
    reasons: list[Reason]
    pending: list[Reason]                  # choose-the-higher rules of this subsidy alone, still to compare
    amount: Decimal | None = None
    amount_source: Sourced | None = None

    @property
    def outcome(self) -> Outcome:
        return _outcome(self.reasons)


def _outcome(reasons: list[Reason]) -> Outcome:
    effects = {reason.effect for reason in reasons}
    return "not_eligible" if "excludes" in effects else "needs_review" if "uncertain" in effects else "eligible"


def _draft(subsidy: str, facts: Facts, policy: EffectivePolicy, region_known: bool) -> _Draft:
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
    pending: list[Reason] = []
    for benefit in sorted(facts.other_benefits):
        for reason in _coordination_reasons(subsidy, benefit, facts, policy):
            (pending if reason.code == "choose_higher_compared" else reasons).append(reason)
    draft = _Draft(subsidy, rules, reasons, pending)
    if _outcome(reasons) != "not_eligible":
        draft.amount, draft.amount_source = _amount(rules, facts)
    return draft


def _choose_higher_each(draft: _Draft) -> None:
    """Seed 004 注, a rule on one subsidy ("可择高享受重度残疾人护理补贴"): the other benefit against that
    subsidy's amount. A subsidy the person does not qualify for on other grounds has nothing to compare."""
    pending, draft.pending = draft.pending, []
    if _outcome(draft.reasons) == "not_eligible":
        return
    for reason in pending:
        other = reason.params.get("other_amount")
        if other is None or draft.amount is None:
            draft.reasons.append(Reason("choose_higher", "uncertain", reason.rule, reason.source, reason.params))
        elif draft.amount > Decimal(other):
            draft.reasons.append(Reason("choose_higher_ours", "qualifies", reason.rule, reason.source,
                                        {**reason.params, "amount": str(draft.amount)}))
        else:
            draft.reasons.append(Reason("choose_higher_theirs", "excludes", reason.rule, reason.source,
                                        {**reason.params, "amount": str(draft.amount)}))


def _choose_higher_together(drafts: dict[str, _Draft], facts: Facts, policy: EffectivePolicy) -> None:
    """Seed 004 注, a rule on both subsidies ("可择高享受“两项补贴”"): the person has either the other benefit
    or the subsidies, so the other benefit is weighed against the sum of the subsidies they qualify for, and
    both subsidies get the same answer: paid (the other benefit stops) or not paid (it is kept).

    Where a subsidy still needs checking, the sum lies between what is sure (the eligible subsidies) and what
    is possible (those and the ones being checked): the answer is given when both bounds agree."""
    for benefit in sorted(facts.other_benefits):
        found = policy.coordination.get(benefit)
        if found is None or found.value.compare != "together":
            continue
        in_play = [draft for draft in drafts.values() if draft.outcome != "not_eligible"]
        if not in_play:
            continue
        rule = f"coordination.{benefit}"
        other_amount = facts.other_benefit_amounts.get(benefit)
        sure = sum((d.amount for d in in_play if d.outcome == "eligible" and d.amount is not None), Decimal(0))
        possible = (sum((d.amount for d in in_play), Decimal(0))  # type: ignore[misc]
                    if all(d.amount is not None for d in in_play) else None)
        params = {"benefit": benefit, "other_amount": str(other_amount) if other_amount is not None else None,
                  "subsidies": [d.subsidy for d in in_play]}
        if other_amount is None:
            reason = Reason("choose_higher_together", "uncertain", rule, found.source, params)
        elif sure > other_amount:
            sure_ones = [d.subsidy for d in in_play if d.outcome == "eligible" and d.amount is not None]
            reason = Reason("choose_higher_together_ours", "qualifies", rule, found.source,
                            {**params, "subsidies": sure_ones, "total": str(sure)})
        elif possible is not None and possible <= other_amount:
            reason = Reason("choose_higher_together_theirs", "excludes", rule, found.source,
                            {**params, "total": str(possible)})
        else:
            reason = Reason("choose_higher_together_pending", "uncertain", rule, found.source, params)
        for draft in in_play:  # one choice, so one answer for both subsidies
            draft.reasons.append(reason)


def _finish(draft: _Draft, facts: Facts, policy: EffectivePolicy) -> Verdict:
    subsidy, reasons = draft.subsidy, draft.reasons
    outcome = _outcome(reasons)
    amount, amount_source = (None, None) if outcome == "not_eligible" else (draft.amount, draft.amount_source)
    if outcome != "not_eligible" and amount is None:
        reasons.append(Reason("amount_unknown", "note", f"{subsidy}.amounts", "policy data"))

    paid_to = "applicant"
    if subsidy == "nursing" and outcome != "not_eligible":
        payment = _payment_reasons(facts, policy)
        reasons.extend(payment)
        if any(reason.code == "paid_to_institution" for reason in payment):
            paid_to = "institution"
        outcome = _outcome(reasons)

    starts, back_pay = (None, None)
    if outcome != "not_eligible":
        starts, back_pay, start_reasons = _start_month(facts)
        reasons.extend(start_reasons)

    eligibility_source = draft.rules.get("grades")
    source, as_of = (amount_source.source, amount_source.as_of) if amount_source else (
        (eligibility_source.source, eligibility_source.as_of) if eligibility_source else (None, None))
    return Verdict(subsidy, outcome, amount, starts, reasons, source, as_of, paid_to, back_pay)


def _payment_reasons(facts: Facts, policy: EffectivePolicy) -> list[Reason]:
    """Seed 003 item 四: the nursing subsidy of a disabled orphan or 事实无人抚养儿童 raised by an institution
    (机构集中养育) goes to that children's welfare institution. Being in an institution is not enough: the
    child must be an orphan or a 事实无人抚养儿童; an adult is neither."""
    payment = policy.payment.get("institution_children_nursing")
    if payment is None or payment.value != "institution" or "institution_care" not in facts.other_benefits:
        return []
    rule = "payment.institution_children_nursing"
    if ({"orphan", "de_facto_orphan_fully_supported"} & facts.other_benefits
            or facts.de_facto_unsupported_child is True):
        return [Reason("paid_to_institution", "note", rule, payment.source)]
    age = _age(facts)
    if (age is not None and age >= ADULT_AGE) or facts.de_facto_unsupported_child is False:
        return []
    return [Reason("paid_to_unknown", "uncertain", rule, payment.source, changeable=True)]


@dataclass(frozen=True)
class FactsRead:
    """Facts a region's rules read to settle the verdicts of these facts, beyond those already given: asked
    by a channel that wants a definite answer (the conversation) rather than a rule written twice."""
    benefit_amounts: tuple[str, ...] = ()      # listed benefits a choose-the-higher rule weighs (seed 004 注)
    de_facto_unsupported_child: bool = False   # the institution payment rule would read it (seed 003 item 四)


def facts_read(policy: EffectivePolicy, facts: Facts, subsidies: tuple[str, ...] | list[str] = SUBSIDIES) -> FactsRead:
    """Which facts the rules in force read for `facts` and the subsidies asked for: the monthly amount of
    each listed benefit that a choose-the-higher rule weighs against one of the subsidies
    (`_coordination_reasons`, `_choose_higher_together`), and whether the child is a 事实无人抚养儿童 where the
    nursing subsidy of a child in institution care may go to the institution (`_payment_reasons`: not for an
    orphan, whose benefit already says it, nor for a known adult)."""
    amounts = tuple(benefit for benefit in sorted(facts.other_benefits)
                    if (found := policy.coordination.get(benefit)) is not None
                    and any(getattr(found.value, subsidy) == "choose_higher" for subsidy in subsidies))
    payment = policy.payment.get("institution_children_nursing")
    age = _age(facts)
    de_facto = ("nursing" in subsidies and payment is not None and payment.value == "institution"
                and "institution_care" in facts.other_benefits
                and not {"orphan", "de_facto_orphan_fully_supported"} & facts.other_benefits
                and (age is None or age < ADULT_AGE))
    return FactsRead(amounts, de_facto)


def is_child(facts: Facts) -> bool | None:
    """Under 18 on the day of application, by the birth date; None when it is not known."""
    age = _age(facts)
    return None if age is None else age < ADULT_AGE


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
    age = _age(facts)
    assert age is not None
    if low is not None and age < low.value:
        reasons.append(Reason("too_young", "excludes", f"{subsidy}.min_age", low.source, {"age": low.value}))
    if high is not None and age > high.value:
        reasons.append(Reason("too_old", "excludes", f"{subsidy}.max_age", high.source, {"age": high.value}))
    return reasons


def _age(facts: Facts) -> int | None:
    if facts.birth_date is None:
        return None
    return facts.on.year - facts.birth_date.year - ((facts.on.month, facts.on.day) <
                                                    (facts.birth_date.month, facts.birth_date.day))


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
    if coordination.compare == "together":
        return []  # weighed against both subsidies at once: _choose_higher_together
    other = facts.other_benefit_amounts.get(benefit)
    return [Reason("choose_higher_compared", "uncertain", rule, found.source,
                   {**params, "other_amount": str(other) if other is not None else None})]


def _amount(rules: dict[str, Sourced], facts: Facts) -> tuple[Decimal | None, Sourced | None]:
    amounts = rules.get("amounts")
    if amounts is None:
        return None, None
    for rule in amounts.value:
        assert isinstance(rule, AmountRule)
        if rule.matches(grade=facts.grade, category=facts.category, household=facts.household):
            return rule.amount, Sourced(rule, amounts.region_code, amounts.as_of, rule.source or amounts.source)
    return None, None


def _start_month(facts: Facts) -> tuple[str, int | None, list[Reason]]:
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


def _warnings(facts: Facts) -> list[Reason]:
    if facts.valid_until is None or facts.valid_until < facts.on:
        return []
    months_left = month_index(facts.valid_until) - month_index(facts.on)
    if months_left <= EXPIRY_WARNING_MONTHS:
        return [Reason("certificate_expires_soon", "note", "certificate.valid_until", SEED_EXPIRY,
                       {"valid_until": facts.valid_until.isoformat()}, changeable=True)]
    return []
