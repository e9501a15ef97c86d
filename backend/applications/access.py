"""The one access rule: may this person do this to this application?

Every load of an application goes through `may` (via the repository's `get_for`/`list_for`), so a
new endpoint cannot forget access control. Whoever may not see an application is told it does not
exist (404, never 403), so its existence does not leak."""

from __future__ import annotations

import enum
from typing import Protocol

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.stages import EDITABLE, WITHDRAWABLE, Stage
from backend.identity.regions import is_within


class Purpose(str, enum.Enum):
    VIEW = "view"                # read the application (numbers masked)
    REVEAL = "reveal"            # read identifying numbers whole
    EDIT = "edit"                # save draft fields, consents, materials
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    VIEW_STATUS = "view_status"
    VIEW_ACCESS_LOG = "view_access_log"
    REVIEW = "review"            # the review desk: decisions


class Relation(str, enum.Enum):
    APPLICANT = "applicant"      # the account that owns the application
    REVIEWER = "reviewer"        # reviewer of the application's office region


class ApplicationFacts(Protocol):
    owner_user_id: str
    stage: str
    office_region: str | None


_APPLICANT_PURPOSES = {
    Purpose.VIEW, Purpose.REVEAL, Purpose.EDIT, Purpose.SUBMIT, Purpose.WITHDRAW, Purpose.VIEW_STATUS,
    Purpose.VIEW_ACCESS_LOG,
}
_REVIEWER_PURPOSES = {Purpose.VIEW, Purpose.REVEAL, Purpose.VIEW_STATUS, Purpose.REVIEW}


def relation(actor: Actor | None, application: ApplicationFacts) -> Relation | None:
    if actor is None:
        return None
    if actor.role is Role.PUBLIC and application.owner_user_id == actor.user_id:
        return Relation.APPLICANT
    if (
        actor.role is Role.REVIEWER
        and application.stage != Stage.DRAFT.value
        and actor.region_code
        and application.office_region
        and is_within(actor.region_code, application.office_region)
    ):
        return Relation.REVIEWER
    return None


def may(actor: Actor | None, purpose: Purpose, application: ApplicationFacts) -> bool:
    """The single answer to "may this person do this to this application". Stage rules that only
    refine *when* an allowed person may act (editing a submitted application) are answered by the
    domain with a clear conflict, not here: they are not secrets."""
    held = relation(actor, application)
    if held is Relation.APPLICANT:
        return purpose in _APPLICANT_PURPOSES
    if held is Relation.REVIEWER:
        return purpose in _REVIEWER_PURPOSES
    return False


def stage_allows(purpose: Purpose, stage: Stage) -> bool:
    if purpose is Purpose.EDIT:
        return stage in EDITABLE
    if purpose is Purpose.SUBMIT:
        return stage in EDITABLE
    if purpose is Purpose.WITHDRAW:
        return stage in WITHDRAWABLE
    return True
