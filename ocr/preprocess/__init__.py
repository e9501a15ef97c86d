"""From a phone photo to a flat, evenly lit document image."""

from ocr.preprocess.by_text import straighten_by_text
from ocr.preprocess.document import Straightened, rotate_half_turn, straighten
from ocr.preprocess.light import even_light
from ocr.preprocess.photo import decode_photo

__all__ = ["Straightened", "decode_photo", "even_light", "rotate_half_turn", "straighten", "straighten_by_text"]
