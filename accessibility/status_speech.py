"""Speech for what is said outside a prompt (issue 6 item 3 and 4: every prompt, hint, error and status
message has its standard text, its easy-read text and speech): the status of an application, each of
its status messages, the in-app notifications, the problem documents of the conversation's
endpoints, the eligibility answers (self-check and application), the checklist of documents and the
pre-fill list of what the photos say. Each recording is in the form the person prefers (easy-read or
standard), made by the same cached speech service as a prompt's, behind a signed link (`audio_url`);
None when speech is off."""
from __future__ import annotations

from typing import Any

from accessibility.conversation.questions import question_for
from accessibility.conversation.voice import audio_url
from backend.accounts.preferences import Preferences
from backend.applications.fields import FIELDS
from backend.messages.catalog import Words, say
from backend.messages.describe import field_label
from backend.policy.presenter import yuan


def spoken_status(document: dict[str, Any], *, locale: str, preferences: Preferences) -> dict[str, Any] | None:
    """`{"text", "audio_url"}` for a status document (`backend.applications.status`), or None when the
    person has speech off."""
    if not preferences.speech:
        return None
    sentence = getattr(status_words(document, locale), _form(preferences))
    if not sentence:
        return None
    return {"text": sentence, "audio_url": audio_url(sentence, locale, preferences.speech_percent)}


def status_words(document: dict[str, Any], locale: str) -> Words:
    """Where an application stands, in both forms: its stage, what happens next and what the person must
    do (the status document's own words), each ending with a full stop, as the mini program says them.
    The chat answers "查进度" with them too."""
    return Words(*(_status_sentence(document, form, locale) for form in ("text", "easy_read")))


def _status_sentence(document: dict[str, Any], form: str, locale: str) -> str:
    parts = [part[form] for part in (document.get("stage_label"), document.get("next_step"),
                                     document.get("action_required")) if part and part.get(form)]
    # The next step often restates the stage ("民政局正在定" / "民政局正在定。12月10日前有结果。"): said once.
    kept = [part for n, part in enumerate(parts) if not any(_core(part) in later for later in parts[n + 1:])]
    stop = "。" if locale.startswith("zh") else "."
    return " ".join(part if part[-1] in "。！？.!?" else part + stop for part in kept)


def speak_status_messages(document: dict[str, Any], *, locale: str, preferences: Preferences) -> None:
    """Adds an `audio_url` to each status message of a status document: the stage, the next step, what
    the person must do, and every entry of the timeline."""
    for name in ("stage_label", "next_step", "action_required"):
        part = document.get(name)
        if isinstance(part, dict) and "text" in part:
            part["audio_url"] = spoken_words(part, locale=locale, preferences=preferences)
    for entry in document.get("timeline") or []:
        entry["audio_url"] = spoken_words(entry, locale=locale, preferences=preferences)


def spoken_words(words: dict[str, Any], *, locale: str, preferences: Preferences) -> str | None:
    """The `audio_url` of something said as `{"text", "easy_read"}`; None when speech is off."""
    if not preferences.speech:
        return None
    sentence = words.get(_form(preferences)) or words.get("text")
    return audio_url(sentence, locale, preferences.speech_percent) if sentence else None


def spoken_problem(problem: dict[str, Any], *, locale: str, preferences: Preferences) -> str | None:
    """The `audio_url` of a problem document (RFC 9457, `miniprogram_api/problems.py`): its detail and
    each field's own message, in the preferred form; None when speech is off."""
    if not preferences.speech:
        return None
    easy = preferences.easy_read
    sentences = [problem.get("detail_easy_read" if easy else "detail") or problem.get("detail")]
    for error in problem.get("errors") or []:
        if isinstance(error, dict):
            sentences.append(error.get("easy_read" if easy else "message") or error.get("message"))
    sentence = " ".join(s for s in sentences if isinstance(s, str) and s.strip())
    return audio_url(sentence, locale, preferences.speech_percent) if sentence else None


def speak_evaluation(document: dict[str, Any], *, locale: str, preferences: Preferences) -> dict[str, Any]:
    """Adds an `audio_url` to an eligibility answer (`backend.policy.presenter.evaluation_document`): each
    subsidy's verdict (its outcome and monthly amount, `verdict_words`, also written as the verdict's `said`), each
    of its reasons and what would change them, and each warning. Returns the document."""
    for subsidy, verdict in (document.get("subsidies") or {}).items():
        # Written too (`said`): a deaf reader of easy-read words had "可以领" and no amount, which only the audio said.
        verdict["said"] = verdict_words(subsidy, verdict, locale).as_dict()
        verdict["audio_url"] = spoken_words(verdict["said"], locale=locale, preferences=preferences)
        for reason in verdict.get("reasons") or []:
            _speak_reason(reason, locale, preferences)
    for warning in document.get("warnings") or []:
        _speak_reason(warning, locale, preferences)
    return document


