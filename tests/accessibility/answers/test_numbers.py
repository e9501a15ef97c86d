"""Numbers here are synthetic (region 500156, born 1980-05-03, sequence 123): these parsers only
normalise and count, so no check digit is needed or checked."""
import pytest

from accessibility.answers import (
    NotUnderstood,
    Understood,
    normalise_certificate_number,
    normalise_id_number,
    normalise_phone_number,
)

ID = "50015619800503123X"

ID_FORMS = [
    "50015619800503123X",
    "50015619800503123x",
    "500156 19800503 123X",
    "500156-1980-0503-123x",
    "５００１５６１９８００５０３１２３Ｘ",
    "５００１５６　１９８００５０３　１２３ｘ",
    "五零零幺五六幺九八零零五零三幺二三叉",
    "五零零一五六一九八零零五零三一二三艾克斯",
    "五〇〇一五六一九八〇〇五〇三一二三爱克斯",
    "伍零零壹伍陆壹玖捌零零伍零叁壹贰叁X",
    "五零零，一五六，一九八零，零五零三，一二三，叉。",
    "我的身份证号码是50015619800503123X。",
    "身份证号：500156 1980 0503 123×",
]


@pytest.mark.parametrize("answer", ID_FORMS)
def test_an_id_number_is_normalised_from_every_typed_and_spoken_form(answer):
    assert normalise_id_number(answer) == Understood(ID)


def test_two_is_read_from_liang():
    assert normalise_id_number("五零零幺五六幺九八零零五零三幺两三四") == Understood("500156198005031234")


@pytest.mark.parametrize(
    "answer, length",
    [("50015619800503123", 17), ("5001561980050312345", 19), ("5001", 4), ("五零零幺五六", 6)],
)
def test_an_id_number_of_the_wrong_length_says_how_many_digits_were_given(answer, length):
    assert normalise_id_number(answer) == NotUnderstood("id_wrong_length", {"length": length, "expected": 18})


def test_a_fifteen_digit_first_generation_number_is_named_as_such():
    assert normalise_id_number("500156800503123") == NotUnderstood("id_old_format", {"length": 15})


def test_an_x_anywhere_but_last_is_pointed_out_by_position():
    assert normalise_id_number("5001561980050312X4") == NotUnderstood("id_x_misplaced", {"position": 17})


def test_a_letter_that_is_no_digit_is_named_with_its_position():
    assert normalise_id_number("50015619800503123a") == NotUnderstood(
        "id_bad_characters", {"character": "a", "position": 18}
    )


def test_a_number_said_as_a_quantity_is_asked_again_digit_by_digit():
    assert normalise_id_number("五零零一五六一九八零零五零三十二三") == NotUnderstood("id_number_words", {"character": "十"})


@pytest.mark.parametrize("answer", ["", "  ", "。"])
def test_an_empty_id_answer_is_reported_as_empty(answer):
    assert normalise_id_number(answer) == NotUnderstood("empty")


CERTIFICATE = "50015619800503123X42"


@pytest.mark.parametrize(
    "answer",
    [
        "50015619800503123X42",
        "50015619800503123x42",
        "500156 19800503 123X 42",
        "五零零幺五六幺九八零零五零三幺二三叉四二",
        "５００１５６１９８００５０３１２３Ｘ４２",
    ],
)
def test_a_certificate_number_is_normalised_from_typed_and_spoken_forms(answer):
    assert normalise_certificate_number(answer) == Understood(CERTIFICATE)


def test_a_certificate_number_with_a_reissue_suffix_keeps_it_and_says_so():
    assert normalise_certificate_number("50015619800503123X42B1") == Understood(
        "50015619800503123X42B1", note="reissue_suffix"
    )


def test_an_id_number_given_for_the_certificate_is_recognised():
    assert normalise_certificate_number("50015619800503123X") == NotUnderstood("certificate_is_id_number", {"length": 18})


@pytest.mark.parametrize("answer, length", [("50015619800503123X4", 19), ("5001561980050312", 16)])
def test_a_certificate_number_of_the_wrong_length_says_how_many_were_given(answer, length):
    assert normalise_certificate_number(answer) == NotUnderstood(
        "certificate_wrong_length", {"length": length, "expected": 20}
    )


def test_a_certificate_category_digit_outside_one_to_seven_is_named():
    assert normalise_certificate_number("50015619800503123X82") == NotUnderstood(
        "certificate_bad_category_digit", {"digit": "8"}
    )


def test_a_certificate_grade_digit_outside_one_to_four_is_named():
    assert normalise_certificate_number("50015619800503123X45") == NotUnderstood(
        "certificate_bad_grade_digit", {"digit": "5"}
    )


def test_a_certificate_number_with_x_in_the_category_place_is_pointed_out():
    assert normalise_certificate_number("500156198005031234X2") == NotUnderstood(
        "certificate_x_misplaced", {"position": 19}
    )


PHONE = "13912345678"


@pytest.mark.parametrize(
    "answer",
    [
        "13912345678", "139 1234 5678", "139-1234-5678", "+86 139 1234 5678", "8613912345678", "008613912345678",
        "１３９１２３４５６７８", "幺三九一二三四五六七八", "一三九，一二三四，五六七八。", "手机号是13912345678",
        "幺三九幺两三四五六七八",
    ],
)
def test_a_mobile_number_is_normalised_from_every_typed_and_spoken_form(answer):
    assert normalise_phone_number(answer) == Understood(PHONE)


@pytest.mark.parametrize("answer, expected", [("023-12345678", "02312345678"), ("0371 1234567", "03711234567")])
def test_a_landline_with_its_area_code_is_accepted_and_marked(answer, expected):
    assert normalise_phone_number(answer) == Understood(expected, note="landline")


def test_a_landline_without_area_code_asks_for_it():
    assert normalise_phone_number("62345678") == NotUnderstood("phone_missing_area_code", {"length": 8})


@pytest.mark.parametrize("answer, length", [("1391234567", 10), ("139123456789", 12), ("幺三九", 3)])
def test_a_mobile_number_of_the_wrong_length_says_how_many_digits_were_given(answer, length):
    assert normalise_phone_number(answer) == NotUnderstood("phone_wrong_length", {"length": length, "expected": 11})


def test_an_eleven_digit_number_that_is_no_mobile_prefix_is_named():
    assert normalise_phone_number("12012345678") == NotUnderstood("phone_bad_prefix", {"prefix": "12"})


def test_x_is_no_digit_in_a_phone_number():
    assert normalise_phone_number("1391234567x") == NotUnderstood("phone_bad_characters", {"character": "x", "position": 11})


@pytest.mark.parametrize("answer", ["要三酒一二三四五六七吧", "腰三久幺二三四五六七八"])
def test_speech_recognition_homophones_are_read_as_digits_and_flagged_for_reading_back(answer):
    assert normalise_phone_number(answer) == Understood(PHONE, note="homophones_read_as_digits")


def test_homophones_help_an_id_number_too():
    assert normalise_id_number("五灵灵幺五六幺酒八零零五零三幺二三叉") == Understood(ID, note="homophones_read_as_digits")


def test_words_that_are_no_digits_even_by_sound_stay_bad_characters():
    assert normalise_phone_number("我叫张三") == NotUnderstood("phone_bad_characters", {"character": "我", "position": 1})
