"""Valid synthetic applications, field by field, for tests."""

from __future__ import annotations

import random
from typing import Any

from backend.applications.vocabulary import CONSENT_PURPOSES
from backend.identity.synthetic import SyntheticPerson, make_person, synthetic_certificate_number

ALL_CONSENTS = list(CONSENT_PURPOSES)
_rng = random.Random(20261125)


def person(**kwargs: Any) -> SyntheticPerson:
    kwargs.setdefault("rng", random.Random(_rng.random()))
    return make_person(**kwargs)


def complete_fields(who: SyntheticPerson | None = None, *, category: int = 4, grade: int = 2,
                    household: str = "dibao", issue_date: str = "2019-06-10",
                    valid_until: str = "2029-06-10") -> dict[str, Any]:
    """The JSON groups of a complete self-application (PATCH body)."""
    who = who or person()
    return {
        "applicant": {"name": who.name, "id_number": who.id_number, "hukou_region": who.hukou_region,
                      "address": who.address, "phone": who.phone},
        "certificate": {"number": synthetic_certificate_number(who.id_number, category, grade),
                        "issue_date": issue_date, "valid_until": valid_until},
        "household": {"status": household},
        "other_benefits": [],
        "policy_notice_acknowledged": True,
    }


def proxy_fields(who: SyntheticPerson | None = None, relation: str = "child") -> dict[str, Any]:
    who = who or person(born="1985-02-11")
    return {"proxy": {"name": who.name, "id_number": who.id_number, "phone": who.phone, "relation": relation}}
