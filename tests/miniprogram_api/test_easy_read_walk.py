"""An applicant with an intellectual disability reads only the easy-read words, from the first eligibility
answer to the decision: what the words of each step say (found by walking the whole application as that
reader)."""

from __future__ import annotations

import io
import re

import pytest

from ocr.synthetic.samples import make_sample
from tests.support import flows

ISO_MONTH = re.compile(r"\d{4}-\d{2}")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
CATEGORY_WORDS = {1: "视力", 2: "听力", 3: "言语", 4: "肢体", 5: "智力", 6: "精神", 7: "多重"}


@pytest.fixture
def submitted(as_applicant):
    return flows.submitted(as_applicant)


def decide(as_reviewer, application_id, **decision):
    response = as_reviewer.post(f"/review/applications/{application_id}/decisions", json=decision)
    assert response.status_code == 200, response.get_json()


def test_the_month_payment_starts_is_written_as_people_write_months_not_as_a_code(as_applicant, submitted):
    # The reader saw "通过后，从2026-11开始算钱。" (seed 001 item 9: paid from the month of application).
    eligibility = as_applicant.get(f"/applications/{submitted['id']}/eligibility").get_json()
    reasons = [reason for verdict in eligibility["subsidies"].values() for reason in verdict["reasons"]]
    starts = [reason for reason in reasons if reason["code"] == "starts_month_of_application"]
    assert starts and all("2026年11月" in reason["easy_read"] and "2026年11月" in reason["text"] for reason in starts)
    assert not any(ISO_MONTH.search(reason["easy_read"]) for reason in reasons)


def test_the_decision_says_the_first_month_paid_as_people_write_months(as_applicant, as_reviewer, submitted):
    for decision in ({"type": "accepted"}, {"type": "township_review_passed"}, {"type": "federation_review_passed"},
                     {"type": "approved", "monthly_amounts": {"living": "80.00", "nursing": "80.00"},
                      "start_month": "2026-11"}):
        decide(as_reviewer, submitted["id"], **decision)
    decided = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()["decision"]
    assert decided["easy_read"] == "每月生活补贴80元，护理补贴80元。从2026年11月开始。"
    assert "从2026年11月起计发" in decided["text"]
    assert decided["start_month"] == "2026-11"  # the field itself stays as the API writes months


def easy_read_sentences(document) -> list[str]:
    if isinstance(document, dict):
        found = [value for key, value in document.items() if key in ("easy_read", "detail_easy_read",
                                                                        "title_easy_read") and isinstance(value, str)]
        return found + [s for key, value in document.items() for s in easy_read_sentences(value)]
    if isinstance(document, list):
        return [s for value in document for s in easy_read_sentences(value)]
    return []


def test_a_correction_request_is_told_in_plain_words_from_the_stage_to_the_notification(as_applicant, as_reviewer,
                                                                                        submitted):
    # The reader saw "已经送去审核", "要补材料", "要您补材料。", "等您改材料时，不算日子。" and "审核的人".
    decide(as_reviewer, submitted["id"], type="accepted")
    decide(as_reviewer, submitted["id"], type="correction_requested", reason="照片看不清",
           items=["disability_certificate"])
    status = as_applicant.get(f"/applications/{submitted['id']}/status").get_json()
    notifications = as_applicant.get("/notifications").get_json()
    locked = as_applicant.put(f"/applications/{submitted['id']}/materials/no-such-photo",
                              data={"file": (io.BytesIO(flows.photo_bytes()), "a.jpg")},
                              content_type="multipart/form-data")
    sentences = easy_read_sentences([status, notifications, locked.get_json()])
    assert status["stage_label"]["easy_read"] == "要您改一下"
    assert sentences and not [s for s in sentences if any(word in s for word in ("材料", "审核", "补正"))]


def test_the_verdict_and_its_monthly_amount_are_written_not_only_said(as_applicant):
    # A deaf reader of easy-read words had "可以领" and "monthly_amount": "80.00"; only the audio said the sentence.
    draft = flows.ready_to_submit(as_applicant)
    eligibility = as_applicant.get(f"/applications/{draft['id']}/eligibility").get_json()
    nursing = eligibility["subsidies"]["nursing"]
    assert nursing["outcome"] == "eligible"
    assert nursing["said"]["easy_read"] == "护理补贴：可以领。每月80元。"
    assert nursing["said"]["text"] == "重度残疾人护理补贴：符合条件，可以申请，每月80元。"


