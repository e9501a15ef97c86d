"""Pre-fill from photos with the real OCR engine: a rotated, shadowed certificate photo fills the pre-fill
list; the applicant accepts all or some; nothing typed is overwritten; photos that disagree are shown."""

from __future__ import annotations

import datetime as dt

import pytest

from ocr.synthetic.samples import make_sample
from tests.accessibility.conversation.chat import assert_said_in_three_forms, audio_seconds
from tests.support import flows
from tests.support.flows import upload

pytestmark = pytest.mark.slow

CERTIFICATE_SEED = 11  # rotated 19 degrees, a shadow across it, dim light (ocr/synthetic)


@pytest.fixture
def reading(runtime):
    runtime.settings.ocr_engine = "rapidocr"
    return runtime


def proposals(client, application_id: str, reveal: bool = True) -> dict[str, dict]:
    answer = client.get(f"/applications/{application_id}/prefill?reveal={'true' if reveal else 'false'}").get_json()
    return {item["field"]: item for item in answer["proposals"]}


def test_a_rotated_shadowed_certificate_photo_fills_the_prefill_list(as_applicant, reading):
    sample = make_sample(CERTIFICATE_SEED, "disability_certificate")
    assert sample.conditions["shadow"] > 0.4 and abs(sample.conditions["angle"]) > 15
    draft = flows.start(as_applicant)
    assert upload(as_applicant, draft["id"], "disability_certificate", sample.jpeg).status_code == 201
    found = proposals(as_applicant, draft["id"])
    truth = sample.truth
    assert found["certificate.number"]["value"] == truth["certificate_number"]
    assert found["certificate.category"]["value"] == truth["disability_category"]
    assert found["certificate.grade"]["value"] == truth["disability_grade"]
    assert found["certificate.issue_date"]["value"] == truth["issue_date"]
    assert found["applicant.name"]["value"] == truth["name"]
    assert all(item["confidence"] >= 0.5 for item in found.values())
    assert found["certificate.number"]["source"]["kind"] == "disability_certificate"
    masked = proposals(as_applicant, draft["id"], reveal=False)
    assert masked["certificate.number"]["value"].count("*") == 12

    accepted = as_applicant.post(f"/applications/{draft['id']}/prefill", json={"all": True})
    assert accepted.status_code == 200, accepted.get_json()
    application = as_applicant.get(f"/applications/{draft['id']}?reveal=true").get_json()
    assert application["certificate"]["number"] == truth["certificate_number"]
    assert application["applicant"]["name"] == truth["name"]
    assert proposals(as_applicant, draft["id"]) == {}


def test_nothing_typed_is_overwritten_and_a_disagreement_is_shown(as_applicant, reading):
    certificate = make_sample(CERTIFICATE_SEED, "disability_certificate")
    another_persons_card = make_sample(20, "id_card_front")
    draft = flows.start(as_applicant)
    typed = as_applicant.patch(f"/applications/{draft['id']}", json={"applicant": {"name": "我自己填的"}},
                               version=draft["version"])
    assert typed.status_code == 200
    upload(as_applicant, draft["id"], "disability_certificate", certificate.jpeg)
    upload(as_applicant, draft["id"], "id_card_front", another_persons_card.jpeg)
    found = proposals(as_applicant, draft["id"])
    assert found["certificate.number"]["disagreement"]["reason"] == "certificate_not_for_this_id_number"
    assert "和身份证号码不一样" in found["certificate.number"]["disagreement"]["text"]   # said, not only coded
    assert found["certificate.number"]["disagreement"]["easy_read"]
    assert found["applicant.id_number"]["disagreement"] is not None
    assert as_applicant.post(f"/applications/{draft['id']}/prefill", json={"all": True}).status_code == 200
    application = as_applicant.get(f"/applications/{draft['id']}?reveal=true").get_json()
    assert application["applicant"]["name"] == "我自己填的"  # typed: kept
    assert application["applicant"]["id_number"] is None and application["certificate"]["number"] is None
    chosen = as_applicant.post(f"/applications/{draft['id']}/prefill", json={"fields": ["certificate.number"]})
    assert chosen.status_code == 422
    assert chosen.get_json()["errors"][0]["code"] == "certificate_not_for_this_id_number"


@pytest.mark.parametrize(("kind", "document_field", "said"), [
    ("id_card_front", "sex", "性别"), ("id_card_back", "valid_until", "证件有效期"),
    ("disability_certificate", "valid_until", "残疾人证有效期截止日期"), (None, "name", "证件上的姓名")])
def test_a_warning_about_a_documents_field_names_it_in_words_never_by_the_readers_name(kind, document_field, said):
    from backend.messages.describe import field_label
    from backend.prefill.service import document_field_path

    assert field_label(document_field_path(kind, document_field), "zh_Hans_CN").text == said


def test_the_cli_contract_reads_a_generated_certificate(tmp_path):
    import json
    import subprocess
    import sys

    sample = make_sample(CERTIFICATE_SEED, "disability_certificate")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(sample.jpeg)
    out = subprocess.run([sys.executable, "-m", "ocr", str(photo), "--json"], capture_output=True, text=True,
                         check=True, timeout=120)
    line = json.loads(out.stdout.strip().splitlines()[0])
    assert line["image"] == str(photo) and line["kind"] == "disability_certificate"
    assert line["fields"]["certificate_number"]["value"] == sample.truth["certificate_number"]
    assert line["fields"]["certificate_number"]["confidence"] >= 0.9


