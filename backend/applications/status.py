"""The status answer: stage, timeline, deadlines, what happens next and what the applicant must do,
in plain words. The timeline names roles, never a reviewer's name.

Deadlines (seed 001 item 7, seed 002 一): an online application is handled to the cross-province rule
from the day its materials are complete: handed off within 3 working days, decided within 10 working
days of the hand-off, counted on China's holiday and make-up-day calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

from backend.accounts.actor import Actor
from backend.applications.access import Purpose
from backend.applications.models import Application, StatusEvent
from backend.applications.stages import DECIDED, TERMINAL, Stage
from backend.calendar.working_days import WorkingDayAnswer
from backend.messages.catalog import Words, day_words, join, month_words, say
from backend.messages.describe import field_label
from backend.runtime import china_date, runtime
from backend.unit_of_work import unit_of_work

HANDOFF_WORKING_DAYS = 3
DECISION_WORKING_DAYS = 10


def application_status(actor: Actor, application_id: str, *, locale: str) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW_STATUS)
        uow.commit()
        events = uow.applications.timeline(application)
        content = uow.applications.content(application)
        deadlines = deadlines_for(application)
        office = _office_words(application, locale)
        stage = Stage(application.stage)
        return {
            "application_id": application.id,
            "reference": application.reference,
            "stage": stage.value,
            "stage_label": say(f"stage.{stage.value}", locale).as_dict(),
            "timeline": [_timeline_entry(event, office, locale) for event in events],
            "next_step": _next_step(application, events, deadlines, office, locale),
            "action_required": _action_required(uow, application, events, content, locale),
            "deadlines": _deadline_view(application, deadlines, locale),
            "decision": _decision(events, locale),
            # Whom to ask (the next-step texts point here): the offices of the application's county.
            "contacts": _contacts(application),
        }


def deadlines_for(application: Application) -> dict[str, Any]:
    if application.materials_complete_at is None:
        return {}
    calendar = runtime().calendar
    start = china_date(application.materials_complete_at)
    hand_off_by = calendar.add_working_days(start, HANDOFF_WORKING_DAYS)
    handed_off_on = china_date(application.handed_off_at) if application.handed_off_at else None
    decision_by = calendar.add_working_days(handed_off_on or hand_off_by.day, DECISION_WORKING_DAYS)
    return {"materials_complete_on": start, "hand_off_by": hand_off_by, "handed_off_on": handed_off_on,
            "decision_by": decision_by}


def deadlines_document(application: Application, locale: str) -> dict[str, Any] | None:
    """The deadlines as the applicant's status shows them (the review desk shows the same)."""
    return _deadline_view(application, deadlines_for(application), locale)


def _deadline_view(application: Application, deadlines: dict[str, Any], locale: str) -> dict[str, Any] | None:
    stage = Stage(application.stage)
    if not deadlines or stage in TERMINAL:
        return None  # a withdrawn or rejected application is closed: no deadline runs for it any more
    if stage is Stage.CORRECTION_REQUESTED:
        return _paused_view(deadlines, locale)
    today = china_date(runtime().clock())
    hand_off_by: WorkingDayAnswer = deadlines["hand_off_by"]
    decision_by: WorkingDayAnswer = deadlines["decision_by"]
    open_case = stage not in TERMINAL and stage not in DECIDED
    hand_off_late = open_case and deadlines["handed_off_on"] is None and today > hand_off_by.day
    decision_late = open_case and today > decision_by.day
    estimated = hand_off_by.estimated or decision_by.estimated
    notes = []
    if hand_off_late:
        notes.append(say("deadline.late_handoff", locale, by=day_words(hand_off_by.day, locale)).as_dict())
    if decision_late:
        notes.append(say("deadline.late_decision", locale, by=day_words(decision_by.day, locale)).as_dict())
    if estimated:
        year = next(answer.day.year for answer in (hand_off_by, decision_by) if answer.estimated)
        notes.append(say("deadline.estimated", locale, year=year).as_dict())
    return {
        "materials_complete_on": deadlines["materials_complete_on"].isoformat(),
        "hand_off_by": hand_off_by.day.isoformat(),
        "handed_off_on": deadlines["handed_off_on"].isoformat() if deadlines["handed_off_on"] else None,
        "decision_by": decision_by.day.isoformat(),
        "hand_off_late": hand_off_late,
        "decision_late": decision_late,
        "estimated": estimated,
        "paused": False,
        "notes": notes,
    }


def _paused_view(deadlines: dict[str, Any], locale: str) -> dict[str, Any]:
    """While the office waits for the applicant's correction no deadline runs: on resubmission the materials are
    complete again and both deadlines start afresh from that day (seed 001 item 7; seed 002 一, 自申请材料齐备后),
    so the old dates would only mislead. The note says what will happen once she resubmits."""
    words = say("deadline.paused_for_correction", locale, hand_off_days=HANDOFF_WORKING_DAYS,
                decision_days=DECISION_WORKING_DAYS)
    return {
        "materials_complete_on": deadlines["materials_complete_on"].isoformat(),
        "hand_off_by": None,
        "handed_off_on": deadlines["handed_off_on"].isoformat() if deadlines["handed_off_on"] else None,
        "decision_by": None,
        "hand_off_late": False,
        "decision_late": False,
        "estimated": False,
        "paused": True,
        "notes": [words.as_dict()],
    }


