"""Hand-off through the outbox: queued in the submission's transaction, delivered by a job, retried
with exponential backoff and jitter, parked as dead after the configured number of attempts (an
administrator can replay it). Delivery is at-least-once; the idempotency key (reference and version)
makes it exactly-once at the receiver."""

from __future__ import annotations

import logging
import random
from datetime import timedelta

from sqlalchemy import select

from backend.applications.models import Application, StatusEvent
from backend.applications.stages import Stage
from backend.errors import Conflict
from backend.identity.regions import in_area
from backend.review.models import OutboxMessage
from backend.review.packet import attach_files, build_packet
from backend.review.system import DeliveryFailed
from backend.runtime import runtime
from backend.unit_of_work import UnitOfWork, unit_of_work

log = logging.getLogger(__name__)

DISPATCH_TASK = "dispatch_handoffs"
CLAIM_SECONDS = 120  # a claimed message is retried by another worker if its claimant died mid-send


def queue_handoff(uow: UnitOfWork, application: Application) -> None:
    uow.applications.add(OutboxMessage(
        application_id=application.id, submission_number=application.submission_count,
        created_at=uow.now, next_attempt_at=uow.now))
    jobs = uow.runtime.jobs
    if jobs is not None:
        uow.after_commit(lambda: jobs.enqueue(DISPATCH_TASK))


def dispatch_handoffs(limit: int = 50) -> int:
    """Delivers what is due, oldest first, stopping at the first failure so that applications reach the
    review system in the order they were submitted; returns how many were delivered. Safe to run in many
    workers at once: the oldest waiting message is claimed (leased) by one of them, and the others stop.

    A packet that cannot be built (its materials cannot be read, say) is that application's own trouble, not
    the review system's: it counts as a failed attempt with the error recorded, backs off, goes dead after the
    configured attempts, and steps aside, so the applications behind it are handed off meanwhile."""
    delivered = 0
    for _ in range(limit):
        claimed = _claim_next()
        if claimed is None:
            break
        if not _deliver(*claimed):
            break
        delivered += 1
    return delivered


BUILD_FAILED = "packet not built: "  # last_error of a message whose packet could not be built
# last_error of a message stopped because the applicant withdrew before it was delivered: the office must never
# receive (whole ID numbers, photos) what the person took back. Parked like a dead one, but never replayed.
WITHDRAWN = "withdrawn before delivery"


def cancel_handoffs(uow: UnitOfWork, application: Application) -> None:
    """The application is withdrawn: whatever of it waits for delivery (or lies dead) is never sent."""
    for message in uow.session.scalars(select(OutboxMessage).where(
            OutboxMessage.application_id == application.id, OutboxMessage.delivered_at.is_(None))):
        message.dead_at = message.dead_at or uow.now
        message.last_error = WITHDRAWN


# What _claim_one says of a message it did not claim but put aside (its packet failed to build, or the application
# was withdrawn): the next one is tried.
STEPPED_OVER = "stepped_over"


def _claim_next() -> tuple[str, dict, str] | None:
    for _ in range(_MAX_BUILD_FAILURES_PER_CLAIM):
        outcome = _claim_one()
        if outcome != STEPPED_OVER:
            return outcome  # type: ignore[return-value]
    return None


_MAX_BUILD_FAILURES_PER_CLAIM = 20


