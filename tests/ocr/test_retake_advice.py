"""A read that left a field unread says what to change for a better photo (ocr/preprocess/retake.py): the light,
a reflection, or the distance and focus."""

import datetime as dt

import numpy as np
import pytest

from ocr.engines.boundary import TextLine
from ocr.preprocess.retake import BLURRED, DARK, GLARE, retake_advice
from ocr.synthetic import make_sample
from tests.ocr.test_sharpness import LINE, text_line

TODAY = dt.date(2025, 6, 1)


def line(box=LINE) -> TextLine:
    return TextLine("上官淼文黄莺乡", box, (0.9,) * 7)


def test_crisp_text_on_well_lit_paper_gives_no_advice():
    page = text_line()
    assert retake_advice(page, page, [line()]) is None


def test_paper_photographed_in_a_dim_room_is_dark():
    page = text_line()
    assert retake_advice((page * 0.55).astype(np.uint8), page, [line()]) == DARK


def test_a_document_washed_out_over_a_quarter_of_it_is_glared():
    page = text_line()
    washed = page.copy()
    washed[:, : page.shape[1] // 3] = 252
    assert retake_advice(washed, page, [line()]) == GLARE


def test_text_blurred_by_a_twentieth_of_its_line_is_blurred():
    page = text_line(0.05)
    assert retake_advice(page, page, [line()]) == BLURRED


def test_the_light_is_named_before_the_blur():
    page = text_line(0.05)
    assert retake_advice((page * 0.5).astype(np.uint8), page, [line()]) == DARK


@pytest.mark.parametrize(("seed", "kind", "advice"), [
    # Fresh benchmark set 18100000: a dim ID card (exposure 0.41) whose name 郭文骉 was read at under 0.5,
    (18100123, "id_card_front", DARK),
    # a well-lit certificate blurred by 1.28 px on a document half the photo's width, its name unsure,
    (18100056, "disability_certificate", BLURRED),
    # and (17700000) an overexposed certificate card under a lamp, its address lost.
    (17700080, "disability_certificate", GLARE),
])
def test_a_photo_that_left_a_field_unread_says_first_what_to_change(reader, seed, kind, advice):
    reading = reader.read(make_sample(seed, kind).jpeg, today=TODAY)
    assert reading.warnings[0].code == advice
    assert [w.code for w in reading.warnings].count(advice) == 1


def test_a_photo_read_in_full_gives_no_advice(reader):
    reading = reader.read(make_sample(0, "id_card_front", severity=0.3).jpeg, today=TODAY)
    assert all(field.confidence >= 0.5 for field in reading.fields.values()) and len(reading.fields) == 6
    assert not any(w.code in (DARK, GLARE, BLURRED) for w in reading.warnings)
