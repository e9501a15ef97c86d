"""Another application with the same ID or certificate number: a flag for the reviewer.

Anyone may start an application "for self" and type any ID number, under any name; the masked number on the desk
(5002**********3319) looks the same on both, so without a flag the reviewer would not know that two accounts claim
one person, or that the person applies twice. Seed 004 (政策告知书 一) grants the subsidies to the holder of the
disability certificate, once: the reviewer checks which claim is the holder's.

Found by the keyed hashes kept for this (`id_number_index`, `certificate_number_index`), never by the numbers.
Only applications the review office holds count: submitted and not withdrawn or rejected. A draft is nobody's
claim yet (and the person's own until they submit it); a withdrawn or rejected one no longer claims anything.
Shown to reviewers only (the desk), never to the applicant or anyone acting for them: telling the submitter would
tell them whether a number is in use."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from backend.applications.models import Application
from backend.applications.stages import TERMINAL, Stage
from backend.identity.place_names import place_name
from backend.messages.catalog import join, say
from backend.messages.describe import field_label

CODE = "same_person_elsewhere"
_NOT_CLAIMING = [Stage.DRAFT.value, *(stage.value for stage in TERMINAL)]
_FIELDS = {"id_number": "applicant.id_number", "certificate_number": "certificate.number"}


def same_person_flags(session: Any, application: Application, locale: str) -> list[dict[str, Any]]:
    """One flag for each other live application sharing this one's ID or certificate number."""
    indexes = {"id_number": application.id_number_index, "certificate_number": application.certificate_number_index}
    conditions = [getattr(Application, f"{name}_index") == value for name, value in indexes.items() if value]
    if not conditions:
        return []
    others = session.scalars(select(Application).where(
        or_(*conditions), Application.id != application.id, Application.stage.not_in(_NOT_CLAIMING))
        .order_by(Application.first_submitted_at, Application.reference))
    flags = []
    for other in others:
        matched = [name for name, value in indexes.items()
                   if value and getattr(other, f"{name}_index") == value]
        words = say(f"review_flag.{CODE}", locale, reference=other.reference, stage=say(f"stage.{other.stage}", locale),
                    office=place_name(other.office_region, locale) or other.office_region or "",
                    numbers=join([field_label(_FIELDS[name], locale) for name in matched], locale))
        flags.append({"code": CODE, "reference": other.reference, "stage": other.stage,
                      "office_region": other.office_region, "matched": matched,
                      "same_account": other.owner_user_id == application.owner_user_id, **words.as_dict()})
    return flags
