"""Which kind of file some bytes are, decided from their first bytes alone.

An upload's file name and the client's MIME type are whatever the phone, the WeChat client or an attacker
chose to say; only the bytes are evidence (issue 4, item 1). `sniff_format` reads magic numbers and, for
ISO base media files (HEIC, AVIF, MP4, MOV), the brands of the leading `ftyp` box. It never decodes.

The names it returns:

- accepted photo formats: ``"jpeg"``, ``"png"``, ``"heic"`` (HEIF with HEVC, what iPhones write),
  ``"webp"``;
- formats we recognise only to refuse them with a reason a person can act on: ``"gif"``, ``"bmp"``,
  ``"tiff"``, ``"pdf"`` (scanner apps export PDFs), ``"avif"``, ``"video"`` (MP4, MOV, 3GP: a person who
  filmed the paper);
- ``None`` for anything else (text, HTML, ZIP, an unknown binary).
"""

from __future__ import annotations

ACCEPTED_FORMATS: frozenset[str] = frozenset({"jpeg", "png", "heic", "webp"})
"""The formats `normalise_image` decodes: what phone cameras and screenshots produce (issue 4, item 1)."""

RECOGNISED_FORMATS: frozenset[str] = ACCEPTED_FORMATS | {"gif", "bmp", "tiff", "pdf", "avif", "video"}

# Brands of the `ftyp` box (ISO/IEC 14496-12). HEIF stills with HEVC coding and their sequence variants
# (ISO/IEC 23008-12 Annex B); `mif1`/`msf1` are the generic HEIF brands, which an AVIF also lists, so they
# count as HEIC only when no AV1 brand is present.
_HEVC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"})
_GENERIC_HEIF_BRANDS = frozenset({b"mif1", b"msf1", b"mif2", b"miaf"})
_AV1_BRANDS = frozenset({b"avif", b"avis", b"avio"})
_VIDEO_BRANDS = frozenset({
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"qt  ", b"M4V ",
    b"M4A ", b"3gp4", b"3gp5", b"3gp6", b"3g2a", b"dash", b"mmp4", b"MSNV", b"f4v ",
})
# A PDF reader accepts "%PDF-" anywhere in the first kilobyte; so do we, to name the refusal right.
_PDF_SEARCH_WINDOW = 1024
# BITMAPINFOHEADER and its successors have one of these sizes; checking it keeps text starting with "BM"
# (a sentence, a file of names) from being called a bitmap.
_BMP_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})


def sniff_format(data: bytes) -> str | None:
    """Name the format of `data` from its magic bytes, or None when it is no format we know.

    Only the start of the data is read; nothing is decoded, so this is safe on any input and takes
    microseconds. A JPEG with a ZIP appended is still a JPEG here: what follows the image is dropped
    when `normalise_image` re-encodes the pixels.
    """
    head = bytes(data[:64])
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return _sniff_iso_media(data)
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return "tiff"
    if head[:2] == b"BM" and len(head) >= 18 and int.from_bytes(head[14:18], "little") in _BMP_HEADER_SIZES:
        return "bmp"
    if b"%PDF-" in bytes(data[:_PDF_SEARCH_WINDOW]):
        return "pdf"
    return None


def _sniff_iso_media(data: bytes) -> str | None:
    """Tell a HEIC from an AVIF from a video by the major and compatible brands of the `ftyp` box."""
    box_size = int.from_bytes(data[:4], "big")
    # A real ftyp box holds a handful of brands; reading at most 256 bytes bounds the work on a lying size.
    end = min(box_size if box_size >= 16 else 16, len(data), 256)
    brands = {bytes(data[8:12])}
    brands.update(bytes(data[offset:offset + 4]) for offset in range(16, end - 3, 4))
    if brands & _HEVC_BRANDS:
        return "heic"
    if brands & _AV1_BRANDS:
        return "avif"
    if brands & _GENERIC_HEIF_BRANDS:
        return "heic"
    if brands & _VIDEO_BRANDS:
        return "video"
    return None


_JPEG_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_JPEG_STANDALONE_MARKERS = frozenset({0x01, 0xD8, *range(0xD0, 0xD8)})


def declared_size(data: bytes, detected: str) -> tuple[int, int] | None:
    """The (width, height) a JPEG, PNG or WebP header claims, without decoding; None when not found.

    Only for telling a person how large a refused image claimed to be when Pillow's own bomb guard stopped
    it before we saw the size. HEIC keeps its size in nested boxes and is not read here.
    """
    try:
        if detected == "png" and data[12:16] == b"IHDR":
            return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        if detected == "webp":
            return _webp_size(data)
        if detected == "jpeg":
            return _jpeg_size(data)
    except IndexError:
        return None
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and len(data) >= 30:
        return int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker in _JPEG_STANDALONE_MARKERS:
            position += 2
            continue
        if marker == 0xDA:  # start of scan: no frame header before it
            return None
        length = int.from_bytes(data[position + 2:position + 4], "big")
        if marker in _JPEG_SOF_MARKERS and position + 9 <= len(data):
            height = int.from_bytes(data[position + 5:position + 7], "big")
            width = int.from_bytes(data[position + 7:position + 9], "big")
            return width, height
        if length < 2:
            return None
        position += 2 + length
    return None
