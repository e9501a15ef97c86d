"""Fixtures for the message catalogs: the catalog tool (scripts/catalog.py, loaded from its file since
scripts/ is not a package), the full message registry, and a way to point `say` at other catalogs."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType

import pytest

from backend.messages import catalog as message_catalog
from backend.messages.catalog import Message

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "catalog.py"


@pytest.fixture(scope="session")
def catalog_tool() -> ModuleType:
    name = "liangbu_catalog_script"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def messages(catalog_tool: ModuleType) -> Mapping[str, Message]:
    """Every registered message, from every message module the tool knows."""
    return catalog_tool.load_registry()


@pytest.fixture
def catalogs_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Makes `say` read its catalogs from another folder for one test."""

    def use(folder: Path) -> None:
        monkeypatch.setattr(message_catalog, "LOCALE_DIR", folder)
        message_catalog.reload_translations()

    yield use
    monkeypatch.undo()
    message_catalog.reload_translations()
