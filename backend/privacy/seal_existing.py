"""Seals what an instance stored before it was sealed: `python -m backend.cli seal-existing`.

Columns sealed by their type (backend/privacy/sealed_column.py) and stored files (backend/storage/sealing.py)
are read whether sealed or not, so an older instance keeps working without this; running it once after the
upgrade leaves nothing in clear. It may be run again at any time: what is sealed already is left alone."""

from __future__ import annotations

from sqlalchemy import Text, literal, select, update

from backend.accounts.models import User
from backend.applications.models import IdempotencyRecord
from backend.privacy.sealed_column import MARKER
from backend.representation.models import Decline, Representation
from backend.runtime import runtime
from backend.storage.boundary import StoredFileMissing
from backend.storage.sealing import is_sealed
from backend.unit_of_work import unit_of_work

SEALED_COLUMNS = (User.display_name, Representation.statement, Decline.reason, IdempotencyRecord.response_body)


def seal_existing() -> dict[str, int]:
    """Seals plain values and files; returns how many of each were sealed, by column and "files"."""
    sealed: dict[str, int] = {}
    for column in SEALED_COLUMNS:
        model = column.class_
        with unit_of_work() as uow:
            plain = uow.session.execute(select(model.id, column).where(
                # Plain text on the right: compared to the column, a value would be sealed first.
                column.is_not(None), column != literal("", Text()),
                column.not_like(literal(MARKER + "%", Text())))).all()
            for row_id, value in plain:  # read through the type: a plain value comes back as it is
                uow.session.execute(update(model).where(model.id == row_id).values({column.key: value}))
            uow.commit()
        sealed[f"{model.__tablename__}.{column.key}"] = len(plain)
    sealed["files"] = _seal_files()
    return sealed


def _seal_files() -> int:
    storage = runtime().storage
    count = 0
    for key in storage.keys():
        try:
            stored = storage.read_stored(key)
        except StoredFileMissing:
            continue  # deleted meanwhile
        if not is_sealed(stored):
            storage.put(key, stored, "application/octet-stream")  # the media type is the material row's
            count += 1
    return count
