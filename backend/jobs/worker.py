"""The job worker process: `python -m backend.jobs.worker`. Loads settings, connects, runs huey's
consumer. Memory-heavy work (OCR models) is paid here once, not in every web worker."""

from __future__ import annotations

import argparse
import logging
import threading

from huey import Huey
from huey.consumer import Consumer

from backend.prefill.reading import preload_reader
from backend.privacy.log_filter import install_log_filter
from backend.runtime import configure
from backend.settings import load_settings


# huey's consumer polls its storage (SQLite) with a delay that starts at `initial_delay` and grows by `backoff`
# while idle, up to `max_delay`. Its default of 10 s means a photo uploaded after a quiet minute waited up to
# 10 s before its read began; a person holding the phone expects the pre-filled fields in a few seconds. An
# empty poll of the SQLite queue costs well under a millisecond, so a quarter of a second is cheap. (On Redis
# huey blocks on the list instead of polling, and these delays hardly matter.)
INITIAL_DELAY_SECONDS = 0.05
BACKOFF = 1.15
MAX_DELAY_SECONDS = 0.25


def make_consumer(huey: Huey, *, workers: int = 2, max_delay: float = MAX_DELAY_SECONDS,
                  periodic: bool = True) -> Consumer:
    # SIGTERM (what systemd and deploys send) stops the worker gracefully: the tasks under way finish, then it
    # exits. huey's default makes SIGINT the graceful one and SIGTERM an immediate exit, which dropped the photo
    # being read (its lease and the sweep would redo it, minutes later). SIGINT (Ctrl-C) now stops at once, and a
    # second SIGTERM during the graceful stop does too.
    return huey.create_consumer(workers=workers, worker_type="thread", periodic=periodic,
                                check_worker_health=True, initial_delay=INITIAL_DELAY_SECONDS, backoff=BACKOFF,
                                max_delay=max(max_delay, INITIAL_DELAY_SECONDS), graceful_signal="TERM")


class SameFailureOncePerMinute(logging.Filter):
    """huey's consumer logs a traceback each time it cannot read the queue, several a second while Redis is down
    (about 70 in 10 s): the first of a run is kept, then one a minute, saying how many were left out."""

    MESSAGE = "Error reading from queue"
    EVERY_SECONDS = 60.0

    def __init__(self) -> None:
        super().__init__()
        self._last_kept = float("-inf")
        self._left_out = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("huey.consumer") or record.msg != self.MESSAGE:
            return True
        if record.created - self._last_kept < self.EVERY_SECONDS:
            self._left_out += 1
            return False
        if self._left_out:
            record.msg = f"{self.MESSAGE} (and {self._left_out} times more since the last report)"
        self._last_kept, self._left_out = record.created, 0
        return True


def _quieten_queue_failures() -> None:
    quieter = SameFailureOncePerMinute()
    for handler in logging.getLogger().handlers:
        handler.addFilter(quieter)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the 两补网办 job worker.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-delay", type=float, default=MAX_DELAY_SECONDS,
                        help="longest wait between two looks at an idle queue, in seconds (default %(default)s)")
    parser.add_argument("--dev", action="store_true", help="generate missing dev secrets like make run")
    args = parser.parse_args()
    install_log_filter()
    _quieten_queue_failures()
    runtime_ = configure(load_settings(generate_dev_secrets=args.dev))
    if runtime_.jobs is None or runtime_.jobs.immediate:
        raise SystemExit("LIANGBU_JOB_QUEUE_URL is 'immediate': there is nothing for a worker to do.")
    consumer = make_consumer(runtime_.jobs.huey, workers=args.workers, max_delay=args.max_delay)
    # The OCR models load in about a second; loading them now, beside the consumer, keeps that second off
    # the first photo a person uploads.
    threading.Thread(target=preload_reader, args=(runtime_.settings.ocr_engine,), name="ocr-preload",
                     daemon=True).start()
    logging.getLogger("huey").setLevel(logging.INFO)
    consumer.run()


if __name__ == "__main__":
    main()
