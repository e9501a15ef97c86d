"""Linking an official-account follower to a person by a one-time code."""

import pytest

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.errors import Conflict, InvalidInput
from backend.unit_of_work import unit_of_work
from backend.wechat.official_account import (
    MAX_WRONG_CODES_PER_HOUR,
    MAX_WRONG_CODES_PER_HOUR_ALL,
    LinkCode,
    OfficialAccountFollower,
    ReceivedMessage,
    bind_follower,
    first_delivery,
    follower,
    known_follower,
    new_link_code,
    remember_request,
    sweep_received,
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


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_guessing_from_ever_new_openids_is_stopped_for_everyone(person, clock, runtime):
    code = new_link_code(person)["code"]
    for n in range(MAX_WRONG_CODES_PER_HOUR_ALL):
        with pytest.raises(InvalidInput):
            bind_follower(f"oRotating{n:04d}", _wrong(code))  # one try each: the per-follower limit never bites
    with pytest.raises(Conflict) as paused:
        bind_follower("oRotatingNext", code)
    assert paused.value.code == "link_code_busy"
    clock.advance(hours=1, seconds=1)
    assert bind_follower("oRotatingNext", new_link_code(person)["code"]).actor.user_id == person.user_id


def test_a_strangers_wrong_code_makes_no_account(person, runtime):
    code = new_link_code(person)["code"]
    with runtime.database.sessions() as session:
        people = session.query(User).count()
    with pytest.raises(InvalidInput):
        bind_follower("oStranger", _wrong(code))
    assert known_follower("oStranger") is None
    with runtime.database.sessions() as session:
        assert session.query(User).count() == people
        assert session.get(OfficialAccountFollower, "oStranger") is None


def test_a_stranger_with_the_right_code_becomes_that_person(person, runtime):
    code = new_link_code(person)["code"]
    linked = bind_follower("oStrangerRight", code)
    assert linked.actor.user_id == person.user_id and linked.linked_by == "code"
    assert known_follower("oStrangerRight").actor.user_id == person.user_id


def test_a_right_code_forgets_the_followers_wrong_ones(person):
    for _ in range(MAX_WRONG_CODES_PER_HOUR - 1):
        with pytest.raises(InvalidInput):
            bind_follower("oFollowerForgiven", "999999" if new_link_code(person)["code"] != "999999" else "888888")
    bind_follower("oFollowerForgiven", new_link_code(person)["code"])
    for _ in range(MAX_WRONG_CODES_PER_HOUR - 1):  # a fresh count: not stopped yet
        with pytest.raises(InvalidInput):
            bind_follower("oFollowerForgiven", "999999" if new_link_code(person)["code"] != "999999" else "888888")


def test_an_openid_with_like_wildcards_counts_only_its_own_wrong_codes(person):
    code = new_link_code(person)["code"]
    for _ in range(MAX_WRONG_CODES_PER_HOUR):
        with pytest.raises(InvalidInput):
            bind_follower("oAbc_def", _wrong(code))
    # "_" matches any one character in LIKE: oAbcXdef must not be charged with oAbc_def's tries.
    assert bind_follower("oAbcXdef", code).actor.user_id == person.user_id


def test_a_signed_request_is_taken_once(runtime, clock):
    assert remember_request("1795572000", "12345", "a" * 40) == "new"
    assert remember_request("1795572000", "12345", "a" * 40) == "repeat"
    assert remember_request("1795572000", "12345", "b" * 40) == "replay"
    assert remember_request("1795572000", "12346", "b" * 40) == "new"


def received(runtime) -> set[str]:
    with runtime.database.sessions() as session:
        return {row.key for row in session.query(ReceivedMessage)}


def test_the_periodic_sweep_forgets_what_was_received_after_a_day(runtime, clock):
    first_delivery("msg:1")
    remember_request("1795572000", "12345", "a" * 40)
    clock.advance(hours=23)
    first_delivery("msg:2")
    assert sweep_received() == 0
    clock.advance(hours=1, seconds=1)
    assert sweep_received() == 3  # msg:1 and the request's two rows
    assert received(runtime) == {"msg:2"}


def test_a_request_deletes_nothing_the_sweep_is_there_for_that(runtime, clock):
    first_delivery("msg:1")
    clock.advance(days=2)
    assert remember_request("1795572000", "12345", "a" * 40) == "new"
    assert "msg:1" in received(runtime)


def test_a_replay_within_the_window_is_still_refused_after_the_sweep(runtime, clock):
    assert remember_request("1795572000", "12345", "a" * 40) == "new"
    clock.advance(minutes=5)  # the longest a timestamp counts as fresh (MAX_CLOCK_SKEW_SECONDS)
    sweep_received()
    assert remember_request("1795572000", "12345", "b" * 40) == "replay"
    assert remember_request("1795572000", "12345", "a" * 40) == "repeat"


def test_the_sweep_of_what_was_received_is_a_periodic_task():
    from backend.jobs.tasks import PERIODIC

    assert "sweep_official_account_messages" in PERIODIC


def test_a_guesser_who_links_with_their_own_code_between_wrong_ones_is_still_stopped(person, runtime):
    """Forgiving a follower's wrong codes once they link must not take them out of the count for everyone: a
    guesser sending four wrong codes, then one made on their own account, over and over, was never stopped."""
    with unit_of_work() as uow:
        uow.session.add(User(id="g" * 32, role="public", account="guesser", created_at=uow.now))
        uow.commit()
    guesser = Actor("g" * 32, Role.PUBLIC)
    victims_code = new_link_code(person)["code"]
    wrong = _wrong(victims_code)
    tries = 0
    with pytest.raises(Conflict) as paused:
        while tries < 10 * MAX_WRONG_CODES_PER_HOUR_ALL:
            for _ in range(MAX_WRONG_CODES_PER_HOUR - 1):
                with pytest.raises(InvalidInput):
                    bind_follower("oGuesser", wrong)
                tries += 1
            bind_follower("oGuesser", new_link_code(guesser)["code"])
    assert paused.value.code == "link_code_busy" and tries == MAX_WRONG_CODES_PER_HOUR_ALL
    # The right code is refused too while linking is paused: the guesser's next lucky try would not count.
    with pytest.raises(Conflict):
        bind_follower("oSomeoneElse", victims_code)
