"""Image bytes -> certificate fields with confidences. Imports nothing of ours; usable alone (python -m ocr).

Importing this package loads no model: a `Reader` does, when it is made."""

from ocr.api import AUTO, Reader, read_document
from ocr.reading import FIELD_NAMES, KINDS, Field, Reading, Warning

__all__ = ["AUTO", "FIELD_NAMES", "KINDS", "Field", "Reader", "Reading", "Warning", "read_document"]
