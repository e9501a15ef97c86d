"""Use cases of proof materials: add_material, replace_material, remove_material, list_materials,
material_file. "全程网办" means materials are submitted, checked and modified online (seed 002): while the
application is a draft, and when a reviewer asks for a correction of exactly those materials."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select

from backend.accounts.actor import Actor
from backend.applications.access import Purpose, Relation
from backend.applications.models import Application, StatusEvent
from backend.applications.roles import role_word
from backend.applications.stages import Stage, why_locked
from backend.applications.vocabulary import MATERIAL_KINDS
from backend.errors import Conflict, ConsentRequired, FieldError, InvalidInput, NotFound, TooLarge
from backend.materials.images import NormalisedImage, normalise_image
from backend.materials.models import Material, StorageIntent
from backend.materials.refusals import RefusedFile
from backend.prefill.reading import queue_read
from backend.runtime import runtime
from backend.unit_of_work import UnitOfWork, unit_of_work

log = logging.getLogger(__name__)
INTENT_GRACE = timedelta(hours=1)  # an intent older than this was interrupted by a crash


class FileRefused(InvalidInput):
    """The uploaded file cannot be used; `params` says why in terms a person can act on."""
    code = "file_refused"


@dataclass(frozen=True)
class FileContent:
    data: bytes
    media_type: str
    filename: str


def add_material(actor: Actor, application_id: str, kind: str, data: bytes) -> dict[str, Any]:
    _check_kind(kind)
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT)
        _check_may_change(uow, application, kind)
    image = _normalise(data)
    keys = _write_files(image)
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT, for_update=True)
        _check_may_change(uow, application, kind)
        material = _new_material(uow, actor, application, kind, image, keys, slot=secrets.token_hex(8), version=1)
        _record_change(uow, actor, application, "material.added", material)
        queue_read(uow, material)
        uow.commit()
        return material_document(material)


def replace_material(actor: Actor, application_id: str, material_id: str, data: bytes) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT)
        current = _current(uow, application, material_id)
        _check_may_change(uow, application, current.kind)
        correcting, current_sha256 = application.stage == Stage.CORRECTION_REQUESTED.value, current.sha256
    image = _normalise(data)
    if correcting and image.sha256 == current_sha256:
        # The very photo the reviewer sent back (picked again from the phone's album): it cannot answer the
        # correction, and the person would only learn so at the next correction request, weeks later.
        raise FileRefused("file_same_photo_again", errors=[FieldError("file", "file_same_photo_again")])
    keys = _write_files(image)
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT, for_update=True)
        current = _current(uow, application, material_id)
        _check_may_change(uow, application, current.kind)
        replacement = _new_material(uow, actor, application, current.kind, image, keys, slot=current.slot,
                                    version=current.version + 1)
        # The old version is kept, superseded, never destroyed: the reviewer sees what changed and when.
        current.superseded_at = uow.now
        current.superseded_by_id = replacement.id
        _record_change(uow, actor, application, "material.replaced", replacement)
        queue_read(uow, replacement)
        uow.commit()
        return material_document(replacement)


def remove_material(actor: Actor, application_id: str, material_id: str) -> None:
    deleted_keys: list[str] = []
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.EDIT, for_update=True)
        material = _current(uow, application, material_id)
        _check_may_change(uow, application, material.kind)
        versions = list(uow.session.scalars(select(Material).where(
            Material.application_id == application.id, Material.slot == material.slot)))
        if application.submission_count == 0:
            # Never submitted: nobody else has seen it, so a removed photo is really deleted (its intent
            # makes sure the files go even if the process dies right after the commit).
            deleted_keys = [key for version in versions for key in (version.storage_key, version.thumbnail_key)]
            for key in deleted_keys:
                uow.session.add(StorageIntent(key=key, purpose="delete", created_at=uow.now))
            for version in versions:
                uow.session.delete(version)
            _record_change(uow, actor, application, "material.deleted", material)
        else:
            material.superseded_at = uow.now
            _record_change(uow, actor, application, "material.withdrawn", material)
        uow.commit()
    if deleted_keys:
        _delete_files(deleted_keys)


def list_materials(actor: Actor, application_id: str, *, include_superseded: bool = False) -> list[dict[str, Any]]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW)
        query = select(Material).where(Material.application_id == application.id)
        if not include_superseded:
            query = query.where(Material.superseded_at.is_(None))
        materials = list(uow.session.scalars(query.order_by(Material.uploaded_at)))
        return [material_document(material) for material in materials]


def material_file(actor: Actor, application_id: str, material_id: str, *, thumbnail: bool) -> FileContent:
    with unit_of_work() as uow:
        # The photo (even its thumbnail) shows the whole ID or certificate number: the same right as
        # `?reveal=true`, not mere viewing (a family member sees the list of materials, not their pictures).
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW_FILES)
        material = uow.session.get(Material, material_id) if isinstance(material_id, str) else None
        if material is None or material.application_id != application.id:
            raise NotFound("material_not_found")
        if uow.applications.relation_of(actor, application) is not Relation.APPLICANT:
            uow.audit.record(actor, "material.viewed", application_id=application.id, fields=[material.kind])
            uow.commit()
        key = material.thumbnail_key if thumbnail else material.storage_key
        media_type = material.thumbnail_media_type if thumbnail else material.media_type
        filename = f"{material.kind}-v{material.version}{'-thumbnail' if thumbnail else ''}.jpg"
    return FileContent(runtime().storage.get(key), media_type, filename)


def material_document(material: Material) -> dict[str, Any]:
    base = f"/api/v1/applications/{material.application_id}/materials/{material.id}/file"
    return {
        "id": material.id, "kind": material.kind, "version": material.version, "slot": material.slot,
        "media_type": material.media_type, "width": material.width, "height": material.height,
        "size_bytes": material.size_bytes, "sha256": material.sha256, "source_format": material.source_format,
        "uploaded_at": material.uploaded_at, "superseded_at": material.superseded_at,
        "superseded_by": material.superseded_by_id, "submission_number": material.submission_number,
        "current": material.superseded_at is None, "url": base, "thumbnail_url": base + "?variant=thumbnail",
    }


def sweep_storage_intents() -> int:
    """Finishes writes and deletions that a crash interrupted: files of intents older than the grace
    period are removed (a write that never got its material row) and the intents dropped."""
    storage = runtime().storage
    with unit_of_work() as uow:
        stale = list(uow.session.scalars(select(StorageIntent).where(
            StorageIntent.created_at < uow.now - INTENT_GRACE)))
        keys = [intent.key for intent in stale]
    for key in keys:
        storage.delete(key)
    if keys:
        with unit_of_work() as uow:
            uow.session.execute(delete(StorageIntent).where(StorageIntent.key.in_(keys)))
            uow.commit()
    return len(keys)


def mark_submitted(uow: UnitOfWork, application: Application) -> list[dict[str, Any]]:
    """At submission, current materials not yet part of a submission become part of this one; returns the
    versions submitted, to be frozen with the submission."""
    submitted = []
    for material in uow.session.scalars(select(Material).where(
            Material.application_id == application.id, Material.superseded_at.is_(None))
            .order_by(Material.uploaded_at)):
        if material.submission_number is None:
            material.submission_number = application.submission_count
        submitted.append({"id": material.id, "kind": material.kind, "version": material.version,
                          "sha256": material.sha256, "media_type": material.media_type,
                          "size_bytes": material.size_bytes})
    return submitted


# --- the rules -------------------------------------------------------------------------------------

def _check_kind(kind: str) -> None:
    if kind not in MATERIAL_KINDS:
        raise InvalidInput(errors=[FieldError("kind", "not_a_choice", {"choices": ", ".join(MATERIAL_KINDS)})])


def _check_may_change(uow: UnitOfWork, application: Application, kind: str) -> None:
    consented = {consent.purpose for consent in uow.applications.consents(application)}
    if "sensitive_personal_information" not in consented:
        # Photos of ID cards, certificates and 低保 proof are sensitive personal information (PIPL art. 28-29).
        raise ConsentRequired(errors=[FieldError("file", "consent_required")],
                              params={"purpose": "sensitive_personal_information"})
    stage = Stage(application.stage)
    if stage is Stage.DRAFT:
        return
    if stage is Stage.CORRECTION_REQUESTED:
        if kind in uow.applications.correction_items(application):
            return
        raise Conflict("material_not_asked_for", params={"kind": kind})
    why = why_locked(stage)
    raise Conflict("materials_locked", params={"stage": stage.value}, text_code=f"materials_locked_{why}" if why else None)


def _current(uow: UnitOfWork, application: Application, material_id: str) -> Material:
    material = uow.session.get(Material, material_id) if isinstance(material_id, str) else None
    if material is None or material.application_id != application.id:
        raise NotFound("material_not_found")
    if material.superseded_at is not None:
        # Replaced by a newer version, or removed by the applicant after it was submitted (kept for the
        # reviewer, never shown as current): the words differ, what to do next does too.
        raise Conflict("material_already_replaced" if material.superseded_by_id else "material_removed")
    return material


def _normalise(data: bytes) -> NormalisedImage:
    try:
        return normalise_image(data, max_bytes=runtime().settings.max_upload_bytes)
    except RefusedFile as refused:
        params = {key: value for key, value in refused.params.items() if value is not None}
        if refused.code == "too_large":
            limit_mb = max(1, refused.params["limit_bytes"] // (1024 * 1024))
            raise TooLarge("file_too_large", params={"limit_mb": limit_mb},
                           errors=[FieldError("file", "file_too_large", {"limit_mb": limit_mb})]) from None
        raise FileRefused(f"file_{refused.code}", params=params,
                          errors=[FieldError("file", f"file_{refused.code}", params)]) from None


def _write_files(image: NormalisedImage) -> tuple[str, str]:
    keys = (secrets.token_urlsafe(24), secrets.token_urlsafe(24))
    with unit_of_work() as uow:
        for key in keys:
            uow.session.add(StorageIntent(key=key, purpose="write", created_at=uow.now))
        uow.commit()
    storage = runtime().storage
    storage.put(keys[0], image.content, image.media_type)
    storage.put(keys[1], image.thumbnail, image.thumbnail_media_type)
    return keys


def _delete_files(keys: list[str]) -> None:
    storage = runtime().storage
    try:
        for key in keys:
            storage.delete(key)
    except Exception:  # the intents stay; the sweep deletes them later
        log.exception("could not delete stored files now; the sweep will")
        return
    with unit_of_work() as uow:
        uow.session.execute(delete(StorageIntent).where(StorageIntent.key.in_(keys)))
        uow.commit()


def _new_material(uow: UnitOfWork, actor: Actor, application: Application, kind: str, image: NormalisedImage,
                  keys: tuple[str, str], *, slot: str, version: int) -> Material:
    material = Material(
        application_id=application.id, kind=kind, slot=slot, version=version, storage_key=keys[0],
        thumbnail_key=keys[1], media_type=image.media_type, thumbnail_media_type=image.thumbnail_media_type,
        width=image.width, height=image.height, size_bytes=len(image.content), sha256=image.sha256,
        source_format=image.source_format, uploaded_by_user_id=actor.user_id, uploaded_at=uow.now)
    uow.session.add(material)
    # The material row and the end of the write intent commit together: from then on the row knows the file.
    uow.session.execute(delete(StorageIntent).where(StorageIntent.key.in_(keys)))
    uow.session.flush()
    return material


def _record_change(uow: UnitOfWork, actor: Actor, application: Application, action: str, material: Material) -> None:
    application.version += 1
    application.updated_at = uow.now
    uow.audit.record(actor, action, application_id=application.id, fields=[material.kind])
    if Stage(application.stage) is Stage.CORRECTION_REQUESTED:
        # A photo asked for and removed is no correction yet: the timeline (and the reviewer) must not read
        # "补正了" until a new one arrives.
        uow.session.add(StatusEvent(
            application_id=application.id,
            type="material_removed" if action == "material.withdrawn" else "material_changed",
            stage_after=application.stage,
            actor_role=role_word(uow, actor, application),
            occurred_at=uow.now, recorded_at=uow.now, details={"kind": material.kind, "version": material.version}))
