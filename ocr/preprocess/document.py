"""Find the document in a phone photo and straighten it: the largest bright quadrilateral, warped to a flat
rectangle in landscape. Documents lie on a desk; their paper is brighter and less saturated than what is
around them, and their edges are straight.

When no plausible quadrilateral is found the whole photo is used (a scan or a tight crop is already flat).

Glare can join the paper to a bright patch of desk, and then the largest bright quadrilateral is not the
document: one of its sides runs over paper or desk with no edge under it. `Straightened.trusted` says whether
every side of the outline has contrast (measured on six benchmark sets, 1,260 photos, docs/ocr.md: the weakest
side of the 1,245 outlines within 15 px of the document on the 960 px copy had a contrast of 22 grey levels or
more in 99 % of them, 6 at the least; the 15 others, all under glare or in a dim room, had 7 at most); an
outline that is not trusted is replaced by the text's own lines (`preprocess/by_text.py`)."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np

# Width/height of the documents we read (ID card 85.6 x 54 mm; the booklet's data page is wider).
ASPECTS = (1.586, 1.418)
WORK_WIDTH = 960            # detection runs on a small copy; warping uses the full photo
OUTPUT_HEIGHT = 640         # straightened documents are this tall (text lines come out 25-45 px high)
TRUSTED_CONTRAST = 8.0      # grey levels across the outline's weakest side (see above)
# Outlines a little above that, or far from a document's proportions, are doubtful: the reader reads the
# document both ways and keeps the read with more legible characters (ocr/api.py).
DOUBTFUL_CONTRAST = 16.0
# Every corner of an outline between 35 and 145 degrees (true outlines on the benchmark: docs/ocr.md).
MAX_CORNER_COSINE = float(np.cos(np.radians(35)))
DOUBTFUL_ASPECT = 0.3       # width/height this far from both 1.586 and 1.418 (a few right outlines reach 0.32)


@dataclasses.dataclass(frozen=True)
class Straightened:
    image: np.ndarray          # BGR, landscape, OUTPUT_HEIGHT tall
    found: bool                # False: no document outline, the whole photo was used
    corners: np.ndarray        # 4x2 float32 in the photo, clockwise from top-left
    # Every side of the outline is an edge (paper on one side, desk on the other): the outline is the document.
    trusted: bool = True
    # Trusted, but by a small margin, or with proportions no document has: worth checking against the text.
    doubtful: bool = False


def straighten(photo: np.ndarray) -> Straightened:
    h, w = photo.shape[:2]
    scale = WORK_WIDTH / max(w, h)
    # Linear, not area, interpolation: 3 ms instead of 17 for a 1600 px photo, and outlines are large shapes
    # (measured: the same outlines on the benchmark, docs/ocr.md).
    small = cv2.resize(photo, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_LINEAR) if scale < 1 else photo
    scale = min(scale, 1.0)
    outline = _find_quad(small)
    if outline is None:
        corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
        return Straightened(_fit(photo), False, corners, trusted=False)
    quad, contrast = outline
    corners = _order(quad / scale)
    width = (np.linalg.norm(corners[1] - corners[0]) + np.linalg.norm(corners[2] - corners[3])) / 2
    height = (np.linalg.norm(corners[3] - corners[0]) + np.linalg.norm(corners[2] - corners[1])) / 2
    if height > width:          # portrait outline: the document was photographed sideways
        corners = np.roll(corners, -1, axis=0)
        width, height = height, width
    measured = width / max(height, 1.0)
    out_w, out_h = round(OUTPUT_HEIGHT * _snap_aspect(measured)), OUTPUT_HEIGHT
    odd_shape = min(abs(measured - a) for a in ASPECTS) > DOUBTFUL_ASPECT
    return Straightened(warp(photo, corners, out_w, out_h), True, corners, trusted=contrast >= TRUSTED_CONTRAST,
                        doubtful=contrast < DOUBTFUL_CONTRAST or odd_shape)


def warp(photo: np.ndarray, corners: np.ndarray, out_w: int, out_h: int) -> np.ndarray:
    """The quadrilateral `corners` (clockwise from top-left) of `photo`, warped flat to out_w x out_h."""
    target = np.array([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(photo, matrix, (out_w, out_h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def rotate_half_turn(image: np.ndarray) -> np.ndarray:
    return cv2.rotate(image, cv2.ROTATE_180)


def _fit(photo: np.ndarray) -> np.ndarray:
    h, w = photo.shape[:2]
    if w < h:
        photo = cv2.rotate(photo, cv2.ROTATE_90_CLOCKWISE)
        h, w = w, h
    scale = OUTPUT_HEIGHT / h if h > OUTPUT_HEIGHT * 1.5 or h < OUTPUT_HEIGHT * 0.6 else 1.0
    return cv2.resize(photo, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA) if scale != 1 else photo


def _find_quad(small: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The best-scoring outline and its weakest side's contrast."""
    area = small.shape[0] * small.shape[1]
    gray = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0).astype(np.float32)
    best, best_score, best_contrast = None, 0.0, 0.0
    for mask in _candidate_masks(small):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            c_area = cv2.contourArea(contour)
            if c_area < 0.08 * area:
                break
            quad = _order(_quad_of(contour))
            q_area = cv2.contourArea(quad)
            if q_area <= 0:
                continue
            fill = min(c_area / q_area, q_area / c_area)   # a document fills its outline exactly; a blob does not
            sides = [np.linalg.norm(quad[(i + 1) % 4] - quad[i]) for i in range(4)]
            long, short = (sides[0] + sides[2]) / 2, (sides[1] + sides[3]) / 2
            ratio = max(long, short) / max(min(long, short), 1.0)
            aspect_fit = max(0.0, 1 - min(abs(ratio - a) for a in ASPECTS) / 0.6)
            if fill < 0.85 or aspect_fit < 0.3 or not _corners_square_enough(quad):
                continue
            # A real outline has contrast all round: paper on one side, desk on the other. A blob of glare or
            # the photo's own frame has at least one side without it.
            contrast = _weakest_side_contrast(gray, quad)
            score = contrast * (q_area / area) ** 0.5 * fill
            if score > best_score:
                best, best_score, best_contrast = quad, score, contrast
    return (best, best_contrast) if best_score > 0 else None


