"""The name a guardian, family member or entrusted person gives as their own when asking to link
(backend/representation/links.py, checked_requester_name): tidied as the application's names are, 2 to 30
characters, nothing invisible. Issue 8, item 4 (the applicant sees guardians by name)."""

from __future__ import annotations

import pytest

from backend.applications.fields import FieldProblem
from backend.representation.links import checked_requester_name


@pytest.mark.parametrize("given, kept", [
    ("刘小梅", "刘小梅"),
    ("  刘  小梅 ", "刘 小梅"),
    ("阿依古丽.买买提", "阿依古丽·买买提"),
    ("阿依古丽•买买提", "阿依古丽·买买提"),
    ("Li Ming", "Li Ming"),
    ("王" * 30, "王" * 30),
])
def test_a_name_is_kept_as_written_with_its_spaces_and_dots_tidied(given, kept):
    assert checked_requester_name(given) == kept


@pytest.mark.parametrize("given, code", [
    (None, "requester_name_needed"), ("", "requester_name_needed"), (" \t ", "requester_name_needed"),
    ("刘", "too_short"), ("王" * 31, "too_long"), ("刘\u202e梅", "bad_characters"), ("刘\x00梅", "bad_characters"),
])
def test_a_missing_short_long_or_invisible_name_is_refused_with_its_reason(given, code):
    with pytest.raises(FieldProblem) as refused:
        checked_requester_name(given)
    assert refused.value.code == code
