"""Loading and saving conversations, always through the access rule.

A conversation with an application is reached only by whoever may edit that application
(`ApplicationRepository.get_for`, the one access rule); one without an application yet only by the
person who started it. Anyone else gets `NotFound`, as if it did not exist.

Saving takes the version that was loaded: a person answering on two phones at once cannot make one
phone's answer silently overwrite the other's (the second save gets `StaleVersion`). Nothing here
holds a transaction open while the conversation calls other services: each function is one unit of
work (SQLite's BEGIN IMMEDIATE would make nested ones wait on each other)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.access import Purpose
from backend.conversations.models import Conversation
from backend.errors import NotFound, NotPermitted, StaleVersion
from backend.unit_of_work import UnitOfWork, unit_of_work

CHANNELS = ("miniprogram", "official_account")


@dataclass(frozen=True)
class StoredConversation:
    id: str
    user_id: str
    application_id: str | None
    channel: str
    state: dict[str, Any]
    version: int
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


def create_conversation(actor: Actor, *, channel: str, state: dict[str, Any],
                        application_id: str | None = None) -> StoredConversation:
    if actor.role is not Role.PUBLIC and application_id is None:
        # A new application by conversation is a person's own; whoever may edit an existing one (a guardian,
        # an assistant sitting with the person) may continue it by conversation too: the access rule decides.
        # An assistant is told the way that works: the application first (for the person), then the chat on it.
        raise NotPermitted("assistant_chats_on_an_application" if actor.role is Role.ASSISTANT
                           else "only_people_apply")
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    with unit_of_work() as uow:
        if application_id is not None:
            uow.applications.get_for(actor, application_id, Purpose.EDIT)
        row = Conversation(user_id=actor.user_id, application_id=application_id, channel=channel, state=b"",
                           version=1, created_at=uow.now, updated_at=uow.now)
        uow.session.add(row)
        uow.session.flush()
        row.state = _seal(uow, row.id, state)
        uow.audit.record(actor, "conversation.started", application_id=application_id)
        uow.commit()
        return _stored(row, state)


def load_conversation(actor: Actor, conversation_id: str) -> StoredConversation:
    with unit_of_work() as uow:
        row = _get_for(uow, actor, conversation_id)
        return _stored(row, _unseal(uow, row))


def find_open_conversation(actor: Actor, application_id: str) -> StoredConversation | None:
    """The latest conversation about this application, to resume on another device."""
    with unit_of_work() as uow:
        uow.applications.get_for(actor, application_id, Purpose.EDIT)
        row = uow.session.scalars(select(Conversation).where(Conversation.application_id == application_id)
                                  .order_by(Conversation.updated_at.desc())).first()
        return _stored(row, _unseal(uow, row)) if row is not None else None


def find_unfinished_conversation(actor: Actor) -> StoredConversation | None:
    """The person's most recent conversation not yet submitted, on whatever channel it began: the same
    application continues when they switch from the mini program to the official account."""
    with unit_of_work() as uow:
        # One with an application first: a conversation that never got past its first questions is worth less.
        rows = uow.session.scalars(select(Conversation).where(
            Conversation.user_id == actor.user_id, Conversation.finished_at.is_(None))
            .order_by(Conversation.application_id.is_(None), Conversation.updated_at.desc()).limit(5))
        for row in rows:
            try:
                row = _get_for(uow, actor, row.id)
            except NotFound:
                continue
            return _stored(row, _unseal(uow, row))
        return None


def save_conversation(actor: Actor, conversation_id: str, *, expected_version: int, state: dict[str, Any],
                      application_id: str | None = None, finished: bool = False) -> StoredConversation:
    """Stores the new state (and the application once it exists); `StaleVersion` when another device
    moved the conversation on since `expected_version` was loaded."""
    with unit_of_work() as uow:
        row = _get_for(uow, actor, conversation_id, for_update=True)
        if row.version != expected_version:
            raise StaleVersion(row.version)
        if application_id is not None and row.application_id != application_id:
            uow.applications.get_for(actor, application_id, Purpose.EDIT)
            row.application_id = application_id
        row.state = _seal(uow, row.id, state)
        row.version += 1
        row.updated_at = uow.now
        if finished and row.finished_at is None:
            row.finished_at = uow.now
        uow.commit()
        return _stored(row, state)


def _get_for(uow: UnitOfWork, actor: Actor, conversation_id: str, *, for_update: bool = False) -> Conversation:
    query = select(Conversation).where(Conversation.id == conversation_id)
    if for_update:
        query = query.with_for_update()
    row = uow.session.scalars(query).first() if isinstance(conversation_id, str) else None
    if row is None:
        raise NotFound("conversation_not_found")
    if row.application_id is not None:
        try:
            uow.applications.get_for(actor, row.application_id, Purpose.EDIT)
        except NotFound:
            raise NotFound("conversation_not_found") from None
    elif row.user_id != actor.user_id:
        raise NotFound("conversation_not_found")
    return row


def _seal(uow: UnitOfWork, conversation_id: str, state: dict[str, Any]) -> bytes:
    return uow.vault.encrypt(json.dumps(state, ensure_ascii=False, sort_keys=True).encode(),
                             context=f"conversation:{conversation_id}")


def _unseal(uow: UnitOfWork, row: Conversation) -> dict[str, Any]:
    return json.loads(uow.vault.decrypt(row.state, context=f"conversation:{row.id}"))


def _stored(row: Conversation, state: dict[str, Any]) -> StoredConversation:
    return StoredConversation(id=row.id, user_id=row.user_id, application_id=row.application_id, channel=row.channel,
                              state=state, version=row.version, created_at=row.created_at,
                              updated_at=row.updated_at, finished_at=row.finished_at)
