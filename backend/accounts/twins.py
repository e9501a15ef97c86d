"""One person, two accounts, joined when WeChat's UnionID shows it (issue 6 item 7: the official-account user is
the mini program's user when the UnionID matches). The order of first contacts can make twins: a mini-program login
that WeChat gave no UnionID (the app not yet bound to the Open Platform) makes account A; a follower of the official
account, whose UnionID is known, makes account B; a later mini-program login brings A the same UnionID.

They are joined when one of them holds nothing yet (no application, no link either way): the empty one is closed and
the person carries on in the other, from both channels. When both hold something, nothing is moved (a merge of two
people's files is not done silently); the "绑定" code of the official account joins the follower by hand."""

from __future__ import annotations

from sqlalchemy import or_, select, update

from backend.accounts.models import RefreshToken, User
from backend.unit_of_work import UnitOfWork


def join_twin(uow: UnitOfWork, user: User, twin: User, openid: str, unionid: str) -> User:
    """`user` logged in to the mini program by `openid` and now shows `unionid`, which `twin` holds: the account
    the person uses from now on."""
    from backend.wechat.official_account import OfficialAccountFollower

    if holds_nothing(uow, user):
        # The mini program's account is empty: it moves to the twin (the one the chat made).
        _close(uow, user)
        user.wechat_openid = None
        uow.session.flush()  # the openid is unique: freed before the twin takes it
        twin.wechat_openid = openid
        uow.audit.record(None, "account.joined_by_unionid")
        return twin
    if holds_nothing(uow, twin):
        # The official account's is empty: its followers are the mini program's person.
        uow.session.execute(update(OfficialAccountFollower).where(OfficialAccountFollower.user_id == twin.id)
                            .values(user_id=user.id, linked_by="unionid", conversation_id=None))
        _close(uow, twin)
        twin.wechat_unionid = None
        uow.session.flush()
        user.wechat_unionid = unionid
        uow.audit.record(None, "account.joined_by_unionid")
        return user
    uow.audit.record(None, "account.twin_not_joined")
    return user


def holds_nothing(uow: UnitOfWork, user: User) -> bool:
    """No application of their own or made for them, no link to anyone's: an account that can become another
    person's without mixing two people's files (twins joined, an assistant-made account taken over)."""
    from backend.applications.models import Application
    from backend.representation.models import Representation

    owns = uow.session.scalars(select(Application.id).where(Application.owner_user_id == user.id)).first()
    linked = uow.session.scalars(select(Representation.id).where(or_(
        Representation.applicant_user_id == user.id, Representation.representative_user_id == user.id))).first()
    return owns is None and linked is None


def _close(uow: UnitOfWork, user: User) -> None:
    user.disabled_at = uow.now
    uow.session.execute(update(RefreshToken).where(RefreshToken.user_id == user.id, RefreshToken.revoked_at.is_(None))
                        .values(revoked_at=uow.now))
