"""Every action the code writes to the audit log reads right in the applicant's access log (issue 8, item 4:
"who has looked at and changed their application"): a look is never shown as a change."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from backend.applications.access import Purpose
from backend.audit.access_log import ACTION_FAMILIES, ACTION_VERBS, VERBS, verb_of

ROOT = Path(__file__).resolve().parents[3]
SOURCES = [ROOT / "backend", ROOT / "accessibility", ROOT / "miniprogram_api"]


# Functions that pass an action they were given on to audit.record: name -> position of the action.
RELAYS = {"_record_change": 3}


def recorded_actions() -> tuple[set[str], set[str]]:
    """The action names passed to `audit.record(actor, ACTION, ...)` anywhere in the code (directly or through
    a relay): exact names, and the literal beginnings of names built with an f-string."""
    exact, prefixes = set(), set()
    for source in SOURCES:
        for path in source.rglob("*.py"):
            tree = ast.parse(path.read_text(), filename=str(path))
            relays = {node for function in ast.walk(tree) if isinstance(function, ast.FunctionDef)
                      and function.name in RELAYS for node in ast.walk(function)}
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name))):
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                if name == "record" and isinstance(node.func, ast.Attribute) \
                        and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "audit":
                    position = 1
                elif name in RELAYS:
                    position = RELAYS[name]
                else:
                    continue
                if len(node.args) <= position:
                    continue
                action = node.args[position]
                if isinstance(action, ast.Constant) and isinstance(action.value, str):
                    exact.add(action.value)
                elif isinstance(action, ast.JoinedStr) and isinstance(action.values[0], ast.Constant):
                    prefixes.add(action.values[0].value)
                elif not (isinstance(action, ast.Name) and node in relays):
                    pytest.fail(f"{path}:{node.lineno}: an audit action that is not a (formatted) string literal")
    # The access rule's own record of each load (ApplicationRepository.get_for).
    exact |= {f"access.{purpose.value}" for purpose in Purpose}
    return exact, prefixes


def test_the_scan_finds_the_actions_we_know_are_recorded():
    exact, prefixes = recorded_actions()
    assert {"material.viewed", "material.added", "draft.saved", "numbers.revealed", "proof.viewed"} <= exact
    assert {"review.", "link.requested."} <= prefixes


def test_every_recorded_action_name_has_a_decided_verb():
    exact, prefixes = recorded_actions()
    undecided = sorted(name for name in exact if name not in ACTION_VERBS
                       and not any(name.startswith(family) for family in ACTION_FAMILIES))
    assert not undecided, f"decide how the access log reads these (backend/audit/access_log.py): {undecided}"
    families = sorted(prefix for prefix in prefixes if prefix not in ACTION_FAMILIES)
    assert not families, f"decide how the access log reads these families: {families}"
    assert {verb for verb in (*ACTION_VERBS.values(), *ACTION_FAMILIES.values()) if verb} <= set(VERBS)


@pytest.mark.parametrize("action, verb", [
    ("material.viewed", "view"), ("proof.viewed", "view"), ("access.view", "view"), ("access.view_files", "view"),
    ("access.view_status", "view"), ("access.view_access_log", "view"), ("application.listed_for_review", "view"),
    ("conversation.started", "view"),
    ("access.reveal", "reveal"), ("numbers.revealed", "reveal"),
    ("access.edit", "change"), ("draft.saved", "change"), ("prefill.accepted", "change"),
    ("material.added", "change"), ("material.replaced", "change"), ("material.deleted", "change"),
    ("material.withdrawn", "change"), ("application.created", "change"),
    ("access.submit", "submit"), ("application.submitted", "submit"),
    ("access.withdraw", "withdraw"), ("application.withdrawn", "withdraw"),
    ("access.review", "review"), ("review.accepted", "review"), ("review_event.approved", "review"),
    ("link.requested.family", "link"),
    ("link.confirmed.family", None), ("representation.revoked.guardian", None), ("code.failed", None),
])
def test_each_action_reads_as_what_was_done(action, verb):
    assert verb_of(action) == verb


def test_a_look_is_never_read_as_a_change():
    exact, _ = recorded_actions()
    looks = [name for name in exact if name.endswith(".viewed") or name.startswith("access.view")]
    assert looks and all(verb_of(name) == "view" for name in looks)
