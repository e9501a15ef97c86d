"""An Idempotency-Key claimed by a request whose worker died is free again soon after the longest a request
can live, and a retry told to wait is told how long, in words that read right (the tester's phone was told
"try again in 1 seconds" about 300 times over five minutes)."""

from __future__ import annotations

import io

import pytest

from backend.idempotency import Claimed, InProgress, claim, holder, release, settle
from miniprogram_api import idempotency
from tests.conftest import login
from tests.support.flows import photo_bytes, start, upload


@pytest.fixture
def draft(as_applicant):
    return start(as_applicant)


@pytest.fixture
def dead_upload(as_applicant, draft, monkeypatch):
    """An upload whose key ("dead-1") was claimed by a worker killed while handling it: no answer will come."""
    monkeypatch.setattr(idempotency, "WAIT_FOR_FIRST_SECONDS", 0.1)
    path = f"/api/v1/applications/{draft['id']}/materials"
    with as_applicant.client.application.test_request_context(
            path, method="POST", data={"kind": "id_card_back", "file": (io.BytesIO(photo_bytes("back")), "back.jpg")},
            content_type="multipart/form-data"):
        claimed = claim(as_applicant.user_id, f"POST {path}", "dead-1", idempotency._fingerprint())
    assert isinstance(claimed, Claimed)
    return claimed


def retry(client, draft):
    return upload(client, draft["id"], "id_card_back", photo_bytes("back"), **{"Idempotency-Key": "dead-1"})


def test_a_claim_abandoned_past_the_longest_a_request_lives_lets_a_retry_run(as_applicant, draft, dead_upload,
                                                                           clock, runtime):
    # A request lives at most REQUEST_TIMEOUT_SECONDS (gunicorn's --timeout, 60); the claim 15 s more.
    assert runtime.settings.request_timeout_seconds == 60
    clock.advance(seconds=74)
    assert retry(as_applicant, draft).status_code == 409
    clock.advance(seconds=2)
    answer = retry(as_applicant, draft)
    assert answer.status_code == 201, answer.get_json()
    assert retry(as_applicant, draft).headers["Idempotent-Replayed"] == "true"


def test_a_first_request_that_outlived_its_claim_cannot_free_or_answer_for_the_retry_that_took_the_key(
        as_applicant, dead_upload, clock):
    # The "dead" request was only slow (a degraded database): it ends after its claim counted as abandoned
    # and a retry claimed the key. Its failure must not free the retry's claim (a third attempt would run the
    # upload a third time), and its answer must not be replayed as the retry's.
    clock.advance(seconds=76)
    retry_claim = claim(as_applicant.user_id, dead_upload.scope, "dead-1", "hash")
    assert isinstance(retry_claim, Claimed) and retry_claim.record_id != dead_upload.record_id
    release(dead_upload)
    settle(dead_upload, 201, '{"id": "first"}')
    assert isinstance(holder(as_applicant.user_id, dead_upload.scope, "dead-1"), InProgress)
    settle(retry_claim, 201, '{"id": "retry"}')
    assert holder(as_applicant.user_id, dead_upload.scope, "dead-1").body == '{"id": "retry"}'


def test_the_claim_lasts_as_long_as_the_request_timeout_setting_says(as_applicant, draft, dead_upload, clock,
                                                                    runtime, monkeypatch):
    monkeypatch.setattr(runtime.settings, "request_timeout_seconds", 30)
    clock.advance(seconds=46)
    assert retry(as_applicant, draft).status_code == 201


def test_retry_after_on_request_in_progress_counts_down_to_the_moment_the_claim_is_free(
        as_applicant, draft, dead_upload, clock):
    clock.advance(seconds=65)
    first = retry(as_applicant, draft)
    assert first.status_code == 409 and first.get_json()["code"] == "request_in_progress"
    assert first.headers["Retry-After"] == "10"
    assert first.get_json()["retry_after_seconds"] == first.get_json()["retry_after"] == 10
    clock.advance(seconds=6)
    assert retry(as_applicant, draft).headers["Retry-After"] == "4"
    clock.advance(seconds=3.9)
    assert retry(as_applicant, draft).headers["Retry-After"] == "1"  # never less than a second


def test_a_young_claim_is_asked_about_again_after_as_long_as_it_has_been_held(as_applicant, draft, dead_upload,
                                                                             clock):
    # Most likely a slow request that answers soon: no retry sent a minute away, none sent every second.
    assert retry(as_applicant, draft).headers["Retry-After"] == "1"
    clock.advance(seconds=7.5)
    assert retry(as_applicant, draft).headers["Retry-After"] == "8"


def test_the_wait_of_a_request_in_progress_reads_right_in_english_one_second_and_many(app, as_applicant, draft,
                                                                                      dead_upload, clock):
    english = login(app, "demo-applicant", locale="en")
    one = retry(english, draft).get_json()["detail"]
    assert "Please try again in 1 second;" in one and "1 seconds" not in one
    clock.advance(seconds=65)
    assert "Please try again in 10 seconds;" in retry(english, draft).get_json()["detail"]


def test_the_wait_of_a_request_in_progress_is_said_in_seconds_in_chinese_too(app, as_applicant, draft, dead_upload,
                                                                             clock):
    assert "请1秒后再试一次" in retry(as_applicant, draft).get_json()["detail"]
    clock.advance(seconds=65)
    assert "請10秒後再試一次" in retry(login(app, "demo-applicant", locale="zh-TW"), draft).get_json()["detail"]
