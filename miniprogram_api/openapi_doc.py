"""Finishing touches to the generated OpenAPI document, in one place:

- every error response is declared as `application/problem+json` with the Problem schema and an example
  (flask-openapi3 declares `application/json`, and its validation error as an array);
- every operation's success response carries an example, recorded from the API tests
  (`openapi_examples.json`, `make api-examples`), and a schema: the response model where the route names
  one, otherwise one derived from the recorded example."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

EXAMPLES_FILE = Path(__file__).with_name("openapi_examples.json")
PROBLEM = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

# Problems an operation may answer, by status, as examples: the code and its parameters; the words are the
# registry's (backend/messages/problem_texts.py), as the API itself says them.
_PROBLEM_EXAMPLES: dict[int, tuple[str, dict[str, Any]]] = {
    400: ("invalid_json", {}),
    401: ("authentication_required", {}),
    403: ("wrong_role", {}),
    404: ("application_not_found", {}),
    409: ("not_editable", {}),
    412: ("stale_version", {"current_version": 4}),
    413: ("payload_too_large", {"limit": "20 MB"}),
    415: ("unsupported_media_type", {}),
    422: ("invalid_fields", {}),
    428: ("version_required", {"current_version": 3}),
    429: ("too_many_link_attempts", {"wait": "1小时"}),
    503: ("upstream_unavailable", {}),
}

# Answers that are not JSON, or that the API tests do not reach (operation -> status, media type, schema, example).
_OTHER_ANSWERS: dict[str, tuple[str, str, dict[str, Any], Any]] = {
    "get /api/v1/applications/{application_id}/materials/{material_id}/file":
        ("200", "image/jpeg", {"type": "string", "format": "binary"}, "(the JPEG's bytes)"),
    "get /api/v1/representations/{representation_id}/proof":
        ("200", "image/jpeg", {"type": "string", "format": "binary"}, "(the JPEG's bytes)"),
    "get /api/v1/speech/{key}.{extension}":
        ("200", "audio/mpeg", {"type": "string", "format": "binary"}, "(the MP3's bytes)"),
    "get /wechat/official-account": ("200", "text/plain", {"type": "string"}, "1728371234567890123"),
    "post /wechat/official-account": ("200", "text/plain", {"type": "string"}, "success"),
    "get /healthz": ("200", "application/json", {"type": "object", "properties": {"status": {"type": "string"}},
                                                 "required": ["status"]}, {"status": "ok"}),
}

# Answers in another media type besides the JSON one, chosen by Accept (operation -> status, media type, schema,
# example): the QR link of a consent code is a page for a browser (miniprogram_api/consent_html.py).
_ALSO_ANSWERS: dict[str, tuple[str, str, dict[str, Any], Any]] = {
    "get /consent": ("200", "text/html", {"type": "string"},
                     '<!DOCTYPE html>\n<html lang="zh-CN">…<h1>协办员请您同意：帮您申请两项补贴</h1>…</html>'),
}


@lru_cache(maxsize=1)
def recorded_examples() -> dict[str, dict[str, Any]]:
    if not EXAMPLES_FILE.exists():
        return {}
    return json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))


def trimmed(value: Any, *, items: int = 2) -> Any:
    """An example small enough to read: lists cut to their first items."""
    if isinstance(value, dict):
        return {key: trimmed(item, items=items) for key, item in value.items()}
    if isinstance(value, list):
        return [trimmed(item, items=items) for item in value[:items]]
    return value


def schema_of(example: Any) -> dict[str, Any]:
    """A JSON Schema that the example fits, for answers whose route names no response model."""
    if isinstance(example, dict):
        return {"type": "object", "properties": {key: schema_of(value) for key, value in example.items()}}
    if isinstance(example, list):
        return {"type": "array", "items": schema_of(example[0]) if example else {}}
    if isinstance(example, bool):
        return {"type": "boolean"}
    if isinstance(example, int):
        return {"type": "integer"}
    if isinstance(example, float):
        return {"type": "number"}
    if example is None:
        return {"nullable": True}
    return {"type": "string"}


def finish_document(spec: dict[str, Any]) -> None:
    examples = recorded_examples()
    for route, item in spec["paths"].items():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            for status, response in responses.items():
                if status.isdigit() and int(status) >= 400:
                    _as_problem(int(status), response)
            name = f"{method} {route}"
            if name in _OTHER_ANSWERS:
                status, media_type, schema, example = _OTHER_ANSWERS[name]
                response = responses.setdefault(status, {"description": "OK"})
                response["content"] = {media_type: {"schema": schema, "example": example}}
            elif name in examples:
                _with_example(responses, str(examples[name]["status"]), trimmed(examples[name]["body"]))
            if name in _ALSO_ANSWERS:
                status, media_type, schema, example = _ALSO_ANSWERS[name]
                response = responses.setdefault(status, {"description": "OK"})
                response.setdefault("content", {})[media_type] = {"schema": schema, "example": example}


def _as_problem(status: int, response: dict[str, Any]) -> None:
    from backend.errors import FieldError
    from backend.messages.catalog import say
    from backend.messages.describe import describe_field_error

    code, params = _PROBLEM_EXAMPLES.get(status, ("internal_error", {}))
    title, detail = say(f"problem.{code}.title", **params), say(f"problem.{code}.detail", **params)
    example = {"type": f"urn:liangbu:problem:{code}", "title": title.text, "status": status, "detail": detail.text,
               "code": code, "instance": "/api/v1/applications/7f3c2a9e5b6d4c1e8a0f2b3c4d5e6f70",
               "title_easy_read": title.easy_read, "detail_easy_read": detail.easy_read, "errors": []}
    if status == 422:
        example["errors"] = [describe_field_error(FieldError("applicant.id_number", "id_number_bad_check_character"),
                                                  "zh_Hans_CN")]
    response["content"] = {PROBLEM: {"schema": PROBLEM_REF, "example": example}}


def _with_example(responses: dict[str, Any], status: str, example: Any) -> None:
    response = responses.setdefault(status, {"description": "OK"})
    content = response.setdefault("content", {})
    media = content.setdefault("application/json", {})
    media.setdefault("schema", schema_of(example))
    if "example" not in media and "examples" not in media:
        media["example"] = example
