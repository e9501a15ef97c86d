"""Talking to the conversation over the JSON API as the mini program does, and checking that every
prompt is said in its three forms (standard text, easy-read text, speech that plays)."""

from __future__ import annotations

import io
import re
from typing import Any
from urllib.parse import urlsplit

import soundfile

from accessibility.speech import speakable_text
from backend.identity.synthetic import SyntheticPerson
from tests.support.flows import photo_bytes

MAX_TURNS = 60
# espeak-ng's Mandarin voice says about three characters a second (measured: 0.30 s a character).
SECONDS_PER_CHARACTER = (0.15, 0.5)


class Chat:
    def __init__(self, client, view: dict[str, Any]) -> None:
        self.client = client
        self.view = view
        self.views = [view]

    @classmethod
    def start(cls, client, **body: Any) -> Chat:
        response = client.post("/conversations", json=body)
        assert response.status_code in (200, 201), response.get_json()
        return cls(client, response.get_json())

    @property
    def id(self) -> str:
        return self.view["conversation"]["id"]

    @property
    def application_id(self) -> str | None:
        return self.view["conversation"]["application_id"]

    @property
    def prompt(self) -> dict[str, Any]:
        return self.view["prompt"]

    @property
    def step(self) -> str:
        return self.prompt["step"]

    @property
    def mode(self) -> str:
        return self.prompt["mode"]

    @property
    def said(self) -> str:
        return (self.view["said"] or {}).get("text", "")

    @property
    def correction(self) -> dict[str, Any] | None:
        return self.view["correction"]

    def say(self, text: str) -> dict[str, Any]:
        response = self.client.post(f"/conversations/{self.id}/answers", json={"text": text, "step": self.step})
        assert response.status_code == 200, response.get_json()
        return self._saw(response.get_json())

    def photo(self, kind: str, data: bytes | None = None) -> dict[str, Any]:
        response = self.client.client.post(
            f"/api/v1/conversations/{self.id}/photos",
            data={"file": (io.BytesIO(photo_bytes(kind) if data is None else data), f"{kind}.jpg"), "step": self.step},
            content_type="multipart/form-data", headers=self.client._headers(None))
        assert response.status_code == 200, response.get_json()
        return self._saw(response.get_json())

    def resume(self, client=None) -> dict[str, Any]:
        response = (client or self.client).get(f"/conversations/{self.id}")
        assert response.status_code == 200, response.get_json()
        return self._saw(response.get_json())

    def until(self, step: str, answers: dict[str, str]) -> None:
        """Answers every question before `step` from `answers` (photos for photo questions)."""
        for _ in range(MAX_TURNS):
            if self.step == step:
                return
            self.answer_current(answers)
        raise AssertionError(f"never reached {step}; at {self.step}")

    def answer_current(self, answers: dict[str, str]) -> dict[str, Any]:
        if self.prompt["input"]["type"] == "photo":
            return self.photo(self.prompt["field"])
        if self.mode in ("confirm", "read_back"):
            return self.say("对")
        key = self.step if self.step in answers else self.step.split(".")[0]
        assert key in answers, f"no answer for {self.step}: {self.prompt['text']}"
        return self.say(answers[key])

    def _saw(self, view: dict[str, Any]) -> dict[str, Any]:
        self.view = view
        self.views.append(view)
        return view


def answers_for(who: SyntheticPerson, **overrides: str) -> dict[str, str]:
    """The answers of a self-application for both subsidies in a 低保 household, said the many ways
    people say them."""
    answers = {
        "applying_as": "我自己申请",
        "subsidies": "两项都要",
        "consent": "同意",
        "applicant.name": f"我叫{who.name}",
        "applicant.id_number": " ".join([who.id_number[:6], who.id_number[6:14], who.id_number[14:]]),
        "applicant.hukou_region": "重庆市武隆区",
        "applicant.address": f"我住在{who.address}",
        "applied_from_region": "是",  # lives and applies where the hukou is
        "applicant.phone": who.phone,
        "certificate.category": "肢体",
        "certificate.grade": "二级",
        "certificate.issue_date": "2019年6月10日",
        "certificate.valid_until": "2029.6.10",
        "household.status": "低保户",
        "other_benefits": "没有",
        "policy_notice_acknowledged": "知道了",
        "summary": "提交",
    }
    answers.update(overrides)
    return answers


def complete(chat: Chat, answers: dict[str, str]) -> None:
    for _ in range(MAX_TURNS):
        if chat.view["done"]:
            return
        chat.answer_current(answers)
    raise AssertionError(f"not done after {MAX_TURNS} turns; at {chat.step}")


def audio_seconds(anonymous_client, url: str) -> float:
    """Fetches an audio_url as WeChat's player does (no Authorization header) and decodes the MP3."""
    parts = urlsplit(url)
    response = anonymous_client.get(parts.path, query_string=parts.query)
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "audio/mpeg"
    samples, rate = soundfile.read(io.BytesIO(response.data))
    return len(samples) / rate


def spoken_length(text: str, locale: str = "zh_Hans_CN") -> int:
    return len(re.findall(r"[\u4e00-\u9fff0-9A-Za-z]", speakable_text(text, locale)))


def assert_said_in_three_forms(anonymous_client, words: dict[str, Any], *, spoken: str, locale: str = "zh_Hans_CN") -> None:
    assert words["text"].strip() and words["easy_read"].strip()
    assert words["audio_url"], "speech is on: every prompt carries audio"
    assert "?" in words["audio_url"] and "expires=" in words["audio_url"] and "signature=" in words["audio_url"]
    seconds = audio_seconds(anonymous_client, words["audio_url"])
    characters = spoken_length(spoken, locale)
    low, high = SECONDS_PER_CHARACTER
    assert low * characters <= seconds <= high * characters + 0.5, (seconds, characters, spoken)


def assert_prompt_in_three_forms(anonymous_client, prompt: dict[str, Any], *, easy_read_first: bool = False) -> None:
    form = "easy_read" if easy_read_first else "text"
    spoken = (prompt["progress"][form] if prompt["progress"] else "") + prompt[form]
    assert_said_in_three_forms(anonymous_client, prompt, spoken=spoken)
    assert prompt["input"]["label"]["text"] and prompt["input"]["label"]["easy_read"]
    assert prompt["input"]["type"] in ("text", "number", "date", "yes_no", "choice", "photo", "none")


def chat_at(client, step: str, who: SyntheticPerson, **overrides: str) -> Chat:
    """A conversation answered up to `step` (speech should be off for speed)."""
    chat = Chat.start(client)
    chat.until(step, answers_for(who, **overrides))
    return chat
