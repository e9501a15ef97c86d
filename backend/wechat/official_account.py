"""Who writes to the official account: followers linked to our people, and linking by a one-time code.

WeChat gives a follower of the official account an openid of that account only; the same person in
the mini program has another openid. When both apps are bound to one Open Platform account WeChat also
gives a UnionID (user/info), and then the follower is the mini program's user at once. Otherwise the
mini program shows a one-time code (`new_link_code`) that the person sends to the account ("绑定 123456",
`bind_follower`), which proves both are the same person.

Codes returned (raised as `InvalidInput`/`Conflict` with these codes, words in the catalog):
- `link_code_invalid`: no such code (or already used).
- `link_code_expired`: the code is older than LINK_CODE_MINUTES.
- `link_code_attempts_exceeded`: too many wrong codes from this follower within the hour.
- `link_code_busy`: too many wrong codes from all followers together within the hour. A six-digit code
  could otherwise be guessed by sending from ever new openids, each with its own few tries.

A follower who has only sent codes is not given an account: the follower row is written when a code is
right (linked to the code's person) or when they do something that needs an account of their own
(`follower`). Wrong codes are counted in `official_account_messages`, not on the follower.

`remember_request` keeps the (timestamp, nonce) of every signed request WeChat sent, so that one seen
in a log cannot be sent again with another body while its timestamp is still fresh. What was received is
deleted after a day by the periodic sweep (`sweep_received`), not by the requests themselves.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from sqlalchemy import ForeignKey, Integer, String, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from wechatpy.exceptions import WeChatClientException

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.applications.models import Application
from backend.conversations.models import Conversation
from backend.db.base import Base, new_id
from backend.errors import Conflict, InvalidInput
from backend.unit_of_work import unit_of_work

log = logging.getLogger(__name__)

LINK_CODE_MINUTES = 10
# Six digits are a million codes; a few wrong tries an hour make guessing someone's live code hopeless.
MAX_WRONG_CODES_PER_HOUR = 5
# ... and openids cost an attacker nothing, so all followers together get only a few more. While the limit
# is reached nobody can link by code (UnionID linking still works); an operator sees the warning in the log.
MAX_WRONG_CODES_PER_HOUR_ALL = 20
# Rows of official_account_messages older than this are deleted by the periodic sweep: WeChat retries
# within seconds, signed requests are fresh for 5 minutes (an older timestamp is refused before its row is
# looked at, miniprogram_api/routes/official_account.py), wrong codes count for an hour.
KEEP_RECEIVED = timedelta(days=1)

_WRONG_CODE = "wrong-code:"  # wrong-code:{openid}:{id}, one row per wrong code
_FORGIVEN_CODE = _WRONG_CODE + ":forgiven:"  # a wrong code of a follower since linked: counts for everyone only
_REQUEST = "request:"  # request:{timestamp}:{nonce} and request:{timestamp}:{nonce}:{body digest}


class OfficialAccountFollower(Base):
    """An official-account openid and the person behind it."""

    __tablename__ = "official_account_followers"

    openid: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    unionid: Mapped[str | None] = mapped_column(String(64))
    linked_by: Mapped[str] = mapped_column(String(16))  # unionid, new, code
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id", ondelete="SET NULL"))
    # No longer read or written: wrong codes are counted in official_account_messages, also for openids
    # that have no follower row (kept to spare a migration).
    wrong_codes: Mapped[int] = mapped_column(Integer, default=0)
    wrong_codes_since: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class LinkCode(Base):
    """A one-time code the mini program shows; only its keyed hash is stored."""

    __tablename__ = "official_account_link_codes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class ReceivedMessage(Base):
    """What the official account has received, by key: messages already handled (`msg:MSGID`,
    `event:...`; WeChat retries a message it got no answer to up to three times, and an answer must not be
    saved twice), signed requests already seen (`request:...`, against replays) and wrong link codes
    (`wrong-code:OPENID:...`, counted per follower and for everyone)."""

    __tablename__ = "official_account_messages"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    received_at: Mapped[datetime]


@dataclass(frozen=True)
class Follower:
    openid: str
    actor: Actor
    conversation_id: str | None
    linked_by: str


def follower(openid: str, *, source: str = "official_account") -> Follower:
    """The person behind an openid, linked on first contact: to the mini program's user with the same
    UnionID, or to a new account of their own."""
    found = _load(openid, source)
    if found is not None:
        return found
    unionid = _unionid_of(openid)  # outside any transaction: WeChat may take a while
    try:
        with unit_of_work() as uow:
            user = None
            if unionid:
                user = uow.session.scalars(select(User).where(
                    User.wechat_unionid == unionid, User.role == Role.PUBLIC.value)).first()
            linked_by = "unionid" if user is not None else "new"
            if user is None:
                user = User(id=new_id(), role=Role.PUBLIC.value, wechat_unionid=unionid, created_at=uow.now)
                uow.session.add(user)
                uow.session.flush()
            uow.session.add(OfficialAccountFollower(openid=openid, user_id=user.id, unionid=unionid,
                                                    linked_by=linked_by, created_at=uow.now, updated_at=uow.now))
            uow.audit.record(_actor(user, source), f"official_account.linked_by_{linked_by}")
            uow.commit()
    except IntegrityError:
        pass  # the same follower's other message linked it first
    found = _load(openid, source)
    assert found is not None
    return found


def remember_conversation(openid: str, conversation_id: str | None) -> None:
    with unit_of_work() as uow:
        uow.session.execute(update(OfficialAccountFollower).where(OfficialAccountFollower.openid == openid)
                            .values(conversation_id=conversation_id, updated_at=uow.now))
        uow.commit()


def new_link_code(actor: Actor) -> dict[str, object]:
    """A six-digit code for this person to send to the official account; earlier unused codes end."""
    if actor.role is not Role.PUBLIC:
        raise Conflict("only_people_link")
    with unit_of_work() as uow:
        uow.session.execute(update(LinkCode).where(LinkCode.user_id == actor.user_id, LinkCode.used_at.is_(None))
                            .values(used_at=uow.now))
        while True:
            code = f"{secrets.randbelow(10**6):06d}"
            digest = uow.vault.blind_index("official_account_link_code", code)
            if uow.session.scalars(select(LinkCode).where(LinkCode.code_hash == digest)).first() is None:
                break
        expires = uow.now + timedelta(minutes=LINK_CODE_MINUTES)
        uow.session.add(LinkCode(code_hash=digest, user_id=actor.user_id, created_at=uow.now, expires_at=expires))
        uow.audit.record(actor, "official_account.link_code_made")
        uow.commit()
        return {"code": code, "expires_at": expires, "expires_in": LINK_CODE_MINUTES * 60}


def known_follower(openid: str, *, source: str = "official_account") -> Follower | None:
    """The person behind an openid if the follower is already linked; None for a stranger (nothing is made)."""
    return _load(openid, source)


def bind_follower(openid: str, code: str, *, source: str = "official_account") -> Follower:
    """Links the follower to the person who made `code`. What the follower started before linking
    (under the account made for them on first contact) moves with them: it is the same person. A
    stranger's wrong code makes no account (only the try is counted)."""
    with unit_of_work() as uow:
        since = uow.now - timedelta(hours=1)
        if _wrong_codes(uow, f"{_WRONG_CODE}{openid}:", since) >= MAX_WRONG_CODES_PER_HOUR:
            raise Conflict("link_code_attempts_exceeded")
        if _wrong_codes(uow, _WRONG_CODE, since) >= MAX_WRONG_CODES_PER_HOUR_ALL:
            log.warning("%s wrong link codes within the hour from all followers: linking by code is paused",
                        MAX_WRONG_CODES_PER_HOUR_ALL)
            raise Conflict("link_code_busy")
        digest = uow.vault.blind_index("official_account_link_code", code)
        link = uow.session.scalars(select(LinkCode).where(LinkCode.code_hash == digest,
                                                          LinkCode.used_at.is_(None))).first()
        problem = None if link is not None else "link_code_invalid"
        if link is not None and link.expires_at <= uow.now:
            problem = "link_code_expired"
        if problem is not None:
            uow.session.add(ReceivedMessage(key=f"{_WRONG_CODE}{openid}:{new_id()}"[:128], received_at=uow.now))
            uow.commit()
            raise InvalidInput(problem)
        link.used_at = uow.now
        linked_user = uow.session.get(User, link.user_id)
        if linked_user is None or linked_user.disabled_at is not None:
            raise Conflict("account_disabled")
        row = uow.session.get(OfficialAccountFollower, openid)
        if row is None:
            uow.session.add(OfficialAccountFollower(openid=openid, user_id=link.user_id, linked_by="code",
                                                    created_at=uow.now, updated_at=uow.now))
        else:
            previous_user = uow.session.get(User, row.user_id)
            if previous_user.id != link.user_id and _made_for_follower(previous_user):
                uow.session.execute(update(Application).where(Application.owner_user_id == previous_user.id)
                                    .values(owner_user_id=link.user_id))
                uow.session.execute(update(Conversation).where(Conversation.user_id == previous_user.id)
                                    .values(user_id=link.user_id))
            row.user_id, row.linked_by, row.updated_at = link.user_id, "code", uow.now
        # The follower's wrong codes are forgiven (a person who mistyped is not stopped later), but they still count
        # for everyone: deleted, they also left the all-followers count, so a guesser who sent four wrong codes
        # and then one made on their own account, again and again, was never stopped (the limit that makes a
        # six-digit code safe, MAX_WRONG_CODES_PER_HOUR_ALL, and with it someone else's account by their code).
        for forgiven in uow.session.scalars(select(ReceivedMessage).where(
                ReceivedMessage.key.startswith(f"{_WRONG_CODE}{openid}:", autoescape=True))):
            forgiven.key = f"{_FORGIVEN_CODE}{new_id()}"
        uow.audit.record(_actor(linked_user, source), "official_account.linked_by_code")
        uow.commit()
    found = _load(openid, source)
    assert found is not None
    return found