def _corners_square_enough(quad: np.ndarray) -> bool:
    """A flat rectangle seen in perspective keeps its corners near right angles. The edge of a shadow across a
    card, with the card's bright part on one side, can make a four-sided outline whose sides and proportions
    look like a document's but whose corner is almost flat (173 degrees: benchmark photo 5700194, where it hid
    a legible certificate)."""
    for i in range(4):
        before, corner, after = quad[i - 1], quad[i], quad[(i + 1) % 4]
        u, v = before - corner, after - corner
        cosine = float(np.dot(u, v) / max(np.linalg.norm(u) * np.linalg.norm(v), 1e-6))
        if abs(cosine) > MAX_CORNER_COSINE:
            return False
    return True


def _weakest_side_contrast(gray: np.ndarray, quad: np.ndarray, offset: float = 5.0) -> float:
    h, w = gray.shape
    centre = quad.mean(axis=0)
    weakest = np.inf
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        direction = (b - a) / max(np.linalg.norm(b - a), 1e-6)
        normal = np.array([-direction[1], direction[0]])
        if np.dot(centre - (a + b) / 2, normal) < 0:
            normal = -normal
        t = np.linspace(0.1, 0.9, 32)[:, None]
        points = a + t * (b - a)
        inside, outside = points + offset * normal, points - offset * normal
        ok = ((outside[:, 0] >= 0) & (outside[:, 0] < w - 1) & (outside[:, 1] >= 0) & (outside[:, 1] < h - 1)
              & (inside[:, 0] >= 0) & (inside[:, 0] < w - 1) & (inside[:, 1] >= 0) & (inside[:, 1] < h - 1))
        if ok.mean() < 0.5:
            return 0.0
        diff = np.abs(_sample(gray, inside[ok]) - _sample(gray, outside[ok]))
        weakest = min(weakest, float(np.median(diff)))
    return weakest


