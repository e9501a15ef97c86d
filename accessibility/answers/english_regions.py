"""A county named in English, for a person reading the prompts in English: "Xiaodian District, Taiyuan",
"Wulong District, Chongqing", "Wulong", "xiaodian district taiyuan shanxi", "Taiyuan Xiaodian", in any case, with or
without the kind word (District, County, City, Autonomous County...) and the places above it, in either order.

The caller passes each county's English name as the product writes it, smallest place first and the kind of the
smallest said ("Xiaodian District, Taiyuan, Shanxi": `backend.identity.place_names.place_name(code, "en")`): this
package imports nothing of the backend. The romanised name is one word (Xiaodian), so names are matched as whole
words, never inside another word.

A one-syllable name (He County, She County, You County) counts only with its kind word said after it, and so
does a name that is also a common English word: "you" or "long" in a sentence names no county.

A name shared by several counties (Chaoyang District in Beijing and in Changchun) is narrowed by the kind word and
the places said with it; when it is not, the answer is ambiguous. A word that is the name of a place above a county
said in the answer is that place ("Wulong District, Chongqing": Chongqing is not a county here).

Codes returned (`EnglishCounties.parse`):
- `empty`: nothing was said.
- `county_unclear`: no county's English name is in the answer.
Ambiguous code: `several_counties` (options: county codes, at most `MAX_OPTIONS`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from accessibility.answers.regions import MAX_OPTIONS
from accessibility.answers.results import Ambiguous, NotUnderstood, Understood
from accessibility.answers.text import words_of


# Names of counties that are English words too (龙 Long, 宋 Song, 杭 Hang): counted only with their kind word.
_ENGLISH_WORDS = frozenset({"long", "song", "hang", "bang", "gang", "tang", "lang", "pang", "sang", "rang", "fang"})
# The shortest name counted without its kind word: a name of one syllable ("he", "you") is as short as English words.
_SHORTEST = 4


@dataclass(frozen=True)
class _Named:
    code: str
    stem: str                 # "xiaodian"
    kind: str                 # "district" ("" for a name without a kind word)
    above: tuple[str, ...]    # ("taiyuan", "shanxi")


class EnglishCounties:
    """The counties by their English names, looked up by the words of an answer."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """`names`: (code, English name) of every county, the name as "Xiaodian District, Taiyuan, Shanxi"."""
        self._by_stem: dict[str, list[_Named]] = {}
        for code, name in names:
            parts = [words_of(part) for part in name.split(",")]
            if not parts or not parts[0]:
                continue
            stem, _, kind = parts[0].partition(" ")
            named = _Named(code, stem, kind, tuple(part for part in parts[1:] if part))
            self._by_stem.setdefault(stem, []).append(named)

    def parse(self, text: str) -> Understood[str] | Ambiguous[str] | NotUnderstood:
        said = words_of(text)
        if not said:
            return NotUnderstood("empty")
        tokens = set(said.split())
        candidates = [named for token in tokens for named in self._by_stem.get(token, ())]
        # A word that names a place above another candidate said with it is that place, not a county of its name.
        aboves = {place for named in candidates if named.stem in tokens for place in named.above if place != named.stem}
        candidates = [named for named in candidates if self._kind_said(named, said) or (
            named.stem not in aboves and len(named.stem) >= _SHORTEST and named.stem not in _ENGLISH_WORDS)]
        if not candidates:
            return NotUnderstood("county_unclear")
        best = max(self._score(named, said, tokens) for named in candidates)
        found = sorted({named.code for named in candidates if self._score(named, said, tokens) == best})
        if len(found) == 1:
            return Understood(found[0])
        return Ambiguous(tuple(found[:MAX_OPTIONS]), code="several_counties")

    @staticmethod
    def _kind_said(named: _Named, said: str) -> bool:
        return bool(named.kind) and re.search(rf"\b{named.stem} {named.kind}\b", said) is not None

    def _score(self, named: _Named, said: str, tokens: set[str]) -> tuple[int, int]:
        """The kind word said after the name first, then how many of the places above it are said."""
        return (self._kind_said(named, said), sum(all(word in tokens for word in place.split()) for place in named.above))
