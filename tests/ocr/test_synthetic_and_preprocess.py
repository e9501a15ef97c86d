"""The generator makes valid people, and straightening finds the document in its photos (no engine)."""

import numpy as np
import pytest

from ocr.preprocess import decode_photo, straighten
from ocr.synthetic import make_sample
from ocr.validate import is_valid_certificate_number, is_valid_id_number

from tests.ocr.recognised_lines import TODAY


@pytest.mark.parametrize("seed", range(6))
def test_generated_documents_carry_valid_numbers(seed):
    sample = make_sample(seed, "disability_certificate")
    assert is_valid_certificate_number(sample.truth["certificate_number"], TODAY)
    assert is_valid_id_number(sample.truth["id_number"], TODAY)


@pytest.mark.parametrize("seed", [7, 8, 9, 10, 11, 12])
def test_document_outline_is_found_within_two_percent_of_the_photo(seed):
    sample = make_sample(seed)
    photo = decode_photo(sample.jpeg)
    flat = straighten(photo)
    assert flat.found
    error = np.abs(flat.corners - np.array(sample.corners)).max()
    assert error < 0.02 * photo.shape[1]


def test_bytes_that_are_not_an_image_are_refused():
    from ocr.preprocess.photo import UnreadableImage

    with pytest.raises(UnreadableImage):
        decode_photo(b"not an image")
