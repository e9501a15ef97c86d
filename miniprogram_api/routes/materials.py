"""Proof materials: upload (multipart, Idempotency-Key), list, replace, delete, and the file itself,
served only here, to those the access rule allows, as an attachment-safe download."""

from __future__ import annotations

from flask import Response
from flask_openapi3 import APIBlueprint, FileStorage, Tag
from pydantic import BaseModel, Field

from backend.applications.access import Purpose
from backend.materials import service
from miniprogram_api.guards import current_actor
from miniprogram_api.idempotency import idempotent, still_may
from miniprogram_api.render import render
from miniprogram_api.schemas.applications import MaterialKind
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, Problem, Strict

materials = APIBlueprint("materials", __name__, url_prefix="/api/v1",
                         abp_tags=[Tag(name="materials", description="Proof materials (photos)")],
                         abp_security=[{"bearer": []}])

RESPONSES = {**PROBLEM_RESPONSES, 413: Problem}


class Upload(BaseModel):
    file: FileStorage = Field(description="JPEG, PNG, HEIC/HEIF or WebP; decided from the bytes, not the name.")
    kind: MaterialKind

    model_config = {"openapi_extra": {"examples": {"certificate_photo": {
        "summary": "a photo of the disability certificate",
        "value": {"kind": "disability_certificate", "file": "(binary)"}}}}}


class Replacement(BaseModel):
    file: FileStorage

    model_config = {"openapi_extra": {"examples": {"new_photo": {"summary": "a clearer photo",
                                                                 "value": {"file": "(binary)"}}}}}


class MaterialPath(BaseModel):
    application_id: str = Field(max_length=64)
    material_id: str = Field(max_length=64)


class ApplicationPathOnly(BaseModel):
    application_id: str = Field(max_length=64)


class ListQuery(Strict):
    include_superseded: bool = Field(False, description="Also the replaced versions, with when they changed.")


class FileQuery(Strict):
    variant: str = Field("full", pattern="^(full|thumbnail)$")


@materials.post("/applications/<application_id>/materials", summary="Upload a photo of a material",
                description="Send an Idempotency-Key: a retried upload on a dropped connection stores one file.",
                responses={201: {"description": "The stored material"}, **RESPONSES})
@idempotent(replay_if=still_may(Purpose.EDIT))
def upload(path: ApplicationPathOnly, form: Upload):
    document = service.add_material(current_actor(), path.application_id, form.kind, form.file.read())
    return render(document, 201, {"Location": document["url"].rsplit("/file", 1)[0]})


@materials.get("/applications/<application_id>/materials", summary="The application's materials",
               responses=RESPONSES)
def list_materials(path: ApplicationPathOnly, query: ListQuery):
    return render({"materials": service.list_materials(current_actor(), path.application_id,
                                                       include_superseded=query.include_superseded)})


@materials.put("/applications/<application_id>/materials/<material_id>",
               summary="Replace a material (the old version is kept as superseded)", responses=RESPONSES)
@idempotent(replay_if=still_may(Purpose.EDIT))
def replace(path: MaterialPath, form: Replacement):
    return render(service.replace_material(current_actor(), path.application_id, path.material_id,
                                           form.file.read()))


@materials.delete("/applications/<application_id>/materials/<material_id>",
                  summary="Remove a material (deleted in a draft; kept on record once submitted)",
                  responses={204: None, **RESPONSES})
def remove(path: MaterialPath):
    service.remove_material(current_actor(), path.application_id, path.material_id)
    return Response(status=204)


@materials.get("/applications/<application_id>/materials/<material_id>/file",
               summary="The stored image (or its thumbnail)", responses={200: {"description": "JPEG"}, **RESPONSES})
def material_file(path: MaterialPath, query: FileQuery):
    content = service.material_file(current_actor(), path.application_id, path.material_id,
                                    thumbnail=query.variant == "thumbnail")
    response = Response(content.data, mimetype=content.media_type)
    response.headers["X-Content-Type-Options"] = "nosniff"
    # An ASCII name we made (never the uploader's), so no header injection and no script-bearing name.
    response.headers["Content-Disposition"] = f'inline; filename="{content.filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
