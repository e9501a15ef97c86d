"""Deadlines on China's working-day calendar (seed 001 item 7; seed 002): 3 working days to hand off,
10 to decide, counted from the day materials are complete; estimated (and said so) past the holiday data."""

from __future__ import annotations

from tests.conftest import login
from tests.support import flows


def applicant_at(app, clock, china_time: str):
    """Logs in at the given moment (a token issued "in the future" would be refused)."""
    clock.set_china_time(china_time)
    return login(app, "demo-applicant")


def submit(as_applicant) -> dict:
    return flows.submitted(as_applicant, subsidies=["nursing"],
                           photos=("id_card_front", "id_card_back", "disability_certificate"))


def deadlines(as_applicant, application) -> dict:
    return as_applicant.get(f"/applications/{application['id']}/status").get_json()["deadlines"]


def test_national_day_holiday_is_not_counted(app, demo_accounts, clock):
    as_applicant = applicant_at(app, clock, "2026-09-30 10:00")  # the Wednesday before National Day 2026
    found = deadlines(as_applicant, submit(as_applicant))
    # 2026-10-01..07 are off, and Saturday 2026-10-10 is a make-up working day (chinesecalendar).
    assert found["hand_off_by"] == "2026-10-10"
    assert found["estimated"] is False


def test_decision_deadline_counts_ten_working_days_from_hand_off(app, demo_accounts, clock):
    as_applicant = applicant_at(app, clock, "2026-11-25 10:00")
    found = deadlines(as_applicant, submit(as_applicant))
    assert found["handed_off_on"] == "2026-11-25"
    assert found["decision_by"] == "2026-12-09"


def test_a_year_without_holiday_data_is_estimated_and_says_so(app, demo_accounts, clock):
    as_applicant = applicant_at(app, clock, "2026-12-28 10:00")
    found = deadlines(as_applicant, submit(as_applicant))
    assert found["estimated"] is True
    assert any("估算" in note["text"] for note in found["notes"])
    assert found["hand_off_by"] == "2026-12-31"
    # 2027-01-01 (New Year) is a statutory holiday even in the estimate.
    assert found["decision_by"] not in ("2027-01-01",)


def test_a_loaded_holiday_notice_replaces_the_estimate(app, demo_accounts, clock, runtime, tmp_path):
    from backend.calendar.working_days import WorkingDayCalendar

    notices = tmp_path / "notices"
    notices.mkdir()
    (notices / "2027.toml").write_text(
        'year = 2027\nsource = "made up for this test"\nmake_up_working_days = [2027-01-09]\n\n'
        '[[holidays]]\nname = "元旦"\nstart = 2027-01-01\nend = 2027-01-03\n', encoding="utf-8")
    runtime.calendar = WorkingDayCalendar([notices])
    as_applicant = applicant_at(app, clock, "2026-12-30 10:00")
    found = deadlines(as_applicant, submit(as_applicant))
    assert found["hand_off_by"] == "2027-01-05"
    assert found["estimated"] is False


def test_late_hand_off_is_flagged(app, demo_accounts, clock, runtime):
    runtime.jobs = None  # nothing delivers: the hand-off stays waiting
    application = submit(applicant_at(app, clock, "2026-11-25 10:00"))
    found = deadlines(applicant_at(app, clock, "2026-12-01 10:00"), application)
    assert found["hand_off_late"] is True
    assert found["notes"][0]["text"].startswith("送审已超过期限")


def test_while_a_correction_is_awaited_no_deadline_runs_and_she_is_told_they_start_again_on_resubmission(
        app, demo_accounts, clock):
    # Seed 001 item 7, seed 002 一 (自申请材料齐备后): on resubmission the materials are complete again, so the
    # 3 + 10 working days count afresh from then; the old decision_by would only mislead while she corrects.
    as_applicant = applicant_at(app, clock, "2026-11-25 10:00")
    application = submit(as_applicant)
    reviewer = login(app, "demo-reviewer")
    reviewer.post(f"/review/applications/{application['id']}/decisions",
                  json={"type": "correction_requested", "reason": "照片看不清", "items": ["disability_certificate"]})
    status = as_applicant.get(f"/applications/{application['id']}/status").get_json()
    assert status["deadlines"]["paused"] is True
    assert status["deadlines"]["decision_by"] is None and status["deadlines"]["hand_off_by"] is None
    assert status["next_step"]["by"] is None
    assert "接着进行" not in status["next_step"]["text"]
    for form in ("text", "easy_read"):
        assert "3个工作日" in status["next_step"][form] and "10个工作日" in status["next_step"][form]
    assert "暂停" in status["deadlines"]["notes"][0]["text"]
    english = login(app, "demo-applicant", locale="en")
    told = english.get(f"/applications/{application['id']}/status").get_json()["next_step"]
    assert "3 working days" in told["text"] and "10 working days" in told["easy_read"]


def test_a_rejected_or_withdrawn_application_shows_no_deadlines(app, demo_accounts, clock):
    as_applicant = applicant_at(app, clock, "2026-11-25 10:00")
    rejected, withdrawn = submit(as_applicant), submit(as_applicant)
    login(app, "demo-reviewer").post(f"/review/applications/{rejected['id']}/decisions",
                                     json={"type": "rejected", "reason": "未纳入低保"})
    assert as_applicant.post(f"/applications/{withdrawn['id']}/withdraw").status_code == 200
    assert deadlines(as_applicant, rejected) is None
    assert deadlines(as_applicant, withdrawn) is None
