"""Keeps the translation catalogs of the message registry complete.

    .venv/bin/python scripts/catalog.py update   # writes messages.pot and merges it into every locale's .po
    .venv/bin/python scripts/catalog.py check    # lists what is untranslated, fuzzy or has wrong placeholders

Every message (`backend.messages.catalog.define`) has two entries in a catalog: its standard form, whose
msgctxt is the key, and its easy-read form, whose msgctxt is the key plus "#easy"; the msgid is the Chinese
source text (zh_Hans_CN, the source language, needs no catalog). Entries are sorted by key, so the easy-read
form follows the standard one and a diff shows one message in one place.

`update` merges with Babel's `Catalog.update`: a new message is untranslated, a removed one is dropped, a
message whose Chinese changed keeps its old translation flagged fuzzy (with the old source as `#| msgid`) until
someone looks at it. Babel matches a changed message by the closest msgid of ANY entry, ignoring msgctxt
(`Catalog._to_fuzzy_match_key` keeps only the msgid), so a changed "请填写{field}。" could inherit the
translation of another key; we match a changed source by its msgctxt ourselves and turn Babel's guessing off.

zh_Hant_TW is filled automatically: every empty or fuzzy entry gets OpenCC's `s2twp` conversion (Taiwan
standard characters and phrases), then the corrections in `TAIWAN_USAGE`, and a translator comment saying so;
entries with that comment are converted again on every update. A translation edited by hand (comment deleted) is
kept until its Chinese source changes. English is translated by hand; `check` lists what is left.

Files are rewritten only when something other than their dates changed, so running `update` twice is a no-op.
"""

from __future__ import annotations

import argparse
import json
import datetime
import functools
import importlib
import importlib.util
import io
import string
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a file (python scripts/catalog.py): make the packages importable
    sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, unescape, write_po  # noqa: E402

from backend.messages.catalog import EASY_SUFFIX, LOCALE_DIR, Message, registry  # noqa: E402
from backend.messages.locales import DEFAULT_LOCALE, SUPPORTED_LOCALES  # noqa: E402

# Modules whose import defines messages. A module listed here that does not exist (yet) is skipped; one that
# exists and fails to import is an error.
MESSAGE_MODULES = ("backend.messages", "accessibility.messages")

TRANSLATED_LOCALES = tuple(locale for locale in SUPPORTED_LOCALES if locale != DEFAULT_LOCALE)
AUTOMATIC_LOCALES = {"zh_Hant_TW"}

DOMAIN = "messages"
HEADER_COMMENT = (
    "# Words of 两补网办 for people, standard and easy-read forms.\n"
    "# Made by scripts/catalog.py update from the message registry (backend/messages); see docs/translations.md.\n"
    "#"
)
EASY_READ_NOTE = "easy-read: short sentences, common words, one idea each"

# No wrapping: one line per msgid and msgstr keeps diffs and side-by-side review readable.
PO_WIDTH = 0

# Applied in order after OpenCC's s2twp, to the whole text. Each fixes a term s2twp gets wrong for this product
# (found by reading the whole converted catalog). Names of mainland things stay as they are: 低保, 殘疾人證,
# 殘聯, 民政局, 戶口簿, 鄉鎮（街道）, 村（居）委會 have no Taiwan equivalent and name the applicant's real documents
# and offices.
TAIWAN_USAGE: tuple[tuple[str, str], ...] = (
    # s2twp's IT phrase table turns 审核 (review) into 稽核 (audit); Taiwan's agencies 審核 applications too.
    ("稽核", "審核"),
    # s2twp's IT phrase table turns 查看 (have a look) into 檢視 (the "View" command).
    ("檢視", "查看"),
    # s2twp turns every 通过 into 透過 ("by means of"); here it always means "passed" (審定通過).
    ("透過", "通過"),
    # s2twp turns 项目 into 專案 ("a project"); 補正的項目 are items to correct.
    ("專案", "項目"),
    # s2twp turns 代码 into 程式碼 (source code); 區縣代碼 is an administrative code.
    ("程式碼", "代碼"),
    # s2twp turns 权限 into 許可權; Taiwan says 權限.
    ("許可權", "權限"),
    # s2twp reads 微信号 as 微 + 訊號 ("signal").
    ("微訊號", "微信號"),
    # Taiwan says 回應 (a service did not respond), 目前 (now, currently) and 線上 (online).
    ("響應", "回應"),
    ("當前", "目前"),
    ("網上", "線上"),
    # Taiwan writes 帳號, 帳戶 (s2twp keeps the mainland 賬).
    ("賬", "帳"),
    # Taiwan's standard form is 身分 (身分證, 身分證號碼); s2twp keeps 身份.
    ("身份", "身分"),
    # 信息 becomes 資訊 (information technology); personal information is 個人資料 in Taiwan's
    # 個人資料保護法, and forms ask for 申請人資料.
    ("資訊", "資料"),
    # The last digit of an ID number is its 檢查碼 in Taiwan.
    ("校驗碼", "檢查碼"),
    # 演示 reads as "perform"; a demo account is a 示範帳號.
    ("演示", "示範"),
    ("時間戳", "時間戳記"),
    # Telephone area code.
    ("區號", "區碼"),
    # s2twp's IT phrase table turns 注销 into 登出 ("log out"); a cancelled certificate is 註銷.
    ("登出", "註銷"),
    # Taiwan quotes with corner brackets.
    ("“", "「"), ("”", "」"), ("‘", "『"), ("’", "』"),
)


