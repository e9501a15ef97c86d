"""How review events move an application: forward only, skipping allowed, corrections and late events."""

from __future__ import annotations

import pytest

from backend.applications.stages import ReviewEventType as E
from backend.applications.stages import Stage as S
from backend.applications.stages import stage_after


@pytest.mark.parametrize("current, event, expected", [
    (S.HANDED_OFF, E.ACCEPTED, S.ACCEPTED),
    (S.ACCEPTED, E.TOWNSHIP_REVIEW_PASSED, S.FEDERATION_REVIEW),
    (S.FEDERATION_REVIEW, E.FEDERATION_REVIEW_PASSED, S.CIVIL_AFFAIRS_APPROVAL),
    (S.CIVIL_AFFAIRS_APPROVAL, E.APPROVED, S.APPROVED),
    (S.APPROVED, E.PUBLIC_NOTICE, S.PUBLIC_NOTICE),
    (S.PUBLIC_NOTICE, E.PAYMENT_STARTED, S.PAYING),
    # Seed 001 item 6: a township with the decision delegated to it skips the federation and civil-affairs steps.
    (S.ACCEPTED, E.APPROVED, S.APPROVED),
    (S.SUBMITTED, E.ACCEPTED, S.ACCEPTED),
    # A late event never moves the application back.
    (S.FEDERATION_REVIEW, E.ACCEPTED, S.FEDERATION_REVIEW),
    (S.PAYING, E.APPROVED, S.PAYING),
    # Corrections: during review only; the wait for the applicant is not ended by a late event.
    (S.ACCEPTED, E.CORRECTION_REQUESTED, S.CORRECTION_REQUESTED),
    (S.CORRECTION_REQUESTED, E.ACCEPTED, S.CORRECTION_REQUESTED),
    (S.APPROVED, E.CORRECTION_REQUESTED, S.APPROVED),
    # Rejection ends a case under review, not an approved one; nothing moves a closed case.
    (S.FEDERATION_REVIEW, E.REJECTED, S.REJECTED),
    (S.APPROVED, E.REJECTED, S.APPROVED),
    (S.REJECTED, E.APPROVED, S.REJECTED),
    (S.WITHDRAWN, E.ACCEPTED, S.WITHDRAWN),
    (S.DRAFT, E.ACCEPTED, S.DRAFT),
])
def test_review_event_moves_the_stage_only_where_it_may(current, event, expected):
    assert stage_after(current, event) is expected


def test_an_application_may_be_withdrawn_online_only_before_the_office_acts_on_it():
    from backend.applications.stages import WITHDRAWABLE, review_started

    assert WITHDRAWABLE == {S.DRAFT, S.SUBMITTED, S.HANDED_OFF}
    assert review_started(["created", "submitted", "handed_off"]) is False
    assert review_started(["created", "submitted", "handed_off", "accepted", "correction_requested", "submitted",
                           "handed_off"]) is True
