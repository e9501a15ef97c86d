"""In-app notifications of the signed-in person."""

from __future__ import annotations

from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field

from backend.notifications import service
from miniprogram_api.guards import current_actor
from miniprogram_api.locale import request_locale
from miniprogram_api.render import render
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, Strict

notifications = APIBlueprint("notifications", __name__, url_prefix="/api/v1",
                             abp_tags=[Tag(name="notifications")], abp_security=[{"bearer": []}])


class ListQuery(Strict):
    unread: bool = False


class NotificationPath(BaseModel):
    notification_id: str = Field(max_length=64)


@notifications.get("/notifications", summary="Notifications, newest first", responses=PROBLEM_RESPONSES)
def list_notifications(query: ListQuery):
    return render({"notifications": service.list_notifications(current_actor(), locale=request_locale(),
                                                                unread_only=query.unread)})


@notifications.post("/notifications/<notification_id>/read", summary="Mark a notification read",
                    responses=PROBLEM_RESPONSES)
def mark_read(path: NotificationPath):
    return render(service.mark_read(current_actor(), path.notification_id, locale=request_locale()))
