"""The actors a text speaks of: discovered in the texts, extended or overridden by a user's list.

By default every actor is **discovered** (``analysis.discovery``): people, organisations, places
and groups found as names, titles, gazetteer entries and group nouns, merged by alias across
mentions and articles. A user can add or override actors with an **actor table**: one row a name,
columns ``actor`` (the canonical name) and ``term`` (a name that stands for it: "Russia", "Moscow",
"the Kremlin", "Putin"), optionally ``kind`` (person, organisation, place, group). It can come from

- an ``actors.csv`` file beside the articles (``corpus/<event>/actors.csv``),
- an ``actors`` line in an article's front matter: ``actors: Springfield City Council = the
  council, City Hall; Paul Kim [person] = Mr. Kim``,
- ``python -m analysis compare … --actors FILE``, or ``compare(..., actors=table_or_path)``.

Every term of the table is matched (case-sensitively, possessives and compounds included) and
belongs to its actor, whatever discovery made of it. Tone (``analysis.tone``), emphasis
(``analysis.emphasis``), sourcing and omissions all read the same mentions.

What this cannot see: pronouns ("he", "the country"), descriptions ("the president"), and names
written in lower case. Metonyms in a user's table are taken at face value ("Washington" is the US
government, even when it is the state or a person).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.corpus import CorpusError
from analysis.discovery import discover

__all__ = [
    "ACTOR_FILE",
    "actor_groups",
    "actor_mentions",
    "actor_pattern",
    "event_actors",
    "pairs_pattern",
    "parse_actor_line",
    "read_actor_file",
]

#: The file name of an event's actor table, read from the articles' folder.
ACTOR_FILE = "actors.csv"

_MENTION_COLUMNS = ["article_id", "sent_id", "actor", "alias", "kind", "start", "end"]
_GROUP_COLUMNS = ["actor", "term", "kind"]


def actor_groups(groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """A user's actor table checked and tidied (``actor, term, kind`` and any other columns);
    an empty table when ``groups`` is None (discovery alone)."""
    if groups is None:
        return pd.DataFrame(columns=_GROUP_COLUMNS)
    frame = groups.copy()
    missing = {"actor", "term"} - set(frame.columns)
    if missing:
        raise ValueError(f"actor groups need columns {sorted(missing)}")
    if "kind" not in frame.columns:
        frame["kind"] = ""
    frame = frame.fillna("")
    frame["actor"] = frame["actor"].astype(str).str.strip()
    frame["term"] = frame["term"].astype(str).str.strip()
    frame["kind"] = frame["kind"].astype(str).str.strip().str.lower()
    return frame[(frame["actor"] != "") & (frame["term"] != "")].reset_index(drop=True)


def read_actor_file(path: str | Path) -> pd.DataFrame:
    """Read an actor table from a CSV file (``actor, term``, optionally ``kind``).

    Raises:
        CorpusError: the file cannot be read or lacks the columns (the message names the file).
    """
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CorpusError(path, f"cannot read the actor file ({type(err).__name__})") from None
    missing = {"actor", "term"} - set(frame.columns)
    if missing:
        raise CorpusError(path, f"an actor file needs the columns actor and term; missing {sorted(missing)}")
    return actor_groups(frame)


_LINE_ITEM = re.compile(r"^\s*(?P<actor>[^=\[\]]+?)\s*(?:\[(?P<kind>[a-z]+)\])?\s*(?:=\s*(?P<terms>.*))?$")


def parse_actor_line(line: str) -> pd.DataFrame:
    """An actor table from a front-matter line: ``Actor [kind] = alias, alias; Actor2 = alias``.

    The actor's own name is always one of its terms.

    >>> parse_actor_line("City Council [organisation] = the council; Paul Kim = Mr. Kim")["term"].tolist()
    ['City Council', 'the council', 'Paul Kim', 'Mr. Kim']
    """
    rows: list[tuple[str, str, str]] = []
    for item in str(line).split(";"):
        m = _LINE_ITEM.match(item)
        if not item.strip() or m is None:
            continue
        actor = m.group("actor").strip()
        kind = m.group("kind") or ""
        terms = [actor] + [t.strip() for t in (m.group("terms") or "").split(",") if t.strip()]
        rows.extend((actor, t, kind) for t in dict.fromkeys(terms))
    return actor_groups(pd.DataFrame(rows, columns=_GROUP_COLUMNS))


def event_actors(articles: pd.DataFrame, *, extra: pd.DataFrame | str | Path | None = None) -> pd.DataFrame | None:
    """The user actor table for a set of articles, or None when there is none.

    Read, in order (later rows win for the same term): ``actors.csv`` in each article's folder,
    each article's ``actors`` front-matter line, then ``extra`` (a table or a CSV path).
    """
    frames = []
    folders: Iterable[Path] = dict.fromkeys(
        Path(str(p)).parent for p in (articles["path"] if "path" in articles.columns else []) if str(p)
    )
    for folder in folders:
        candidate = folder / ACTOR_FILE
        if candidate.is_file():
            frames.append(read_actor_file(candidate))
    if "actors" in articles.columns:
        for line in articles["actors"]:
            if isinstance(line, str) and line.strip():
                frames.append(parse_actor_line(line))
    if extra is not None:
        frames.append(read_actor_file(extra) if isinstance(extra, str | Path) else actor_groups(extra))
    if not frames:
        return None
    table = pd.concat(frames, ignore_index=True)
    return table.drop_duplicates("term", keep="last").reset_index(drop=True)


@lru_cache(maxsize=8)
def pairs_pattern(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One compiled pattern matching every term of ``(actor, term)`` pairs (the longest term wins
    where two start at the same place), and the term -> actor map; compiled once per set of pairs.
    :func:`actor_pattern` gives it for an actor table; the annotation step for pairs it holds."""
    alias_to_actor = {alias: actor for actor, alias in pairs}
    ordered = sorted(alias_to_actor, key=len, reverse=True)  # longest name wins: "New Delhi"
    alternatives = "|".join(re.escape(a) for a in ordered) or r"(?!x)x"
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w]|\.\w)")
    return pattern, alias_to_actor


def actor_pattern(groups: pd.DataFrame | None = None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One compiled pattern matching every term of a user actor table, and the term -> actor map
    (a pattern that matches nothing when there is no table)."""
    frame = actor_groups(groups)
    pairs = tuple(sorted(set(zip(frame["actor"], frame["term"], strict=True))))
    return pairs_pattern(pairs)


def actor_mentions(sentences: pd.DataFrame, *, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every actor mention in ``sentences``: ``article_id, sent_id, actor, alias, kind, start, end``.

    Actors are discovered (``analysis.discovery``) and a user table ``groups`` adds or overrides
    names. ``start``/``end`` index the article body, so ``body[start:end] == alias``. Possessives
    and compounds count ("Kyiv’s", "Russian-occupied").
    """
    mentions = discover(sentences, groups=groups).mentions
    return mentions if len(mentions) else pd.DataFrame(columns=_MENTION_COLUMNS)
