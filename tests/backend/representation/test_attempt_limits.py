"""Limits on guessing, counted from the audit log (backend/representation/attempts.py): what is counted, when a
refusal says to come back, and that nothing but the audit log is needed (a restart, another process)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.audit.models import AuditEntry
from backend.errors import NotFound, TooManyAttempts
from backend.representation import codes
from backend.representation.attempts import Limit, refuse_over_limits, wait_before_next_try
from backend.unit_of_work import unit_of_work
from tests.support.accounts import make_account


@pytest.fixture
def guesser(runtime) -> Actor:
    return Actor(user_id=make_account("guesser"), role=Role.PUBLIC, source="203.0.113.7")


def fail(actor: Actor, times: int, action: str = "code.failed") -> None:
    with unit_of_work() as uow:
        for _ in range(times):
            uow.audit.record(actor, action)
        uow.commit()


def test_under_the_limit_there_is_no_wait(guesser):
    fail(guesser, 2)
    with unit_of_work() as uow:
        assert wait_before_next_try(uow, Limit(3, timedelta(hours=1), (AuditEntry.action == "code.failed",))) is None


def test_at_the_limit_the_wait_is_until_the_oldest_counted_failure_leaves_the_window(guesser, clock):
    fail(guesser, 1)
    clock.advance(minutes=20)
    fail(guesser, 2)
    limit = Limit(3, timedelta(hours=1), (AuditEntry.action == "code.failed",))
    with unit_of_work() as uow:
        wait = wait_before_next_try(uow, limit)
    assert timedelta(minutes=39) < wait <= timedelta(minutes=40)
    clock.advance(minutes=41)
    with unit_of_work() as uow:
        assert wait_before_next_try(uow, limit) is None


def test_the_refusal_carries_the_longest_wait_and_when_to_come_back(guesser, clock):
    fail(guesser, 1)
    with unit_of_work() as uow, pytest.raises(TooManyAttempts) as refused:
        refuse_over_limits(uow, "too_many_code_attempts",
                           Limit(1, timedelta(hours=1), (AuditEntry.action == "code.failed",)),
                           Limit(1, timedelta(days=1), (AuditEntry.action == "code.failed",)))
    assert refused.value.code == "too_many_code_attempts"
    assert 23 * 3600 < refused.value.retry_after_seconds <= 24 * 3600
    assert refused.value.params["retry_after_seconds"] == refused.value.retry_after_seconds
    assert refused.value.params["try_again_at"].startswith("2026-11-26T02:00")


def test_wrong_codes_used_by_one_account_are_refused_before_the_code_is_even_looked_up(guesser):
    for _ in range(codes.MAX_FAILURES_PER_HOUR):
        with unit_of_work() as uow, pytest.raises(NotFound):
            codes.redeem(uow, guesser, "assistance_consent", "0000 0000")
    with unit_of_work() as uow, pytest.raises(TooManyAttempts):
        codes.redeem(uow, guesser, "assistance_consent", "0000 0000")


def test_a_public_look_at_a_code_is_limited_by_address_and_its_failures_are_kept(runtime):
    for _ in range(codes.MAX_PEEK_FAILURES_PER_SOURCE):
        with unit_of_work() as uow:
            assert codes.peek(uow, "assistance_consent", "1234 5678", source="203.0.113.7") is None
    with unit_of_work() as uow, pytest.raises(TooManyAttempts):
        codes.peek(uow, "assistance_consent", "1234 5678", source="203.0.113.7")
    with unit_of_work() as uow:
        assert codes.peek(uow, "assistance_consent", "1234 5678", source="198.51.100.4") is None


def test_a_right_code_is_shown_and_not_counted(runtime):
    assistant = Actor(user_id=make_account("assistant", "assistant", region="500156"), role=Role.ASSISTANT)
    with unit_of_work() as uow:
        code, _ = codes.issue(uow, assistant, "assistance_consent")
        uow.commit()
    for _ in range(codes.MAX_PEEK_FAILURES_PER_SOURCE + 2):
        with unit_of_work() as uow:
            assert codes.peek(uow, "assistance_consent", code, source="203.0.113.7") is not None


def test_codes_are_eight_digits_as_the_limits_are_sized_for(runtime):
    # The limits above are sized for 10^8 codes (codes.py): a shorter code would need stricter ones.
    assistant = Actor(user_id=make_account("assistant", "assistant", region="500156"), role=Role.ASSISTANT)
    with unit_of_work() as uow:
        issued = [codes.issue(uow, assistant, "assistance_consent")[0] for _ in range(50)]
    assert all(len(code) == 8 and code.isdigit() for code in issued)
    assert len(set(issued)) == 50


@pytest.mark.parametrize("purpose", ["handover", "staff_activation"])
def test_codes_that_live_a_week_and_give_an_account_are_twelve_digits(runtime, purpose):
    # Per-account limits do not stop a guesser with many accounts: 10^12 codes do (codes.py), without a limit
    # for everyone that the same guesser could use to lock people out of taking over their own account.
    assistant = Actor(user_id=make_account("assistant", "assistant", region="500156"), role=Role.ASSISTANT)
    with unit_of_work() as uow:
        code, _ = codes.issue(uow, assistant, purpose)
        uow.commit()
    assert len(code) == 12 and code.isdigit()
    assert codes.formatted(code) == f"{code[:4]} {code[4:8]} {code[8:]}"
    person = Actor(user_id=make_account("person"), role=Role.PUBLIC)
    with unit_of_work() as uow:
        assert codes.redeem(uow, person, purpose, codes.formatted(code)).purpose == purpose
