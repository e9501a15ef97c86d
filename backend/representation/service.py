"""Use cases of acting for someone else: consent to an assistant (on the person's own WeChat by code, or
in person for someone without a phone), links for guardians, family and entrusted persons (pending until
confirmed, with proof), revocation, hand-over of an account made for someone, staff accounts, declines."""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.applications.access import live_grant, Grant
from backend.applications.models import Application
from backend.applications.vocabulary import FAMILY_RELATIONS, SUBSIDIES
from backend.db.base import new_id
from backend.errors import Conflict, FieldError, InvalidInput, NotFound, NotPermitted
from backend.identity.regions import is_within, region
from backend.materials.images import normalise_image
from backend.materials.models import StorageIntent
from backend.materials.refusals import RefusedFile
from backend.representation import codes
from backend.representation.models import Decline, OneTimeCode, Representation
from backend.runtime import CHINA, runtime
from backend.unit_of_work import UnitOfWork, unit_of_work

ASSISTANCE_DAYS = 180       # an assistance grant lasts half a year unless the person ends it sooner
LINK_KINDS = ("guardian", "family", "entrusted")
ENTRUSTED_SCOPES = ("view", "edit", "submit")


# --- assistants -----------------------------------------------------------------------------------------

def assistance_consent_code(actor: Actor) -> dict[str, Any]:
    """The code (and QR link) an assistant shows a person, who enters it on their own WeChat to consent."""
    _require(actor, Role.ASSISTANT)
    with unit_of_work() as uow:
        code, row = codes.issue(uow, actor, "assistance_consent", details={"region_code": actor.region_code})
        uow.commit()
        return {"code": codes.formatted(code), "expires_at": row.expires_at,
                "qr_link": f"{runtime().settings.public_base_url}/consent?code={code}"}


def give_assistance_consent(actor: Actor, code: str) -> dict[str, Any]:
    """The person agrees, on their own phone, that this assistant may help them."""
    _require(actor, Role.PUBLIC)
    with unit_of_work() as uow:
        row = codes.redeem(uow, actor, "assistance_consent", code)
        assistant = uow.session.get(User, row.created_by_user_id)
        grant = _grant_assistance(uow, assistant, actor.user_id, consent_method="wechat_code")
        uow.audit.record(actor, "assistance.consented")
        uow.commit()
        return representation_document(uow, grant, actor)


def register_person_without_phone(actor: Actor, *, name: str, statement: str, consent_photo: bytes,
                                  phone: str | None = None) -> dict[str, Any]:
    """For someone without a smartphone: an account made for them, and their consent recorded in person
    (a photo of the signed consent plus the assistant's statement), flagged for the reviewer."""
    _require(actor, Role.ASSISTANT)
    errors = []
    if not name.strip() or len(name) > 50:
        errors.append(FieldError("name", "required"))
    if len(statement.strip()) < 10:
        errors.append(FieldError("statement", "statement_too_short"))
    if errors:
        raise InvalidInput(errors=errors)
    keys = _store_photo(consent_photo)
    with unit_of_work() as uow:
        person = User(id=new_id(), role=Role.PUBLIC.value, display_name=name.strip(), created_at=uow.now)
        uow.session.add(person)
        uow.session.flush()
        grant = _grant_assistance(uow, uow.session.get(User, actor.user_id), person.id, consent_method="in_person",
                                  statement=statement.strip(), proof=keys, flagged=True)
        uow.audit.record(actor, "assistance.in_person_consent_recorded")
        uow.commit()
        return {"person": {"id": person.id, "name": person.display_name},
                "representation": representation_document(uow, grant, actor)}


