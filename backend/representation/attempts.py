"""Limits on guessing, counted from the audit log (so they hold across restarts and across every process of a
deployment): each failed try of a code or a link is an audit entry, and a try is refused while too many failures
of the same kind (by the same account, for the same reference, from the same address, or in all) fall within
the limit's window. The refusal says when the next try will be taken (TooManyAttempts, HTTP 429)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from backend.audit.models import AuditEntry
from backend.errors import TooManyAttempts
from backend.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Limit:
    """At most `failures` failed tries within `window`, among the audit entries `where` selects."""
    failures: int
    window: timedelta
    where: tuple[Any, ...]


def wait_before_next_try(uow: UnitOfWork, limit: Limit) -> timedelta | None:
    """None while under the limit; otherwise how long until the oldest failure that keeps the count at the
    limit leaves the window (then one more try is taken)."""
    recent = list(uow.session.scalars(
        select(AuditEntry.at).where(*limit.where, AuditEntry.at > uow.now - limit.window)
        .order_by(AuditEntry.at.desc()).limit(limit.failures)))
    if len(recent) < limit.failures:
        return None
    return recent[-1] + limit.window - uow.now


def refuse_over_limits(uow: UnitOfWork, code: str, *limits: Limit) -> None:
    """Raises TooManyAttempts(code) when any limit is reached, with the longest of their waits."""
    waits = [wait for wait in (wait_before_next_try(uow, limit) for limit in limits) if wait is not None]
    if waits:
        raise TooManyAttempts(code, retry_after=max(waits), now=uow.now)
