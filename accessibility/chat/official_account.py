"""The same conversation over the WeChat official account: text messages, voice messages (WeChat's own
speech recognition, `<Recognition>`) and photos (fetched through WeChat's media API, then stored as the
material the conversation asked for).

The follower is linked to our person (`backend.wechat.official_account`): by UnionID at once, or by the
one-time code the mini program shows ("绑定 123456", typed or said: "绑定六六七一四七"). The conversation they
are in is remembered with the follower; the first time, it is their unfinished one from the mini program,
if any. At any point "查进度" (or "我的申请到哪一步了") is answered with where the application stands, in
the words of its status document (`backend.applications.status`), before the question asked.

WeChat waits 5 seconds for a reply and then retries the message. `reply_within` answers directly when
the work is done in time; otherwise the reply goes out through the customer-service message API when
it is ready (WeChat is answered "success" meanwhile). A reply longer than a text message may be is sent
the same way, in parts."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import requests
from wechatpy.exceptions import WeChatClientException

import accessibility.messages  # noqa: F401  (registers the conversation's sentences)
from accessibility.answers.chat_words import LINK_CODE_LENGTH, asks_for_status, link_code
from accessibility.conversation.service import run_for_chat
from accessibility.conversation.said import Said
from accessibility.conversation.state import ConversationState
from accessibility.conversation.turns import Turn
from accessibility.conversation.words import lines
from accessibility.status_speech import status_words
from backend.accounts.actor import Actor
from backend.accounts.preferences import Preferences, preferences_for
from backend.applications.service import list_applications
from backend.applications.status import application_status
from backend.conversations import (
    StoredConversation,
    create_conversation,
    find_unfinished_conversation,
    load_conversation,
)
from backend.errors import DomainError, NotFound
from backend.identity.place_names import office_name
from backend.messages.catalog import Words, say
from backend.messages.locales import DEFAULT_LOCALE
from backend.policy.presenter import join
from backend.wechat import official_account

log = logging.getLogger(__name__)

_NEW = ("新申请", "新的申请", "重新申请", "再申请一份", "new application", "New application", "New Application")
# WeChat cuts text messages at 2048 bytes; stay under it with room for the XML around a passive reply.
MAX_REPLY_BYTES = 2000


@dataclass(frozen=True)
class Incoming:
    openid: str
    kind: str                  # text, voice, image, event
    text: str | None = None    # a text message's content, or a voice message's recognition
    media_id: str | None = None
    event: str | None = None   # subscribe, unsubscribe, ...


def reply_to(message: Incoming) -> str | None:
    """The text to say back, or None for nothing (an unfollow, an event we do not act on)."""
    if message.kind == "event" and message.event not in ("subscribe", "subscribe_scan"):
        return None
    # The link command, typed or said (WeChat's recognition of a voice message: "绑定6 6 7 1 4 7。").
    binding = link_code(message.text or "") if message.kind in ("text", "voice") else None
    if binding is not None:
        # A code from a stranger makes no account: a wrong one only counts as a try (unknown openids are
        # free to come by, and each would otherwise be an account).
        known = official_account.known_follower(message.openid)
        preferences = preferences_for(known.actor.user_id) if known is not None else Preferences()
    else:
        follower = official_account.follower(message.openid)
        preferences = preferences_for(follower.actor.user_id)
    locale = preferences.locale or DEFAULT_LOCALE
    easy = preferences.easy_read
    opening: list[str] = []

    if message.kind == "event":
        opening.append(_words("conversation.chat.welcome", locale, easy))
        action = None
    elif binding is not None:
        if binding.code is None:  # "绑定" with a digit too many or too few (often speech recognition's)
            return _words("conversation.chat.link_code_length", locale, easy, length=LINK_CODE_LENGTH)
        try:
            official_account.bind_follower(message.openid, binding.code)
        except DomainError as refused:
            return _words(f"problem.{refused.text_code}.detail", locale, easy)
        official_account.remember_conversation(message.openid, None)
        follower = official_account.follower(message.openid)
        preferences = preferences_for(follower.actor.user_id)  # the linked person's
        locale, easy = preferences.locale or DEFAULT_LOCALE, preferences.easy_read
        opening.append(_words("conversation.chat.linked", locale, easy))
        action = None
    elif message.kind == "voice" and not (message.text or "").strip():
        opening.append(_words("conversation.chat.voice_not_heard", locale, easy))
        action = None
    elif message.kind in ("text", "voice"):
        text = (message.text or "").strip()
        if asks_for_status(text):
            return _status_reply(follower, locale, easy, preferences)
        if text in _NEW:
            stored = create_conversation(follower.actor, channel="official_account",
                                         state=ConversationState().as_dict())
            official_account.remember_conversation(message.openid, stored.id)
            follower = official_account.follower(message.openid)
            action = None
        else:
            action = _answer(text)
    elif message.kind == "image":
        data = _download(message.media_id or "")
        action = _photo(data) if data is not None else _said("conversation.chat.photo_not_received")
    else:
        opening.append(_words("conversation.chat.unsupported", locale, easy))
        action = None

    stored, fresh = _conversation(follower)
    if fresh and message.kind in ("text", "voice"):
        # The first words in this chat answer nothing yet: the person has not seen a question here.
        if not opening:
            opening.append(_words("conversation.chat.welcome", locale, easy))
        action = None
    view = run_for_chat(follower.actor, stored, locale, action, preferences)
    return "\n".join([*opening, *_view_text(view, easy, locale)])


def reply_within(seconds: float, work: Callable[[], str | None], late: Callable[[str], None]) -> tuple[bool, str | None]:
    """Runs `work`; (True, reply) when it finished within `seconds`, else (False, None) and `late` gets
    the reply when it is ready. A failure is logged and answered with an apology: nothing was lost."""
    result: dict[str, str | None] = {}
    finished = threading.Event()
    lock = threading.Lock()
    state = {"waiting": True}

    def run() -> None:
        try:
            reply = work()
        except Exception:
            log.exception("official-account message failed")
            reply = say("conversation.chat.error").text
        with lock:
            result["reply"] = reply
            finished.set()
            waiting = state["waiting"]
        if not waiting and reply:
            late(reply)

    thread = threading.Thread(target=run, name="official-account-reply", daemon=True)
    thread.start()
    finished.wait(seconds)
    with lock:
        if finished.is_set():
            return True, result.get("reply")
        state["waiting"] = False
        return False, None


def send_later(openid: str, text: str) -> None:
    """A reply through the customer-service message API (48 hours after the follower's last message)."""
    from backend.wechat.client import official_account_client

    try:
        client = official_account_client()
        for part in split_reply(text):
            client.message.send_text(openid, part)
    except (WeChatClientException, requests.RequestException, RuntimeError):
        log.exception("could not send a customer-service reply")


def split_reply(text: str) -> list[str]:
    """Parts of at most MAX_REPLY_BYTES, cut at line ends where possible."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate.encode("utf-8")) <= MAX_REPLY_BYTES:
            current = candidate
            continue
        if current:
            parts.append(current)
        while len(line.encode("utf-8")) > MAX_REPLY_BYTES:
            cut = len(line)
            while len(line[:cut].encode("utf-8")) > MAX_REPLY_BYTES:
                cut -= 1
            parts.append(line[:cut])
            line = line[cut:]
        current = line
    if current:
        parts.append(current)
    return parts


def _status_reply(follower: official_account.Follower, locale: str, easy: bool, preferences: Preferences) -> str:
    """Where the application stands, then the question the conversation is at (nothing is answered)."""
    stored, fresh = _conversation(follower)
    opening = [_words("conversation.chat.welcome", locale, easy)] if fresh else []
    application_id = _asked_about(follower.actor, stored.application_id)
    if application_id is None:
        status = say("conversation.chat.status_nothing_submitted", locale)
    else:
        document = application_status(follower.actor, application_id, locale=locale)
        status = lines([say("conversation.chat.status", locale, reference=document["reference"]),
                        status_words(document, locale), *_contacts(document, locale)])
    view = run_for_chat(follower.actor, stored, locale, None, preferences)
    if view["done"]:
        # The finished prompt would say the same again: only how to start another.
        return "\n".join([*opening, _form(status, easy), _words("conversation.chat.start_again", locale, easy)])
    return "\n".join([*opening, _form(status, easy), *_view_text(view, easy, locale)])


def _asked_about(actor: Actor, current: str | None) -> str | None:
    """The application whose progress is asked: the conversation's once sent for review; else (a new
    application begun after "新申请") the person's latest one sent for review; else the draft being filled."""
    applications = {a["id"]: a for a in list_applications(actor)}
    if current in applications and applications[current].get("submitted_at") is not None:
        return current
    sent = [a for a in applications.values() if a.get("submitted_at") is not None]
    if sent:
        return max(sent, key=lambda a: a["submitted_at"])["id"]
    return current