def people_helped(actor: Actor, *, locale: str) -> list[dict[str, Any]]:
    """The people an assistant helps, what each application still lacks, and every deadline."""
    from backend.applications.service import _missing
    from backend.applications.status import deadlines_for
    from backend.messages.describe import describe_field_error

    _require(actor, Role.ASSISTANT)
    with unit_of_work() as uow:
        grants = uow.session.scalars(select(Representation).where(
            Representation.representative_user_id == actor.user_id, Representation.kind == "assistant",
            Representation.status == "active").order_by(Representation.created_at))
        people = []
        for grant in grants:
            person = uow.session.get(User, grant.applicant_user_id)
            entries = []
            for application in uow.session.scalars(select(Application).where(
                    Application.owner_user_id == person.id).order_by(Application.created_at)):
                if not live_grant(actor, application, _grant_facts(grant), uow.now):
                    continue
                content = uow.applications.content(application)
                editable = application.stage in ("draft", "correction_requested")
                deadlines = deadlines_for(application)
                entries.append({
                    "id": application.id, "reference": application.reference, "stage": application.stage,
                    "missing": [describe_field_error(error, locale) for error in _missing(uow, application, content)]
                    if editable else [],
                    "deadlines": {"hand_off_by": deadlines["hand_off_by"].day.isoformat(),
                                  "decision_by": deadlines["decision_by"].day.isoformat()} if deadlines else None,
                })
            people.append({"person": {"id": person.id, "name": person.display_name,
                                      "has_own_wechat": person.wechat_openid is not None},
                           "representation": representation_document(uow, grant, actor), "applications": entries})
        return people


def handover_code(actor: Actor, person_user_id: str) -> dict[str, Any]:
    """A code the person enters on their own WeChat later, to take over the account made for them."""
    _require(actor, Role.ASSISTANT)
    with unit_of_work() as uow:
        grant = _active_assistance(uow, actor, person_user_id)
        person = uow.session.get(User, grant.applicant_user_id)
        if person.wechat_openid is not None:
            raise Conflict("already_has_own_account")
        code, row = codes.issue(uow, actor, "handover", subject_user_id=person.id)
        uow.commit()
        return {"code": codes.formatted(code), "expires_at": row.expires_at}


def claim_account(actor: Actor, code: str) -> dict[str, Any]:
    """The person, logged in on their own WeChat, takes over what the assistant did for them."""
    _require(actor, Role.PUBLIC)
    with unit_of_work() as uow:
        row = codes.redeem(uow, actor, "handover", code)
        made_for_them = uow.session.get(User, row.subject_user_id)
        if made_for_them is None or made_for_them.wechat_openid is not None:
            raise NotFound("code_not_valid")
        for application in uow.session.scalars(select(Application).where(
                Application.owner_user_id == made_for_them.id)):
            application.owner_user_id = actor.user_id
        for representation in uow.session.scalars(select(Representation).where(
                Representation.applicant_user_id == made_for_them.id)):
            representation.applicant_user_id = actor.user_id
        for decline in uow.session.scalars(select(Decline).where(Decline.person_user_id == made_for_them.id)):
            decline.person_user_id = actor.user_id
        user = uow.session.get(User, actor.user_id)
        user.display_name = user.display_name or made_for_them.display_name
        made_for_them.disabled_at = uow.now  # kept (the audit log names it), never usable to log in
        uow.audit.record(actor, "account.claimed")
        uow.commit()
        return {"claimed": True, "display_name": user.display_name}


# --- guardians, family, entrusted persons ------------------------------------------------------------

