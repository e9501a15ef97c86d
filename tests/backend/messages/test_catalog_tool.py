"""scripts/catalog.py: `update` merges the registry into the catalogs the way translators need it, and
`check` finds what is left to do. Runs on a small registry of its own, in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from backend.messages.catalog import Message

ENGLISH = "en"
TAIWAN = "zh_Hant_TW"


def registry(**texts: tuple[str, str]) -> dict[str, Message]:
    return {key.replace("__", "."): Message(key.replace("__", "."), *pair) for key, pair in texts.items()}


def entries(folder: Path, locale: str) -> dict[str, object]:
    path = folder / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return {entry.context: entry for entry in read_po(handle, locale=locale) if entry.id}


def edit(catalog_tool, folder: Path, locale: str, change) -> None:
    """Edits a catalog as a translator would, entry by entry."""
    path = folder / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    for entry in catalog:
        if entry.id:
            change(entry)
    path.write_bytes(catalog_tool.render(catalog))


def translate(catalog_tool, folder: Path, locale: str, translations: dict[str, str]) -> None:
    def change(entry):
        if entry.context in translations:
            entry.string = translations[entry.context]

    edit(catalog_tool, folder, locale, change)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "locale"


FIRST = registry(
    stage__draft=("填写中", "还在填写"),
    field_error__required=("请填写{field}。", "还没有填{field}。"),
    stage__approved=("审定通过", "通过了"),
)


def test_update_writes_the_template_and_a_catalog_per_locale(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    with (folder / "messages.pot").open("rb") as handle:
        template = [(entry.context, entry.id) for entry in read_po(handle) if entry.id]
    assert template == [
        ("field_error.required", "请填写{field}。"), ("field_error.required#easy", "还没有填{field}。"),
        ("stage.approved", "审定通过"), ("stage.approved#easy", "通过了"),
        ("stage.draft", "填写中"), ("stage.draft#easy", "还在填写"),
    ]
    assert {context: entry.string for context, entry in entries(folder, ENGLISH).items()} == {
        context: "" for context, _ in template}


def test_taiwan_catalog_is_converted_with_taiwan_usage(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    taiwan = entries(folder, TAIWAN)
    assert taiwan["stage.approved"].string == "審定通過"
    assert taiwan["field_error.required#easy"].string == "還沒有填{field}。"
    assert not any(entry.fuzzy for entry in taiwan.values())


@pytest.mark.parametrize(("simplified", "taiwan"), [
    ("审核人员", "審核人員"),            # s2twp alone: 稽核 (audit)
    ("初审通过", "初審通過"),            # s2twp alone: 透過 (by means of)
    ("身份证号码", "身分證號碼"),
    ("需要补正的项目", "需要補正的項目"),  # s2twp alone: 專案 (a project)
    ("区县代码", "區縣代碼"),            # s2twp alone: 程式碼 (source code)
    ("银行账号", "銀行帳號"),
    ("个人信息授权", "個人資料授權"),
    ("请回答“是”或“否”。", "請回答「是」或「否」。"),
    ("低保", "低保"),
    ("残联", "殘聯"),
    ("民政局", "民政局"),
    ("请填写{field}。", "請填寫{field}。"),
])
def test_taiwan_conversion(catalog_tool, simplified, taiwan):
    assert catalog_tool.to_taiwan(simplified) == taiwan


def test_update_twice_changes_no_file(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    files = sorted(folder.rglob("*.po*"))
    before = [path.read_bytes() for path in files]
    catalog_tool.update(folder, FIRST)
    assert [path.read_bytes() for path in files] == before


def test_new_message_is_untranslated_in_english_and_kept_translations_stay(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    translate(catalog_tool, folder, ENGLISH, {"stage.draft": "Being filled in"})
    catalog_tool.update(folder, {**FIRST, **registry(stage__paying=("已开始发放", "开始发钱了"))})
    english = entries(folder, ENGLISH)
    assert english["stage.draft"].string == "Being filled in"
    assert english["stage.paying"].string == ""
    assert entries(folder, TAIWAN)["stage.paying"].string == "已開始發放"


def test_changed_chinese_keeps_the_old_translation_flagged_fuzzy_with_the_old_source(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    translate(catalog_tool, folder, ENGLISH, {"stage.draft": "Being filled in"})
    changed = {**FIRST, **registry(stage__draft=("正在填写", "还在填写"))}
    catalog_tool.update(folder, changed)
    entry = entries(folder, ENGLISH)["stage.draft"]
    assert (entry.id, entry.string, entry.fuzzy) == ("正在填写", "Being filled in", True)
    assert not entries(folder, ENGLISH)["stage.draft#easy"].fuzzy
    catalog_tool.update(folder, changed)  # the old source stays shown once, as `#|`, until someone resolves it
    text = (folder / ENGLISH / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    assert text.count('#| msgid "填写中"\n') == 1
    assert "# | msgid" not in text
    assert catalog_tool.read_catalog(folder / ENGLISH / "LC_MESSAGES" / "messages.po", ENGLISH).get(
        "正在填写", context="stage.draft").previous_id == ["填写中"]


def test_chinese_changed_twice_still_shows_the_source_the_translation_was_written_for(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    translate(catalog_tool, folder, ENGLISH, {"stage.draft": "Being filled in"})
    catalog_tool.update(folder, {**FIRST, **registry(stage__draft=("正在填写", "还在填写"))})
    catalog_tool.update(folder, {**FIRST, **registry(stage__draft=("正在填写中", "还在填写"))})
    path = folder / ENGLISH / "LC_MESSAGES" / "messages.po"
    entry = catalog_tool.read_catalog(path, ENGLISH).get("正在填写中", context="stage.draft")
    assert (entry.string, entry.fuzzy, entry.previous_id) == ("Being filled in", True, ["填写中"])


def test_changed_chinese_is_matched_by_its_key_not_by_a_similar_text_of_another_key(catalog_tool, folder):
    # Babel's own fuzzy matching ignores msgctxt: it would hand field_error.not_text the translation of
    # field_error.required, whose Chinese is the closest.
    first = registry(field_error__required=("请填写{field}。", "还没有填{field}。"),
                     field_error__not_text=("{field}应当是文字。", "{field}要填文字。"))
    catalog_tool.update(folder, first)
    translate(catalog_tool, folder, ENGLISH, {"field_error.required": "Please fill in {field}.",
                                "field_error.not_text": "{field} must be text."})
    changed = registry(field_error__not_text=("请填写{field}的文字。", "{field}要填文字。"))
    catalog_tool.update(folder, {**first, **changed})
    english = entries(folder, ENGLISH)
    assert english["field_error.not_text"].string == "{field} must be text."
    assert english["field_error.not_text"].fuzzy
    assert english["field_error.required"].string == "Please fill in {field}."
    assert not english["field_error.required"].fuzzy


def test_removed_message_is_dropped_not_kept_as_obsolete(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    translate(catalog_tool, folder, ENGLISH, {"stage.draft": "Being filled in"})
    remaining = {key: message for key, message in FIRST.items() if key != "stage.draft"}
    catalog_tool.update(folder, remaining)
    text = (folder / ENGLISH / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    assert "stage.draft" not in text
    assert "#~" not in text


def test_changed_chinese_is_converted_again_for_taiwan(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    catalog_tool.update(folder, {**FIRST, **registry(stage__draft=("正在填写", "还在填写"))})
    entry = entries(folder, TAIWAN)["stage.draft"]
    assert (entry.string, entry.fuzzy) == ("正在填寫", False)


def test_taiwan_translation_edited_by_hand_is_kept_and_a_machine_one_is_redone(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)

    def change(entry):
        if entry.context == "stage.draft":  # a translator's own wording: the machine note is deleted
            entry.string = "填寫中（人工）"
            entry.user_comments = []
        if entry.context == "stage.approved":  # as converted by an older TAIWAN_USAGE: the note stays
            entry.string = "審定透過"
            assert entry.user_comments == [catalog_tool.MACHINE_NOTE]

    edit(catalog_tool, folder, TAIWAN, change)
    catalog_tool.update(folder, FIRST)
    taiwan = entries(folder, TAIWAN)
    assert taiwan["stage.draft"].string == "填寫中（人工）"
    assert taiwan["stage.approved"].string == "審定通過"


def test_check_lists_what_is_left_and_fails_until_it_is_done(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    kinds = {(problem.kind, problem.context) for problem in catalog_tool.check(folder, FIRST)}
    assert ("untranslated", "stage.draft") in kinds
    assert all(problem.locale == ENGLISH for problem in catalog_tool.check(folder, FIRST))
    assert catalog_tool.main(["check", "--locale-dir", str(folder)]) == 1

    translate(catalog_tool, folder, ENGLISH, {
        "stage.draft": "Being filled in", "stage.draft#easy": "Still filling in",
        "stage.approved": "Approved", "stage.approved#easy": "Approved",
        "field_error.required": "Please fill in {field}.", "field_error.required#easy": "{feld} is empty.",
    })
    problems = catalog_tool.check(folder, FIRST)
    assert [(p.kind, p.context, p.detail) for p in problems] == [
        ("placeholders", "field_error.required#easy", "lacks {field}; has unknown {feld}")]

    translate(catalog_tool, folder, ENGLISH, {"field_error.required#easy": "You have not filled in {field yet."})
    assert [p.detail.split(":")[0] for p in catalog_tool.check(folder, FIRST)] == ["broken braces"]

    translate(catalog_tool, folder, ENGLISH, {"field_error.required#easy": "You have not filled in {field} yet."})
    assert catalog_tool.check(folder, FIRST) == []


def test_check_reports_fuzzy_entries(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    translate(catalog_tool, folder, ENGLISH, {"stage.draft": "Being filled in"})
    changed = {**FIRST, **registry(stage__draft=("正在填写", "还在填写"))}
    catalog_tool.update(folder, changed)
    assert ("fuzzy", "stage.draft") in {(p.kind, p.context) for p in catalog_tool.check(folder, changed)}


def test_check_reports_a_registry_that_moved_on_without_update(catalog_tool, folder):
    catalog_tool.update(folder, FIRST)
    newer = {**FIRST, **registry(stage__paying=("已开始发放", "开始发钱了"))}
    found = {(p.locale, p.kind, p.context) for p in catalog_tool.check(folder, newer)}
    assert ("template", "stale", str(folder / "messages.pot")) in found
    assert ("en", "missing", "stage.paying") in found
    assert ("zh_Hant_TW", "missing", "stage.paying#easy") in found


def test_message_modules_that_do_not_exist_yet_are_skipped(catalog_tool, monkeypatch):
    monkeypatch.setattr(catalog_tool, "MESSAGE_MODULES",
                        ("backend.messages", "accessibility.no_such_messages", "no_such_package.messages"))
    loaded = catalog_tool.load_registry()
    assert {"field.applicant.id_number", "problem.not_found.title", "stage.draft"} <= set(loaded)


def test_a_message_module_that_fails_to_import_is_an_error(catalog_tool, monkeypatch, tmp_path):
    package = tmp_path / "broken_messages_package"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "messages.py").write_text("raise ImportError('a broken message module')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(catalog_tool, "MESSAGE_MODULES", ("broken_messages_package.messages",))
    with pytest.raises(ImportError, match="a broken message module"):
        catalog_tool.load_registry()
