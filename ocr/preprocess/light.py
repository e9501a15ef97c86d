"""Even out light on a straightened document: divide by the paper's own brightness (the image with the text
closed away and smoothed), so a shadow, a glare spot or a dim room leaves dark text on an even, light ground.
Colour is kept: the recognisers were trained on colour photos.

The paper's brightness varies slowly, so it is estimated on a quarter-size copy (about 5 ms instead of 45)."""

from __future__ import annotations

import cv2
import numpy as np

_SHRINK = 4


def even_light(image: np.ndarray) -> np.ndarray:
    h, w = image.shape[:2]
    small = cv2.resize(image, (max(1, w // _SHRINK), max(1, h // _SHRINK)), interpolation=cv2.INTER_AREA)
    k = max(5, (min(h, w) // (20 * _SHRINK)) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    # Closing removes dark strokes thinner than the kernel, leaving the paper; the blur smooths its texture.
    paper = cv2.GaussianBlur(cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel), (0, 0), k / 2)
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    flat = image.astype(np.float32) * (235.0 / np.maximum(paper, 1.0))
    return np.clip(flat, 0, 255).astype(np.uint8)
