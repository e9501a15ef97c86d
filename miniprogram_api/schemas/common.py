from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

DateText = Annotated[str, Field(json_schema_extra={"format": "date"}, examples=["2020-05-03"])]


def with_examples(**named: dict[str, Any]) -> dict[str, Any]:
    """model_config entries that put named examples on the request body in the OpenAPI document
    (flask-openapi3 reads `openapi_extra`; the JSON Schema keeps them too)."""
    return {
        "openapi_extra": {"examples": {name: {"summary": name.replace("_", " "), "value": value}
                                       for name, value in named.items()}},
        "json_schema_extra": {"examples": list(named.values())},
    }


class Strict(BaseModel):
    """Unknown members are refused, so a misspelt field name is reported instead of silently dropped."""
    model_config = ConfigDict(extra="forbid")


class Words(BaseModel):
    text: str = Field(description="The standard sentence.")
    easy_read: str = Field(description="The same in easy-read form: short sentences, common words.")


AUDIO_URL = ("MP3 of these words said aloud, in the form the person prefers (easy-read or standard), their "
             "language and their speech rate (a signed link that expires; no login needed, so WeChat's audio "
             "player can fetch it). Null when the person has speech off.")


class SpokenWords(Words):
    audio_url: str | None = Field(description=AUDIO_URL)


class FieldErrorOut(BaseModel):
    field: str = Field(examples=["applicant.id_number"])
    code: str = Field(examples=["id_number_bad_check_character"])
    message: str
    easy_read: str


class Problem(BaseModel):
    """RFC 9457 problem details."""
    type: str = Field(examples=["urn:liangbu:problem:application_incomplete"])
    title: str = Field(examples=["申请还不完整"])
    status: int = Field(examples=[422])
    detail: str
    code: str = Field(examples=["application_incomplete"])
    instance: str | None = None
    title_easy_read: str | None = None
    detail_easy_read: str | None = None
    errors: list[FieldErrorOut] = Field(default_factory=list)


class ApplicationPath(BaseModel):
    application_id: str = Field(max_length=64, description="The application's id (not its reference).")


PROBLEM_RESPONSES: dict[int, Any] = {
    401: Problem, 404: Problem, 409: Problem, 412: Problem, 422: Problem, 428: Problem,
}
