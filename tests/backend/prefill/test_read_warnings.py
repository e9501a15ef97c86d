"""What the pre-fill list says of a photo that is another document than the one asked for."""

from __future__ import annotations

import pytest

from backend.prefill.reading import _readers
from ocr.reading import Reading, Warning
from tests.support import flows


class CertificateInTheWrongSlot:
    """What the reader says of a certificate uploaded as the ID card's back: another document, and none of the
    ID back's fields."""

    def read(self, image: bytes, kind: str, *, today=None) -> Reading:
        return Reading(kind="disability_certificate", fields={}, warnings=(
            Warning("kind_mismatch", params={"detected": "disability_certificate"}),
            Warning("field_missing", "issuing_authority"), Warning("field_missing", "valid_from")))


@pytest.fixture
def wrong_slot_reader(runtime, monkeypatch):
    monkeypatch.setitem(_readers, "test-reader", CertificateInTheWrongSlot())
    runtime.settings.ocr_engine = "test-reader"


def test_a_photo_of_another_document_is_said_to_be_that_not_to_lack_the_fields_asked_for(as_applicant,
                                                                                      wrong_slot_reader):
    draft = flows.start(as_applicant)
    assert flows.upload(as_applicant, draft["id"], "id_card_back").status_code == 201
    [read] = as_applicant.get(f"/applications/{draft['id']}/prefill").get_json()["reads"]
    assert [warning["code"] for warning in read["warnings"]] == ["kind_mismatch"]
