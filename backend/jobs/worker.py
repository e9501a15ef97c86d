"""The job worker process: `python -m backend.jobs.worker`. Loads settings, connects, runs huey's
consumer. Memory-heavy work (OCR models) is paid here once, not in every web worker."""

from __future__ import annotations

import argparse
import logging

from backend.privacy.log_filter import install_log_filter
from backend.runtime import configure
from backend.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the 两补网办 job worker.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dev", action="store_true", help="generate missing dev secrets like make run")
    args = parser.parse_args()
    install_log_filter()
    runtime_ = configure(load_settings(generate_dev_secrets=args.dev))
    if runtime_.jobs is None or runtime_.jobs.immediate:
        raise SystemExit("LIANGBU_JOB_QUEUE_URL is 'immediate': there is nothing for a worker to do.")
    consumer = runtime_.jobs.huey.create_consumer(workers=args.workers, worker_type="thread",
                                                  periodic=True, check_worker_health=True)
    logging.getLogger("huey").setLevel(logging.INFO)
    consumer.run()


if __name__ == "__main__":
    main()
