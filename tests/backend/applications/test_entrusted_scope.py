"""What an entrusted person's signed scope allows (seed 004: 委托他人代为申请): editing or submitting includes
reading what they edit or submit; reading alone allows neither."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.access import Grant, Purpose, allowed_purposes

NOW = datetime(2026, 11, 26, tzinfo=UTC)
APPLICATION = SimpleNamespace(id="a1", owner_user_id="owner", stage="draft", office_region="500156")


def allowed(*scope: str) -> set[Purpose]:
    grant = Grant("entrusted", "active", scope, NOW + timedelta(days=30), None, "a1")
    return allowed_purposes(Actor("helper", Role.PUBLIC), APPLICATION, [grant], NOW)


@pytest.mark.parametrize("scope", ["edit", "submit"])
def test_a_scope_to_edit_or_submit_includes_reading_the_application(scope):
    assert {Purpose.VIEW, Purpose.VIEW_STATUS} <= allowed(scope)


def test_a_scope_to_read_allows_no_change():
    assert allowed("view").isdisjoint({Purpose.EDIT, Purpose.SUBMIT, Purpose.WITHDRAW, Purpose.REVEAL})


def test_a_link_to_one_application_allows_nothing_on_another_of_the_same_owner():
    other = SimpleNamespace(id="a2", owner_user_id="owner", stage="draft", office_region="500156")
    grant = Grant("entrusted", "active", ("view", "edit"), NOW + timedelta(days=30), None, "a1")
    assert allowed_purposes(Actor("helper", Role.PUBLIC), other, [grant], NOW) == set()
