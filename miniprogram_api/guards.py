"""Auth guards, declared where each blueprint is registered (app.py), so no route can be reached
without the guard of its blueprint. A guard authenticates the bearer token and checks the role; which
application a person may touch is decided in backend (the one access rule), not here."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import current_app, g, request
from flask_openapi3 import APIBlueprint, OpenAPI

from backend.accounts.actor import Actor
from backend.accounts.models import Role
from backend.accounts.preferences import Preferences, preferences_for
from backend.accounts.service import actor_for
from backend.runtime import now
from miniprogram_api.problems import ApiProblem
from miniprogram_api.tokens import TokenRejected

Guard = Callable[[], None]


def client_source() -> str:
    """The client's address as the audit log keeps it. X-Forwarded-For is never read here: a client can write
    anything in it. Behind LIANGBU_TRUSTED_PROXIES proxies, the app factory's ProxyFix has already put the address
    the outermost of them saw into remote_addr."""
    return (request.remote_addr or "")[:64]


def _authenticate() -> Actor:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiProblem(401, "authentication_required", headers={"WWW-Authenticate": 'Bearer realm="liangbu"'})
    try:
        user_id = current_app.extensions["liangbu_tokens"].verify(token.strip(), now())
    except TokenRejected as rejected:
        raise ApiProblem(401, rejected.code, headers={
            "WWW-Authenticate": 'Bearer realm="liangbu", error="invalid_token"'}) from None
    actor = actor_for(user_id, source=client_source())
    if actor is None:
        raise ApiProblem(401, "token_invalid")
    return actor


def public() -> None:
    """No login: login itself, the eligibility self-check, policies, health."""
    g.actor = None


def public_with_preferences() -> None:
    """No login needed (the eligibility self-check and policies), but a bearer token, when one is sent, brings
    the person's preferences: the answer is said in the form, language and pace they chose, or not at all
    (issue 6 item 3). The answer is the same for anyone, so nobody acts here (`g.actor` stays None), and a
    token that does not verify is as good as none: a public answer never fails for a stale login."""
    g.actor = None
    if not request.headers.get("Authorization", "").strip():
        return
    try:
        actor = _authenticate()
    except ApiProblem:
        return
    g.preferences = preferences_for(actor.user_id)
    g.preferred_locale = g.preferences.locale


def signed_in(*roles: Role, refusals: Mapping[str, str] | None = None) -> Guard:
    """Any signed-in account, or only these roles; others are refused with `wrong_role`, or with the problem code
    `refusals` gives for the route (its endpoint name), which can say who can do it and how (an assistant typing a
    person's hand-over code was told only "您的账号没有这个功能")."""
    def guard() -> None:
        actor = _authenticate()
        if roles and actor.role not in roles:
            raise ApiProblem(403, (refusals or {}).get(request.endpoint or "", "wrong_role"))
        g.actor = actor
        # Read once a request: the routes that speak take them from here (current_preferences), and the
        # person's saved language wins over Accept-Language (miniprogram_api/locale.py).
        g.preferences = preferences_for(actor.user_id)
        g.preferred_locale = g.preferences.locale
    guard.__name__ = "signed_in_" + "_".join(role.value for role in roles) if roles else "signed_in"
    return guard


def register_guarded(app: OpenAPI, blueprint: APIBlueprint, guard: Guard) -> None:
    """Registers a blueprint with the guard that runs before every one of its routes. The guard is
    attached to this app only (blueprints are module-level and shared by every app a process makes)."""
    app.register_api(blueprint)
    app.before_request_funcs.setdefault(blueprint.name, []).append(guard)


def current_actor() -> Actor:
    actor = g.get("actor")
    if actor is None:
        raise ApiProblem(401, "authentication_required")
    return actor


def current_preferences() -> Preferences:
    """The signed-in person's display, speech and language preferences, as the guard read them."""
    preferences = g.get("preferences")
    return preferences if preferences is not None else preferences_for(current_actor().user_id)


def caller_preferences() -> Preferences:
    """On a public route: the preferences of whoever sent a valid token (`public_with_preferences`). Without one,
    nothing is said aloud: a self-check's sentences carry numbers the caller chooses (amounts, dates), and each
    new one costs a synthesis (about 0.1 s of a core) and a cached file, which anyone could ask for without end.
    The mini program signs in as it opens, so a person using it hears everything."""
    preferences = g.get("preferences")
    return preferences if preferences is not None else Preferences(speech=False)
