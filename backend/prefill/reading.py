"""The OCR job: read one material's photo and turn what was read into proposals.

Runs in the job worker, where the recognition models are loaded once per process and their memory
(about 0.5 GB for RapidOCR) is paid once, never in the web workers (issue 5 item 2)."""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from sqlalchemy import select, update

from backend.applications.fields import FieldProblem, check_field
from backend.materials.models import Material
from backend.prefill.mapping import FIELD_MAP, MINIMUM_CONFIDENCE, READABLE_KINDS
from backend.prefill.models import DocumentRead, PrefillProposal
from backend.runtime import china_date, runtime
from backend.unit_of_work import UnitOfWork, unit_of_work

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


def queue_read(uow: UnitOfWork, material: Material) -> None:
    """Called in the upload's transaction: the read is recorded as queued and enqueued after commit."""
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
    """The job. Safe to run twice: a read that is already done is not repeated."""
    with unit_of_work() as uow:
        read = uow.session.scalars(select(DocumentRead).where(DocumentRead.material_id == material_id)).first()
        material = uow.session.get(Material, material_id)
        if read is None or material is None or read.status != "queued":
            return "nothing to do"
        engine = read.engine or uow.runtime.settings.ocr_engine
        storage_key, kind = material.storage_key, READABLE_KINDS[material.kind]
        today = china_date(uow.now)
    try:
        reading = _reader(engine).read(runtime().storage.get(storage_key), kind, today=today)
    except Exception:
        log.exception("OCR failed on a material")
        with unit_of_work() as uow:
            uow.session.execute(update(DocumentRead).where(DocumentRead.material_id == material_id)
                                .values(status="failed", finished_at=uow.now))
            uow.commit()
        return "failed"
    with unit_of_work() as uow:
        read = uow.session.scalars(select(DocumentRead).where(DocumentRead.material_id == material_id)).one()
        material = uow.session.get(Material, material_id)
        read.status, read.kind, read.finished_at = "done", reading.kind, uow.now
        read.warnings = [warning.to_json() for warning in reading.warnings]
        if material is not None and material.superseded_at is None:
            _propose(uow, material, reading)
        uow.commit()
    return "done"


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
