"""Applying by conversation: start (or resume for an application), read (resume on any device), answer in
words, answer with a photo. Each answer's response is the next prompt."""

from __future__ import annotations

from flask_openapi3 import APIBlueprint, FileStorage, Tag
from pydantic import BaseModel, Field

from accessibility import conversation
from miniprogram_api.guards import current_actor, current_preferences
from miniprogram_api.idempotency import idempotent, still_in_conversation
from miniprogram_api.locale import request_locale
from miniprogram_api.render import render
from miniprogram_api.schemas.common import PROBLEM_RESPONSES, Problem
from miniprogram_api.schemas.conversations import Answer, ConversationOut, ConversationPath, StartConversation

conversations = APIBlueprint(
    "conversations", __name__, url_prefix="/api/v1",
    abp_tags=[Tag(name="conversations", description="Apply one question at a time")],
    abp_security=[{"bearer": []}],
)




class Photo(BaseModel):
    file: FileStorage = Field(description="A photo of the material the prompt asks for (JPEG, PNG, HEIC or WebP).")
    step: str | None = Field(None, max_length=64, description="The `step` of the prompt answered.")

    model_config = {"openapi_extra": {"examples": {"id_card_photo": {
        "summary": "the photo a prompt of type photo asks for",
        "value": {"file": "(binary)", "step": "material.id_card_front"}}}}}


@conversations.post("/conversations", summary="Start a conversation (or resume the one of an application)",
                    responses={201: ConversationOut, 200: ConversationOut, **PROBLEM_RESPONSES})
def start(body: StartConversation):
    view, created = conversation.start_conversation(current_actor(), application_id=body.application_id,
                                                    locale=request_locale(), preferences=current_preferences(),
                                                    new=body.new)
    response = render(view, 201 if created else 200)
    response.headers["Location"] = f"/api/v1/conversations/{view['conversation']['id']}"
    return response


@conversations.get("/conversations/<conversation_id>", summary="Resume: the question the conversation is at",
                   responses={200: ConversationOut, **PROBLEM_RESPONSES})
def resume(path: ConversationPath):
    return render(conversation.get_conversation(current_actor(), path.conversation_id, locale=request_locale(), preferences=current_preferences()))


@conversations.post("/conversations/<conversation_id>/answers", summary="Answer the question (or say a command; send an "
                                                                "Idempotency-Key: a retried answer is taken once)",
                    responses={200: ConversationOut, **PROBLEM_RESPONSES})
@idempotent
def answer(path: ConversationPath, body: Answer):
    return render(conversation.answer_conversation(current_actor(), path.conversation_id, body.text,
                                                   locale=request_locale(), answering=body.step,
                                                   preferences=current_preferences()))


@conversations.post("/conversations/<conversation_id>/photos",
                    summary="Answer a photo question (send an Idempotency-Key: a retried upload stores one photo)",
                    responses={200: ConversationOut, 413: Problem, **PROBLEM_RESPONSES})
@idempotent(replay_if=still_in_conversation)
def photo(path: ConversationPath, form: Photo):
    return render(conversation.send_photo(current_actor(), path.conversation_id, form.file.read(),
                                          locale=request_locale(), answering=form.step,
                                          preferences=current_preferences()))
