"""Even out light on a straightened document: divide by the paper's own brightness (a heavy blur of the
image with the text closed away), so a shadow, a glare spot or a dim room leaves dark text on an even, light
ground; then stretch the contrast. Colour is kept: the recognisers were trained on colour photos."""

from __future__ import annotations

import cv2
import numpy as np


def even_light(image: np.ndarray) -> np.ndarray:
    h, w = image.shape[:2]
    k = max(15, (min(h, w) // 20) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    # Closing removes dark strokes thinner than k, leaving the paper; the blur smooths its texture.
    paper = cv2.morphologyEx(image, cv2.MORPH_CLOSE, kernel)
    paper = cv2.GaussianBlur(paper, (0, 0), k / 2).astype(np.float32)
    flat = image.astype(np.float32) / np.maximum(paper, 1.0) * 235.0
    return np.clip(flat, 0, 255).astype(np.uint8)
