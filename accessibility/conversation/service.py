"""Use cases of the conversation, each with the acting person first: start (for a new or an existing
application), resume (on any device: the state is stored, not held by a client), answer in words, answer
with a photo. Each answer is saved at once through the backend's services; the conversation's own state
is saved after it, with the version it was loaded at."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import accessibility.messages  # noqa: F401  (registers the conversation's sentences)
from accessibility.conversation.prompts import Renderer
from accessibility.conversation.said import Said
from accessibility.conversation.state import ConversationState
from accessibility.conversation.turns import Turn
from backend.accounts.actor import Actor
from backend.accounts.preferences import Preferences, preferences_for
from backend.conversations import (
    StoredConversation,
    create_conversation,
    find_open_conversation,
    find_unfinished_conversation,
    load_conversation,
    save_conversation,
)
from backend.applications.service import get_application
from backend.errors import NotFound, NotPermitted, StaleVersion


def start_conversation(actor: Actor, *, locale: str, application_id: str | None = None,
                       channel: str = "miniprogram", preferences: Preferences | None = None,
                       new: bool = False) -> tuple[dict[str, Any], bool]:
    """A new conversation, or (for an application that already has one) that one, resumed. Returns the
    view and whether it was created. `preferences`: the person's, when the caller has read them already
    (the API's guard has); else read here.

    Started again without an application while the person has one not finished (a draft, or one sent back
    for correction, or first questions answered), that one is resumed and they are told so, with its number:
    someone who cannot see the screen and comes back tomorrow means "carry on", and a second empty draft
    would leave them two half-filled applications to tell apart by ear. `new` starts another one all the same
    (a guardian applying for a second family member), as the official account's chat does already."""
    if application_id is not None:
        existing = find_open_conversation(actor, application_id)
        if existing is not None:
            return _run(actor, existing, locale, None, preferences=preferences), False
    elif not new:
        unfinished = _unfinished(actor)
        if unfinished is not None:
            return _run(actor, unfinished, locale, _said_resumed, preferences=preferences), False
    stored = create_conversation(actor, channel=channel, state=ConversationState().as_dict(),
                                 application_id=application_id)
    return _run(actor, stored, locale, None, preferences=preferences), True


def _unfinished(actor: Actor) -> StoredConversation | None:
    stored = find_unfinished_conversation(actor)
    if stored is None or stored.application_id is None:
        return stored
    try:
        stage = get_application(actor, stored.application_id)["stage"]
    except (NotFound, NotPermitted):
        return None
    return stored if stage in ("draft", "correction_requested") else None


def _said_resumed(turn: Turn) -> None:
    application = turn.situation.application
    if application is None:
        turn.said.append(Said("conversation.resumed_unfinished.no_number"))
    else:
        turn.said.append(Said("conversation.resumed_unfinished", {"reference": application["reference"]}))


def get_conversation(actor: Actor, conversation_id: str, *, locale: str,
                     preferences: Preferences | None = None) -> dict[str, Any]:
    return _run(actor, load_conversation(actor, conversation_id), locale, None, preferences=preferences)


def answer_conversation(actor: Actor, conversation_id: str, text: str, *, locale: str,
                        answering: str | None = None, preferences: Preferences | None = None) -> dict[str, Any]:
    """`answering`: the step of the prompt the person answered, when the client sends it."""
    return _run(actor, load_conversation(actor, conversation_id), locale,
                lambda turn: turn.answer(text, answering=answering), preferences=preferences)


def send_photo(actor: Actor, conversation_id: str, data: bytes, *, locale: str,
               answering: str | None = None, preferences: Preferences | None = None) -> dict[str, Any]:
    return _run(actor, load_conversation(actor, conversation_id), locale,
                lambda turn: turn.photo(data, answering=answering), preferences=preferences)


def _run(actor: Actor, stored: StoredConversation, locale: str, action: Callable[[Turn], None] | None, *,
         with_audio: bool = True, chat: bool = False, preferences: Preferences | None = None) -> dict[str, Any]:
    preferences = preferences or preferences_for(actor.user_id)
    for attempt in range(2):
        state = ConversationState.from_dict(stored.state)
        turn = Turn(actor, application_id=stored.application_id, state=state, channel=stored.channel, locale=locale)
        if attempt == 0 and action is not None:
            action(turn)
        elif attempt == 1:
            turn.said.append(Said("conversation.moved_on"))
        turn.settle()
        renderer = Renderer(turn, preferences, conversation_id=stored.id, with_audio=with_audio, chat=chat)
        view = _view(stored, turn, renderer)  # rendering numbers the summary's items into the state
        try:
            saved = save_conversation(actor, stored.id, expected_version=stored.version, state=state.as_dict(),
                                      application_id=turn.application_id, finished=state.submitted)
        except StaleVersion:
            # Another device answered meanwhile; what this answer saved in the application stands. Show
            # the question that is next now.
            stored = load_conversation(actor, stored.id)
            continue
        view["conversation"].update(version=saved.version, updated_at=saved.updated_at,
                                    application_id=saved.application_id)
        return view
    return view


def _view(stored: StoredConversation, turn: Turn, renderer: Renderer) -> dict[str, Any]:
    prompt = renderer.prompt()
    return {
        "conversation": {"id": stored.id, "application_id": turn.application_id, "channel": stored.channel,
                         "version": stored.version, "created_at": stored.created_at,
                         "updated_at": stored.updated_at, "reference": turn.state.reference},
        "prompt": prompt,
        "said": renderer.said(),
        "correction": renderer.correction(),
        "done": turn.state.submitted,
    }


def run_for_chat(actor: Actor, stored: StoredConversation, locale: str, action: Callable[[Turn], None] | None,
                 preferences: Preferences) -> dict[str, Any]:
    """The same turn for a chat channel: no audio (the reply is text), and no mini program to point to."""
    return _run(actor, stored, locale, action, with_audio=False, chat=True, preferences=preferences)