def _sample(gray: np.ndarray, points: np.ndarray) -> np.ndarray:
    xs, ys = points[:, 0].astype(int), points[:, 1].astype(int)
    return gray[ys, xs]


def _candidate_masks(small: np.ndarray) -> list[np.ndarray]:
    """Three views of "paper versus desk": bright and unsaturated (Otsu on a paperness map), the same after
    removing the light's gradient, and closed edges. Each fails on some photos; the best outline wins."""
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    value = hsv[..., 2].astype(np.float32)
    paperness = value - 0.6 * hsv[..., 1].astype(np.float32)
    paperness = cv2.GaussianBlur(cv2.normalize(paperness, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8), (5, 5), 0)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))
    masks = []
    _, otsu = cv2.threshold(paperness, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    masks.append(cv2.morphologyEx(otsu, cv2.MORPH_CLOSE, kernel, iterations=2))
    # The light's gradient, from a 32 x 24 copy (24 x 32 for a portrait photo: a landscape copy of a portrait
    # photo smears the gradient across the document, and a card filling a portrait shot lost its outline).
    tiny = cv2.resize(paperness, (32, 24) if small.shape[1] >= small.shape[0] else (24, 32),
                      interpolation=cv2.INTER_AREA)
    background = cv2.resize(cv2.GaussianBlur(tiny, (0, 0), 4), paperness.shape[::-1], interpolation=cv2.INTER_LINEAR)
    flat = cv2.normalize(paperness.astype(np.float32) - background.astype(np.float32) * 0.7, None, 0, 255,
                         cv2.NORM_MINMAX).astype(np.uint8)
    _, otsu_flat = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    masks.append(cv2.morphologyEx(otsu_flat, cv2.MORPH_CLOSE, kernel, iterations=2))
    # Fixed shares of the brightest pixels: when glare or shadow joins paper to desk under Otsu's threshold,
    # a stricter or looser one usually separates them.
    for view in (paperness, flat):
        cumulative = np.cumsum(cv2.calcHist([view], [0], None, [256], [0, 256]).ravel()) / view.size
        for q in (0.40, 0.55, 0.70, 0.85):
            level_value = float(np.searchsorted(cumulative, q))       # the q-quantile, from the histogram
            _, level = cv2.threshold(view, level_value, 255, cv2.THRESH_BINARY)
            masks.append(cv2.morphologyEx(level, cv2.MORPH_OPEN, kernel, iterations=2))
    # Edges after a local contrast stretch, so a grey card on a grey desk in a dim room still has an outline.
    gray = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY))
    gray = cv2.GaussianBlur(gray, (5, 5), 0)
    for low, high in ((30, 90), (15, 45)):
        edges = cv2.Canny(gray, low, high)
        closed = cv2.morphologyEx(cv2.dilate(edges, kernel), cv2.MORPH_CLOSE, kernel, iterations=3)
        filled = np.zeros_like(closed)
        contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
        masks.append(cv2.erode(filled, kernel))
    return masks


def _quad_of(contour: np.ndarray) -> np.ndarray:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for epsilon in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
    return cv2.boxPoints(cv2.minAreaRect(hull)).astype(np.float32)


def _order(quad: np.ndarray) -> np.ndarray:
    """Clockwise from the top-left corner."""
    centre = quad.mean(axis=0)
    angles = np.arctan2(quad[:, 1] - centre[1], quad[:, 0] - centre[0])
    quad = quad[np.argsort(angles)]               # clockwise in image coordinates, starting anywhere
    start = int(np.argmin(quad.sum(axis=1)))
    return np.roll(quad, -start, axis=0).astype(np.float32)


def _snap_aspect(measured: float) -> float:
    nearest = min(ASPECTS, key=lambda a: abs(a - measured))
    # Seen at an angle, a card's sides shrink unequally: the measured ratio can be 10 % off, which would
    # confuse an ID card (1.586) with a booklet page (1.418). Snap only when it is clearly one of them.
    return nearest if abs(nearest - measured) < 0.04 else measured
