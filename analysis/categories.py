"""The cue-category registry: one row a category in ``analysis/lexicons/cue_categories.csv``.

Every consumer reads it: the wording scan (which curated lexicons to read, in which precedence,
and which model feature a category's membership sets), the cue summary and highlighted texts
(meaning, colours, the non-colour mark), corpus scale (the ``<category>_per_1000`` column), tone
(which categories count as loaded words it does not score), the report's limits. Adding a
category is one row here and its words in a lexicon file (see CONTRIBUTING.md).

Columns: ``term`` (the category's name), ``rationale`` (what it means, in plain words),
``source``, ``colour`` / ``tint`` / ``line`` (how a cue is marked: underline colour, background
tint, underline style), ``feature`` (the model feature its membership sets: loaded, label,
attribution, hedge, booster or naming), ``lexicon`` (the lexicon file its terms live in),
``precedence`` (a term in several lexicons takes the entry of the lowest), ``unscored`` (yes:
tone lists its cues that TextBlob scores 0), ``common_only`` (yes: its words are common words,
so a mid-sentence capital is a name, not a cue), ``scale_column``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from analysis.lexicon import LexiconError, load_lexicon, on_change

V = TypeVar("V")

__all__ = ["CueCategory", "FEATURE_KINDS", "RegistryView", "cue_categories", "category", "category_names", "lexicon_order"]

#: The model features a category's membership can set (``analysis.wording.features``).
FEATURE_KINDS = ("loaded", "label", "attribution", "hedge", "booster", "naming")
_COLUMNS = ("colour", "tint", "line", "feature", "lexicon", "precedence", "unscored", "common_only", "scale_column")
_LINES = ("solid", "double", "dashed", "dotted", "wavy", "overline")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}$")
_FILE = "analysis/lexicons/cue_categories.csv"


@dataclass(frozen=True)
class CueCategory:
    """One row of the registry (see the module docstring)."""

    name: str
    meaning: str
    source: str
    colour: str
    tint: str
    line: str
    feature: str
    lexicon: str
    precedence: int
    unscored: bool
    common_only: bool
    scale_column: str


def _yes(value: str, row: int, column: str) -> bool:
    if value not in ("yes", "no"):
        raise LexiconError(f"{_FILE}: row {row} has {column}={value!r}; expected yes or no")
    return value == "yes"


@lru_cache(maxsize=1)
def cue_categories() -> tuple[CueCategory, ...]:
    """Every cue category, in display order (the file's order)."""
    frame = load_lexicon("cue_categories")
    missing = [c for c in _COLUMNS if c not in frame.columns]
    if missing:
        raise LexiconError(f"{_FILE}: missing columns {missing}")
    out = []
    for i, values in enumerate(frame[["term", "rationale", "source", *_COLUMNS]].itertuples(index=False), start=2):
        r = dict(zip(("term", "rationale", "source", *_COLUMNS), map(str, values), strict=True))
        for column in _COLUMNS:
            if not r[column].strip():
                raise LexiconError(f"{_FILE}: row {i} has an empty {column!r}")
        if not (_COLOUR.match(r["colour"]) and _COLOUR.match(r["tint"])):
            raise LexiconError(f"{_FILE}: row {i} needs colours written #rrggbb")
        if r["line"] not in _LINES:
            raise LexiconError(f"{_FILE}: row {i} has line={r['line']!r}; expected one of {_LINES}")
        if r["feature"] not in FEATURE_KINDS:
            raise LexiconError(f"{_FILE}: row {i} has feature={r['feature']!r}; expected one of {FEATURE_KINDS}")
        if not r["precedence"].isdigit():
            raise LexiconError(f"{_FILE}: row {i} has a precedence that is not a whole number")
        out.append(CueCategory(r["term"], r["rationale"], r["source"], r["colour"], r["tint"], r["line"],
                               r["feature"], r["lexicon"], int(r["precedence"]), _yes(r["unscored"], i, "unscored"),
                               _yes(r["common_only"], i, "common_only"), r["scale_column"]))
    names = [c.name for c in out]
    if len(set(names)) != len(names):
        raise LexiconError(f"{_FILE}: a category is listed twice")
    return tuple(out)


on_change(cue_categories.cache_clear)


def category_names() -> tuple[str, ...]:
    """The categories' names, in display order."""
    return tuple(c.name for c in cue_categories())


@lru_cache(maxsize=1)
def _by_name() -> dict[str, CueCategory]:
    return {c.name: c for c in cue_categories()}


on_change(_by_name.cache_clear)


def category(name: str) -> CueCategory | None:
    """The registry row of ``name``, or None for a category the registry does not list."""
    return _by_name().get(name)


class RegistryView(Mapping[str, V]):
    """A read-only mapping category name → one value of its registry row, read when asked (so a
    category added to the registry shows up everywhere without a second list)."""

    def __init__(self, value: Callable[[CueCategory], V]):
        self._value = value

    def __getitem__(self, name: str) -> V:
        entry = category(name)
        if entry is None:
            raise KeyError(name)
        return self._value(entry)

    def __iter__(self) -> Iterator[str]:
        return iter(category_names())

    def __len__(self) -> int:
        return len(cue_categories())

    def __repr__(self) -> str:
        return repr(dict(self))


def lexicon_order() -> tuple[str, ...]:
    """The curated lexicon files, most binding first (by the categories' ``precedence``)."""
    best: dict[str, int] = {}
    for c in cue_categories():
        best[c.lexicon] = min(best.get(c.lexicon, c.precedence), c.precedence)
    return tuple(sorted(best, key=lambda name: (best[name], name)))
