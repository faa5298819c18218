"""Load the package's lexicons: CSV data files under ``analysis/lexicons/``.

Every lexicon has at least the columns ``term, category, rationale, source``: what the entry is,
why it is in the list, and where that judgement comes from. Lexicons are read once and cached;
callers get a copy, so nothing can change the shared table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import pandas as pd

__all__ = [
    "REQUIRED_COLUMNS",
    "LexiconError",
    "available_lexicons",
    "forget_compiled",
    "lexicon_digest",
    "load_lexicon",
    "on_change",
    "use_lexicon_dir",
]

REQUIRED_COLUMNS = ("term", "category", "rationale", "source")


class LexiconError(ValueError):
    """A lexicon file is missing, or a row lacks a term, category, rationale or source."""


_folder: Path | None = None  # another lexicon folder (use_lexicon_dir), else the package's
_hooks: list[Callable[[], None]] = []


def _lexicon_folder() -> Traversable:
    return _folder if _folder is not None else resources.files("analysis") / "lexicons"


def _shown(name: str) -> str:
    return str(_folder / f"{name}.csv") if _folder is not None else f"analysis/lexicons/{name}.csv"


def on_change(clear: Callable[[], None]) -> Callable[[], None]:
    """Register a function that forgets what was compiled from lexicons (called when the lexicon
    folder changes); returns it, so it can decorate."""
    _hooks.append(clear)
    return clear


def _changed() -> None:
    _read.cache_clear()
    for clear in _hooks:
        clear()


def forget_compiled() -> None:
    """Forget every lexicon read and everything compiled from them (as :func:`use_lexicon_dir`
    does on the way in and out): the next use reads and compiles them again."""
    _changed()


@contextmanager
def use_lexicon_dir(folder: str | Path) -> Iterator[Path]:
    """Read every lexicon from ``folder`` inside the ``with`` block (a copy of
    ``analysis/lexicons/`` with rows or files added), forgetting compiled lexicons on the way in
    and out: how a new cue category or word list is tried before it is shipped."""
    global _folder
    previous, _folder = _folder, Path(folder)
    _changed()
    try:
        yield _folder
    finally:
        _folder = previous
        _changed()


def available_lexicons() -> list[str]:
    """Names of the lexicons in the lexicon folder (file names without ``.csv``)."""
    return sorted(p.name[:-4] for p in _lexicon_folder().iterdir() if p.name.endswith(".csv"))


@cache
def _read(name: str) -> pd.DataFrame:
    resource = _lexicon_folder() / f"{name}.csv"
    shown = _shown(name)
    if not resource.is_file():
        raise LexiconError(f"{shown}: no such lexicon")
    with resource.open("r", encoding="utf-8") as handle:
        try:
            frame = pd.read_csv(handle, dtype=str, keep_default_na=False, comment=None)
        except (pd.errors.ParserError, UnicodeDecodeError) as err:
            raise LexiconError(f"{shown}: not a readable CSV file ({err})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise LexiconError(f"{shown}: missing columns {missing}")
    for column in REQUIRED_COLUMNS:
        blank = frame.index[frame[column].str.strip() == ""]
        if len(blank):
            raise LexiconError(f"{shown}: row {blank[0] + 2} has an empty {column!r}")
    return frame


def load_lexicon(name: str) -> pd.DataFrame:
    """The lexicon ``name`` as a DataFrame (a fresh copy each call).

    >>> "actor" in load_lexicon("actors").columns
    True
    """
    return _read(name).copy()


def lexicon_digest(names: Iterable[str]) -> str:
    """A SHA-256 (hex) of the named lexicon files' bytes, read from the lexicon folder in use
    (:func:`use_lexicon_dir`'s when set; a missing file counts as missing): what anything
    computed from those files is checked against."""
    folder = _lexicon_folder()
    digest = hashlib.sha256()
    for name in sorted(set(names)):
        resource = folder / f"{name}.csv"
        content = resource.read_bytes() if resource.is_file() else b"(missing)"
        digest.update(f"{name}.csv {len(content)}\n".encode())
        digest.update(content)
    return digest.hexdigest()
