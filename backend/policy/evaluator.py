"""The one evaluator: from the facts of a person, the rules in force for their hukou county on the day of
application give, per subsidy, an outcome (eligible, not eligible, needs review by a person), the
monthly amount, the month payment starts, and the reasons, each with its rule and source.

Every channel (the anonymous self-check, the form, the conversation, the review packet, the status page)
asks this function; no rule of the policy is written anywhere but here and in `reasons`.

The rules one by one, each giving its reasons, are `reasons`; the facts they read are `facts`. This module
puts them together: it drafts each subsidy's reasons, settles the choose-the-higher rules once the amounts
are known, and gives the verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from backend.identity.regions import region
from backend.policy.book import EffectivePolicy, PolicyBook, Sourced
from backend.policy.facts import ADULT_AGE, Facts, age_in_years
from backend.policy.model import AmountRule
from backend.policy.reasons import (
    Reason,
    age_reasons,
    certificate_reasons,
    coordination_reasons,
    living_reasons,
    nursing_reasons,
    payment_reasons,
    start_month,
    warnings,
)

__all__ = ["Evaluation", "Facts", "FactsRead", "Reason", "Verdict", "evaluate", "facts_read", "is_child"]

Outcome = Literal["eligible", "not_eligible", "needs_review"]
SUBSIDIES = ("living", "nursing")


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
    return Evaluation(facts, region_known, policy, verdicts, warnings(facts))


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
    reasons.extend(certificate_reasons(facts))
    reasons.extend(age_reasons(subsidy, facts, rules))
    if subsidy == "nursing":
        reasons.extend(nursing_reasons(facts, rules))
    else:
        reasons.extend(living_reasons(facts, rules))
    pending: list[Reason] = []
    for benefit in sorted(facts.other_benefits):
        for reason in coordination_reasons(subsidy, benefit, facts, policy):
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
            # Seed 004 注 says "择高" and not who wins a tie: an equal amount keeps the other benefit (nothing
            # is gained by changing), and the answer says the two are equal rather than that it is higher.
            code = "choose_higher_tie" if draft.amount == Decimal(other) else "choose_higher_theirs"
            draft.reasons.append(Reason(code, "excludes", reason.rule, reason.source,
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
        # Only what is applied for: a person asking for the nursing subsidy alone gives up the other benefit
        # for that subsidy, not for a living subsidy they never asked for.
        in_play = [draft for draft in drafts.values() if draft.outcome != "not_eligible"
                   and (facts.applied_for is None or draft.subsidy in facts.applied_for)]
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
            # A tie keeps the other benefit, as for one subsidy (_choose_higher_each; seed 004 does not say who
            # wins a tie). Said as a tie only when the sum is sure; otherwise the other benefit is "不低于" it.
            code = ("choose_higher_together_tie" if sure == possible == other_amount
                    else "choose_higher_together_theirs")
            reason = Reason(code, "excludes", rule, found.source, {**params, "total": str(possible)})
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
        payment = payment_reasons(facts, policy)
        reasons.extend(payment)
        if any(reason.code == "paid_to_institution" for reason in payment):
            paid_to = "institution"
        outcome = _outcome(reasons)

    starts, back_pay = (None, None)
    if outcome != "not_eligible":
        starts, back_pay, start_reasons = start_month(facts)
        reasons.extend(start_reasons)

    eligibility_source = draft.rules.get("grades")
    source, as_of = (amount_source.source, amount_source.as_of) if amount_source else (
        (eligibility_source.source, eligibility_source.as_of) if eligibility_source else (None, None))
    return Verdict(subsidy, outcome, amount, starts, reasons, source, as_of, paid_to, back_pay)


@dataclass(frozen=True)
class FactsRead:
    """Facts a region's rules read to settle the verdicts of these facts, beyond those already given: asked
    by a channel that wants a definite answer (the conversation) rather than a rule written twice."""
    benefit_amounts: tuple[str, ...] = ()      # listed benefits a choose-the-higher rule weighs (seed 004 注)
    de_facto_unsupported_child: bool = False   # the institution payment rule would read it (seed 003 item 四)


def facts_read(policy: EffectivePolicy, facts: Facts, subsidies: tuple[str, ...] | list[str] = SUBSIDIES) -> FactsRead:
    """Which facts the rules in force read for `facts` and the subsidies asked for: the monthly amount of
    each listed benefit that a choose-the-higher rule weighs against one of the subsidies
    (`reasons.coordination_reasons`, `_choose_higher_together`), and whether the child is a 事实无人抚养儿童
    where the nursing subsidy of a child in institution care may go to the institution
    (`reasons.payment_reasons`: not for an orphan, whose benefit already says it, nor for a known adult)."""
    amounts = tuple(benefit for benefit in sorted(facts.other_benefits)
                    if (found := policy.coordination.get(benefit)) is not None
                    and any(getattr(found.value, subsidy) == "choose_higher" for subsidy in subsidies))
    payment = policy.payment.get("institution_children_nursing")
    age = age_in_years(facts)
    de_facto = ("nursing" in subsidies and payment is not None and payment.value == "institution"
                and "institution_care" in facts.other_benefits
                and not {"orphan", "de_facto_orphan_fully_supported"} & facts.other_benefits
                and (age is None or age < ADULT_AGE))
    return FactsRead(amounts, de_facto)


def is_child(facts: Facts) -> bool | None:
    """Under 18 on the day of application, by the birth date; None when it is not known."""
    age = age_in_years(facts)
    return None if age is None else age < ADULT_AGE


def _amount(rules: dict[str, Sourced], facts: Facts) -> tuple[Decimal | None, Sourced | None]:
    amounts = rules.get("amounts")
    if amounts is None:
        return None, None
    for rule in amounts.value:
        assert isinstance(rule, AmountRule)
        if rule.matches(grade=facts.grade, category=facts.category, household=facts.household):
            return rule.amount, Sourced(rule, amounts.region_code, amounts.as_of, rule.source or amounts.source)
    return None, None
