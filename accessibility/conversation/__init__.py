"""Applying by conversation (issue 6): one question at a time, derived from what the application still
lacks; answers understood, saved at once, confirmed when already known; progress always told; a
summary to check before submitting. Every channel (the mini program's JSON, the official account's
chat) runs the same conversation."""
from accessibility.conversation.service import (
    answer_conversation,
    get_conversation,
    send_photo,
    start_conversation,
)

__all__ = ["answer_conversation", "get_conversation", "send_photo", "start_conversation"]
