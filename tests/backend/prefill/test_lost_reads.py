"""A photo's read is done exactly once whatever happens to its message or its worker: a message lost (the queue
down or hung at upload, huey's retries used up while the database was away) is sent again by the periodic sweep;
a worker killed mid-read (kill -9) leaves a lease that runs out, and the read is done again, once; a duplicate
message while the lease holds reads nothing; after the last attempt the read is failed, and the pre-fill list says
so in plain words instead of "queued" for ever."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backend.jobs.tasks import PERIODIC
from backend.prefill.reading import READ_LEASE_SECONDS, READ_MAX_ATTEMPTS, READ_TASK, _readers, read_material
from ocr.reading import Field, Reading
from tests.support import flows
from tests.support.flows import upload

NAME_ON_THE_PHOTO = "张三"


class WorkerKilled(BaseException):
    """kill -9 in the middle of a read: nothing after it runs, nothing more is recorded."""


class Reader:
    """The recognition engine, quick and predictable: each read gives the name; `during` runs in the middle of
    the next read (a kill, a duplicate message, a worker that takes over)."""

    def __init__(self) -> None:
        self.reads = 0
        self.during = None

    def read(self, image: bytes, kind: str, *, today=None) -> Reading:
        self.reads += 1
        during, self.during = self.during, None
        if during is not None:
            during()
        return Reading(kind=kind, fields={"name": Field(NAME_ON_THE_PHOTO, 0.95)})


class Queue:
    """The job queue, held: a read's message waits until the test runs it as the worker would; `down` refuses
    every message as Redis down does."""

    def __init__(self, jobs) -> None:
        self.passes_on = jobs.enqueue
        self.messages: list[str] = []
        self.down = False

    def enqueue(self, name: str, *args, **kwargs) -> None:
        if self.down:
            raise ConnectionError("the job queue is down")
        if name != READ_TASK:
            return self.passes_on(name, *args, **kwargs)
        self.messages.append(args[0])
        return None

    def run(self) -> list[str]:
        results = []
        while self.messages:
            results.append(read_material(self.messages.pop(0)))
        return results


@pytest.fixture
def reader(runtime, monkeypatch) -> Reader:
    reader = Reader()
    monkeypatch.setitem(_readers, "test-reader", reader)
    runtime.settings.ocr_engine = "test-reader"
    return reader


@pytest.fixture
def queue(runtime, reader) -> Queue:
    queue = Queue(runtime.jobs)
    runtime.jobs.enqueue = queue.enqueue
    return queue


def sweep() -> int:
    """The periodic sweep of reads, as the job worker runs it every minute."""
    function, minutes = PERIODIC["sweep_reads"]
    assert minutes == 1
    return function()


def photo_uploaded(client) -> tuple[str, str]:
    draft = flows.start(client)
    uploaded = upload(client, draft["id"], "disability_certificate")
    assert uploaded.status_code == 201, uploaded.get_json()
    return draft["id"], uploaded.get_json()["id"]


def prefill(client, application_id: str) -> dict:
    return client.get(f"/applications/{application_id}/prefill?reveal=true").get_json()


def kill(worker_dies=WorkerKilled):
    def die():
        raise worker_dies()
    return die


def test_a_read_whose_message_was_lost_is_done_by_the_sweep(as_applicant, reader, queue, clock):
    queue.down = True  # Redis down at upload: the upload is answered, its message lost
    application_id, material_id = photo_uploaded(as_applicant)
    queue.down = False
    assert queue.messages == []
    assert prefill(as_applicant, application_id)["reads"][0]["status"] == "queued"

    clock.current += timedelta(seconds=30)
    assert sweep() == 0  # its message may still be on its way
    clock.current += timedelta(seconds=31)
    assert sweep() == 1
    assert queue.run() == ["done"]

    answer = prefill(as_applicant, application_id)
    assert answer["reads"][0]["status"] == "done"
    assert [(p["field"], p["value"]) for p in answer["proposals"]] == [("applicant.name", NAME_ON_THE_PHOTO)]
    assert reader.reads == 1
    clock.current += timedelta(minutes=10)
    assert sweep() == 0


def test_a_read_whose_worker_died_mid_read_is_done_again_once_when_its_lease_runs_out(as_applicant, reader, queue,
                                                                                    clock):
    application_id, material_id = photo_uploaded(as_applicant)
    reader.during = kill()
    with pytest.raises(WorkerKilled):
        queue.run()
    assert prefill(as_applicant, application_id)["reads"][0]["status"] == "queued"

    clock.current += timedelta(seconds=READ_LEASE_SECONDS - 5)
    assert sweep() == 0  # still leased to the dead worker: nobody reads it meanwhile
    clock.current += timedelta(seconds=6)
    assert sweep() == 1  # the lease ran out: read again
    assert queue.run() == ["done"]
    assert read_material(material_id) == "nothing to do"  # a late duplicate message

    answer = prefill(as_applicant, application_id)
    assert answer["reads"][0]["status"] == "done"
    assert [p["field"] for p in answer["proposals"]] == ["applicant.name"]  # proposed once
    assert reader.reads == 2
    clock.current += timedelta(minutes=10)
    assert sweep() == 0


def test_a_duplicate_message_does_not_read_a_photo_again_while_its_lease_holds(as_applicant, reader, queue):
    application_id, material_id = photo_uploaded(as_applicant)
    duplicate: list[str] = []
    reader.during = lambda: duplicate.append(read_material(material_id))  # a second worker gets the same message

    assert queue.run() == ["done"]
    assert duplicate == ["being read"]
    assert reader.reads == 1
    assert [p["field"] for p in prefill(as_applicant, application_id)["proposals"]] == ["applicant.name"]


def test_a_worker_slower_than_its_lease_records_nothing_over_the_worker_that_took_over(as_applicant, reader, queue,
                                                                                     clock):
    application_id, material_id = photo_uploaded(as_applicant)
    took_over: list[str] = []

    def lease_runs_out_and_another_worker_reads_it():
        clock.current += timedelta(seconds=READ_LEASE_SECONDS + 1)
        took_over.append(read_material(material_id))

    reader.during = lease_runs_out_and_another_worker_reads_it
    assert queue.run() == ["nothing to do"]  # the slow one finds its attempt superseded
    assert took_over == ["done"]
    assert reader.reads == 2
    assert [p["field"] for p in prefill(as_applicant, application_id)["proposals"]] == ["applicant.name"]


def test_after_the_last_attempt_the_read_is_failed_and_the_prefill_list_says_so(as_applicant, reader, queue, clock):
    application_id, material_id = photo_uploaded(as_applicant)
    for _ in range(READ_MAX_ATTEMPTS):  # a photo that kills its worker every time
        reader.during = kill()
        with pytest.raises(WorkerKilled):
            queue.run()
        clock.current += timedelta(seconds=READ_LEASE_SECONDS + 1)
        assert sweep() == 1
    assert queue.run() == ["failed"]
    assert reader.reads == READ_MAX_ATTEMPTS

    read = prefill(as_applicant, application_id)["reads"][0]
    assert read["status"] == "failed"
    assert [warning["code"] for warning in read["warnings"]] == ["read_failed"]
    assert read["warnings"][0]["text"] == "这张照片没能自动读出来。照片已经收下了，请自己填写证件上的信息。"
    assert read["warnings"][0]["easy_read"] == "照片没读出来。照片收下了。请自己填。"
    clock.current += timedelta(minutes=10)
    assert sweep() == 0  # not tried for ever