def load_registry() -> Mapping[str, Message]:
    """Imports every message module and answers the registry they filled."""
    for name in MESSAGE_MODULES:
        if _module_exists(name):
            importlib.import_module(name)
    return registry()


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # the parent package itself is missing
        return False


@dataclass(frozen=True)
class Entry:
    """One catalog entry: a message's standard or easy-read form."""

    context: str
    source: str
    easy_read: bool


def entries(messages: Mapping[str, Message]) -> list[Entry]:
    """Both forms of every message, sorted by key, the easy-read form after the standard one."""
    result = []
    for key in sorted(messages):
        message = messages[key]
        result.append(Entry(key, message.standard, easy_read=False))
        result.append(Entry(key + EASY_SUFFIX, message.easy_read, easy_read=True))
    return result


def build_template(messages: Mapping[str, Message]) -> Catalog:
    template = _new_catalog(locale=None)
    for entry in entries(messages):
        notes = [EASY_READ_NOTE] if entry.easy_read else []
        names = placeholders(entry.source)
        if names:
            notes.append("placeholders: " + " ".join("{" + name + "}" for name in sorted(names)))
        template.add(entry.source, context=entry.context, auto_comments=notes)
    return template


def _new_catalog(locale: str | None) -> Catalog:
    return Catalog(locale=locale, domain=DOMAIN, header_comment=HEADER_COMMENT, project="liangbu",
                   version="0.1.0", copyright_holder="liangbu", charset="utf-8", fuzzy=False)


def merge(existing: Catalog | None, template: Catalog, locale: str) -> Catalog:
    """The locale's catalog brought in step with the template (Babel's update, matched by msgctxt)."""
    catalog = existing if existing is not None else _new_catalog(locale)
    catalog.fuzzy = False
    by_context = {message.context: message for message in catalog if message.id and message.context}
    previous: dict[str, list[str]] = {
        message.context: list(message.previous_id)
        for message in by_context.values() if message.fuzzy and message.previous_id
    }
    for message in template:
        if not message.id:
            continue
        old = by_context.get(message.context)
        if old is None or old.id == message.id:
            continue
        # The Chinese changed: keep the old translation under the new source, flagged fuzzy.
        catalog.delete(old.id, context=old.context)
        if old.string:
            catalog.add(message.id, old.string, context=message.context, flags={"fuzzy"},
                        user_comments=old.user_comments)
            # A translation already fuzzy still translates the source it was written for.
            previous.setdefault(message.context, [old.id])
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=True)
    catalog.obsolete.clear()  # removed messages are dropped, not kept as #~ entries
    for message in catalog:
        if message.id and message.fuzzy and message.context in previous:
            message.previous_id = previous[message.context]
    return catalog


def to_taiwan(text: str) -> str:
    """Simplified Chinese as Taiwan writes it: OpenCC s2twp, then TAIWAN_USAGE."""
    converted = _s2twp().convert(text)
    for wrong, right in TAIWAN_USAGE:
        converted = converted.replace(wrong, right)
    return converted


@functools.cache
def _s2twp():
    # A tooling dependency (the `test` extra), not one of the running product: the product reads the .po.
    from opencc import OpenCC

    return OpenCC("s2twp")


