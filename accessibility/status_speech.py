"""Speech for the status of an application (issue 6 item 4: every prompt and status message is also
said): where it stands, what happens next and what the person must do, as one recording in the form
they prefer (easy-read or standard), behind a signed link like a prompt's audio."""
from __future__ import annotations

from typing import Any

from accessibility.conversation.voice import audio_url
from backend.accounts.preferences import Preferences


def spoken_status(document: dict[str, Any], *, locale: str, preferences: Preferences) -> dict[str, Any] | None:
    """`{"text", "audio_url"}` for a status document (`backend.applications.status`), or None when the
    person has speech off."""
    if not preferences.speech:
        return None
    form = "easy_read" if preferences.easy_read else "text"
    parts = [document.get("stage_label"), document.get("next_step"), document.get("action_required")]
    sentence = " ".join(part[form] for part in parts if part and part.get(form))
    if not sentence:
        return None
    return {"text": sentence, "audio_url": audio_url(sentence, locale)}
