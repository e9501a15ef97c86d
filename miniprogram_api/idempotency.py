"""`Idempotency-Key` on retried POSTs (submit, upload): the same key with the same request replays
the first answer (marked `Idempotent-Replayed: true`); the same key with a different request is refused."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable

from flask import Response, make_response, request

from backend.idempotency import RememberedAnswer, recall, remember
from miniprogram_api.guards import current_actor
from miniprogram_api.problems import ApiProblem

HEADER = "Idempotency-Key"


def idempotent(view: Callable) -> Callable:
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return view(*args, **kwargs)
        key = key.strip()
        if not key or len(key) > 200 or not key.isprintable():
            raise ApiProblem(400, "idempotency_key_invalid")
        actor = current_actor()
        scope = f"{request.method} {request.path}"
        fingerprint = _fingerprint()
        earlier = recall(actor.user_id, scope, key)
        if earlier is None:
            try:
                response = make_response(view(*args, **kwargs))
            except Exception as error:
                # Problems are answers too: a retry of a refused submit is refused the same way.
                from flask import current_app
                response = make_response(current_app.handle_user_exception(error))
            if response.status_code >= 500:
                return response
            earlier = remember(actor.user_id, scope, key, RememberedAnswer(
                fingerprint, response.status_code, response.get_data(as_text=True)))
            if earlier.request_hash == fingerprint and earlier.body == response.get_data(as_text=True):
                response.headers["Idempotency-Key"] = key
                return response
        if earlier.request_hash != fingerprint:
            raise ApiProblem(422, "idempotency_key_reused")
        replay = Response(earlier.body, status=earlier.status_code,
                          content_type="application/problem+json; charset=utf-8" if earlier.status_code >= 400
                          else "application/json")
        replay.headers["Idempotent-Replayed"] = "true"
        replay.headers["Idempotency-Key"] = key
        return replay
    return wrapper


def _fingerprint() -> str:
    """What the request asks for, independent of how it was framed: a retried multipart upload has a
    new boundary, a retried JSON body may order its keys differently."""
    digest = hashlib.sha256()
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
