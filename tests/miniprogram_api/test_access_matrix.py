"""The one access rule, exercised through every endpoint of an application by every kind of actor:
applicant; guardian (confirmed, pending, revoked); family; entrusted person (in scope, expired);
assistant (with a grant, without, expired, other region); reviewer (own region, other region);
administrator; anonymous. What one may not see answers 404, never 403."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import update

from backend.representation.models import Representation
from backend.unit_of_work import unit_of_work
from tests.conftest import login
from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.api import ApiClient
from tests.support.factories import complete_fields, person
from tests.support.flows import photo_bytes

OWNER = person(region="500156", born="1955-01-20")

# endpoint -> what it needs (access.Purpose values)
ENDPOINTS = {
    ("GET", "/applications/{id}"): "view",
    ("GET", "/applications/{id}?reveal=true"): "reveal",
    ("PATCH", "/applications/{id}"): "edit",
    ("POST", "/applications/{id}/submit"): "submit",
    ("GET", "/applications/{id}/status"): "view_status",
    ("GET", "/applications/{id}/eligibility"): "view",
    ("GET", "/applications/{id}/checklist"): "view",
    ("GET", "/applications/{id}/materials"): "view",
    ("GET", "/applications/{id}/materials/{material}/file"): "view_files",  # the photos show the whole ID number
    ("GET", "/applications/{id}/materials/{material}/file?variant=thumbnail"): "view_files",
    ("POST", "/applications/{id}/materials"): "edit",
    ("PUT", "/applications/{id}/materials/{material}"): "edit",
    ("DELETE", "/applications/{id}/materials/{material}"): "edit",
    ("GET", "/applications/{id}/prefill"): "edit",
    ("POST", "/applications/{id}/prefill"): "edit",
    ("GET", "/applications/{id}/access-log"): "view_access_log",
    ("POST", "/review/applications/{id}/decisions"): "review",
    ("POST", "/conversations"): "edit",  # continuing this application by conversation
}
EVERYTHING = {"view", "reveal", "view_files", "edit", "submit", "view_status", "view_access_log"}
ALLOWED = {
    "applicant": EVERYTHING,
    "guardian": EVERYTHING,
    "guardian_pending": set(),
    "guardian_revoked": set(),
    "family": {"view", "view_status"},
    "entrusted_in_scope": {"view", "view_status"},
    "entrusted_expired": set(),
    "assistant_with_grant": {"view", "reveal", "view_files", "edit", "submit", "view_status"},
    "assistant_without_grant": set(),
    "assistant_expired": set(),
    "assistant_other_region": set(),
    "reviewer_own_region": {"view", "reveal", "view_files", "view_status", "review"},
    "reviewer_other_region": set(),
    "administrator": set(),
}


def _link(client, application, kind, **extra):
    response = client.post("/links", json={"application_reference": application["reference"],
                                           "applicant_id_number": OWNER.id_number, "kind": kind, **extra}).get_json()
    client.client.post(f"/api/v1/links/{response['id']}/proof", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(photo_bytes("proof")), "p.jpg")}, headers=client._headers(None))
    return response["id"]


def _assistant_grant(app, owner, account, region):
    assistant = logged_in(app, account, "assistant", region=region)
    code = assistant.post("/assistance/consent-codes").get_json()["code"]
    grant = owner.post("/me/assistance-consent", json={"code": code}).get_json()
    return assistant, grant["id"]


@pytest.fixture
def world(app, demo_accounts, runtime):
    owner = logged_in(app, "owner", name="业主本人")
    application = flows.submitted(owner, fields=complete_fields(OWNER))
    actors: dict[str, ApiClient] = {"applicant": owner}
    for name in ("guardian", "guardian_pending", "guardian_revoked", "family", "entrusted_in_scope",
                 "entrusted_expired"):
        actors[name] = logged_in(app, name)
    links = {
        "guardian": _link(actors["guardian"], application, "guardian", relation="child"),
        "guardian_pending": _link(actors["guardian_pending"], application, "guardian", relation="sibling"),
        "guardian_revoked": _link(actors["guardian_revoked"], application, "guardian", relation="spouse"),
        "family": _link(actors["family"], application, "family", relation="grandchild"),
        "entrusted_in_scope": _link(actors["entrusted_in_scope"], application, "entrusted", scope=["view"],
                                    expires_on="2027-06-30"),
        "entrusted_expired": _link(actors["entrusted_expired"], application, "entrusted", scope=["view", "edit"],
                                   expires_on="2026-12-31"),
    }
    for name, link_id in links.items():
        if name != "guardian_pending":
            assert owner.post(f"/links/{link_id}/confirm").status_code == 200
    owner.post(f"/representations/{links['guardian_revoked']}/revoke")
    actors["assistant_with_grant"], _ = _assistant_grant(app, owner, "assistant-a", "500156")
    actors["assistant_expired"], expired_grant = _assistant_grant(app, owner, "assistant-b", "500156")
    actors["assistant_other_region"], _ = _assistant_grant(app, owner, "assistant-c", "140105")
    actors["assistant_without_grant"] = logged_in(app, "assistant-d", "assistant", region="500156")
    with unit_of_work() as uow:
        past = uow.now - timedelta(days=1)
        uow.session.execute(update(Representation).where(Representation.id.in_(
            [expired_grant, links["entrusted_expired"]])).values(expires_at=past))
        uow.commit()
    actors["reviewer_own_region"] = login(app, "demo-reviewer")
    actors["reviewer_other_region"] = login(app, "reviewer-elsewhere")
    actors["administrator"] = login(app, "demo-admin")
    material = owner.get(f"/applications/{application['id']}/materials").get_json()["materials"][0]["id"]
    return application, material, actors


def call(client: ApiClient, method: str, template: str, application_id: str, material_id: str):
    path = template.format(id=application_id, material=material_id)
    if method == "GET":
        return client.get(path)
    if method == "PATCH":
        return client.patch(path, json={"applicant": {"name": "改个名"}}, version=1)
    if method == "DELETE":
        return client.delete(path)
    if method == "PUT" or path.endswith("/materials"):
        data = {"file": (io.BytesIO(photo_bytes("x")), "x.jpg")}
        if method == "POST":
            data["kind"] = "other"
        return client.client.open(f"/api/v1{path}", method=method, data=data, content_type="multipart/form-data",
                                  headers=client._headers(None))
    if path.endswith("/decisions"):
        return client.post(path, json={"type": "accepted"})
    if path == "/conversations":
        return client.post(path, json={"application_id": application_id})
    return client.post(path, json={"all": True} if path.endswith("/prefill") else None)


def test_every_endpoint_for_every_actor(world, client):
    application, material, actors = world
    failures = []
    for actor_name, actor in actors.items():
        for (method, template), purpose in ENDPOINTS.items():
            response = call(actor, method, template, application["id"], material)
            allowed = purpose in ALLOWED[actor_name]
            if allowed and response.status_code in (401, 403, 404):
                failures.append(f"{actor_name} {method} {template}: {response.status_code}, expected access")
            if not allowed and response.status_code != 404:
                failures.append(f"{actor_name} {method} {template}: {response.status_code}, expected 404")
    for (method, template) in ENDPOINTS:
        response = call(client, method, template, application["id"], material)
        if response.status_code != 401:
            failures.append(f"anonymous {method} {template}: {response.status_code}, expected 401")
    assert not failures, "\n".join(failures)


def test_nobody_without_access_learns_that_the_application_exists(world):
    application, _, actors = world
    outsider = actors["assistant_without_grant"]
    real = outsider.get(f"/applications/{application['id']}").get_json()
    made_up = outsider.get("/applications/0123456789abcdef0123456789abcdef").get_json()
    assert real == {**made_up, "instance": real["instance"]}


def test_lists_show_only_what_each_may_see(world):
    application, _, actors = world
    for name, actor in actors.items():
        if name == "reviewer_own_region":
            continue
        listed = [item["id"] for item in actor.get("/applications").get_json()["applications"]]
        expected = "view" in ALLOWED[name]
        assert (application["id"] in listed) is expected, name
