"""Applications: create, list, read, save (autosave with If-Match), submit, withdraw, status."""

from __future__ import annotations

import re

from flask import request
from flask_openapi3 import APIBlueprint, Tag

from accessibility.status_speech import (
    speak_checklist, speak_evaluation, speak_status_messages, spoken_status, spoken_words,
)
from backend.applications import service, status
from backend.applications.access import Purpose
from backend.applications.service import DraftChanges
from backend.policy import service as policy_service
from miniprogram_api.guards import current_actor, current_preferences
from miniprogram_api.idempotency import idempotent, still_may
from miniprogram_api.locale import request_locale
from miniprogram_api.problems import ApiProblem
from miniprogram_api.render import render, render_application
from miniprogram_api.schemas.applications import (
    ApplicationList, ApplicationOut, CreateApplication, RevealQuery, SaveDraft, StatusOut, WithdrawnOut,
)
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, ApplicationPath
from miniprogram_api.schemas.eligibility import ApplicationEligibilityAnswer, ChecklistOut

applications = APIBlueprint(
    "applications", __name__, url_prefix="/api/v1",
    abp_tags=[Tag(name="applications", description="The applicant's applications")],
    abp_security=[{"bearer": []}],
)


def _changes(body: SaveDraft | CreateApplication, *, with_choices: bool) -> DraftChanges:
    return DraftChanges(
        values=body.changed_values(),
        subsidies=getattr(body, "subsidies", None) if with_choices else None,
        applying_as=getattr(body, "applying_as", None) if with_choices else None,
        consents=list(body.consents),
        applied_from_region=body.applied_from_region if with_choices else None,
        sets_applied_from=with_choices and "applied_from_region" in body.model_fields_set,
    )


def if_match_version() -> int | None:
    """The version named in If-Match ("3", W/"3" or 3); `*` means whatever is current."""
    header = request.headers.get("If-Match")
    if header is None:
        return None
    header = header.strip()
    if header == "*":
        return -1
    match = re.fullmatch(r'(?:W/)?"?(\d{1,9})"?', header)
    if not match:
        raise ApiProblem(400, "if_match_invalid")
    return int(match.group(1))


@applications.post("/applications", summary="Start an application (a draft); send an Idempotency-Key: a retried "
                                             "start makes one draft",
                   responses={201: ApplicationOut, **PROBLEM_RESPONSES})
@idempotent
def create_application(body: CreateApplication):
    document = service.create_application(
        current_actor(), subsidies=list(body.subsidies), applying_as=body.applying_as, channel="miniprogram",
        changes=_changes(body, with_choices=False), applied_from_region=body.applied_from_region,
        applicant_user_id=body.applicant_id)
    response = render_application(document, 201)
    response.headers["Location"] = f"/api/v1/applications/{document['id']}"
    return response


@applications.get("/applications", summary="The applications the caller may see",
                  responses={200: ApplicationList, **PROBLEM_RESPONSES})
def list_applications():
    return render({"applications": service.list_applications(current_actor())})


@applications.get("/applications/<application_id>", summary="Read an application",
                  responses={200: ApplicationOut, **PROBLEM_RESPONSES})
def get_application(path: ApplicationPath, query: RevealQuery):
    return render_application(service.get_application(current_actor(), path.application_id, reveal=query.reveal))


@applications.patch("/applications/<application_id>",
                    summary="Save any subset of fields (autosave); If-Match with the current version is required",
                    description="A stale If-Match gets 412 with the current version in the ETag; nothing is "
                                "overwritten. Fields not sent are left as they are; null clears a field. With an "
                                "Idempotency-Key, a retried save whose answer was lost gets that answer again "
                                "rather than 412 for its own change.",
                    responses={200: ApplicationOut, **PROBLEM_RESPONSES})
@idempotent
def save_draft(path: ApplicationPath, body: SaveDraft):
    expected = if_match_version()
    actor = current_actor()
    if expected == -1:
        expected = service.get_application(actor, path.application_id)["version"]
    document = service.save_draft(actor, path.application_id, _changes(body, with_choices=True),
                                  expected_version=expected)
    return render_application(document)


@applications.post("/applications/<application_id>/submit",
                   summary="Submit (send an Idempotency-Key: a retried submit is answered once)",
                   description="Validates everything and answers with every missing or invalid item at once.",
                   responses={200: ApplicationOut, **PROBLEM_RESPONSES})
@idempotent(replay_if=still_may(Purpose.SUBMIT))
def submit_application(path: ApplicationPath):
    return render_application(service.submit_application(current_actor(), path.application_id,
                                                         locale=request_locale()))


@applications.post("/applications/<application_id>/withdraw", summary="Withdraw before review starts",
                   description="Answers with the application and a `message`: that it is withdrawn, that nothing "
                               "more happens with it, and how to apply again. The applicant and whoever follows the "
                               "application are notified.",
                   responses={200: WithdrawnOut, **PROBLEM_RESPONSES})
def withdraw_application(path: ApplicationPath):
    locale = request_locale()
    document = service.withdraw_application(current_actor(), path.application_id, locale=locale)
    document["message"]["audio_url"] = spoken_words(document["message"], locale=locale,
                                                    preferences=current_preferences())
    return render_application(document)


@applications.get("/applications/<application_id>/eligibility",
                  summary="Eligibility of this application: outcome, amount, start month and reasons per subsidy, "
                          "each said aloud (`audio_url`)",
                  responses={200: ApplicationEligibilityAnswer, **PROBLEM_RESPONSES})
def application_eligibility(path: ApplicationPath):
    locale = request_locale()
    return render(speak_evaluation(policy_service.application_eligibility(current_actor(), path.application_id,
                                                                          locale=locale),
                                   locale=locale, preferences=current_preferences()))


@applications.get("/applications/<application_id>/checklist",
                  summary="The materials and confirmations this applicant needs, and which are still missing; why "
                          "each is needed is said aloud (`audio_url`)",
                  responses={200: ChecklistOut, **PROBLEM_RESPONSES})
def application_checklist(path: ApplicationPath):
    locale = request_locale()
    return render(speak_checklist(policy_service.application_checklist(current_actor(), path.application_id,
                                                                       locale=locale),
                                  locale=locale, preferences=current_preferences()))


@applications.get("/applications/<application_id>/status",
                  summary="Where the application stands: stage, timeline, deadlines, next step",
                  responses={200: StatusOut, **PROBLEM_RESPONSES})
def application_status(path: ApplicationPath):
    actor = current_actor()
    document = status.application_status(actor, path.application_id, locale=request_locale())
    preferences = current_preferences()
    speak_status_messages(document, locale=request_locale(), preferences=preferences)
    document["speech"] = spoken_status(document, locale=request_locale(), preferences=preferences)
    return render(document)
