"""The signed-in person's own settings: display and language preferences, and a one-time code that links
their WeChat official-account chat to this account."""

from __future__ import annotations

from flask_openapi3 import APIBlueprint, Tag

from backend.accounts import preferences
from backend.wechat.official_account import new_link_code
from miniprogram_api.guards import current_actor
from miniprogram_api.render import render
from miniprogram_api.schemas.common import PROBLEM_RESPONSES
from miniprogram_api.schemas.conversations import LinkCodeOut, PreferencesBody

preferences_routes = APIBlueprint("preferences", __name__, url_prefix="/api/v1",
                                  abp_tags=[Tag(name="me", description="Your own settings")],
                                  abp_security=[{"bearer": []}])


@preferences_routes.get("/me/preferences", summary="Display, speech and language preferences",
        responses={200: PreferencesBody, **PROBLEM_RESPONSES})
def get_preferences():
    return render(preferences.get_preferences(current_actor()))


@preferences_routes.put("/me/preferences", summary="Set the preferences (a name left out takes its default)",
        description="Every response honours them: the locale (over Accept-Language), easy-read first, audio "
                    "when speech is on, and display hints in conversation prompts.",
        responses={200: PreferencesBody, **PROBLEM_RESPONSES})
def put_preferences(body: PreferencesBody):
    return render(preferences.put_preferences(current_actor(), body.model_dump(exclude_unset=True)))


@preferences_routes.post("/me/official-account-link-code",
         summary="A one-time code to link the official account's chat with this account",
         description="Send it to the official account as “绑定 123456” within 10 minutes.",
         responses={201: LinkCodeOut, **PROBLEM_RESPONSES})
def link_code():
    return render(new_link_code(current_actor()), 201)
