"""Find the actors a text speaks of: groups of names from an editable data file.

An actor is a group of names (Russia: Russia, Russian, Moscow, the Kremlin, Putin …) listed in
``analysis/lexicons/actors.csv``; add a row to add a name or a group. Tone (``analysis.tone``) and
emphasis (``analysis.emphasis``) both use these mentions, so they count the same things.

What this cannot see: pronouns ("he", "the country"), descriptions ("the president"), and names
missing from the file. Metonyms are taken at face value ("Washington" is the US government, even
when it is the state or a person), and names are matched case-sensitively, so an all-capitals
headline is missed.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis.lexicon import _read, load_lexicon

__all__ = ["actor_groups", "actor_mentions", "actor_pattern"]

_MENTION_COLUMNS = ["article_id", "sent_id", "actor", "alias", "start", "end"]


def actor_groups(groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """The actor table (``actor, term, category, rationale, source``), the package's by default."""
    frame = load_lexicon("actors") if groups is None else groups.copy()
    missing = {"actor", "term"} - set(frame.columns)
    if missing:
        raise ValueError(f"actor groups need columns {sorted(missing)}")
    return frame


@lru_cache(maxsize=8)
def _compile(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    alias_to_actor = {alias: actor for actor, alias in pairs}
    ordered = sorted(alias_to_actor, key=len, reverse=True)  # longest name wins: "New Delhi"
    alternatives = "|".join(re.escape(a) for a in ordered)
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w]|\.\w)")
    return pattern, alias_to_actor


_DEFAULT: list = [None, None]  # [the cached lexicon table, its pattern and map]


def actor_pattern(groups: pd.DataFrame | None = None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One compiled pattern matching every alias, and the alias → actor map."""
    if groups is None:
        # The package's table: built once for each table the lexicon cache holds (a cleared
        # cache reads the file again and gets a new pattern).
        shared = _read("actors")
        if _DEFAULT[0] is not shared:
            frame = actor_groups()
            pairs = tuple(sorted(set(zip(frame["actor"], frame["term"], strict=True))))
            _DEFAULT[:] = [shared, _compile(pairs)]
        return _DEFAULT[1]
    frame = actor_groups(groups)
    pairs = tuple(sorted(set(zip(frame["actor"], frame["term"], strict=True))))
    return _compile(pairs)


def actor_mentions(sentences: pd.DataFrame, *, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every actor mention in ``sentences``: ``article_id, sent_id, actor, alias, start, end``.

    ``start``/``end`` index the article body (sentence offset plus position in the sentence),
    so ``body[start:end] == alias``. Possessives and compounds count ("Kyiv’s", "Russian-occupied").
    """
    pattern, alias_to_actor = actor_pattern(groups)
    rows = []
    for article_id, sent_id, offset, text in zip(
        sentences["article_id"], sentences["sent_id"], sentences["start"], sentences["text"], strict=True
    ):
        for match in pattern.finditer(text):
            alias = match.group()
            rows.append(
                (article_id, sent_id, alias_to_actor[alias], alias, offset + match.start(), offset + match.end())
            )
    return pd.DataFrame(rows, columns=_MENTION_COLUMNS)