def request_link(actor: Actor, *, reference: str, applicant_id_number: str, kind: str,
                 relation: str | None = None, scope: list[str] | None = None,
                 expires_on: date | None = None) -> dict[str, Any]:
    """Someone asks to act for (or follow) an applicant. Knowing the application's number and the
    applicant's ID number is needed to ask; the link is pending until confirmed, with proof."""
    _require(actor, Role.PUBLIC)
    errors = []
    if kind not in LINK_KINDS:
        errors.append(FieldError("kind", "not_a_choice", {"choices": ", ".join(LINK_KINDS)}))
    if kind in ("guardian", "family") and relation not in (*FAMILY_RELATIONS, "legal_guardian"):
        errors.append(FieldError("relation", "not_a_choice"))
    if kind == "entrusted":
        if not scope or any(item not in ENTRUSTED_SCOPES for item in scope):
            errors.append(FieldError("scope", "not_a_choice", {"choices": ", ".join(ENTRUSTED_SCOPES)}))
        if expires_on is None:
            errors.append(FieldError("expires_on", "required"))
    if errors:
        raise InvalidInput(errors=errors)
    with unit_of_work() as uow:
        if expires_on is not None and expires_on <= uow.now.astimezone(CHINA).date():
            raise InvalidInput(errors=[FieldError("expires_on", "date_in_past")])
        application = uow.applications.find_by_reference(reference.strip())
        id_number = "".join(applicant_id_number.split()).upper()
        if (application is None or application.id_number_index is None
                or application.id_number_index != uow.vault.blind_index("id_number", id_number)):
            raise NotFound("link_target_not_found")
        if application.owner_user_id == actor.user_id:
            raise Conflict("cannot_link_to_yourself")
        existing = uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == application.owner_user_id,
            Representation.representative_user_id == actor.user_id, Representation.kind == kind,
            Representation.status.in_(("pending", "active")))).first()
        if existing is not None:
            return representation_document(uow, existing, actor)
        expires_at = datetime.combine(expires_on, time(23, 59, 59), CHINA) if expires_on else None
        link = Representation(applicant_user_id=application.owner_user_id, representative_user_id=actor.user_id,
                              kind=kind, relation=relation if kind != "entrusted" else "entrusted_person",
                              scope=list(scope or []), status="pending", created_at=uow.now, expires_at=expires_at)
        uow.session.add(link)
        uow.session.flush()
        uow.audit.record(actor, f"link.requested.{kind}", application_id=application.id, role=kind)
        uow.commit()
        return representation_document(uow, link, actor)


def attach_proof(actor: Actor, representation_id: str, photo: bytes) -> dict[str, Any]:
    """The proof of a link: a household register page, a guardianship certificate, a signed letter."""
    with unit_of_work() as uow:
        link = _own_pending_link(uow, actor, representation_id)
    keys = _store_photo(photo)
    with unit_of_work() as uow:
        link = _own_pending_link(uow, actor, representation_id)
        old = [key for key in (link.proof_key, link.proof_thumbnail_key) if key]
        link.proof_key, link.proof_thumbnail_key = keys
        _release_intents(uow, keys)
        for key in old:
            uow.session.add(StorageIntent(key=key, purpose="delete", created_at=uow.now - timedelta(days=1)))
        uow.audit.record(actor, "link.proof_attached")
        uow.commit()
        return representation_document(uow, link, actor)


def confirm_link(actor: Actor, representation_id: str) -> dict[str, Any]:
    """Confirmed by the applicant, by an assistant who helps the applicant, or by a reviewer of the
    applicant's county; never by the one asking."""
    with unit_of_work() as uow:
        link = uow.session.get(Representation, representation_id) if isinstance(representation_id, str) else None
        if link is None or link.kind not in LINK_KINDS or not _may_confirm(uow, actor, link):
            raise NotFound("link_not_found")
        if link.status != "pending":
            raise Conflict("link_not_pending", params={"status": link.status})
        if link.proof_key is None:
            raise Conflict("link_needs_proof")
        link.status, link.confirmed_at, link.confirmed_by_user_id = "active", uow.now, actor.user_id
        link.consent_method = f"confirmed_by_{_confirmer_role(uow, actor, link)}"
        uow.audit.record(actor, f"link.confirmed.{link.kind}")
        uow.commit()
        return representation_document(uow, link, actor)


def revoke(actor: Actor, representation_id: str) -> dict[str, Any]:
    """The applicant ends any link or grant to their file; a representative may give up their own."""
    with unit_of_work() as uow:
        link = uow.session.get(Representation, representation_id) if isinstance(representation_id, str) else None
        if link is None or actor.user_id not in (link.applicant_user_id, link.representative_user_id):
            raise NotFound("link_not_found")
        if link.status == "revoked":
            return representation_document(uow, link, actor)
        link.status, link.revoked_at, link.revoked_by_user_id = "revoked", uow.now, actor.user_id
        uow.audit.record(actor, f"representation.revoked.{link.kind}")
        uow.commit()
        return representation_document(uow, link, actor)


