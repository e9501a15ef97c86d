"""The OpenAPI document describes every endpoint, with examples, from the schemas that validate requests."""

from __future__ import annotations


def test_openapi_document_lists_every_route_with_a_summary(app, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    documented = {(path, method.upper()) for path, item in spec["paths"].items() for method in item}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.rule == "/api/v1/openapi.json":
            continue
        path = rule.rule.replace("<", "{").replace(">", "}")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method) in documented, f"{method} {path} is not in the OpenAPI document"
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            assert operation.get("summary"), f"{method} {path} has no summary"


def test_every_request_body_carries_examples(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            body = operation.get("requestBody")
            if body is None:
                continue
            content = body["content"]
            media = content.get("application/json") or content.get("multipart/form-data")
            schema = media["schema"]
            name = schema.get("$ref", "").rsplit("/", 1)[-1]
            fields = spec["components"]["schemas"].get(name, {}).get("properties", {})
            has_examples = media.get("examples") or all(field.get("examples") for field in fields.values())
            assert has_examples, f"{method} {path} has no request example"
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def _request_field_paths(spec: dict) -> dict[str, str]:
    """Every field path a request can name in an error: parameters, and the properties of request bodies,
    nested ones as "applicant.name" (as problems.py names them), with where each first appears."""
    schemas = spec["components"]["schemas"]

    def resolve(schema: dict) -> dict:
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    found: dict[str, str] = {}

    def walk(schema: dict, prefix: str, where: str, seen: frozenset[str]) -> None:
        schema = resolve(schema)
        for alternative in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
            walk(alternative, prefix, where, seen)
        if "items" in schema:
            walk(schema["items"], prefix, where, seen)
        for name, member in schema.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            if path not in seen:
                found.setdefault(path, where)
                walk(member, path, where, seen | {path})

    for route, item in spec["paths"].items():
        for method, operation in item.items():
            where = f"{method.upper()} {route}"
            for parameter in operation.get("parameters", []):
                found.setdefault(parameter["name"], where)
            for media in (operation.get("requestBody") or {}).get("content", {}).values():
                walk(media["schema"], "", where, frozenset())
    return found


def test_every_field_a_request_can_send_has_a_label_for_its_error_messages(client):
    # An error message names the field in words ("出生日期不是有效的日期"), never by its raw name.
    from backend.messages.catalog import registry

    spec = client.get("/api/v1/openapi.json").get_json()
    paths = _request_field_paths(spec)
    assert "applicant.id_number" in paths and "variant" in paths and "birth_date" in paths
    unlabelled = {path: where for path, where in paths.items() if f"field.{path}" not in registry()}
    assert not unlabelled, f"add labels in backend/messages/field_texts.py: {unlabelled}"
