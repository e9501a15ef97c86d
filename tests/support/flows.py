"""Whole steps as an applicant's phone performs them: start, fill, photograph, submit."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw

from tests.support.factories import ALL_CONSENTS, complete_fields

# What a complete self-application needs for both subsidies in a 低保 household (seed 004, 政策告知书 三).
REQUIRED_PHOTOS = ("id_card_front", "id_card_back", "disability_certificate", "dibao_proof")


@lru_cache(maxsize=8)
def photo_bytes(label: str = "photo", width: int = 800, height: int = 600) -> bytes:
    picture = Image.new("RGB", (width, height), (236, 232, 222))
    draw = ImageDraw.Draw(picture)
    for row in range(40, height - 40, 48):
        draw.rectangle((60, row, width - 60 - (row * 7) % 200, row + 18), fill=(40, 40, 48))
    draw.text((20, 10), label, fill=(180, 30, 30))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def upload(client, application_id: str, kind: str, data: bytes | None = None, **headers):
    return client.client.post(
        f"/api/v1/applications/{application_id}/materials",
        data={"kind": kind, "file": (io.BytesIO(photo_bytes(kind) if data is None else data), f"{kind}.jpg")},
        content_type="multipart/form-data", headers={**client._headers(None), **headers})


def start(client, *, subsidies=("living", "nursing"), applying_as: str = "self", consents=ALL_CONSENTS,
          **body: Any) -> dict:
    response = client.post("/applications", json={"subsidies": list(subsidies), "applying_as": applying_as,
                                                  "consents": list(consents), **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def ready_to_submit(client, *, photos=REQUIRED_PHOTOS, fields: dict | None = None, **start_args: Any) -> dict:
    """A draft with every field and photo in place."""
    draft = start(client, **start_args)
    saved = client.patch(f"/applications/{draft['id']}", json=fields or complete_fields(), version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    for kind in photos:
        response = upload(client, draft["id"], kind)
        assert response.status_code == 201, response.get_json()
    return client.get(f"/applications/{draft['id']}").get_json()


def submitted(client, **kwargs: Any) -> dict:
    draft = ready_to_submit(client, **kwargs)
    response = client.post(f"/applications/{draft['id']}/submit")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def confirmed_link(owner, client, application: dict, applicant_id_number: str, kind: str, requester_name: str,
                   **extra: Any) -> str:
    """`client` asks to follow or act for `owner`'s application, shows a household-register photo as proof, and
    the owner confirms: the link's id."""
    asked = client.post("/links", json={"application_reference": application["reference"],
                                        "applicant_id_number": applicant_id_number, "kind": kind,
                                        "requester_name": requester_name, **extra})
    assert asked.status_code == 201, asked.get_json()
    link_id = asked.get_json()["id"]
    proof = client.client.post(f"/api/v1/links/{link_id}/proof", content_type="multipart/form-data",
                               data={"file": (io.BytesIO(photo_bytes("hukou")), "p.jpg")}, headers=client._headers(None))
    assert proof.status_code == 200, proof.get_json()
    assert owner.post(f"/links/{link_id}/confirm").status_code == 200
    return link_id
