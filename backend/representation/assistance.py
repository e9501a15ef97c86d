"""Village assistants: consent to their help (on the person's own WeChat by code, or in person for someone
without a phone), the people they help, and handing an account over to its person."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.accounts.twins import holds_nothing
from backend.unit_of_work import unit_of_work
from backend.applications.access import live_grant
from backend.applications.models import Application
from backend.applications.stages import Stage
from backend.db.base import new_id
from backend.errors import Conflict, FieldError, InvalidInput, NotFound
from backend.representation import codes
from backend.representation.common import (
    grant_assistance, grant_facts, representation_document, require_active_assistance, require_role, store_photo,
)
from backend.representation.models import Decline, Representation
from backend.runtime import runtime


CONSENT_PAGE = "pages/consent/index"  # the mini program's page that takes the code (and asks "同意吗？")


def assistance_consent_code(actor: Actor, *, base_url: str) -> dict[str, Any]:
    """The code (and QR link) an assistant shows a person, who enters it on their own WeChat to consent. The QR
    link is a web address under this service; with WeChat's "扫普通链接二维码打开小程序" rule for it, scanning opens
    the mini program's consent page, and any browser gets the description of what is agreed to (GET /consent)."""
    require_role(actor, Role.ASSISTANT)
    with unit_of_work() as uow:
        code, row = codes.issue(uow, actor, "assistance_consent", details={"region_code": actor.region_code})
        uow.commit()
        base = (runtime().settings.public_base_url or base_url).rstrip("/")
        return {"code": codes.formatted(code), "expires_at": row.expires_at,
                "miniprogram_path": f"{CONSENT_PAGE}?code={code}", "qr_link": f"{base}/consent?code={code}"}


def consent_offer(code: str, *, locale: str, source: str) -> dict[str, Any]:
    """What the person would agree to with this code: who asks, for which county, what they may do, for how
    long. Nothing is agreed here: consent is given logged in, on the person's own WeChat. Anyone may ask, so
    wrong codes are limited per client address (`source`) and in all (codes.peek)."""
    from backend.identity.regions import region
    from backend.messages.catalog import say
    from backend.representation.common import ASSISTANCE_DAYS

    with unit_of_work() as uow:
        row = codes.peek(uow, "assistance_consent", code, source=source)
        assistant = uow.session.get(User, row.created_by_user_id) if row is not None else None
        if assistant is None or assistant.disabled_at is not None:
            raise NotFound("code_not_valid")
        digits = "".join(ch for ch in code if ch.isdigit())
        area = region(assistant.region_code) if assistant.region_code else None
        region_name = area.full_name if area else (assistant.region_code or "")
        return {
            "code": codes.formatted(digits), "expires_at": row.expires_at,
            "assistant": {"name": assistant.display_name, "region_code": assistant.region_code,
                          "region_name": region_name},
            "valid_days": ASSISTANCE_DAYS,
            "what": say("consent_offer.what", locale, assistant=assistant.display_name or "", region=region_name,
                        days=ASSISTANCE_DAYS).as_dict(),
            "how": say("consent_offer.how", locale, code=codes.formatted(digits)).as_dict(),
            "miniprogram_path": f"{CONSENT_PAGE}?code={digits}",
            "consent_with": {"method": "POST", "path": "/api/v1/me/assistance-consent",
                             "body": {"code": codes.formatted(digits)}},
        }


def give_assistance_consent(actor: Actor, code: str) -> dict[str, Any]:
    """The person agrees, on their own phone, that this assistant may help them."""
    require_role(actor, Role.PUBLIC)
    with unit_of_work() as uow:
        row = codes.redeem(uow, actor, "assistance_consent", code)
        assistant = uow.session.get(User, row.created_by_user_id)
        grant = grant_assistance(uow, assistant, actor.user_id, consent_method="wechat_code")
        uow.audit.record(actor, "assistance.consented")
        uow.commit()
        return representation_document(uow, grant, actor)


