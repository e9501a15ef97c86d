"""Fixtures for the image tests: small photo-like pictures in each accepted format."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.backend.materials.pictures import encoded, photo


@pytest.fixture(scope="session")
def document_photo() -> Image.Image:
    """A 640 x 480 photo-like picture of a paper on a table."""
    return photo(640, 480)


@pytest.fixture(scope="session")
def jpeg_upload(document_photo) -> bytes:
    return encoded(document_photo, "JPEG", quality=90)


@pytest.fixture(scope="session")
def png_upload(document_photo) -> bytes:
    return encoded(document_photo, "PNG")


@pytest.fixture(scope="session")
def webp_upload(document_photo) -> bytes:
    return encoded(document_photo, "WEBP", quality=85)


@pytest.fixture(scope="session")
def heic_upload(document_photo) -> bytes:
    return encoded(document_photo, "HEIF", quality=70)


@pytest.fixture(scope="session")
def uploads(jpeg_upload, png_upload, webp_upload, heic_upload) -> dict[str, bytes]:
    """One upload per accepted format, keyed by the name `sniff_format` gives it."""
    return {"jpeg": jpeg_upload, "png": png_upload, "webp": webp_upload, "heic": heic_upload}

