"""The applicant that link requests are made against: an account with a saved draft (its ID number and reference
are what a family member, guardian or guesser gives). Imported by the link tests, fixture and person alike."""

from __future__ import annotations

import pytest

from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person
from tests.support.flows import start

FATHER = person(region="500232", born="1950-04-12", sex="male", name="刘建国")


@pytest.fixture
def father(app, demo_accounts):
    """An applicant with a saved ID number: what a link request is checked against."""
    client = logged_in(app, "father", name=FATHER.name)
    draft = start(client)
    saved = client.patch(f"/applications/{draft['id']}", json=complete_fields(FATHER), version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    return {"client": client, "reference": draft["reference"], "id": draft["id"]}
