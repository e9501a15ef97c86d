"""One-time codes a person reads off another's screen (or scans as a QR link). Digits, because an elderly
person types digits more easily than letters; short-lived and single-use, stored as keyed hashes, and a person
who keeps trying wrong codes is stopped for a while.

A consent code has eight digits; a hand-over code and a staff activation code, which live 7 days and whose
find would give the finder a helpless person's account or an assistant's powers, have twelve (typed once, in
three groups of four). The limit on wrong tries is per account, and accounts cost a guesser little: with 1,000
accounts trying 10 codes an hour for a week (1.7 million tries), eight digits would give about 1.7 % odds per
live code, twelve about one in 600,000. A limit for everyone together would stop that too, but would let the
same guesser lock every person out of taking over their own account: the length does not.

Eight digits are 10^8 codes, about 26.6 bits: enough against a guesser who is held back, far too few against one
who is not. So every way of trying a code is limited, counted from the audit log (attempts.py):
- using a code (`redeem`) needs an account, and an account has MAX_FAILURES_PER_HOUR wrong tries an hour;
- looking at a consent code (`peek`, the public QR page GET /consent, no login) has MAX_PEEK_FAILURES_PER_SOURCE
  wrong tries an hour per client address and MAX_PEEK_FAILURES_PER_HOUR in all. With L consent codes alive at once
  (each lives 15 minutes), a guesser who takes the whole ceiling every hour finds one with probability
  100 x L / 10^8 an hour: with 20 live codes, about one find in 5.7 years. What a find shows is public anyway (an
  assistant's name and county); consenting with it needs the finder's own account and grants help to the finder
  alone. When the ceiling is reached the QR page says to wait; the person can still type the code in the mini
  program, which `redeem` limits per account and not in all."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.audit.models import AuditEntry
from backend.errors import NotFound
from backend.representation.attempts import Limit, refuse_over_limits
from backend.representation.models import OneTimeCode
from backend.unit_of_work import UnitOfWork

LIFETIMES = {"assistance_consent": timedelta(minutes=15), "handover": timedelta(days=7),
             "staff_activation": timedelta(days=7)}
DIGITS = {"assistance_consent": 8, "handover": 12, "staff_activation": 12}
MAX_FAILURES_PER_HOUR = 10          # wrong codes one account may try in an hour (redeem)
MAX_PEEK_FAILURES_PER_SOURCE = 10   # wrong codes one client address may look up in an hour (peek)
MAX_PEEK_FAILURES_PER_HOUR = 100    # wrong codes everyone together may look up in an hour (peek)
HOUR = timedelta(hours=1)


def _hash(uow: UnitOfWork, code: str) -> str:
    pepper = hashlib.sha256(b"liangbu/one-time-code/" + uow.runtime.settings.secret_key_bytes()).digest()
    return hmac.new(pepper, code.encode(), hashlib.sha256).hexdigest()


def issue(uow: UnitOfWork, actor: Actor, purpose: str, *, subject_user_id: str | None = None,
          details: dict | None = None) -> tuple[str, OneTimeCode]:
    digits = DIGITS[purpose]
    code = f"{secrets.randbelow(10**digits):0{digits}d}"
    row = OneTimeCode(code_hash=_hash(uow, code), purpose=purpose, created_by_user_id=actor.user_id,
                      subject_user_id=subject_user_id, details=details or {}, created_at=uow.now,
                      expires_at=uow.now + LIFETIMES[purpose])
    uow.session.add(row)
    return code, row


def redeem(uow: UnitOfWork, actor: Actor, purpose: str, code: str) -> OneTimeCode:
    refuse_over_limits(uow, "too_many_code_attempts", Limit(MAX_FAILURES_PER_HOUR, HOUR, (
        AuditEntry.actor_user_id == actor.user_id, AuditEntry.action == "code.failed")))
    digits = "".join(ch for ch in code if ch.isdigit())
    row = uow.session.scalars(select(OneTimeCode).where(
        OneTimeCode.code_hash == _hash(uow, digits), OneTimeCode.purpose == purpose).with_for_update()).first()
    if row is None or row.used_at is not None or row.expires_at <= uow.now:
        uow.audit.record(actor, "code.failed")
        uow.commit()  # the failed try counts even though the use case stops here
        raise NotFound("code_not_valid")
    row.used_at, row.used_by_user_id = uow.now, actor.user_id
    return row


def peek(uow: UnitOfWork, purpose: str, code: str, *, source: str) -> OneTimeCode | None:
    """The unused, unexpired code, without using it up (to show a person what it would do). Anyone may ask
    (no login), so wrong tries are limited per client address (`source`) and in all, and each is audited."""
    refuse_over_limits(
        uow, "too_many_code_attempts",
        Limit(MAX_PEEK_FAILURES_PER_SOURCE, HOUR, (AuditEntry.action == "code.peek_failed",
                                                   AuditEntry.source == source[:64])),
        Limit(MAX_PEEK_FAILURES_PER_HOUR, HOUR, (AuditEntry.action == "code.peek_failed",)))
    digits = "".join(ch for ch in code if ch.isdigit())
    row = uow.session.scalars(select(OneTimeCode).where(
        OneTimeCode.code_hash == _hash(uow, digits), OneTimeCode.purpose == purpose)).first()
    if row is None or row.used_at is not None or row.expires_at <= uow.now:
        uow.audit.record(None, "code.peek_failed", role="public", source=source)
        uow.commit()  # the failed look counts even though the use case stops here
        return None
    return row


def formatted(code: str) -> str:
    """In groups of four (1234 5678 9012): easier to read off a screen and to type."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))
