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
from backend.errors import Conflict, FieldError, InvalidInput
from backend.identity.regions import region
from backend.representation import codes
from backend.representation.common import require_role


def create_assistant(actor: Actor | None, *, display_name: str, region_code: str) -> dict[str, Any]:
    """An administrator makes an assistant account for a region (actor None: the command line)."""
    if actor is not None:
        require_role(actor, Role.ADMIN)
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
