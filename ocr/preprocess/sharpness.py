"""How blurred a line of text is, relative to its height: the recogniser's confidence is not to be trusted on
text whose edges are spread over a good part of a stroke's gap.

A step edge blurred by a Gaussian of width sigma has a steepest slope of contrast / (sigma * sqrt(2 pi)), so
sigma is estimated as the line's contrast (2nd to 98th percentile of grey) over its steepest slopes (the 99.5th
percentile of the gradient), and divided by the line's height to be independent of the image's scale. It is an
estimate, biased upward on crisp text (the pixel grid itself spreads an edge): crisp print measures about 0.02,
print blurred by 5 % of its line's height about 0.043 (tests/ocr/test_sharpness.py).

Measured on the benchmark (docs/ocr.md): the median confidently read name or address line spreads its edges over
about 2.3 % of its height; the only free-text fields the recogniser read wrong with confidence 0.9 or more (淼 read
as 森 in a name, 莺 as 驾 in a township's name, both in photos at the generator's strongest blur) spread theirs
over 3.3 % and 4.8 %.

`contrast` says whether a region holds ink at all: bare paper, however noisy, has little of it. `is_pale` says
whether its ink is too faint to trust: glare or a dim room washes strokes out (the crossbar of a 4, the small
strokes of 莺), and the recogniser reads what is left as another character, surely."""

from __future__ import annotations

import math

import cv2
import numpy as np

# Edges spread over more than this share of the line's height: complex characters (淼 and 森, 莺 and 驾) can
# no longer be told apart with certainty, whatever the recogniser says.
BLURRED = 0.03
# After the light is evened the paper is at 235 (preprocess/light.py), and black print measures about 175 or
# more. Ink that comes less than a quarter of the way from the paper to black is washed out. On six benchmark
# sets (1,855 free-text lines read at 0.9 or more) 8 lines measured under this, and 4 of them were wrong: fresh
# set 12500000's 凉水村10组31号 for 34号 under glare (49 and 56), 黄驾乡 for 黄莺乡 in a dim photo (48 and 49).
PALE = 60


def edge_spread(image: np.ndarray, box: tuple[float, float, float, float]) -> float | None:
    """The estimated blur of the text in `box`, as a share of the box's height; None for an empty crop."""
    height = int(round(box[3])) - int(round(box[1]))
    grey = _grey(image, box, pad=max(2, height // 4))
    if grey is None or height <= 0:
        return None
    # Sobel's 3x3 kernels weigh a unit step as 8 (their sum of absolute weights): divided out to get grey per pixel.
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3) / 8
    steepest = float(np.percentile(np.hypot(gx, gy), 99.5))
    contrast = float(np.percentile(grey, 98) - np.percentile(grey, 2))
    if steepest <= 0:
        return None
    return contrast / (steepest * math.sqrt(2 * math.pi)) / height


def is_blurred(image: np.ndarray, box: tuple[float, float, float, float]) -> bool:
    spread = edge_spread(image, box)
    return spread is not None and spread >= BLURRED


def contrast(image: np.ndarray, box: tuple[float, float, float, float]) -> float:
    """The grey levels between the region's ink and its paper (2nd to 98th percentile); 0 for an empty region.
    On the dim, noisy benchmark photo 5300123, after the light is evened: 190 on the name, 27 on the bare paper
    past it."""
    grey = _grey(image, box, pad=0)
    if grey is None:
        return 0.0
    return float(np.percentile(grey, 98) - np.percentile(grey, 2))


def is_pale(image: np.ndarray, box: tuple[float, float, float, float]) -> bool:
    """Whether the ink in `box` is washed out (under PALE). Meant for a box the detector found text in; a crop
    with no contrast at all is not judged, as `edge_spread` does not judge it, but noisy bare paper (about 17)
    would count as pale."""
    measured = contrast(image, box)
    return 0 < measured < PALE


def _grey(image: np.ndarray, box: tuple[float, float, float, float], pad: int) -> np.ndarray | None:
    h, w = image.shape[:2]
    left, top, right, bottom = (int(round(v)) for v in box)
    crop = image[max(0, top - pad):min(h, bottom + pad), max(0, left - pad):min(w, right + pad)]
    if crop.size == 0:
        return None
    return cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY).astype(np.float32) if crop.ndim == 3 else crop.astype(np.float32)
