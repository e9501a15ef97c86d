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


def test_every_operation_documents_its_answer_with_a_schema_and_an_example_and_its_errors_as_problems(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for route, item in spec["paths"].items():
        for method, operation in item.items():
            name = f"{method.upper()} {route}"
            responses = operation["responses"]
            successes = {status: response for status, response in responses.items() if status.startswith("2")}
            assert successes, f"{name} declares no success response"
            documented = [media for status, response in successes.items() if status != "204"
                          for media in response.get("content", {}).values()
                          if media.get("schema") and (media.get("example") is not None or media.get("examples"))]
            assert documented or set(successes) == {"204"}, f"{name}: no success response with schema and example"
            for status, response in responses.items():
                if status.isdigit() and int(status) >= 400:
                    assert set(response.get("content", {})) == {"application/problem+json"}, (
                        f"{name} {status} is not declared as application/problem+json")
                    assert response["content"]["application/problem+json"]["schema"] == {
                        "$ref": "#/components/schemas/Problem"}


def test_the_recorded_examples_fit_the_response_models_they_illustrate(client):
    # The examples come from real answers (tests/conftest.py records them); where a route names a model,
    # the example must still fit it, so a changed model shows up as a stale example: every field the model
    # has, optional ones too (a field added later is otherwise never shown).
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    for route, item in spec["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                media = response.get("content", {}).get("application/json", {})
                reference = media.get("schema", {}).get("$ref")
                if not status.startswith("2") or not reference or "example" not in media:
                    continue
                fields = schemas[reference.rsplit("/", 1)[-1]].get("properties", {})
                missing = [name for name in fields if name not in media["example"]]
                assert not missing, f"{method.upper()} {route} {status}: example lacks {missing}"
