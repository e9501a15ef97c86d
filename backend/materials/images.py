"""Turn whatever bytes a phone uploads into one clean, upright, metadata-free JPEG and its thumbnail.

`normalise_image` is pure: bytes in, a `NormalisedImage` out, or a `RefusedFile` with a stable code
(see `refusals`). It touches no file, no database and no global setting, so the upload service can call it
before it stores anything, and a refusal leaves nothing behind (issue 4, item 2). It holds no state between
calls and is safe to call from many threads at once.

What it does, in order, and why:

1. **Size by bytes** first (``max_bytes``, 20 MB by default), before any parsing.
2. **Type from the bytes** (`formats.sniff_format`), never from the name or the client's MIME type. Pillow is
   then allowed to try only the one plugin for that type (``Image.open(..., formats=[...])``), so no other
   parser (PDF, FITS, EPS, ...) ever sees an upload. GIF is refused by type (``unsupported_format``): no
   phone camera writes it, its 256 colours blur small print, and in WeChat a GIF is a sticker (表情), so
   the person learns at once that they sent the wrong thing. BMP, TIFF, PDF (scanner apps), AVIF and
   videos are named in the refusal for the same reason.
3. **Pixel limit from the header**, before any pixel is decoded: ``width * height`` above
   ``max_pixels`` (default 8192 x 8192 = 67 MP, room for the 48-50 MP modes of current phones), or above
   Pillow's own ``Image.MAX_IMAGE_PIXELS`` when that is lower, is refused as ``too_many_pixels``. Pillow's
   warning threshold thus acts as an error; the global is read, never written, so a concurrent request or
   another module cannot switch the guard off (setting it to ``None`` leaves ours in force), and
   ``DecompressionBombError`` (and the warning, when warnings are errors) maps to the same refusal.
4. **Frames.** An animated PNG or WebP is refused (``animated``): a proof must be one still picture, and in
   WeChat an animation is almost always a sticker sent by mistake; storing its first frame would keep a
   picture the person never chose to show. A JPEG carrying more images (MPO: depth maps, Ultra HDR gain
   maps) and a HEIC holding several images are photos: we keep the primary image, as every gallery shows.
5. **Decode at reduced size** where the format allows: a JPEG whose long side is at least twice the target
   is decoded at 1/2, 1/4 or 1/8 scale by libjpeg (``draft``), never below the target size. HEIC has no such
   mode; it is decoded by pillow-heif directly, not through its Pillow plugin, whose ``draft`` would swap in
   an embedded thumbnail (which need not match the image) and which fills a failed decode with blank
   pixels when ``ImageFile.LOAD_TRUNCATED_IMAGES`` is set. Likewise a JPEG or PNG decoder that reads past
   the end of the data is refused as ``truncated`` even when some other code has set that global.
6. **Colour.** Palette, 1-bit, 16-bit (``I;16`` is scaled, not clipped to white as ``convert("L")`` does),
   CMYK, LA/RGBA become RGB or L; transparency is flattened on white (transparent pixels are black
   underneath, so a plain conversion turns black text on a transparent screenshot into black on black).
   An embedded ICC profile is applied to reach sRGB (an iPhone's Display P3, a CMYK press profile) and then
   dropped; without one, sRGB is assumed (also for a HEIC that states its colours only as an ``nclx``
   code: phones that shoot in P3 embed an ICC profile). A profile that lcms cannot read, or one for
   another colour space than the pixels, is ignored, not a refusal. Grey images stay grey (one channel).
7. **Scale** to at most ``max_side`` (2560) px on the long side, **then turn upright** by the EXIF (or XMP)
   orientation read from the original, which is what ``ImageOps.exif_transpose`` does, applied after
   scaling because transposing fewer pixels is cheaper. Scaling never changes which side is long, so the
   order does not matter for the result; the tests check all eight orientations through the draft path.
   A HEIC is oriented by its container: libheif applies the ``irot``/``imir`` boxes (phones write them)
   while decoding, and its EXIF orientation is ignored, as HEIF/MIAF readers must; applying it as well
   would turn an iPhone's portrait photo twice.
8. **Re-encode** as baseline JPEG from pixels alone: no EXIF (GPS above all), XMP, ICC, comment or trailing
   data survives, because the output image carries an empty ``info`` (Pillow would otherwise copy a JPEG
   comment from ``info`` into the output). Whatever was appended to or hidden in the upload (a ZIP after
   the JPEG, HTML in a PNG text chunk: polyglots, or the video of a "motion photo") is gone, so such files
   are accepted and cleaned rather than refused; a refusal would hit every Android motion photo.
   The thumbnail (``thumbnail_side`` px on the long side) is made from the clean image, so it is clean too.

Why JPEG for everything, even PNG screenshots: one format downstream (OCR, the review packet, the
mini program's viewer), a predictable size on weak networks (a 2560 px photo as PNG is 5-10 MB), and alpha
is flattened anyway. What PNG would save, crisp coloured text in screenshots and scans, we keep by encoding
lossless sources at quality 90 without chroma subsampling (4:4:4), so red seals and coloured text stay
sharp; camera photos, already 4:2:0, are encoded at quality 85 with 4:2:0 (WebP counts as a photo,
lossy or not).

Where the steps live: this module holds their order and the result. Opening with Pillow through step 5
(everything that lets a parser near the untrusted bytes) is `decoding`; steps 6 to 8 (what is done to
pixels already decoded) are `pixels`.

Speed and memory (bench/materials.py, 2 cores): a 12 MP phone JPEG takes about 0.3 s and 130 MB peak RSS,
half of it the bicubic scaling; a Display P3 profile adds 0.08 s of colour conversion; a 12 MP iPhone HEIC
takes 0.5-0.7 s.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Final

from backend.materials.decoding import decoded_heic, decoded_with_pillow, pixel_limit
from backend.materials.formats import ACCEPTED_FORMATS, sniff_format
from backend.materials.pixels import (
    encode_jpeg,
    flattened_on_white,
    in_srgb,
    orientation as exif_orientation,
    scaled,
    to_resizable_mode,
    upright,
)
from backend.materials.refusals import RefusedFile

DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024
"""Issue 4, item 2: "照片太大了，请小于 20MB". A 12 MP phone JPEG is 3-6 MB, a 50 MP one about 15 MB."""
DEFAULT_MAX_SIDE: Final = 2560
DEFAULT_THUMBNAIL_SIDE: Final = 320
DEFAULT_MAX_PIXELS: Final = 8192 * 8192
"""67 MP: room for the 48-50 MP modes of current phones (8064 x 6048, 8192 x 6144). The 108 and 200 MP
modes exceed Pillow's own bomb threshold (89 MP) and are refused; phones take 12 MP photos by default."""
DEFAULT_MIN_SIDE: Final = 200
"""Below 200 px on the short side a certificate or an ID card cannot be read by a reviewer or by OCR."""

