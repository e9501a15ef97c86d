"""The small tables under ocr/data: one entry per line, `#` lines are their provenance."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def rows(path: Path) -> list[list[str]]:
    """Each line's space-separated columns, provenance lines and blank lines left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line and not line.startswith("#")]
