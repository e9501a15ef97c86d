"""What the representation use cases share: the rules of an assistance grant, the proof photos, how a
representation is shown."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.applications.access import Grant
from backend.errors import FieldError, NotFound, NotPermitted
from backend.identity.regions import is_within
from backend.materials.images import normalise_image
from backend.materials.models import StorageIntent
from backend.materials.refusals import RefusedFile
from backend.representation.models import Representation
from backend.runtime import CHINA, runtime
from backend.unit_of_work import UnitOfWork

ASSISTANCE_DAYS = 180       # an assistance grant lasts half a year unless the person ends it sooner


def require_active_assistance(uow: UnitOfWork, actor: Actor, person_user_id: str) -> Representation:
    require_role(actor, Role.ASSISTANT)
    grant = uow.session.scalars(select(Representation).where(
        Representation.representative_user_id == actor.user_id, Representation.applicant_user_id == person_user_id,
        Representation.kind == "assistant", Representation.status == "active")).first()
    if grant is None or (grant.expires_at is not None and grant.expires_at <= uow.now) \
            or not (grant.region_code and actor.region_code and is_within(actor.region_code, grant.region_code)):
        raise NotFound("person_not_found")
    # What an assistant does for the person (a hand-over code, a confirmed link, a recorded decline) reaches all
    # of the person's applications: only while the one access rule lets the assistant act on every one of them
    # (an assistant of another county may not hand over or open a file it may not see itself).
    from backend.applications.access import live_grant
    from backend.applications.models import Application

    facts = grant_facts(grant)
    for application in uow.session.scalars(select(Application).where(Application.owner_user_id == person_user_id)):
        if not live_grant(actor, application, facts, uow.now):
            raise NotFound("person_not_found")
    return grant


def grant_assistance(uow: UnitOfWork, assistant: User, person_user_id: str, *, consent_method: str,
                      statement: str | None = None, proof: tuple[str, str] | None = None,
                      flagged: bool = False) -> Representation:
    # A new consent replaces an earlier grant to the same assistant rather than piling up.
    for earlier in uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == person_user_id, Representation.representative_user_id == assistant.id,
            Representation.kind == "assistant", Representation.status == "active")):
        earlier.status, earlier.revoked_at, earlier.revoked_by_user_id = "revoked", uow.now, person_user_id
    grant = Representation(
        applicant_user_id=person_user_id, representative_user_id=assistant.id, kind="assistant",
        relation="village_committee", status="active", consent_method=consent_method, statement=statement,
        proof_key=proof[0] if proof else None, proof_thumbnail_key=proof[1] if proof else None,
        flagged_for_review=flagged, region_code=assistant.region_code, created_at=uow.now,
        confirmed_at=uow.now, expires_at=uow.now + timedelta(days=ASSISTANCE_DAYS))
    uow.session.add(grant)
    if proof:
        release_intents(uow, proof)
    uow.session.flush()
    return grant


def grant_facts(grant: Representation) -> Grant:
    return Grant(grant.kind, grant.status, tuple(grant.scope or ()), grant.expires_at, grant.region_code,
                 grant.application_id)


def store_photo(photo: bytes) -> tuple[str, str]:
    from backend.materials.service import FileRefused, _write_files

    try:
        image = normalise_image(photo, max_bytes=runtime().settings.max_upload_bytes)
    except RefusedFile as refused:
        params = {key: value for key, value in refused.params.items() if value is not None}
        raise FileRefused(f"file_{refused.code}", params=params,
                          errors=[FieldError("file", f"file_{refused.code}", params)]) from None
    return _write_files(image)


def release_intents(uow: UnitOfWork, keys: tuple[str, str]) -> None:
    uow.session.execute(delete(StorageIntent).where(StorageIntent.key.in_(list(keys))))


def require_role(actor: Actor, role: Role) -> None:
    if actor.role is not role:
        raise NotPermitted("wrong_role")


def representative_name(link: Representation, representative: User | None) -> str | None:
    """Who acts or asks, by name: the name they gave when asking for the link, else their account's name; None
    when neither was ever given (links asked for before names were asked, by an account without a name)."""
    return link.requester_name or (representative.display_name if representative else None) or None


def is_live(link: Representation, now: datetime) -> bool:
    """Active and not run out: the link lets its holder act or follow now."""
    return link.status == "active" and (link.expires_at is None or link.expires_at > now)


def representation_document(uow: UnitOfWork, link: Representation, viewer: Actor,
                            locale: str | None = None) -> dict[str, Any]:
    applicant = uow.session.get(User, link.applicant_user_id)
    representative = uow.session.get(User, link.representative_user_id)
    name = representative_name(link, representative)
    live = is_live(link, uow.now)
    # The one who asked for a link learns the applicant's name only once someone who knows the applicant
    # confirmed it: a pending link must not tell a guesser whose reference and ID number they hit.
    named = link.confirmed_at is not None or viewer.user_id != link.representative_user_id
    return {
        "id": link.id, "kind": link.kind, "relation": link.relation, "scope": link.scope,
        "status": "expired" if link.status == "active" and not live else link.status,
        "applicant": {"id": applicant.id, "name": (applicant.display_name or None) if named else None},
        # Which application, by its number (a guardian holding several wards' applications knows which one).
        "application_reference": _reference(uow, link.application_id),
        "representative": {"id": representative.id, "name": name, "role": representative.role},
        "consent_method": link.consent_method, "flagged_for_review": link.flagged_for_review,
        "has_proof": link.proof_key is not None,
        # The one who asked sees their proof while the link is asked for or lasts (representation/proofs.py).
        "proof_url": proof_url(link) if link.status == "pending" or live
        or viewer.user_id != link.representative_user_id else None,
        "created_at": link.created_at, "expires_at": link.expires_at,
        "confirmed_at": link.confirmed_at, "revoked_at": link.revoked_at,
        "confirm_prompt": confirm_prompt(link, name, viewer, locale, made_for=_made_for(uow, link, viewer)),
    }


def confirm_prompt(link: Representation, name: str | None, viewer: Actor,
                   locale: str | None, made_for: str | None = None) -> dict[str, str] | None:
    """What the applicant is asked about a pending link: who asks, as what, and what to do (confirm or refuse).
    Only the applicant is asked; the others who may confirm (an assistant, a reviewer) see the fields. The one asked
    holds the application; when they made it for someone else (a guardian for her son), the link is to that person's
    application, and the prompt names him (`made_for`): "张小明说是您的其他亲戚，想看您的申请进度" was said to the
    mother about her son's application."""
    from backend.messages.catalog import day_words, say
    from backend.messages.locales import DEFAULT_LOCALE

    if link.status != "pending" or link.kind not in ("guardian", "family", "entrusted") \
            or viewer.user_id != link.applicant_user_id:
        return None
    locale = locale or DEFAULT_LOCALE
    who = name if name else say("link.unnamed", locale)
    relation = say(f"link.relation.{link.relation}", locale) if link.relation else say("link.unnamed_relation", locale)
    until = day_words(link.expires_at.astimezone(CHINA).date(), locale) if link.expires_at else ""
    key = f"link.confirm_prompt.{link.kind}" + (".made_for" if made_for else "")
    return say(key, locale, name=who, relation=relation, until=until, applicant=made_for or "").as_dict()


# The name other packages use (applications.service checks an assistant's grant before creating for someone).
active_assistance_for = require_active_assistance


def proof_url(link: Representation) -> str | None:
    return f"/api/v1/representations/{link.id}/proof" if link.proof_key else None


def _made_for(uow: UnitOfWork, link: Representation, viewer: Actor) -> str | None:
    """Whom the application was made for, when the one asked about the link made it for someone else (a guardian
    for her son): his name, or the application's number while the draft has none. Only for the one asked (nobody
    else is shown the prompt, so nobody else's view opens the application's content). A village committee's
    application is its person's own once taken over (backend/representation/assistance.py): no one else's."""
    from backend.applications.models import Application

    if link.status != "pending" or viewer.user_id != link.applicant_user_id or not link.application_id:
        return None
    application = uow.session.get(Application, link.application_id)
    if application is None or application.applying_as in ("self", "village_committee"):
        return None
    name = (uow.applications.content(application).get("applicant") or {}).get("name")
    return name or application.reference


def _reference(uow: UnitOfWork, application_id: str | None) -> str | None:
    from backend.applications.models import Application

    application = uow.session.get(Application, application_id) if application_id else None
    return application.reference if application else None
