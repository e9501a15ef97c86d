"""Whether a stored photo is too dark to read: a person told "没看到整张证件。请放平，拍全。" about a photo taken in a
dark room lays the card flat again in the same dark room. Said only when the reading found little (the OCR copes
with dim photos: the benchmark's low-light photos read as well as the others)."""

from __future__ import annotations

import io

from PIL import Image

# The brightest parts of a document photo are its paper. In the low-light photos of ocr/synthetic's benchmark mix
# (exposure 0.35-0.6; seeds 100000-100299) the 95th percentile of brightness is at least 44 of 255; a photo taken
# with hardly any light stays under 20. Between them, 32.
DARK_PERCENTILE = 95
TOO_DARK_BELOW = 32


def too_dark(content: bytes) -> bool:
    """True when even the brightest part of the photo (its 95th percentile of brightness) is dark. A photo that
    cannot be decoded is not called dark: what is wrong with it is said otherwise."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.draft("L", (256, 256))  # JPEG decodes at a fraction of its size: a few milliseconds
            grey = image.convert("L")
            grey.thumbnail((256, 256))
    except Exception:  # noqa: BLE001
        return False
    histogram = grey.histogram()
    wanted = sum(histogram) * DARK_PERCENTILE / 100
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= wanted:
            return level < TOO_DARK_BELOW
    return False
