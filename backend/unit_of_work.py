"""One use case, one transaction: `with unit_of_work() as uow: ...; uow.commit()`.

Work that must happen only once the transaction is durable (enqueueing a job, which another process
may pick up at once) is registered with `after_commit` and runs after the commit succeeded."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from types import TracebackType

from sqlalchemy.orm import Session

from backend.runtime import Runtime, runtime

log = logging.getLogger(__name__)
_open = threading.local()


class NestedUnitOfWork(RuntimeError):
    """A second transaction opened while one is open in the same thread: on SQLite (one writer at a time,
    BEGIN IMMEDIATE) the second waits for the first, which waits for the second."""


class UnitOfWork:
    def __init__(self, runtime_: Runtime) -> None:
        from backend.applications.repository import ApplicationRepository
        from backend.audit.log import AuditLog

        if getattr(_open, "depth", 0) and runtime_.settings.strict_unit_of_work:
            raise NestedUnitOfWork("a unit of work is already open in this thread")
        _open.depth = getattr(_open, "depth", 0) + 1

        self.runtime = runtime_
        self.session: Session = runtime_.database.sessions()
        self.now: datetime = runtime_.clock()
        self.vault = runtime_.vault
        self._access_records: list = []
        self.applications = ApplicationRepository(self.session, runtime_.vault, self.now, self._access_records)
        self.audit = AuditLog(self.session, self.now, self._access_records)
        self._after_commit: list[Callable[[], None]] = []
        self._committed = False

    def after_commit(self, action: Callable[[], None]) -> None:
        self._after_commit.append(action)

    def commit(self) -> None:
        self.session.commit()
        self._committed = True
        actions, self._after_commit = self._after_commit, []
        # The transaction is over: work started now (a job run at once, in tests) may open its own.
        _open.depth -= 1
        try:
            for action in actions:
                try:
                    action()
                except Exception:  # the data is safe; the periodic sweeps send hand-offs and reads again
                    log.exception("after-commit action failed")
        finally:
            _open.depth += 1

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if not self._committed:
            self.session.rollback()
            if self._access_records:
                # A read that changed nothing is still a read of someone's file: keep its record.
                from backend.audit.models import AuditEntry
                self.session.add_all([
                    AuditEntry(at=entry.at, actor_user_id=entry.actor_user_id, actor_role=entry.actor_role,
                               application_id=entry.application_id, action=entry.action, fields=[],
                               source=entry.source)
                    for entry in self._access_records])
                try:
                    self.session.commit()
                except Exception:
                    log.exception("could not record access")
                    self.session.rollback()
        self.session.close()
        _open.depth -= 1


def unit_of_work() -> UnitOfWork:
    return UnitOfWork(runtime())
