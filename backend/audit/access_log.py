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
# Strongest first: a request that changed something shows as a change, not as a read.
VERBS = [("submit", ("access.submit", "application.submitted")), ("withdraw", ("access.withdraw",)),
         ("review", ("access.review", "review.")), ("change", ("access.edit", "draft.saved", "material.", "prefill.")),
         ("reveal", ("access.reveal", "numbers.revealed")), ("view", ("access.view", "materials.", "status.")),
         ("link", ("link.requested.",))]


def access_log(actor: Actor, application_id: str, *, locale: str) -> list[dict[str, Any]]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW_ACCESS_LOG)
        groups: dict[tuple, dict[str, Any]] = {}
        for entry in uow.audit.entries_for(application.id):
            if entry.actor_user_id in (None, application.owner_user_id):
                continue
            verb = _verb(entry.action)
            if verb is None:
                continue
            key = (entry.actor_user_id, entry.at)
            group = groups.setdefault(key, {"at": entry.at, "role": entry.actor_role, "user": entry.actor_user_id,
                                            "verbs": set(), "fields": set(), "source": entry.source})
            group["verbs"].add(verb)
            group["fields"].update(entry.fields or [])
        lines = []
        for group in sorted(groups.values(), key=lambda item: item["at"]):
            role = group["role"]
            named = role in NAMED_ROLES
            user = uow.session.get(User, group["user"]) if named else None
            verb = next(name for name, _ in VERBS if name in group["verbs"])
            lines.append({
                "at": group["at"], "date": china_date(group["at"]).isoformat(),
                "who": {"name": (user.display_name or None) if user else None, "role": role,
                        "role_label": say(f"role.{role}", locale).as_dict()},
                "did": verb, **say(f"access_log.{verb}", locale).as_dict(),
                "fields": [{"field": field, "label": field_label(field, locale).as_dict()}
                           for field in sorted(group["fields"])],
            })
        return lines


def _verb(action: str) -> str | None:
    for verb, prefixes in VERBS:
        if any(action == prefix or (prefix.endswith(".") and action.startswith(prefix)) for prefix in prefixes):
            return verb
    return None
