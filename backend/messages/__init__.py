"""Every sentence the product says to people, in its standard and easy-read forms, in every locale.

Sentences are defined once (`define`), in plain Chinese (zh_Hans_CN, the source language), and
translated through Babel catalogs (`locale/<locale>/LC_MESSAGES/messages.po`). `say` renders one."""

from backend.messages import field_texts, ocr_texts, policy_texts, problem_texts, status_texts  # noqa: F401
from backend.messages.catalog import Message, Words, define, say
from backend.messages.locales import DEFAULT_LOCALE, SUPPORTED_LOCALES, negotiate_locale, normalise_locale

__all__ = [
    "DEFAULT_LOCALE", "SUPPORTED_LOCALES", "Message", "Words", "define", "negotiate_locale",
    "normalise_locale", "say",
]
