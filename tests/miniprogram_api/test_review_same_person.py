"""Two applications claiming one person: anyone may apply "for self" under any ID number and any name, and the
desk shows both with the same masked number. The reviewer is told (flag `same_person_elsewhere`, with the other
application's reference); the submitter never is (seed 004, 政策告知书 一: the subsidies go to the holder of the
certificate, once, and the reviewer checks which claim is the holder's)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import login
from tests.support import flows
from tests.support.factories import complete_fields, person

HOLDER = person(region="500156", born="1949-08-30", sex="female", name="张秀英")


def _claimed_by_another(name: str = "李桂兰") -> dict:
    """The holder's fields, ID and certificate number included, under another name."""
    fields = complete_fields(HOLDER)
    fields["applicant"] = {**fields["applicant"], "name": name}
    return fields


def _desk(as_reviewer) -> dict[str, dict]:
    listed = as_reviewer.get("/review/applications")
    assert listed.status_code == 200, listed.get_json()
    return {item["reference"]: item for item in listed.get_json()["applications"]}


def _flags(item: dict) -> list[dict]:
    return [flag for flag in item["review_flags"] if flag["code"] == "same_person_elsewhere"]


@pytest.fixture
def two_claims(as_applicant, as_other_applicant):
    own = flows.submitted(as_applicant, fields=complete_fields(HOLDER))
    other = flows.submitted(as_other_applicant, fields=_claimed_by_another())
    return own, other


def test_an_application_under_an_id_number_another_account_applied_with_is_flagged_with_the_others_reference(
        as_reviewer, two_claims):
    own, other = two_claims
    desk = _desk(as_reviewer)
    assert desk[own["reference"]]["applicant"]["id_number"] == desk[other["reference"]]["applicant"]["id_number"]
    [on_own] = _flags(desk[own["reference"]])
    [on_other] = _flags(desk[other["reference"]])
    assert (on_own["reference"], on_other["reference"]) == (other["reference"], own["reference"])
    assert on_own["matched"] == ["id_number", "certificate_number"]
    assert on_own["same_account"] is False
    assert on_own["stage"] == "handed_off" and on_own["office_region"] == "500156"
    assert other["reference"] in on_own["text"] and "身份证号码" in on_own["text"]
    assert other["reference"] in on_own["easy_read"]


def test_the_flag_is_worded_in_the_reviewers_language(app, two_claims):
    own, other = two_claims
    [flag] = _flags(_desk(login(app, "demo-reviewer", "en"))[own["reference"]])
    assert other["reference"] in flag["text"] and "ID card number" in flag["text"]
    assert not any("\u4e00" <= character <= "\u9fff" for character in flag["text"])


def test_the_applicant_is_never_told_that_the_number_is_used_elsewhere(as_applicant, as_other_applicant, two_claims):
    own, other = two_claims
    for client, mine, theirs in ((as_applicant, own, other), (as_other_applicant, other, own)):
        for path in (f"/applications/{mine['id']}", "/applications", f"/applications/{mine['id']}/status",
                     "/notifications", "/review/applications"):
            said = json.dumps(client.get(path).get_json(), ensure_ascii=False)
            assert "same_person_elsewhere" not in said and theirs["reference"] not in said, path


def test_the_same_account_applying_twice_is_flagged_too(as_applicant, as_reviewer):
    first = flows.submitted(as_applicant, fields=complete_fields(HOLDER))
    second = flows.submitted(as_applicant, fields=complete_fields(HOLDER))
    [flag] = _flags(_desk(as_reviewer)[second["reference"]])
    assert flag["reference"] == first["reference"] and flag["same_account"] is True


def test_a_withdrawn_application_or_a_draft_under_the_same_number_raises_no_flag(
        as_applicant, as_other_applicant, as_reviewer):
    withdrawn = flows.submitted(as_applicant, fields=complete_fields(HOLDER))
    assert as_applicant.post(f"/applications/{withdrawn['id']}/withdraw").status_code == 200
    flows.ready_to_submit(as_other_applicant, fields=_claimed_by_another())  # a draft: nobody's claim yet
    live = flows.submitted(as_applicant, fields=complete_fields(HOLDER))
    assert _flags(_desk(as_reviewer)[live["reference"]]) == []


def test_a_rejected_application_no_longer_claims_the_person(as_applicant, as_other_applicant, as_reviewer):
    rejected = flows.submitted(as_other_applicant, fields=_claimed_by_another())
    refused = as_reviewer.post(f"/review/applications/{rejected['id']}/decisions",
                               json={"type": "rejected", "reason": "身份证号码不是申请人本人的"})
    assert refused.status_code == 200, refused.get_json()
    own = flows.submitted(as_applicant, fields=complete_fields(HOLDER))
    assert _flags(_desk(as_reviewer)[own["reference"]]) == []


def test_applications_of_different_people_carry_no_such_flag(as_applicant, as_other_applicant, as_reviewer):
    flows.submitted(as_applicant, fields=complete_fields(HOLDER))
    other = flows.submitted(as_other_applicant, fields=complete_fields(person(region="500156", born="1952-02-02")))
    assert _flags(_desk(as_reviewer)[other["reference"]]) == []