def _timeline_entry(event: StatusEvent, office: Words, locale: str) -> dict[str, Any]:
    details = event.details or {}
    params: dict[str, Any] = {"office": office, "reason": details.get("reason", ""),
                              "kind": field_label(details["kind"], locale) if "kind" in details else "",
                              "notice_from": _day_or_nothing(details.get("notice_from"), locale),
                              "notice_to": _day_or_nothing(details.get("notice_to"), locale)}
    words = say(f"event.{event.type}", locale, **params)
    entry: dict[str, Any] = {
        "event": event.type,
        "stage": event.stage_after,
        "at": event.occurred_at,
        "date": china_date(event.occurred_at).isoformat(),
        "actor_role": event.actor_role,
        "actor": say(f"role.{event.actor_role}", locale).as_dict(),
        **words.as_dict(),
    }
    if "reason" in details:
        entry["reason"] = details["reason"]
    if "items" in details:
        entry["items"] = [{"item": item, "label": field_label(item, locale).as_dict()} for item in details["items"]]
    for key in ("monthly_amounts", "start_month", "notice_from", "notice_to"):
        if key in details:
            entry[key] = details[key]
    return entry


def _next_step(application: Application, events: list[StatusEvent], deadlines: dict[str, Any], office: Words,
               locale: str) -> dict[str, Any]:
    stage = Stage(application.stage)
    by: date | None = None
    params: dict[str, Any] = {"office": office}
    if stage is Stage.SUBMITTED and deadlines:
        by = deadlines["hand_off_by"].day
    elif stage in (Stage.HANDED_OFF, Stage.ACCEPTED, Stage.TOWNSHIP_REVIEW, Stage.FEDERATION_REVIEW,
                   Stage.CIVIL_AFFAIRS_APPROVAL) and deadlines:
        by = deadlines["decision_by"].day
    if stage is Stage.CORRECTION_REQUESTED:
        params.update(hand_off_days=HANDOFF_WORKING_DAYS, decision_days=DECISION_WORKING_DAYS)
    if stage is Stage.PUBLIC_NOTICE:
        notice = _latest(events, "public_notice")
        params["notice_to"] = _day_or_nothing((notice.details or {}).get("notice_to") if notice else None, locale)
    if by is not None:
        params["by"] = day_words(by, locale)
    words = say(f"next.{stage.value}", locale, **params)
    return {**words.as_dict(), "by": by.isoformat() if by else None}


def _action_required(uow, application: Application, events: list[StatusEvent], content: dict[str, Any],
                     locale: str) -> dict[str, Any] | None:
    stage = Stage(application.stage)
    if stage is Stage.DRAFT:
        from backend.applications.service import _missing
        missing = _missing(uow, application, content)
        if not missing:
            return None
        items = [problem.path for problem in missing]
        words = say("action.finish_draft", locale, items=join([field_label(item, locale) for item in items], locale))
        return {"code": "finish_draft", **words.as_dict(), "items": items}
    if stage is Stage.CORRECTION_REQUESTED:
        request = _latest(events, "correction_requested")
        details = request.details if request else {}
        items = list(details.get("items", []))
        words = say("action.correct_items", locale, items=join([field_label(item, locale) for item in items], locale),
                    reason=details.get("reason", ""))
        return {"code": "correct_items", **words.as_dict(), "items": items, "reason": details.get("reason")}
    return None


def _decision(events: list[StatusEvent], locale: str) -> dict[str, Any] | None:
    approved = _latest(events, "approved")
    rejected = _latest(events, "rejected")
    if rejected is not None and (approved is None or rejected.occurred_at > approved.occurred_at):
        return {"outcome": "rejected", "reason": rejected.details.get("reason")}
    if approved is None:
        return None
    amounts = approved.details.get("monthly_amounts", {})
    parts = [say("amount.yuan", locale, subsidy=say(f"subsidy.{subsidy}", locale), amount=_yuan(amount))
             for subsidy, amount in amounts.items()]
    words = say("decision.amounts", locale, amounts=join(parts, locale, "list.clause_separator"),
                start_month=month_words(approved.details.get("start_month") or "", locale))
    return {"outcome": "approved", "monthly_amounts": amounts, "start_month": approved.details.get("start_month"),
            **words.as_dict()}


def _day_or_nothing(value: str | None, locale: str) -> Words | str:
    return day_words(value, locale) if value else ""


def _latest(events: list[StatusEvent], event_type: str) -> StatusEvent | None:
    """The latest such event that moved the application: one kept in the timeline without moving it (a second
    approval, a rejection after payment began, a decision on a withdrawn application; review/events.py marks
    them) must not change the decision the person is shown."""
    matching = [event for event in events
                if event.type == event_type and event.moved_the_stage]
    return matching[-1] if matching else None


def _yuan(amount: str) -> str:
    return amount[:-3] if amount.endswith(".00") else amount


def _office_words(application: Application, locale: str) -> Words:
    from backend.identity.place_names import place_name

    name = place_name(application.office_region, locale)
    if name is None:
        return say("role.reviewer", locale)
    return Words(name, name)


def _contacts(application: Application) -> list[dict[str, Any]]:
    from backend.policy.presenter import contacts_document

    code = application.office_region or "000000"
    return contacts_document(runtime().policy.resolve(code, china_date(runtime().clock())))
