"""The Flask application factory. Every blueprint is registered here with its auth guard."""

from __future__ import annotations

import logging

from flask import jsonify, request
from flask_openapi3 import Info, OpenAPI
from werkzeug.middleware.proxy_fix import ProxyFix

from backend.accounts.models import Role
from backend.db import outage
from backend.privacy.log_filter import install_log_filter
from backend.runtime import Runtime, configure
from backend.settings import Settings, load_settings
from miniprogram_api.guards import public, public_with_preferences, register_guarded, signed_in
from miniprogram_api.locale import init_locale
from miniprogram_api.openapi_doc import finish_document
from miniprogram_api.problems import init_problems, speak_problems, validation_problem
from miniprogram_api.routes.applications import applications
from miniprogram_api.routes.auth import auth
from miniprogram_api.routes.conversations import conversations
from miniprogram_api.routes.eligibility import eligibility
from miniprogram_api.routes.materials import materials
from miniprogram_api.routes.notifications import notifications
from miniprogram_api.routes.official_account import official_account, signed_by_wechat
from miniprogram_api.routes.preferences import preferences_routes
from miniprogram_api.routes.prefill import prefill
from miniprogram_api.routes.admin import admin
from miniprogram_api.routes.representation import access, assistance, consent_page, links, me, proofs
from miniprogram_api.schemas.common import Problem
from miniprogram_api.routes.review import review_desk, review_events, signed_by_review_system
from miniprogram_api.routes.speech import speech
from miniprogram_api.tokens import TokenService

log = logging.getLogger(__name__)

API_DESCRIPTION = """两补网办: apply online for 困难残疾人生活补贴 and 重度残疾人护理补贴.

Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code`, localised `title` and
`detail` (plus easy-read forms) and per-field `errors`. `Accept-Language` picks the locale (zh_Hans_CN by
default, en, zh_Hant_TW). Identifying numbers are masked unless revealed."""


class LiangbuOpenAPI(OpenAPI):
    """flask-openapi3's document, finished: problem+json errors, an example for every answer."""

    def generate_spec_json(self) -> None:
        super().generate_spec_json()
        finish_document(self.spec_json)


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None) -> OpenAPI:
    install_log_filter()
    if runtime is None:
        runtime = configure(settings or load_settings())
    settings = runtime.settings
    warn_about_settings(settings)

    app = LiangbuOpenAPI(
        __name__,
        info=Info(title="两补网办 API", version="1.0.0", description=API_DESCRIPTION),
        security_schemes={"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        doc_prefix="/api/v1", doc_url="/openapi.json", doc_ui=False,
        validation_error_status=422, validation_error_callback=validation_problem, validation_error_model=Problem,
    )
    if settings.trusted_proxies:
        # Only the hops we run are believed: the address the outermost of them saw is request.remote_addr,
        # and that is what the audit log keeps as the source (guards.client_source).
        hops = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    app.config["MAX_CONTENT_LENGTH"] = settings.max_upload_bytes + 1024 * 1024  # room for the multipart frame
    app.json.ensure_ascii = False
    app.extensions["liangbu_tokens"] = TokenService(settings)
    app.extensions["liangbu_runtime"] = runtime

    init_locale(app)
    init_problems(app)
    init_no_store(app)

    # Each blueprint with its guard: who may reach it at all. Which application a person may touch is
    # decided in backend by the one access rule, which answers 404 to anyone signed in who may not see it
    # (so the application blueprints admit every role and let the rule speak).
    register_guarded(app, auth, public)
    register_guarded(app, eligibility, public_with_preferences)
    register_guarded(app, applications, signed_in())
    register_guarded(app, materials, signed_in())
    register_guarded(app, prefill, signed_in())
    register_guarded(app, access, signed_in())
    register_guarded(app, assistance, signed_in(Role.ASSISTANT))
    register_guarded(app, me, signed_in(Role.PUBLIC, refusals=dict.fromkeys(
        ("me.give_consent", "me.claim", "me.decline"), "persons_own_step")))
    register_guarded(app, links, signed_in(Role.PUBLIC, Role.ASSISTANT, Role.REVIEWER))
    register_guarded(app, proofs, signed_in())
    register_guarded(app, consent_page, public)
    register_guarded(app, admin, signed_in(Role.ADMIN))
    register_guarded(app, notifications, signed_in())
    register_guarded(app, review_desk, signed_in())
    register_guarded(app, review_events, signed_by_review_system)
    register_guarded(app, conversations, signed_in())
    register_guarded(app, preferences_routes, signed_in())
    register_guarded(app, speech, public)  # the link's signature is the permission (routes/speech.py)
    register_guarded(app, official_account, signed_by_wechat)
    # What a person meets is said too, refusals included (issue 6 item 3: every error in three forms); the
    # review system's, reviewers' and administrators' are not (nobody listens there).
    for blueprint in (auth, eligibility, applications, materials, prefill, me, links, notifications,
                      preferences_routes, conversations):
        speak_problems(blueprint.name)

    # Served by us rather than flask-openapi3's UI blueprint: no Swagger assets in production, one path.
    app.add_url_rule("/api/v1/openapi.json", "openapi_json", lambda: jsonify(app.api_doc))

    @app.get("/healthz", summary="Liveness: the process answers and the database is reachable")
    def healthz():
        # For monitors, not people: {"status": "ok"}, or 503 {"status": "unavailable"} with the code a person's
        # request would be answered with, while the database cannot be reached (bounded by its timeouts).
        from sqlalchemy import text
        try:
            with runtime.database.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            if not outage.database_unavailable(error):
                raise
            log.warning("healthz: the database is unavailable: %s", type(error).__name__)
            response = jsonify(status="unavailable", code="database_unavailable")
            response.status_code = 503
            response.headers["Retry-After"] = str(outage.RETRY_AFTER_SECONDS)
            return response
        return jsonify(status="ok")

    return app


# Answers the same for everyone and free of personal data, which a cache may keep.
CACHEABLE_ENDPOINTS = frozenset({"openapi_json", "static"})


def init_no_store(app: OpenAPI) -> None:
    """Every answer says `Cache-Control: no-store` unless its route chose otherwise (a photo's `private, no-store`,
    the speech link's `private, max-age`): an application, its status, a conversation, the notifications, the desk
    carry names, masked numbers, disability and household, and a refusal says what exists. Without it a shared or
    browser cache (a phone's WebView, a proxy, the village office's PC) could keep and replay them to the next
    user (RFC 9111 5.2.2.5)."""

    @app.after_request
    def _no_store(response):
        if "Cache-Control" not in response.headers and request.endpoint not in CACHEABLE_ENDPOINTS:
            response.headers["Cache-Control"] = "no-store"
        return response


def warn_about_settings(settings: Settings) -> None:
    """Said loudly at start: settings that are right for a demo on this machine and wrong anywhere else."""
    if settings.dev_login:
        log.warning("DEV LOGIN IS ON (LIANGBU_DEV_LOGIN): POST /api/v1/auth/dev-login logs in as any demo account, "
                    "demo-reviewer included, who can reveal whole ID numbers. Never turn it on in production.")
        if settings.dev_login_public:
            log.warning("DEV LOGIN IS PUBLIC (LIANGBU_DEV_LOGIN_PUBLIC): anyone who can reach this server, not only "
                        "this machine, can log in as any demo account.")
    if settings.wechat_oa_token is not None and settings.wechat_oa_aes_key is None:
        log.warning("The official account is in plain mode (no LIANGBU_WECHAT_OA_AES_KEY): a message's signature does "
                    "not cover what it says. Use safe mode (安全模式) in production.")
