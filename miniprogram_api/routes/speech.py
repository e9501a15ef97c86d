"""Audio of prompts and messages: MP3 behind signed, expiring links (no login: WeChat's audio player cannot
send our Authorization header; the link's signature is the permission, and the link names the audio by an
HMAC of its sentence, never the sentence)."""

from __future__ import annotations

from flask import Response, request
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field

from accessibility.conversation.voice import LinkRefused, linked_audio
from miniprogram_api.problems import ApiProblem
from miniprogram_api.schemas.common import PROBLEM_RESPONSES

speech = APIBlueprint("speech", __name__, url_prefix="/api/v1", abp_tags=[Tag(name="speech")])


class AudioPath(BaseModel):
    key: str = Field(max_length=64, pattern="^[0-9a-f]{64}$")
    extension: str = Field(max_length=4, pattern="^(mp3|wav)$")


class AudioQuery(BaseModel):
    expires: str = Field(max_length=16)
    signature: str = Field(max_length=64)


@speech.get("/speech/<key>.<extension>", summary="The audio an `audio_url` names (MP3)",
            responses={200: {"description": "audio/mpeg"}, **PROBLEM_RESPONSES})
def audio(path: AudioPath, query: AudioQuery):
    try:
        found = linked_audio(path.key, path.extension, query.expires, query.signature)
    except LinkRefused:
        raise ApiProblem(404, "audio_link_invalid") from None
    response = Response(found.data, mimetype=found.media_type)
    response.headers["Cache-Control"] = "private, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Audio-Duration"] = f"{found.duration_seconds:.2f}"
    # iOS players fetch audio in byte ranges and give up on a server that cannot answer them.
    return response.make_conditional(request, accept_ranges=True, complete_length=len(found.data))
