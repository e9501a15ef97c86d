"""Acting for someone else: assistants (consent, people helped, hand-over, declines), links for guardians,
family and entrusted persons, the person's own side (consent, claim, decline), the activation of staff accounts, and the
applicant's access log (their administration: routes/admin.py)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from flask_openapi3 import APIBlueprint, FileStorage, Tag
from pydantic import BaseModel, Field, field_validator

from accessibility.answers.text import compact, digits_read_out
from accessibility.status_speech import spoken_words
from backend.audit.access_log import access_log
from backend.representation import service
from miniprogram_api.guards import client_source, current_actor, current_preferences
from miniprogram_api.idempotency import idempotent
from miniprogram_api.locale import request_locale
from miniprogram_api.render import render
from miniprogram_api.schemas.applications import ProxyRelation, Subsidy
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, ApplicationPath, Problem, Strict, with_examples

RESPONSES = {**PROBLEM_RESPONSES, 403: Problem}
LIMITED = {**RESPONSES, 429: Problem}  # where wrong tries are limited (codes, link requests)
assistance = APIBlueprint("assistance", __name__, url_prefix="/api/v1/assistance",
                          abp_tags=[Tag(name="assistants", description="Village assistants helping in person")],
                          abp_security=[{"bearer": []}])
me = APIBlueprint("me", __name__, url_prefix="/api/v1/me",
                  abp_tags=[Tag(name="me", description="The signed-in person")], abp_security=[{"bearer": []}])
links = APIBlueprint("links", __name__, url_prefix="/api/v1",
                     abp_tags=[Tag(name="links", description="Guardians, family and entrusted persons")],
                     abp_security=[{"bearer": []}])
# Proof photos: every signed-in role may ask; the service decides (never an administrator), 404 otherwise.
proofs = APIBlueprint("proofs", __name__, url_prefix="/api/v1",
                      abp_tags=[Tag(name="links")], abp_security=[{"bearer": []}])
# The web address of an assistant's QR code (no login: it only describes; consent is given logged in).
consent_page = APIBlueprint("consent_page", __name__,
                            abp_tags=[Tag(name="assistants", description="Village assistants helping in person")])
access = APIBlueprint("access_log", __name__, url_prefix="/api/v1",
                      abp_tags=[Tag(name="applications")], abp_security=[{"bearer": []}])


class Code(Strict):
    code: str = Field(min_length=6, max_length=20, description="The code: 8 digits for consent, 12 for a hand-over or an activation (spaces allowed; full-width digits "
                                                                "and digits read out in Chinese, as voice input "
                                                                "writes them, too).")

    @field_validator("code", mode="before")
    @classmethod
    def _digits(cls, value: object) -> object:
        # "２００９ ８５５４" from a Chinese input method, "二零零九八五五四" from voice input: the same code.
        if isinstance(value, str):
            read = digits_read_out(compact(value))
            return read if read else value
        return value

    model_config = with_examples(code={"code": "1234 5678"})


class InPerson(BaseModel):
    name: str = Field(max_length=50)
    statement: str = Field(max_length=2000, description="The assistant's statement of how consent was given.")
    phone: str | None = None
    consent_photo: FileStorage = Field(description="A photo of the consent the person signed.")

    model_config = {"openapi_extra": {"examples": {"in_person": {"summary": "a man without a smartphone", "value": {
        "name": "刘建国", "statement": "本人向刘建国当面宣读了授权内容，他同意并按了手印。", "consent_photo": "(binary)"}}}}}


class PersonPath(BaseModel):
    person_id: str = Field(max_length=64)


class DeclineIn(Strict):
    subsidies: list[Subsidy] = Field(min_length=1)
    reason: str | None = Field(None, max_length=500)

    model_config = with_examples(both={"subsidies": ["living", "nursing"], "reason": "暂时不需要"})


class LinkRequest(Strict):
    application_reference: str = Field(max_length=32)
    applicant_id_number: str = Field(max_length=30)
    kind: Literal["guardian", "family", "entrusted"]
    relation: ProxyRelation | None = None
    scope: list[Literal["view", "edit", "submit"]] | None = None
    expires_on: dt.date | None = Field(None, description="Entrusted: the last day the authorisation is valid.")
    requester_name: str | None = Field(
        None, max_length=30, description="The asker's own name (2-30 characters), shown to the applicant before they "
                                         "confirm and in their access log. Needed for every link asked for now; "
                                         "links asked for before it existed have none.")

    model_config = with_examples(
        daughter={"application_reference": "LB20261125123456", "applicant_id_number": "500232195004123319",
                  "kind": "family", "relation": "child", "requester_name": "刘小梅"},
        entrusted={"application_reference": "LB20261125123456", "applicant_id_number": "500232195004123319",
                   "kind": "entrusted", "scope": ["view", "edit"], "expires_on": "2027-06-30",
                   "requester_name": "张桂英"})


class LinkPath(BaseModel):
    representation_id: str = Field(max_length=64)


class Proof(BaseModel):
    file: FileStorage

    model_config = {"openapi_extra": {"examples": {"proof": {"summary": "household register page",
                                                             "value": {"file": "(binary)"}}}}}


# --- assistants ------------------------------------------------------------------------------------------

@assistance.post("/consent-codes", summary="A code (and QR link) the person enters on their own WeChat to consent",
                 responses=RESPONSES)
def consent_code():
    from flask import request

    return render(service.assistance_consent_code(current_actor(), base_url=request.url_root), 201)


class ConsentQuery(Strict):
    code: str = Field(pattern=r"^[\d ]{8,9}$", description="The 8-digit code from the assistant's screen or QR code.")


@consent_page.get("/consent", summary="What the person agrees to with an assistant's consent code (the QR link): "
                                      "JSON, or a web page for a client that prefers text/html (a browser); "
                                      "wrong codes are limited per client address and in all (429)",
                  responses={**PROBLEM_RESPONSES, 429: Problem})
def consent_offer(query: ConsentQuery):
    """JSON for the mini program and API clients; a web page for a browser (miniprogram_api/consent_html.py).
    Both are the same look-up, so the limit on wrong codes (codes.peek) counts and refuses both alike."""
    from flask import request

    from backend.representation.assistance import consent_offer as describe
    from miniprogram_api.consent_html import offer_page, prefers_html

    offer = describe(query.code, locale=request_locale(), source=client_source())
    if prefers_html(request):
        return offer_page(offer, request_locale())
    return render(offer, headers={"Cache-Control": "no-store"})


@consent_page.after_request
def consent_problems_as_pages(response):
    """A problem (a code that is not valid, too many wrong looks, a broken link) is a page for a browser too,
    and every answer of this address says that it depends on Accept."""
    from flask import request

    from miniprogram_api.consent_html import prefers_html, problem_page

    if response.mimetype == "application/problem+json" and prefers_html(request):
        response = problem_page(response, request_locale())
    response.vary.add("Accept")
    return response


@assistance.post("/people", summary="Register a person without a smartphone, with their consent recorded in person",
                 responses=RESPONSES)
def register_person(form: InPerson):
    return render(service.register_person_without_phone(
        current_actor(), name=form.name, statement=form.statement, phone=form.phone,
        consent_photo=form.consent_photo.read()), 201)


@assistance.get("/people", summary="The people I help: what each still lacks, every deadline", responses=RESPONSES)
def people():
    return render({"people": service.people_helped(current_actor(), locale=request_locale())})


@assistance.post("/people/<person_id>/handover-code",
                 summary="A code for the person to take over on their own WeChat", responses=RESPONSES)
def handover(path: PersonPath):
    return render(service.handover_code(current_actor(), path.person_id), 201)


@assistance.post("/people/<person_id>/declines", summary="Record that the person decided not to apply",
                 responses=RESPONSES)
def decline_for(path: PersonPath, body: DeclineIn):
    return render(service.record_decline(current_actor(), subsidies=list(body.subsidies), reason=body.reason,
                                         person_user_id=path.person_id), 201)


# --- the person --------------------------------------------------------------------------------------------

@me.post("/assistance-consent", summary="Agree that the assistant who showed me this code may help me",
         responses=LIMITED)
def give_consent(body: Code):
    return render(service.give_assistance_consent(current_actor(), body.code), 201)


@me.post("/claim", summary="Take over the account an assistant made for me (send an Idempotency-Key: a retry "
                          "whose first answer was lost gets that answer, not a used-up code)", responses=LIMITED)
@idempotent
def claim(body: Code):
    """Each application already in the account is told of (also in `GET /notifications`), with its `audio_url`
    (null when the person has speech off), and so is the whole (`message`)."""
    claimed = service.claim_account(current_actor(), body.code, locale=request_locale())
    preferences, locale = current_preferences(), request_locale()
    for said in (claimed["message"], *claimed["applications"]):
        said["audio_url"] = spoken_words(said, locale=locale, preferences=preferences)
    return render(claimed)


@me.post("/activate", summary="Bind my WeChat to the staff account an administrator made for me",
         responses=LIMITED)
def activate(body: Code):
    return render(service.activate_staff_account(current_actor(), body.code))


@me.post("/declines", summary="Say I do not want to apply (taken back by applying)", responses=RESPONSES)
def decline(body: DeclineIn):
    return render(service.record_decline(current_actor(), subsidies=list(body.subsidies), reason=body.reason), 201)


@me.get("/declines", summary="My recorded decisions not to apply", responses=RESPONSES)
def declines():
    return render({"declines": service.declines_of(current_actor())})


@me.get("/representations", summary="Who may act for me, and for whom I may act", responses=RESPONSES)
def representations():
    return render(service.my_representations(current_actor(), locale=request_locale()))


# --- links ---------------------------------------------------------------------------------------------------

@links.post("/links", summary="Ask to act for (or follow) an applicant: pending until confirmed, with proof; "
                              "wrong tries are limited per account, per reference and in all (429)",
            responses=LIMITED)
def request_link(body: LinkRequest):
    return render(service.request_link(
        current_actor(), reference=body.application_reference, applicant_id_number=body.applicant_id_number,
        kind=body.kind, relation=body.relation, scope=body.scope, expires_on=body.expires_on,
        requester_name=body.requester_name), 201)


@links.post("/links/<representation_id>/proof", summary="Attach the proof of the relation or authorisation",
            responses={**RESPONSES, 413: Problem})
def link_proof(path: LinkPath, form: Proof):
    return render(service.attach_proof(current_actor(), path.representation_id, form.file.read()))


@links.post("/links/<representation_id>/confirm",
            summary="Confirm a link (the applicant, an assistant who helps them, or a reviewer of the county)",
            responses=RESPONSES)
def confirm(path: LinkPath):
    return render(service.confirm_link(current_actor(), path.representation_id))


@links.post("/representations/<representation_id>/revoke",
            summary="End a link or an assistance grant (the applicant, or the representative for themselves)",
            responses=RESPONSES)
def revoke(path: LinkPath):
    return render(service.revoke(current_actor(), path.representation_id))


class ProofQuery(Strict):
    variant: Literal["full", "thumbnail"] = "full"


@proofs.get("/representations/<representation_id>/proof",
            summary="The proof photo of a link or an assistance grant (relation proof, authorisation letter, "
                    "consent signed in person): the applicant, who uploaded it, a reviewer of the county",
            responses={200: {"description": "JPEG"}, **RESPONSES})
def proof(path: LinkPath, query: ProofQuery):
    from flask import Response

    from backend.representation.proofs import proof_file

    content = proof_file(current_actor(), path.representation_id, thumbnail=query.variant == "thumbnail")
    response = Response(content.data, mimetype=content.media_type)
    # Served like a material's photo: an ASCII name we made, never sniffed, never cached, never scripted.
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = f'inline; filename="{content.filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@access.get("/applications/<application_id>/access-log",
            summary="Who has looked at and changed this application (reviewers by role, not by name)",
            responses=RESPONSES)
def application_access_log(path: ApplicationPath):
    return render({"entries": access_log(current_actor(), path.application_id, locale=request_locale())})


class Subscriptions(Strict):
    accepted: list[str] = Field(default_factory=list, description="Template ids the person allowed")
    rejected: list[str] = Field(default_factory=list, description="Template ids the person refused")

    model_config = with_examples(allowed={"accepted": ["tmpl-status-update"], "rejected": []})


@me.post("/subscriptions", summary="What the person allowed in wx.requestSubscribeMessage", responses=RESPONSES)
def subscriptions(body: Subscriptions):
    from backend.notifications.wechat import record_subscription
    return render({"subscriptions": record_subscription(current_actor().user_id, accepted=body.accepted,
                                                        rejected=body.rejected)})
