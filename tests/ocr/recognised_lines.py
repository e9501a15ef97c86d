"""Recognised lines made by hand and a scripted engine: parser tests run without a recogniser."""

from __future__ import annotations

import datetime as dt

import numpy as np

from ocr.engines.boundary import TextLine

# The synthetic generator's "today": dates after it are implausible.
TODAY = dt.date(2025, 6, 1)


def line(text: str, box: tuple[float, float, float, float], confidence: float = 0.99,
         weak: dict[int, tuple[float, tuple[tuple[str, float], ...]]] | None = None) -> TextLine:
    """A recognised line; `weak` gives some characters a low confidence and runners-up."""
    confidences = [confidence] * len(text)
    alternatives: list[tuple[tuple[str, float], ...]] = [()] * len(text)
    for index, (conf, alts) in (weak or {}).items():
        confidences[index] = conf
        alternatives[index] = alts
    return TextLine(text, box, tuple(confidences), tuple(alternatives))


class ScriptedEngine:
    """Answers every second look with the text found under the looked-at box in `regions`, or the same
    text as the first read: a stand-in for a recogniser in parser tests."""

    name = "scripted"
    character_confidences = True

    def __init__(self, lines: list[TextLine], rereads: dict[str, str] | None = None,
                 unseen: list[TextLine] = (), doubted_again: bool = False):
        """`unseen`: text on the page that the first read (the detector) missed, found only by a look at it.
        `doubted_again`: every look doubts what the first read doubted (by default looks are sure)."""
        self.lines = lines
        self.rereads = rereads or {}
        self.unseen = list(unseen)
        self.doubted_again = doubted_again

    def read(self, image):
        return self.lines

    def reread(self, image, box, alphabet=None):
        for line_ in [*self.lines, *self.unseen]:
            if line_.box[0] <= (box[0] + box[2]) / 2 <= line_.box[2] and line_.box[1] <= (box[1] + box[3]) / 2 <= line_.box[3]:
                text = self.rereads.get(line_.text, line_.text)
                if alphabet is not None:
                    text = "".join(c for c in text if c in alphabet)
                if self.doubted_again and text == line_.text:
                    return TextLine(text, box, line_.confidences, line_.alternatives)
                return TextLine(text, box, (0.99,) * len(text), ((),) * len(text))
        return TextLine("", box, (), ())

    def find_text(self, image):
        return []


def page(width: int = 1015, height: int = 640) -> np.ndarray:
    return np.full((height, width, 3), 235, np.uint8)
