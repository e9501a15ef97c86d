"""Getting the pixels out of an upload's bytes, or a refusal saying why they cannot be had.

Steps 2 to 5 of `images.normalise_image` (its docstring tells the whole pipeline and why): only the one
Pillow plugin for the sniffed type, the pixel limit read from the header before anything is decoded,
animated images refused, a JPEG decoded at reduced size, a HEIC decoded by pillow-heif directly, and every
decoder failure or read past the end of the data turned into ``truncated``. This is the one place that
lets a parser near untrusted bytes, so it is its own module: what it guards against (decompression bombs,
truncated files, globals other code may have set) can be read and reviewed here in one piece, apart from
what is done to the pixels afterwards (`pixels`).
Every failure is a `RefusedFile`; nothing here stores anything or keeps state between calls.
"""

from __future__ import annotations

import io
import math
import struct
from typing import Final

import pillow_heif
from PIL import Image, ImageFile, UnidentifiedImageError

from backend.materials.formats import declared_size
from backend.materials.refusals import RefusedFile

# Pillow's plugin id for each accepted format. MPO is how Pillow opens a JPEG that carries more images.
_PILLOW_FORMATS: Final = {"jpeg": ["JPEG", "MPO"], "png": ["PNG"], "webp": ["WEBP"]}
_MAY_ANIMATE: Final = frozenset({"png", "webp"})

# What Pillow's plugins and decoders raise on data that is not what its header promised. MemoryError is
# deliberately absent: running out of memory is the server's trouble, not the person's file.
_DECODE_ERRORS: Final = (
    OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, KeyError, TypeError,
    ZeroDivisionError, RuntimeError, UnidentifiedImageError,
)


class _EndWatchingStream(io.BytesIO):
    """The upload as a file for Pillow, noting any read attempted at the end of the data.

    A complete JPEG or PNG is decoded without reading past its end (the decoder stops at EOI or IEND);
    a decoder that asks for more has run out of image. Pillow raises for that itself unless
    ``ImageFile.LOAD_TRUNCATED_IMAGES`` is set somewhere in the process; this keeps our answer the same
    either way.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self._length = len(data)
        self.read_past_end = False

    def read(self, size: int | None = -1, /) -> bytes:
        if self.tell() >= self._length and size != 0:
            self.read_past_end = True
        return super().read(size)


def pixel_limit(max_pixels: int) -> int:
    pillow_limit = Image.MAX_IMAGE_PIXELS
    return max_pixels if pillow_limit is None else min(max_pixels, pillow_limit)


def decoded_with_pillow(data: bytes, detected: str, limit_pixels: int, min_side: int,
                        max_side: int) -> ImageFile.ImageFile:
    stream = _EndWatchingStream(data)
    image = _open(stream, data, detected, limit_pixels)
    _check_dimensions(image.size, limit_pixels, min_side)
    if detected in _MAY_ANIMATE:
        frames = _frame_count(image, detected)
        if frames > 1:
            raise RefusedFile("animated", frames=frames)
    if detected == "jpeg":
        _draft_for(image, max_side)
    _load(image, stream, detected, limit_pixels)
    return image


def decoded_heic(data: bytes, limit_pixels: int, min_side: int) -> Image.Image:
    """The primary image of a HEIC, decoded by pillow-heif directly rather than through its Pillow plugin.

    The plugin fills a failed decode with blank pixels when ``ImageFile.LOAD_TRUNCATED_IMAGES`` is set
    anywhere in the process; called directly, libheif's error always reaches us. It also leaves Pillow's
    plugin registry and pillow-heif's options alone, and never swaps in an embedded thumbnail.
    The primary image is the one every gallery shows; other images in the file (bursts, depth maps)
    are not decoded.
    """
    try:
        container = pillow_heif.open_heif(data, convert_hdr_to_8bit=True)
        primary = container[container.primary_index]
    except _DECODE_ERRORS:
        raise RefusedFile("truncated", detected="heic") from None
    _check_dimensions(primary.size, limit_pixels, min_side)
    try:
        image = primary.to_pillow()  # decodes; resets the EXIF orientation that libheif already applied
    except _DECODE_ERRORS:
        raise RefusedFile("truncated", detected="heic") from None
    width, height = image.size
    if width * height > limit_pixels:  # the decoded size may differ from the header's
        raise RefusedFile("too_many_pixels", width=width, height=height, limit_pixels=limit_pixels)
    return image


def _open(stream: _EndWatchingStream, data: bytes, detected: str, limit_pixels: int) -> ImageFile.ImageFile:
    """Parse the header with the one Pillow plugin for `detected`; no pixel is decoded yet."""
    try:
        return Image.open(stream, formats=_PILLOW_FORMATS[detected])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's guard fired on the header before we could see the size; read it from the header
        # ourselves for the person's message (None for a HEIC, whose size sits in nested boxes).
        width, height = declared_size(data, detected) or (None, None)
        raise RefusedFile("too_many_pixels", width=width, height=height, limit_pixels=limit_pixels) from None
    except _DECODE_ERRORS:
        raise RefusedFile("truncated", detected=detected) from None


def _check_dimensions(size: tuple[int, int], limit_pixels: int, min_side: int) -> None:
    width, height = size
    if width * height > limit_pixels:
        raise RefusedFile("too_many_pixels", width=width, height=height, limit_pixels=limit_pixels)
    if min(width, height) < min_side:
        raise RefusedFile("too_small", width=width, height=height, min_side=min_side)


def _frame_count(image: ImageFile.ImageFile, detected: str) -> int:
    try:
        return int(getattr(image, "n_frames", 1))
    except _DECODE_ERRORS:
        raise RefusedFile("truncated", detected=detected) from None


def _draft_for(image: ImageFile.ImageFile, max_side: int) -> None:
    """Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the result is still at least `max_side` long.

    The requested box keeps the stored aspect ratio; `draft` picks the largest reduction that stays at or
    above it in both directions. Orientation is irrelevant here: it never changes which side is long.
    """
    width, height = image.size
    long_side = max(width, height)
    if long_side < 2 * max_side:
        return
    scale = max_side / long_side
    image.draft(image.mode, (math.ceil(width * scale), math.ceil(height * scale)))


def _load(image: ImageFile.ImageFile, stream: _EndWatchingStream, detected: str, limit_pixels: int) -> None:
    """Decode every pixel now, so that damage is found here and not halfway through scaling."""
    stream.read_past_end = False
    try:
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height = image.size
        raise RefusedFile("too_many_pixels", width=width, height=height, limit_pixels=limit_pixels) from None
    except _DECODE_ERRORS:
        raise RefusedFile("truncated", detected=detected) from None
    if stream.read_past_end:
        raise RefusedFile("truncated", detected=detected)

