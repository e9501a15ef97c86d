"""The type of an upload is decided from its bytes alone (issue 4, item 1)."""

from __future__ import annotations

import struct

import pytest
from PIL import Image

from backend.materials.formats import declared_size, sniff_format
from tests.backend.materials.pictures import encoded, photo, raw_png


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00" * 32


@pytest.fixture(scope="module")
def small() -> Image.Image:
    return photo(64, 48)


@pytest.mark.parametrize(("pillow_format", "expected"), [
    ("JPEG", "jpeg"), ("PNG", "png"), ("WEBP", "webp"), ("HEIF", "heic"),
    ("GIF", "gif"), ("BMP", "bmp"), ("TIFF", "tiff"), ("PDF", "pdf"),
])
def test_files_written_by_pillow_are_named_by_their_bytes(small, pillow_format, expected):
    assert sniff_format(encoded(small, pillow_format)) == expected


@pytest.mark.parametrize(("data", "expected"), [
    (_ftyp(b"heic", b"mif1", b"heic"), "heic"),
    (_ftyp(b"mif1", b"heic"), "heic"),
    (_ftyp(b"heix", b"mif1"), "heic"),
    (_ftyp(b"mif1", b"miaf"), "heic"),
    (_ftyp(b"avif", b"mif1", b"miaf"), "avif"),
    (_ftyp(b"mif1", b"avif"), "avif"),
    (_ftyp(b"isom", b"iso2", b"avc1", b"mp41"), "video"),
    (_ftyp(b"qt  ", b"qt  "), "video"),
    (_ftyp(b"zzzz"), None),
])
def test_iso_media_files_are_told_apart_by_their_brands(data, expected):
    assert sniff_format(data) == expected


@pytest.mark.parametrize("data", [
    b"",
    b"hello, this is a text file\n",
    b"<!DOCTYPE html><html><script>alert(1)</script></html>",
    b"PK\x03\x04" + b"\x00" * 40,
    b"BMW X5, licence plate 12345, a text that starts with BM",
    b"\xff\xd8",  # too short to be the start of a JPEG
    bytes(range(256)),
])
def test_bytes_of_no_image_format_are_not_named(data):
    assert sniff_format(data) is None


def test_a_pdf_with_bytes_before_its_header_is_still_a_pdf():
    assert sniff_format(b"\r\n\x00garbage" + b"%PDF-1.7\n1 0 obj") == "pdf"


def test_a_jpeg_followed_by_a_zip_is_a_jpeg(small):
    assert sniff_format(encoded(small, "JPEG") + b"PK\x03\x04" + b"\x00" * 100) == "jpeg"


def test_declared_sizes_are_read_from_headers_without_decoding(small):
    assert declared_size(encoded(small, "JPEG"), "jpeg") == (64, 48)
    assert declared_size(encoded(small, "PNG"), "png") == (64, 48)
    assert declared_size(encoded(small, "WEBP"), "webp") == (64, 48)
    assert declared_size(encoded(small, "WEBP", lossless=True), "webp") == (64, 48)
    assert declared_size(encoded(small, "WEBP", exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x00\x00"),
                         "webp") == (64, 48)
    assert declared_size(raw_png(30000, 20000, bit_depth=8, colour_type=2, idat=b""), "png") == (30000, 20000)
    assert declared_size(b"\xff\xd8\xff\xe0", "jpeg") is None
