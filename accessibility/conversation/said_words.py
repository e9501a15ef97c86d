"""What was said before the question (`Said`: a catalog key and its parameters) turned into words: a
field's own error message, the field and value it names said back, a date as a date, and for 人工 the
offices to call where the person's hukou is.

Its own module because what a turn said is data until here; the prompt only lays these words out
(`prompts.py`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accessibility.conversation.questions import question_for, shown_date
from accessibility.conversation.said import Said
from accessibility.conversation.words import benefits_words, lines, setup_words
from backend.messages.catalog import Words, registry, say
from backend.messages.describe import describe_field_error, field_label
from backend.policy.presenter import join, yuan
from backend.identity.place_names import office_name
from backend.policy.service import region_policy

if TYPE_CHECKING:
    from accessibility.conversation.turns import Turn


def said_words(turn: Turn, item: Said) -> Words | None:
    locale = turn.locale
    if item.field_error is not None:
        described = describe_field_error(item.field_error, locale)
        error = Words(described["message"], described["easy_read"])
        if item.key in ("conversation.refused", "conversation.problem"):
            return error
        return lines([say(item.key, locale), error])
    params = dict(item.params)
    key = item.key if item.key in registry() else params.pop("fallback", item.key)
    params.pop("fallback", None)
    if key == "conversation.human":
        return _human(turn)
    words: dict[str, Any] = {}
    for name, value in params.items():
        if name == "field":
            words[name] = field_label(value, locale, turn.situation.applying_as)
        elif name in ("kind", "detected"):
            words[name] = field_label(value, locale)
        elif name == "value" and "field" in params:
            words[name] = _value_words(params["field"], value, locale)
        elif name == "value" and key == "conversation.certificate_number_filled":
            words[name] = question_for("certificate.number").shown(value, locale)
        elif name == "date" and isinstance(value, str) and len(value) == 10:
            words[name] = shown_date(value, locale)
        elif name == "benefit":
            words[name] = say(f"benefit.{value}", locale)
        elif name == "amount":
            words[name] = Words(yuan(value) or str(value), yuan(value) or str(value))
        elif name == "warnings":
            words[name] = Words(" ".join(w["text"] for w in value), " ".join(w["easy_read"] for w in value))
        else:
            words[name] = value
    if key not in registry():
        return None
    return say(key, locale, **words)


def _value_words(path: str, value: Any, locale: str) -> Words:
    if path in ("subsidies", "applying_as"):
        return setup_words(path, value, locale)
    if path == "other_benefits":
        return benefits_words(value, locale)
    return question_for(path).shown(value, locale)


def _human(turn: Turn) -> Words:
    situation = turn.situation
    code = (situation.value("applicant.hukou_region")
            or (situation.value("applicant.hukou_region_suggestion") or {}).get("code") or "000000")
    contacts = region_policy(code, None, locale=turn.locale)["contacts"]
    if not contacts:
        return say("conversation.human.no_contacts", turn.locale)
    listed = join([say("conversation.human.contact", turn.locale,
                       office=office_name(c["office"], c.get("region_code"), turn.locale), phone=c["phone"])
                   for c in contacts], turn.locale, "list.clause_separator")
    return say("conversation.human", turn.locale, contacts=listed)