def first_delivery(key: str) -> bool:
    """True the first time a message key is seen; False for WeChat's retries of it."""
    try:
        with unit_of_work() as uow:
            uow.session.add(ReceivedMessage(key=key[:128], received_at=uow.now))
            uow.commit()
        return True
    except IntegrityError:
        return False


def remember_request(timestamp: str, nonce: str, body_digest: str) -> str:
    """Whether a signed request is `new`, a `repeat` of one seen (same timestamp, nonce and body: WeChat
    sending it again) or a `replay` (same timestamp and nonce, another body: someone who saw the first
    one's address, in a log say, speaking for another follower)."""
    pair = f"{_REQUEST}{timestamp}:{nonce}"
    try:
        with unit_of_work() as uow:
            uow.session.add(ReceivedMessage(key=pair[:128], received_at=uow.now))
            uow.session.flush()
            uow.session.add(ReceivedMessage(key=f"{pair}:{body_digest}"[:128], received_at=uow.now))
            uow.commit()
    except IntegrityError:
        with unit_of_work() as uow:
            same = uow.session.get(ReceivedMessage, f"{pair}:{body_digest}"[:128]) is not None
        return "repeat" if same else "replay"
    return "new"


def sweep_received() -> int:
    """Deletes what was received more than KEEP_RECEIVED ago (the periodic sweep, backend/jobs/tasks.py):
    one delete every half hour instead of one on every request WeChat sends."""
    with unit_of_work() as uow:
        result = uow.session.execute(delete(ReceivedMessage).where(
            ReceivedMessage.received_at < uow.now - KEEP_RECEIVED))
        uow.commit()
        return result.rowcount or 0


