"""The one access rule, exercised through every endpoint of an application by every kind of actor:
applicant; guardian (confirmed, pending, revoked); family; entrusted person (in scope, expired);
assistant (with a grant, without, expired, ended by the person, other region); reviewer (own region, other region);
administrator; anonymous. What one may not see answers 404, never 403. Also the endpoints of a link, a person
and a proof, and a check that no route naming something of a person is left out."""

from __future__ import annotations

import io
import re
import secrets
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
# 因公致残 allowance of 85 a month, weighed against both subsidies together (seed 004, 政策告知书 二 注).
OWNER_FIELDS = {**complete_fields(OWNER), "other_benefits": ["public_duty_disability_allowance"],
                "other_benefit_amounts": {"public_duty_disability_allowance": "85.00"},
                "de_facto_unsupported_child": False}

# endpoint -> what it needs: an access.Purpose value for an application's endpoints; for the endpoints of a link,
# a person or a proof, the right the representation rules give (confirm_link, attach_proof, revoke, view_proof,
# help_person). Path names: {id} the application, {material} one of its photos, {conversation} a conversation about
# it, {person} its applicant's account, {pending_link} guardian_pending's link, {spare_link} / {other_link} pending
# links asked for by someone outside this table, {proof_link} the guardian's link (its proof photo).
# Withdrawing comes last: the loop goes endpoint by endpoint, so everything before it meets a submitted application.
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
    ("GET", "/conversations/{conversation}"): "edit",
    ("POST", "/conversations/{conversation}/answers"): "edit",
    ("POST", "/conversations/{conversation}/photos"): "edit",
    ("POST", "/links/{pending_link}/proof"): "attach_proof",
    ("POST", "/links/{spare_link}/confirm"): "confirm_link",
    ("POST", "/representations/{other_link}/revoke"): "revoke",
    ("GET", "/representations/{proof_link}/proof"): "view_proof",
    ("POST", "/assistance/people/{person}/handover-code"): "help_person",
    ("POST", "/assistance/people/{person}/declines"): "help_person",
    ("POST", "/applications/{id}/withdraw"): "withdraw",
}
# Routes with a path parameter that are not about one person's application, and why (any other such route must
# be in ENDPOINTS: test_every_route_that_names_something_of_a_person_is_in_the_table).
NOT_SCOPED = {
    ("GET", "/policies/{}"): "a region's published policy, no login",
    ("GET", "/speech/{}.{}"): "the audio of a prompt: the signed link is the permission (tests/accessibility/speech)",
    ("POST", "/notifications/{}/read"): "the person's own notifications, by owner (test_notifications.py)",
    ("POST", "/admin/handoffs/{}/replay"): "administrators only; names a hand-off, not a person",
    ("POST", "/admin/assistants/{}/disable"): "administrators only; names a staff account, not a person's application",
}
ACTING = {"view", "reveal", "view_files", "edit", "submit", "withdraw", "view_status", "view_access_log"}
ALLOWED = {
    "applicant": ACTING | {"confirm_link", "revoke", "view_proof"},
    "guardian": ACTING | {"view_proof"},  # acts for the applicant; sees the proof it uploaded itself
    "guardian_pending": {"attach_proof"},
    "guardian_revoked": set(),
    "family": {"view", "view_status"},
    "entrusted_in_scope": {"view", "view_status"},
    "entrusted_to_edit": {"view", "view_status", "edit"},
    "entrusted_to_submit": {"view", "view_status", "edit", "submit", "withdraw"},
    "entrusted_expired": set(),
    "assistant_with_grant": {"view", "reveal", "view_files", "edit", "submit", "withdraw", "view_status",
                             "confirm_link", "help_person"},
    "assistant_without_grant": set(),
    "assistant_expired": set(),
    "assistant_revoked": set(),   # the person ended the grant
    "assistant_other_region": set(),
    "reviewer_own_region": {"view", "reveal", "view_files", "view_status", "review", "confirm_link", "view_proof"},
    "reviewer_other_region": set(),
    "administrator": set(),  # statistics, not applications: not even a proof photo (backend/applications/access.py)
}


