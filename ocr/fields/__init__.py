"""Layout-aware parsing of recognised lines into the documents' fields."""

from ocr.fields import disability_certificate, id_card, id_card_back
from ocr.fields.kind import detect_kind

PARSERS = {
    "id_card_front": id_card.parse,
    "id_card_back": id_card_back.parse,
    "disability_certificate": disability_certificate.parse,
}

__all__ = ["PARSERS", "detect_kind"]
