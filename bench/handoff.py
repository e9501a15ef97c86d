"""Hand-off throughput and delay, to a local receiver over HTTP (a real server on loopback).

    .venv/bin/python bench/handoff.py [--applications 40] [--latency-runs 20]

Prints hand-offs per second (each carrying its 4 photos inline, about 0.3 MB of JSON) and the delay from
submit to delivery through the embedded job queue (huey on SQLite, a worker thread pool in this
process), median and p95. Synthetic people and generated photos only."""

from __future__ import annotations

import argparse
import base64
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.accounts.actor import Actor  # noqa: E402
from backend.accounts.models import Role, User  # noqa: E402
from backend.applications.service import DraftChanges, create_application, save_draft, submit_application  # noqa: E402
from backend.applications.vocabulary import CONSENT_PURPOSES  # noqa: E402
from backend.db.base import new_id  # noqa: E402
from backend.db.migrate import upgrade  # noqa: E402
from backend.demo_photos import DEMO_KINDS, demo_photo  # noqa: E402
from backend.identity.synthetic import make_person, synthetic_certificate_number  # noqa: E402
from backend.materials.service import add_material  # noqa: E402
from backend.review.handoff import dispatch_handoffs  # noqa: E402
from backend.review.http_system import HttpReviewSystem  # noqa: E402
from backend.runtime import configure  # noqa: E402
from backend.settings import Settings  # noqa: E402
from backend.unit_of_work import unit_of_work  # noqa: E402
from fake_review_system.server import running_review_system  # noqa: E402

SECRET = "bench-secret"


def ready_application(actor: Actor, photos: dict[str, bytes], index: int) -> str:
    person = make_person(region="500156", born="1958-03-01")
    document = create_application(actor, subsidies=["living", "nursing"], applying_as="self",
                                  changes=DraftChanges(consents=list(CONSENT_PURPOSES)))
    values = {"applicant.name": person.name, "applicant.id_number": person.id_number,
              "applicant.hukou_region": "500156", "applicant.address": person.address, "applicant.phone": person.phone,
              "certificate.number": synthetic_certificate_number(person.id_number, 4, 2),
              "certificate.issue_date": "2020-01-01", "certificate.valid_until": "2030-01-01",
              "household.status": "dibao", "policy_notice_acknowledged": True}
    document = save_draft(actor, document["id"], DraftChanges(values=values), expected_version=document["version"])
    for kind in DEMO_KINDS:
        add_material(actor, document["id"], kind, photos[kind])
    return document["id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=40)
    parser.add_argument("--latency-runs", type=int, default=20)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="liangbu-bench-"))
    database = f"sqlite:///{workdir / 'bench.sqlite3'}"
    upgrade(database)
    settings = Settings(instance_dir=workdir, database_url=database, storage_dir=workdir / "storage",
                        job_queue_url=f"sqlite:///{workdir / 'jobs.sqlite3'}", ocr_engine="none",
                        data_key=base64.b64encode(b"b" * 32).decode(), secret_key="bench-secret-key-0123456789")
    runtime = configure(settings)
    photos = {kind: demo_photo(kind) for kind in DEMO_KINDS}
    with unit_of_work() as uow:
        user = User(id=new_id(), role="public", display_name="bench", created_at=uow.now)
        uow.session.add(user)
        uow.commit()
        actor = Actor(user_id=user.id, role=Role.PUBLIC)

    with running_review_system(SECRET) as receiver:
        runtime.review_system = HttpReviewSystem(receiver.url, SECRET.encode(), timeout=10)
        jobs, runtime.jobs = runtime.jobs, None  # phase 1: submissions queue up, nothing sends yet
        ids = [ready_application(actor, photos, index) for index in range(args.applications)]
        for application_id in ids:
            submit_application(actor, application_id)
        started = time.perf_counter()
        delivered = dispatch_handoffs(limit=args.applications)
        elapsed = time.perf_counter() - started
        sizes = [len(str(item.packet)) for item in receiver.state.received]
        print(f"throughput: {delivered} hand-offs with 4 photos each in {elapsed:.2f} s = "
              f"{delivered / elapsed:.1f} per second (packet ~{statistics.median(sizes) / 1e6:.2f} MB)")

        runtime.jobs = jobs  # phase 2: through the embedded queue and a worker, as `make run` does
        consumer = jobs.huey.create_consumer(workers=2, worker_type="thread", periodic=False)
        consumer.start()
        delays = []
        try:
            for index in range(args.latency_runs):
                application_id = ready_application(actor, photos, 1000 + index)
                before = len(receiver.state.received)
                submitted_at = time.time()
                submit_application(actor, application_id)
                while len(receiver.state.received) == before:
                    time.sleep(0.005)
                delays.append(receiver.state.received[-1].received_at - submitted_at)
        finally:
            consumer.stop(graceful=True)
        delays.sort()
        p95 = delays[math.ceil(0.95 * len(delays)) - 1]      # nearest rank: the largest of fewer than 20 runs
        print(f"delay submit -> delivered, {len(delays)} runs: median {statistics.median(delays) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
