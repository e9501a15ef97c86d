"""Asking for a link is no oracle for ID numbers or references (security audit: all 1,000 sequence numbers of an
ID number were once tried in 3.7 s, and the 201 told the full number and the applicant's name). Wrong reference/ID
pairs are limited per asking account, per reference and in all (backend/representation/links.py), counted from
the audit log so the counts survive a restart; a wrong pair is answered alike whether the reference exists or not;
the applicant's name is shown to the one asking only once the link is confirmed. Issue 8, item 1 (the family links
with "the application's number and the applicant's ID number")."""

from __future__ import annotations

import io

from backend.identity.id_numbers import check_character
from backend.representation import links as link_rules
from tests.conftest import login
from tests.miniprogram_api.linking import FATHER, father  # noqa: F401  (a fixture)
from tests.support.accounts import logged_in



def with_sequence(id_number: str, sequence: int) -> str:
    """The same birth date and region, another sequence number (what a guesser iterates), a valid check digit."""
    first17 = id_number[:14] + f"{sequence:03d}"
    return first17 + check_character(first17)


def wrong_numbers(count: int) -> list[str]:
    return [number for number in (with_sequence(FATHER.id_number, sequence) for sequence in range(1, 999))
            if number != FATHER.id_number][:count]


def ask(client, reference: str, id_number: str, **headers):
    return client.post("/links", json={"application_reference": reference, "applicant_id_number": id_number,
                                       "kind": "family", "relation": "child", "requester_name": "刘小梅"},
                       headers=headers or None)


def test_a_guesser_is_stopped_after_five_wrong_pairs_even_before_the_right_one(app, father):
    guesser = logged_in(app, "guesser")
    for number in wrong_numbers(link_rules.MAX_FAILURES_PER_ACCOUNT):
        assert ask(guesser, father["reference"], number).status_code == 404
    refused = ask(guesser, father["reference"], FATHER.id_number)  # the right pair, now
    assert refused.status_code == 429
    problem = refused.get_json()
    assert problem["code"] == "too_many_link_attempts" and problem["status"] == 429
    assert problem["type"] == "urn:liangbu:problem:too_many_link_attempts"
    assert "name" not in refused.get_data(as_text=True) and FATHER.name not in refused.get_data(as_text=True)
    # It says when to try again: in the header, in the body, in words.
    assert refused.headers["Retry-After"] == str(problem["retry_after_seconds"])
    assert 59 * 60 < problem["retry_after_seconds"] <= 3600
    assert problem["try_again_at"].startswith("2026-11-25T03:")
    assert "请1小时后再试" in problem["detail"] and "请1小时后再试" in problem["detail_easy_read"]


def test_the_refusal_speaks_the_persons_language(app, father):
    guesser = logged_in(app, "guesser")
    for number in wrong_numbers(link_rules.MAX_FAILURES_PER_ACCOUNT):
        ask(guesser, father["reference"], number)
    english = ask(guesser, father["reference"], FATHER.id_number, **{"Accept-Language": "en"}).get_json()
    assert english["title"] == "Please try again later"
    assert "try again in 1 hour." in english["detail"] and "village assistant" in english["detail"]


def test_after_an_hour_the_account_may_try_again(app, clock, father):
    guesser = logged_in(app, "guesser")
    for number in wrong_numbers(link_rules.MAX_FAILURES_PER_ACCOUNT):
        ask(guesser, father["reference"], number)
    assert ask(guesser, father["reference"], FATHER.id_number).status_code == 429
    clock.advance(minutes=61)
    guesser = login(app, "guesser")  # a new access token: the old one lived 15 minutes
    assert ask(guesser, father["reference"], FATHER.id_number).status_code == 201


def test_the_counts_survive_a_restart(app, runtime, father):
    from miniprogram_api.app import create_app
    from tests.conftest import login

    guesser = logged_in(app, "guesser")
    for number in wrong_numbers(link_rules.MAX_FAILURES_PER_ACCOUNT):
        ask(guesser, father["reference"], number)
    restarted = create_app(runtime=runtime)  # a new process: nothing in memory, only the audit log
    again = login(restarted, "guesser")
    assert ask(again, father["reference"], FATHER.id_number).status_code == 429