def _claim_one() -> tuple[str, dict, str] | str | None:
    with unit_of_work() as uow:
        query = (select(OutboxMessage)
                 .where(OutboxMessage.delivered_at.is_(None), OutboxMessage.dead_at.is_(None))
                 .order_by(OutboxMessage.created_at, OutboxMessage.submission_number).limit(200)
                 .with_for_update())  # SQLite renders no FOR UPDATE: its BEGIN IMMEDIATE is one writer at a time
        message = None
        stepped_aside: set[str] = set()
        for candidate in uow.session.scalars(query):
            if candidate.application_id in stepped_aside:
                continue  # a later version of an application that waits: keep its versions in order
            if candidate.next_attempt_at <= uow.now:
                message = candidate
                break
            if (candidate.last_error or "").startswith(BUILD_FAILED):
                stepped_aside.add(candidate.application_id)
                continue  # its packet could not be built: it waits for its retry without holding others up
            return None  # the oldest is waiting for its retry (or leased elsewhere): keep the order
        if message is None:
            return None
        message_id = message.id
        application = uow.applications.get_unscoped(message.application_id)
        if application.stage == Stage.WITHDRAWN.value:
            # Withdrawn since it was queued (cancel_handoffs stops it at the withdrawal; this is the guard).
            message.dead_at, message.last_error = uow.now, WITHDRAWN
            uow.commit()
            return STEPPED_OVER
        try:
            submission = uow.applications.submission(application, message.submission_number)
            carries_files = uow.runtime.review_system.carries_files
            packet = build_packet(uow, application, submission, uow.applications.submission_content(submission),
                                  with_files=carries_files)
            if carries_files:
                attach_files(uow, packet, submission)
        except Exception as error:  # noqa: BLE001 - any failure to build is recorded, never left to block
            log.exception("hand-off packet could not be built")
            uow.session.rollback()
            # The error's type only: its text can quote what the packet was built from (the administrators'
            # queue shows references, never personal data); the whole traceback went to the (scrubbed) log.
            # Claiming counted no attempt (rolled back), so this failure counts one.
            _record_failure(uow, message_id, BUILD_FAILED + type(error).__name__, counts_attempt=True)
            return STEPPED_OVER
        message.attempts += 1
        message.next_attempt_at = uow.now + timedelta(seconds=CLAIM_SECONDS)
        uow.commit()
        return message.id, packet, f"{application.reference}:{message.submission_number}"


def _deliver(message_id: str, packet: dict, idempotency_key: str) -> bool:
    system = runtime().review_system
    try:
        receipt = system.deliver(packet, idempotency_key=idempotency_key)
    except DeliveryFailed as failure:
        with unit_of_work() as uow:
            _record_failure(uow, message_id, str(failure), retryable=failure.retryable,
                            unavailable=failure.unavailable)
        return False
    except Exception as error:  # a bug must not lose the message either
        log.exception("hand-off raised unexpectedly")
        with unit_of_work() as uow:
            _record_failure(uow, message_id, f"unexpected: {type(error).__name__}")
        return False
    with unit_of_work() as uow:
        message = uow.session.get(OutboxMessage, message_id)
        if message.delivered_at is None:
            message.delivered_at = uow.now
            message.last_error = None
            application = uow.applications.get_unscoped(message.application_id)
            _mark_handed_off(uow, application, message.submission_number, receipt.system)
        uow.commit()
    return True


def _mark_handed_off(uow: UnitOfWork, application: Application, submission_number: int, system: str) -> None:
    if application.submission_count != submission_number:
        return  # an older version arrived after a newer submission; the newer one decides the stage
    # The review office may act before the delivery is confirmed (the built-in desk sees a submission at once,
    # a queue may be slow): the delivery is still recorded, but "已送达审核" after "申请通过了" would only confuse,
    # so the applicant is told only while the application waits for it.
    news = application.stage == Stage.SUBMITTED.value
    if news:
        application.stage = Stage.HANDED_OFF.value
    application.handed_off_at = uow.now
    uow.applications.add(StatusEvent(
        application_id=application.id, type="handed_off", stage_after=application.stage, actor_role="system",
        occurred_at=uow.now, recorded_at=uow.now, details={"system": system},
        submission_number=submission_number))
    if news:
        from backend.notifications.service import notify_status_change
        notify_status_change(uow, application, "handed_off")


def _record_failure(uow: UnitOfWork, message_id: str, error: str, *, retryable: bool = True,
                    counts_attempt: bool = False, unavailable: bool = False) -> None:
    """A failed attempt: the error kept for the administrators, then a retry after a backoff, or the message
    parked as dead when the error is final or the attempts are used up.

    When the review system as a whole was unavailable (`unavailable`: no connection, 429, 502-504), the packet is
    not what failed and the attempt is not counted: counted, an outage of ten minutes parked the oldest hand-off as
    dead, then the next, one after another all night, each left for an administrator to replay while its applicant
    read "已提交". It waits instead, tried again less and less often (at most an hour apart) as it waits longer."""
    message = uow.session.get(OutboxMessage, message_id)
    if counts_attempt:
        message.attempts += 1
    message.last_error = error[:500]
    if unavailable and retryable:
        message.attempts = max(0, message.attempts - 1)  # claiming counted it
        message.next_attempt_at = uow.now + waiting_backoff(uow.now - message.created_at)
        uow.commit()
        return
    if not retryable or message.attempts >= uow.runtime.settings.review_handoff_max_attempts:
        message.dead_at = uow.now
        # Nobody is waiting for it any more but an administrator: an error, for whatever watches the logs. The
        # reference and the error only (an HTTP status, an exception's type): no personal data.
        reference = uow.session.get(Application, message.application_id).reference
        log.error("hand-off parked as dead: %s version %s after %s attempts (%s); replay it from "
                  "GET /api/v1/admin/handoffs?status=dead", reference, message.submission_number, message.attempts,
                  message.last_error)
    else:
        message.next_attempt_at = uow.now + backoff(message.attempts)
    uow.commit()