def test_the_same_name_read_from_the_id_card_and_the_certificate_confirms_both(as_applicant, reading):
    card = make_sample(31, "id_card_front", severity=0.3)
    certificate = make_sample(31, "disability_certificate", severity=0.3)
    assert card.truth["name"] == certificate.truth["name"]  # one synthetic person, two documents
    draft = flows.start(as_applicant)
    upload(as_applicant, draft["id"], "id_card_front", card.jpeg)
    upload(as_applicant, draft["id"], "disability_certificate", certificate.jpeg)
    answer = as_applicant.get(f"/applications/{draft['id']}/prefill?reveal=true").get_json()["proposals"]
    names = [item for item in answer if item["field"] == "applicant.name"]
    assert len(names) == 2 and {item["value"] for item in names} == {card.truth["name"]}
    assert names[0]["corroborated_by"] == [names[1]["id"]] and names[1]["corroborated_by"] == [names[0]["id"]]
    alone = max(item["confidence"] for item in names)
    assert all(alone <= item["combined_confidence"] <= 0.99 for item in names)
    number = next(item for item in answer if item["field"] == "applicant.id_number")
    assert len(number["corroborated_by"]) == 1  # the certificate number begins with it
    assert number["disagreement"] is None


def _prefill_with_a_disagreement_and_a_warning(client) -> str:
    """A certificate, another person's ID card (the two disagree) and a photo of no document at all, with a
    name typed before."""
    draft = flows.start(client)
    client.patch(f"/applications/{draft['id']}", json={"applicant": {"name": "我自己填的"}}, version=draft["version"])
    upload(client, draft["id"], "disability_certificate", make_sample(CERTIFICATE_SEED, "disability_certificate").jpeg)
    upload(client, draft["id"], "id_card_front", make_sample(20, "id_card_front").jpeg)
    upload(client, draft["id"], "id_card_back", flows.photo_bytes("no document here"))
    return draft["id"]


def test_each_proposal_its_disagreement_and_each_warning_of_the_prefill_list_is_said(app, as_applicant, reading):
    application_id = _prefill_with_a_disagreement_and_a_warning(as_applicant)
    answer = as_applicant.get(f"/applications/{application_id}/prefill").get_json()
    anonymous = app.test_client()
    for proposal in answer["proposals"]:
        assert audio_seconds(anonymous, proposal["audio_url"]) > 0.5
    # What the photo says, and what it would replace, said for someone who cannot see the list.
    name = next(item for item in answer["proposals"] if item["field"] == "applicant.name")
    sentence = f"照片上读到的申请人姓名：{name['value']}，和您填的我自己填的不一样。"
    assert_said_in_three_forms(anonymous, {**name, "text": sentence, "easy_read": sentence}, spoken=sentence)
    number = next(item for item in answer["proposals"] if item["field"] == "certificate.number")
    assert number["value"].count("*") == 12  # masked on the screen, so masked in the speech
    said = f"照片上读到的残疾人证号：{number['value']}。"
    assert_said_in_three_forms(anonymous, {**number, "text": said, "easy_read": said}, spoken=said)
    disagreements = [item["disagreement"] for item in answer["proposals"] if item["disagreement"]]
    assert {item["reason"] for item in disagreements} == {"photos_disagree", "certificate_not_for_this_id_number"}
    for disagreement in disagreements:
        assert_said_in_three_forms(anonymous, disagreement, spoken=disagreement["text"])
    warnings = [warning for read in answer["reads"] for warning in read["warnings"]]
    assert warnings
    for warning in warnings:
        assert_said_in_three_forms(anonymous, warning, spoken=warning["text"])


def test_the_prefill_list_is_said_in_easy_read_when_preferred_and_not_at_all_with_speech_off(app, as_applicant,
                                                                                             reading):
    application_id = _prefill_with_a_disagreement_and_a_warning(as_applicant)
    anonymous = app.test_client()
    as_applicant.put("/me/preferences", json={"easy_read": True})
    answer = as_applicant.get(f"/applications/{application_id}/prefill").get_json()
    name = next(item for item in answer["proposals"] if item["field"] == "applicant.name")
    sentence = f"照片上的名字是{name['value']}。您填的是我自己填的。"
    assert_said_in_three_forms(anonymous, {**name, "text": sentence, "easy_read": sentence}, spoken=sentence)
    assert_said_in_three_forms(anonymous, name["disagreement"], spoken=name["disagreement"]["easy_read"])
    warning = next(warning for read in answer["reads"] for warning in read["warnings"])
    assert_said_in_three_forms(anonymous, warning, spoken=warning["easy_read"])

    as_applicant.put("/me/preferences", json={"speech": False})
    silent = as_applicant.get(f"/applications/{application_id}/prefill").get_json()
    assert all(item["audio_url"] is None for item in silent["proposals"])
    assert all(item["disagreement"]["audio_url"] is None for item in silent["proposals"] if item["disagreement"])
    assert all(warning["audio_url"] is None for read in silent["reads"] for warning in read["warnings"])
