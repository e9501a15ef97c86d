"""Use cases of the policy: the anonymous self-check (stores nothing), an application's eligibility and
checklist, and a region's policy in plain words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from backend.accounts.actor import Actor
from backend.applications.access import Purpose
from backend.applications.fields import get_path
from backend.applications.models import Application
from backend.errors import FieldError, InvalidInput
from backend.identity.id_numbers import InvalidIdNumber, parse_id_number
from backend.identity.regions import region
from backend.messages.catalog import say
from backend.messages.describe import field_label
from backend.policy.checklist import checklist
from backend.policy.evaluator import Evaluation, Facts, FactsRead, evaluate, facts_read, is_child
from backend.policy.presenter import evaluation_document, policy_document
from backend.runtime import china_date, runtime, today
from backend.unit_of_work import UnitOfWork, unit_of_work


def check_eligibility(facts: Facts, *, locale: str) -> dict[str, Any]:
    """The self-check a person does before deciding to apply: nothing is stored, no login needed. A day of
    application later than today is a question about the future, asked of today's policy; a birth or a
    certificate later than today is a typing mistake, refused as the form refuses it."""
    later = [FieldError(path, "date_in_future") for path, day in
             (("birth_date", facts.birth_date), ("certificate.issue_date", facts.issue_date))
             if day is not None and day > today()]
    if later:
        raise InvalidInput(errors=later)
    return evaluation_document(evaluate(runtime().policy, facts), locale)


def facts_for(application: Application, content: dict[str, Any]) -> Facts:
    def day(path: str) -> date | None:
        value = get_path(content, path)
        return date.fromisoformat(value) if value else None

    try:
        birth = parse_id_number(get_path(content, "applicant.id_number") or "").birth_date
    except InvalidIdNumber:
        birth = None
    # The month of application (seed 001 item 9) is the first submission's; a draft is judged as of today.
    on = china_date(application.first_submitted_at) if application.first_submitted_at else today()
    return Facts(
        region_code=application.hukou_region, on=on,
        category=get_path(content, "certificate.category"), grade=get_path(content, "certificate.grade"),
        issue_date=day("certificate.issue_date"), valid_until=day("certificate.valid_until"),
        previous_valid_until=day("certificate.previous_valid_until"),
        household=get_path(content, "household.status"),
        # A child raised in a welfare institution applies through the institution (issue 8; seed 003 item 4).
        other_benefits=frozenset(get_path(content, "other_benefits") or [])
        | ({"institution_care"} if application.applying_as == "institution" else set()),
        # What another benefit pays a month settles a choose-the-higher rule (seed 004, 政策告知书 注).
        other_benefit_amounts={benefit: Decimal(amount) for benefit, amount
                               in (get_path(content, "other_benefit_amounts") or {}).items()},
        birth_date=birth,
        # Seed 003 item 四: a 事实无人抚养儿童 in institution care is paid through the institution.
        de_facto_unsupported_child=get_path(content, "de_facto_unsupported_child"),
        applied_for=frozenset(application.subsidies))


def evaluate_application(application: Application, content: dict[str, Any]) -> Evaluation:
    return evaluate(runtime().policy, facts_for(application, content))


def application_eligibility(actor: Actor, application_id: str, *, locale: str) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW)
        content = uow.applications.content(application)
        return evaluation_document(evaluate_application(application, content), locale,
                                   requested=list(application.subsidies))


def application_facts_to_ask(actor: Actor, application_id: str) -> FactsRead:
    """What the application's region's rules (hukou county, on the day of application) would read that a
    question can settle: the monthly amounts of its listed benefits that a choose-the-higher rule weighs
    (seed 004 注), and whether the applicant is a 事实无人抚养儿童 (seed 003 item 四), asked only of an
    applicant the ID number's birth date shows is a child on that day."""
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW)
        facts = facts_for(application, uow.applications.content(application))
        code = facts.region_code if facts.region_code and region(facts.region_code) else "000000"
        read = facts_read(runtime().policy.resolve(code, facts.on), facts, tuple(application.subsidies))
        return FactsRead(read.benefit_amounts, read.de_facto_unsupported_child and is_child(facts) is True)


def application_checklist(actor: Actor, application_id: str, *, locale: str) -> dict[str, Any]:
    with unit_of_work() as uow:
        application = uow.applications.get_for(actor, application_id, Purpose.VIEW)
        return checklist_document(uow, application, locale)


def checklist_items(uow: UnitOfWork, application: Application):
    content = uow.applications.content(application)
    facts = facts_for(application, content)
    policy = runtime().policy.resolve(facts.region_code if facts.region_code and region(facts.region_code)
                                      else "000000", facts.on)
    return checklist(subsidies=application.subsidies, applying_as=application.applying_as, content=content,
                     materials=uow.applications.material_kinds(application), policy=policy,
                     assistance_consented=_assistance_consented(uow, application))


def _assistance_consented(uow: UnitOfWork, application: Application) -> bool:
    from sqlalchemy import select

    from backend.representation.models import Representation
    return uow.session.scalars(select(Representation.id).where(
        Representation.applicant_user_id == application.owner_user_id, Representation.kind == "assistant",
        Representation.status == "active")).first() is not None


def checklist_document(uow: UnitOfWork, application: Application, locale: str) -> dict[str, Any]:
    items = checklist_items(uow, application)
    rendered = []
    for item in items:
        label = field_label(item.item if item.item != "identity" else "identity", locale)
        rendered.append({
            "item": item.item, "label": label.as_dict(), "satisfied": item.satisfied,
            "alternatives": [list(group) for group in item.alternatives], "by_field": item.by_field,
            "why": say(f"checklist.{item.item}", locale).as_dict(), "source": item.source,
        })
    missing = [entry["item"] for entry in rendered if not entry["satisfied"]]
    return {"application_id": application.id, "items": rendered, "missing": missing, "complete": not missing}


def region_policy(region_code: str, on: date | None, *, locale: str) -> dict[str, Any]:
    on = on or today()
    policy = runtime().policy.resolve(region_code, on)
    return policy_document(policy, locale)
