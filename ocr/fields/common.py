"""What the three document parsers share: collecting fields and warnings, and the confidence rules."""

from __future__ import annotations

import re

from ocr.fields.layout import Value
from ocr.reading import Field, Warning

_NAME_CHARS = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff·]")


class Collected:
    def __init__(self) -> None:
        self.fields: dict[str, Field] = {}
        self.warnings: list[Warning] = []

    def put(self, name: str, value: str | int, confidence: float) -> None:
        self.fields[name] = Field(value, round(max(0.0, min(confidence, 1.0)), 3))

    def warn(self, code: str, field: str | None = None, **params: object) -> None:
        self.warnings.append(Warning(code, field, dict(params)))


def chinese_only(value: Value) -> Value:
    """Keep CJK characters (and the middle dot of transliterated names): labels' stray strokes and colons go."""
    keep = [i for i, c in enumerate(value.text) if _NAME_CHARS.match(c)]
    return Value("".join(value.text[i] for i in keep), tuple(value.confidences[i] for i in keep),
                 tuple(value.alternatives[i] for i in keep) if value.alternatives else (), value.box)


def free_text_confidence(first: Value, second: Value | None) -> float:
    """Names and addresses have no check digit. Calibrated on the benchmark (docs/ocr.md): a look whose least
    sure character is below 0.9, or two looks that disagree, never earned 0.9."""
    if second is None:
        return min(first.confidence, 0.85)
    if first.text != second.text:
        return min(0.45, first.confidence * 0.5)
    least = min(first.confidence, second.confidence)
    return least if least >= 0.9 else least * 0.85


def pick_free_text(first: Value, second: Value | None) -> Value:
    """Of two looks, the one whose least sure character is surer."""
    if second is None or not second.text:
        return first
    if not first.text:
        return second
    return first if first.confidence >= second.confidence else second
