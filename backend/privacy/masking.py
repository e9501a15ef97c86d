"""Masked forms of identifying numbers for every response and log line that does not need them whole
(DESIGN.md, API conventions). The masks keep enough for a person to recognise their own number."""

from __future__ import annotations


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[len(value) - keep_end:]


def mask_id_number(value: str | None) -> str | None:
    """1101**********1234 for an 18-character number."""
    return None if value is None else _mask(value, 4, 4)


def mask_certificate_number(value: str | None) -> str | None:
    """The first 4 and last 4 of the 20 characters, like the ID number it starts with."""
    return None if value is None else _mask(value, 4, 4)


def mask_phone(value: str | None) -> str | None:
    """138****5678."""
    return None if value is None else _mask(value, 3, 4)


def mask_account(value: str | None) -> str | None:
    """Only the last 4 digits of a bank account, as banks print them."""
    return None if value is None else _mask(value, 0, 4)
