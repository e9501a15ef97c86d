"""Eligibility answers (the self-check and an application's) and an application's checklist of documents:
every sentence in its standard and easy-read text and said aloud (`audio_url`, issue 6 item 3)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from miniprogram_api.schemas.common import AUDIO_URL, SpokenWords, Words


class ReasonOut(BaseModel):
    """Why a verdict is what it is, or a warning (a certificate about to run out)."""
    code: str = Field(examples=["grade_qualifies"])
    effect: str = Field(description="qualifies, excludes, uncertain or note", examples=["qualifies"])
    rule: str | None = Field(description="The rule of the region's policy it applies.")
    source: str | None = Field(description="The seed (policy document) the rule comes from.")
    text: str
    easy_read: str
    audio_url: str | None = Field(description=AUDIO_URL)
    would_change: SpokenWords | None = Field(description="What would change this answer, where something can.")


class SubsidyAnswer(BaseModel):
    outcome: Literal["eligible", "not_eligible", "needs_review"]
    outcome_label: Words
    monthly_amount: str | None
    starts: str | None
    reasons: list[ReasonOut]
    source: str | None
    as_of: str | None
    paid_to: Literal["applicant", "institution"] = Field(
        description="Who is paid: the children's welfare institution for an institution-raised orphan or "
                    "事实无人抚养儿童 where the region says so (seed 003 item 四).")
    back_pay_months: int | None = Field(
        description="On a renewal: months of the stop before `starts` that may also be paid back (seed 001 item "
                    "13); no month earlier than 3 months before the month of application is ever paid.")
    said: Words = Field(description="The verdict in a sentence, with the monthly amount where there is one "
                                    "(\"重度残疾人护理补贴：符合条件，可以申请，每月90元。\"), as `audio_url` says it.")
    audio_url: str | None = Field(description="The verdict said aloud: the subsidy, its outcome and the monthly "
                                              "amount in words (\"重度残疾人护理补贴：符合条件，可以申请，每月九十元。\"). "
                                              + AUDIO_URL)


class EligibilityAnswer(BaseModel):
    region: dict[str, Any]
    date: str
    subsidies: dict[str, SubsidyAnswer]
    warnings: list[ReasonOut]
    contacts: list[dict[str, Any]]


class RequestedSubsidyAnswer(SubsidyAnswer):
    requested: bool = Field(description="Whether the application asks for this subsidy.")


class ApplicationEligibilityAnswer(EligibilityAnswer):
    subsidies: dict[str, RequestedSubsidyAnswer]


class ChecklistItem(BaseModel):
    item: str = Field(examples=["identity"])
    label: Words
    satisfied: bool
    alternatives: list[list[str]] = Field(description="Groups of photos, any one group of which satisfies the item.")
    by_field: str | None = Field(description="The field that satisfies the item instead of a photo (an "
                                             "acknowledgement given online).")
    why: SpokenWords = Field(description="Why it is needed and what to bring, said aloud too.")
    source: str | None


class ChecklistOut(BaseModel):
    application_id: str
    items: list[ChecklistItem]
    missing: list[str]
    complete: bool
