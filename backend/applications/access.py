"""The one access rule: may this person do this to this application?

Every load of an application goes through `may` (via the repository's `get_for`/`list_for`), so a new
endpoint cannot forget access control. Whoever may not see an application is told it does not exist
(404, never 403), so its existence does not leak.

Who may act (seed 004, 政策告知书 三: 本人或其法定监护人; 委托他人; 村（居）民委员会代为申请):
- the applicant (the account that owns the application);
- a guardian or institution with an active link: everything the applicant may do;
- a family member with an active link: follow the application (read it masked, see its status);
- an entrusted person: what the signed authorisation's scope says, until it expires;
- a village assistant with an active, unexpired assistance grant from the applicant, in their own region;
- a reviewer of the application's county, once it is submitted.
Administrators see statistics, not applications."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.applications.stages import EDITABLE, WITHDRAWABLE, Stage
from backend.identity.regions import is_within


class Purpose(str, enum.Enum):
    VIEW = "view"                # read the application (numbers masked)
    REVEAL = "reveal"            # read identifying numbers whole
    VIEW_FILES = "view_files"    # the photos themselves: they show the whole numbers, so exactly who may REVEAL
    EDIT = "edit"                # save draft fields, consents, materials
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    VIEW_STATUS = "view_status"
    VIEW_ACCESS_LOG = "view_access_log"
    REVIEW = "review"            # the review desk: decisions


class Relation(str, enum.Enum):
    APPLICANT = "applicant"
    GUARDIAN = "guardian"
    FAMILY = "family"
    ENTRUSTED = "entrusted"
    ASSISTANT = "assistant"
    REVIEWER = "reviewer"


@dataclass(frozen=True)
class Grant:
    """What the rule needs to know of a representation held by the actor for the application's owner."""
    kind: str
    status: str
    scope: tuple[str, ...] = ()
    expires_at: datetime | None = None
    region_code: str | None = None
    application_id: str | None = None   # the one application it is for; None: all of the owner's


class ApplicationFacts(Protocol):
    id: str
    owner_user_id: str
    stage: str
    office_region: str | None
    submission_count: int


_ALL_ACTING = {Purpose.VIEW, Purpose.REVEAL, Purpose.EDIT, Purpose.SUBMIT, Purpose.WITHDRAW, Purpose.VIEW_STATUS,
               Purpose.VIEW_ACCESS_LOG}
PURPOSES = {
    Relation.APPLICANT: _ALL_ACTING,
    Relation.GUARDIAN: _ALL_ACTING,
    Relation.FAMILY: {Purpose.VIEW, Purpose.VIEW_STATUS},
    Relation.ASSISTANT: {Purpose.VIEW, Purpose.REVEAL, Purpose.EDIT, Purpose.SUBMIT, Purpose.WITHDRAW,
                         Purpose.VIEW_STATUS},
    Relation.REVIEWER: {Purpose.VIEW, Purpose.REVEAL, Purpose.VIEW_STATUS, Purpose.REVIEW},
}
# An authorisation letter says what the entrusted person may do (seed 004: 委托他人代为申请).
# Editing or submitting what one cannot read is impossible (no version for If-Match, no idea what is there), so
# each includes reading it.
ENTRUSTED_SCOPES = {
    "view": {Purpose.VIEW, Purpose.VIEW_STATUS},
    "edit": {Purpose.VIEW, Purpose.VIEW_STATUS, Purpose.EDIT},
    "submit": {Purpose.VIEW, Purpose.VIEW_STATUS, Purpose.SUBMIT, Purpose.WITHDRAW},
}
_KIND_RELATION = {"guardian": Relation.GUARDIAN, "institution": Relation.GUARDIAN, "family": Relation.FAMILY,
                  "entrusted": Relation.ENTRUSTED, "assistant": Relation.ASSISTANT}


def live_grant(actor: Actor, application: ApplicationFacts, grant: Grant, now: datetime) -> bool:
    if grant.status != "active" or (grant.expires_at is not None and grant.expires_at <= now):
        return False
    if grant.application_id is not None and grant.application_id != application.id:
        return False   # a link to one application: not to the other applications its owner holds
    if grant.kind == "assistant":
        if actor.role is not Role.ASSISTANT or not actor.region_code:
            return False
        area = application.office_region or grant.region_code
        return bool(area) and is_within(actor.region_code, area)
    return actor.role is Role.PUBLIC


def relation(actor: Actor | None, application: ApplicationFacts, grants: Iterable[Grant] = (),
             now: datetime | None = None) -> Relation | None:
    if actor is None:
        return None
    if actor.role is Role.PUBLIC and application.owner_user_id == actor.user_id:
        return Relation.APPLICANT
    if (actor.role is Role.REVIEWER and was_submitted(application) and actor.region_code
            and application.office_region and is_within(actor.region_code, application.office_region)):
        return Relation.REVIEWER
    if now is not None:
        for grant in grants:
            if live_grant(actor, application, grant, now):
                return _KIND_RELATION.get(grant.kind)
    return None


def was_submitted(application: ApplicationFacts) -> bool:
    """Whether the application ever reached the office: a reviewer sees only those. A draft withdrawn before it
    was submitted is no longer a draft (stage `withdrawn`) and was never the office's: the county's reviewer read it
    whole, numbers and photos included, and the desk listed it under `withdrawn`."""
    return application.stage != Stage.DRAFT.value and application.submission_count > 0


def allowed_purposes(actor: Actor | None, application: ApplicationFacts, grants: Iterable[Grant] = (),
                     now: datetime | None = None) -> set[Purpose]:
    allowed = _held_purposes(actor, application, list(grants), now)
    # A photo of the ID card or the certificate shows the whole ID number: whoever may not read the number
    # whole may not see the photos either (a family member follows the status, masked).
    if Purpose.REVEAL in allowed:
        allowed.add(Purpose.VIEW_FILES)
    return allowed


def _held_purposes(actor: Actor | None, application: ApplicationFacts, grants: list[Grant],
                   now: datetime | None) -> set[Purpose]:
    held = relation(actor, application, grants, now)
    if held is None:
        return set()
    if held is Relation.ENTRUSTED:
        allowed: set[Purpose] = set()
        for grant in grants:
            if grant.kind == "entrusted" and now is not None and live_grant(actor, application, grant, now):
                for scope in grant.scope:
                    allowed |= ENTRUSTED_SCOPES.get(scope, set())
        return allowed
    return set(PURPOSES[held])


def may(actor: Actor | None, purpose: Purpose, application: ApplicationFacts, grants: Iterable[Grant] = (),
        now: datetime | None = None) -> bool:
    """The single answer to "may this person do this to this application". Stage rules that only refine
    *when* an allowed person may act (editing a submitted application) are answered by the domain with a
    clear conflict, not here: they are not secrets."""
    return purpose in allowed_purposes(actor, application, grants, now)


def stage_allows(purpose: Purpose, stage: Stage) -> bool:
    if purpose in (Purpose.EDIT, Purpose.SUBMIT):
        return stage in EDITABLE
    if purpose is Purpose.WITHDRAW:
        return stage in WITHDRAWABLE
    return True
