"""python -m fake_review_system --port 5002 --secret SECRET: a review system that receives hand-offs."""

import argparse
import signal
import threading

from fake_review_system.server import FakeReviewSystem, ReviewSystemState


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5002)
    parser.add_argument("--secret", required=True)
    args = parser.parse_args()
    system = FakeReviewSystem(ReviewSystemState(args.secret.encode()), args.host, args.port)
    system.start()
    print(f"fake_review_system receiving at {system.url}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    system.stop()


if __name__ == "__main__":
    main()
