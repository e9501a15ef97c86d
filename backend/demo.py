"""Demo data for `make run`: the demo accounts named in DESIGN.md and one submitted application from a
synthetic person, so the reviewer's desk is not empty. Synthetic people only; safe to run repeatedly."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from backend.accounts.actor import Actor
from backend.accounts.models import Role, User
from backend.applications.service import DraftChanges, create_application, save_draft, submit_application
from backend.applications.vocabulary import CONSENT_PURPOSES
from backend.db.base import new_id
from backend.demo_photos import DEMO_KINDS, demo_photo
from backend.materials.service import add_material
from backend.identity.synthetic import make_person, synthetic_certificate_number
from backend.unit_of_work import unit_of_work

WULONG = "500156"  # 重庆市武隆区, the region of seed 004

DEMO_ACCOUNTS = [
    ("demo-applicant", Role.PUBLIC, "演示申请人", None),
    ("demo-guardian", Role.PUBLIC, "演示监护人", None),
    ("demo-assistant", Role.ASSISTANT, "演示协办员", WULONG),
    ("demo-reviewer", Role.REVIEWER, "演示审核员", WULONG),
    ("demo-admin", Role.ADMIN, "演示管理员", None),
]
SAMPLE_ACCOUNT = "demo-sample-applicant"


def seed_demo() -> list[str]:
    """Creates what is missing; returns what it created."""
    created: list[str] = []
    with unit_of_work() as uow:
        for account, role, name, region_code in [*DEMO_ACCOUNTS, (SAMPLE_ACCOUNT, Role.PUBLIC, "演示样例申请人", None)]:
            if uow.session.scalars(select(User).where(User.account == account)).first() is None:
                uow.session.add(User(id=new_id(), account=account, role=role.value, display_name=name,
                                     region_code=region_code, created_at=uow.now))
                created.append(account)
        uow.commit()
    if SAMPLE_ACCOUNT in created:
        _seed_sample_application()
        created.append("sample application")
    return created


def _seed_sample_application() -> None:
    with unit_of_work() as uow:
        sample = uow.session.scalars(select(User).where(User.account == SAMPLE_ACCOUNT)).one()
        actor = Actor(user_id=sample.id, role=Role.PUBLIC, display_name=sample.display_name, source="demo-seed")
    # An elderly man whose ID number still carries the abolished code of 武隆县 (500232): the hukou
    # suggestion maps it to today's 武隆区.
    person = make_person(region="500232", born="1952-03-14", sex="male", rng=random.Random(2023))
    document = create_application(actor, subsidies=["living", "nursing"], applying_as="self",
                                  changes=DraftChanges(consents=list(CONSENT_PURPOSES)))
    values = {
        "applicant.name": person.name, "applicant.id_number": person.id_number,
        "applicant.hukou_region": person.hukou_region, "applicant.address": person.address,
        "applicant.phone": person.phone,
        "certificate.number": synthetic_certificate_number(person.id_number, 4, 2),
        "certificate.issue_date": "2019-06-10", "certificate.valid_until": date(2029, 6, 10).isoformat(),
        "household.status": "dibao", "other_benefits": ["elderly_allowance"],
        "policy_notice_acknowledged": True,
    }
    document = save_draft(actor, document["id"], DraftChanges(values=values), expected_version=document["version"])
    for kind in DEMO_KINDS:
        add_material(actor, document["id"], kind, demo_photo(kind, realistic=False))
    submit_application(actor, document["id"])
