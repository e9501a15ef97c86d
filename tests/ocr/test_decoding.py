"""The recogniser's output decoded into characters with confidences (ocr/engines/rapid.py), on hand-made
per-step probabilities: no model is loaded."""

import numpy as np
import pytest

from ocr.engines.rapid import _decode, _Model

CHARACTERS = ["blank", "向", "骉", "军", "弱", "。"]


@pytest.fixture
def decoder():
    return _Model(None, CHARACTERS, 48)       # the decoding alone, without a model's session


def steps(*frames: dict[str, float]) -> np.ndarray:
    probs = np.zeros((len(frames), len(CHARACTERS)), dtype=np.float32)
    for t, frame in enumerate(frames):
        for character, p in frame.items():
            probs[t, CHARACTERS.index(character)] = p
    return probs


def decode(decoder, probs):
    return _decode(decoder, probs, (0, 0, 10, 1), None, 0, 1.0)


def test_a_character_left_out_under_a_doubtful_blank_makes_the_reading_unsure(decoder):
    # 向骉军 read 向军 on a sharp card (benchmark seed 3700182): 骉 at 0.19 where the blank won at 0.75.
    line = decode(decoder, steps({"向": 1.0}, {"blank": 0.75, "骉": 0.19, "弱": 0.06}, {"军": 1.0}))
    assert line.text == "向军"
    assert line.confidence < 0.9


def test_a_clean_gap_between_sure_characters_leaves_them_sure(decoder):
    line = decode(decoder, steps({"向": 1.0}, {"blank": 0.97, "骉": 0.03}, {"军": 1.0}))
    assert line.text == "向军" and line.confidence >= 0.97


def test_the_neighbours_own_strokes_in_the_gap_are_no_missing_character(decoder):
    line = decode(decoder, steps({"向": 1.0}, {"blank": 0.6, "向": 0.25, "军": 0.15}, {"军": 1.0}))
    assert line.confidence == 1.0


def test_a_character_left_out_after_the_last_one_makes_the_reading_unsure(decoder):
    line = decode(decoder, steps({"向": 1.0}, {"军": 1.0}, {"blank": 0.7, "骉": 0.3}))
    assert line.text == "向军" and line.confidence < 0.9


def test_punctuation_glimpsed_in_a_gap_is_no_missing_character(decoder):
    line = decode(decoder, steps({"向": 1.0}, {"军": 1.0}, {"blank": 0.8, "。": 0.2}))
    assert line.confidence == 1.0
