"""The conversation's words: a specific correction for every code the answer parsers return, a follow-up
for every ambiguity, both forms of every sentence, easy-read forms short, and every placeholder filled."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import accessibility.messages  # noqa: F401
from backend.messages.catalog import registry, say

ROOT = Path(__file__).resolve().parents[2]
PARSERS = [*sorted((ROOT / "accessibility" / "answers").glob("*.py")),
           *(ROOT / "accessibility" / "conversation" / name for name in ("questions.py", "choices.py"))]
KINDS = ("id", "certificate", "phone")


def parser_codes() -> tuple[set[str], set[str]]:
    not_understood: set[str] = set()
    ambiguous: set[str] = set()
    for path in PARSERS:
        source = path.read_text(encoding="utf-8")
        not_understood |= set(re.findall(r'NotUnderstood\(\s*"([a-z_]+)"', source))
        for template in re.findall(r'NotUnderstood\(\s*f"\{kind\}_([a-z_]+)"', source):
            not_understood |= {f"{kind}_{template}" for kind in KINDS}
        ambiguous |= set(re.findall(r'\bcode="([a-z_]+)"', source))  # only Ambiguous takes its code by name
    return not_understood, ambiguous


def test_every_code_the_parsers_return_has_its_own_correction():
    not_understood, _ = parser_codes()
    assert len(not_understood) > 30
    missing = sorted(code for code in not_understood if f"conversation.not_understood.{code}" not in registry())
    assert missing == []


def test_every_ambiguity_has_its_own_follow_up_question():
    _, ambiguous = parser_codes()
    assert {"severity_word", "two_digit_year_century", "several_counties"} <= ambiguous
    missing = sorted(code for code in ambiguous if f"conversation.choose.{code}" not in registry())
    assert missing == []


def test_every_conversation_sentence_has_both_forms_and_short_easy_read_sentences():
    too_long = []
    for key, message in registry().items():
        if not key.startswith("conversation."):
            continue
        assert message.standard.strip() and message.easy_read.strip(), key
        for sentence in re.split(r"[。！？]", re.sub(r"\{[a-z_]+\}", "", message.easy_read)):
            if len(sentence.strip()) > 24:
                too_long.append((key, sentence))
    assert too_long == []


def test_both_forms_use_only_placeholders_the_code_fills():
    for key, message in registry().items():
        if key.startswith("conversation."):
            names = {n for _, n, _, _ in string.Formatter().parse(message.easy_read) if n}
            standard = {n for _, n, _, _ in string.Formatter().parse(message.standard) if n}
            assert names <= standard, key


@pytest.mark.parametrize("locale, words", [
    ("zh_Hans_CN", ("冻结", "注销", "特困")),
    ("zh_Hant_TW", ("凍結", "註銷", "特困")),
    ("en", ("frozen", "cancelled", "destitute")),
])
def test_the_policy_notice_confirmed_before_submitting_names_a_frozen_or_cancelled_certificate_and_destitute_support(
        locale, words):
    # Seed 004 附件1 四: 残疾人证冻结、残疾人证注销 ... 应于次月停止发放补贴; seed 004 政策告知书 注: 纳入特困供养保障
    # 的残疾人不享受两项补贴. Changes the person promises to report (seed 003 item 四: 应主动告知), in both forms.
    notice = say("conversation.ask.policy_notice", locale)
    for form in (notice.text, notice.easy_read):
        assert all(word in form.lower() for word in words), form
