"""A draft withdrawn before it was ever submitted never reached the office: the county's reviewer may not read it,
list it, see its photos or confirm links with it, as they may not while it was a draft (backend/applications/access.py:
a reviewer of the application's county, once it is submitted)."""

from __future__ import annotations

import pytest

from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person

WULONG = person(region="500156", born="1955-01-20")


@pytest.fixture
def withdrawn_draft(app, demo_accounts):
    owner = logged_in(app, "owner-who-changed-her-mind")
    draft = flows.ready_to_submit(owner, fields=complete_fields(WULONG))
    assert owner.post(f"/applications/{draft['id']}/withdraw").get_json()["stage"] == "withdrawn"
    return owner, draft


def test_the_countys_reviewer_cannot_read_a_draft_withdrawn_before_submitting(withdrawn_draft, as_reviewer):
    _, draft = withdrawn_draft
    for path in (f"/applications/{draft['id']}", f"/applications/{draft['id']}?reveal=true",
                 f"/applications/{draft['id']}/status", f"/applications/{draft['id']}/materials"):
        response = as_reviewer.get(path)
        assert response.status_code == 404, path
        assert response.get_json()["code"] == "application_not_found"


def test_the_countys_reviewer_cannot_see_the_photos_of_a_draft_withdrawn_before_submitting(withdrawn_draft,
                                                                                          as_reviewer):
    owner, draft = withdrawn_draft
    material = owner.get(f"/applications/{draft['id']}/materials").get_json()["materials"][0]["id"]
    assert as_reviewer.get(f"/applications/{draft['id']}/materials/{material}/file").status_code == 404


def test_a_draft_withdrawn_before_submitting_is_on_no_reviewers_list(withdrawn_draft, as_reviewer):
    _, draft = withdrawn_draft
    listed = [item["id"] for item in as_reviewer.get("/applications").get_json()["applications"]]
    desk = [item["id"] for item in as_reviewer.get("/review/applications?stage=withdrawn").get_json()["applications"]]
    assert draft["id"] not in listed and draft["id"] not in desk


def test_a_withdrawn_submission_stays_with_the_countys_reviewer(app, demo_accounts, as_reviewer):
    owner = logged_in(app, "owner-who-withdrew-later")
    submitted = flows.submitted(owner, fields=complete_fields(WULONG))
    assert owner.post(f"/applications/{submitted['id']}/withdraw").status_code == 200
    assert as_reviewer.get(f"/applications/{submitted['id']}").status_code == 200
