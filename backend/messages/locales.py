"""Locale names and negotiation. Babel spells Chinese locales with their script (zh_Hans_CN,
zh_Hant_TW); catalog folders named zh_CN silently fail to load (REFERENCE.md), so every locale we see
is normalised to one of the supported names before use, and nothing a client sends can raise."""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

DEFAULT_LOCALE = "zh_Hans_CN"
SUPPORTED_LOCALES = ("zh_Hans_CN", "en", "zh_Hant_TW")

_TRADITIONAL_REGIONS = {"TW", "HK", "MO"}


def normalise_locale(value: str | None) -> str:
    """Maps any spelling (zh-CN, zh_hans, zh-Hant-TW, en-US, EN, ...) to a supported locale, or the default."""
    if not value:
        return DEFAULT_LOCALE
    tag = value.strip().replace("-", "_")
    if tag in SUPPORTED_LOCALES:
        return tag
    try:
        parsed = Locale.parse(tag)
    except (ValueError, TypeError, UnknownLocaleError):
        parsed = None
    if parsed is None:
        parts = [p for p in tag.split("_") if p]
        language = parts[0].lower() if parts else ""
        rest = {p.upper() if len(p) == 2 else p.title() for p in parts[1:]}
        script = "Hant" if "Hant" in rest or rest & _TRADITIONAL_REGIONS else "Hans"
    else:
        language = parsed.language
        rest = {parsed.territory or ""}
        script = parsed.script or ("Hant" if parsed.territory in _TRADITIONAL_REGIONS else "Hans")
    if language == "zh":
        return "zh_Hant_TW" if script == "Hant" else "zh_Hans_CN"
    if language == "en":
        return "en"
    return DEFAULT_LOCALE


_ACCEPT_ITEM = re.compile(r"^\s*([A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def negotiate_locale(accept_language: str | None) -> str:
    """Picks the best supported locale from an Accept-Language header; malformed items are skipped."""
    if not accept_language:
        return DEFAULT_LOCALE
    candidates: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept_language[:1000].split(",")):
        match = _ACCEPT_ITEM.match(item)
        if not match:
            continue
        tag, quality = match.group(1), match.group(2)
        try:
            q = float(quality) if quality is not None else 1.0
        except ValueError:
            continue
        if q <= 0 or q > 1 or tag == "*":
            continue
        language = tag.replace("_", "-").split("-")[0].lower()
        if language not in {"zh", "en"}:
            continue
        candidates.append((-q, position, tag))
    if not candidates:
        return DEFAULT_LOCALE
    return normalise_locale(min(candidates)[2])