def verdict_words(subsidy: str, verdict: dict[str, Any], locale: str) -> Words:
    """A subsidy's verdict in one sentence, with the monthly amount where there is one, as the conversation's
    summary says it ("重度残疾人护理补贴：符合条件，可以申请，每月90元。")."""
    name, outcome = say(f"subsidy.{subsidy}", locale), say(f"outcome.{verdict['outcome']}", locale)
    amount = yuan(verdict.get("monthly_amount"))
    if amount:
        return say("conversation.summary.eligibility", locale, subsidy=name, outcome=outcome, amount=amount)
    if verdict["outcome"] == "not_eligible":
        return say("eligibility.verdict_said", locale, subsidy=name, outcome=outcome)
    return say("conversation.summary.eligibility_no_amount", locale, subsidy=name, outcome=outcome)


def _speak_reason(reason: dict[str, Any], locale: str, preferences: Preferences) -> None:
    reason["audio_url"] = spoken_words(reason, locale=locale, preferences=preferences)
    if isinstance(reason.get("would_change"), dict):
        reason["would_change"]["audio_url"] = spoken_words(reason["would_change"], locale=locale,
                                                           preferences=preferences)


def speak_checklist(document: dict[str, Any], *, locale: str, preferences: Preferences) -> dict[str, Any]:
    """Adds an `audio_url` to why each item of an application's checklist is needed (its `why`, which names
    the documents: "证明身份：身份证正反面，或户口簿。"). Returns the document."""
    for item in document.get("items") or []:
        if isinstance(item.get("why"), dict):
            item["why"]["audio_url"] = spoken_words(item["why"], locale=locale, preferences=preferences)
    return document


def speak_prefill(document: dict[str, Any], *, locale: str, preferences: Preferences) -> dict[str, Any]:
    """Adds an `audio_url` to the pre-fill list (`{"proposals", "reads"}`): each proposal said as its field
    and the value the photo gives (`proposal_words`, also written as the proposal's `said`), a disagreement between
    photos, and each warning of a photo's reading. Returns the document."""
    for proposal in document.get("proposals") or []:
        # Written too (`said`): the value alone is a code to a reader ("value": 5 for 智力残疾, a date as 2019-06-10).
        proposal["said"] = proposal_words(proposal, locale).as_dict()
        proposal["audio_url"] = spoken_words(proposal["said"], locale=locale, preferences=preferences)
        if isinstance(proposal.get("disagreement"), dict):
            proposal["disagreement"]["audio_url"] = spoken_words(proposal["disagreement"], locale=locale,
                                                                 preferences=preferences)
    for read in document.get("reads") or []:
        for warning in read.get("warnings") or []:
            warning["audio_url"] = spoken_words(warning, locale=locale, preferences=preferences)
    return document


def proposal_words(proposal: dict[str, Any], locale: str) -> Words:
    """What a photo says a field is ("照片上读到的残疾等级：二级。"), and what it would replace."""
    field = field_label(proposal["field"], locale)
    value = _value_words(proposal["field"], proposal["value"], locale)
    if proposal.get("differs_from_current") and proposal.get("current_value") is not None:
        return say("prefill.proposal_said_differs", locale, field=field, value=value,
                   current=_value_words(proposal["field"], proposal["current_value"], locale))
    return say("prefill.proposal_said", locale, field=field, value=value)


def _value_words(path: str, value: Any, locale: str) -> Words:
    # A number the list masks (or shows whole, to whoever may reveal it) is said as it is shown: the speech
    # reads the shown digits one by one and says how many are hidden (accessibility/speech/speakable.py).
    # Any other value is said back as the conversation says it: a grade as 二级, a date as 2019年6月10日.
    spec = FIELDS.get(path)
    if spec is not None and spec.mask:
        return Words(str(value), str(value))
    return question_for(path).shown(value, locale)


def _form(preferences: Preferences) -> str:
    return "easy_read" if preferences.easy_read else "text"


def _core(words: str) -> str:
    return words.rstrip("。！？.!? ")
