"""Image bytes -> certificate fields with confidences. Imports nothing of ours; usable alone (python -m ocr).

Importing this package loads no model and no image library: `Reader` and `read_document` are imported on
first use (PEP 562), and a `Reader` loads its engine's models when it is made. A web process that only needs
the result types pays nothing."""

from typing import TYPE_CHECKING, Any

from ocr.reading import FIELD_NAMES, KINDS, Field, Reading, Warning

AUTO = "auto"

if TYPE_CHECKING:
    from ocr.api import Reader, read_document


def __getattr__(name: str) -> Any:
    if name in ("Reader", "read_document"):
        from ocr import api

        return getattr(api, name)
    raise AttributeError(f"module 'ocr' has no attribute {name!r}")


__all__ = ["AUTO", "FIELD_NAMES", "KINDS", "Field", "Reader", "Reading", "Warning", "read_document"]
