"""The conversation over chat channels: the WeChat official account."""
from accessibility.chat.official_account import Incoming, reply_to, reply_within

__all__ = ["Incoming", "reply_to", "reply_within"]
