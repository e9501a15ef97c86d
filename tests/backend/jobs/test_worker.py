"""The job worker picks new work up within a fraction of a second, even after the queue was idle a while."""

import threading
import time

from huey import SqliteHuey

from backend.jobs.worker import MAX_DELAY_SECONDS, make_consumer


def test_a_job_queued_after_an_idle_spell_starts_within_half_a_second(tmp_path):
    huey = SqliteHuey("test-worker", filename=str(tmp_path / "jobs.sqlite3"))
    started = threading.Event()

    @huey.task()
    def note_the_start():
        started.set()

    consumer = make_consumer(huey, workers=1, periodic=False)
    consumer.start()  # the worker threads, without run()'s signal handlers (they belong to the main thread)
    try:
        time.sleep(2.5)  # idle: huey's default polling delay would have grown towards 10 s by now
        queued = time.monotonic()
        note_the_start()
        assert started.wait(5)
        assert time.monotonic() - queued < 2 * MAX_DELAY_SECONDS + 0.1
    finally:
        consumer.stop(graceful=True)


def test_an_idle_worker_looks_at_the_queue_at_least_four_times_a_second(tmp_path):
    consumer = make_consumer(SqliteHuey("test-worker", filename=str(tmp_path / "jobs.sqlite3")), workers=1)

    assert consumer.max_delay <= 0.25  # huey's default is 10 s: a photo could wait that long to be read


# A worker of its own: it queues one task that takes a while, then runs huey's consumer as the job worker does.
SLOW_TASK_WORKER = """
import sys, time
from pathlib import Path
from huey import SqliteHuey
from backend.jobs.worker import make_consumer

folder = Path(sys.argv[1])
huey = SqliteHuey("test-worker", filename=str(folder / "jobs.sqlite3"))

@huey.task()
def read_slowly():
    (folder / "started").touch()
    time.sleep(1.5)
    (folder / "finished").touch()

read_slowly()
make_consumer(huey, workers=1, periodic=False).run()
"""


def test_sigterm_lets_the_task_under_way_finish_before_the_worker_exits(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    worker = subprocess.Popen([sys.executable, "-c", SLOW_TASK_WORKER, str(tmp_path)], cwd=root,
                              env={**os.environ, "PYTHONPATH": str(root)})
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "started").exists():
            assert worker.poll() is None, "the worker ended before it started the task"
            assert time.monotonic() < deadline, "the worker never started the task"
            time.sleep(0.05)
        worker.send_signal(signal.SIGTERM)  # what systemd and a deploy send
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)
    assert (tmp_path / "finished").exists()  # not dropped half-way, as huey's default SIGTERM did



def test_the_queue_keeps_no_result_of_a_task_run_nobody_reads(tmp_path):
    # Each run's return value was kept for ever (Redis's huey.results hash grew by one per read, sweep included).
    from backend.jobs.queue import JobQueue

    huey = JobQueue.from_url(f"sqlite:///{tmp_path / 'jobs.sqlite3'}").huey
    probe = huey.task(name="probe")(lambda: "done")
    probe()
    huey.execute(huey.dequeue())
    assert huey.result_count() == 0


def test_a_queue_that_cannot_be_read_is_reported_once_a_minute_not_at_every_poll():
    import logging

    from backend.jobs.worker import SameFailureOncePerMinute

    quieter = SameFailureOncePerMinute()

    def failure(at: float) -> logging.LogRecord:
        record = logging.LogRecord("huey.consumer.Worker-1", logging.ERROR, __file__, 1, "Error reading from queue",
                                   None, None)
        record.created = at
        return record

    kept = [quieter.filter(failure(1000 + 0.25 * n)) for n in range(40)]   # ten seconds of Redis down
    assert kept.count(True) == 1
    later = failure(1061)
    assert quieter.filter(later) and "39 times more" in later.getMessage()
    other = logging.LogRecord("backend.prefill", logging.ERROR, __file__, 1, "OCR failed on a material", None, None)
    assert quieter.filter(other)
