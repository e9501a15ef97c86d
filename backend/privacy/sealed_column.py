"""A text column sealed at rest with the data key (AES-256-GCM, backend/privacy/vault.py), for personal
data that is read back whole and never searched: the name of a person an assistant registered without a
phone, an assistant's statement of in-person consent, the remembered answer of a submit or an upload.

Sealing happens as a value is written and opening as it is read, so every reader and writer through the
ORM (and `update().values(...)` on the mapped column) sees plain text and nothing else needs to change.
The associated data names the column, so a sealed value copied into another column does not open there.
Values written before a column was sealed are plain text without the marker and are read as they are; the
next write seals them. An empty string stays empty: it says nothing about anyone.

Not for values that are searched or compared in SQL: a sealed value differs on every write."""

from __future__ import annotations

import base64

from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

MARKER = "sealed1:"


class SealedText(TypeDecorator[str]):
    impl = Text
    cache_ok = True

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        if value is None or value == "":
            return value
        return seal(value, context=self.context)

    def process_result_value(self, value: str | None, dialect) -> str | None:
        if value is None:
            return None
        return unseal(value, context=self.context)


def _vault():
    from backend.runtime import runtime
    return runtime().vault


def seal(value: str, *, context: str) -> str:
    blob = _vault().encrypt(value.encode(), context=f"column:{context}")
    return MARKER + base64.b64encode(blob).decode("ascii")


def unseal(value: str, *, context: str) -> str:
    if not value.startswith(MARKER):
        return value  # written before the column was sealed
    blob = base64.b64decode(value[len(MARKER):])
    return _vault().decrypt(blob, context=f"column:{context}").decode()


def is_sealed(value: str | None) -> bool:
    return value is not None and value.startswith(MARKER)