MACHINE_NOTE = "OpenCC s2twp; delete this line when you edit the translation"


def fill_automatically(catalog: Catalog) -> int:
    """Converts every empty, fuzzy or still machine-made entry (MACHINE_NOTE), so a better TAIWAN_USAGE
    reaches the entries converted before it; a translation edited by hand (without the note) is kept
    until its source changes. Answers how many entries changed."""
    changed = 0
    for message in catalog:
        if not message.id:
            continue
        machine_made = MACHINE_NOTE in message.user_comments
        if message.string and not message.fuzzy and not machine_made:
            continue
        converted = to_taiwan(message.id)
        if converted != message.string or message.fuzzy:
            changed += 1
        message.string = converted
        message.flags.discard("fuzzy")
        message.previous_id = []
        if not machine_made:
            message.user_comments.append(MACHINE_NOTE)
    return changed


def placeholders(text: str) -> set[str]:
    """The brace fields of a text; raises ValueError when its braces are broken."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None and name != ""}


@dataclass(frozen=True)
class Problem:
    locale: str
    kind: str  # missing | untranslated | fuzzy | placeholders | stale
    context: str
    detail: str = ""


def problems(catalog: Catalog | None, locale: str, messages: Mapping[str, Message]) -> list[Problem]:
    """What keeps a locale's catalog from translating every form of every message correctly.

    missing: the entry is not in the catalog (run update); untranslated; fuzzy; placeholders: the
    translation's brace fields differ from the source's (or its braces are broken); stale: the catalog
    holds a source text the registry no longer has (run update)."""
    found: list[Problem] = []
    by_context = {m.context: m for m in catalog if m.id and m.context} if catalog is not None else {}
    for entry in entries(messages):
        message = by_context.pop(entry.context, None)
        if message is None:
            found.append(Problem(locale, "missing", entry.context))
            continue
        if message.id != entry.source:
            found.append(Problem(locale, "stale", entry.context, "the Chinese changed: run update"))
            continue
        if not message.string:
            found.append(Problem(locale, "untranslated", entry.context))
            continue
        if message.fuzzy:
            found.append(Problem(locale, "fuzzy", entry.context))
        mismatch = _placeholder_mismatch(entry.source, message.string)
        if mismatch:
            found.append(Problem(locale, "placeholders", entry.context, mismatch))
    for context in sorted(by_context):
        found.append(Problem(locale, "stale", context, "no such message: run update"))
    return found


def _placeholder_mismatch(source: str, translation: str) -> str:
    try:
        translated = placeholders(translation)
    except ValueError as error:
        return f"broken braces: {error}"
    expected = placeholders(source)
    if translated == expected:
        return ""
    parts = []
    if expected - translated:
        parts.append("lacks " + ", ".join("{" + n + "}" for n in sorted(expected - translated)))
    if translated - expected:
        parts.append("has unknown " + ", ".join("{" + n + "}" for n in sorted(translated - expected)))
    return "; ".join(parts)


def po_path(locale_dir: Path, locale: str) -> Path:
    return locale_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(locale_dir: Path) -> Path:
    return locale_dir / f"{DOMAIN}.pot"


def read_catalog(path: Path, locale: str | None) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=DOMAIN)
    for message in catalog:
        # Babel writes the old source of a fuzzy entry as `#| msgid "..."` but reads that line back as a
        # user comment ("| msgid ..."), which would then pile up as `# | msgid` on every update.
        previous = [comment for comment in message.user_comments if comment.startswith(_PREVIOUS)]
        if previous:
            message.user_comments = [comment for comment in message.user_comments if not comment.startswith("|")]
            message.previous_id = [unescape(previous[0][len(_PREVIOUS):].strip())]
    return catalog


_PREVIOUS = "| msgid "


def render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=PO_WIDTH, no_location=True, ignore_obsolete=True, include_previous=True)
    return buffer.getvalue()


_DATE_HEADERS = (b'"POT-Creation-Date:', b'"PO-Revision-Date:')


def _without_dates(data: bytes) -> bytes:
    return b"\n".join(line for line in data.splitlines() if not line.startswith(_DATE_HEADERS))


def write_if_changed(path: Path, catalog: Catalog, date_attribute: str) -> bool:
    """Writes the catalog unless only its dates would change; stamps `date_attribute` when it writes and
    otherwise takes the date the file already has (so a .po keeps the .pot's creation date)."""
    old = read_catalog(path, locale=None) if path.exists() else None
    if old is not None and _without_dates(render(catalog)) == _without_dates(path.read_bytes()):
        setattr(catalog, date_attribute, getattr(old, date_attribute))
        return False
    setattr(catalog, date_attribute, datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(catalog))
    return True


def update(locale_dir: Path, messages: Mapping[str, Message],
           locales: Iterable[str] = TRANSLATED_LOCALES) -> list[str]:
    """Writes the template and merges it into each locale's catalog; answers one line per file said."""
    report = []
    template = build_template(messages)
    changed = write_if_changed(pot_path(locale_dir), template, "creation_date")
    report.append(f"{pot_path(locale_dir)}: {len(template)} entries{'' if changed else ', unchanged'}")
    for locale in locales:
        path = po_path(locale_dir, locale)
        catalog = merge(read_catalog(path, locale), template, locale)
        filled = fill_automatically(catalog) if locale in AUTOMATIC_LOCALES else 0
        changed = write_if_changed(path, catalog, "revision_date")
        left = problems(catalog, locale, messages)
        report.append(f"{path}: {'written' if changed else 'unchanged'}"
                      + (f", {filled} converted by OpenCC s2twp" if filled else "")
                      + (f", {len(left)} to do (run check)" if left else ""))
    return report


def check(locale_dir: Path, messages: Mapping[str, Message],
          locales: Iterable[str] = TRANSLATED_LOCALES) -> list[Problem]:
    found = []
    template = read_catalog(pot_path(locale_dir), locale=None)
    expected = [(entry.context, entry.source) for entry in entries(messages)]
    if template is None or [(m.context, m.id) for m in template if m.id] != expected:
        found.append(Problem("template", "stale", str(pot_path(locale_dir)), "out of date: run update"))
    for locale in locales:
        found.extend(problems(read_catalog(po_path(locale_dir, locale), locale), locale, messages))
    return found


def export_todo(locale_dir: Path, locale: str) -> list[list[str]]:
    """The entries a translator still has to do, as [context, source] pairs."""
    catalog = read_catalog(po_path(locale_dir, locale), locale)
    return [[message.context, message.id] for message in catalog or []
            if message.id and (not message.string or message.fuzzy)]


def import_translations(locale_dir: Path, locale: str, translations: Mapping[str, str]) -> int:
    """Takes a {context: translation} mapping (e.g. from a translator working on `todo`'s output) into the
    locale's catalog; entries it names become translated and lose their fuzzy flag."""
    path = po_path(locale_dir, locale)
    catalog = read_catalog(path, locale)
    done = 0
    for message in catalog:
        if message.id and message.context in translations and translations[message.context].strip():
            message.string = translations[message.context]
            message.flags.discard("fuzzy")
            message.previous_id = []
            done += 1
    write_if_changed(path, catalog, "revision_date")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "check", "todo", "import"))
    parser.add_argument("locale", nargs="?", default="en", help="todo/import: the locale (default: en)")
    parser.add_argument("file", nargs="?", type=Path, help="todo: where to write; import: what to read (JSON)")
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR, help="default: %(default)s")
    arguments = parser.parse_args(argv)
    if arguments.command == "todo":
        todo = export_todo(arguments.locale_dir, arguments.locale)
        text = json.dumps(todo, ensure_ascii=False, indent=1)
        if arguments.file:
            arguments.file.write_text(text, encoding="utf-8")
        else:
            print(text)
        return 0
    if arguments.command == "import":
        translations = json.loads(arguments.file.read_text(encoding="utf-8"))
        print(f"{arguments.locale}: {import_translations(arguments.locale_dir, arguments.locale, translations)} taken in")
        return 0
    messages = load_registry()
    if arguments.command == "update":
        for line in update(arguments.locale_dir, messages):
            print(line)
        return 0
    found = check(arguments.locale_dir, messages)
    for locale in ("template", *TRANSLATED_LOCALES):
        mine = [problem for problem in found if problem.locale == locale]
        if mine:
            print(f"{locale}: {len(mine)} problem(s)")
        elif locale != "template":
            print(f"{locale}: complete")
        for problem in mine:
            print(f"  {problem.kind}: {problem.context}" + (f" ({problem.detail})" if problem.detail else ""))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
