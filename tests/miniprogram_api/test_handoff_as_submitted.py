"""What the review office receives is what was submitted, no more: the packet is built from the frozen submission
(a draft changed afterwards, a guardian linked later, never reach the office as if submitted), our eligibility
answer travels as facts without our sentences for the applicant, and a hand-off parked as dead is told to whoever
watches (an error in the log, a figure in the administrators' statistics). Against the fake review system on
loopback, its events posted back over HTTP to our API on a real port."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import jsonschema
import pytest

from backend.review.handoff import dispatch_handoffs
from tests.conftest import login
from tests.miniprogram_api.test_handoff import later, receiver  # noqa: F401 (a fixture)
from tests.miniprogram_api.test_review_system_round_trip import office  # noqa: F401 (a fixture)
from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "handoff-packet.schema.json").read_text())
WHO = person(born="1958-03-14", region="500156")


def _draft_changed_after_submitting(app, as_applicant, office, application: dict) -> None:
    """The office asks for a correction (of the hukou and the certificate); the applicant, while at it, asks for one
    subsidy instead of two and says someone else applies; and a son is linked as guardian, with his proof."""
    asked = office.decides(application["reference"], "correction_requested", reason="户口所在地请核实",
                           items=["applicant.hukou_region", "disability_certificate"])
    assert asked.status_code == 200, asked.json()
    draft = as_applicant.get(f"/applications/{application['id']}").get_json()
    changed = as_applicant.patch(f"/applications/{application['id']}", version=draft["version"], json={
        "subsidies": ["nursing"], "applying_as": "entrusted", "applicant": {"hukou_region": "500101"}})
    assert changed.status_code == 200, changed.get_json()
    son = logged_in(app, "son-of-who", name="张小军")
    flows.confirmed_link(as_applicant, son, application, WHO.id_number, "guardian", "张小军", relation="child")


def test_a_dead_hand_off_replayed_after_the_draft_changed_sends_exactly_the_packet_of_the_submission(
        app, as_applicant, office, clock):
    office.system.state.fail_next(1, mode="http_400")  # turned away (a fault on the office's side): parked as dead
    application = flows.submitted(as_applicant, fields=complete_fields(WHO))
    as_submitted = office.system.state.turned_away[0].packet
    assert as_submitted["subsidies"] == ["living", "nursing"] and as_submitted["applying_as"] == "self"

    _draft_changed_after_submitting(app, as_applicant, office, application)
    admin = login(app, "demo-admin")
    dead = admin.get("/admin/handoffs?status=dead").get_json()["handoffs"]
    assert admin.post(f"/admin/handoffs/{dead[0]['id']}/replay").status_code == 200

    replayed = office.system.state.received[0].packet
    assert replayed == as_submitted  # every field, the photos' bytes included
    assert replayed["office_region"] == "500156" and replayed["proofs"] == []


def test_a_hand_off_that_waited_out_an_outage_carries_what_was_submitted_not_the_draft_since(
        app, as_applicant, office, clock):
    office.system.stop()  # the review system is down: the hand-off waits (not counted, never parked)
    application = flows.submitted(as_applicant, fields=complete_fields(WHO))
    son = logged_in(app, "son-of-who", name="张小军")
    flows.confirmed_link(as_applicant, son, application, WHO.id_number, "guardian", "张小军", relation="child")
    office.system.start()
    later(clock, app, minutes=10)
    dispatch_handoffs()
    packet = office.system.state.received[0].packet
    assert packet["proofs"] == []  # the guardian was linked after submitting: not part of this submission
    assert packet["subsidies"] == ["living", "nursing"] and packet["channel"] == "miniprogram"


def test_a_resubmission_carries_its_own_facts_and_the_first_version_keeps_its_own(app, as_applicant, office, clock):
    application = flows.submitted(as_applicant, fields=complete_fields(WHO))
    asked = office.decides(application["reference"], "correction_requested", reason="只申请护理补贴？",
                           items=["applicant.hukou_region"])
    assert asked.status_code == 200, asked.json()
    draft = as_applicant.get(f"/applications/{application['id']}").get_json()
    assert as_applicant.patch(f"/applications/{application['id']}", version=draft["version"], json={
        "subsidies": ["nursing"], "applicant": {"hukou_region": "500101"}}).status_code == 200
    resubmitted = as_applicant.post(f"/applications/{application['id']}/submit")
    assert resubmitted.status_code == 200, resubmitted.get_json()
    first, second = (item.packet for item in office.system.state.received)
    assert (first["version"], first["subsidies"], first["office_region"]) == (1, ["living", "nursing"], "500156")
    assert (second["version"], second["subsidies"], second["office_region"]) == (2, ["nursing"], "500101")
    assert second["first_submitted_at"] == first["submitted_at"]  # payment counts from the first (seed 001 item 9)
    assert list(second["eligibility"]["subsidies"]) == ["living", "nursing"]
    assert second["eligibility"]["subsidies"]["living"]["requested"] is False


WORDS_FOR_THE_APPLICANT = {"text", "easy_read", "audio_url", "outcome_label", "would_change", "contacts", "phone",
                           "office"}


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


def test_the_office_gets_the_facts_of_our_eligibility_answer_not_our_sentences_for_the_applicant(
        as_applicant, receiver):
    flows.submitted(as_applicant, fields=complete_fields(WHO))  # 肢体二级, 低保, in 武隆区
    eligibility = receiver.state.received[0].packet["eligibility"]
    assert not _keys(eligibility) & WORDS_FOR_THE_APPLICANT
    # The offices' phone numbers (武隆区民政局, 残联) are for the applicant to call, not for the office itself.
    assert "77724047" not in json.dumps(eligibility) and "77734595" not in json.dumps(eligibility)
    nursing = eligibility["subsidies"]["nursing"]
    assert (nursing["outcome"], nursing["requested"], nursing["monthly_amount"], nursing["starts"], nursing["paid_to"]) \
        == ("eligible", True, "80.00", "2026-11", "applicant")
    assert nursing["source"].startswith("seed 004")
    grade = next(reason for reason in nursing["reasons"] if reason["code"] == "grade_qualifies")
    assert grade == {"code": "grade_qualifies", "effect": "qualifies", "rule": "nursing.grades",
                     "source": grade["source"]} and "seed 004" in grade["source"]
    assert eligibility["region"] == {"code": "500156", "known": True, "policy_levels": ["000000", "500156"]}


def test_the_published_schema_refuses_an_eligibility_that_carries_sentences_for_the_applicant(as_applicant, receiver):
    flows.submitted(as_applicant, fields=complete_fields(WHO))
    packet = receiver.state.received[0].packet
    assert packet["schema_version"] == "2.0"
    jsonschema.validate(packet, SCHEMA, format_checker=jsonschema.FormatChecker())
    packet["eligibility"]["subsidies"]["nursing"]["outcome_label"] = {"text": "符合条件，可以申请"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(packet, SCHEMA)


def test_a_hand_off_parked_as_dead_is_logged_as_an_error_and_counted_for_the_administrators(
        app, as_applicant, receiver, runtime, clock, caplog):
    runtime.settings.review_handoff_max_attempts = 2
    receiver.state.fail_next(100, mode="http_500")
    with caplog.at_level(logging.WARNING, logger="backend.review.handoff"):
        application = flows.submitted(as_applicant, fields=complete_fields(WHO))
        for _ in range(3):
            later(clock, app)
            dispatch_handoffs()
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1 and "parked as dead" in errors[0].getMessage()
    assert application["reference"] in errors[0].getMessage() and "HTTP 500" in errors[0].getMessage()
    assert WHO.name not in errors[0].getMessage() and WHO.id_number not in errors[0].getMessage()

    admin = login(app, "demo-admin")
    figures = admin.get("/admin/statistics?month=2026-11").get_json()
    assert figures["attention"] == {"handoffs_dead": 1}
    dead = admin.get("/admin/handoffs?status=dead").get_json()["handoffs"]
    receiver.state._faults.clear()
    assert admin.post(f"/admin/handoffs/{dead[0]['id']}/replay").status_code == 200
    assert admin.get("/admin/statistics?month=2026-11").get_json()["attention"] == {"handoffs_dead": 0}


def test_a_hand_off_stopped_by_a_withdrawal_needs_no_one_and_is_not_counted(app, as_applicant, receiver, clock):
    receiver.stop()
    application = flows.submitted(as_applicant, fields=complete_fields(WHO))
    assert as_applicant.post(f"/applications/{application['id']}/withdraw").status_code == 200
    admin = login(app, "demo-admin")
    assert admin.get("/admin/statistics?month=2026-11").get_json()["attention"] == {"handoffs_dead": 0}
