"""Linking an official-account follower to a person by a one-time code."""

import pytest

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.errors import Conflict, InvalidInput
from backend.unit_of_work import unit_of_work
from backend.wechat.official_account import (
    MAX_WRONG_CODES_PER_HOUR,
    LinkCode,
    bind_follower,
    first_delivery,
    follower,
    new_link_code,
)


@pytest.fixture
def person(runtime, settings):
    settings.wechat_oa_app_id = None  # no WeChat here: followers are linked without a UnionID
    with unit_of_work() as uow:
        uow.session.add(User(id="p" * 32, role="public", account="someone", created_at=uow.now))
        uow.commit()
    return Actor("p" * 32, Role.PUBLIC)


def test_a_code_links_the_follower_once(person):
    made = new_link_code(person)
    assert len(made["code"]) == 6 and made["code"].isdigit() and made["expires_in"] == 600
    assert follower("oFollowerA").actor.user_id != person.user_id
    assert bind_follower("oFollowerA", made["code"]).actor.user_id == person.user_id
    with pytest.raises(InvalidInput) as used:
        bind_follower("oFollowerB", made["code"])
    assert used.value.code == "link_code_invalid"


def test_only_the_hash_of_a_code_is_stored(person, runtime):
    code = new_link_code(person)["code"]
    with runtime.database.sessions() as session:
        stored = session.query(LinkCode).one()
    assert code not in stored.code_hash


def test_a_code_ends_after_ten_minutes(person, clock):
    code = new_link_code(person)["code"]
    clock.advance(minutes=11)
    with pytest.raises(InvalidInput) as expired:
        bind_follower("oFollowerC", code)
    assert expired.value.code == "link_code_expired"


def test_a_new_code_ends_the_old_one(person):
    old = new_link_code(person)["code"]
    new = new_link_code(person)["code"]
    while new == old:  # one chance in a million
        new = new_link_code(person)["code"]
    with pytest.raises(InvalidInput):
        bind_follower("oFollowerD", old)
    assert bind_follower("oFollowerD", new).actor.user_id == person.user_id


def test_guessing_is_stopped_after_a_few_wrong_codes(person, clock):
    code = new_link_code(person)["code"]
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(MAX_WRONG_CODES_PER_HOUR):
        with pytest.raises(InvalidInput):
            bind_follower("oFollowerE", wrong)
    with pytest.raises(Conflict) as stopped:
        bind_follower("oFollowerE", code)
    assert stopped.value.code == "link_code_attempts_exceeded"
    clock.advance(hours=1, minutes=1)
    with pytest.raises(InvalidInput):  # the hour is over: the right code is only too old now
        bind_follower("oFollowerE", code)


def test_wechats_retries_are_recognised(runtime):
    assert first_delivery("msg:1234") is True
    assert first_delivery("msg:1234") is False
    assert first_delivery("msg:1235") is True
