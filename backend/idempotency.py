"""Remembered answers to retried requests. A phone on a weak network retries a submit or an upload
it never saw answered; with the same Idempotency-Key it gets the first answer again instead of a
second submission or a second file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from backend.applications.models import IdempotencyRecord
from backend.unit_of_work import unit_of_work

KEEP_FOR = timedelta(days=2)


@dataclass(frozen=True)
class RememberedAnswer:
    request_hash: str
    status_code: int
    body: str


def recall(user_id: str, scope: str, key: str) -> RememberedAnswer | None:
    with unit_of_work() as uow:
        record = uow.session.scalars(select(IdempotencyRecord).where(
            IdempotencyRecord.user_id == user_id, IdempotencyRecord.scope == scope, IdempotencyRecord.key == key,
            IdempotencyRecord.created_at > uow.now - KEEP_FOR)).first()
        return None if record is None else RememberedAnswer(record.request_hash, record.status_code,
                                                            record.response_body)


def remember(user_id: str, scope: str, key: str, answer: RememberedAnswer) -> RememberedAnswer:
    """Stores the answer; if a concurrent request with the same key stored one first, returns that."""
    try:
        with unit_of_work() as uow:
            uow.session.execute(delete(IdempotencyRecord).where(
                IdempotencyRecord.user_id == user_id, IdempotencyRecord.scope == scope,
                IdempotencyRecord.key == key, IdempotencyRecord.created_at <= uow.now - KEEP_FOR))
            uow.session.add(IdempotencyRecord(user_id=user_id, scope=scope, key=key,
                                              request_hash=answer.request_hash, status_code=answer.status_code,
                                              response_body=answer.body, created_at=uow.now))
            uow.commit()
            return answer
    except IntegrityError:
        return recall(user_id, scope, key) or answer
