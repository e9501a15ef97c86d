"""A masked ID number hides digits 5-14: the rest of the county code the number was issued in, and the birth date.
Whoever may not read the number whole (a family member following the application, an entrusted person of any
scope) must not be given them some other way: not as the birth date, not as the county the ID number suggests
(its `renamed_from` is the ID number's own code). Else the number is rebuilt from its masked form (code + birth
date + the last four the mask shows), and the certificate number with it (the ID number, the category, the grade).
The applicant, a guardian and the reviewer, who may reveal it anyway, still see both."""

from __future__ import annotations

import json
import re

import pytest

from tests.support import flows
from tests.support.accounts import logged_in
from tests.support.factories import complete_fields, person

# The ID number keeps the county it was issued in, 500232 (武隆县), renamed since to 500156 (武隆区), where the
# hukou is now: the application's own hukou field does not carry the number's code, only the ID number does.
OWNER = person(region="500232", born="1950-04-12", sex="male", name="刘建国")
BIRTH_FORMS = ("19500412", "1950-04-12", "1950年4月12日", "1950年04月12日", "1950/04/12")


@pytest.fixture
def followers(app, demo_accounts):
    """The owner's submitted application, followed by a grandson (family), a neighbour (entrusted to view) and a
    helper (entrusted to view, edit and submit), and acted for by a son (guardian)."""
    owner = logged_in(app, "liu-jianguo", name=OWNER.name)
    application = flows.submitted(owner, fields=complete_fields(OWNER))
    people = {"owner": owner}
    for name, given, kind, extra in [
            ("son", "刘建军", "guardian", {"relation": "child"}),
            ("grandson", "刘小明", "family", {"relation": "grandchild"}),
            ("neighbour", "王邻居", "entrusted", {"scope": ["view"], "expires_on": "2027-06-30"}),
            ("helper", "王帮手", "entrusted", {"scope": ["view", "edit", "submit"], "expires_on": "2027-06-30"})]:
        people[name] = logged_in(app, name, name=given)
        flows.confirmed_link(owner, people[name], application, OWNER.id_number, kind, given, **extra)
    return application, people


def _everything_read_by(client, application_id: str) -> str:
    """Every answer this person can read about the application, as one text."""
    answers = []
    for path in (f"/applications/{application_id}", "/applications", f"/applications/{application_id}/status",
                 f"/applications/{application_id}/eligibility", f"/applications/{application_id}/checklist",
                 f"/applications/{application_id}/materials", f"/applications/{application_id}/prefill",
                 "/notifications", "/me/representations"):
        response = client.get(path)
        if response.status_code == 200:
            answers.append(json.dumps(response.get_json(), ensure_ascii=False))
    return "\n".join(answers)


def _rebuilt(masked: str, text: str) -> set[str]:
    """Every ID number one can make of the masked one's last four, a 6-digit code and a birth date in the text."""
    codes = set(re.findall(r"(?<!\d)(\d{6})(?!\d)", text))
    dates = {"".join(found) for found in re.findall(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)", text)}
    dates |= {f"{y}{int(m):02d}{int(d):02d}" for y, m, d in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)}
    return {code + date + masked[-4:] for code in codes for date in dates if code.startswith(masked[:4])}


@pytest.mark.parametrize("who", ["grandson", "neighbour", "helper"])
def test_a_follower_who_may_not_reveal_the_id_number_cannot_rebuild_it_from_what_they_are_told(followers, who):
    application, people = followers
    client = people[who]
    seen = client.get(f"/applications/{application['id']}").get_json()
    masked = seen["applicant"]["id_number"]
    assert masked == OWNER.id_number[:4] + "*" * 10 + OWNER.id_number[-4:]
    assert seen["numbers_revealed"] is False
    text = _everything_read_by(client, application["id"])
    assert OWNER.id_number not in _rebuilt(masked, text)
    assert not [form for form in BIRTH_FORMS if form in text]
    assert OWNER.id_number[:6] not in text   # 500232: only the ID number carries it


@pytest.mark.parametrize("who", ["grandson", "neighbour", "helper"])
def test_a_follower_who_may_not_reveal_is_told_neither_the_birth_date_nor_the_county_the_id_number_suggests(
        followers, who):
    application, people = followers
    applicant = people[who].get(f"/applications/{application['id']}").get_json()["applicant"]
    assert applicant["birth_date"] is None
    assert applicant["hukou_region_suggestion"] is None
    assert applicant["sex"] == "male"            # digit 17, shown by the mask itself
    assert applicant["hukou_region"] == "500156"  # the application's own field, not the ID number's code


@pytest.mark.parametrize("who", ["owner", "son"])
def test_whoever_may_reveal_the_number_still_sees_the_birth_date_and_the_suggested_county(followers, who):
    application, people = followers
    applicant = people[who].get(f"/applications/{application['id']}").get_json()["applicant"]
    assert applicant["birth_date"] == "1950-04-12"
    assert applicant["hukou_region_suggestion"]["code"] == "500156"
    assert applicant["hukou_region_suggestion"]["renamed_from"] == "500232"


def test_the_reviewer_still_sees_the_birth_date_and_the_suggested_county(followers, as_reviewer):
    application, _ = followers
    applicant = as_reviewer.get(f"/applications/{application['id']}").get_json()["applicant"]
    assert applicant["birth_date"] == "1950-04-12"
    assert applicant["hukou_region_suggestion"]["renamed_from"] == "500232"
