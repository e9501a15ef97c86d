"""Turning structured errors into words: one function for the API's problem documents, the
conversation's corrections and the status page's to-do list."""

from __future__ import annotations

from typing import Any

from backend.errors import FieldError
from backend.messages.catalog import Label, Words, join, registry, say


def field_label(path: str, locale: str, applying_as: str | None = None) -> Words:
    """A field's name in words. `applying_as` other than "self": said to the one applying for someone else, who
    is "您" while the applicant is "申请人" (field_texts.PROXY_LABELS), where the label differs. A `Label`: shown
    on its own as a heading, and fitted to its place when put into a sentence ("Please fill in the home address")."""
    if applying_as not in (None, "self") and f"field_for_proxy.{path}" in registry():
        return _label(say(f"field_for_proxy.{path}", locale))
    candidate = path
    while candidate:
        if f"field.{candidate}" in registry():
            return _label(say(f"field.{candidate}", locale))
        candidate = candidate.rpartition(".")[0]
    return Words(path, path)


def _label(words: Words) -> Label:
    return Label(words.text, words.easy_read)


# Where the words for a choice's code are (低保 for `dibao`, 村（居）委会 for `village_committee`): the codes of the
# vocabularies do not overlap, so the first family that knows a code names it.
_CHOICE_FAMILIES = ("household", "subsidy", "benefit", "role", "link.relation", "category", "grade", "field", "choice")


def choice_words(code: str, locale: str) -> Words:
    """A choice's code in words, or the code itself where no family names it."""
    for family in _CHOICE_FAMILIES:
        if f"{family}.{code}" in registry():
            return say(f"{family}.{code}", locale)
    return Words(code, code)


def describe_field_error(error: FieldError, locale: str) -> dict[str, Any]:
    key = f"field_error.{error.code}"
    params = {name: value for name, value in error.params.items() if isinstance(value, (str, int, float))}
    if isinstance(params.get("choices"), str):
        # People read the choices, not their codes ("只能选：dibao, dibao_marginal, none" was said aloud).
        params["choices"] = join([choice_words(code.strip(), locale)
                                  for code in params["choices"].split(",") if code.strip()], locale)
    if error.code == "not_a_choice" and params.get("choices"):
        key = "field_error.not_a_choice_listed"  # the same code, saying which choices there are
    if key not in registry():
        key = "field_error.invalid_value"
    words = say(key, locale, **params, field=field_label(error.path, locale))
    return {"field": error.path, "code": error.code, "message": words.text, "easy_read": words.easy_read}
