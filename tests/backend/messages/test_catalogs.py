"""The shipped catalogs translate both forms of every registered message, in every supported locale,
and `say` uses them. A message added without running `scripts/catalog.py update` and translating it
fails here."""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from backend.messages import SUPPORTED_LOCALES, negotiate_locale, say
from backend.messages.catalog import EASY_SUFFIX, LOCALE_DIR, Message, Words

TRANSLATED_LOCALES = [locale for locale in SUPPORTED_LOCALES if locale != "zh_Hans_CN"]
RUN_UPDATE = "run `python scripts/catalog.py update`, translate, then `python scripts/catalog.py check`"


def sources(messages: Mapping[str, Message]) -> dict[str, str]:
    """msgctxt -> Chinese source, for both forms of every message."""
    found = {}
    for key, message in messages.items():
        found[key] = message.standard
        found[key + EASY_SUFFIX] = message.easy_read
    return found


def read(path: Path, locale: str | None = None) -> Catalog:
    assert path.exists(), f"{path} is missing: {RUN_UPDATE}"
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def translations(locale: str) -> dict[str, tuple[str, str, bool]]:
    """msgctxt -> (msgid, msgstr, fuzzy) of a shipped catalog."""
    catalog = read(LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po", locale)
    return {entry.context: (entry.id, entry.string, entry.fuzzy) for entry in catalog if entry.id}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_registry_is_not_empty(messages):
    assert len(messages) > 100


def test_every_message_has_a_standard_and_an_easy_read_text(messages):
    empty = [key for key, message in messages.items()
             if not message.standard.strip() or not message.easy_read.strip()]
    assert empty == []


def test_every_chinese_source_text_is_a_valid_template(messages):
    broken = []
    for context, source in sources(messages).items():
        try:
            placeholders(source)
        except ValueError:
            broken.append(context)
    assert broken == []


def test_the_template_lists_both_forms_of_every_message_as_they_are_now(messages):
    template = read(LOCALE_DIR / "messages.pot")
    in_template = {entry.context: entry.id for entry in template if entry.id}
    assert in_template == sources(messages), f"messages.pot is out of date: {RUN_UPDATE}"


def test_the_template_is_sorted_by_key_with_the_easy_read_form_after_the_standard_one():
    contexts = [entry.context for entry in read(LOCALE_DIR / "messages.pot") if entry.id]
    keys = [context.removesuffix(EASY_SUFFIX) for context in contexts[::2]]
    assert keys == sorted(keys)
    assert contexts[1::2] == [key + EASY_SUFFIX for key in keys]


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_catalog_translates_both_forms_of_every_message(messages, locale):
    catalog = translations(locale)
    untranslated = [context for context, source in sources(messages).items()
                    if context not in catalog or catalog[context][0] != source or not catalog[context][1]]
    assert untranslated == [], f"{locale} lacks translations: {RUN_UPDATE}"


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_catalog_has_no_fuzzy_translation(locale):
    fuzzy = [context for context, (_, _, is_fuzzy) in translations(locale).items() if is_fuzzy]
    assert fuzzy == [], f"{locale}: check these translations against their changed Chinese and unflag them"


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_translations_keep_exactly_the_placeholders_of_their_source(locale):
    wrong = []
    for context, (source, translation, _) in translations(locale).items():
        try:
            if translation and placeholders(translation) != placeholders(source):
                wrong.append(context)
        except ValueError:  # unbalanced braces
            wrong.append(context)
    assert wrong == []


@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_every_message_renders_as_its_catalog_translation(messages, locale):
    catalog = translations(locale)
    for key, message in messages.items():
        if message.placeholders():
            continue
        words = say(key, locale)
        assert words == Words(catalog[key][1], catalog[key + EASY_SUFFIX][1]), key


def test_say_renders_english_from_the_catalog():
    assert say("stage.handed_off", "en") == Words("Sent for review", "Sent to the staff")
    assert say("stage.handed_off", "en-US").text == "Sent for review"


def test_say_fills_english_placeholders_and_words_in_their_own_form():
    name = say("field.applicant.name", "en")
    words = say("field_error.required", "en", field=name)
    assert words.text == "Please fill in Applicant's name."
    assert words.easy_read == "You have not filled in Name yet."
    assert say("field_error.id_number_wrong_length", "en", length=17).easy_read == (
        "An ID number has 18 characters. You wrote 17.")


def test_say_renders_taiwan_traditional_chinese_from_the_catalog():
    assert say("stage.handed_off", "zh_Hant_TW") == Words("已送達審核", "已經送給工作人員")
    assert say("stage.approved", "zh-TW").text == "審定通過"  # s2twp alone would say 透過 ("by means of")
    assert say("field.applicant.id_number", "zh-Hant-TW").text == "身分證號碼"


def test_terms_without_a_taiwan_equivalent_stay_as_the_applicant_knows_them():
    assert say("field.household.status", "zh_Hant_TW").text == "低保情況"
    assert say("role.disabled_persons_federation", "zh_Hant_TW").easy_read == "殘聯"
    assert say("role.civil_affairs", "zh_Hant_TW").easy_read == "民政局"


def test_simplified_chinese_is_the_source_text_itself(messages):
    message = messages["stage.handed_off"]
    assert say("stage.handed_off", "zh-CN") == Words(message.standard, message.easy_read)


@pytest.mark.parametrize(("accept_language", "expected"), [
    ("zh-CN", "zh_Hans_CN"),
    ("zh_Hans_CN", "zh_Hans_CN"),
    ("zh_Hant_TW", "zh_Hant_TW"),
    ("zh-Hant-TW", "zh_Hant_TW"),
    ("zh-TW", "zh_Hant_TW"),
    ("zh-HK", "zh_Hant_TW"),
    ("en-US,en;q=0.8", "en"),
    ("fr-FR,en;q=0.5", "en"),
    ("zh-TW;q=0.4,en;q=0.9", "en"),
    ("nonsense", "zh_Hans_CN"),
    ("en;q=abc, ;;, -", "zh_Hans_CN"),
    ("*", "zh_Hans_CN"),
    ("", "zh_Hans_CN"),
    (None, "zh_Hans_CN"),
])
def test_every_accept_language_gives_a_supported_locale(accept_language, expected):
    assert negotiate_locale(accept_language) == expected
    assert expected in SUPPORTED_LOCALES


def test_shipped_catalog_folders_are_named_with_full_locales():
    folders = {path.name for path in LOCALE_DIR.iterdir() if path.is_dir()}
    assert folders == set(TRANSLATED_LOCALES)  # never zh_TW or zh_CN: Babel ignores those (REFERENCE.md)
    for locale in TRANSLATED_LOCALES:
        assert (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").is_file()


def write_catalog(folder: Path, locale_folder: str, key: str, source: str, translation: str) -> None:
    path = folder / locale_folder / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgctxt "{key}"\nmsgid "{source}"\nmsgstr "{translation}"\n', encoding="utf-8")


def test_the_catalog_in_the_full_locale_folder_is_the_one_loaded(messages, catalogs_in, tmp_path):
    source = messages["stage.handed_off"].standard
    write_catalog(tmp_path, "zh_Hant_TW", "stage.handed_off", source, "FULL-NAME FOLDER")
    write_catalog(tmp_path, "zh_TW", "stage.handed_off", source, "SHORT-NAME FOLDER")
    catalogs_in(tmp_path)
    for spelling in ("zh-TW", "zh_TW", "zh-Hant-TW", "zh_Hant_TW"):
        assert say("stage.handed_off", spelling).text == "FULL-NAME FOLDER"


def test_a_catalog_under_a_short_locale_folder_alone_is_not_used(messages, catalogs_in, tmp_path):
    source = messages["stage.handed_off"].standard
    write_catalog(tmp_path, "zh_TW", "stage.handed_off", source, "SHORT-NAME FOLDER")
    catalogs_in(tmp_path)
    assert say("stage.handed_off", "zh-TW").text == source


def test_a_translation_of_an_older_chinese_text_is_not_used(messages, catalogs_in, tmp_path):
    write_catalog(tmp_path, "en", "stage.handed_off", "旧的中文", "Old English")
    catalogs_in(tmp_path)
    assert say("stage.handed_off", "en").text == messages["stage.handed_off"].standard
