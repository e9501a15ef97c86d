"""The shape of a policy file, checked strictly when the app starts (docs/policy.md).

A file holds one region's rules as dated periods. A county inherits from its city, its province and the
national baseline (000000); in each file the period in force on the day asked about applies, and what a
nearer level states replaces what a farther one states, key by key."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from backend.applications.vocabulary import OTHER_BENEFITS

Effect = Literal["excluded", "choose_higher", "combine", "review"]
HouseholdStatus = Literal["dibao", "dibao_marginal", "none"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AmountRule(Strict):
    """A monthly amount for those it matches; an empty condition matches everyone. Rules are tried in order."""

    amount: Decimal
    grades: list[int] | None = None
    categories: list[int] | None = None
    households: list[HouseholdStatus] | None = None
    source: str | None = None

    @field_validator("amount")
    @classmethod
    def _positive(cls, value: Decimal) -> Decimal:
        if not value.is_finite() or value <= 0 or value >= 100000:
            raise ValueError("must be a positive amount in yuan, e.g. \"80.00\"")
        return value.quantize(Decimal("0.01"))

    @field_validator("grades")
    @classmethod
    def _grades(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and any(grade not in (1, 2, 3, 4) for grade in value):
            raise ValueError("grades are 1 to 4")
        return value

    @field_validator("categories")
    @classmethod
    def _categories(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and any(category not in range(1, 8) for category in value):
            raise ValueError("categories are 1 to 7")
        return value

    def matches(self, *, grade: int | None, category: int | None, household: str | None) -> bool:
        return ((self.grades is None or grade in self.grades)
                and (self.categories is None or category in self.categories)
                and (self.households is None or household in self.households))


class Extension(Strict):
    """Certificate holders beyond the basic grades, e.g. grade 3-4 intellectual or mental (seed 003)."""

    categories: list[int]
    grades: list[int]


class SubsidyRules(Strict):
    grades: list[int] | None = None            # certificate grades that qualify
    extra: list[Extension] | None = None       # further category/grade combinations that qualify
    households: list[HouseholdStatus] | None = None  # living subsidy: household types that qualify
    amounts: list[AmountRule] | None = None
    min_age: int | None = Field(None, ge=0, le=130)
    max_age: int | None = Field(None, ge=0, le=130)

    @field_validator("grades")
    @classmethod
    def _grades(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and (not value or any(grade not in (1, 2, 3, 4) for grade in value)):
            raise ValueError("grades are a non-empty list of 1 to 4")
        return value


class Coordination(Strict):
    """How receiving another benefit bears on each subsidy (seed 004, 政策告知书 注).

    `compare` says what a choose-the-higher rule weighs the other benefit against: `each` subsidy on its own
    ("可择高享受重度残疾人护理补贴"), or the two subsidies `together` ("可择高享受“两项补贴”": the other
    benefit against the sum of the subsidies the person qualifies for; both are paid, or neither)."""

    living: Effect = "combine"
    nursing: Effect = "combine"
    compare: Literal["each", "together"] = "each"
    source: str | None = None

    @model_validator(mode="after")
    def _together(self) -> Coordination:
        if self.compare == "together" and not (self.living == self.nursing == "choose_higher"):
            raise ValueError("compare = \"together\" needs living and nursing both \"choose_higher\"")
        return self


class Payment(Strict):
    # Seed 003 item 4: nursing subsidies of orphans raised in institutions go to the institution.
    institution_children_nursing: Literal["institution", "applicant"] | None = None


class Process(Strict):
    online_application_from: dt.date | None = None       # seed 002: 全程网办 from 2022-05-15
    same_standard_online_offline: bool | None = None     # seed 002
    rejection_reason_explained: bool | None = None       # seed 002
    monthly_online_statistics: bool | None = None        # seed 002 (Henan)
    handled_from_materials_complete: bool | None = None  # seed 002 and seed 001 item 7
    dibao_looked_up: bool | None = None                  # the office checks 低保 itself: no proof photo needed


class Period(Strict):
    from_: dt.date = Field(alias="from")
    until: dt.date | None = None
    source: str = Field(min_length=3)
    living: SubsidyRules | None = None
    nursing: SubsidyRules | None = None
    coordination: dict[str, Coordination] | None = None
    payment: Payment | None = None
    process: Process | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("coordination")
    @classmethod
    def _benefits(cls, value: dict[str, Coordination] | None) -> dict[str, Coordination] | None:
        unknown = sorted(set(value or {}) - set(OTHER_BENEFITS))
        if unknown:
            raise ValueError(f"unknown benefits {unknown}; known: {list(OTHER_BENEFITS)}")
        return value

    @model_validator(mode="after")
    def _dates(self) -> Period:
        if self.until is not None and self.until < self.from_:
            raise ValueError("until is before from")
        return self


class Contact(Strict):
    office: str
    phone: str
    source: str


class PolicyFile(Strict):
    code: str = Field(pattern=r"^\d{6}$")
    name: str
    contacts: list[Contact] = Field(default_factory=list)
    periods: list[Period] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> PolicyFile:
        starts = [period.from_ for period in self.periods]
        if starts != sorted(starts) or len(set(starts)) != len(starts):
            raise ValueError("periods must be in date order, each with its own `from` date")
        return self


