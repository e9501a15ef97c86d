"""The small boundary every recogniser sits behind: find and read the text lines of a straightened document,
look again at one region, optionally allowed only some characters (digits for a number field), and find where
a photo's text lines lie (to straighten a document whose outline is lost in glare)."""

from __future__ import annotations

import dataclasses
from typing import Protocol

import numpy as np


# How many runners-up a line keeps for each character, and a fusion of looks after them.
RUNNERS_UP = 3


@dataclasses.dataclass(frozen=True)
class TextLine:
    text: str
    box: tuple[float, float, float, float]        # left, top, right, bottom in the straightened image
    confidences: tuple[float, ...]               # one per character of `text`, 0..1
    # For each character, the runners-up the recogniser considered there (character, probability), best
    # first; empty when the engine cannot say (Tesseract).
    alternatives: tuple[tuple[tuple[str, float], ...], ...] = ()
    # Each character's horizontal centre in the image, where the engine knows it; lets a line that holds a
    # label and its value be cut exactly between them.
    positions: tuple[float, ...] = ()

    @property
    def confidence(self) -> float:
        return min(self.confidences, default=0.0)

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def centre_y(self) -> float:
        return (self.box[1] + self.box[3]) / 2


class TextEngine(Protocol):
    """An engine may also offer `reread_by_other_model(image, box) -> TextLine | None`, a look by a second
    recognition model (RapidOCR with PP-OCRv5); fields/looks.py asks for it only where it exists. And
    `upside_down(image, lines) -> bool`, whether the lines read from `image` stand upside down (RapidOCR's
    direction classifier); without it, the reader finds an upside-down document by reading it turned."""

    name: str
    # True when confidences and runners-up are per character (RapidOCR); False when per word (Tesseract).
    character_confidences: bool

    def read(self, image: np.ndarray) -> list[TextLine]:
        """All text lines of a BGR image, each with per-character confidences."""

    def reread(self, image: np.ndarray, box: tuple[float, float, float, float], alphabet: str | None = None) -> TextLine:
        """A second look at one region of `image`; with `alphabet`, only those characters may be output."""

    def find_text(self, image: np.ndarray) -> list[np.ndarray]:
        """Where the text lines of a photo lie, unread: each a 4x2 quadrilateral in `image`, clockwise from its
        top-left corner, following the line's slant. Empty when the engine cannot tell a line's slant."""