def _link(client, application, kind, **extra):
    response = client.post("/links", json={"application_reference": application["reference"],
                                           "applicant_id_number": OWNER.id_number, "kind": kind,
                                           "requester_name": "王秀兰", **extra}).get_json()
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
    # Every field of an application filled, other benefits and their amounts too: this application's answers are
    # the first the API tests see, so they are the recorded examples of the OpenAPI document (make api-examples).
    application = flows.submitted(owner, fields=OWNER_FIELDS)
    actors: dict[str, ApiClient] = {"applicant": owner}
    for name in ("guardian", "guardian_pending", "guardian_revoked", "family", "entrusted_in_scope",
                 "entrusted_to_edit", "entrusted_to_submit", "entrusted_expired"):
        actors[name] = logged_in(app, name)
    links = {
        "guardian": _link(actors["guardian"], application, "guardian", relation="child"),
        "guardian_pending": _link(actors["guardian_pending"], application, "guardian", relation="sibling"),
        "guardian_revoked": _link(actors["guardian_revoked"], application, "guardian", relation="spouse"),
        "family": _link(actors["family"], application, "family", relation="grandchild"),
        "entrusted_in_scope": _link(actors["entrusted_in_scope"], application, "entrusted", scope=["view"],
                                    expires_on="2027-06-30"),
        "entrusted_to_edit": _link(actors["entrusted_to_edit"], application, "entrusted", scope=["view", "edit"],
                                   expires_on="2027-06-30"),
        "entrusted_to_submit": _link(actors["entrusted_to_submit"], application, "entrusted",
                                     scope=["view", "edit", "submit"], expires_on="2027-06-30"),
        "entrusted_expired": _link(actors["entrusted_expired"], application, "entrusted", scope=["view", "edit"],
                                   expires_on="2026-12-31"),
    }
    for name, link_id in links.items():
        if name != "guardian_pending":
            assert owner.post(f"/links/{link_id}/confirm").status_code == 200
    owner.post(f"/representations/{links['guardian_revoked']}/revoke")
    # Links asked for by people outside the table: one to confirm, one to revoke.
    targets = {"spare_link": _link(logged_in(app, "cousin"), application, "family", relation="other_relative"),
               "other_link": _link(logged_in(app, "nephew"), application, "family", relation="other_relative"),
               "pending_link": links["guardian_pending"], "proof_link": links["guardian"]}
    actors["assistant_with_grant"], _ = _assistant_grant(app, owner, "assistant-a", "500156")
    actors["assistant_expired"], expired_grant = _assistant_grant(app, owner, "assistant-b", "500156")
    actors["assistant_other_region"], _ = _assistant_grant(app, owner, "assistant-c", "140105")
    actors["assistant_revoked"], ended_grant = _assistant_grant(app, owner, "assistant-e", "500156")
    assert owner.post(f"/representations/{ended_grant}/revoke").status_code == 200
    actors["assistant_without_grant"] = logged_in(app, "assistant-d", "assistant", region="500156")
    with unit_of_work() as uow:
        past = uow.now - timedelta(days=1)
        uow.session.execute(update(Representation).where(Representation.id.in_(
            [expired_grant, links["entrusted_expired"]])).values(expires_at=past))
        uow.commit()
    actors["reviewer_own_region"] = login(app, "demo-reviewer")
    actors["reviewer_other_region"] = login(app, "reviewer-elsewhere")
    actors["administrator"] = login(app, "demo-admin")
    targets["id"] = application["id"]
    targets["material"] = owner.get(f"/applications/{application['id']}/materials").get_json()["materials"][0]["id"]
    started = owner.post("/conversations", json={"application_id": application["id"]})
    assert started.status_code in (200, 201), started.get_json()
    targets["conversation"] = started.get_json()["conversation"]["id"]
    targets["person"] = owner.user_id
    return application, targets, actors


def call(client: ApiClient, method: str, template: str, targets: dict[str, str]):
    path = template.format(**targets)
    multipart = {"file": (io.BytesIO(photo_bytes("x")), "x.jpg")}
    if method == "GET":
        return client.get(path)
    if method == "PATCH":
        return client.patch(path, json={"applicant": {"name": "改个名"}}, version=1)
    if method == "DELETE":
        return client.delete(path)
    if method == "PUT" or path.endswith(("/materials", "/photos", "/proof")):
        if path.endswith("/materials"):
            multipart["kind"] = "other"
        return client.client.open(f"/api/v1{path}", method=method, data=multipart, content_type="multipart/form-data",
                                  headers=client._headers({"Idempotency-Key": secrets.token_hex(8)}))
    if path.endswith("/decisions"):
        return client.post(path, json={"type": "accepted"})
    if path == "/conversations":
        return client.post(path, json={"application_id": targets["id"]})
    if path.endswith("/answers"):
        return client.post(path, json={"text": "跳过"})
    if path.endswith("/declines"):
        return client.post(path, json={"subsidies": ["living"], "reason": "暂时不需要"})
    return client.post(path, json={"all": True} if path.endswith("/prefill") else None)


def test_every_endpoint_for_every_actor(world, client):
    _, targets, actors = world
    failures = []
    for (method, template), right in ENDPOINTS.items():
        for actor_name, actor in actors.items():
            response = call(actor, method, template, targets)
            allowed = right in ALLOWED[actor_name]
            if allowed and (response.status_code in (401, 403, 404) or response.status_code >= 500):
                failures.append(f"{actor_name} {method} {template}: {response.status_code}, expected access")
            # What one may not see answers 404; a role that can never use a route is told so before anything
            # is looked up (403 wrong_role, the same for every id), which tells nothing either.
            refused_by_role = response.status_code == 403 and response.get_json().get("code") == "wrong_role"
            if not allowed and response.status_code != 404 and not refused_by_role:
                failures.append(f"{actor_name} {method} {template}: {response.status_code}, expected 404")
        response = call(client, method, template, targets)
        if response.status_code != 401:
            failures.append(f"anonymous {method} {template}: {response.status_code}, expected 401")
    assert not failures, "\n".join(failures)


def _shape(path: str) -> str:
    return re.sub(r"<[^>]+>|\{[^}]*\}", "{}", path.split("?")[0])


def test_every_route_that_names_something_of_a_person_is_in_the_table(app):
    """A new route with a path parameter (an application, a conversation, a link, a person...) fails here until it
    is added to ENDPOINTS, with what it needs, or to NOT_SCOPED with the reason."""
    covered = {(method, _shape(template)) for method, template in ENDPOINTS} | set(NOT_SCOPED)
    missing = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or not rule.arguments:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if (method, _shape(rule.rule.removeprefix("/api/v1"))) not in covered:
                missing.append(f"{method} {rule.rule}")
    assert not missing, "add to ENDPOINTS (or NOT_SCOPED, with why): " + ", ".join(missing)


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
