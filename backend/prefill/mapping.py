"""Which field of which document fills which field of the application. `ocr/` names fields as the
document prints them; this is the one place they meet the application (DESIGN.md: a certificate's
`valid_until` is the certificate's; an ID card's is the card's own and fills nothing)."""

from __future__ import annotations

# Material kinds that OCR reads, as the document kind it expects.
READABLE_KINDS = {"id_card_front": "id_card_front", "id_card_back": "id_card_back",
                  "disability_certificate": "disability_certificate"}

FIELD_MAP: dict[str, dict[str, str]] = {
    "id_card_front": {
        "name": "applicant.name",
        "id_number": "applicant.id_number",
        # The card's address is where the hukou was when the card was issued: a good first guess at the
        # address, which the applicant confirms or corrects.
        "address": "applicant.address",
    },
    "id_card_back": {},  # issuing authority and the card's own validity: nothing in the application
    "disability_certificate": {
        "name": "applicant.name",
        "certificate_number": "certificate.number",
        "disability_category": "certificate.category",
        "disability_grade": "certificate.grade",
        "issue_date": "certificate.issue_date",
        "valid_until": "certificate.valid_until",
        "address": "applicant.address",
    },
}

# Below this the reader itself is unsure (the ocr contract): such values are not proposed at all.
MINIMUM_CONFIDENCE = 0.5
