"""The OCR job: read one material's photo and turn what was read into proposals.

Runs in the job worker, where the recognition models are loaded once per process and their memory
(about 0.5 GB for RapidOCR) is paid once, never in the web workers (issue 5 item 2)."""

from __future__ import annotations

import json
import logging
import threading
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update

from backend.applications.fields import FieldProblem, check_field
from backend.jobs.queue import send_again
from backend.materials.light import too_dark
from backend.materials.models import Material
from backend.prefill.mapping import FIELD_MAP, MINIMUM_CONFIDENCE, READABLE_KINDS
from backend.prefill.models import DocumentRead, PrefillProposal
from backend.runtime import china_date, runtime
from backend.unit_of_work import UnitOfWork, unit_of_work
from ocr.reading import NO_DOCUMENT_FOUND, RETAKE_ADVICE   # result types only: no model, no image library

log = logging.getLogger(__name__)
READ_TASK = "read_material"

_readers: dict[str, Any] = {}
_readers_lock = threading.Lock()


def _reader(engine: str):
    with _readers_lock:
        if engine not in _readers:
            from ocr.api import Reader  # imported here: web processes that never read pay nothing
            _readers[engine] = Reader(engine=engine)
        return _readers[engine]


def preload_reader(engine: str) -> None:
    """Loads the engine's models ahead of the first read (the job worker calls it at start)."""
    if engine == "none":
        return
    try:
        _reader(engine)
    except Exception:  # noqa: BLE001 - the first read will try again and record its failure
        log.exception("OCR models could not be preloaded")


# A read is leased to the worker that starts it for READ_LEASE_SECONDS (a read takes seconds; the lease outlives a
# slow one on a busy machine): meanwhile a duplicate message, or the sweep, does not start it again. A worker killed
# mid-read leaves its lease to run out, and the sweep sends the read again. A read still queued and unleased
# READ_SWEEP_AFTER_SECONDS after it was queued lost its message (the queue was down or hung at upload, or huey
# gave up its retries while the database was away): the sweep sends it again too. After READ_MAX_ATTEMPTS starts
# the read is failed, and the pre-fill list says so (`read_failed`): a photo that kills its worker every time is not
# read for ever, and the person fills the fields in themselves.
READ_LEASE_SECONDS = 120
READ_SWEEP_AFTER_SECONDS = 60
READ_MAX_ATTEMPTS = 3
READ_FAILED = {"code": "read_failed"}  # the warning of a read that failed (backend/messages/ocr_texts.py)


def queue_read(uow: UnitOfWork, material: Material) -> None:
    """Called in the upload's transaction: the read is recorded as queued and enqueued after commit. An enqueue
    that fails (the queue down) is logged by the unit of work, and the read is sent again by `sweep_reads`."""
    if material.kind not in READABLE_KINDS:
        return
    engine = uow.runtime.settings.ocr_engine
    uow.session.add(DocumentRead(application_id=material.application_id, material_id=material.id,
                                 status="queued" if engine != "none" else "skipped", engine=engine,
                                 queued_at=uow.now))
    jobs = uow.runtime.jobs
    if engine != "none" and jobs is not None:
        material_id = material.id
        uow.after_commit(lambda: jobs.enqueue(READ_TASK, material_id))


def read_material(material_id: str) -> str:
    """The job. Safe to run twice, at once or late: a read that is done, or leased to another worker, is not
    started again, and only the worker holding the latest attempt records what it read."""
    claimed = _claim(material_id)
    if isinstance(claimed, str):
        return claimed
    attempt, engine, storage_key, kind, today = claimed
    try:
        content = runtime().storage.get(storage_key)
        reading = _reader(engine).read(content, kind, today=today)
    except Exception:
        log.exception("OCR failed on a material")
        with unit_of_work() as uow:
            read = _own(uow, material_id, attempt)
            if read is None:
                return "nothing to do"
            _fail(uow, read)
            uow.commit()
        return "failed"
    with unit_of_work() as uow:
        read = _own(uow, material_id, attempt)
        if read is None:
            return "nothing to do"  # its lease ran out and another worker took it over: theirs is recorded
        material = uow.session.get(Material, material_id)
        read.status, read.kind, read.finished_at, read.leased_until = "done", reading.kind, uow.now, None
        read.warnings = _worth_saying(reading, content)
        if material is not None and material.superseded_at is None:
            _propose(uow, material, reading)
        uow.commit()
    return "done"


def _claim(material_id: str) -> tuple[int, str, str, str, date] | str:
    """Leases the read to this worker and counts the attempt; says why not when it may not be started."""
    with unit_of_work() as uow:
        read = _locked(uow, material_id)
        if read is None or read.status != "queued":
            return "nothing to do"
        if read.leased_until is not None and read.leased_until > uow.now:
            return "being read"  # by another worker, or by this one: a duplicate message
        material = uow.session.get(Material, material_id)
        if material is None:  # pragma: no cover - the read goes with its material (ON DELETE CASCADE)
            return "nothing to do"
        if read.attempts >= READ_MAX_ATTEMPTS:
            log.warning("photo read failed after %s attempts", read.attempts)
            _fail(uow, read)
            uow.commit()
            return "failed"
        read.attempts += 1
        read.leased_until = uow.now + timedelta(seconds=READ_LEASE_SECONDS)
        claimed = (read.attempts, read.engine or uow.runtime.settings.ocr_engine, material.storage_key,
                   READABLE_KINDS[material.kind], china_date(uow.now))
        uow.commit()
        return claimed


