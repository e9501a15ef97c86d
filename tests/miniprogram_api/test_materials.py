"""Proof materials over the API: upload from a phone, safety, storage, replacement after review."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from backend.materials.models import Material, StorageIntent
from tests.backend.materials import pictures
from tests.support import flows
from tests.support.flows import photo_bytes, upload


def stored_files(runtime) -> set[str]:
    """The photos and thumbnails kept (not the cached speech of the refusals, which are said too)."""
    from accessibility.speech.stored_cache import STORAGE_PREFIX

    root = Path(runtime.settings.resolved_storage_dir)
    return {path.name for path in root.glob("??/*")
            if not path.name.startswith((".", STORAGE_PREFIX))} if root.exists() else set()


def rows(runtime, model) -> int:
    with runtime.database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def draft(as_applicant):
    return flows.start(as_applicant)


def test_a_sideways_photo_with_gps_is_stored_upright_without_metadata_and_listed_with_its_thumbnail(
        as_applicant, draft):
    sideways = pictures.stored_with_markers(600, 800, 6)
    data = pictures.encoded(sideways, "JPEG", exif=pictures.exif_with_gps(orientation=6))
    response = upload(as_applicant, draft["id"], "disability_certificate", data)
    assert response.status_code == 201, response.get_json()
    stored = response.get_json()
    assert (stored["width"], stored["height"]) == (800, 600)
    image_response = as_applicant.get(stored["url"])
    assert image_response.headers["X-Content-Type-Options"] == "nosniff"
    assert image_response.headers["Content-Disposition"] == 'inline; filename="disability_certificate-v1.jpg"'
    image = Image.open(io.BytesIO(image_response.data))
    assert not image.getexif() and "icc_profile" not in image.info and "xmp" not in image.info
    assert pictures.looks_like(pictures.colour_near(image, "top-left"), pictures.RED)
    assert pictures.looks_like(pictures.colour_near(image, "top-right"), pictures.BLUE)
    listed = as_applicant.get(f"/applications/{draft['id']}/materials").get_json()["materials"]
    thumbnail = as_applicant.get(listed[0]["thumbnail_url"])
    assert thumbnail.status_code == 200 and max(Image.open(io.BytesIO(thumbnail.data)).size) <= 320
    assert not Image.open(io.BytesIO(thumbnail.data)).getexif()


def test_photos_and_thumbnails_are_sealed_on_disk_and_served_as_the_images_recorded(as_applicant, draft, runtime):
    # Security audit item 1d: a document photo on disk opens only with the data key.
    import hashlib

    from backend.storage.sealing import MAGIC

    response = upload(as_applicant, draft["id"], "id_card_front", photo_bytes("front"))
    assert response.status_code == 201, response.get_json()
    root = Path(runtime.settings.resolved_storage_dir)
    on_disk = [path.read_bytes() for path in root.glob("??/*") if not path.name.startswith(".")]
    assert len(on_disk) == 2 and all(data.startswith(MAGIC) and b"\xff\xd8\xff" not in data[:64] for data in on_disk)
    served = as_applicant.get(response.get_json()["url"])
    assert served.data[:3] == b"\xff\xd8\xff"
    with runtime.database.sessions() as session:
        recorded = session.scalars(select(Material.sha256)).one()
    assert hashlib.sha256(served.data).hexdigest() == recorded
    listed = as_applicant.get(f"/applications/{draft['id']}/materials").get_json()["materials"]
    assert as_applicant.get(listed[0]["thumbnail_url"]).data[:3] == b"\xff\xd8\xff"


def test_the_type_comes_from_the_bytes_not_the_name_or_the_clients_mime_type(as_applicant, draft):
    png = pictures.encoded(pictures.photo(640, 480), "PNG")
    response = as_applicant.client.post(
        f"/api/v1/applications/{draft['id']}/materials", content_type="multipart/form-data",
        data={"kind": "id_card_front", "file": (io.BytesIO(png), "photo.jpg", "image/jpeg")},
        headers=as_applicant._headers(None))
    assert response.status_code == 201
    assert response.get_json()["source_format"] == "png"
    text = upload(as_applicant, draft["id"], "id_card_front", b"<html><script>alert(1)</script></html>")
    assert text.status_code == 422 and text.get_json()["errors"][0]["code"] == "file_not_an_image"


BAD_INPUTS = {
    "empty": (b"", "file_empty"),
    "truncated": (photo_bytes("cut")[:2000], "file_truncated"),
    "text under an image name": (b"just some words, not a picture" * 10, "file_not_an_image"),
    "pdf": (b"%PDF-1.7\n" + b"0" * 400, "file_unsupported_format"),
    "decompression bomb": (pictures.declared_bomb_png(30000, 30000), "file_too_many_pixels"),
    "tiny": (pictures.encoded(pictures.photo(120, 90), "JPEG"), "file_too_small"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_a_refused_file_gets_a_reason_a_person_can_act_on_and_leaves_nothing_behind(as_applicant, draft, runtime,
                                                                                     name):
    data, code = BAD_INPUTS[name]
    response = upload(as_applicant, draft["id"], "id_card_front", data)
    assert response.status_code == 422, response.get_json()
    problem = response.get_json()
    assert problem["code"] == code and problem["errors"][0]["message"]
    assert stored_files(runtime) == set()
    assert rows(runtime, Material) == 0 and rows(runtime, StorageIntent) == 0


def test_an_animated_image_is_refused(as_applicant, draft):
    frames = [pictures.photo(400, 300), pictures.photo(400, 300, noise=40)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    assert upload(as_applicant, draft["id"], "other", buffer.getvalue()).get_json()["code"] == "file_animated"


@pytest.mark.parametrize("make", [
    lambda: pictures.encoded(pictures.photo(640, 480).convert("CMYK"), "JPEG"),
    lambda: pictures.rgb48_png(640, 480, (200, 100, 50)),
    lambda: pictures.polyglot_jpeg() if hasattr(pictures, "polyglot_jpeg") else
    pictures.encoded(pictures.photo(640, 480), "JPEG") + b"PK\x03\x04<html><script>alert(1)</script>",
], ids=["cmyk", "16-bit", "polyglot"])
def test_odd_but_usable_images_are_normalised_to_clean_jpeg(as_applicant, draft, make):
    response = upload(as_applicant, draft["id"], "other", make())
    assert response.status_code == 201, response.get_json()
    stored = as_applicant.get(response.get_json()["url"])
    assert stored.data[:3] == b"\xff\xd8\xff" and b"<script>" not in stored.data


def test_a_photo_over_the_size_limit_is_a_413_that_says_the_limit(as_applicant, draft, runtime):
    runtime.settings.max_upload_bytes = 100 * 1024
    big = pictures.encoded(pictures.photo(1600, 1200, noise=60), "PNG")
    assert len(big) > 100 * 1024
    response = upload(as_applicant, draft["id"], "other", big)
    assert response.status_code == 413
    assert "照片太大了，请小于 1MB" in response.get_json()["detail"] or "照片太大了" in response.get_json()["detail"]


def test_a_retried_upload_with_the_same_key_stores_one_file(as_applicant, draft, runtime):
    first = upload(as_applicant, draft["id"], "id_card_front", photo_bytes("front"), **{"Idempotency-Key": "u-1"})
    second = upload(as_applicant, draft["id"], "id_card_front", photo_bytes("front"), **{"Idempotency-Key": "u-1"})
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert rows(runtime, Material) == 1 and len(stored_files(runtime)) == 2


def test_a_retried_upload_is_told_where_the_material_is(as_applicant, draft):
    first = upload(as_applicant, draft["id"], "id_card_front", photo_bytes("front"), **{"Idempotency-Key": "u-2"})
    second = upload(as_applicant, draft["id"], "id_card_front", photo_bytes("front"), **{"Idempotency-Key": "u-2"})
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.headers["Location"] == first.headers["Location"]
    assert first.headers["Location"].endswith(f"/materials/{first.get_json()['id']}")


def test_uploading_to_someone_elses_application_is_404(as_other_applicant, draft, runtime):
    response = upload(as_other_applicant, draft["id"], "id_card_front", photo_bytes())
    assert response.status_code == 404
    assert stored_files(runtime) == set()


def test_no_upload_after_submission_without_a_correction_request(as_applicant):
    application = flows.submitted(as_applicant)
    response = upload(as_applicant, application["id"], "other", photo_bytes())
    assert response.status_code == 409 and response.get_json()["code"] == "materials_locked"


def test_no_upload_to_an_approved_application_and_the_words_say_why(as_applicant, as_reviewer):
    application = flows.submitted(as_applicant)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    approved = as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={
        "type": "approved", "start_month": "2026-11", "monthly_amounts": {"nursing": "80.00"}})
    assert approved.status_code == 200, approved.get_json()
    response = upload(as_applicant, application["id"], "other", photo_bytes())
    assert response.status_code == 409 and response.get_json()["code"] == "materials_locked"
    assert "审核通过" in response.get_json()["detail"]


def test_a_draft_photo_that_is_removed_is_really_deleted(as_applicant, draft, runtime):
    material = upload(as_applicant, draft["id"], "other", photo_bytes()).get_json()
    assert as_applicant.delete(material["url"].rsplit("/file", 1)[0]).status_code == 204
    assert stored_files(runtime) == set() and rows(runtime, Material) == 0


def test_a_correction_replaces_exactly_the_item_asked_for_and_keeps_the_old_version(as_applicant, as_reviewer):
    application = flows.submitted(as_applicant)
    materials = {m["kind"]: m for m in as_applicant.get(f"/applications/{application['id']}/materials").get_json()[
        "materials"]}
    decided = as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={
        "type": "correction_requested", "reason": "残疾人证照片看不清", "items": ["disability_certificate"]})
    assert decided.status_code == 200
    other = as_applicant.client.put(
        f"/api/v1/applications/{application['id']}/materials/{materials['id_card_front']['id']}",
        data={"file": (io.BytesIO(photo_bytes("again")), "x.jpg")}, content_type="multipart/form-data",
        headers=as_applicant._headers(None))
    assert other.status_code == 409 and other.get_json()["code"] == "material_not_asked_for"
    replaced = as_applicant.client.put(
        f"/api/v1/applications/{application['id']}/materials/{materials['disability_certificate']['id']}",
        data={"file": (io.BytesIO(photo_bytes("clearer")), "x.jpg")}, content_type="multipart/form-data",
        headers=as_applicant._headers(None))
    assert replaced.status_code == 200, replaced.get_json()
    assert replaced.get_json()["version"] == 2
    assert as_applicant.post(f"/applications/{application['id']}/submit").status_code == 200
    history = as_reviewer.get(f"/applications/{application['id']}/materials?include_superseded=true").get_json()[
        "materials"]
    versions = [m for m in history if m["kind"] == "disability_certificate"]
    assert [(m["version"], m["current"], m["submission_number"]) for m in versions] == [(1, False, 1), (2, True, 2)]
    assert versions[0]["superseded_at"] and versions[0]["superseded_by"] == versions[1]["id"]
    assert as_reviewer.get(versions[0]["url"]).status_code == 200  # the old photo is kept on record
    timeline = as_applicant.get(f"/applications/{application['id']}/status").get_json()["timeline"]
    assert "material_changed" in [entry["event"] for entry in timeline]


def test_a_photo_asked_for_and_removed_is_not_shown_as_corrected(as_applicant, as_reviewer):
    application = flows.submitted(as_applicant)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    certificate = next(m for m in as_applicant.get(f"/applications/{application['id']}/materials").get_json()[
        "materials"] if m["kind"] == "disability_certificate")
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={
        "type": "correction_requested", "reason": "残疾人证照片看不清", "items": ["disability_certificate"]})
    path = f"/applications/{application['id']}/materials/{certificate['id']}"
    assert as_applicant.delete(path).status_code == 204
    timeline = as_applicant.get(f"/applications/{application['id']}/status").get_json()["timeline"]
    removed = [entry for entry in timeline if entry["event"].startswith("material_")]
    assert [entry["event"] for entry in removed] == ["material_removed"]
    assert "补正" not in removed[0]["text"] and "残疾人证" in removed[0]["text"]
    again = as_applicant.client.put(f"/api/v1{path}", data={"file": (io.BytesIO(photo_bytes("clearer")), "x.jpg")},
                                    content_type="multipart/form-data", headers=as_applicant._headers(None))
    assert again.status_code == 409 and again.get_json()["code"] == "material_removed"
    assert "重新上传" in again.get_json()["detail"]
    assert as_applicant.post(f"/applications/{application['id']}/submit").status_code == 422  # still asked for
    assert upload(as_applicant, application["id"], "disability_certificate", photo_bytes("new")).status_code == 201
    assert as_applicant.post(f"/applications/{application['id']}/submit").status_code == 200


def test_a_photo_asked_for_in_a_correction_must_be_a_new_one_before_resubmitting(as_applicant, as_reviewer):
    application = flows.submitted(as_applicant)
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={"type": "accepted"})
    as_reviewer.post(f"/review/applications/{application['id']}/decisions", json={
        "type": "correction_requested", "reason": "残疾人证照片看不清", "items": ["disability_certificate"]})
    document = as_applicant.get(f"/applications/{application['id']}").get_json()
    asked = [item for item in document["missing"] if item["field"] == "disability_certificate"]
    assert [item["code"] for item in asked] == ["correction_photo_needed"] and "重新上传" in asked[0]["message"]
    refused = as_applicant.post(f"/applications/{application['id']}/submit")
    assert refused.status_code == 422 and "correction_photo_needed" in [e["code"] for e in refused.get_json()["errors"]]
    certificate = next(m for m in as_applicant.get(f"/applications/{application['id']}/materials").get_json()[
        "materials"] if m["kind"] == "disability_certificate")
    replaced = as_applicant.client.put(
        f"/api/v1/applications/{application['id']}/materials/{certificate['id']}",
        data={"file": (io.BytesIO(photo_bytes("clearer")), "x.jpg")}, content_type="multipart/form-data",
        headers=as_applicant._headers(None))
    assert replaced.status_code == 200
    assert as_applicant.post(f"/applications/{application['id']}/submit").status_code == 200


def test_the_checklist_is_satisfied_by_the_photos(as_applicant, draft):
    checklist = as_applicant.get(f"/applications/{draft['id']}/checklist").get_json()
    assert "identity" in checklist["missing"]
    upload(as_applicant, draft["id"], "household_register", photo_bytes("hukou"))
    checklist = as_applicant.get(f"/applications/{draft['id']}/checklist").get_json()
    assert "identity" not in checklist["missing"]


def test_a_crash_between_writing_the_file_and_recording_it_leaves_no_unknown_file(as_applicant, draft, runtime,
                                                                                  clock, monkeypatch):
    from backend.materials import service

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(service, "_new_material", crash)
    as_applicant.client.application.config["PROPAGATE_EXCEPTIONS"] = False
    response = upload(as_applicant, draft["id"], "other", photo_bytes())
    assert response.status_code == 500
    assert rows(runtime, Material) == 0
    assert len(stored_files(runtime)) == 2 and rows(runtime, StorageIntent) == 2  # every file is known
    clock.advance(hours=2)
    assert service.sweep_storage_intents() == 2
    assert stored_files(runtime) == set() and rows(runtime, StorageIntent) == 0


def test_a_failed_file_write_records_no_material(as_applicant, draft, runtime, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(runtime.storage), "put", disk_full)
    as_applicant.client.application.config["PROPAGATE_EXCEPTIONS"] = False
    assert upload(as_applicant, draft["id"], "other", photo_bytes()).status_code == 500
    assert rows(runtime, Material) == 0


def test_simultaneous_retries_of_an_upload_with_the_same_key_store_one_material(app, as_applicant, draft, runtime):
    # A phone on a weak network may send the same upload several times at once: the key is claimed
    # before the photo is handled, so exactly one is stored and every retry gets its answer (or is told
    # to retry shortly), never a second material.
    import threading

    from tests.support.api import ApiClient

    photo = photo_bytes("front")
    start_together = threading.Barrier(4)
    answers: list = []

    def send() -> None:
        phone = ApiClient(app.test_client(), as_applicant.token)
        start_together.wait()
        answers.append(upload(phone, draft["id"], "id_card_front", photo, **{"Idempotency-Key": "tap-tap-tap"}))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(answers) == 4
    stored = [answer.get_json() for answer in answers if answer.status_code == 201]
    told_to_retry = [answer for answer in answers if answer.status_code == 409]
    assert len(stored) + len(told_to_retry) == 4 and stored
    assert len({material["id"] for material in stored}) == 1
    assert all(answer.get_json()["code"] == "request_in_progress" and answer.headers["Retry-After"]
               for answer in told_to_retry)
    listed = as_applicant.get(f"/applications/{draft['id']}/materials").get_json()["materials"]
    assert len(listed) == 1 and rows(runtime, Material) == 1


def test_a_retry_while_the_first_upload_is_still_handled_is_told_to_retry_shortly(
        as_applicant, draft, runtime, monkeypatch):
    from backend.idempotency import Claimed, claim
    from miniprogram_api import idempotency

    monkeypatch.setattr(idempotency, "WAIT_FOR_FIRST_SECONDS", 0.1)
    first = upload(as_applicant, draft["id"], "id_card_front", photo_bytes("front"), **{"Idempotency-Key": "u-9"})
    assert first.status_code == 201
    # Another key, claimed as if its request were still being handled in another process.
    with as_applicant.client.application.test_request_context(
            f"/api/v1/applications/{draft['id']}/materials", method="POST",
            data={"kind": "id_card_back", "file": (io.BytesIO(photo_bytes("back")), "back.jpg")},
            content_type="multipart/form-data"):
        assert isinstance(claim(as_applicant.user_id, f"POST /api/v1/applications/{draft['id']}/materials", "u-10",
                                idempotency._fingerprint()), Claimed)
    retry = upload(as_applicant, draft["id"], "id_card_back", photo_bytes("back"), **{"Idempotency-Key": "u-10"})
    assert retry.status_code == 409
    assert retry.headers["Retry-After"] == "1"
    problem = retry.get_json()
    assert problem["retry_after_seconds"] == 1  # as a 429 says it, the same number as Retry-After
    assert problem["code"] == "request_in_progress" and "请1秒后再试一次" in problem["detail"]
    assert retry.content_type.startswith("application/problem+json")
    assert rows(runtime, Material) == 1


def test_a_refused_upload_leaves_its_key_free_for_a_good_photo(as_applicant, draft, runtime):
    refused = upload(as_applicant, draft["id"], "id_card_front", b"", **{"Idempotency-Key": "u-empty"})
    assert refused.status_code == 422
    retried = upload(as_applicant, draft["id"], "id_card_front", photo_bytes("front"),
                     **{"Idempotency-Key": "u-empty"})
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried.headers


def test_an_upload_without_a_photo_or_a_kind_asks_to_send_and_to_choose_them(as_applicant, draft):
    response = as_applicant.client.post(f"/api/v1/applications/{draft['id']}/materials", data={},
                                        content_type="multipart/form-data", headers=as_applicant._headers(None))
    assert response.status_code == 422
    errors = {error["field"]: error for error in response.get_json()["errors"]}
    assert (errors["file"]["code"], errors["file"]["message"]) == ("missing_file", "请上传照片。")
    assert (errors["kind"]["code"], errors["kind"]["message"]) == ("missing_choice", "请选择类型。")
