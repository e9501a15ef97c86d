"""Blurred text is never read as certain (ocr/preprocess/sharpness.py): the recogniser is over-confident there."""

import cv2
import numpy as np
from PIL import Image, ImageDraw

from ocr.fields.layout import Value
from ocr.preprocess.sharpness import BLURRED, edge_spread, is_blurred, is_pale
from ocr.synthetic.fonts import available_faces, font

LINE = (20, 20, 380, 60)        # a 40-pixel-high line of text


def text_line(blur_share: float = 0.0, ink: int = 30) -> np.ndarray:
    """A line of text in grey `ink` on light paper (235, as the light evening leaves it), blurred by a Gaussian
    whose width is `blur_share` of the line."""
    page = Image.new("RGB", (400, 80), (235, 235, 230))
    ImageDraw.Draw(page).text((24, 22), "上官淼文黄莺乡", fill=(ink, ink, ink), font=font(available_faces()[0], 34))
    image = cv2.cvtColor(np.asarray(page), cv2.COLOR_RGB2BGR)
    if blur_share:
        image = cv2.GaussianBlur(image, (0, 0), blur_share * (LINE[3] - LINE[1]))
    return image


def test_crisp_text_is_not_blurred_and_text_blurred_by_a_twentieth_of_its_line_is():
    assert edge_spread(text_line(), LINE) < BLURRED
    assert not is_blurred(text_line(), LINE)
    assert is_blurred(text_line(0.05), LINE)


def test_the_estimate_grows_with_the_blur_and_does_not_depend_on_the_image_scale():
    spreads = [edge_spread(text_line(share), LINE) for share in (0.02, 0.04, 0.06)]
    assert spreads[0] < spreads[1] < spreads[2]
    doubled = cv2.resize(text_line(0.04), None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    assert abs(edge_spread(doubled, tuple(2 * v for v in LINE)) - spreads[1]) < 0.25 * spreads[1]


def test_a_blank_region_has_no_estimate():
    assert edge_spread(np.full((80, 400, 3), 235, np.uint8), LINE) is None


class EveryLookSure:
    """Every look reads 上官森文 at 0.99, as the recogniser did on a blurred photo of 上官淼文."""

    engine = None

    def __init__(self, image: np.ndarray):
        self.first_image = image
        self.value = Value("上官森文", (0.99,) * 4, ((),) * 4, LINE)

    def __call__(self, box, alphabet=None):
        return self.value

    sharpened = __call__

    def denoised(self, box, evened=False):
        return self.value

    def by_other_model(self, box):
        return None                   # no second model


def test_a_unanimous_sure_reading_of_blurred_text_is_not_offered_as_certain():
    from ocr.fields.common import look_free_text

    _, on_blurred = look_free_text([EveryLookSure(None).value], EveryLookSure(text_line(0.05)), {}, lambda v: v)
    assert on_blurred <= 0.85
    _, on_crisp = look_free_text([EveryLookSure(None).value], EveryLookSure(text_line()), {}, lambda v: v)
    assert on_crisp >= 0.9


def test_print_washed_out_by_glare_is_pale_and_black_print_and_a_flat_crop_are_not():
    # Fresh benchmark set 12500000, photo 12500102: 凉水村10组34号 under glare measured 49 after the light was
    # evened, and every look read 31号 at 0.99.
    assert is_pale(text_line(ink=190), LINE)
    assert not is_pale(text_line(), LINE) and not is_pale(text_line(ink=120), LINE)
    assert not is_pale(np.full((80, 400, 3), 235, np.uint8), LINE)


def test_a_unanimous_sure_reading_of_pale_text_is_not_offered_as_certain():
    from ocr.fields.common import look_free_text

    _, on_pale = look_free_text([EveryLookSure(None).value], EveryLookSure(text_line(ink=190)), {}, lambda v: v)
    assert on_pale <= 0.85
