"""Every rule of seeds 001 (items 9, 13), 003 and 004 as a case, named by its seed and item, with dates
on both sides of every effective date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from backend.policy.book import PolicyBook
from backend.policy.evaluator import Facts, evaluate, facts_read
from backend.policy.presenter import evaluation_document

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


@pytest.mark.parametrize("facts", [
    dict(other_benefits={"institution_care", "de_facto_orphan_fully_supported"}),
    dict(other_benefits={"institution_care"}, de_facto_unsupported_child=True),
], ids=["fully supported", "not fully supported"])
def test_seed_003_four_an_institution_raised_de_facto_unsupported_childs_nursing_goes_to_the_institution(facts):
    verdict = judge(region=SHANXI_COUNTY, grade=1, birth_date=date(2015, 6, 1), **facts).verdicts["nursing"]
    assert verdict.paid_to == "institution" and "paid_to_institution" in codes(verdict)


def test_seed_003_four_an_adult_in_institution_care_is_paid_in_person():
    verdict = judge(region=SHANXI_COUNTY, grade=1, birth_date=date(1950, 3, 1),
                    other_benefits={"institution_care"}).verdicts["nursing"]  # 76 years old
    assert verdict.paid_to == "applicant"
    assert not {"paid_to_institution", "paid_to_unknown"} & set(codes(verdict))


def test_seed_003_four_a_child_in_institution_care_who_is_neither_orphan_nor_unsupported_is_paid_in_person():
    verdict = judge(region=SHANXI_COUNTY, grade=1, birth_date=date(2015, 6, 1), other_benefits={"institution_care"},
                    de_facto_unsupported_child=False).verdicts["nursing"]
    assert verdict.paid_to == "applicant" and "paid_to_unknown" not in codes(verdict)


@pytest.mark.parametrize("facts", [
    dict(other_benefits={"institution_care", "orphan"}),
    dict(other_benefits={"institution_care", "de_facto_orphan_fully_supported"}),
    dict(other_benefits={"institution_care"}, de_facto_unsupported_child=True),
], ids=["orphan", "fully supported de-facto orphan", "de-facto unsupported child"])
def test_seed_003_four_an_adult_ticked_as_an_orphan_in_institution_care_is_paid_in_person(facts):
    # Seed 003 item 四 pays the institution for 残疾孤儿 and 事实无人抚养儿童: children. The birth date says who
    # is one, whatever is ticked.
    verdict = judge(region=SHANXI_COUNTY, grade=1, birth_date=date(1990, 3, 1), **facts).verdicts["nursing"]
    assert verdict.paid_to == "applicant"
    assert not {"paid_to_institution", "paid_to_unknown"} & set(codes(verdict))


SHANXI_ORPHAN_CHILD = dict(region="140421", on=date(2024, 3, 10), category=5, grade=3, birth_date=date(2015, 6, 1))


@pytest.mark.parametrize("facts", [
    dict(other_benefits={"institution_care", "orphan"}),
    dict(other_benefits={"institution_care", "de_facto_orphan_fully_supported"}),
    dict(other_benefits={"institution_care"}, de_facto_unsupported_child=True),
], ids=["orphan", "fully supported de-facto orphan", "de-facto unsupported child"])
def test_seed_003_four_an_institution_raised_orphan_child_in_shanxi_receives_the_nursing_subsidy_through_the_institution(
        facts):
    # Seed 003 item 四: 机构集中养育的符合条件的残疾孤儿、事实无人抚养儿童的护理补贴，统一发放至相应的儿童福利机构:
    # they receive it, so neither being an orphan nor living in the institution puts it in doubt.
    verdict = judge(**SHANXI_ORPHAN_CHILD, **facts).verdicts["nursing"]
    assert (verdict.outcome, verdict.paid_to) == ("eligible", "institution")
    assert "benefit_needs_review" not in codes(verdict) and "paid_to_institution" in codes(verdict)


def test_seed_003_is_silent_on_an_institution_raised_orphans_living_subsidy_so_a_reviewer_checks_it_in_shanxi():
    verdict = judge(**SHANXI_ORPHAN_CHILD, household="dibao",
                    other_benefits={"institution_care", "orphan"}).verdicts["living"]
    assert verdict.outcome == "needs_review"
    assert {r.rule for r in verdict.reasons if r.code == "benefit_needs_review"} == {
        "coordination.institution_care.living", "coordination.orphan.living"}


def test_seed_003_four_an_adult_in_institution_care_in_shanxi_still_needs_a_reviewer_for_the_nursing_subsidy():
    verdict = judge(region=SHANXI_COUNTY, grade=1, birth_date=date(1950, 3, 1),
                    other_benefits={"institution_care"}).verdicts["nursing"]
    assert (verdict.outcome, verdict.paid_to) == ("needs_review", "applicant")
    assert [r.rule for r in verdict.reasons if r.code == "benefit_needs_review"] == [
        "coordination.institution_care.nursing"]


@pytest.mark.parametrize("birth_date", [date(2015, 6, 1), None], ids=["a child", "age not known"])
def test_seed_003_four_institution_care_without_orphan_status_needs_a_reviewer_to_say_who_is_paid(birth_date):
    verdict = judge(region=SHANXI_COUNTY, grade=1, birth_date=birth_date,
                    other_benefits={"institution_care"}).verdicts["nursing"]
    assert verdict.outcome == "needs_review" and verdict.paid_to == "applicant"
    unknown = next(reason for reason in verdict.reasons if reason.code == "paid_to_unknown")
    assert unknown.effect == "uncertain" and unknown.changeable and "seed 003" in unknown.source


def test_seed_003_four_the_institution_is_paid_only_where_the_region_says_so():
    verdict = judge(grade=1, birth_date=date(2015, 6, 1), other_benefits={"institution_care"}).verdicts["nursing"]
    assert verdict.paid_to == "applicant" and "paid_to_unknown" not in codes(verdict)  # Wulong says nothing


def test_seed_001_item_9_payment_counts_from_the_month_of_application():
    verdict = judge(on=date(2026, 11, 30), grade=2).verdicts["nursing"]
    assert verdict.starts == "2026-11"
    assert "starts_month_of_application" in codes(verdict)


def test_seed_001_item_13_an_expired_certificate_stops_the_subsidy_and_says_how_to_renew():
    verdict = judge(grade=1, valid_until=date(2026, 10, 31)).verdicts["nursing"]
    assert verdict.outcome == "not_eligible"
    expired = next(reason for reason in verdict.reasons if reason.code == "certificate_expired")
    assert expired.changeable and "seed 001 item 13" in expired.source


def renewal(on, issue_date, previous_valid_until):
    return judge(on=on, grade=1, issue_date=issue_date, valid_until=date(2036, 9, 14),
                 previous_valid_until=previous_valid_until).verdicts["nursing"]


def test_seed_001_item_13_renewal_pays_from_the_new_certificates_month_with_at_most_3_months_back():
    # Applied in November: Sep and Oct (from the new certificate) are already 2 months paid before the month of
    # application; of the stop Feb-Aug only 1 more month (Aug) may be paid back, 3 in all.
    verdict = renewal(date(2026, 11, 20), date(2026, 9, 14), previous_valid_until=date(2026, 1, 10))
    assert (verdict.starts, verdict.back_pay_months) == ("2026-09", 1)
    assert codes(verdict)[-2:] == ["starts_on_renewal", "back_pay_on_renewal"]
    same_month = renewal(date(2026, 11, 20), date(2026, 11, 2), previous_valid_until=date(2026, 1, 10))
    assert (same_month.starts, same_month.back_pay_months) == ("2026-11", 3)  # Aug, Sep, Oct of the stop


@pytest.mark.parametrize("issue_date, starts, code", [
    (date(2026, 8, 31), "2026-08", "starts_on_renewal"),          # 3 months before November: all paid back
    (date(2026, 7, 31), "2026-08", "starts_on_renewal_limited"),  # 4 months before: only from August
    (date(2024, 3, 10), "2026-08", "starts_on_renewal_limited"),  # 32 months before: still only from August
])
def test_seed_001_item_13_renewal_never_pays_for_a_month_earlier_than_3_before_the_application(
        issue_date, starts, code):
    verdict = renewal(date(2026, 11, 26), issue_date, previous_valid_until=date(2024, 1, 31))
    assert verdict.starts == starts and code in codes(verdict)
    assert verdict.back_pay_months == 0 and "back_pay_on_renewal" not in codes(verdict)


def test_seed_001_item_13_renewal_without_a_stop_says_nothing_about_back_pay():
    verdict = renewal(date(2026, 11, 20), date(2026, 10, 5), previous_valid_until=date(2026, 10, 4))
    assert (verdict.starts, verdict.back_pay_months) == ("2026-10", 0)
    words = evaluation_document(judge(on=date(2026, 11, 20), grade=1, issue_date=date(2026, 10, 5),
                                      previous_valid_until=date(2026, 10, 4)), "zh_Hans_CN")
    texts = [reason["text"] for reason in words["subsidies"]["nursing"]["reasons"]]
    assert "换领新证后，从新证发证当月（2026年10月）开始计发。" in texts
    assert not any("补发" in text for text in texts)


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


def test_outside_wulong_how_a_retired_cadres_nursing_fee_combines_with_the_living_subsidy_is_for_a_reviewer():
    # Only seed 004 (武隆区) says the fee and the living subsidy may be held together; the national baseline
    # lets a reviewer decide where a region's file says nothing (000000.toml), rather than spread Wulong's rule.
    verdict = judge(region=HENAN_COUNTY, grade=1, household="dibao",
                    other_benefits={"retired_cadre_nursing_fee"}).verdicts["living"]
    assert verdict.outcome == "needs_review" and "benefit_needs_review" in codes(verdict)
    assert judge(grade=1, household="dibao", other_benefits={"retired_cadre_nursing_fee"}).verdicts[
        "living"].outcome == "eligible"                                           # Wulong: seed 004 注


def test_choose_the_higher_compares_when_the_other_amount_is_known():
    higher = judge(grade=1, other_benefits={"retired_cadre_nursing_fee"},
                   other_benefit_amounts={"retired_cadre_nursing_fee": Decimal("60")}).verdicts["nursing"]
    lower = judge(grade=1, other_benefits={"retired_cadre_nursing_fee"},
                  other_benefit_amounts={"retired_cadre_nursing_fee": Decimal("300")}).verdicts["nursing"]
    assert (higher.outcome, lower.outcome) == ("eligible", "not_eligible")


def outcomes(evaluation) -> dict[str, str]:
    return {subsidy: verdict.outcome for subsidy, verdict in evaluation.verdicts.items()}


def with_other(benefit, amount=None, **facts):
    amounts = {benefit: Decimal(amount)} if amount is not None else {}
    return judge(other_benefits={benefit}, other_benefit_amounts=amounts, **facts)


@pytest.mark.parametrize("benefit", ["public_duty_disability_allowance", "disability_pension"])
@pytest.mark.parametrize("other_amount, expected, code", [
    ("85", "eligible", "choose_higher_together_ours"),       # 80 + 90 = 170 > 85: both subsidies paid
    ("120", "eligible", "choose_higher_together_ours"),      # above either subsidy alone, below the two together
    ("170", "not_eligible", "choose_higher_together_tie"),   # equal: the other benefit is kept, said as equal
    ("200", "not_eligible", "choose_higher_together_theirs"),
])
def test_seed_004_zhu_choose_the_higher_of_the_two_subsidies_weighs_the_other_benefit_against_their_sum(
        benefit, other_amount, expected, code):
    evaluation = with_other(benefit, other_amount, grade=1, household="dibao")
    assert outcomes(evaluation) == {"living": expected, "nursing": expected}
    for verdict in evaluation.verdicts.values():
        compared = [reason for reason in verdict.reasons if reason.rule == f"coordination.{benefit}"]
        assert [reason.code for reason in compared] == [code]
        assert "seed 004" in compared[0].source


def test_seed_004_zhu_choose_the_higher_of_the_two_subsidies_counts_only_those_the_person_qualifies_for():
    # No dibao: only nursing (90) is weighed against the allowance.
    kept = with_other("public_duty_disability_allowance", "85", grade=1, household="none")
    assert outcomes(kept) == {"living": "not_eligible", "nursing": "eligible"}
    assert outcomes(with_other("public_duty_disability_allowance", "100", grade=1, household="none")) == {
        "living": "not_eligible", "nursing": "not_eligible"}
    # An orphan gets no living subsidy (seed 004 注), so the pension is weighed against nursing alone.
    assert outcomes(judge(grade=2, household="dibao", other_benefits={"orphan", "disability_pension"},
                          other_benefit_amounts={"disability_pension": Decimal("100")})) == {
        "living": "not_eligible", "nursing": "not_eligible"}


def test_seed_004_zhu_choose_the_higher_of_the_two_subsidies_weighs_only_what_is_applied_for():
    # Nursing alone applied for (90): a 150 pension is higher, so it is kept; the living subsidy (80), never asked
    # for, does not count towards the 170 that would have advised giving up 150 a month for 90.
    alone = with_other("disability_pension", "150", grade=1, household="dibao", applied_for=frozenset({"nursing"}))
    assert outcomes(alone)["nursing"] == "not_eligible"
    compared = [r for r in alone.verdicts["nursing"].reasons if r.rule == "coordination.disability_pension"]
    assert [(r.code, r.params["total"], r.params["subsidies"]) for r in compared] == [
        ("choose_higher_together_theirs", "90.00", ["nursing"])]
    both = with_other("disability_pension", "150", grade=1, household="dibao",
                      applied_for=frozenset({"living", "nursing"}))
    assert outcomes(both) == {"living": "eligible", "nursing": "eligible"}   # 170 > 150


def test_seed_004_zhu_choose_the_higher_of_the_two_subsidies_without_the_other_amount_needs_a_reviewer_for_both():
    evaluation = with_other("public_duty_disability_allowance", grade=1, household="dibao")
    assert outcomes(evaluation) == {"living": "needs_review", "nursing": "needs_review"}
    assert all("choose_higher_together" in codes(verdict) for verdict in evaluation.verdicts.values())
    assert [v.monthly_amount for v in evaluation.verdicts.values()] == [Decimal("80.00"), Decimal("90.00")]


def test_seed_004_zhu_choose_the_higher_of_the_two_subsidies_waits_when_the_sum_is_not_yet_known():
    # Dibao not yet known: nursing alone (90) is below 120, both (170) above; a reviewer settles it.
    pending = with_other("disability_pension", "120", grade=1)
    assert outcomes(pending) == {"living": "needs_review", "nursing": "needs_review"}
    assert all("choose_higher_together_pending" in codes(v) for v in pending.verdicts.values())
    # Below what is sure (nursing 90): the subsidies win whatever the household turns out to be.
    sure = with_other("disability_pension", "60", grade=1)
    assert outcomes(sure) == {"living": "needs_review", "nursing": "eligible"}
    # Not below even both together: the pension is kept whatever the household turns out to be.
    kept = with_other("disability_pension", "170", grade=1)
    assert outcomes(kept) == {"living": "not_eligible", "nursing": "not_eligible"}


@pytest.mark.parametrize("benefit", ["elderly_care_subsidy", "retired_cadre_nursing_fee"])
def test_seed_004_zhu_choose_the_higher_of_the_nursing_subsidy_alone_leaves_the_living_subsidy_alone(benefit):
    evaluation = with_other(benefit, "85", grade=1, household="dibao")
    assert outcomes(evaluation) == {"living": "eligible", "nursing": "eligible"}  # 90 > 85
    assert outcomes(with_other(benefit, "95", grade=1, household="dibao")) == {
        "living": "eligible", "nursing": "not_eligible"}  # 85 < 90 < 95 < 170: only nursing is weighed


def test_seed_004_zhu_a_benefit_as_high_as_the_nursing_subsidy_is_kept_and_said_to_be_as_high_not_higher():
    # Wulong: 经济困难高龄、失能老年人养老服务补贴 80 a month against grade-2 nursing, 80 (seed 004 一.2 and 注:
    # 可择高享受重度残疾人护理补贴). Seed 004 does not say which one a tie keeps; the other benefit is kept.
    evaluation = with_other("elderly_care_subsidy", "80", grade=2)
    assert evaluation.verdicts["nursing"].outcome == "not_eligible"
    assert "choose_higher_tie" in codes(evaluation.verdicts["nursing"])
    reason = next(r for r in evaluation_document(evaluation, "zh_Hans_CN")["subsidies"]["nursing"]["reasons"]
                  if r["code"] == "choose_higher_tie")
    assert "一样多" in reason["text"] and "保留" in reason["text"] and "比" not in reason["text"]
    assert "一样多" in reason["easy_read"]


def test_seed_004_zhu_a_benefit_as_high_as_both_subsidies_together_is_kept_and_said_to_be_as_high():
    # 伤残抚恤 170 a month against grade-1 nursing 90 and living 80 (seed 004 注: 可择高享受残疾人两项补贴).
    document = evaluation_document(with_other("disability_pension", "170", grade=1, household="dibao"), "zh_Hans_CN")
    texts = [next(r["text"] for r in verdict["reasons"] if r["code"] == "choose_higher_together_tie")
             for verdict in document["subsidies"].values()]
    assert texts[0] == texts[1] and "一样多" in texts[0] and "保留" in texts[0] and "不低于" not in texts[0]


def test_seed_004_zhu_the_reasons_of_both_subsidies_explain_the_one_choice():
    document = evaluation_document(with_other("public_duty_disability_allowance", "85", grade=1,
                                              household="dibao"), "zh_Hans_CN")
    texts = {subsidy: next(r["text"] for r in verdict["reasons"] if r["code"] == "choose_higher_together_ours")
             for subsidy, verdict in document["subsidies"].items()}
    assert texts["living"] == texts["nursing"]
    assert "每月共170元" in texts["living"] and "85元" in texts["living"]
    assert "困难残疾人生活补贴和重度残疾人护理补贴" in texts["living"]


def test_unknown_grade_needs_a_reviewer_and_says_what_to_give():
    verdict = judge(household="dibao").verdicts["living"]
    assert verdict.outcome == "needs_review"
    assert next(r for r in verdict.reasons if r.code == "grade_unknown").changeable


def test_every_reason_names_its_source():
    for facts in (dict(grade=1, household="dibao", other_benefits={"orphan"}), dict(region=SHANXI_COUNTY, grade=3,
                  category=5, household="none")):
        for verdict in judge(**facts).verdicts.values():
            assert all(reason.source for reason in verdict.reasons)


def read(region=WULONG, on=AFTER, subsidies=("living", "nursing"), **facts):
    facts["other_benefits"] = frozenset(facts.get("other_benefits", ()))
    return facts_read(BOOK.resolve(region, on), Facts(region_code=region, on=on, **facts), subsidies)


@pytest.mark.parametrize("benefits, subsidies, weighed", [
    ({"elderly_care_subsidy"}, ("living", "nursing"), ("elderly_care_subsidy",)),   # nursing alone
    ({"elderly_care_subsidy"}, ("living",), ()),                                     # not against living
    ({"disability_pension", "elderly_allowance"}, ("living",), ("disability_pension",)),  # both, together
    ({"elderly_allowance", "work_injury_nursing_allowance"}, ("living", "nursing"), ()),  # combine, excluded
])
def test_seed_004_zhu_the_amounts_read_are_those_of_listed_benefits_a_choose_the_higher_rule_weighs(
        benefits, subsidies, weighed):
    assert read(other_benefits=benefits, subsidies=subsidies).benefit_amounts == weighed


def test_a_region_without_a_choose_the_higher_rule_reads_no_amount():
    assert read(region=SHANXI_COUNTY, other_benefits={"elderly_care_subsidy", "disability_pension"}).benefit_amounts == ()


@pytest.mark.parametrize("region, facts, asked", [
    (SHANXI_COUNTY, dict(birth_date=date(2015, 6, 1), other_benefits={"institution_care"}), True),
    (SHANXI_COUNTY, dict(other_benefits={"institution_care"}), True),                       # age not known
    (SHANXI_COUNTY, dict(birth_date=date(1950, 3, 1), other_benefits={"institution_care"}), False),  # an adult
    (SHANXI_COUNTY, dict(birth_date=date(2015, 6, 1), other_benefits={"institution_care", "orphan"}), False),
    (SHANXI_COUNTY, dict(birth_date=date(2015, 6, 1)), False),                              # raised at home
    (WULONG, dict(birth_date=date(2015, 6, 1), other_benefits={"institution_care"}), False),  # no such rule
])
def test_seed_003_four_the_de_facto_unsupported_child_is_read_where_the_institution_rule_would_read_it(
        region, facts, asked):
    assert read(region=region, **facts).de_facto_unsupported_child is asked
    evaluated = judge(region=region, grade=1, **facts).verdicts["nursing"]
    assert ("paid_to_unknown" in codes(evaluated)) is asked  # exactly where it leaves the answer open