@pytest.mark.slow
def test_what_a_photo_says_is_written_in_words_not_as_a_code(as_applicant, runtime):
    # The list gave "value": 5 and "2008-09-05" with the label "残疾类别": words only in the audio.
    runtime.settings.ocr_engine = "rapidocr"
    sample = make_sample(11, "disability_certificate")  # the pre-fill tests' certificate (test_prefill.py)
    draft = flows.start(as_applicant)
    assert flows.upload(as_applicant, draft["id"], "disability_certificate", sample.jpeg).status_code == 201
    listed = {item["field"]: item for item in
              as_applicant.get(f"/applications/{draft['id']}/prefill").get_json()["proposals"]}
    category, issued = listed["certificate.category"], listed["certificate.issue_date"]
    assert category["value"] == sample.truth["disability_category"]
    assert CATEGORY_WORDS[category["value"]] in category["said"]["easy_read"]
    assert not ISO_DAY.search(issued["said"]["easy_read"]) and "年" in issued["said"]["easy_read"]


def test_a_date_written_wrong_is_named_once_in_easy_read(as_applicant):
    # The reader was told "发证的日子的日子不对。": the field's easy name already says it is a day.
    draft = flows.start(as_applicant)
    refused = as_applicant.patch(f"/applications/{draft['id']}", json={"certificate": {"issue_date": "2019/6/10"}},
                                 version=draft["version"])
    [error] = refused.get_json()["errors"]
    assert error["easy_read"] == "发证的日子写得不对。请这样写：2020-05-03。"


BENEFITS = ("work_injury_nursing_allowance", "destitute_support", "orphan", "de_facto_orphan_fully_supported",
            "public_duty_disability_allowance", "retired_cadre_nursing_fee", "disability_pension", "elderly_allowance",
            "elderly_care_subsidy", "institution_care")


@pytest.mark.parametrize("region", ["500156", "140402"])
def test_what_another_benefit_means_is_said_in_short_sentences_that_fit_every_benefit(client, region):
    # The reader got "领了住在福利院，能不能再领护理补贴，工作人员会告诉您。": 26 to 30 characters, and wrong for a
    # benefit that is a place ("住在福利院") rather than money.
    said = []
    for benefit in BENEFITS:
        answer = client.post("/api/v1/eligibility/check", json={
            "region_code": region, "certificate": {"category": 4, "grade": 2}, "household": {"status": "dibao"},
            "other_benefits": [benefit], "birth_date": "2015-03-01"}).get_json()
        said += [reason["easy_read"] for verdict in answer["subsidies"].values() for reason in verdict["reasons"]
                 if reason["code"].startswith("benefit_")]
    assert said and not any("领了住在" in sentence for sentence in said)
    sentences = [part for sentence in said for part in re.split("[。？]", sentence) if part]
    assert max(len(part) for part in sentences) <= 20, max(sentences, key=len)


def test_the_photo_sent_back_cannot_be_sent_again_as_its_correction(as_applicant, as_reviewer, submitted):
    # The reader picked the same photo from the album again: it was taken (200), and "照片看不清" would only come
    # back at the next correction request, weeks later.
    decide(as_reviewer, submitted["id"], type="accepted")
    decide(as_reviewer, submitted["id"], type="correction_requested", reason="照片看不清",
           items=["disability_certificate"])
    [certificate] = [m for m in as_applicant.get(f"/applications/{submitted['id']}/materials").get_json()["materials"]
                     if m["kind"] == "disability_certificate"]
    path = f"/api/v1/applications/{submitted['id']}/materials/{certificate['id']}"

    def replace(data: bytes):
        return as_applicant.client.put(path, data={"file": (io.BytesIO(data), "photo.jpg")},
                                       content_type="multipart/form-data", headers=as_applicant._headers(None))

    again = replace(flows.photo_bytes("disability_certificate"))  # the bytes flows.submitted uploaded
    assert again.status_code == 422, again.get_json()
    [error] = again.get_json()["errors"]
    assert error["code"] == "file_same_photo_again" and error["easy_read"] == "这是原来那张照片。请重新拍一张。"
    assert len(as_applicant.get(f"/applications/{submitted['id']}/materials?include_superseded=true")
               .get_json()["materials"]) == len(flows.REQUIRED_PHOTOS)
    assert replace(flows.photo_bytes("a new photo of the certificate")).status_code == 200