def register_person_without_phone(actor: Actor, *, name: str, statement: str, consent_photo: bytes,
                                  phone: str | None = None) -> dict[str, Any]:
    """For someone without a smartphone: an account made for them, and their consent recorded in person
    (a photo of the signed consent plus the assistant's statement), flagged for the reviewer."""
    require_role(actor, Role.ASSISTANT)
    errors = []
    if not name.strip() or len(name) > 50:
        errors.append(FieldError("name", "required"))
    if len(statement.strip()) < 10:
        errors.append(FieldError("statement", "statement_too_short"))
    if errors:
        raise InvalidInput(errors=errors)
    keys = store_photo(consent_photo)
    with unit_of_work() as uow:
        person = User(id=new_id(), role=Role.PUBLIC.value, display_name=name.strip(), created_at=uow.now)
        uow.session.add(person)
        uow.session.flush()
        grant = grant_assistance(uow, uow.session.get(User, actor.user_id), person.id, consent_method="in_person",
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

    require_role(actor, Role.ASSISTANT)
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
                if not live_grant(actor, application, grant_facts(grant), uow.now):
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
    require_role(actor, Role.ASSISTANT)
    with unit_of_work() as uow:
        grant = require_active_assistance(uow, actor, person_user_id)
        person = uow.session.get(User, grant.applicant_user_id)
        if person.wechat_openid is not None:
            raise Conflict("already_has_own_account")
        code, row = codes.issue(uow, actor, "handover", subject_user_id=person.id)
        uow.commit()
        return {"code": codes.formatted(code), "expires_at": row.expires_at}


def _continue_as_their_own(uow, actor: Actor, application: Application) -> None:
    """A draft the assistant began for the person becomes the person's own application: they go on with it
    themselves, so it no longer says the village committee applies for them, nor holds the helper's details as
    a proxy's (the chat asked "您的姓名是演示协办员，对吗？" of the person who took it over)."""
    content = dict(uow.applications.content(application))
    if content.pop("proxy", None) is not None:
        uow.applications.store_content(application, content)
    application.applying_as = "self"
    application.version += 1
    application.updated_at = uow.now
    uow.audit.record(actor, "application.taken_over_as_own", application_id=application.id,
                     fields=["applying_as", "proxy"])


def claim_account(actor: Actor, code: str, *, locale: str = "zh_Hans_CN") -> dict[str, Any]:
    """The person, logged in on their own WeChat, takes over what the assistant did for them, and is told of
    every application already in the account: in a notification each (backend/notifications/takeover.py) and in
    this answer."""
    from backend.messages.catalog import say
    from backend.notifications.service import notification_words
    from backend.notifications.takeover import announce_takeover

    require_role(actor, Role.PUBLIC)
    with unit_of_work() as uow:
        row = codes.redeem(uow, actor, "handover", code)
        made_for_them = uow.session.get(User, row.subject_user_id)
        if made_for_them is None or made_for_them.wechat_openid is not None or made_for_them.disabled_at is not None:
            # Already taken over (by an earlier code of the same person): a second code moves nothing.
            raise NotFound("code_not_valid")
        # Locked before the check: two claims at once into one account (PostgreSQL, read committed) would each
        # find it empty and both move their person's files in. SQLite already lets one writer at a time.
        user = uow.session.get(User, actor.user_id, with_for_update=True)
        if not holds_nothing(uow, user):
            # The code is the person's: the account that takes it over becomes theirs. One that already holds
            # its own applications or links would mix two people's files, and the assistant's grant would reach
            # the other person's applications.
            raise Conflict("claim_into_an_empty_account")
        taken_over = list(uow.session.scalars(select(Application).where(
            Application.owner_user_id == made_for_them.id)))
        for application in taken_over:
            application.owner_user_id = actor.user_id
            if application.stage == Stage.DRAFT.value and application.applying_as == "village_committee":
                _continue_as_their_own(uow, actor, application)
        assistant_helps = False
        for representation in uow.session.scalars(select(Representation).where(
                Representation.applicant_user_id == made_for_them.id)):
            representation.applicant_user_id = actor.user_id
            assistant_helps |= representation.kind == "assistant" and representation.status == "active"
        for decline in uow.session.scalars(select(Decline).where(Decline.person_user_id == made_for_them.id)):
            decline.person_user_id = actor.user_id
        user.display_name = user.display_name or made_for_them.display_name
        made_for_them.disabled_at = uow.now  # kept (the audit log names it), never usable to log in
        notes = announce_takeover(uow, actor.user_id, taken_over, assistant_helps=assistant_helps)
        uow.audit.record(actor, "account.claimed")
        uow.commit()
        by_id = {application.id: application for application in taken_over}
        applications = []
        for note in notes:
            application = by_id[note.application_id]
            applications.append({
                "application_id": application.id, "reference": application.reference, "stage": application.stage,
                "stage_label": say(f"stage.{application.stage}", locale).as_dict(),
                "notification_id": note.id, **notification_words(note.event_type, note.params, locale).as_dict()})
        message = say("claim.taken_over", locale, count=len(applications)) if applications \
            else say("claim.taken_over_nothing_yet", locale)
        return {"claimed": True, "display_name": user.display_name, "message": message.as_dict(),
                "applications": applications}
