"""Straighten a document by its text lines when its outline cannot be trusted.

Under a lamp's glare the paper and a bright patch of desk merge, and the outline found around them is not the
document's (`document.py`). The printed lines still show how the document lies: they run parallel to its top
edge and fill most of it. The lines the detector finds in the photo give the document's angle (the
length-weighted median of their directions) and its extent (all lines, turned level, with a margin of one line
height); that rectangle is warped flat like an outline. Perspective is not undone, only rotation and scale,
which the reader tolerates (measured on six benchmark sets: 15 of the 16 photos whose outline was not
trusted read fully right this way, the other lost only a name and a village to blur, docs/ocr.md).

The reader also uses it for a doubtful outline, reading the document both ways (ocr/api.py)."""

from __future__ import annotations

import math

import numpy as np

from ocr.preprocess.document import OUTPUT_HEIGHT, Straightened, warp

# A text line is at least this many times longer than high; shorter boxes (a lone character, a stamp, the
# emblem) say little about the direction.
_LINE_SHAPE = 2.0
# Lines leaning more than this from the dominant direction are not the document's print (desk texture).
_ANGLE_TOLERANCE = 6.0
# A short box counts for the extent when it is about a line high and its centre lies within this many line
# heights of the lines' extent (the ID card's name row is about two line heights above its 性别 row).
_SHORT_HEIGHTS = (0.6, 1.6)
_NEAR = 2.5


def straighten_by_text(photo: np.ndarray, text_boxes: list[np.ndarray]) -> Straightened | None:
    """`text_boxes`: the detector's quadrilaterals in the photo, each clockwise from its top-left corner.
    None when there are no text lines to go by."""
    boxes = [np.asarray(box, dtype=np.float32) for box in text_boxes]
    lines = [line for line in map(_line, boxes) if line is not None]
    if not lines:
        return None
    angle = _weighted_median([a for a, _, _, _ in lines], [length for _, length, _, _ in lines])
    heights = [height for a, _, height, _ in lines if abs(a - angle) <= _ANGLE_TOLERANCE]
    typical = float(np.median(heights))
    kept = [box for a, _, height, box in lines if abs(a - angle) <= _ANGLE_TOLERANCE and height <= 3 * typical]
    turn = math.radians(angle)
    # Rotating by -angle turns the lines level.
    level = np.array([[math.cos(turn), math.sin(turn)], [-math.sin(turn), math.cos(turn)]], dtype=np.float32)
    points = np.vstack(kept) @ level.T
    low, high = points.min(axis=0), points.max(axis=0)
    # Short boxes (two characters: the ID card's 姓名 and a two-character name, each on its own) say nothing of
    # the direction, but they are print: one of a line's height beside the lines widens the extent. Without
    # them a dim card's name row was left outside the document (fresh benchmark set 16900000, photo 16900012).
    # Only short boxes, whole within reach: a streak of desk texture leaning a little off the lines is no line
    # (it was left out above), and must not widen the document either.
    near = typical * _NEAR
    for box in (box for box in boxes if _line(box) is None):
        level_box = box @ level.T
        height = float(np.ptp(level_box[:, 1]))
        if _SHORT_HEIGHTS[0] * typical <= height <= _SHORT_HEIGHTS[1] * typical and \
                np.all(level_box.min(axis=0) >= low - near) and np.all(level_box.max(axis=0) <= high + near):
            low, high = np.minimum(low, level_box.min(axis=0)), np.maximum(high, level_box.max(axis=0))
    (x0, y0), (x1, y1) = low - typical, high + typical
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32) @ level
    out_h = OUTPUT_HEIGHT
    out_w = max(1, round(out_h * (x1 - x0) / max(y1 - y0, 1.0)))
    return Straightened(warp(photo, corners, out_w, out_h), True, corners, trusted=True)


def _line(box: np.ndarray) -> tuple[float, float, float, np.ndarray] | None:
    """(direction in degrees, length, height, box) of a detector box shaped like a text line."""
    top, side = box[1] - box[0], box[3] - box[0]
    length, height = float(np.linalg.norm(top)), float(np.linalg.norm(side))
    if height <= 0 or length < _LINE_SHAPE * height:
        return None
    return math.degrees(math.atan2(float(top[1]), float(top[0]))), length, height, box


def _weighted_median(values: list[float], weights: list[float]) -> float:
    order = np.argsort(values)
    cumulative = np.cumsum(np.asarray(weights, dtype=np.float64)[order])
    return float(np.asarray(values)[order][np.searchsorted(cumulative, cumulative[-1] / 2)])
