"""What this applicant must provide, derived from their situation (seed 004, 政策告知书 三: 居民身份证或户口本、
残疾人证、低保证; proof of guardianship or authorisation when someone applies for them). The policy notice
is acknowledged online, and that acknowledgement is the signature (seed 001 item 11): no photo of paper."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from backend.applications.fields import get_path
from backend.policy.book import EffectivePolicy


@dataclass(frozen=True)
class ChecklistItem:
    item: str
    alternatives: tuple[tuple[str, ...], ...]   # any one group of material kinds satisfies the item
    satisfied: bool
    source: str
    by_field: str | None = None                 # satisfied by a field instead of a photo


def checklist(*, subsidies: Iterable[str], applying_as: str, content: dict[str, Any], materials: Iterable[str],
              policy: EffectivePolicy, assistance_consented: bool = False) -> list[ChecklistItem]:
    held = set(materials)
    items: list[ChecklistItem] = []

    def need(item: str, alternatives: tuple[tuple[str, ...], ...], source: str) -> None:
        satisfied = any(all(kind in held for kind in group) for group in alternatives)
        items.append(ChecklistItem(item, alternatives, satisfied, source))

    need("identity", (("id_card_front", "id_card_back"), ("household_register",)),
         "seed 004, 政策告知书 三 (居民身份证或户口本)")
    need("disability_certificate", (("disability_certificate",),), "seed 004, 政策告知书 三 (残疾人证)")
    household = get_path(content, "household.status")
    looked_up = policy.process.get("dibao_looked_up")
    if "living" in subsidies and household in ("dibao", "dibao_marginal") and not (looked_up and looked_up.value):
        need("dibao_proof", (("dibao_proof",),), "seed 004, 政策告知书 三 (低保证)")
    if applying_as in ("guardian", "institution"):
        need("guardianship_proof", (("guardianship_proof",),), "seed 004, 政策告知书 三 (法定监护人代为申请)")
    if applying_as == "entrusted":
        need("authorisation_letter", (("authorisation_letter",),), "seed 004, 政策告知书 三 (委托他人代为申请)")
    if applying_as == "village_committee":
        # The applicant's own consent to the assistant: given on their WeChat by code, or recorded in person
        # with a photo (issue 8); either satisfies the item, a consent photo among the materials too.
        if assistance_consented:
            items.append(ChecklistItem("consent_record", (), True, "issue 8: assistance consent",
                                       by_field="assistance_consent"))
        else:
            need("consent_record", (("consent_record",),), "seed 004, 政策告知书 三 (村（居）民委员会代为申请)")
    acknowledged = get_path(content, "policy_notice_acknowledged") is True
    items.append(ChecklistItem("policy_notice", (), acknowledged,
                               "seed 003 item 4 and seed 004 (政策告知书); seed 001 item 11 (电子签章、无纸化)",
                               by_field="policy_notice_acknowledged"))
    return items
