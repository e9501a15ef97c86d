"""Two photos that read a field the same way confirm each other (`combined_confidence`), but not past what one
recogniser's shared blind spots allow."""

from __future__ import annotations

import pytest

from backend.prefill.reading import _readers
from ocr.reading import Field, Reading
from tests.support import flows


class SameNameOnBoth:
    """Reads 上官森文 from the ID card and from the certificate alike, at `confidence`: what the recogniser does
    with a blurred 淼 on both documents (ocr/fields/confusable.py)."""

    def __init__(self, confidence: float) -> None:
        self.confidence = confidence

    def read(self, image: bytes, kind: str, *, today=None) -> Reading:
        return Reading(kind=kind, fields={"name": Field("上官森文", self.confidence)}, warnings=())


def names_read_from_both_documents(as_applicant, runtime, monkeypatch, confidence: float) -> list[dict]:
    monkeypatch.setitem(_readers, "test-reader", SameNameOnBoth(confidence))
    runtime.settings.ocr_engine = "test-reader"
    draft = flows.start(as_applicant)
    for kind in ("id_card_front", "disability_certificate"):
        assert flows.upload(as_applicant, draft["id"], kind).status_code == 201
    proposals = as_applicant.get(f"/applications/{draft['id']}/prefill?reveal=true").get_json()["proposals"]
    names = [item for item in proposals if item["field"] == "applicant.name"]
    assert len(names) == 2 and all(len(item["corroborated_by"]) == 1 for item in names)
    return names


def test_two_photos_agreeing_on_a_name_neither_reading_was_sure_of_do_not_make_it_certain(as_applicant, runtime,
                                                                                          monkeypatch):
    # Two 0.85s taken as independent would be 0.98; one recogniser misreads 淼 as 森 on both.
    names = names_read_from_both_documents(as_applicant, runtime, monkeypatch, 0.85)
    assert all(item["combined_confidence"] == 0.85 for item in names)


@pytest.mark.parametrize("confidence, combined", [(0.6, 0.84), (0.7, 0.85), (0.95, 0.99)])
def test_agreement_still_raises_an_unsure_reading_and_confirms_a_sure_one(as_applicant, runtime, monkeypatch,
                                                                           confidence, combined):
    names = names_read_from_both_documents(as_applicant, runtime, monkeypatch, confidence)
    assert all(item["combined_confidence"] == combined for item in names)