def _contacts(document: dict, locale: str) -> list[Words]:
    """A refusal's next step points to the offices "listed below": in a chat they are listed here."""
    if document.get("stage") != "rejected" or not document.get("contacts"):
        return []
    listed = join([say("conversation.human.contact", locale,
                       office=office_name(c["office"], c.get("region_code"), locale), phone=c["phone"])
                   for c in document["contacts"]], locale, "list.clause_separator")
    return [say("conversation.chat.status_contacts", locale, contacts=listed)]


def _conversation(follower: official_account.Follower) -> tuple[StoredConversation, bool]:
    """The follower's conversation, and whether it is new to this chat (created now, or the person's
    unfinished one from the mini program)."""
    if follower.conversation_id is not None:
        try:
            # A submitted one stays, saying where it stands, until the person asks for "新申请".
            return load_conversation(follower.actor, follower.conversation_id), False
        except NotFound:
            pass
    stored = find_unfinished_conversation(follower.actor)
    if stored is None:
        stored = create_conversation(follower.actor, channel="official_account",
                                     state=ConversationState().as_dict())
    official_account.remember_conversation(follower.openid, stored.id)
    return stored, True


def _answer(text: str) -> Callable[[Turn], None]:
    return lambda turn: turn.answer(text)


def _photo(data: bytes) -> Callable[[Turn], None]:
    return lambda turn: turn.photo(data)


def _said(key: str) -> Callable[[Turn], None]:
    return lambda turn: turn.said.append(Said(key))


def _download(media_id: str) -> bytes | None:
    from backend.wechat.client import official_account_client

    try:
        response = official_account_client().media.download(media_id)
    except (WeChatClientException, requests.RequestException, RuntimeError):
        log.warning("could not fetch a follower's photo from WeChat")
        return None
    content = getattr(response, "content", None)
    return content if isinstance(content, bytes) else None


def _words(key: str, locale: str, easy: bool, **params: object) -> str:
    return _form(say(key, locale, **params), easy)


def _form(words: Words, easy: bool) -> str:
    return words.easy_read if easy else words.text


def _view_text(view: dict, easy: bool, locale: str) -> list[str]:
    form = "easy_read" if easy else "text"
    lines = []
    for part in (view.get("said"), view.get("correction")):
        if part:
            lines.append(part[form])
    prompt = view["prompt"]
    progress = prompt.get("progress")
    lines.append(f"{progress[form]}{prompt[form]}" if progress else prompt[form])
    if view["done"]:
        words = say("conversation.chat.start_again", locale)
        lines.append(words.easy_read if easy else words.text)
    return lines
