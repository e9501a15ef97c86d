"""In-app notifications of the signed-in person."""

from __future__ import annotations

from typing import Any

from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field

from accessibility.status_speech import spoken_words
from backend.accounts.preferences import Preferences
from backend.notifications import service
from miniprogram_api.guards import current_actor, current_preferences
from miniprogram_api.locale import request_locale
from miniprogram_api.render import render
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, Strict

notifications = APIBlueprint("notifications", __name__, url_prefix="/api/v1",
                             abp_tags=[Tag(name="notifications")], abp_security=[{"bearer": []}])


class ListQuery(Strict):
    unread: bool = False


class NotificationPath(BaseModel):
    notification_id: str = Field(max_length=64)


@notifications.get("/notifications", summary="Notifications, newest first (each with its `audio_url`)",
                   responses=PROBLEM_RESPONSES)
def list_notifications(query: ListQuery):
    actor = current_actor()
    listed = service.list_notifications(actor, locale=request_locale(), unread_only=query.unread)
    return render({"notifications": _spoken(listed, current_preferences())})


@notifications.post("/notifications/<notification_id>/read", summary="Mark a notification read",
                    responses=PROBLEM_RESPONSES)
def mark_read(path: NotificationPath):
    actor = current_actor()
    notification = service.mark_read(actor, path.notification_id, locale=request_locale())
    return render(_spoken([notification], current_preferences())[0])


def _spoken(listed: list[dict[str, Any]], preferences: Preferences) -> list[dict[str, Any]]:
    """Each notification also said (issue 6: every status message in three forms): `audio_url`, null when
    the person has speech off."""
    return [{**item, "audio_url": spoken_words(item, locale=request_locale(), preferences=preferences)}
            for item in listed]
