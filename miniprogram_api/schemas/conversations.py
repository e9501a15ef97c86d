"""Conversation, preference and speech requests and responses (DESIGN.md: a prompt names its field, with
`text`, `easy_read`, `audio_url` and `input`; an answer's response has `prompt` and `done`)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, StrictBool

from miniprogram_api.schemas.common import SpokenWords, Strict, Words, with_examples

LocaleName = Literal["zh_Hans_CN", "en", "zh_Hant_TW"]
ContactChannel = Literal["in_app", "wechat", "sms", "phone_call"]


class StartConversation(Strict):
    application_id: str | None = Field(
        None, max_length=64,
        description="Continue the conversation of this application (resumed where it stood), or start one for "
                    "it. Without it, the person's unfinished application (a draft, or one sent back for "
                    "correction) is continued, and the first words say so with its number; when there is none, a "
                    "new application is started by the conversation's first questions.")
    new: bool = Field(False, description="Start another application even though one is unfinished (a guardian "
                                         "applying for a second family member). Ignored with `application_id`.")

    model_config = with_examples(new_application={}, existing_application={"application_id": "3f2a9c0d..."})


class Answer(Strict):
    text: str = Field(min_length=1, max_length=2000,
                      description="The answer as typed or as speech recognition wrote it; commands too: 不知道, 跳过, "
                                  "上一步, 再说一遍, 帮助, 人工, 改第3项.")
    step: str | None = Field(None, max_length=64,
                             description="The `step` of the prompt answered. Send it: when the question was "
                                         "answered meanwhile on another device, this answer is not taken for the "
                                         "next question.")

    model_config = with_examples(name={"text": "我叫刘建国", "step": "applicant.name"}, grade={"text": "二级"},
                                 command={"text": "上一步"})


class ConversationPath(BaseModel):
    conversation_id: str = Field(max_length=64)


class Choice(BaseModel):
    answer: str = Field(description="The text to send as the answer when this choice is picked.")
    number: int
    text: str
    easy_read: str


class InputOut(BaseModel):
    type: str = Field(description="text, number, date, yes_no, choice, photo or none", examples=["text"])
    choices: list[Choice]
    inputmode: str = Field(description="HTML inputmode: text, numeric, tel, none", examples=["numeric"])
    autocomplete: str = Field(description="HTML autocomplete token: name, tel, street-address, off", examples=["name"])
    label: Words = Field(description="The accessible label of the input.")
    hints: list[SpokenWords]
    skippable: bool
    upload: dict | None = Field(None, description="For a photo: where to send it (multipart field `file`).")


class ProgressOut(BaseModel):
    step: int
    total: int
    text: str = Field(examples=["第3步，共9步。"])
    easy_read: str


class PromptOut(BaseModel):
    field: str | None = Field(examples=["applicant.id_number"])
    step: str
    mode: str = Field(description="ask, confirm, choose, read_back, photo, finished")
    text: str
    easy_read: str
    audio_url: str | None = Field(description="MP3 of the progress and the question (signed, expiring; no login "
                                              "needed, so WeChat's audio player can fetch it). Null when speech is off.")
    input: InputOut
    progress: ProgressOut | None
    display: dict = Field(description="The person's display preferences, for the client to honour.")


class SaidOut(BaseModel):
    text: str
    easy_read: str
    audio_url: str | None


class CorrectionOut(SaidOut):
    code: str | None = Field(examples=["id_wrong_length"])


class ConversationInfo(BaseModel):
    id: str
    application_id: str | None
    channel: str
    version: int
    created_at: datetime
    updated_at: datetime
    reference: str | None


class ConversationOut(BaseModel):
    conversation: ConversationInfo
    prompt: PromptOut
    said: SaidOut | None = Field(description="What was said before the question (saved, help, contacts, ...).")
    correction: CorrectionOut | None = Field(description="Why the answer could not be used, and what to do.")
    done: bool = Field(description="True once the application is submitted.")


class PreferencesBody(Strict):
    font_scale: float = Field(1.0, ge=1.0, le=3.0, description="Text size relative to normal (1.0-3.0).")
    care_mode: StrictBool = Field(False, description="WeChat's 关怀模式: larger text and targets, simpler screens.")
    high_contrast: StrictBool = False
    reduced_motion: StrictBool = False
    easy_read: StrictBool = Field(False, description="Show (and read aloud) the easy-read text first.")
    speech: StrictBool = Field(True, description="Prompts carry audio.")
    speech_rate: Literal["slow", "normal", "fast"] = Field(
        "normal", description="How fast the audio speaks: slow (about 70 %), normal, fast (about 130 %).")
    extended_time: StrictBool = Field(False, description="Nothing times out anyway; clients may show no countdowns at all.")
    locale: LocaleName | None = Field(None, description="Overrides Accept-Language when set.")
    preferred_contact: ContactChannel | None = None

    model_config = with_examples(large_text_and_speech={"font_scale": 2.0, "care_mode": True, "speech": True,
                                                         "easy_read": True})


class LinkCodeOut(BaseModel):
    code: str = Field(description="Six digits to send to the official account as “绑定 123456”.")
    expires_at: datetime
    expires_in: int
