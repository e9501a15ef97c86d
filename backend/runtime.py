"""What a running process is configured with: settings, the database, the vault, the clock, the
working-day calendar, the job queue and the review system. Entry points (the web app, the job worker,
the CLI) call `configure` once; services ask `runtime()`. Tests configure their own, clock included."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from backend.calendar.working_days import WorkingDayCalendar
from backend.db.engine import Database
from backend.privacy.vault import Vault
from backend.settings import Settings

if TYPE_CHECKING:
    from backend.jobs.queue import JobQueue
    from backend.storage.boundary import FileStorage
    from backend.policy.book import PolicyBook
    from backend.review.system import ReviewSystem

# People see Chinese time; deadlines and "the month of application" (seed 001 item 9) are Chinese dates.
CHINA = ZoneInfo("Asia/Shanghai")


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Runtime:
    settings: Settings
    database: Database
    vault: Vault
    calendar: WorkingDayCalendar
    clock: Callable[[], datetime] = system_clock
    policy: PolicyBook | None = None
    storage: FileStorage | None = None
    jobs: JobQueue | None = None
    review_system: ReviewSystem | None = None
    extras: dict[str, Any] = field(default_factory=dict)


_current: Runtime | None = None


def configure(settings: Settings, *, clock: Callable[[], datetime] | None = None,
              database: Database | None = None) -> Runtime:
    global _current
    from backend.jobs.queue import JobQueue
    from backend.settings import make_instance_dir
    if settings.instance_dir.exists():
        make_instance_dir(settings.instance_dir)  # an instance made 0755 by an older version is closed up
    from backend.policy.book import PolicyBook
    from backend.review.system import review_system_for

    runtime_ = Runtime(
        settings=settings,
        database=database or Database(settings.resolved_database_url, timeouts=settings.database_timeouts()),
        vault=Vault(settings.data_key_bytes(), settings.old_data_key_bytes()),
        calendar=WorkingDayCalendar(settings.holiday_notice_dirs),
        clock=clock or system_clock,
        # Policy files are validated here, at start-up: a bad file stops the process with a message that
        # names the file, the key and the problem, instead of failing a person's request later.
        policy=PolicyBook.load(settings.policy_dirs),
    )
    from backend.storage import storage_for
    runtime_.storage = storage_for(settings, runtime_.vault)
    runtime_.jobs = JobQueue.from_url(settings.resolved_job_queue_url)
    runtime_.review_system = review_system_for(settings)
    _current = runtime_
    return runtime_


def runtime() -> Runtime:
    if _current is None:
        raise RuntimeError("backend.runtime.configure() has not been called")
    return _current


def now() -> datetime:
    return runtime().clock()


def today() -> date:
    """Today's date in China."""
    return now().astimezone(CHINA).date()


def china_date(moment: datetime) -> date:
    return moment.astimezone(CHINA).date()
