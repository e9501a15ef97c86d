"""A second look at one region of the document, by the same or another engine, on another rendering of the
straightened image; two independent looks that agree are worth more than one confident one."""

from __future__ import annotations

import numpy as np

from ocr.engines.boundary import TextEngine, TextLine
from ocr.fields.layout import Value


class SecondLook:
    def __init__(self, engine: TextEngine, image: np.ndarray):
        self.engine = engine
        self.image = image

    def __call__(self, box: tuple[float, float, float, float], alphabet: str | None = None) -> Value:
        line: TextLine = self.engine.reread(self.image, box, alphabet)
        return Value(line.text, line.confidences, line.alternatives or ((),) * len(line.text), line.box)


def agreement(first: Value, second: Value) -> float:
    """The confidence two looks at the same text earn: high only when they agree exactly."""
    if first.text == second.text and first.text:
        return min(max(first.confidence, second.confidence), 1.0)
    return 0.0