def backoff(attempts: int, *, base: float = 5.0, cap: float = 3600.0, rng: random.Random | None = None) -> timedelta:
    """Exponential backoff with full jitter (AWS architecture blog): spreads retries out so a recovering
    review system is not hit by every waiting message at the same second."""
    return _jittered(min(cap, base * (2 ** max(0, attempts - 1))), base, rng)


def waiting_backoff(waited: timedelta, *, base: float = 5.0, cap: float = 3600.0,
                    rng: random.Random | None = None) -> timedelta:
    """The wait before trying an unavailable review system again: about as long as the hand-off has waited so far
    (so the tries thin out as an outage goes on), with full jitter, at least `base` and at most `cap` (an hour)."""
    return _jittered(min(cap, max(base, waited.total_seconds())), base, rng)


def _jittered(ceiling: float, base: float, rng: random.Random | None) -> timedelta:
    return timedelta(seconds=(rng or random).uniform(base / 2, ceiling))


def replay_dead(message_id: str, area: str | None = None) -> bool:
    """An administrator sends a parked hand-off again (after fixing what made it fail); one of a province or county
    (`area`) only a hand-off of their area: another's is as if it did not exist."""
    with unit_of_work() as uow:
        message = uow.session.get(OutboxMessage, message_id) if isinstance(message_id, str) else None
        if message is None or message.dead_at is None:
            return False
        application = uow.applications.get_unscoped(message.application_id)
        if not in_area(area, application.office_region):
            return False
        if message.last_error == WITHDRAWN or application.stage == Stage.WITHDRAWN.value:
            raise Conflict("handoff_withdrawn")
        message.dead_at = None
        message.attempts = 0
        message.next_attempt_at = uow.now
        jobs = uow.runtime.jobs
        if jobs is not None:
            uow.after_commit(lambda: jobs.enqueue(DISPATCH_TASK))
        uow.commit()
    return True


# Parked as dead, waiting for an administrator. Withdrawn ones need no one's attention: they are not failures and
# are never sent.
DEAD = (OutboxMessage.dead_at.is_not(None), OutboxMessage.last_error.is_distinct_from(WITHDRAWN))


def dead_handoff_offices(uow: UnitOfWork) -> list[str | None]:
    """The office county of each hand-off parked as dead (for the administrators' figures: counts, no names)."""
    return list(uow.session.scalars(select(Application.office_region).join(
        OutboxMessage, OutboxMessage.application_id == Application.id).where(*DEAD)))


QUEUE_LIMIT = 500


def handoff_queue(status: str, area: str | None = None) -> list[dict]:
    """Hand-offs waiting, delivered or dead, for the administrator (no personal data: references only); for an
    administrator of a province or county (`area`), those of their area only, as their statistics are."""
    with unit_of_work() as uow:
        query = select(OutboxMessage, Application.reference, Application.office_region).join(
            Application, Application.id == OutboxMessage.application_id)
        if status == "dead":
            query = query.where(*DEAD)
        elif status == "waiting":
            query = query.where(OutboxMessage.delivered_at.is_(None), OutboxMessage.dead_at.is_(None))
        else:
            query = query.where(OutboxMessage.delivered_at.is_not(None))
        query = query.order_by(OutboxMessage.created_at)
        # The area is a region test (abolished counties included), made here rather than in SQL: so the limit
        # is applied after it, and an area's list is not cut short by other areas' hand-offs.
        rows = uow.session.execute(query if area else query.limit(QUEUE_LIMIT))
        listed = [{"id": message.id, "reference": reference, "version": message.submission_number,
                   "office_region": office, "attempts": message.attempts, "created_at": message.created_at,
                   "next_attempt_at": message.next_attempt_at, "delivered_at": message.delivered_at,
                   "dead_at": message.dead_at, "last_error": message.last_error}
                  for message, reference, office in rows if in_area(area, office)]
        return listed[:QUEUE_LIMIT]
