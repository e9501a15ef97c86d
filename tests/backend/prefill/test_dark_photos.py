"""A photo taken with too little light: the reading finds little in it, and the person is told that the photo is
too dark (the thing to change), not only to lay the card flat and get all of it in."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from backend.materials.light import too_dark
from backend.prefill.reading import _readers
from ocr.reading import Field, Reading, Warning
from ocr.synthetic.samples import make_sample
from tests.support import flows


def darkened(jpeg: bytes, light: float, noise: float = 3.0) -> bytes:
    """The photo as a phone takes it with `light` of the light (its sensor's noise on top)."""
    pixels = np.asarray(Image.open(io.BytesIO(jpeg)).convert("RGB"), dtype=np.float32) * light
    pixels += np.random.default_rng(1).normal(0, noise, pixels.shape)
    buffer = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


class FindsNothing:
    def read(self, image: bytes, kind: str, *, today=None) -> Reading:
        return Reading(kind=None, fields={}, warnings=(Warning("document_not_found"), Warning("kind_not_recognised")))


class FindsTheName:
    """A dim photo the reader reads the name of, and not the rest."""

    def read(self, image: bytes, kind: str, *, today=None) -> Reading:
        return Reading(kind="id_card_front", fields={"name": Field("汤嘉思", 0.99)},
                       warnings=(Warning("field_missing", "address"),))


@pytest.fixture
def reader_finding(runtime, monkeypatch):
    def use(reader):
        monkeypatch.setitem(_readers, "test-reader", reader)
        runtime.settings.ocr_engine = "test-reader"
    return use


@pytest.fixture
def card():
    return make_sample(5700123, "id_card_front", severity=0.4).jpeg


def warnings_of(client, data: bytes) -> list[dict]:
    draft = flows.start(client)
    assert flows.upload(client, draft["id"], "id_card_front", data).status_code == 201
    [read] = client.get(f"/applications/{draft['id']}/prefill").get_json()["reads"]
    return read["warnings"]


def test_a_dark_photo_the_reader_finds_nothing_in_is_said_to_be_too_dark_first(as_applicant, reader_finding, card):
    reader_finding(FindsNothing())
    warnings = warnings_of(as_applicant, darkened(card, 0.02))
    assert [w["code"] for w in warnings] == ["photo_too_dark", "document_not_found", "kind_not_recognised"]
    assert warnings[0]["easy_read"] == "照片太暗了。请到亮的地方再拍。"


def test_a_bright_photo_the_reader_finds_nothing_in_is_not_called_dark(as_applicant, reader_finding, card):
    reader_finding(FindsNothing())
    assert "photo_too_dark" not in [w["code"] for w in warnings_of(as_applicant, card)]


def test_a_dim_photo_something_was_read_from_says_nothing_of_its_light(as_applicant, reader_finding, card):
    reader_finding(FindsTheName())
    assert [w["code"] for w in warnings_of(as_applicant, darkened(card, 0.02))] == ["field_missing"]


def test_the_benchmarks_low_light_photos_are_not_called_dark():
    # ocr/synthetic's mix photographs a quarter of its documents in low light (exposure 0.35-0.6): read well.
    low_light = [sample for sample in (make_sample(seed) for seed in range(100000, 100080))
                 if sample.conditions["exposure"] < 0.7]
    assert low_light and not any(too_dark(sample.jpeg) for sample in low_light)
    assert too_dark(darkened(make_sample(100000).jpeg, 0.08))


class AdvisesMoreLight:
    """A dim photo the reader read the name of and not the address, and says why (ocr/preprocess/retake.py)."""

    def __init__(self, kind: str = "id_card_front", found: bool = True):
        self.kind, self.found = kind, found

    def read(self, image: bytes, kind: str, *, today=None) -> Reading:
        fields = {"name": Field("汤嘉思", 0.99)} if self.found else {}
        warnings = (Warning("photo_dark"), Warning("field_missing", "address"))
        if self.kind != kind:
            warnings = (Warning("photo_dark"), Warning("kind_mismatch", params={"detected": self.kind}))
        return Reading(kind=self.kind, fields=fields, warnings=warnings)


def test_the_readers_advice_for_a_better_photo_is_shown_first_in_plain_words(as_applicant, reader_finding, card):
    reader_finding(AdvisesMoreLight())
    warnings = warnings_of(as_applicant, card)
    assert [w["code"] for w in warnings] == ["photo_dark", "field_missing"]
    assert warnings[0]["easy_read"] == "照片有点暗。请到亮的地方再拍。"


def test_a_photo_found_too_dark_is_not_also_said_to_be_a_little_dark(as_applicant, reader_finding, card):
    reader_finding(AdvisesMoreLight(found=False))
    codes = [w["code"] for w in warnings_of(as_applicant, darkened(card, 0.02))]
    assert codes == ["photo_too_dark", "field_missing"]


def test_no_advice_is_given_for_a_better_photo_of_another_document(as_applicant, reader_finding, card):
    reader_finding(AdvisesMoreLight(kind="disability_certificate"))
    assert [w["code"] for w in warnings_of(as_applicant, card)] == ["kind_mismatch"]


def test_every_piece_of_advice_the_reader_gives_has_words_and_is_known_as_advice():
    from backend.messages.ocr_texts import OCR_WARNINGS
    from ocr.preprocess.retake import BLURRED, DARK, GLARE
    from ocr.reading import RETAKE_ADVICE

    assert set(RETAKE_ADVICE) == {DARK, GLARE, BLURRED} and set(RETAKE_ADVICE) <= set(OCR_WARNINGS)
