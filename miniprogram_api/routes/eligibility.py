"""The anonymous self-check ("自测") and regional policy; both public, neither stores anything."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field, field_validator

from accessibility.status_speech import speak_evaluation
from backend.errors import NotFound
from backend.identity.regions import normalise_region_code, region
from backend.policy import service
from backend.policy.evaluator import Facts
from backend.runtime import today
from miniprogram_api.guards import caller_preferences
from miniprogram_api.locale import request_locale
from miniprogram_api.render import render
from miniprogram_api.schemas.applications import HouseholdStatus, OtherBenefit
from miniprogram_api.schemas.common import Problem, Strict, with_examples
from miniprogram_api.schemas.eligibility import EligibilityAnswer

eligibility = APIBlueprint("eligibility", __name__, url_prefix="/api/v1",
                           abp_tags=[Tag(name="eligibility", description="Who qualifies, how much, from when, why")])


class CertificateFacts(Strict):
    category: int | None = Field(None, ge=1, le=7)
    grade: int | None = Field(None, ge=1, le=4)
    valid_until: dt.date | None = None
    issue_date: dt.date | None = None
    previous_valid_until: dt.date | None = Field(None, description="For a renewal: when the old certificate ran out.")


class HouseholdFacts(Strict):
    status: HouseholdStatus | None = None


def _typed_code(value: object) -> object:
    # ５００１５６ typed on a Chinese keyboard is 500156.
    return normalise_region_code(value) if isinstance(value, str) else value


class EligibilityCheck(Strict):
    region_code: str = Field(pattern=r"^\d{6}$", description="The hukou county (GB/T 2260); full-width digits "
                                                               "are read as digits.")

    _region_code_typed = field_validator("region_code", mode="before")(_typed_code)
    date: dt.date | None = Field(None, description="The day of application; today if left out.")
    certificate: CertificateFacts = Field(default_factory=CertificateFacts)
    household: HouseholdFacts = Field(default_factory=HouseholdFacts)
    other_benefits: list[OtherBenefit] = Field(default_factory=list)
    other_benefit_amounts: dict[OtherBenefit, Annotated[Decimal, Field(ge=0, lt=100000)]] = Field(
        default_factory=dict,
        description="Monthly amounts in yuan of other benefits, where known, for choose-the-higher rules. Where the "
                    "region's rule weighs a benefit against both subsidies together (seed 004: 因公致残生活、护理补贴"
                    "（津贴）, 伤残抚恤), give that benefit's whole monthly amount; it is compared with the sum of the "
                    "subsidies the person qualifies for.")
    birth_date: dt.date | None = None
    de_facto_unsupported_child: bool | None = Field(
        None, description="A 事实无人抚养儿童 (whether or not the basic living guarantee is received in full). With "
                          "`institution_care` or `orphan`, it decides whether the nursing subsidy is paid to the "
                          "children's welfare institution where the region says so (seed 003 item 四); left out, a "
                          "child in institution care who is not an orphan is checked by a reviewer.")

    model_config = with_examples(
        wulong_grade_2_physical_dibao_elderly_allowance={
            "region_code": "500156", "certificate": {"category": 4, "grade": 2},
            "household": {"status": "dibao"}, "other_benefits": ["elderly_allowance"]},
        wulong_public_duty_allowance_against_both_subsidies={
            "region_code": "500156", "certificate": {"grade": 1}, "household": {"status": "dibao"},
            "other_benefits": ["public_duty_disability_allowance"],
            "other_benefit_amounts": {"public_duty_disability_allowance": "85"}},
        shanxi_grade_3_intellectual={"region_code": "140105", "date": "2023-03-01",
                                     "certificate": {"category": 5, "grade": 3}, "household": {"status": "none"}},
    )


class PolicyPath(BaseModel):
    region_code: str = Field(pattern=r"^\d{6}$")


class PolicyQuery(Strict):
    date: dt.date | None = None


@eligibility.post("/eligibility/check", summary="Self-check: would I qualify? (no login; nothing is stored)",
                  description="Each verdict, reason, advice and warning is said aloud too (`audio_url`) to a signed-in "
                              "person (send their bearer token), as their preferences ask (easy-read, language, "
                              "speech rate), or not at all (null) with speech off. Without a valid token nothing is "
                              "said (null): the sentences carry numbers the caller chooses, and each new one costs a "
                              "synthesis.",
                  responses={200: EligibilityAnswer, 422: Problem})
def check(body: EligibilityCheck):
    facts = Facts(
        region_code=body.region_code, on=body.date or today(), category=body.certificate.category,
        grade=body.certificate.grade, issue_date=body.certificate.issue_date,
        valid_until=body.certificate.valid_until, previous_valid_until=body.certificate.previous_valid_until,
        household=body.household.status, other_benefits=frozenset(body.other_benefits),
        other_benefit_amounts=dict(body.other_benefit_amounts), birth_date=body.birth_date,
        de_facto_unsupported_child=body.de_facto_unsupported_child)
    locale = request_locale()
    return render(speak_evaluation(service.check_eligibility(facts, locale=locale), locale=locale,
                                   preferences=caller_preferences()), headers={"Cache-Control": "no-store"})


@eligibility.get("/policies/<region_code>", summary="A region's policy in plain words, with sources and dates",
                 responses={200: {"description": "The policy"}, 404: Problem})
def region_policy(path: PolicyPath, query: PolicyQuery):
    if path.region_code != "000000" and region(path.region_code) is None:
        raise NotFound("region_not_found")
    return render(service.region_policy(path.region_code, query.date, locale=request_locale()))
