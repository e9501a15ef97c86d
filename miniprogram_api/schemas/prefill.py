"""The pre-fill list: values read from the photos for the applicant to confirm, each said aloud too
(`audio_url`, issue 6 item 3)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from miniprogram_api.schemas.common import AUDIO_URL, Words


class Disagreement(BaseModel):
    with_: list[str] = Field(alias="with", description="The proposals this one disagrees with.")
    reason: str = Field(examples=["certificate_not_for_this_id_number"])
    text: str
    easy_read: str
    audio_url: str | None = Field(description=AUDIO_URL)


class Proposal(BaseModel):
    id: str
    field: str = Field(examples=["certificate.grade"])
    label: Words
    value: Any = Field(description="As read off the photo; identifying numbers masked unless `reveal`.")
    confidence: float
    corroborated_by: list[str]
    combined_confidence: float
    source: dict[str, Any]
    current_value: Any
    differs_from_current: bool
    disagreement: Disagreement | None
    accepted_by_all: bool
    said: Words = Field(description="The field and the value the photo gives in a sentence (\"照片上读到的残疾等级：二级。\"; "
                                    "a category or grade in words, a date as people write it), as `audio_url` says it.")
    audio_url: str | None = Field(description="The field and the value the photo gives, said aloud "
                                              "(\"照片上读到的残疾等级：二级。\"), with what it would replace when the "
                                              "field already holds something else. " + AUDIO_URL)


class ReadWarning(BaseModel):
    code: str = Field(examples=["field_missing"])
    field: str | None = None
    text: str
    easy_read: str
    audio_url: str | None = Field(description=AUDIO_URL)


class DocumentRead(BaseModel):
    material_id: str
    status: str = Field(description="queued, done, failed or skipped (no reading configured)")
    kind: str | None
    warnings: list[ReadWarning]


class PrefillAnswer(BaseModel):
    proposals: list[Proposal]
    reads: list[DocumentRead]
