"""The job queue. Tasks are plain functions registered by name (backend/jobs/tasks.py); the queue
decides where they run:

- `sqlite:///path` (default): huey's SQLite storage; `python -m backend.jobs.worker` runs them (make run
  starts one worker beside the web server);
- `redis://host/db`: huey on Redis, for many workers on many hosts;
- `immediate`: run at once in the calling process (tests, and tools that need no worker).

A message can be lost: the queue down or hung when it is enqueued, a worker killed mid-task, huey's retries used up
while the database is away. Hand-offs and photo reads are recorded in the database before they are enqueued and
leased by the worker that starts them, so the periodic sweeps (tasks.py `PERIODIC`) send them again: for them a lost
message only delays work. WeChat subscribe messages are leased the same way (backend/notifications/wechat.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey, crontab

log = logging.getLogger(__name__)


class JobQueue:
    def __init__(self, huey: Huey) -> None:
        self.huey = huey
        self._tasks: dict[str, Any] = {}
        from backend.jobs.tasks import PERIODIC, TASKS
        for name, function in TASKS.items():
            # A task that raises is retried: a WeChat send or a read that failed on a passing fault.
            self._tasks[name] = huey.task(name=name, retries=4, retry_delay=30)(function)
        for name, (function, minutes) in PERIODIC.items():
            huey.periodic_task(crontab(minute=f"*/{minutes}"), name=name)(function)

    @classmethod
    def from_url(cls, url: str) -> JobQueue:
        # results=False: nothing reads a task's return value (the work records its own outcome), and huey would
        # otherwise keep one per task run in its result store for ever (Redis's huey.results hash, SQLite's kv).
        if url == "immediate":
            return cls(MemoryHuey("liangbu", immediate=True, results=False))
        parsed = urlparse(url)
        if parsed.scheme == "sqlite":
            from backend.db.engine import protect_sqlite_file
            protect_sqlite_file(url)  # task arguments are ids, but the file is the owner's only all the same
            return cls(SqliteHuey("liangbu", filename=url[len("sqlite:///"):], results=False))
        if parsed.scheme in ("redis", "rediss"):
            return cls(RedisHuey("liangbu", url=url, results=False))
        raise ValueError(f"LIANGBU_JOB_QUEUE_URL: unsupported scheme in {url!r} (use sqlite:///, redis:// or immediate)")

    @property
    def immediate(self) -> bool:
        return bool(self.huey.immediate)

    def enqueue(self, name: str, *args: Any, **kwargs: Any) -> None:
        self._tasks[name](*args, **kwargs)

    def task(self, name: str) -> Callable[..., Any]:
        return self._tasks[name]


def send_again(jobs: JobQueue, name: str, ids: list[str], what: str) -> int:
    """A periodic sweep's sending: task `name` again for each id whose message was lost or whose retry is due (the
    work is leased, so a duplicate does nothing). The queue away: stop, the next sweep tries again. Returns how
    many were sent."""
    sent = 0
    for id_ in ids:
        try:
            jobs.enqueue(name, id_)
        except Exception:  # noqa: BLE001
            log.exception("%s could not be sent again", what)
            break
        sent += 1
    return sent
