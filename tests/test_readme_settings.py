"""The README's Settings section names every setting the service reads (backend/settings.py), so an operator
reading it learns of each one: a setting added to the code without a line in the README fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from backend.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def settings_section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Settings\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README.md has no '## Settings' section"
    return match.group(1)


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_named_in_the_readme_settings_section(field):
    assert f"`{field.upper()}`" in settings_section(), (
        f"LIANGBU_{field.upper()} (backend/settings.py) is missing from README.md's Settings section: "
        f"add `{field.upper()}` with a line saying what it is")


def test_the_settings_table_names_no_setting_the_service_does_not_read():
    listed = {name for first_column in re.findall(r"^\|([^|]*)\|", settings_section(), re.M)
              for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", first_column)}
    assert listed, "the Settings table was not found"
    assert listed - {field.upper() for field in Settings.model_fields} == set()
