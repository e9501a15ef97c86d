"""Values read from the photos, proposed for the applicant to confirm."""

from __future__ import annotations

from flask_openapi3 import APIBlueprint, Tag
from pydantic import Field

from accessibility.status_speech import speak_prefill
from backend.prefill import service
from miniprogram_api.guards import current_actor, current_preferences
from miniprogram_api.locale import request_locale
from miniprogram_api.render import render, render_application
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, ApplicationPath, Strict, with_examples
from miniprogram_api.schemas.prefill import PrefillAnswer

prefill = APIBlueprint("prefill", __name__, url_prefix="/api/v1",
                       abp_tags=[Tag(name="pre-fill", description="Fields read from document photos")],
                       abp_security=[{"bearer": []}])


class PrefillQuery(Strict):
    reveal: bool = Field(False, description="Show identifying numbers whole.")


class Accept(Strict):
    fields: list[str] = Field(default_factory=list, description="Accept the proposals for these field paths.")
    proposal_ids: list[str] = Field(default_factory=list, description="Accept these proposals (when photos disagree).")
    all: bool = Field(False, description="Accept every proposal that fills an empty field and agrees with the others.")

    model_config = with_examples(everything_safe={"all": True},
                                 some_fields={"fields": ["applicant.id_number", "certificate.number"]})


@prefill.get("/applications/<application_id>/prefill",
             summary="Values read from the photos, with their confidence and source photo, each said aloud "
                     "(`audio_url`)",
             responses={200: PrefillAnswer, **PROBLEM_RESPONSES})
def list_proposals(path: ApplicationPath, query: PrefillQuery):
    actor, locale = current_actor(), request_locale()
    return render(speak_prefill({
        "proposals": service.list_proposals(actor, path.application_id, reveal=query.reveal, locale=locale),
        "reads": service.document_reads(actor, path.application_id, locale=locale),
    }, locale=locale, preferences=current_preferences()))


@prefill.post("/applications/<application_id>/prefill",
              summary="Accept all or some proposals (nothing typed is overwritten without being named)",
              responses=PROBLEM_RESPONSES)
def accept(path: ApplicationPath, body: Accept):
    return render_application(service.accept_proposals(current_actor(), path.application_id, body.fields,
                                                       proposal_ids=body.proposal_ids, accept_all=body.all))
