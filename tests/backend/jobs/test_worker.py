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
