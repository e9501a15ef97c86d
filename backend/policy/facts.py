"""The facts of a person that the evaluator reads, and what follows from them alone.

Their own module because both the evaluator (`evaluator`) and the rules it applies one by one (`reasons`)
read them: here neither has to import the other's module to know what a person's facts are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

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
    # The subsidies applied for; None: not chosen yet (the self-check weighs both). A choose-the-higher rule on
    # both subsidies together (seed 004 注) weighs the other benefit against what is applied for, no more.
    applied_for: frozenset[str] | None = None


def age_in_years(facts: Facts) -> int | None:
    """Whole years of age on the day of application, by the birth date; None when it is not known."""
    if facts.birth_date is None:
        return None
    return facts.on.year - facts.birth_date.year - ((facts.on.month, facts.on.day) <
                                                    (facts.birth_date.month, facts.birth_date.day))
