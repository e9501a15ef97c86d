"""ID and certificate numbers: read once, look again allowing only digits and X, and keep a value only if it
passes its check. When neither look passes, a single-character swap to the recogniser's runner-up that makes
the check pass is offered as a suggestion (confidence under 0.5): one substitution is always caught by
GB 11643's check character, so the swap that fixes it is likely, but not certain, to be the truth."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ocr.fields.layout import Value
from ocr.fields.values import number_in

ID_ALPHABET = "0123456789X"


@dataclasses.dataclass(frozen=True)
class NumberReading:
    value: str
    confidence: float
    suffix: str = ""           # characters after a 20-digit certificate number (a reissue)
    suggestion: bool = False   # True: no look passed the check; this is the one-swap repair


def resolve(looks: list[Value], length: int, is_valid: Callable[[str], bool]) -> NumberReading | None:
    candidates: list[tuple[str, Value, str]] = []
    for look in looks:
        run = number_in(look, length - 2)
        if run is None:
            continue
        text, suffix = run.text[:length], run.text[length:]
        candidates.append((text, run.sub(0, length), suffix))
    valid = [(t, v, s) for t, v, s in candidates if is_valid(t)]
    if valid:
        texts = {t for t, _, _ in valid}
        if len(texts) > 1:
            return None        # two different numbers both pass: refuse rather than guess
        text, value, suffix = max(valid, key=lambda c: c[1].confidence)
        agreeing = sum(1 for t, _, _ in candidates if t == text)
        least = max(v.confidence for t, v, _ in valid)
        if agreeing >= 2 and least >= 0.3:
            confidence = 0.99
        elif least >= 0.5:
            confidence = 0.95
        else:
            confidence = 0.7
        return NumberReading(text, confidence, suffix)
    repairs = set()
    for text, value, _ in candidates:
        if len(text) != length:
            continue
        for i, options in enumerate(value.alternatives):
            for char, probability in options[:2]:
                if probability >= 0.05 and char in ID_ALPHABET:
                    swapped = text[:i] + char + text[i + 1:]
                    if is_valid(swapped):
                        repairs.add(swapped)
    if len(repairs) == 1:
        return NumberReading(repairs.pop(), 0.45, suggestion=True)
    return None
