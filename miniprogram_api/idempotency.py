"""`Idempotency-Key` on retried requests (create, save, submit, upload, a conversation's answer): the same key with
the same request replays
the first successful answer (marked `Idempotent-Replayed: true`); the same key with a different request
is refused. The key is claimed before the request is handled (backend/idempotency.py), so retries that
arrive while the first is still being handled do not run it again: they wait briefly for its answer, or
get 409 `request_in_progress` with Retry-After (retry_after_seconds). A refused or failed request (any
answer but 2xx) frees its key, so a retry after fixing the cause is handled afresh; a request whose worker
died frees it once the claim counts as abandoned (backend/idempotency.py: the request timeout and a margin).

A replay repeats the first answer's status, body and the headers that describe it (KEPT_HEADERS): the
ETag a client sends back in If-Match after a retried submit, the Location of an uploaded material."""

from __future__ import annotations

import functools
import hashlib
import json
import math
import time
from collections.abc import Callable
from typing import Any

from flask import Response, make_response, request

from backend.accounts.actor import Actor
from backend.applications.access import Purpose
from backend.applications.service import check_access
from backend.conversations.store import load_conversation
from backend.idempotency import Claimed, InProgress, claim, holder, release, settle
from miniprogram_api.guards import current_actor
from miniprogram_api.locale import content_language
from miniprogram_api.problems import ApiProblem

HEADER = "Idempotency-Key"
# How long a retry waits for the first request's answer before it is told to retry (an upload is
# normalised in well under a second, seeds of issue 4's benchmark).
WAIT_FOR_FIRST_SECONDS = 3.0
POLL_SECONDS = 0.05
# Headers kept with an answer and sent again on replay. ETag: the version for the next If-Match. Location:
# where the created material is. Content-Type and Content-Language: what the kept body is and which
# language its words are in (the retry may ask in another). Not Retry-After: only successes are kept, and
# a wait counted from the first answer would be wrong when replayed later. Nothing else an answer carries
# (Set-Cookie, Content-Length) belongs to the body rather than to the moment it was sent.
KEPT_HEADERS = ("Content-Type", "Content-Language", "ETag", "Location")


def idempotent(view: Callable | None = None, *,
               replay_if: Callable[[Actor, dict[str, Any]], None] | None = None) -> Callable:
    """`replay_if(actor, url arguments)` raises (NotFound) when the kept answer may no longer be shown to this
    actor: a guardian the applicant stopped, an assistant whose grant ended, sending the same key again within the
    two days, got the application as it was submitted (names, disability, household) replayed without asking."""
    if view is None:
        return functools.partial(idempotent, replay_if=replay_if)

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return view(*args, **kwargs)
        key = key.strip()
        if not key or len(key) > 200 or not key.isprintable():
            raise ApiProblem(400, "idempotency_key_invalid")
        user_id = current_actor().user_id
        scope = f"{request.method} {request.path}"
        fingerprint = _fingerprint()
        held = claim(user_id, scope, key, fingerprint)
        deadline = time.monotonic() + WAIT_FOR_FIRST_SECONDS
        while isinstance(held, InProgress) and held.request_hash == fingerprint and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            held = holder(user_id, scope, key)
            if held is None:  # the first attempt was refused or failed: this retry is handled afresh
                held = claim(user_id, scope, key, fingerprint)
        if isinstance(held, Claimed):
            return _handle(view, args, kwargs, held)
        if held.request_hash != fingerprint:
            raise ApiProblem(422, "idempotency_key_reused")
        if isinstance(held, InProgress):
            # retry_after_seconds becomes Retry-After and the sentence's {wait_seconds} (problem_response);
            # retry_after is the same number, as clients read it before.
            wait = retry_after_seconds(held)
            raise ApiProblem(409, "request_in_progress", params={"retry_after_seconds": wait, "retry_after": wait})
        if replay_if is not None:
            replay_if(current_actor(), dict(request.view_args or {}))
        replay = Response(held.body, status=held.status_code, content_type="application/json; charset=utf-8")
        for name, value in held.headers.items():
            replay.headers[name] = value
        replay.headers["Idempotent-Replayed"] = "true"
        replay.headers[HEADER] = key
        return replay
    return wrapper


def still_may(purpose: Purpose) -> Callable[[Actor, dict[str, Any]], None]:
    """`replay_if` of a route on an application: the access rule asked again, for the same purpose."""
    def check(actor: Actor, arguments: dict[str, Any]) -> None:
        check_access(actor, arguments["application_id"], purpose)
    return check


def still_in_conversation(actor: Actor, arguments: dict[str, Any]) -> None:
    """`replay_if` of a conversation's route: the conversation can still be loaded by this actor."""
    load_conversation(actor, arguments["conversation_id"])


def retry_after_seconds(held: InProgress) -> int:
    """When a retry should come back, in whole seconds (at least 1): as long as the claim has been held so far,
    and never past the moment it counts as abandoned. A young claim is most likely a request that answers soon,
    so it is asked about again soon; an old one most likely died with its worker, so the retry is sent to the
    moment its key is free. A phone obeying Retry-After asks a handful of times, not once a second."""
    if held.held_for is None or held.free_in is None:
        return 1
    until_free = math.ceil(held.free_in.total_seconds())
    return max(1, min(math.ceil(held.held_for.total_seconds()), until_free))


def _handle(view: Callable, args: tuple, kwargs: dict, claimed: Claimed) -> Response:
    """Runs the request that holds the claim; keeps its answer only if it succeeded."""
    try:
        response = make_response(view(*args, **kwargs))
    except BaseException:
        release(claimed)
        raise
    if 200 <= response.status_code < 300:
        kept = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
        kept.setdefault("Content-Language", content_language())  # set after the view, by init_locale
        settle(claimed, response.status_code, response.get_data(as_text=True), kept)
        response.headers[HEADER] = claimed.key
    else:
        release(claimed)
    return response


def _fingerprint() -> str:
    """What the request asks for, independent of how it was framed: a retried multipart upload has a
    new boundary, a retried JSON body may order its keys differently. The version a save starts from (If-Match) is
    part of it: the same changes sent from another version are another request."""
    digest = hashlib.sha256()
    if_match = request.headers.get("If-Match")
    if if_match is not None:
        digest.update(f"if-match:{if_match.strip()}\n".encode())
    if request.mimetype == "multipart/form-data":
        for name, value in sorted(request.form.items(multi=True)):
            digest.update(f"{name}={value}\n".encode())
        for name, storage in sorted(request.files.items(multi=True), key=lambda item: item[0]):
            digest.update(f"file:{name}\n".encode())
            storage.stream.seek(0)
            for chunk in iter(lambda: storage.stream.read(1 << 16), b""):
                digest.update(chunk)
            storage.stream.seek(0)
        return digest.hexdigest()
    body = request.get_json(silent=True)
    if body is not None:
        digest.update(json.dumps(body, sort_keys=True, ensure_ascii=False).encode())
    else:
        digest.update(request.get_data())
    return digest.hexdigest()
