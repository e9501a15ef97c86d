"""One-time codes a person reads off another's screen (or scans as a QR link). Eight digits, because an
elderly person types digits more easily than letters; short-lived and single-use, stored as keyed hashes,
and a person who keeps trying wrong codes is stopped for a while."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import func, select

from backend.accounts.actor import Actor
from backend.audit.models import AuditEntry
from backend.errors import NotFound, NotPermitted
from backend.representation.models import OneTimeCode
from backend.unit_of_work import UnitOfWork

LIFETIMES = {"assistance_consent": timedelta(minutes=15), "handover": timedelta(days=7),
             "staff_activation": timedelta(days=7)}
MAX_FAILURES_PER_HOUR = 10


def _hash(uow: UnitOfWork, code: str) -> str:
    pepper = hashlib.sha256(b"liangbu/one-time-code/" + uow.runtime.settings.secret_key_bytes()).digest()
    return hmac.new(pepper, code.encode(), hashlib.sha256).hexdigest()


def issue(uow: UnitOfWork, actor: Actor, purpose: str, *, subject_user_id: str | None = None,
          details: dict | None = None) -> tuple[str, OneTimeCode]:
    code = f"{secrets.randbelow(10**8):08d}"
    row = OneTimeCode(code_hash=_hash(uow, code), purpose=purpose, created_by_user_id=actor.user_id,
                      subject_user_id=subject_user_id, details=details or {}, created_at=uow.now,
                      expires_at=uow.now + LIFETIMES[purpose])
    uow.session.add(row)
    return code, row


def redeem(uow: UnitOfWork, actor: Actor, purpose: str, code: str) -> OneTimeCode:
    failures = uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.actor_user_id == actor.user_id, AuditEntry.action == "code.failed",
        AuditEntry.at > uow.now - timedelta(hours=1)))
    if failures >= MAX_FAILURES_PER_HOUR:
        raise NotPermitted("too_many_code_attempts")
    digits = "".join(ch for ch in code if ch.isdigit())
    row = uow.session.scalars(select(OneTimeCode).where(
        OneTimeCode.code_hash == _hash(uow, digits), OneTimeCode.purpose == purpose).with_for_update()).first()
    if row is None or row.used_at is not None or row.expires_at <= uow.now:
        uow.audit.record(actor, "code.failed")
        uow.commit()  # the failed try counts even though the use case stops here
        raise NotFound("code_not_valid")
    row.used_at, row.used_by_user_id = uow.now, actor.user_id
    return row


def peek(uow: UnitOfWork, purpose: str, code: str) -> OneTimeCode | None:
    """The unused, unexpired code, without using it up (to show a person what it would do)."""
    digits = "".join(ch for ch in code if ch.isdigit())
    row = uow.session.scalars(select(OneTimeCode).where(
        OneTimeCode.code_hash == _hash(uow, digits), OneTimeCode.purpose == purpose)).first()
    if row is None or row.used_at is not None or row.expires_at <= uow.now:
        return None
    return row


def formatted(code: str) -> str:
    return f"{code[:4]} {code[4:]}"
