"""Deciding not to apply: a recorded, revocable "no" (seed 004, 附件1 一)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.unit_of_work import UnitOfWork, unit_of_work
from backend.applications.vocabulary import SUBSIDIES
from backend.errors import FieldError, InvalidInput
from backend.representation.common import require_active_assistance, require_role
from backend.representation.models import Decline


def record_decline(actor: Actor, *, subsidies: list[str], reason: str | None = None,
                   person_user_id: str | None = None) -> dict[str, Any]:
    """A recorded "no" (seed 004 附件1 一), by the person or by the assistant who told them of the subsidies."""
    if not subsidies or any(item not in SUBSIDIES for item in subsidies):
        raise InvalidInput(errors=[FieldError("subsidies", "choose_at_least_one")])
    with unit_of_work() as uow:
        if person_user_id is None:
            require_role(actor, Role.PUBLIC)
            person_user_id = actor.user_id
        else:
            require_active_assistance(uow, actor, person_user_id)
        decline = Decline(person_user_id=person_user_id, recorded_by_user_id=actor.user_id,
                          subsidies=sorted(set(subsidies), key=SUBSIDIES.index),
                          reason=(reason or "").strip()[:500] or None, declared_at=uow.now)
        uow.session.add(decline)
        uow.audit.record(actor, "decline.recorded")
        uow.commit()
        return decline_document(decline)


def declines_of(actor: Actor) -> list[dict[str, Any]]:
    with unit_of_work() as uow:
        return [decline_document(decline) for decline in uow.session.scalars(
            select(Decline).where(Decline.person_user_id == actor.user_id).order_by(Decline.declared_at))]


def withdraw_declines(uow: UnitOfWork, person_user_id: str) -> None:
    """Applying takes back any recorded "no" (seed 004: 再次提出申请的，乡镇（街道）应当及时受理)."""
    for decline in uow.session.scalars(select(Decline).where(Decline.person_user_id == person_user_id,
                                                             Decline.withdrawn_at.is_(None))):
        decline.withdrawn_at = uow.now


def decline_document(decline: Decline) -> dict[str, Any]:
    return {"id": decline.id, "subsidies": decline.subsidies, "reason": decline.reason,
            "declared_at": decline.declared_at, "withdrawn_at": decline.withdrawn_at,
            "in_force": decline.withdrawn_at is None}
