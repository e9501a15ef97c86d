"""Hand-off to an external review system over HTTP, against a real receiving server on loopback: the
receiver refuses connections, answers 500, or hangs, for a while, then recovers; every application arrives
exactly once, in order, with its materials intact; a dispatcher that dies between commit and send loses
nothing; dead hand-offs are parked, visible and replayable."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import timedelta

import pytest

from backend.review.handoff import CLAIM_SECONDS, _claim_next, dispatch_handoffs
from backend.review.http_system import HttpReviewSystem
from fake_review_system.server import running_review_system
from tests.conftest import TEST_REVIEW_SECRET, login
from tests.support import flows


@pytest.fixture
def receiver(runtime):
    with running_review_system(TEST_REVIEW_SECRET) as system:
        runtime.review_system = HttpReviewSystem(system.url, TEST_REVIEW_SECRET.encode(), timeout=0.5)
        yield system


def later(clock, app, minutes: int = 90):
    """Time passes (retries fall due); a fresh login, since tokens are short-lived."""
    clock.advance(minutes=minutes)
    return login(app, "demo-applicant")


def test_a_submitted_application_reaches_the_review_system_once_with_its_materials(as_applicant, receiver):
    application = flows.submitted(as_applicant)
    assert receiver.state.references == [application["reference"]]
    received = receiver.state.received[0]
    assert received.idempotency_key == f"{application['reference']}:1"
    packet = received.packet
    assert packet["schema_version"] == "2.0" and packet["version"] == 1
    assert packet["office"] == {"region_code": "500156", "region_name": "重庆市武隆区", "why": "hukou_county",
                                "hukou_region_as_given": "500156"}
    assert packet["cross_province"] is False
    assert len(packet["materials"]) == 4 and receiver.state.hash_failures == 0
    for material in packet["materials"]:
        assert hashlib.sha256(base64.b64decode(material["content_base64"])).hexdigest() == material["sha256"]
    assert application["id"] not in json.dumps(packet)  # no internal ids
    status = as_applicant.get(f"/applications/{application['id']}/status").get_json()
    assert status["stage"] == "handed_off" and status["stage_label"]["text"] == "已送达审核"


@pytest.mark.parametrize("fault", ["refused", "http_500", "hang"])
def test_after_a_fault_every_application_arrives_exactly_once_and_in_order(app, as_applicant, receiver, clock,
                                                                           fault):
    if fault == "refused":
        receiver.stop()
    else:
        receiver.state.fail_next(4, mode=fault, seconds=1.0)
    submitted = [flows.submitted(as_applicant)["reference"] for _ in range(3)]
    if fault == "refused":
        assert receiver.state.received == []
        receiver.start()
    for _ in range(8):  # the periodic sweep, as time passes
        as_applicant = later(clock, app)
        dispatch_handoffs()
    assert receiver.state.references == submitted  # once each, in the order submitted
    for reference in submitted:
        assert receiver.state.references.count(reference) == 1
    assert receiver.state.hash_failures == 0


def test_a_dispatcher_killed_between_commit_and_send_delivers_after_restart(app, as_applicant, receiver, runtime,
                                                                           clock):
    jobs, runtime.jobs = runtime.jobs, None  # the process dies right after the commit: nothing is sent
    first = flows.submitted(as_applicant)
    assert receiver.state.received == []
    claimed = _claim_next()  # a worker claims the hand-off and dies before sending
    assert claimed is not None
    runtime.jobs = jobs
    assert dispatch_handoffs() == 0  # still leased to the dead worker
    clock.advance(seconds=CLAIM_SECONDS + 1)
    assert dispatch_handoffs() == 1  # the restarted worker (or the sweep) delivers it
    assert receiver.state.references == [first["reference"]]


def test_a_hand_off_that_keeps_failing_is_parked_visible_and_replayable(app, as_applicant, receiver, runtime, clock):
    runtime.settings.review_handoff_max_attempts = 3
    receiver.state.fail_next(100, mode="http_500")
    application = flows.submitted(as_applicant)
    for _ in range(4):
        later(clock, app)
        dispatch_handoffs()
    admin = login(app, "demo-admin")
    dead = admin.get("/admin/handoffs?status=dead").get_json()["handoffs"]
    assert [item["reference"] for item in dead] == [application["reference"]]
    assert dead[0]["attempts"] == 3 and "500" in dead[0]["last_error"]
    receiver.state._faults.clear()
    assert admin.post(f"/admin/handoffs/{dead[0]['id']}/replay").status_code == 200
    assert receiver.state.references == [application["reference"]]
    assert admin.get("/admin/handoffs?status=dead").get_json()["handoffs"] == []


def test_a_malformed_hand_off_is_parked_at_once_not_retried_forever(app, as_applicant, receiver, clock):
    receiver.state.fail_next(1, mode="http_400")
    flows.submitted(as_applicant)
    admin = login(app, "demo-admin")
    assert len(admin.get("/admin/handoffs?status=dead").get_json()["handoffs"]) == 1


def test_a_resubmission_after_a_correction_is_a_new_version(app, as_applicant, receiver, runtime, clock):
    from backend.review.signing import sign
    from backend.review.system import BuiltInDesk

    application = flows.submitted(as_applicant)
    # The external review system asks for a correction, as it would: a signed event posted back.
    correction = json.dumps({"event_id": "ext-1", "type": "correction_requested", "reason": "看不清",
                             "items": ["disability_certificate"], "application_reference": application["reference"],
                             "occurred_at": clock().isoformat()}).encode()
    decided = app.test_client().post("/api/v1/review/events", data=correction, headers={
        "Content-Type": "application/json", **sign(TEST_REVIEW_SECRET.encode(), correction, int(clock().timestamp()))})
    assert decided.status_code == 200, decided.get_json()
    material = [m for m in as_applicant.get(f"/applications/{application['id']}/materials").get_json()["materials"]
                if m["kind"] == "disability_certificate"][0]
    import io
    as_applicant.client.put(f"/api/v1/applications/{application['id']}/materials/{material['id']}",
                            data={"file": (io.BytesIO(flows.photo_bytes("clear")), "c.jpg")},
                            content_type="multipart/form-data", headers=as_applicant._headers(None))
    as_applicant.post(f"/applications/{application['id']}/submit")
    assert [item.idempotency_key for item in receiver.state.received] == [
        f"{application['reference']}:1", f"{application['reference']}:2"]
    assert isinstance(runtime.review_system, HttpReviewSystem) and not isinstance(runtime.review_system, BuiltInDesk)


def test_a_cross_province_application_says_so_and_goes_to_the_hukou_county(as_applicant, receiver):
    flows.submitted(as_applicant, applied_from_region="110105")  # applying from Beijing, hukou in Chongqing
    packet = receiver.state.received[0].packet
    assert packet["cross_province"] is True and packet["office_region"] == "500156"
    assert packet["applied_from_region"] == "110105"


def test_the_story_of_issue_7(app, client, demo_accounts, fake_wechat, settings, receiver, clock):
    """With the HTTP hand-off configured against a receiver that fails its first attempts, a submitted
    application reaches it once, the applicant sees "已送达审核" and later every decision the receiver posts
    back, with a WeChat message recorded by the fake server for each, and the monthly statistics count it."""
    from fake_review_system.server import sign as receiver_sign
    from tests.support.api import ApiClient

    settings.wechat_subscribe_templates = {"status_update": "tmpl-status"}
    fake_wechat.add_template("tmpl-status", ["character_string1", "thing2", "thing3", "time4"], long_term=True)
    settings.wechat_long_term_templates = ["status_update"]
    fake_wechat.accept_subscription("openid-story", "tmpl-status", times=20)
    token = client.post("/auth/wechat-login", json={"code": fake_wechat.login("openid-story")}).get_json()
    person = ApiClient(client.client, token["access_token"])
    person.post("/me/subscriptions", json={"accepted": ["tmpl-status"]})

    receiver.state.fail_next(2, mode="http_500")
    application = flows.submitted(person)
    assert application["stage"] == "submitted"
    for _ in range(3):
        clock.advance(minutes=30)
        dispatch_handoffs()
    assert receiver.state.references == [application["reference"]]
    person = ApiClient(client.client, client.post("/auth/wechat-login", json={
        "code": fake_wechat.login("openid-story")}).get_json()["access_token"])
    status = person.get(f"/applications/{application['id']}/status").get_json()
    assert status["stage_label"]["text"] == "已送达审核"

    decisions = [{"type": "accepted"}, {"type": "township_review_passed"}, {"type": "federation_review_passed"},
                 {"type": "approved", "monthly_amounts": {"living": "80.00", "nursing": "90.00"},
                  "start_month": clock.current.strftime("%Y-%m")}]
    for number, decision in enumerate(decisions):
        event = {"event_id": f"evt-{number}", "application_reference": application["reference"],
                 "occurred_at": clock.current.isoformat(), **decision}
        body = json.dumps(event).encode()
        response = client.client.post("/api/v1/review/events", data=body, headers={
            "Content-Type": "application/json", **receiver_sign(TEST_REVIEW_SECRET.encode(), body,
                                                                int(clock.current.timestamp()))})
        assert response.status_code == 200, response.get_json()
        clock.advance(minutes=2)
    person = ApiClient(client.client, client.post("/auth/wechat-login", json={
        "code": fake_wechat.login("openid-story")}).get_json()["access_token"])
    timeline = [entry["event"] for entry in person.get(f"/applications/{application['id']}/status").get_json()[
        "timeline"]]
    assert timeline[-4:] == ["accepted", "township_review_passed", "federation_review_passed", "approved"]
    stages = [message.data["thing2"]["value"] for message in fake_wechat.subscribe_messages]
    assert stages == ["已送达审核", "已受理", "乡镇初审通过", "残联审核通过", "审定通过"]
    admin = login(app, "demo-admin")
    figures = admin.get(f"/admin/statistics?month={clock.current.strftime('%Y-%m')}").get_json()
    assert figures["totals"]["received"] == 1 and figures["totals"]["received_miniprogram"] == 1
    assert figures["totals"]["handed_off"] == 1 and figures["totals"]["decided_in_time"] == 1
    assert figures["by_region"][0]["region_code"] == "500156"


def test_the_packet_follows_its_published_json_schema(as_applicant, receiver):
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[2] / "docs" / "handoff-packet.schema.json").read_text())
    flows.submitted(as_applicant)
    jsonschema.validate(receiver.state.received[0].packet, schema, format_checker=jsonschema.FormatChecker())


def test_the_packet_carries_what_another_benefit_pays_as_an_optional_addition_within_schema_1_0(
        as_applicant, receiver):
    from pathlib import Path

    import jsonschema

    from tests.support.factories import complete_fields

    schema = json.loads((Path(__file__).resolve().parents[2] / "docs" / "handoff-packet.schema.json").read_text())
    flows.submitted(as_applicant, fields={
        **complete_fields(grade=1), "other_benefits": ["public_duty_disability_allowance"],
        "other_benefit_amounts": {"public_duty_disability_allowance": "85"}})
    packet = receiver.state.received[0].packet
    jsonschema.validate(packet, schema, format_checker=jsonschema.FormatChecker())
    assert packet["other_benefit_amounts"] == {"public_duty_disability_allowance": "85.00"}
    assert packet["de_facto_unsupported_child"] is None
    assert "other_benefit_amounts" not in schema["required"]


class UnreadableFor:
    """The storage, except that the files of some applications cannot be read (a disk or bucket fault)."""

    def __init__(self, storage, runtime) -> None:
        self.storage, self.runtime, self.broken_keys = storage, runtime, set()

    def __getattr__(self, name):
        return getattr(self.storage, name)

    def break_files_of(self, application_id: str) -> None:
        from sqlalchemy import select

        from backend.materials.models import Material
        with self.runtime.database.sessions() as session:
            self.broken_keys |= set(session.scalars(select(Material.storage_key).where(
                Material.application_id == application_id)))

    def get(self, key: str) -> bytes:
        if key in self.broken_keys:
            raise OSError("storage read failed")
        return self.storage.get(key)


@pytest.fixture
def unreadable(runtime):
    runtime.storage = UnreadableFor(runtime.storage, runtime)
    return runtime.storage


def test_a_packet_that_cannot_be_built_counts_as_a_failed_attempt_and_never_blocks_the_others(
        app, as_applicant, receiver, runtime, clock, unreadable):
    runtime.settings.review_handoff_max_attempts = 3
    broken = flows.ready_to_submit(as_applicant)
    unreadable.break_files_of(broken["id"])
    assert as_applicant.post(f"/applications/{broken['id']}/submit").status_code == 200

    admin = login(app, "demo-admin")
    waiting = admin.get("/admin/handoffs?status=waiting").get_json()["handoffs"]
    assert [(item["reference"], item["attempts"]) for item in waiting] == [(broken["reference"], 1)]
    assert waiting[0]["last_error"].startswith("packet not built: OSError")

    behind = flows.submitted(as_applicant)  # submitted later: handed off while the broken one waits
    assert receiver.state.references == [behind["reference"]]

    for _ in range(4):  # the periodic sweep, as time passes: it backs off, then goes dead
        as_applicant = later(clock, app)
        dispatch_handoffs()
    admin = login(app, "demo-admin")
    dead = admin.get("/admin/handoffs?status=dead").get_json()["handoffs"]
    assert [(item["reference"], item["attempts"]) for item in dead] == [(broken["reference"], 3)]
    assert admin.get("/admin/handoffs?status=waiting").get_json()["handoffs"] == []

    unreadable.broken_keys.clear()  # the file is back: the administrator replays it
    assert admin.post(f"/admin/handoffs/{dead[0]['id']}/replay").status_code == 200
    assert receiver.state.references == [behind["reference"], broken["reference"]]


def test_a_build_failure_backs_off_before_it_is_tried_again(app, as_applicant, receiver, runtime, clock,
                                                            unreadable):
    broken = flows.ready_to_submit(as_applicant)
    unreadable.break_files_of(broken["id"])
    as_applicant.post(f"/applications/{broken['id']}/submit")

    dispatch_handoffs()  # at once: still waiting for its retry, not tried again

    admin = login(app, "demo-admin")
    waiting = admin.get("/admin/handoffs?status=waiting").get_json()["handoffs"]
    assert waiting[0]["attempts"] == 1 and waiting[0]["next_attempt_at"] > waiting[0]["created_at"]


def test_with_an_external_review_system_the_built_in_desk_records_no_decision(app, as_applicant, receiver):
    # Two review systems must never decide one application (and the desk could approve one never delivered).
    application = flows.submitted(as_applicant)
    reviewer = login(app, "demo-reviewer")
    refused = reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    assert refused.status_code == 409 and refused.get_json()["code"] == "review_desk_not_in_use"
    status = as_applicant.get(f"/applications/{application['id']}/status").get_json()
    assert status["stage"] == "handed_off"


def test_an_application_withdrawn_before_delivery_is_never_delivered_nor_replayed(app, as_applicant, receiver,
                                                                                   runtime, clock):
    # The packet carries whole ID numbers and photos: what the person took back must not reach the office.
    runtime.settings.review_handoff_max_attempts = 2
    receiver.state.fail_next(100, mode="http_500")
    dead_one = flows.submitted(as_applicant)
    for _ in range(3):
        later(clock, app)
        dispatch_handoffs()
    waiting_one = flows.submitted(later(clock, app, minutes=1))      # still retrying when withdrawn
    as_applicant = later(clock, app, minutes=1)
    for application in (dead_one, waiting_one):
        assert as_applicant.post(f"/applications/{application['id']}/withdraw").status_code == 200
    receiver.state._faults.clear()
    for _ in range(3):
        later(clock, app)
        dispatch_handoffs()
    assert receiver.state.received == []
    admin = login(app, "demo-admin")
    assert admin.get("/admin/handoffs?status=dead").get_json()["handoffs"] == []   # nothing for anyone to do
    assert admin.get("/admin/handoffs?status=waiting").get_json()["handoffs"] == []
    from backend.review.handoff import handoff_queue
    from backend.review.models import OutboxMessage
    with runtime.database.sessions() as session:
        parked = session.query(OutboxMessage).all()
    assert {message.last_error for message in parked} == {"withdrawn before delivery"}
    replay = admin.post(f"/admin/handoffs/{parked[0].id}/replay")
    assert replay.status_code == 409 and replay.get_json()["code"] == "handoff_withdrawn"
    assert receiver.state.received == [] and handoff_queue("delivered") == []
    timeline = later(clock, app, minutes=1).get(f"/applications/{dead_one['id']}/status").get_json()["timeline"]
    assert "handed_off" not in [entry["event"] for entry in timeline]


def test_a_county_administrator_sees_and_replays_only_their_own_countys_parked_hand_offs(app, as_applicant, receiver,
                                                                                        clock, demo_accounts):
    from tests.support.accounts import logged_in
    receiver.state.fail_next(1, mode="http_400")          # parked at once
    application = flows.submitted(as_applicant)            # Wulong (500156)
    receiver.state._faults.clear()
    elsewhere = logged_in(app, "xiaodian-admin", "admin", region="140105")
    assert elsewhere.get("/admin/handoffs?status=dead").get_json()["handoffs"] == []
    parked = login(app, "demo-admin").get("/admin/handoffs?status=dead").get_json()["handoffs"]
    refused = elsewhere.post(f"/admin/handoffs/{parked[0]['id']}/replay")
    assert refused.status_code == 404
    own = logged_in(app, "wulong-admin", "admin", region="500156")
    assert [item["reference"] for item in own.get("/admin/handoffs?status=dead").get_json()["handoffs"]] == \
        [application["reference"]]
    assert own.post(f"/admin/handoffs/{parked[0]['id']}/replay").status_code == 200
    assert receiver.state.references == [application["reference"]]
