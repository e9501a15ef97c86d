"""A category and grade the person typed are never overwritten through the certificate number (README: nothing
typed is overwritten). The number's last two digits are the category and the grade (残疾人证管理办法), so taking a
number that says otherwise would change them: grade 1 or 2 is 90 or 80 yuan a month (seed 004). Such a number is
shown as differing from what is there and left alone by "accept all", and a save of the number alone that
contradicts them is refused with the disagreement, as a save of all three would be."""

from __future__ import annotations

import pytest

from backend.identity.synthetic import synthetic_certificate_number
from backend.prefill.reading import _readers
from ocr.reading import Field, Reading
from tests.support import flows
from tests.support.factories import person
from tests.support.flows import upload


class CertificateReader:
    """The recognition engine, quick and predictable: a certificate photo reads as this number, with the category
    and grade its digits carry."""

    def __init__(self) -> None:
        self.number = ""

    def read(self, image: bytes, kind: str, *, today=None) -> Reading:
        return Reading(kind=kind, fields={"certificate_number": Field(self.number, 0.97),
                                          "disability_category": Field(int(self.number[18]), 0.95),
                                          "disability_grade": Field(int(self.number[19]), 0.95)})


@pytest.fixture
def reader(runtime, monkeypatch) -> CertificateReader:
    reader = CertificateReader()
    monkeypatch.setitem(_readers, "certificate-reader", reader)
    runtime.settings.ocr_engine = "certificate-reader"
    return reader


def typed_category_and_grade(client, category: int, grade: int) -> dict:
    draft = flows.start(client)
    saved = client.patch(f"/applications/{draft['id']}", json={"certificate": {"category": category, "grade": grade}},
                         version=draft["version"])
    assert saved.status_code == 200, saved.get_json()
    return saved.get_json()


def test_accepting_all_leaves_a_typed_category_and_grade_that_the_photos_number_contradicts(as_applicant, reader):
    reader.number = synthetic_certificate_number(person().id_number, 4, 2)
    draft = typed_category_and_grade(as_applicant, 1, 1)
    assert upload(as_applicant, draft["id"], "disability_certificate").status_code == 201

    listed = {item["field"]: item for item in
              as_applicant.get(f"/applications/{draft['id']}/prefill?reveal=true").get_json()["proposals"]}
    assert listed["certificate.number"]["differs_from_current"] is True
    assert listed["certificate.number"]["accepted_by_all"] is False
    accepted = as_applicant.post(f"/applications/{draft['id']}/prefill", json={"all": True})

    assert accepted.status_code == 409, accepted.get_json()  # nothing left that "all" may take
    application = as_applicant.get(f"/applications/{draft['id']}?reveal=true").get_json()
    assert application["certificate"]["category"] == 1 and application["certificate"]["grade"] == 1
    assert application["certificate"]["number"] is None
    still = {item["field"]: item for item in
             as_applicant.get(f"/applications/{draft['id']}/prefill?reveal=true").get_json()["proposals"]}
    assert still["certificate.number"]["differs_from_current"] is True  # the conflict is still shown
    assert still["certificate.grade"]["differs_from_current"] is True


def test_the_photos_number_named_with_its_category_and_grade_replaces_the_typed_ones(as_applicant, reader):
    reader.number = synthetic_certificate_number(person().id_number, 4, 2)
    draft = typed_category_and_grade(as_applicant, 1, 1)
    upload(as_applicant, draft["id"], "disability_certificate")

    alone = as_applicant.post(f"/applications/{draft['id']}/prefill", json={"fields": ["certificate.number"]})
    assert alone.status_code == 422
    assert {error["code"] for error in alone.get_json()["errors"]} == {"disagrees_with_certificate_number"}
    chosen = as_applicant.post(f"/applications/{draft['id']}/prefill", json={
        "fields": ["certificate.number", "certificate.category", "certificate.grade"]})
    assert chosen.status_code == 200, chosen.get_json()
    assert chosen.get_json()["certificate"]["category"] == 4 and chosen.get_json()["certificate"]["grade"] == 2


def test_a_number_saved_alone_that_contradicts_the_typed_category_and_grade_is_refused_naming_both(as_applicant):
    draft = typed_category_and_grade(as_applicant, 1, 1)
    number = synthetic_certificate_number(person().id_number, 4, 2)

    saved = as_applicant.patch(f"/applications/{draft['id']}", json={"certificate": {"number": number}},
                               version=draft["version"])

    assert saved.status_code == 422, saved.get_json()
    errors = saved.get_json()["errors"]
    assert {(error["field"], error["code"]) for error in errors} == {
        ("certificate.category", "disagrees_with_certificate_number"),
        ("certificate.grade", "disagrees_with_certificate_number")}
    application = as_applicant.get(f"/applications/{draft['id']}?reveal=true").get_json()
    assert (application["certificate"]["category"], application["certificate"]["grade"]) == (1, 1)


def test_a_new_number_brings_its_own_category_and_grade_when_the_old_ones_were_read_from_the_old_number(
        as_applicant):
    who = person()
    draft = flows.start(as_applicant)
    first = as_applicant.patch(f"/applications/{draft['id']}", version=draft["version"], json={
        "certificate": {"number": synthetic_certificate_number(who.id_number, 4, 2)}})
    assert first.status_code == 200, first.get_json()

    corrected = as_applicant.patch(f"/applications/{draft['id']}", version=first.get_json()["version"], json={
        "certificate": {"number": synthetic_certificate_number(who.id_number, 1, 1)}})

    assert corrected.status_code == 200, corrected.get_json()
    assert (corrected.get_json()["certificate"]["category"], corrected.get_json()["certificate"]["grade"]) == (1, 1)
