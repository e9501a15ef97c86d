"""Stored conversations (issue 6): which question a person is at, kept so that leaving and coming back
on any device resumes at the same question. The conversation itself is `accessibility.conversation`."""
from backend.conversations.store import (
    StoredConversation,
    create_conversation,
    find_open_conversation,
    find_unfinished_conversation,
    load_conversation,
    save_conversation,
)

__all__ = [
    "StoredConversation", "create_conversation", "find_open_conversation", "find_unfinished_conversation",
    "load_conversation",
    "save_conversation",
]
