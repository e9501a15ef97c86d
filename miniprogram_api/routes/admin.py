"""Administration: assistant accounts (made, listed, disabled), the monthly figures of online handling (seed 002),
and the hand-offs to the review system. The blueprint is guarded for administrators where it is registered
(app.py); the services check the role again."""

from __future__ import annotations

from typing import Literal

from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field

from backend.calendar.months import MONTH_PATTERN
from backend.representation import staff
from miniprogram_api.guards import current_actor
from miniprogram_api.render import render
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, Problem, Strict, with_examples

RESPONSES = {**PROBLEM_RESPONSES, 403: Problem}
admin = APIBlueprint("admin", __name__, url_prefix="/api/v1/admin",
                     abp_tags=[Tag(name="administration")], abp_security=[{"bearer": []}])


class NewAssistant(Strict):
    display_name: str = Field(max_length=64)
    region_code: str = Field(pattern=r"^\d{6}$", description="The county (区县) the assistant serves.")

    model_config = with_examples(wulong={"display_name": "凤山街道协办员", "region_code": "500156"})


class AssistantPath(BaseModel):
    assistant_id: str = Field(max_length=64)


class StatisticsQuery(Strict):
    month: str = Field(pattern=MONTH_PATTERN, description="YYYY-MM, e.g. 2026-11")


class HandoffQuery(Strict):
    status: Literal["waiting", "delivered", "dead"] = "dead"


class HandoffPath(BaseModel):
    handoff_id: str = Field(max_length=64)


@admin.post("/assistants", summary="Create an assistant account for a county (returns its activation code)",
            responses=RESPONSES)
def create_assistant(body: NewAssistant):
    return render(staff.create_assistant(current_actor(), display_name=body.display_name,
                                         region_code=body.region_code), 201)


@admin.get("/assistants", summary="The assistant accounts: county, whether activated, whether disabled",
           responses=RESPONSES)
def list_assistants():
    return render({"assistants": staff.list_assistants(current_actor())})


@admin.post("/assistants/<assistant_id>/disable",
            summary="Disable an assistant account (a lost phone, someone who left): it can no longer log in",
            responses=RESPONSES)
def disable_assistant(path: AssistantPath):
    return render(staff.disable_assistant(current_actor(), path.assistant_id))


@admin.get("/statistics", summary="Monthly figures of online handling, by channel and region (seed 002)",
           responses=RESPONSES)
def statistics(query: StatisticsQuery):
    from backend.statistics.service import monthly_statistics
    return render(monthly_statistics(current_actor(), query.month))


@admin.get("/handoffs", summary="Hand-offs to the review system: waiting, delivered, or parked as dead",
           responses=RESPONSES)
def handoffs(query: HandoffQuery):
    from backend.review.handoff import handoff_queue
    _require_admin()
    return render({"handoffs": handoff_queue(query.status, current_actor().region_code)})


@admin.post("/handoffs/<handoff_id>/replay", summary="Send a parked hand-off again", responses=RESPONSES)
def replay(path: HandoffPath):
    from backend.errors import NotFound
    from backend.review.handoff import replay_dead
    _require_admin()
    if not replay_dead(path.handoff_id, current_actor().region_code):
        raise NotFound("handoff_not_found")
    return render({"replayed": True})


def _require_admin() -> None:
    from backend.accounts.models import Role
    from backend.errors import NotPermitted
    if current_actor().role is not Role.ADMIN:
        raise NotPermitted("wrong_role")
