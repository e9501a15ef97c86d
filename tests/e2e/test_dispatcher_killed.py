"""Issue 7 item 5: the dispatcher process killed between commit and send. A real second process claims the
hand-off and sends it to the review system, which is slow to answer; the process is killed with SIGKILL in
the middle of the send. Once its claim runs out, a restarted dispatcher delivers the application, and the
review system holds it exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from backend.review.handoff import CLAIM_SECONDS, dispatch_handoffs
from backend.review.http_system import HttpReviewSystem
from backend.review.models import OutboxMessage
from fake_review_system.server import running_review_system
from tests.conftest import TEST_DATA_KEY, TEST_REVIEW_SECRET, TEST_SECRET_KEY, login
from tests.support import flows

ROOT = Path(__file__).resolve().parents[2]

# The dispatcher as the job worker runs it, in a process of its own, on the same database and file storage.
DISPATCHER = """
import json, sys
from backend.review.handoff import dispatch_handoffs
from backend.runtime import configure
from backend.settings import Settings
configure(Settings(**json.loads(sys.argv[1])))
dispatch_handoffs()
"""


def _outbox(runtime) -> OutboxMessage:
    with runtime.database.sessions() as session:
        return session.scalars(select(OutboxMessage)).one()


def test_a_dispatcher_killed_in_the_middle_of_a_send_loses_nothing_and_sends_nothing_twice(
        app, as_applicant, runtime, settings, clock):
    with running_review_system(TEST_REVIEW_SECRET) as receiver:
        runtime.review_system = HttpReviewSystem(receiver.url, TEST_REVIEW_SECRET.encode(), timeout=2)
        jobs, runtime.jobs = runtime.jobs, None  # the web process commits; the worker sends
        application = flows.submitted(as_applicant)
        runtime.jobs = jobs
        assert receiver.state.received == []

        receiver.state.fail_next(1, mode="hang", seconds=60)  # the review system is slow to answer
        worker_settings = {
            "database_url": settings.database_url, "storage_dir": str(settings.resolved_storage_dir),
            "instance_dir": str(settings.instance_dir), "job_queue_url": "immediate",
            "data_key": TEST_DATA_KEY, "secret_key": TEST_SECRET_KEY, "ocr_engine": "none",
            "review_handoff_url": receiver.url, "review_handoff_secret": TEST_REVIEW_SECRET,
            "review_handoff_timeout_seconds": 120}
        worker = subprocess.Popen([sys.executable, "-c", DISPATCHER, json.dumps(worker_settings)], cwd=ROOT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)})
        try:
            deadline = time.monotonic() + 60
            while _outbox(runtime).next_attempt_at.replace(tzinfo=UTC) < datetime.now(UTC):
                assert worker.poll() is None, "the dispatcher ended before it claimed the hand-off"
                assert time.monotonic() < deadline, "the dispatcher never claimed the hand-off"
                time.sleep(0.05)
            time.sleep(0.5)  # claimed and committed; the request is on its way and the receiver is holding it
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
        assert worker.returncode == -signal.SIGKILL
        assert receiver.state.received == []

        claimed_until = _outbox(runtime).next_attempt_at.replace(tzinfo=UTC)
        clock.current = claimed_until - timedelta(seconds=5)
        assert dispatch_handoffs() == 0  # still leased to the dead worker: no second sender meanwhile
        clock.current = claimed_until + timedelta(seconds=1)
        assert dispatch_handoffs() == 1  # the restarted dispatcher (or the periodic sweep) delivers it
        assert receiver.state.references == [application["reference"]]
        assert receiver.state.hash_failures == 0
        assert claimed_until - datetime.now(UTC) <= timedelta(seconds=CLAIM_SECONDS)

    back = login(app, "demo-applicant")  # a day has passed on the test clock: a new login
    status = back.get(f"/applications/{application['id']}/status").get_json()
    assert status["stage"] == "handed_off"