def my_representations(actor: Actor) -> dict[str, list[dict[str, Any]]]:
    with unit_of_work() as uow:
        acting_for_me = uow.session.scalars(select(Representation).where(
            Representation.applicant_user_id == actor.user_id).order_by(Representation.created_at))
        i_act_for = uow.session.scalars(select(Representation).where(
            Representation.representative_user_id == actor.user_id).order_by(Representation.created_at))
        return {"acting_for_me": [representation_document(uow, link, actor) for link in acting_for_me],
                "i_act_for": [representation_document(uow, link, actor) for link in i_act_for]}


# --- staff accounts ----------------------------------------------------------------------------------

def create_assistant(actor: Actor | None, *, display_name: str, region_code: str) -> dict[str, Any]:
    """An administrator makes an assistant account for a region (actor None: the command line)."""
    if actor is not None:
        _require(actor, Role.ADMIN)
    found = region(region_code)
    if found is None or not found.is_current:
        raise InvalidInput(errors=[FieldError("region_code", "region_unknown")])
    if not display_name.strip():
        raise InvalidInput(errors=[FieldError("display_name", "required")])
    with unit_of_work() as uow:
        assistant = User(id=new_id(), role=Role.ASSISTANT.value, display_name=display_name.strip(),
                         region_code=region_code, created_at=uow.now)
        uow.session.add(assistant)
        uow.session.flush()
        issuer = actor or Actor(user_id=assistant.id, role=Role.ASSISTANT)
        code, row = codes.issue(uow, issuer, "staff_activation", subject_user_id=assistant.id)
        uow.audit.record(actor, "staff.assistant_created", role="admin" if actor else "command_line")
        uow.commit()
        return {"user": {"id": assistant.id, "role": assistant.role, "display_name": assistant.display_name,
                         "region_code": assistant.region_code, "region_name": found.full_name},
                "activation_code": codes.formatted(code), "activation_expires_at": row.expires_at}


def activate_staff_account(actor: Actor, code: str) -> dict[str, Any]:
    """The new assistant, logged in with their own WeChat, binds it to the staff account made for them."""
    _require(actor, Role.PUBLIC)
    with unit_of_work() as uow:
        row = codes.redeem(uow, actor, "staff_activation", code)
        staff = uow.session.get(User, row.subject_user_id)
        me = uow.session.get(User, actor.user_id)
        owns_anything = uow.session.scalars(select(Application.id).where(
            Application.owner_user_id == me.id)).first() is not None
        if staff is None or staff.wechat_openid is not None or owns_anything:
            raise Conflict("cannot_activate_here")
        openid, unionid = me.wechat_openid, me.wechat_unionid
        me.wechat_openid, me.wechat_unionid, me.disabled_at = None, None, uow.now
        uow.session.flush()  # the openid is unique: free it before giving it to the staff account
        staff.wechat_openid, staff.wechat_unionid = openid, unionid
        uow.audit.record(actor, "staff.activated")
        uow.commit()
        return {"activated": True, "role": staff.role, "log_in_again": True}


# --- declining ---------------------------------------------------------------------------------------

def record_decline(actor: Actor, *, subsidies: list[str], reason: str | None = None,
                   person_user_id: str | None = None) -> dict[str, Any]:
    """A recorded "no" (seed 004 附件1 一), by the person or by the assistant who told them of the subsidies."""
    if not subsidies or any(item not in SUBSIDIES for item in subsidies):
        raise InvalidInput(errors=[FieldError("subsidies", "choose_at_least_one")])
    with unit_of_work() as uow:
        if person_user_id is None:
            _require(actor, Role.PUBLIC)
            person_user_id = actor.user_id
        else:
            _active_assistance(uow, actor, person_user_id)
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


# --- helpers of the rules ------------------------------------------------------------------------------

def active_assistance_for(uow: UnitOfWork, actor: Actor, person_user_id: str) -> Representation:
    return _active_assistance(uow, actor, person_user_id)


