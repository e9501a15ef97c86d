"""The monthly statistics seed 002 asks for: applications received (by channel), handed off, decided in
time and late, corrections, rejections, by region. Counted from the applications and their events, in
China's calendar, with deadlines on the working-day calendar (seed 001 item 7: 3 working days to hand
off, 10 to decide). No personal data: counts only.

Every figure is a number of applications, each counted once per outcome in the month: an application handed
off again after a correction is one application handed off, one asked twice for a correction is one
application sent back. An event that did not change the stage (details `did_not_change_stage`: a second
approval, a rejection after the approval, a correction request older than the resubmission; see
backend.review.events) is in the timeline but not in the figures, so approved + rejected never exceed
decided."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.models import Application, StatusEvent
from backend.applications.status import deadlines_for
from backend.calendar.months import parse_month
from backend.errors import FieldError, InvalidInput, NotPermitted
from backend.identity.regions import in_area, is_cross_province, region
from backend.review.handoff import dead_handoff_offices
from backend.runtime import CHINA, china_date
from backend.unit_of_work import unit_of_work

DECISIONS = ("approved", "rejected")


def monthly_statistics(actor: Actor, month: str) -> dict[str, Any]:
    if actor.role is not Role.ADMIN:
        raise NotPermitted("wrong_role")
    if parse_month(month) is None:
        raise InvalidInput(errors=[FieldError("month", "month_invalid")])
    first = date.fromisoformat(month + "-01")
    after = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    start = datetime.combine(first, time(), CHINA)
    end = datetime.combine(after, time(), CHINA)
    with unit_of_work() as uow:
        today = china_date(uow.now)
        month_end = min(after - timedelta(days=1), today)
        applications = list(uow.session.scalars(select(Application).where(Application.first_submitted_at.is_not(None))))
        # An administrator of a province or county sees their area only.
        applications = [app for app in applications if in_area(actor.region_code, app.office_region)]
        by_id = {app.id: app for app in applications}
        events = list(uow.session.scalars(select(StatusEvent).where(
            StatusEvent.occurred_at >= start, StatusEvent.occurred_at < end,
            StatusEvent.application_id.in_(list(by_id)) if by_id else False)))
        regions: dict[str, Counter] = defaultdict(Counter)
        totals: Counter = Counter()
        counted: set[tuple[str, str]] = set()

        def count(app: Application, key: str) -> None:
            if (app.id, key) in counted:  # an application once per outcome (module docstring)
                return
            counted.add((app.id, key))
            totals[key] += 1
            regions[app.office_region or "unknown"][key] += 1

        for app in applications:
            if start <= app.first_submitted_at < end:
                count(app, "received")
                count(app, f"received_{app.channel}")
                if is_cross_province(app.applied_from_region, app.hukou_region):  # as the packet says it
                    count(app, "received_cross_province")
            deadlines = deadlines_for(app)
            if not deadlines:
                continue
            decided_on = china_date(app.decided_at) if app.decided_at else None
            if decided_on is not None and first <= decided_on <= month_end:
                count(app, "decided")
                count(app, "decided_in_time" if decided_on <= deadlines["decision_by"].day else "decided_late")
            elif app.decided_at is None and app.closed_at is None and app.stage != "correction_requested":
                if deadlines["decision_by"].day < month_end and deadlines["decision_by"].day >= first:
                    count(app, "open_and_late")
            handed = china_date(app.handed_off_at) if app.handed_off_at else None
            if handed is not None and first <= handed <= month_end and handed > deadlines["hand_off_by"].day:
                count(app, "handed_off_late")
        for event in events:
            if not event.moved_the_stage:
                continue  # recorded in the timeline, but nothing happened to the application
            app = by_id[event.application_id]
            if event.type == "handed_off":
                count(app, "handed_off")
            elif event.type == "correction_requested":
                count(app, "corrections_requested")
            elif event.type == "rejected":
                count(app, "rejected")
            elif event.type == "approved":
                count(app, "approved")
                flags = (event.details or {}).get("flags", [])
                if any(flag.get("code") == "amount_differs_from_policy" for flag in flags):
                    # Accepted (the review system is the authority) but not the amount our policy data gives.
                    count(app, "approved_amount_differs")
                if any(flag.get("code") == "start_month_differs_from_policy" for flag in flags):
                    # Accepted, but from a month other than our evaluator's (seed 001 items 9 and 13).
                    count(app, "approved_start_month_differs")
                if any(flag.get("code") == "not_eligible_by_policy" for flag in flags):
                    # Accepted, for a subsidy our evaluator says the person does not qualify for.
                    count(app, "approved_not_eligible_by_policy")
        keys = ("received", "received_miniprogram", "received_official_account", "received_assistant",
                "received_cross_province", "handed_off", "handed_off_late", "decided", "decided_in_time",
                "decided_late", "open_and_late", "approved", "approved_amount_differs", "approved_start_month_differs",
                "approved_not_eligible_by_policy", "rejected", "corrections_requested")
        # Not a figure of the month: what needs an administrator now. A hand-off parked as dead (its attempts used
        # up, or refused as malformed) reaches the review office only when someone replays it, and its applicant
        # reads "已提交" meanwhile (GET admin/handoffs?status=dead lists them).
        dead = [code for code in dead_handoff_offices(uow) if in_area(actor.region_code, code)]
        return {
            "month": month,
            "as_of": today.isoformat(),
            "area": actor.region_code,
            "attention": {"handoffs_dead": len(dead)},
            "totals": {key: totals[key] for key in keys},
            "by_region": [{"region_code": code, "region_name": _name(code), **{key: counter[key] for key in keys}}
                          for code, counter in sorted(regions.items())],
        }


def _name(code: str) -> str | None:
    found = region(code) if code != "unknown" else None
    return found.full_name if found else None
