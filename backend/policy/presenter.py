"""Evaluations and policies in words: reasons with their rule and source, what would change them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from backend.identity.regions import region
from backend.messages.catalog import Words, join, month_words, registry, say  # noqa: F401  (join: presenters import it from here too)
from backend.policy.book import EffectivePolicy
from backend.policy.evaluator import Evaluation, Reason, Verdict
from backend.policy.model import AmountRule


def yuan(amount: Decimal | str | None) -> str | None:
    if amount is None:
        return None
    text = f"{Decimal(amount):.2f}"
    return text[:-3] if text.endswith(".00") else text


def reason_document(reason: Reason, subsidy: str | None, locale: str) -> dict[str, Any]:
    params: dict[str, Any] = {key: value for key, value in reason.params.items() if value is not None}
    if "grade" in params:
        params["grade_label"] = say(f"grade.{params['grade']}", locale)
    if "category" in params and params["category"]:
        params["category_label"] = say(f"category.{params['category']}", locale)
    if "household" in params:
        params["household_label"] = say(f"household.{params['household']}", locale)
    if "benefit" in params:
        params["benefit_label"] = say(f"benefit.{params['benefit']}", locale)
    if subsidy:
        params["subsidy_label"] = say(f"subsidy.{subsidy}", locale)
    for key in ("month", "issue_month", "application_month"):
        if isinstance(params.get(key), str):
            params[key] = month_words(params[key], locale)  # 2026年11月, not 2026-11
    for key in ("amount", "other_amount", "total"):
        if key in params:
            params[key] = yuan(params[key])
    if "subsidies" in params:
        params["subsidies_label"] = join([say(f"subsidy.{name}", locale) for name in params.pop("subsidies")],
                                         locale, "list.and")
    words = say(f"eligibility.reason.{reason.code}", locale, **params)
    document: dict[str, Any] = {"code": reason.code, "effect": reason.effect, "rule": reason.rule,
                                "source": reason.source, **words.as_dict()}
    change_key = f"eligibility.change.{reason.code}"
    document["would_change"] = say(change_key, locale).as_dict() if reason.changeable and change_key in registry() else None
    return document


def verdict_document(verdict: Verdict, locale: str, *, requested: bool | None = None) -> dict[str, Any]:
    document = {
        "outcome": verdict.outcome,
        "outcome_label": say(f"outcome.{verdict.outcome}", locale).as_dict(),
        "monthly_amount": f"{verdict.monthly_amount:.2f}" if verdict.monthly_amount is not None else None,
        "starts": verdict.starts,
        "reasons": [reason_document(reason, verdict.subsidy, locale) for reason in verdict.reasons],
        "source": verdict.source,
        "as_of": verdict.as_of.isoformat() if verdict.as_of else None,
        "paid_to": verdict.paid_to,
        "back_pay_months": verdict.back_pay_months,
    }
    if requested is not None:
        document["requested"] = requested
    return document


def evaluation_document(evaluation: Evaluation, locale: str, *, requested: list[str] | None = None) -> dict[str, Any]:
    policy = evaluation.policy
    found = region(policy.region_code) if evaluation.region_known else None
    return {
        "region": {"code": evaluation.facts.region_code, "name": found.full_name if found else None,
                   "known": evaluation.region_known, "policy_levels": policy.levels},
        "date": evaluation.facts.on.isoformat(),
        "subsidies": {subsidy: verdict_document(verdict, locale,
                                                requested=(subsidy in requested) if requested is not None else None)
                      for subsidy, verdict in evaluation.verdicts.items()},
        "warnings": [reason_document(reason, None, locale) for reason in evaluation.warnings],
        "contacts": contacts_document(policy),
    }


def contacts_document(policy: EffectivePolicy) -> list[dict[str, Any]]:
    return [{"office": contact.office, "phone": contact.phone, "region_code": code, "source": contact.source}
            for contact, code in policy.contacts]


def policy_document(policy: EffectivePolicy, locale: str) -> dict[str, Any]:
    """A region's rules on a day, in plain words, with every figure's source and the date it took effect."""
    found = region(policy.region_code)
    rules: list[dict[str, Any]] = []

    def add(key: str, sourced, **params) -> None:
        rules.append({"rule": key, **say(f"policy.rule.{key}", locale, **params).as_dict(),
                      "source": sourced.source if sourced else None,
                      "as_of": sourced.as_of.isoformat() if sourced else None})

    nursing, living = policy.nursing, policy.living
    if "grades" in nursing:
        add("nursing_grades", nursing["grades"], grades=_grades(nursing["grades"].value, locale))
    for extension in (nursing["extra"].value if "extra" in nursing else []):
        add("nursing_extra", nursing["extra"],
            categories=join([say(f"category.{c}", locale) for c in extension.categories], locale),
            grades=_grades(extension.grades, locale))
    if "households" in living:
        add("living", living["households"], grades=_grades(living.get("grades").value if "grades" in living else [1, 2, 3, 4], locale),
            households=join([say(f"household.{h}", locale) for h in living["households"].value], locale,
                            "list.separator"))
    add("both", nursing.get("grades"))
    amounts: dict[str, list[dict[str, Any]]] = {}
    for subsidy, subsidy_rules in (("living", living), ("nursing", nursing)):
        sourced = subsidy_rules.get("amounts")
        entries = []
        for rule in (sourced.value if sourced else []):
            assert isinstance(rule, AmountRule)
            entries.append({"amount": f"{rule.amount:.2f}", "grades": rule.grades, "categories": rule.categories,
                            "households": rule.households, "source": rule.source or sourced.source,
                            "as_of": sourced.as_of.isoformat(),
                            **_amount_words(rule, locale).as_dict()})
        amounts[subsidy] = entries or [{"amount": None, "source": None, "as_of": None,
                                        **say("policy.rule.amount_unknown", locale).as_dict()}]
    payment = policy.payment.get("institution_children_nursing")
    if payment is not None and payment.value == "institution":
        add("institution_payment", payment)
    coordination = []
    for benefit, sourced in sorted(policy.coordination.items()):
        entry = {"benefit": benefit, "label": say(f"benefit.{benefit}", locale).as_dict(), "source": sourced.source,
                 "as_of": sourced.as_of.isoformat()}
        for subsidy in ("living", "nursing"):
            effect = getattr(sourced.value, subsidy)
            entry[subsidy] = {"effect": effect, **say(f"coordination.{effect}", locale).as_dict()}
        coordination.append(entry)
    process = []
    for key, sourced in policy.process.items():
        if sourced.value in (None, False):
            continue
        params = {"date": sourced.value.isoformat()} if isinstance(sourced.value, date) else {}
        process.append({"rule": key, **say(f"policy.process.{key}", locale, **params).as_dict(),
                        "source": sourced.source, "as_of": sourced.as_of.isoformat()})
    took_effect = max((period.from_ for _, period in policy.periods), default=None)
    return {
        "region": {"code": policy.region_code, "name": found.full_name if found else None},
        "date": policy.on.isoformat(),
        "policy_levels": policy.levels,
        "took_effect": took_effect.isoformat() if took_effect else None,
        "rules": rules,
        "amounts": amounts,
        "coordination": coordination,
        "process": process,
        "contacts": contacts_document(policy),
    }


def _grades(grades: list[int], locale: str) -> Words:
    return join([say(f"grade.{grade}", locale) for grade in grades], locale)


def _amount_words(rule: AmountRule, locale: str) -> Words:
    parts = []
    if rule.categories:
        parts.append(join([say(f"category.{c}", locale) for c in rule.categories], locale))
    if rule.grades:
        parts.append(_grades(rule.grades, locale))
    if rule.households:
        parts.append(join([say(f"household.{h}", locale) for h in rule.households], locale))
    if not parts:
        return say("policy.rule.amount_everyone", locale, amount=yuan(rule.amount))
    condition = join(parts, locale, "list.clause_separator")
    clause = say("list.clause_separator", locale)
    return say("policy.rule.amount", locale, amount=yuan(rule.amount),
               condition=Words(condition.text + clause.text, condition.easy_read + clause.easy_read))


def submission_warnings(evaluation: Evaluation, requested: list[str], locale: str) -> list[dict[str, Any]]:
    """What the applicant is told on submitting: a subsidy that looks unlikely or uncertain is still
    submitted, and a certificate about to expire needs renewing (seed 001 item 13)."""
    warnings = []
    for subsidy in requested:
        verdict = evaluation.verdicts[subsidy]
        if verdict.outcome != "eligible":
            words = say(f"submit.warning.{verdict.outcome}", locale, subsidy=say(f"subsidy.{subsidy}", locale))
            warnings.append({"code": f"{subsidy}_{verdict.outcome}", **words.as_dict()})
    for reason in evaluation.warnings:
        warnings.append(reason_document(reason, None, locale))
    return warnings
