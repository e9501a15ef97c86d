"""Every rule of seeds 001 (items 9, 13), 003 and 004 as a case, named by its seed and item, with dates
on both sides of every effective date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.policy.book import PolicyBook
from backend.policy.evaluator import Facts, evaluate

BOOK = PolicyBook.load()
WULONG, SHANXI_COUNTY, HENAN_COUNTY = "500156", "140105", "410105"
AFTER = date(2026, 11, 25)


def judge(region=WULONG, on=AFTER, **facts):
    facts.setdefault("other_benefits", frozenset())
    facts["other_benefits"] = frozenset(facts["other_benefits"])
    return evaluate(BOOK, Facts(region_code=region, on=on, **facts))


def codes(verdict) -> list[str]:
    return [reason.code for reason in verdict.reasons]


CASES = [
    # (seed and item, facts, subsidy, outcome, monthly amount)
    ("seed 004 一.1: grade 1 qualifies for nursing", dict(category=4, grade=1), "nursing", "eligible", "90.00"),
    ("seed 004 一.1-2: grade 2 qualifies, 80 yuan", dict(category=1, grade=2), "nursing", "eligible", "80.00"),
    ("seed 004 一.1: grade 3 does not qualify for nursing in Wulong", dict(category=5, grade=3), "nursing",
     "not_eligible", None),
    ("seed 004 二.1-2: a dibao household qualifies for living, 80 yuan", dict(category=4, grade=4, household="dibao"),
     "living", "eligible", "80.00"),
    ("seed 004 二.1: no dibao, no living subsidy", dict(category=4, grade=2, household="none"), "living",
     "not_eligible", None),
    ("seed 004 二.1: Wulong does not extend living to dibao_marginal", dict(category=4, grade=2,
     household="dibao_marginal"), "living", "not_eligible", None),
    ("seed 004 注: elderly allowance combines with living", dict(grade=2, household="dibao",
     other_benefits={"elderly_allowance"}), "living", "eligible", "80.00"),
    ("seed 004 注: elderly allowance combines with nursing", dict(grade=1, other_benefits={"elderly_allowance"}),
     "nursing", "eligible", "90.00"),
    ("seed 004 注: elderly care subsidy combines with living", dict(grade=2, household="dibao",
     other_benefits={"elderly_care_subsidy"}), "living", "eligible", "80.00"),
    ("seed 004 注: elderly care subsidy: choose the higher for nursing", dict(grade=2,
     other_benefits={"elderly_care_subsidy"}), "nursing", "needs_review", "80.00"),
    ("seed 004 注: orphans get no living subsidy", dict(grade=2, household="dibao", other_benefits={"orphan"}),
     "living", "not_eligible", None),
    ("seed 004 注: orphans may get nursing", dict(grade=2, other_benefits={"orphan"}), "nursing", "eligible", "80.00"),
    ("seed 004 注: fully supported de-facto orphans get no living subsidy", dict(grade=1, household="dibao",
     other_benefits={"de_facto_orphan_fully_supported"}), "living", "not_eligible", None),
    ("seed 004 注: fully supported de-facto orphans may get nursing", dict(grade=1,
     other_benefits={"de_facto_orphan_fully_supported"}), "nursing", "eligible", "90.00"),
    ("seed 004 注: public-duty disability: choose the higher (living)", dict(grade=2, household="dibao",
     other_benefits={"public_duty_disability_allowance"}), "living", "needs_review", "80.00"),
    ("seed 004 注: public-duty disability: choose the higher (nursing)", dict(grade=2,
     other_benefits={"public_duty_disability_allowance"}), "nursing", "needs_review", "80.00"),
    ("seed 004 注: retired cadre nursing fee: choose the higher for nursing", dict(grade=1,
     other_benefits={"retired_cadre_nursing_fee"}), "nursing", "needs_review", "90.00"),
    ("seed 004 注: retired cadre nursing fee leaves living alone", dict(grade=1, household="dibao",
     other_benefits={"retired_cadre_nursing_fee"}), "living", "eligible", "80.00"),
    ("seed 004 注: disability pension: choose the higher", dict(grade=2, other_benefits={"disability_pension"}),
     "nursing", "needs_review", "80.00"),
    ("seed 004 注: work-injury nursing allowance excludes nursing", dict(grade=1,
     other_benefits={"work_injury_nursing_allowance"}), "nursing", "not_eligible", None),
    ("seed 004 注: work-injury nursing allowance excludes living", dict(grade=1, household="dibao",
     other_benefits={"work_injury_nursing_allowance"}), "living", "not_eligible", None),
    ("seed 004 注: destitute support excludes both (living)", dict(grade=1, household="dibao",
     other_benefits={"destitute_support"}), "living", "not_eligible", None),
    ("seed 004 注: destitute support excludes both (nursing)", dict(grade=1, other_benefits={"destitute_support"}),
     "nursing", "not_eligible", None),
    ("conflicting benefits: an exclusion beats a combination", dict(grade=1,
     other_benefits={"work_injury_nursing_allowance", "elderly_allowance"}), "nursing", "not_eligible", None),
]


@pytest.mark.parametrize("rule, facts, subsidy, outcome, amount", CASES, ids=[case[0] for case in CASES])
def test_wulong_rules_of_seed_004(rule, facts, subsidy, outcome, amount):
    verdict = judge(**facts).verdicts[subsidy]
    assert verdict.outcome == outcome, codes(verdict)
    assert verdict.monthly_amount == (Decimal(amount) if amount else None)


def test_seed_004_both_subsidies_at_once_80_and_80_with_the_offices_phone():
    evaluation = judge(category=4, grade=2, household="dibao", other_benefits={"elderly_allowance"})
    assert {s: v.outcome for s, v in evaluation.verdicts.items()} == {"living": "eligible", "nursing": "eligible"}
    assert [v.monthly_amount for v in evaluation.verdicts.values()] == [Decimal("80.00"), Decimal("80.00")]
    assert "023-77724047" in [contact.phone for contact, _ in evaluation.policy.contacts]


def test_seed_004_takes_effect_on_2023_02_23_and_not_before():
    before = judge(on=date(2023, 2, 22), grade=1).verdicts["nursing"]
    after = judge(on=date(2023, 2, 23), grade=1).verdicts["nursing"]
    assert before.outcome == "eligible" and before.monthly_amount is None
    assert "amount_unknown" in codes(before)
    assert after.monthly_amount == Decimal("90.00") and after.as_of == date(2023, 2, 23)


@pytest.mark.parametrize("on, outcome", [(date(2022, 12, 31), "not_eligible"), (date(2023, 1, 1), "eligible")])
@pytest.mark.parametrize("category", [5, 6])
def test_seed_003_four_extends_nursing_to_grade_3_and_4_intellectual_and_mental_from_2023(on, outcome, category):
    for grade in (3, 4):
        verdict = judge(region=SHANXI_COUNTY, on=on, category=category, grade=grade).verdicts["nursing"]
        assert verdict.outcome == outcome, codes(verdict)
        assert verdict.monthly_amount is None  # the seed gives no amount: never guessed


def test_seed_003_four_does_not_extend_nursing_to_grade_3_physical():
    verdict = judge(region=SHANXI_COUNTY, category=4, grade=3).verdicts["nursing"]
    assert verdict.outcome == "not_eligible"
    assert codes(verdict) == ["grade_not_covered_nursing_extended"]


def test_seed_003_multiple_disabilities_grade_3_needs_a_reviewer():
    verdict = judge(region=SHANXI_COUNTY, category=7, grade=3).verdicts["nursing"]
    assert verdict.outcome == "needs_review"
    assert "multiple_disabilities_extension" in codes(verdict)


@pytest.mark.parametrize("on, outcome", [(date(2022, 12, 31), "not_eligible"), (date(2023, 1, 1), "eligible")])
def test_seed_003_four_extends_living_to_dibao_marginal_from_2023(on, outcome):
    assert judge(region=SHANXI_COUNTY, on=on, grade=3, household="dibao_marginal").verdicts["living"].outcome == outcome


@pytest.mark.parametrize("region, on, paid_to", [
    (SHANXI_COUNTY, date(2023, 1, 1), "institution"), (SHANXI_COUNTY, date(2022, 12, 31), "applicant"),
    (WULONG, AFTER, "applicant")])
def test_seed_003_four_institution_raised_orphans_nursing_goes_to_the_institution(region, on, paid_to):
    verdict = judge(region=region, on=on, grade=1, other_benefits={"institution_care", "orphan"}).verdicts["nursing"]
    assert verdict.paid_to == paid_to


def test_seed_001_item_9_payment_counts_from_the_month_of_application():
    verdict = judge(on=date(2026, 11, 30), grade=2).verdicts["nursing"]
    assert verdict.starts == "2026-11"
    assert "starts_month_of_application" in codes(verdict)


def test_seed_001_item_13_an_expired_certificate_stops_the_subsidy_and_says_how_to_renew():
    verdict = judge(grade=1, valid_until=date(2026, 10, 31)).verdicts["nursing"]
    assert verdict.outcome == "not_eligible"
    expired = next(reason for reason in verdict.reasons if reason.code == "certificate_expired")
    assert expired.changeable and "seed 001 item 13" in expired.source


def test_seed_001_item_13_renewal_pays_from_the_new_certificates_month_with_at_most_3_months_back():
    verdict = judge(on=date(2026, 11, 20), grade=1, issue_date=date(2026, 9, 14),
                    valid_until=date(2036, 9, 14), previous_valid_until=date(2026, 1, 10)).verdicts["nursing"]
    assert verdict.starts == "2026-09"
    assert verdict.back_pay_months == 3  # the gap Feb-Aug is 7 months; at most 3 are paid back
    short_gap = judge(on=date(2026, 11, 20), grade=1, issue_date=date(2026, 9, 14), valid_until=date(2036, 9, 14),
                      previous_valid_until=date(2026, 7, 31)).verdicts["nursing"]
    assert short_gap.back_pay_months == 1  # stopped from August; new certificate in September


@pytest.mark.parametrize("valid_until, warned", [(date(2027, 5, 31), True), (date(2027, 6, 1), False)])
def test_seed_001_item_13_a_certificate_expiring_within_6_months_gets_a_warning(valid_until, warned):
    evaluation = judge(grade=1, valid_until=valid_until)
    assert bool(evaluation.warnings) is warned


def test_unknown_region_code_is_judged_on_the_national_baseline_and_needs_review():
    verdict = judge(region="999999", grade=1).verdicts["nursing"]
    assert verdict.outcome == "needs_review"
    assert "region_unknown" in codes(verdict)
    assert verdict.monthly_amount is None


def test_a_county_without_its_own_file_inherits_and_knows_no_amount():
    verdict = judge(region="500101", grade=1).verdicts["nursing"]  # 重庆市万州区: no file of its own
    assert verdict.outcome == "eligible" and verdict.monthly_amount is None


def test_an_abolished_hukou_code_is_judged_by_todays_county():
    assert judge(region="500232", grade=1).verdicts["nursing"].monthly_amount == Decimal("90.00")


def test_henan_has_process_rules_and_no_amounts():
    evaluation = judge(region=HENAN_COUNTY, grade=1, household="dibao")
    assert evaluation.verdicts["nursing"].monthly_amount is None
    assert evaluation.policy.process["monthly_online_statistics"].value is True


def test_choose_the_higher_compares_when_the_other_amount_is_known():
    higher = judge(grade=1, other_benefits={"retired_cadre_nursing_fee"},
                   other_benefit_amounts={"retired_cadre_nursing_fee": Decimal("60")}).verdicts["nursing"]
    lower = judge(grade=1, other_benefits={"retired_cadre_nursing_fee"},
                  other_benefit_amounts={"retired_cadre_nursing_fee": Decimal("300")}).verdicts["nursing"]
    assert (higher.outcome, lower.outcome) == ("eligible", "not_eligible")


def test_unknown_grade_needs_a_reviewer_and_says_what_to_give():
    verdict = judge(household="dibao").verdicts["living"]
    assert verdict.outcome == "needs_review"
    assert next(r for r in verdict.reasons if r.code == "grade_unknown").changeable


def test_every_reason_names_its_source():
    for facts in (dict(grade=1, household="dibao", other_benefits={"orphan"}), dict(region=SHANXI_COUNTY, grade=3,
                  category=5, household="none")):
        for verdict in judge(**facts).verdicts.values():
            assert all(reason.source for reason in verdict.reasons)
