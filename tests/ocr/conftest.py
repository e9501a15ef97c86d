"""Fixtures for OCR tests: a Reader loaded once per test session (it costs about a second)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def reader():
    from ocr.api import Reader

    return Reader()
