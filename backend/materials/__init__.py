"""Proof materials: turning the bytes a phone uploads into clean stored images (issue 4)."""

from backend.materials.formats import ACCEPTED_FORMATS, sniff_format
from backend.materials.images import NormalisedImage, normalise_image
from backend.materials.refusals import REFUSAL_CODES, RefusedFile

__all__ = [
    "ACCEPTED_FORMATS",
    "REFUSAL_CODES",
    "NormalisedImage",
    "RefusedFile",
    "normalise_image",
    "sniff_format",
]
