"""Remembered answers to retried requests. A phone on a weak network retries a submit or an upload
it never saw answered; with the same Idempotency-Key it gets the first answer again instead of a
second submission or a second file.

A key is claimed before its request is handled: a row without an answer, inserted in its own committed
transaction, which the unique constraint on (user, scope, key) lets exactly one request insert, on
SQLite and on PostgreSQL alike. Concurrent retries find the claim and wait for the answer (or are told
to retry shortly) instead of running the request a second time. Only successful answers are kept: a
refused request releases its claim, so the same key can be used again once the cause is fixed (a submit
refused as incomplete is not refused again for two days after the application is complete).

A kept answer repeats the application (name, address, birth date), so it is sealed at rest, its headers
with it (the column type, backend/privacy/sealed_column.py), and deleted by a periodic sweep once its two
days are over."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError

from backend.applications.models import IdempotencyRecord
from backend.db.base import new_id
from backend.runtime import runtime
from backend.unit_of_work import unit_of_work

log = logging.getLogger(__name__)

KEEP_FOR = timedelta(days=2)
# No request lives longer than LIANGBU_REQUEST_TIMEOUT_SECONDS (gunicorn's --timeout; the database's waits are
# bounded well under it, backend/db/engine.py). A claim older than that and this margin belongs to a process
# that died while handling its request (a worker killed mid-request): its key is free again. It was five
# minutes, during which every retry was told to come back in a second (the tester's ~300 retries).
ABANDONED_MARGIN = timedelta(seconds=15)


def claim_life() -> timedelta:
    """How long a claim holds its key while no answer comes: the longest a request lives, and a margin."""
    return timedelta(seconds=runtime().settings.request_timeout_seconds) + ABANDONED_MARGIN


@dataclass(frozen=True)
class RememberedAnswer:
    request_hash: str
    status_code: int
    body: str
    # The headers kept with the answer (answers kept before 0011 have none).
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Claimed:
    """The key is ours: handle the request, then `settle` (success) or `release` (anything else) this claim.
    The claim's own row is named, not the key: a first request so slow that its claim counted as abandoned
    and was taken by a retry must not release, or answer for, the retry's claim."""
    user_id: str
    scope: str
    key: str
    record_id: str


@dataclass(frozen=True)
class InProgress:
    """The key is claimed by a request still being handled: claimed `held_for` ago, and free at the latest in
    `free_in` (when the claim counts as abandoned). None: not known (the claim came and went while we looked)."""
    request_hash: str
    held_for: timedelta | None = None
    free_in: timedelta | None = None


Holder = RememberedAnswer | InProgress


def _same_key(user_id: str, scope: str, key: str):
    return and_(IdempotencyRecord.user_id == user_id, IdempotencyRecord.scope == scope,
                IdempotencyRecord.key == key)


def _own_claim(claimed: Claimed):
    return and_(_same_key(claimed.user_id, claimed.scope, claimed.key), IdempotencyRecord.id == claimed.record_id)


def claim(user_id: str, scope: str, key: str, request_hash: str) -> Claimed | Holder:
    """Claims the key for a request about to be handled: `Claimed`, so handle the request and then `settle`
    (success) or `release` (anything else) the claim. Otherwise what already holds the key."""
    for _ in range(3):  # a holder may release between our insert failing and our read
        try:
            with unit_of_work() as uow:
                uow.session.execute(delete(IdempotencyRecord).where(_same_key(user_id, scope, key), or_(
                    IdempotencyRecord.created_at <= uow.now - KEEP_FOR,
                    and_(IdempotencyRecord.status_code.is_(None),
                         IdempotencyRecord.created_at <= uow.now - claim_life()))))
                record = IdempotencyRecord(id=new_id(), user_id=user_id, scope=scope, key=key,
                                           request_hash=request_hash, status_code=None, response_body=None,
                                           created_at=uow.now)
                uow.session.add(record)
                uow.commit()
                return Claimed(user_id, scope, key, record.id)
        except IntegrityError:
            held = holder(user_id, scope, key)
            if held is not None:
                return held
    return InProgress(request_hash)


def holder(user_id: str, scope: str, key: str) -> Holder | None:
    with unit_of_work() as uow:
        record = uow.session.scalars(select(IdempotencyRecord).where(
            _same_key(user_id, scope, key), IdempotencyRecord.created_at > uow.now - KEEP_FOR)).first()
        if record is None:
            return None
        if record.status_code is None or record.response_body is None:
            held_for = uow.now - record.created_at
            return InProgress(record.request_hash, held_for=held_for, free_in=claim_life() - held_for)
        headers = json.loads(record.response_headers) if record.response_headers else {}
        return RememberedAnswer(record.request_hash, record.status_code, record.response_body, headers)


def settle(claimed: Claimed, status_code: int, body: str, headers: dict[str, str] | None = None) -> None:
    """Keeps the successful answer of the claimed request (its status, body and the headers given), to
    replay to its retries. A claim no longer ours (abandoned and taken by a retry) is left alone."""
    try:
        with unit_of_work() as uow:
            uow.session.execute(update(IdempotencyRecord).where(
                _own_claim(claimed), IdempotencyRecord.status_code.is_(None)).values(
                status_code=status_code, response_body=body,
                response_headers=json.dumps(headers or {}, ensure_ascii=False)))
            uow.commit()
    except Exception:  # the request is done; its retries wait until the claim counts as abandoned
        log.exception("could not keep the answer of an idempotent request")


def release(claimed: Claimed) -> None:
    """Frees a claimed key: its request was refused or failed, so a retry must be handled afresh. Only this
    request's own claim: a retry that took the key after this claim counted as abandoned keeps it."""
    try:
        with unit_of_work() as uow:
            uow.session.execute(delete(IdempotencyRecord).where(
                _own_claim(claimed), IdempotencyRecord.status_code.is_(None)))
            uow.commit()
    except Exception:  # the claim frees itself once abandoned
        log.exception("could not release an idempotency claim")


def sweep_expired() -> int:
    """Deletes answers and claims past their life (the periodic sweep, backend/jobs/tasks.py): a key
    nobody retries is otherwise never claimed again, and its answer would stay for good."""
    with unit_of_work() as uow:
        result = uow.session.execute(delete(IdempotencyRecord).where(
            IdempotencyRecord.created_at <= uow.now - KEEP_FOR))
        uow.commit()
        return result.rowcount or 0
