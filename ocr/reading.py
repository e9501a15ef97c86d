"""What a read returns: the document's fields with confidences, and warnings as stable codes.

Warning codes (each with an optional `field` and `params`):
- `image_unreadable`: the bytes are not an image we can decode.
- `document_not_found`: neither the document's outline nor its text lines were found; the whole photo was
  read as it is.
- `kind_not_recognised`: `auto` could not tell which document this is; no fields.
- `kind_mismatch` (params `detected`): the photo looks like another document than the one asked for.
- `field_missing`: the field's label or value was not found on the document.
- `field_invalid` (params `reason`: `check_digit`, `date`, `implausible_date`, `unknown_value`):
  what was read fails validation and could not be repaired; the field is withheld.
- `field_repaired` (params `source`: the field it was taken from): the printed value was unreadable or
  disagreed, and the value was taken from a field that encodes the same fact (birth date and sex from the ID
  number; category and grade from the certificate number).
- `fields_disagree` (params `other`): two printed fields that must agree do not; the one that passed a check
  digit was kept.
- `certificate_number_suffix` (params `length`): characters after the 20-digit certificate number (a
  reissue); they are not part of `certificate_number`.
- `photo_dark`, `photo_glare`, `photo_blurred`: a field was left missing, invalid or under 0.5, or the document
  was not recognised, and the photo shows why: too little light, a reflection or overexposure, or text too
  blurred or too small. At most one, first among the warnings (preprocess/retake.py): what to change when
  taking the photo again.
"""

from __future__ import annotations

import dataclasses
from typing import Any

FIELD_NAMES = (
    "name", "sex", "ethnicity", "birth_date", "address", "id_number", "issuing_authority", "valid_from",
    "valid_until", "certificate_number", "disability_category", "disability_grade", "issue_date",
)
KINDS = ("id_card_front", "id_card_back", "disability_certificate")
# What a read says to change for a better photo (preprocess/retake.py), first among its warnings.
RETAKE_ADVICE = ("photo_dark", "photo_glare", "photo_blurred")
# What a read says when it found no document in the photo: the person is asked for another photo then too.
NO_DOCUMENT_FOUND = ("image_unreadable", "document_not_found", "kind_not_recognised")


@dataclasses.dataclass(frozen=True)
class Field:
    value: str | int
    confidence: float          # 0..1; under 0.5 means "shown only as a suggestion"


@dataclasses.dataclass(frozen=True)
class Warning:
    code: str
    field: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code}
        if self.field:
            out["field"] = self.field
        if self.params:
            out["params"] = self.params
        return out


@dataclasses.dataclass(frozen=True)
class Reading:
    kind: str | None
    fields: dict[str, Field]
    warnings: tuple[Warning, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "fields": {name: {"value": f.value, "confidence": round(f.confidence, 3)}
                       for name, f in self.fields.items()},
            "warnings": [w.to_json() for w in self.warnings],
        }
