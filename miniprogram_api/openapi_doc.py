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

# Problems an operation may answer, by status, as examples (codes of backend/messages/problem_texts.py).
_PROBLEM_EXAMPLES = {
    400: ("invalid_json", "内容格式不对", "发送的内容不是有效的 JSON，请检查后重试。"),
    401: ("authentication_required", "请先登录", "请先登录再操作。"),
    403: ("wrong_role", "不能这样操作", "您的账号没有这个功能。"),
    404: ("application_not_found", "没有找到这份申请",
          "没有找到这份申请，或者您没有查看它的权限。请回到“我的申请”重新选择。"),
    409: ("not_editable", "现在不能修改",
          "申请已经提交，正在审核中，现在不能修改。如需修改，请等审核人员要求补正，或先撤回申请。"),
    412: ("stale_version", "内容已在别处修改",
          "这份申请已经在另一台手机上改过了（现在是第 4 版）。请先刷新，看看最新的内容，再保存。"),
    413: ("payload_too_large", "照片太大了", "照片太大了，请小于 20 MB。"),
    415: ("unsupported_media_type", "内容格式不对", "请用 JSON 格式发送（Content-Type: application/json）。"),
    422: ("invalid_request", "填写的内容有误", "有些内容不对，请按下面的提示修改。"),
    428: ("version_required", "缺少版本号",
          "保存修改时需要带上 If-Match 版本号（当前是第 3 版），以免覆盖别处的修改。"),
    429: ("too_many_link_attempts", "请稍后再试",
          "为了保护申请人的信息，关联申请暂时不能再试了。请1小时后再试。如果着急，可以请协办员或乡镇（街道）工作人员帮忙确认。"),
    503: ("upstream_unavailable", "服务暂时不可用", "相关服务暂时没有响应，请稍后再试。您填的内容不会丢失。"),
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
    code, title, detail = _PROBLEM_EXAMPLES.get(status, ("error", "出错了", "请求没有完成。"))
    example = {"type": f"urn:liangbu:problem:{code}", "title": title, "status": status, "detail": detail,
               "code": code, "instance": "/api/v1/applications/7f3c2a9e5b6d4c1e8a0f2b3c4d5e6f70",
               "title_easy_read": title, "detail_easy_read": detail, "errors": []}
    if status == 422:
        example["errors"] = [{"field": "applicant.id_number", "code": "id_number_bad_check_character",
                              "message": "身份证号码有一位输错了（最后一位校验码对不上），请对照证件逐位核对。",
                              "easy_read": "身份证号有一位写错了。请对着证件再看一遍。"}]
    response["content"] = {PROBLEM: {"schema": PROBLEM_REF, "example": example}}


def _with_example(responses: dict[str, Any], status: str, example: Any) -> None:
    response = responses.setdefault(status, {"description": "OK"})
    content = response.setdefault("content", {})
    media = content.setdefault("application/json", {})
    media.setdefault("schema", schema_of(example))
    if "example" not in media and "examples" not in media:
        media["example"] = example
