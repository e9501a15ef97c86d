"""What the applicant sees of who touched their file (issue 8): each person who read or changed it, by
name for assistants, guardians, family and entrusted persons, by role alone for reviewers and staff."""

from __future__ import annotations

from typing import Any

from backend.accounts.actor import Actor
from backend.accounts.models import User
from backend.applications.access import Purpose
from backend.messages.catalog import say
from backend.messages.describe import field_label
from backend.runtime import china_date
from backend.unit_of_work import unit_of_work

NAMED_ROLES = {"guardian", "family", "entrusted", "assistant", "applicant", "village_committee", "institution"}
# How the applicant reads each audited action about their application. Exact names, never prefixes that
# could catch a look as a change ("material.viewed" is a look, "material.added" a change); a name not here
# is not shown. tests/backend/audit/test_access_log_verbs.py finds every action name the code records and
# fails when one is missing here, so each new action is a decision.
ACTION_VERBS: dict[str, str | None] = {
    # The access rule's own record of each load (ApplicationRepository.get_for: "access." + Purpose).
    "access.view": "view", "access.view_status": "view", "access.view_access_log": "view",
    "access.view_files": "view", "access.reveal": "reveal", "access.edit": "change", "access.submit": "submit",
    "access.withdraw": "withdraw", "access.review": "review",
    # What the use cases record.
    "application.created": "change", "draft.saved": "change", "prefill.accepted": "change",
    "prefill.kept_current": "change",  # the applicant chose what they typed over a photo's reading
    "application.taken_over_as_own": "change",
    "material.added": "change", "material.replaced": "change", "material.deleted": "change",
    "material.withdrawn": "change", "material.viewed": "view", "proof.viewed": "view",
    "numbers.revealed": "reveal", "application.submitted": "submit", "application.withdrawn": "withdraw",
    "application.listed_for_review": "view", "conversation.started": "view",
    # Recorded without an application (about accounts, codes and links): never in an application's log.
    "assistance.consented": None, "assistance.in_person_consent_recorded": None, "account.claimed": None, "account.joined_by_unionid": None, "account.twin_not_joined": None,
    "staff.assistant_created": None, "staff.activated": None, "staff.assistant_disabled": None, "link.proof_attached": None,
    "decline.recorded": None, "code.failed": None, "code.peek_failed": None, "official_account.link_code_made": None,
    "preferences.saved": None,
}
# Families of names made with a decision or a kind in them (review.approved, link.requested.family).
ACTION_FAMILIES: dict[str, str | None] = {
    "review.": "review", "review_event.": "review", "link.requested.": "link",
    "link.confirmed.": None, "link.failed.": None, "representation.revoked.": None, "official_account.linked_by_": None,
}
# Strongest first: a request that changed something shows as a change, not as a read.
VERBS = ["submit", "withdraw", "review", "change", "reveal", "view", "link"]
# The access rule records each load of an application for a doing ("access.edit" ...), before the use case does
# anything: the first step of a photo's upload, a save refused as invalid, the pre-fill list read with the right to
# edit. Alone it changed nothing, so it is no line of its own ("修改了申请" with no field, fifteen times over for one
# visit); with what the use case recorded it adds nothing either. A look ("access.view", "access.reveal") is a look.
OPENED_FOR_A_DOING = {"access.edit", "access.submit", "access.withdraw", "access.review"}


def access_log(actor: Actor, application_id: str, *, locale: str) -> list[dict[str, Any]]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW_ACCESS_LOG)
        groups: dict[tuple, dict[str, Any]] = {}
        for entry in uow.audit.entries_for(application.id):
            if entry.actor_user_id in (None, application.owner_user_id):
                continue
            verb = verb_of(entry.action)
            if verb is None:
                continue
            key = (entry.actor_user_id, entry.at)
            group = groups.setdefault(key, {"at": entry.at, "role": entry.actor_role, "user": entry.actor_user_id,
                                            "verbs": set(), "fields": set(), "source": entry.source})
            if entry.action.startswith("access."):
                # The access rule's record names the role held for this application (guardian, family ...); a
                # use case's own record in the same request may carry the account's role ("public"). Entries
                # of one request share their time, so which comes first is the database's choice.
                group["role"] = entry.actor_role
            if entry.action not in OPENED_FOR_A_DOING:
                group["verbs"].add(verb)
            group["fields"].update(entry.fields or [])
        given = _names_given(uow, application.owner_user_id)
        lines = []
        for group in sorted(groups.values(), key=lambda item: item["at"]):
            if not group["verbs"]:
                continue  # opened to change it, nothing changed
            role = group["role"]
            named = role in NAMED_ROLES
            user = uow.session.get(User, group["user"]) if named else None
            name = (given.get((group["user"], role)) or user.display_name or None) if user else None
            verb = next(name for name in VERBS if name in group["verbs"])
            lines.append({
                "at": group["at"], "date": china_date(group["at"]).isoformat(),
                "who": {"name": name, "role": role,
                        "role_label": say(f"role.{role}", locale).as_dict()},
                "did": verb, **say(f"access_log.{verb}", locale).as_dict(),
                "fields": [{"field": field, "label": field_label(field, locale).as_dict()}
                           for field in sorted(group["fields"])],
            })
        return lines


def _names_given(uow, applicant_user_id: str) -> dict[tuple[str, str], str]:
    """The names guardians, family and entrusted persons gave as their own when asking to link to this applicant
    (POST /links), by (person, kind): the name the applicant confirmed is the name they see here. The latest link
    of a kind wins; links asked for before names were asked have none, and the account's name is shown."""
    from sqlalchemy import select

    from backend.representation.models import Representation

    names: dict[tuple[str, str], str] = {}
    for link in uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == applicant_user_id,
            Representation.kind.in_(("guardian", "family", "entrusted"))).order_by(Representation.created_at)):
        if link.requester_name:
            names[(link.representative_user_id, link.kind)] = link.requester_name
    return names


def verb_of(action: str) -> str | None:
    if action in ACTION_VERBS:
        return ACTION_VERBS[action]
    for prefix, verb in ACTION_FAMILIES.items():
        if action.startswith(prefix):
            return verb
    return None
