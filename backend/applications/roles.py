"""How the timeline and the audit log name whoever acted on an application: by role, never by name."""

from __future__ import annotations

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.access import Relation
from backend.applications.models import Application
from backend.unit_of_work import UnitOfWork

# Owners who act for someone else in the role they applied as (a guardian's account holds the child's
# application). A village committee never holds an account: an application it made on someone's behalf is held
# by that person's account, so its owner acting is the applicant (after taking the account over, seed 004 政策告知书 三).
_OWNERS_ACTING_AS_THEMSELVES = ("self", "village_committee")


def role_word(uow: UnitOfWork, actor: Actor, application: Application) -> str:
    held = uow.applications.relation_of(actor, application)
    if held is Relation.APPLICANT or held is None:
        if application.applying_as in _OWNERS_ACTING_AS_THEMSELVES or actor.role is not Role.PUBLIC:
            return "applicant"
        return application.applying_as
    return held.value
