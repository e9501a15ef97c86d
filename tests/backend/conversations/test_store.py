"""Stored conversations: through the access rule, versioned, sealed."""

import pytest

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.conversations import create_conversation, load_conversation, save_conversation
from backend.errors import NotFound, NotPermitted, StaleVersion
from backend.unit_of_work import unit_of_work


@pytest.fixture
def people(runtime):
    with unit_of_work() as uow:
        for user_id, role in (("a" * 32, "public"), ("b" * 32, "public"), ("c" * 32, "reviewer")):
            uow.session.add(User(id=user_id, role=role, created_at=uow.now))
        uow.commit()
    return Actor("a" * 32, Role.PUBLIC), Actor("b" * 32, Role.PUBLIC), Actor("c" * 32, Role.REVIEWER)


def test_a_conversation_is_its_starters_and_nobody_elses(people):
    me, someone, reviewer = people
    stored = create_conversation(me, channel="miniprogram", state={"current": "applying_as"})
    assert load_conversation(me, stored.id).state == {"current": "applying_as"}
    for other in (someone, reviewer):
        with pytest.raises(NotFound):
            load_conversation(other, stored.id)


def test_saving_from_a_stale_version_is_refused(people):
    me, _, _ = people
    stored = create_conversation(me, channel="miniprogram", state={})
    save_conversation(me, stored.id, expected_version=stored.version, state={"current": "subsidies"})
    with pytest.raises(StaleVersion):
        save_conversation(me, stored.id, expected_version=stored.version, state={"current": "applying_as"})
    assert load_conversation(me, stored.id).state == {"current": "subsidies"}


def test_staff_do_not_start_conversations(people):
    _, _, reviewer = people
    with pytest.raises(NotPermitted):
        create_conversation(reviewer, channel="miniprogram", state={})
