"""Load the package's lexicons: CSV data files under ``analysis/lexicons/``.

Every lexicon has at least the columns ``term, category, rationale, source``: what the entry is,
why it is in the list, and where that judgement comes from. Lexicons are read once and cached;
callers get a copy, so nothing can change the shared table.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd

__all__ = ["REQUIRED_COLUMNS", "LexiconError", "load_lexicon", "available_lexicons"]

REQUIRED_COLUMNS = ("term", "category", "rationale", "source")


class LexiconError(ValueError):
    """A lexicon file is missing, or a row lacks a term, category, rationale or source."""


def available_lexicons() -> list[str]:
    """Names of the lexicons shipped with the package (file names without ``.csv``)."""
    folder = resources.files("analysis") / "lexicons"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv"))


@cache
def _read(name: str) -> pd.DataFrame:
    resource = resources.files("analysis") / "lexicons" / f"{name}.csv"
    if not resource.is_file():
        raise LexiconError(f"analysis/lexicons/{name}.csv: no such lexicon")
    with resource.open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False, comment=None)
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise LexiconError(f"analysis/lexicons/{name}.csv: missing columns {missing}")
    for column in REQUIRED_COLUMNS:
        blank = frame.index[frame[column].str.strip() == ""]
        if len(blank):
            raise LexiconError(
                f"analysis/lexicons/{name}.csv: row {blank[0] + 2} has an empty {column!r}"
            )
    return frame


def load_lexicon(name: str) -> pd.DataFrame:
    """The lexicon ``name`` as a DataFrame (a fresh copy each call).

    >>> "actor" in load_lexicon("actors").columns
    True
    """
    return _read(name).copy()