def _active_assistance(uow: UnitOfWork, actor: Actor, person_user_id: str) -> Representation:
    _require(actor, Role.ASSISTANT)
    grant = uow.session.scalars(select(Representation).where(
        Representation.representative_user_id == actor.user_id, Representation.applicant_user_id == person_user_id,
        Representation.kind == "assistant", Representation.status == "active")).first()
    if grant is None or (grant.expires_at is not None and grant.expires_at <= uow.now) \
            or not (grant.region_code and actor.region_code and is_within(actor.region_code, grant.region_code)):
        raise NotFound("person_not_found")
    return grant


def _grant_assistance(uow: UnitOfWork, assistant: User, person_user_id: str, *, consent_method: str,
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
        _release_intents(uow, proof)
    uow.session.flush()
    return grant


def _grant_facts(grant: Representation) -> Grant:
    return Grant(grant.kind, grant.status, tuple(grant.scope or ()), grant.expires_at, grant.region_code)


def _may_confirm(uow: UnitOfWork, actor: Actor, link: Representation) -> bool:
    return _confirmer_role(uow, actor, link) is not None


def _confirmer_role(uow: UnitOfWork, actor: Actor, link: Representation) -> str | None:
    if actor.user_id == link.representative_user_id:
        return None
    if actor.role is Role.PUBLIC and actor.user_id == link.applicant_user_id:
        return "applicant"
    applications = list(uow.session.scalars(select(Application).where(
        Application.owner_user_id == link.applicant_user_id)))
    if actor.role is Role.ASSISTANT:
        try:
            _active_assistance(uow, actor, link.applicant_user_id)
            return "assistant"
        except NotFound:
            return None
    if actor.role is Role.REVIEWER and actor.region_code and any(
            app.office_region and app.stage != "draft" and is_within(actor.region_code, app.office_region)
            for app in applications):
        return "reviewer"
    return None


def _own_pending_link(uow: UnitOfWork, actor: Actor, representation_id: str) -> Representation:
    link = uow.session.get(Representation, representation_id) if isinstance(representation_id, str) else None
    if link is None or link.representative_user_id != actor.user_id or link.kind not in LINK_KINDS:
        raise NotFound("link_not_found")
    if link.status != "pending":
        raise Conflict("link_not_pending", params={"status": link.status})
    return link


def _store_photo(photo: bytes) -> tuple[str, str]:
    from backend.materials.service import FileRefused, _write_files

    try:
        image = normalise_image(photo, max_bytes=runtime().settings.max_upload_bytes)
    except RefusedFile as refused:
        params = {key: value for key, value in refused.params.items() if value is not None}
        raise FileRefused(f"file_{refused.code}", params=params,
                          errors=[FieldError("file", f"file_{refused.code}", params)]) from None
    return _write_files(image)


def _release_intents(uow: UnitOfWork, keys: tuple[str, str]) -> None:
    from sqlalchemy import delete
    uow.session.execute(delete(StorageIntent).where(StorageIntent.key.in_(list(keys))))


def _require(actor: Actor, role: Role) -> None:
    if actor.role is not role:
        raise NotPermitted("wrong_role")


def representation_document(uow: UnitOfWork, link: Representation, viewer: Actor) -> dict[str, Any]:
    applicant = uow.session.get(User, link.applicant_user_id)
    representative = uow.session.get(User, link.representative_user_id)
    live = link.status == "active" and (link.expires_at is None or link.expires_at > uow.now)
    return {
        "id": link.id, "kind": link.kind, "relation": link.relation, "scope": link.scope,
        "status": "expired" if link.status == "active" and not live else link.status,
        "applicant": {"id": applicant.id, "name": applicant.display_name or None},
        "representative": {"id": representative.id, "name": representative.display_name or None,
                           "role": representative.role},
        "consent_method": link.consent_method, "flagged_for_review": link.flagged_for_review,
        "has_proof": link.proof_key is not None, "created_at": link.created_at, "expires_at": link.expires_at,
        "confirmed_at": link.confirmed_at, "revoked_at": link.revoked_at,
    }