def _wrong_codes(uow, prefix: str, since: datetime) -> int:
    return uow.session.scalar(select(func.count()).select_from(ReceivedMessage).where(
        ReceivedMessage.key.startswith(prefix, autoescape=True), ReceivedMessage.received_at > since)) or 0


def _made_for_follower(user: User) -> bool:
    """An account made on first contact with the official account: no mini-program login of its own."""
    return user.account is None and user.wechat_openid is None and user.role == Role.PUBLIC.value


def _load(openid: str, source: str) -> Follower | None:
    with unit_of_work() as uow:
        row = uow.session.get(OfficialAccountFollower, openid)
        if row is None:
            return None
        user = uow.session.get(User, row.user_id)
        if user is None or user.disabled_at is not None:
            raise Conflict("account_disabled")
        return Follower(openid, _actor(user, source), row.conversation_id, row.linked_by)


def _actor(user: User, source: str) -> Actor:
    return Actor(user_id=user.id, role=Role(user.role), display_name=user.display_name,
                 region_code=user.region_code, source=source)


def _unionid_of(openid: str) -> str | None:
    from backend.wechat.client import official_account_client

    try:
        info = official_account_client().user.get(openid)
    except (WeChatClientException, requests.RequestException, RuntimeError):
        # Without the UnionID the follower still gets an account; linking by code stays possible.
        log.warning("user/info failed; the follower is linked without a UnionID")
        return None
    return info.get("unionid") or None
