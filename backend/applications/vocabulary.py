"""The closed lists of the application (DESIGN.md, "Names that other programs rely on")."""

from __future__ import annotations

SUBSIDIES = ("living", "nursing")
APPLYING_AS = ("self", "guardian", "entrusted", "village_committee", "institution")
CHANNELS = ("miniprogram", "official_account", "assistant")
HOUSEHOLD_STATUSES = ("dibao", "dibao_marginal", "none")
# Policy coordination (seed 004, 政策告知书 注): benefits that exclude, combine with, or compete with a subsidy.
OTHER_BENEFITS = (
    "work_injury_nursing_allowance", "destitute_support", "orphan", "de_facto_orphan_fully_supported",
    "public_duty_disability_allowance", "retired_cadre_nursing_fee", "disability_pension",
    "elderly_allowance", "elderly_care_subsidy", "institution_care",
)
# Who applies for the applicant, by the way they apply (seed 004: 本人或其法定监护人 ... 可委托他人或由所在
# 村(居)民委员会代为申请; seed 003: 监护人（或赡养、抚养、扶养义务人，其他被委托人）).
FAMILY_RELATIONS = ("parent", "spouse", "child", "sibling", "grandparent", "grandchild", "other_relative")
PROXY_RELATIONS = (*FAMILY_RELATIONS, "legal_guardian", "entrusted_person", "village_committee", "institution")
RELATIONS_FOR = {
    "guardian": (*FAMILY_RELATIONS, "legal_guardian"),
    "entrusted": (*FAMILY_RELATIONS, "entrusted_person"),
    "village_committee": ("village_committee",),
    "institution": ("institution",),
}
MATERIAL_KINDS = (
    "id_card_front", "id_card_back", "household_register", "disability_certificate", "dibao_proof",
    "guardianship_proof", "authorisation_letter", "consent_record", "policy_notice", "other",
)
# Purposes a person consents to separately (PIPL art. 14 specific consent; art. 29 separate consent
# for sensitive personal information: identity numbers, health (disability), financial accounts,
# benefits such as 低保 and orphan status; art. 23 for providing it to the review authorities).
CONSENT_PURPOSES = ("personal_information", "sensitive_personal_information", "provide_to_review_authorities")
CONSENT_NOTICE_VERSION = "2026-11"
