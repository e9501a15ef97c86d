"""Logging in and staying logged in: WeChat's code-to-session exchange, the demo's dev login, and
rotating refresh tokens. The WeChat session_key never leaves this module (REFERENCE.md, Protocols)."""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

import requests
from sqlalchemy import select, update
from wechatpy.exceptions import WeChatClientException

from backend.accounts.actor import Actor
from backend.accounts.models import RefreshToken, Role, User
from backend.db.base import new_id
from backend.errors import AuthenticationFailed, NotPermitted, UpstreamUnavailable
from backend.runtime import runtime
from backend.unit_of_work import UnitOfWork, unit_of_work

log = logging.getLogger(__name__)

# WeChat's error codes for jscode2session (developers.weixin.qq.com, code2Session).
_WECHAT_CODE_ERRORS = {40029: "wechat_code_invalid", 40163: "wechat_code_used", 40226: "wechat_user_blocked"}
_WECHAT_BUSY = {-1, 45011}


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    user: dict
    refresh_token: str
    refresh_expires_in: int


def login_with_wechat(code: str, *, source: str | None = None) -> LoginResult:
    if not code or len(code) > 128:
        raise AuthenticationFailed("wechat_code_invalid")
    from backend.wechat.client import mini_program_client

    try:
        answer = mini_program_client().wxa.code_to_session(code)
    except WeChatClientException as error:
        errcode = error.errcode
        if errcode in _WECHAT_CODE_ERRORS:
            raise AuthenticationFailed(_WECHAT_CODE_ERRORS[errcode]) from None
        if errcode in _WECHAT_BUSY:
            raise UpstreamUnavailable("wechat_busy") from None
        log.error("WeChat refused our credentials or request: errcode=%s", errcode)
        raise UpstreamUnavailable("wechat_unavailable") from None
    except requests.RequestException:
        raise UpstreamUnavailable("wechat_unreachable") from None
    openid, unionid = answer.get("openid"), answer.get("unionid")
    if not openid:
        raise UpstreamUnavailable("wechat_unavailable")
    with unit_of_work() as uow:
        user = _user_for_wechat(uow, openid, unionid)
        result = _start_session(uow, user, source)
        uow.commit()
        return result


def dev_login(account: str, *, source: str | None = None, from_loopback: bool = False) -> LoginResult:
    """Logging in as any demo account by name (demo-reviewer may reveal ID numbers): only with
    LIANGBU_DEV_LOGIN on, and only from this machine unless LIANGBU_DEV_LOGIN_PUBLIC says otherwise."""
    settings = runtime().settings
    if not settings.dev_login:
        raise NotPermitted("dev_login_disabled")
    if not from_loopback and not settings.dev_login_public:
        raise NotPermitted("dev_login_local_only")
    with unit_of_work() as uow:
        user = uow.session.scalars(select(User).where(User.account == account)).first()
        if user is None or user.disabled_at is not None:
            raise AuthenticationFailed("unknown_account")
        result = _start_session(uow, user, source)
        uow.commit()
        return result


def refresh_session(refresh_token: str, *, source: str | None = None) -> LoginResult:
    with unit_of_work() as uow:
        token = uow.session.scalars(select(RefreshToken).where(
            RefreshToken.token_hash == _hash(refresh_token)).with_for_update()).first()
        if token is None or token.revoked_at is not None or token.expires_at <= uow.now:
            raise AuthenticationFailed("refresh_token_invalid")
        if token.used_at is not None:
            # A used token presented again: someone holds a copy. End the whole family (RFC 9700 4.14.2).
            uow.session.execute(update(RefreshToken).where(RefreshToken.family_id == token.family_id)
                                .values(revoked_at=uow.now))
            uow.commit()
            raise AuthenticationFailed("refresh_token_reused")
        user = uow.session.get(User, token.user_id)
        if user is None or user.disabled_at is not None:
            raise AuthenticationFailed("refresh_token_invalid")
        token.used_at = uow.now
        result = _start_session(uow, user, source, family_id=token.family_id)
        uow.commit()
        return result


def actor_for(user_id: str, *, source: str | None = None) -> Actor | None:
    """The actor behind a verified access token, or None if the account is gone or disabled."""
    with runtime().database.sessions() as session:
        user = session.get(User, user_id)
        if user is None or user.disabled_at is not None:
            return None
        return _actor(user, source)


def _user_for_wechat(uow: UnitOfWork, openid: str, unionid: str | None) -> User:
    user = uow.session.scalars(select(User).where(User.wechat_openid == openid)).first()
    if user is None and unionid:
        # The same person through another WeChat app of ours (e.g. the official account): one account.
        user = uow.session.scalars(select(User).where(User.wechat_unionid == unionid,
                                                      User.role == Role.PUBLIC.value)).first()
        if user is not None and user.wechat_openid is None:
            user.wechat_openid = openid
    if user is None:
        user = User(id=new_id(), role=Role.PUBLIC.value, wechat_openid=openid, wechat_unionid=unionid,
                    created_at=uow.now)
        uow.session.add(user)
        uow.session.flush()  # no ORM relationships to order inserts by: the user row must exist first
    elif unionid and not user.wechat_unionid:
        twin = uow.session.scalars(select(User).where(
            User.wechat_unionid == unionid, User.role == Role.PUBLIC.value, User.id != user.id,
            User.disabled_at.is_(None))).first()
        if twin is None:
            user.wechat_unionid = unionid
        else:
            from backend.accounts.twins import join_twin
            user = join_twin(uow, user, twin, openid, unionid)
    if user.disabled_at is not None:
        raise AuthenticationFailed("account_disabled")
    return user


def _start_session(uow: UnitOfWork, user: User, source: str | None, family_id: str | None = None) -> LoginResult:
    settings = uow.runtime.settings
    plain = secrets.token_urlsafe(32)
    lifetime = timedelta(days=settings.refresh_token_days)
    uow.session.add(RefreshToken(user_id=user.id, family_id=family_id or new_id(), token_hash=_hash(plain),
                                 issued_at=uow.now, expires_at=uow.now + lifetime))
    user.last_login_at = uow.now
    uow.session.flush()
    return LoginResult(actor=_actor(user, source), user=user_summary(user), refresh_token=plain,
                       refresh_expires_in=int(lifetime.total_seconds()))


def user_summary(user: User) -> dict:
    return {"id": user.id, "role": user.role, "display_name": user.display_name or None,
            "region_code": user.region_code, "account": user.account}


def _actor(user: User, source: str | None) -> Actor:
    return Actor(user_id=user.id, role=Role(user.role), display_name=user.display_name,
                 region_code=user.region_code, source=source)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
