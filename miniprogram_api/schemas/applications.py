"""Application requests and responses (DESIGN.md: the groups and field names other programs rely on)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from miniprogram_api.schemas.common import DateText, FieldErrorOut, SpokenWords, Strict, Words, with_examples

Subsidy = Literal["living", "nursing"]
ApplyingAs = Literal["self", "guardian", "entrusted", "village_committee", "institution"]
Channel = Literal["miniprogram", "official_account", "assistant"]
ConsentPurpose = Literal["personal_information", "sensitive_personal_information", "provide_to_review_authorities"]
HouseholdStatus = Literal["dibao", "dibao_marginal", "none"]
OtherBenefit = Literal[
    "work_injury_nursing_allowance", "destitute_support", "orphan", "de_facto_orphan_fully_supported",
    "public_duty_disability_allowance", "retired_cadre_nursing_fee", "disability_pension", "elderly_allowance",
    "elderly_care_subsidy", "institution_care",
]
MaterialKind = Literal["id_card_front", "id_card_back", "household_register", "disability_certificate",
                       "dibao_proof", "guardianship_proof", "authorisation_letter", "consent_record", "policy_notice",
                       "other"]
ProxyRelation = Literal["parent", "spouse", "child", "sibling", "grandparent", "grandchild", "other_relative",
                        "legal_guardian", "entrusted_person", "village_committee", "institution"]


class ApplicantIn(Strict):
    name: str | None = Field(None, examples=["张三"])
    id_number: str | None = Field(None, description="18 characters; checked by its GB 11643 check character.",
                                  examples=["11010519491231002X"])
    hukou_region: str | None = Field(None, description="6-digit county code of the household register.",
                                     examples=["500156"])
    address: str | None = Field(None, examples=["重庆市武隆区凤山街道芙蓉路1号"])
    phone: str | None = Field(None, examples=["13900001234"])


class CertificateIn(Strict):
    number: str | None = Field(None, description="20 characters: ID number + category digit + grade digit; "
                                                 "characters after the 20th are kept as a flagged suffix.",
                               examples=["11010519491231002X42"])
    category: int | None = Field(None, description="1 视力 … 7 多重; derived from the number when it is given.")
    grade: int | None = Field(None, description="1 (most severe) … 4; derived from the number when it is given.")
    issue_date: DateText | None = None
    valid_until: DateText | None = None
    previous_valid_until: DateText | None = Field(
        None, description="For a renewal: when the previous certificate ran out (seed 001 item 13).")


class HouseholdIn(Strict):
    status: HouseholdStatus | None = None


class PaymentAccountIn(Strict):
    bank_name: str | None = Field(None, examples=["重庆农村商业银行"])
    account_number: str | None = Field(None, examples=["6217000000001234567"])
    account_holder: str | None = None


class ProxyIn(Strict):
    name: str | None = None
    id_number: str | None = None
    phone: str | None = None
    relation: ProxyRelation | None = None


class ApplicationFieldsIn(Strict):
    applicant: ApplicantIn | None = None
    certificate: CertificateIn | None = None
    household: HouseholdIn | None = None
    other_benefits: list[OtherBenefit] | None = None
    other_benefit_amounts: dict[OtherBenefit, Decimal | None] | None = Field(
        None, description="Monthly amount in yuan (more than 0, at most 100000, to the fen) of a benefit listed in "
                          "`other_benefits`, for the choose-the-higher rules (seed 004, 政策告知书 注); replaces the "
                          "amounts saved before. An amount for a benefit not listed is refused (benefit_not_listed).",
        examples=[{"public_duty_disability_allowance": "85"}])
    de_facto_unsupported_child: bool | None = Field(
        None, description="A 事实无人抚养儿童: the nursing subsidy of one raised by a children's welfare institution "
                          "is paid to the institution (seed 003 item 四).")
    payment_account: PaymentAccountIn | None = None
    proxy: ProxyIn | None = None
    policy_notice_acknowledged: bool | None = Field(
        None, description="The applicant confirms the policy notice (seed 004); online this is the signature.")
    consents: list[ConsentPurpose] = Field(
        default_factory=list,
        description="Purposes agreed to. `sensitive_personal_information` must be given before an ID number or "
                    "disability field is stored (PIPL art. 29).")

    def changed_values(self) -> dict[str, Any]:
        """Flattens what the client sent into field paths; an explicit null clears a field."""
        values: dict[str, Any] = {}
        for group in ("applicant", "certificate", "household", "payment_account", "proxy"):
            if group not in self.model_fields_set:
                continue
            part = getattr(self, group)
            if part is None:
                continue
            for name in part.model_fields_set:
                values[f"{group}.{name}"] = getattr(part, name)
        for name in ("other_benefits", "other_benefit_amounts", "de_facto_unsupported_child",
                     "policy_notice_acknowledged"):
            if name in self.model_fields_set:
                values[name] = getattr(self, name)
        return values


class CreateApplication(ApplicationFieldsIn):
    subsidies: list[Subsidy] = Field(min_length=1, examples=[["living", "nursing"]])
    applying_as: ApplyingAs = Field(
        examples=["self"],
        description="Who makes the application. An assistant's application is always `village_committee` (seed "
                    "004: 由所在村（居）民委员会代为申请), whatever is sent; the answer shows it.")
    # No `channel`: it is where the request came in (this API: the mini program; an assistant's account:
    # assistant; the official account's conversation: official_account), never the client's claim.
    applied_from_region: str | None = Field(
        None, description="County the applicant applies from, if not the hukou county (跨省通办).")
    applicant_id: str | None = Field(
        None, description="Assistants only: the person (who consented to your help) this application is for.")

    model_config = with_examples(
        for_oneself={"subsidies": ["living", "nursing"], "applying_as": "self",
                     "consents": ["personal_information", "sensitive_personal_information",
                                  "provide_to_review_authorities"]},
        by_a_guardian={"subsidies": ["nursing"], "applying_as": "guardian",
                       "proxy": {"name": "李四", "relation": "parent"}},
    )


class SaveDraft(ApplicationFieldsIn):
    subsidies: list[Subsidy] | None = Field(None, min_length=1)
    applying_as: ApplyingAs | None = None
    applied_from_region: str | None = Field(
        None, description="While a draft: the county the applicant applies from, if not the hukou county "
                          "(跨省通办); null clears it.")

    model_config = with_examples(
        some_fields={"applicant": {"name": "张三", "id_number": "11010519491231002X", "hukou_region": "500156"}},
        certificate={"certificate": {"number": "11010519491231002X42", "issue_date": "2020-05-03",
                                     "valid_until": "2030-05-03"}},
        clear_a_field={"applicant": {"phone": None}},
    )


class RevealQuery(Strict):
    reveal: bool = Field(False, description="Show identifying numbers whole (only the applicant and reviewers "
                                            "of the region; recorded in the access log).")


class Suggestion(BaseModel):
    code: str
    name: str
    from_id_number: bool
    renamed_from: str | None = None


class ApplicantOut(BaseModel):
    name: str | None
    id_number: str | None = Field(description="Masked (1101**********1234) unless revealed.")
    sex: Literal["male", "female"] | None
    birth_date: str | None = Field(description="From the ID number; null to whoever may not reveal it (a family "
                                               "member, an entrusted person): with the county it rebuilds the masked "
                                               "digits.")
    hukou_region: str | None
    hukou_region_name: str | None
    hukou_region_suggestion: Suggestion | None = Field(description="From the ID number's region code; null to "
                                                                   "whoever may not reveal it, as `birth_date`.")
    address: str | None
    phone: str | None


class ApplicationOut(BaseModel):
    id: str
    reference: str = Field(examples=["LB20261125123456"])
    stage: str = Field(examples=["draft"])
    version: int = Field(description="Also sent as the ETag; send it back in If-Match when saving.")
    subsidies: list[Subsidy]
    applying_as: ApplyingAs
    channel: Channel
    applicant: ApplicantOut
    certificate: dict[str, Any]
    household: dict[str, Any]
    other_benefits: list[str]
    other_benefit_amounts: dict[str, str] = Field(
        default_factory=dict, description="Monthly amounts in yuan (\"85.00\") of benefits in `other_benefits`.")
    de_facto_unsupported_child: bool | None = None
    payment_account: dict[str, Any]
    proxy: dict[str, Any]
    policy_notice_acknowledged: bool
    consents: list[str]
    applied_from_region: str | None = None
    office_region: str | None
    office_region_name: str | None
    numbers_revealed: bool
    missing: list[FieldErrorOut] = Field(description="What still stops submission, each with a message.")
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None


class WithdrawnOut(ApplicationOut):
    message: SpokenWords = Field(description="That it is withdrawn, that nothing more happens with it, and how to "
                                             "apply again (a new application, photos sent again, paid from the month "
                                             "of the new application).")


class ApplicationList(BaseModel):
    applications: list[ApplicationOut]


class TimelineEntry(BaseModel):
    event: str
    stage: str
    at: datetime
    date: str
    actor_role: str
    actor: Words
    text: str
    easy_read: str
    audio_url: str | None = Field(None, description="This status message said aloud (MP3, signed link); null when "
                                                    "the person has speech off.")


class StatusOut(BaseModel):
    application_id: str
    reference: str
    stage: str
    stage_label: Words
    timeline: list[TimelineEntry]
    next_step: dict[str, Any]
    action_required: dict[str, Any] | None
    deadlines: dict[str, Any] | None
    decision: dict[str, Any] | None
    speech: dict[str, Any] | None = Field(None, description="The status said aloud: `text` and `audio_url` (MP3, "
                                                            "signed link); null when the person has speech off.")
