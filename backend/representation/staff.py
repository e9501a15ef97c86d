"""Staff accounts: an administrator (or the command line) makes an assistant account for a region; the
assistant binds their own WeChat to it with the activation code."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.unit_of_work import unit_of_work
from backend.applications.models import Application
from backend.db.base import new_id
from backend.errors import Conflict, FieldError, InvalidInput, NotFound
from backend.identity.regions import in_area, region
from backend.representation import codes
from backend.representation.common import require_role


def create_assistant(actor: Actor | None, *, display_name: str, region_code: str) -> dict[str, Any]:
    """An administrator makes an assistant account for a region (actor None: the command line)."""
    if actor is not None:
        require_role(actor, Role.ADMIN)
    found = region(region_code)
    if found is None or not found.is_current:
        raise InvalidInput(errors=[FieldError("region_code", "region_unknown")])
    if found.level != "county" or found.is_grouping:
        # An assistant serves the people of a county (seed 004: 村（居）委会 of its townships); their applications
        # are made from it (applied_from_region), which must be a county.
        raise InvalidInput(errors=[FieldError("region_code", "region_not_a_county")])
    if actor is not None and not in_area(actor.region_code, region_code):
        # An administrator of a province or county (statistics: their area only) makes assistants for it alone.
        raise InvalidInput(errors=[FieldError("region_code", "region_outside_your_area")])
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
    require_role(actor, Role.PUBLIC)
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


def list_assistants(actor: Actor) -> list[dict[str, Any]]:
    """Every assistant account, newest first: its county, whether its WeChat is bound, whether it is disabled."""
    require_role(actor, Role.ADMIN)
    with unit_of_work() as uow:
        rows = uow.session.scalars(select(User).where(User.role == Role.ASSISTANT.value)
                                   .order_by(User.created_at.desc()))
        return [_assistant_document(row) for row in rows if in_area(actor.region_code, row.region_code)]


def disable_assistant(actor: Actor, assistant_id: str) -> dict[str, Any]:
    """The account can no longer log in, and what it is logged in with stops working at once (every request checks
    the account; its refresh tokens are revoked). The people it helped keep their applications and consents."""
    from backend.accounts.models import RefreshToken

    require_role(actor, Role.ADMIN)
    with unit_of_work() as uow:
        assistant = uow.session.get(User, assistant_id) if isinstance(assistant_id, str) else None
        if assistant is None or assistant.role != Role.ASSISTANT.value \
                or not in_area(actor.region_code, assistant.region_code):
            raise NotFound("assistant_not_found")
        if assistant.disabled_at is None:
            assistant.disabled_at = uow.now
            for token in uow.session.scalars(select(RefreshToken).where(
                    RefreshToken.user_id == assistant.id, RefreshToken.revoked_at.is_(None))):
                token.revoked_at = uow.now
            uow.audit.record(actor, "staff.assistant_disabled", role="admin")
        uow.commit()
        return _assistant_document(assistant)


def _assistant_document(user: User) -> dict[str, Any]:
    place = region(user.region_code) if user.region_code else None
    return {"id": user.id, "display_name": user.display_name, "region_code": user.region_code,
            "region_name": place.full_name if place else None, "activated": user.wechat_openid is not None,
            "created_at": user.created_at, "last_login_at": user.last_login_at, "disabled_at": user.disabled_at}