OUTPUT_MEDIA_TYPE: Final = "image/jpeg"
PHOTO_QUALITY: Final = 85
LOSSLESS_SOURCE_QUALITY: Final = 90
THUMBNAIL_QUALITY: Final = 80
_SUBSAMPLING_420: Final = 2
_SUBSAMPLING_444: Final = 0
_LOSSLESS_SOURCES: Final = frozenset({"png"})


@dataclass(frozen=True)
class NormalisedImage:
    """A clean image ready to store: upright, at most `max_side` px, sRGB, no metadata at all."""

    content: bytes
    media_type: str
    width: int
    height: int
    thumbnail: bytes
    thumbnail_media_type: str
    thumbnail_width: int
    thumbnail_height: int
    source_format: str
    """What the uploaded bytes were: "jpeg", "png", "heic" or "webp"."""
    sha256: str
    """Hex SHA-256 of `content`: the hand-off packet names materials by it."""


def normalise_image(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_side: int = DEFAULT_MAX_SIDE,
    thumbnail_side: int = DEFAULT_THUMBNAIL_SIDE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    min_side: int = DEFAULT_MIN_SIDE,
) -> NormalisedImage:
    """Decode `data` completely and return it upright, stripped, scaled and re-encoded, with a thumbnail.

    Raises `RefusedFile` (codes in `refusals`) for anything we will not store; never another exception
    for bad input.
    """
    if not data:
        raise RefusedFile("empty")
    if len(data) > max_bytes:
        raise RefusedFile("too_large", limit_bytes=max_bytes, size_bytes=len(data))
    detected = sniff_format(data)
    if detected is None:
        raise RefusedFile("not_an_image")
    if detected not in ACCEPTED_FORMATS:
        raise RefusedFile("unsupported_format", detected=detected)

    limit_pixels = pixel_limit(max_pixels)
    if detected == "heic":
        image = decoded_heic(data, limit_pixels, min_side)
        orientation = 1  # libheif has applied the container's rotation and mirroring while decoding
    else:
        image = decoded_with_pillow(data, detected, limit_pixels, min_side, max_side)
        orientation = exif_orientation(image)
    icc_profile = image.info.get("icc_profile")

    pixels = scaled(to_resizable_mode(image), max_side)
    del image  # the full-size decode is no longer needed: free it before the next copies
    pixels = flattened_on_white(pixels)
    pixels = in_srgb(pixels, icc_profile)
    pixels = upright(pixels, orientation)

    lossless_source = detected in _LOSSLESS_SOURCES
    content = encode_jpeg(
        pixels,
        quality=LOSSLESS_SOURCE_QUALITY if lossless_source else PHOTO_QUALITY,
        subsampling=_SUBSAMPLING_444 if lossless_source else _SUBSAMPLING_420,
    )
    thumbnail = scaled(pixels, thumbnail_side)
    thumbnail_content = encode_jpeg(thumbnail, quality=THUMBNAIL_QUALITY, subsampling=_SUBSAMPLING_420)
    return NormalisedImage(
        content=content,
        media_type=OUTPUT_MEDIA_TYPE,
        width=pixels.width,
        height=pixels.height,
        thumbnail=thumbnail_content,
        thumbnail_media_type=OUTPUT_MEDIA_TYPE,
        thumbnail_width=thumbnail.width,
        thumbnail_height=thumbnail.height,
        source_format=detected,
        sha256=hashlib.sha256(content).hexdigest(),
    )