def test_one_reference_takes_ten_wrong_numbers_a_day_from_everyone_together(app, clock, father):
    numbers = iter(wrong_numbers(link_rules.MAX_FAILURES_PER_REFERENCE))
    for round_ in range(link_rules.MAX_FAILURES_PER_REFERENCE // 2):  # two tries per account: under its own limit
        helper = logged_in(app, f"helper-{round_}")
        assert ask(helper, father["reference"], next(numbers)).status_code == 404
        assert ask(helper, father["reference"], next(numbers)).status_code == 404
    daughter = logged_in(app, "daughter", name="刘小梅")
    refused = ask(daughter, father["reference"], FATHER.id_number)  # a fresh account, the right number
    assert refused.status_code == 429 and refused.get_json()["code"] == "too_many_link_attempts"
    assert refused.get_json()["retry_after_seconds"] > 23 * 3600
    # Written another way (lower case, spaces), it is the same reference.
    assert ask(daughter, " " + father["reference"].lower()[:8] + " " + father["reference"][8:],
               FATHER.id_number).status_code == 429
    clock.advance(hours=23)
    assert ask(login(app, "daughter"), father["reference"], FATHER.id_number).status_code == 429
    clock.advance(hours=1, minutes=1)
    assert ask(login(app, "daughter"), father["reference"], FATHER.id_number).status_code == 201


def test_other_references_are_not_held_up_by_one_that_is_attacked(app, father):
    for round_ in range(link_rules.MAX_FAILURES_PER_REFERENCE // 2):
        helper = logged_in(app, f"helper-{round_}")
        for _ in range(2):
            ask(helper, "LB20261125000000", FATHER.id_number)
    daughter = logged_in(app, "daughter")
    assert ask(daughter, father["reference"], FATHER.id_number).status_code == 201


def test_past_the_ceiling_for_everyone_nobody_may_try_for_the_rest_of_the_hour(app, clock, father, monkeypatch):
    monkeypatch.setattr(link_rules, "MAX_FAILURES_PER_HOUR", 4)
    for index in range(4):  # four accounts, each one wrong pair, each for another made-up reference
        assert ask(logged_in(app, f"bot-{index}"), f"LB20261125{index:06d}", FATHER.id_number).status_code == 404
    daughter = logged_in(app, "daughter")
    refused = ask(daughter, father["reference"], FATHER.id_number)
    assert refused.status_code == 429 and refused.get_json()["code"] == "too_many_link_attempts"
    clock.advance(minutes=61)
    assert ask(login(app, "daughter"), father["reference"], FATHER.id_number).status_code == 201


def test_a_wrong_pair_is_answered_alike_whether_the_reference_exists_or_not(app, father):
    guesser = logged_in(app, "guesser")
    existing = ask(guesser, father["reference"], wrong_numbers(1)[0])
    made_up = ask(guesser, "LB20261125999999", wrong_numbers(1)[0])
    assert existing.status_code == made_up.status_code == 404
    assert existing.get_json() == made_up.get_json()
    assert existing.get_json()["code"] == "link_target_not_found"
    assert set(existing.headers.keys()) == set(made_up.headers.keys())


def test_both_kinds_of_wrong_pair_count_alike(app, father):
    guesser = logged_in(app, "guesser")
    for index in range(link_rules.MAX_FAILURES_PER_ACCOUNT - 1):
        ask(guesser, f"LB20261125{index:06d}", FATHER.id_number)  # made-up references
    assert ask(guesser, father["reference"], wrong_numbers(1)[0]).status_code == 404  # an existing one
    assert ask(guesser, "LB20261125999999", FATHER.id_number).status_code == 429


def test_a_pending_link_does_not_name_the_applicant_until_he_confirms(app, father):
    daughter = logged_in(app, "daughter", name="刘小梅")
    asked = ask(daughter, father["reference"], FATHER.id_number)
    assert asked.status_code == 201
    pending = asked.get_json()
    assert pending["status"] == "pending" and pending["applicant"]["name"] is None
    assert FATHER.name not in asked.get_data(as_text=True)
    assert daughter.get("/me/representations").get_json()["i_act_for"][0]["applicant"]["name"] is None
    # Asking again for the same link answers the same pending link, still without the name.
    assert ask(daughter, father["reference"], FATHER.id_number).get_json()["applicant"]["name"] is None
    # The applicant sees who asks (to decide), and confirms once the proof is there.
    from tests.miniprogram_api.test_acting_for_others import multipart
    from tests.support.flows import photo_bytes

    assert multipart(daughter, f"/links/{pending['id']}/proof",
                     {"file": (io.BytesIO(photo_bytes("proof")), "p.jpg")}).status_code == 200
    seen_by_him = father["client"].get("/me/representations").get_json()["acting_for_me"][0]
    assert seen_by_him["representative"]["name"] == "刘小梅"
    assert father["client"].post(f"/links/{pending['id']}/confirm").status_code == 200
    confirmed = daughter.get("/me/representations").get_json()["i_act_for"][0]
    assert (confirmed["status"], confirmed["applicant"]["name"]) == ("active", FATHER.name)


def test_wrong_pairs_are_audited_but_never_shown_in_the_applicants_access_log(app, runtime, father):
    from sqlalchemy import select

    from backend.audit.models import AuditEntry
    from backend.unit_of_work import unit_of_work

    guesser = logged_in(app, "guesser")
    ask(guesser, father["reference"], wrong_numbers(1)[0])
    with unit_of_work() as uow:
        failed = [(entry.actor_user_id, entry.application_id, entry.action)
                  for entry in uow.session.scalars(select(AuditEntry)) if entry.action.startswith("link.failed.")]
    assert len(failed) == 1 and failed[0][:2] == (guesser.user_id, None)
    assert father["reference"] not in failed[0][2]  # a keyed digest, not the reference typed
    entries = father["client"].get(f"/applications/{father['id']}/access-log").get_json()["entries"]
    assert entries == []
