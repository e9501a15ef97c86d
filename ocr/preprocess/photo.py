"""Decoding uploaded bytes: EXIF orientation first (phones store portrait shots sideways with a tag), a pixel
limit against decompression bombs, and a cheap reduced decode of very large JPEGs (REFERENCE.md, Pillow)."""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image, ImageOps

MAX_PIXELS = 40_000_000
WORKING_LONG_SIDE = 2000      # more pixels than this add time, not accuracy, for a document filling the frame


class UnreadableImage(ValueError):
    """The bytes are not an image we can decode."""


def decode_photo(data: bytes) -> np.ndarray:
    """BGR pixels, upright, at most WORKING_LONG_SIDE on the long side."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_PIXELS:
                raise UnreadableImage("image too large")
            if img.format == "JPEG":
                img.draft("RGB", (WORKING_LONG_SIDE, WORKING_LONG_SIDE))
            img = ImageOps.exif_transpose(img).convert("RGB")
            scale = WORKING_LONG_SIDE / max(img.size)
            if scale < 1:
                img = img.resize((round(img.width * scale), round(img.height * scale)), Image.Resampling.LANCZOS)
            rgb = np.asarray(img)
    except (OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise UnreadableImage(str(exc)) from exc
    # OpenCV's conversion: 0.2 ms for a 1280x960 photo, against 5 ms for numpy's reversed-channel copy.
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
