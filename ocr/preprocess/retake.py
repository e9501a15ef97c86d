"""What to change when a photo left fields unread: the light, a lamp's reflection, or the distance and focus.

A person told only "没读到姓名" retypes it, or takes the same photo again. What stands between the benchmark's
failed documents and a good read is nearly always the photo (docs/ocr.md: recognition fails on small, blurred,
dim or glared documents), and a person can change that when told how. So a read that left a field missing, invalid
or under 0.5 names the likeliest cause, at most one, measured on the straightened document:

- `photo_dark`: the paper (the 90th percentile of the document's grey, as taken) is under DARK_PAPER, so the
  light evening multiplies it by more than 1.5, and the photo's noise and JPEG blocks with it;
- `photo_glare`: a quarter or more of the document is at GLARE_LEVEL or brighter, washed out by a lamp or by
  too much light;
- `photo_blurred`: the median text line's edges are spread over BLURRED_LINES of its height or more
  (preprocess/sharpness.py). Relative to the text, so a document far from the lens reads as blurred too; the
  advice covers both (closer, and steady).

Fitted on the 21 documents of fresh benchmark sets 17700000 and 18100000 that left a field missing or under 0.5
(14 of their 15 failed documents): each cause named was one the generator had applied (exposure under 0.45 or a
shadow, overexposure or glare, blur of 1.1 px or more). bench/ocr.py counts the causes named on every run."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from ocr.engines.boundary import TextLine
from ocr.preprocess.sharpness import edge_spread
from ocr.reading import RETAKE_ADVICE

DARK_PAPER = 150
GLARE_LEVEL = 245
GLARE_SHARE = 0.25
BLURRED_LINES = 0.028

DARK, GLARE, BLURRED = RETAKE_ADVICE


def retake_advice(taken: np.ndarray, read: np.ndarray, lines: Sequence[TextLine]) -> str | None:
    """The code of the likeliest cause a person can change, or None when the photo shows none. `taken` is the
    straightened document as photographed, `read` the rendering `lines` were read from."""
    grey = cv2.cvtColor(taken, cv2.COLOR_BGR2GRAY) if taken.ndim == 3 else taken
    if grey.size == 0:
        return None
    if float(np.percentile(grey, 90)) < DARK_PAPER:
        return DARK
    if float(np.count_nonzero(grey >= GLARE_LEVEL)) / grey.size >= GLARE_SHARE:
        return GLARE
    spreads = [spread for line in lines if len(line.text) >= 2
               and (spread := edge_spread(read, line.box)) is not None]
    if spreads and float(np.median(spreads)) >= BLURRED_LINES:
        return BLURRED
    return None