def _locked(uow: UnitOfWork, material_id: str) -> DocumentRead | None:
    # On PostgreSQL the row is locked until commit, so two workers cannot both lease it; SQLite renders no FOR
    # UPDATE, and its BEGIN IMMEDIATE already lets one writer at a time.
    return uow.session.scalars(select(DocumentRead).where(DocumentRead.material_id == material_id).with_for_update()).first()


def _own(uow: UnitOfWork, material_id: str, attempt: int) -> DocumentRead | None:
    """The read, when this worker's attempt is still the one that counts."""
    read = _locked(uow, material_id)
    if read is None or read.status != "queued" or read.attempts != attempt:
        return None
    return read


def _fail(uow: UnitOfWork, read: DocumentRead) -> None:
    read.status, read.finished_at, read.leased_until = "failed", uow.now, None
    read.warnings = [dict(READ_FAILED)]


def sweep_reads(limit: int = 200) -> int:
    """The periodic sweep: sends again each read still queued whose message was lost (unleased a while after it
    was queued) or whose worker died (its lease ran out). Returns how many it sent. The job itself decides:
    a read done meanwhile is left alone, and one out of attempts is failed."""
    with unit_of_work() as uow:
        lost = uow.now - timedelta(seconds=READ_SWEEP_AFTER_SECONDS)
        material_ids = list(uow.session.scalars(
            select(DocumentRead.material_id)
            .where(DocumentRead.status == "queued",
                   or_(and_(DocumentRead.leased_until.is_(None), DocumentRead.queued_at <= lost),
                       DocumentRead.leased_until <= uow.now))
            .order_by(DocumentRead.queued_at).limit(limit)))
        jobs = uow.runtime.jobs
    return send_again(jobs, READ_TASK, material_ids, "a queued photo read")


# Said when a reading found no document (NO_DOCUMENT_FOUND) in a dark photo: the likeliest cause a person can
# act on.
PHOTO_TOO_DARK = {"code": "photo_too_dark"}


def _worth_saying(reading, content: bytes) -> list[dict[str, Any]]:
    """The reading's warnings the person is told. A photo of another document than the one asked for (a
    certificate in the ID card's back slot) is said to be that; what could not be read of the document asked
    for ("没读到发证的单位") would only send them looking for fields their photo cannot have. A reading that found
    nothing (no document, or not one field) in a dark photo says first that it is too dark (`photo_too_dark`):
    "请放平，拍全" alone sent a person to lay the card flat again in the same dark room."""
    warnings = reading.warnings
    mismatch = any(warning.code == "kind_mismatch" for warning in warnings)
    # Advice for a better photo of another document is no help: the person is told it is the wrong one.
    said = [warning.to_json() for warning in warnings
            if not (mismatch and (warning.field or warning.code in RETAKE_ADVICE))]
    found_nothing = not reading.fields or any(warning.code in NO_DOCUMENT_FOUND for warning in warnings)
    if not mismatch and found_nothing and too_dark(content):
        # One piece of advice about the light, the stronger one.
        said = [dict(PHOTO_TOO_DARK), *(w for w in said if w["code"] != "photo_dark")]
    return said


def _propose(uow: UnitOfWork, material: Material, reading) -> None:
    mapping = FIELD_MAP.get(reading.kind or "", {}) if reading.kind == READABLE_KINDS[material.kind] else {}
    # A newer photo of the same document replaces the proposals of the older one.
    uow.session.execute(update(PrefillProposal).where(
        PrefillProposal.application_id == material.application_id, PrefillProposal.status == "pending",
        PrefillProposal.material_id.in_(select(Material.id).where(Material.slot == material.slot)))
        .values(status="superseded", decided_at=uow.now))
    for document_field, path in mapping.items():
        found = reading.fields.get(document_field)
        if found is None or found.confidence < MINIMUM_CONFIDENCE:
            continue
        try:
            value = check_field(path, found.value)
        except FieldProblem:
            continue  # the reader validated it; a value our own rules refuse is not proposed
        if path == "certificate.number":
            value = value["number"]
        proposal = PrefillProposal(application_id=material.application_id, material_id=material.id, field=path,
                                   document_field=document_field, value=b"", confidence=float(found.confidence),
                                   status="pending", created_at=uow.now)
        uow.session.add(proposal)
        uow.session.flush()
        proposal.value = seal(uow, proposal, value)


def seal(uow: UnitOfWork, proposal: PrefillProposal, value: Any) -> bytes:
    return uow.vault.encrypt(json.dumps(value, ensure_ascii=False).encode(), context=f"prefill:{proposal.id}")


def unseal(uow: UnitOfWork, proposal: PrefillProposal) -> Any:
    return json.loads(uow.vault.decrypt(proposal.value, context=f"prefill:{proposal.id}"))
