"""A field's label is a heading on the screen ("Home address", "Your note"); put into an English sentence it reads
as English writes a noun there: in lower case inside the sentence, with "the" where the sentence gives no article,
with none where the label has its own ("your note"), capitalised where the sentence starts. An assistant was told
"You have not filled in Your note yet." and "Please fill in photo of the consent given in person."; Chinese is
said as it was."""

from __future__ import annotations

import pytest

from backend.errors import FieldError
from backend.messages.catalog import Label, Message, Words, join, say
from backend.messages.describe import describe_field_error
from tests.conftest import login
from tests.miniprogram_api.test_acting_for_others import multipart


@pytest.mark.parametrize("path, code, text, easy_read", [
    ("statement", "required", "Please fill in the statement.", "You have not filled in your note yet."),
    ("consent_photo", "required", "Please fill in the photo of the consent given in person.",
     "You have not filled in the photo of the consent yet."),
    ("payment_account.account_number", "account_number_invalid", "The bank account number must be 10 to 32 digits.",
     "The card number must be numbers only. Write 10 to 32 numbers."),
    ("subsidies", "choose_at_least_one", "Subsidies applied for: please choose at least one.",
     "The subsidy you want: please pick at least one."),
    ("applicant.id_number", "id_number_empty", "Please fill in the ID card number.",
     "You have not filled in the ID number yet."),
    ("requester_name", "required", "Please fill in your name.", "You have not filled in your name yet."),
])
def test_a_label_inside_an_english_sentence_reads_as_english_writes_a_noun_there(messages, path, code, text,
                                                                                 easy_read):
    said = describe_field_error(FieldError(path, code), "en")
    assert (said["message"], said["easy_read"]) == (text, easy_read)


def test_a_label_is_said_as_it_is_shown_in_chinese(messages):
    said = describe_field_error(FieldError("statement", "required"), "zh_Hans_CN")
    assert (said["message"], said["easy_read"]) == ("请填写情况说明。", "还没有填情况说明。")


@pytest.mark.parametrize("template, said", [
    ("{field} cannot be changed here.", "The home address cannot be changed here."),
    ("The {field} must be more than zero.", "The home address must be more than zero."),
    ("Noted. {field}: {value}.", "Noted. Home address: 3."),
    ("Please upload: {field}.", "Please upload: home address."),
    ("Item 2, “{field}”, is not filled in yet.", "Item 2, “Home address”, is not filled in yet."),
    ("Please tell me {value} {field}.", "Please tell me 3 home address."),
    ("Before we save the {field}, you agree.", "Before we save the home address, you agree."),
])
def test_where_the_sentence_puts_a_label_decides_its_capital_and_article(template, said):
    message = Message("test.label_place", template, template)  # not registered: no catalog holds it
    assert say(message, "en", field=Label("Home address", "Home address"), value=3).text == said


def test_a_label_that_has_its_own_word_before_it_takes_the_place_of_the_sentences_article():
    message = Message("test.label_place", "The {field} is too short. Check the {field}.", "x")
    said = say(message, "en", field=Label("Your note", "Your note")).text
    assert said == "Your note is too short. Check your note."


def test_an_acronym_keeps_its_capitals_and_other_words_are_left_as_they_are():
    message = Message("test.label_place", "Please check {field} and {other}.", "x")
    said = say(message, "en", field=Label("ID card number", "ID number"), other=Words("Home", "Home")).text
    assert said == "Please check the ID card number and Home."


def test_a_list_of_labels_is_fitted_into_its_sentence_as_one(messages):
    # The review desk's same_person_elsewhere flag: "Disability certificate number" mid-sentence, and "the same the".
    message = Message("test.label_place", "It has the same {numbers} as this one.", "x")
    numbers = join([Label("ID card number", "ID number"), Label("Disability certificate number", "Certificate number")],
                   "en")
    assert say(message, "en", numbers=numbers).text == \
        "It has the same ID card number, disability certificate number as this one."
    chinese = join([Label("身份证号码", "身份证号"), Label("残疾人证号", "证号")], "zh_Hans_CN")
    assert chinese.text == "身份证号码、残疾人证号"


def test_an_assistant_registering_a_person_in_english_is_told_what_is_missing_in_plain_english(app, as_assistant):
    english = login(app, "demo-assistant", locale="en")

    refused = multipart(english, "/assistance/people", {"name": "刘建国"})

    assert refused.status_code == 422, refused.get_json()
    said = " ".join(error["message"] + " " + error["easy_read"] for error in refused.get_json()["errors"])
    assert "Your note" not in said and "in photo" not in said
    assert "the photo of the consent given in person" in said or "the photo of the consent" in said
