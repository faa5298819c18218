"""The precomputed word table: what the wording model works out once per word type, read from a
file for the words news prose uses most, instead of computed on a word's first use.

``analysis/models/word_table.npz`` (made by ``python -m analysis.wording.table``, see
``CONTRIBUTING.md``) holds, for every word of wordfreq's English list at or above a Zipf
frequency cut: whether it is worth scoring (:func:`analysis.wording.features.is_candidate`),
whether it has a curated entry (:func:`analysis.wording.lexicons.curated_word`), which of
TextBlob, VADER and AFINN rate it negative, its word features
(:func:`analysis.wording.features.base_features`) and, for a word worth scoring, its score without
context by the shipped model and learned table (:class:`TableScores`, read by
``analysis.wording.scorer`` only for a scorer with that word-level model and learned table): numpy
arrays and one word list.

The file carries a fingerprint of everything it was computed from (:func:`fingerprint`): the
lexicon files it reads, the versions of the packages whose word lists and frequencies it reads,
and :data:`TABLE_VERSION`, raised whenever the code computing those facts changes. A table whose
fingerprint differs from the one computed now (a lexicon edited, another lexicon folder set by
:func:`analysis.lexicon.use_lexicon_dir`, another version of an outside package), or a missing
one, is ignored: every word is then computed as before, slower, with the same results. The table
is read once per process (forked workers share it) and checked again when the lexicon folder
changes.

What it cannot do: a word outside the list (a rare word, a hyphenated compound, a name) is still
computed on its first use, as before.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from analysis.categories import lexicon_order
from analysis.lexicon import forget_compiled, lexicon_digest, on_change
from analysis.paths import MODELS_DIR

__all__ = [
    "AFINN_NEGATIVE",
    "CANDIDATE",
    "CURATED",
    "FORMS",
    "FORMS_SHIFT",
    "INDEX_SHIFT",
    "NOUN_START",
    "ROW_MASK",
    "ROW_SHIFT",
    "TABLE_FILE",
    "TABLE_VERSION",
    "TEXTBLOB_NEGATIVE",
    "TOKEN_STARTS",
    "VADER_NEGATIVE",
    "TableScores",
    "WordTable",
    "encode_forms",
    "fingerprint",
    "fingerprint_parts",
    "forms",
    "ignored",
    "read_table",
    "row_of",
    "word_table",
]

#: Raise by one whenever the code behind the table's facts changes (``analysis.wording.features``:
#: the word features, ``is_candidate``, ``word_facts``; ``analysis.wording.lexicons``:
#: ``curated_word`` and the readers; ``analysis.text``: ``normalize_token``, ``stem``;
#: ``analysis.frequency``; ``analysis.wording.scorer``: a word's score without context, which the
#: table also holds; ``analysis.wording.occurrences.token_marks``): an old table is then ignored
#: until it is rebuilt.
TABLE_VERSION = 4
TABLE_FILE = MODELS_DIR / "word_table.npz"
#: The lexicon files the table is computed from, besides the curated ones the cue-category
#: registry lists (``analysis.categories.lexicon_order``). ``tests/test_word_table.py`` checks
#: that building the table reads no other.
LEXICONS = ("cue_categories", "function_words", "neutral_words")
#: The packages whose word lists or frequencies the table is computed from.
PACKAGES = ("wordfreq", "textblob", "vaderSentiment", "afinn", "NRCLex")

#: Bits of a word's flags: worth scoring, has a curated entry, rated negative by TextBlob, VADER,
#: AFINN, its forms are in its code (see :func:`forms`), and what the word pass reads in it as a
#: token (``analysis.wording.occurrences.token_marks``): a verb-list word that may be a noun starts
#: it, a curated phrase or a verb taking a plain object may start in it.
CANDIDATE, CURATED, TEXTBLOB_NEGATIVE, VADER_NEGATIVE, AFINN_NEGATIVE, FORMS = 1, 2, 4, 8, 16, 32
NOUN_START, TOKEN_STARTS = 64, 128
#: A word's code in :attr:`WordTable.codes` is
#: ``index << INDEX_SHIFT | row << ROW_SHIFT | forms << FORMS_SHIFT | flags``: ``index`` is the
#: word's place in the table (its row of :attr:`TableScores.values`), ``row`` its row of
#: :attr:`WordTable.rows` (:func:`row_of`); ``forms`` (13 bits) holds the length of the prefix of
#: the word its inflection fold (``analysis.wording.lexicons.fold_form``) keeps (6 bits), whether
#: the fold adds a "y" (1 bit), and the length of the prefix its word family (``family_form`` of
#: the fold) keeps (6 bits).
FORMS_SHIFT, ROW_SHIFT, INDEX_SHIFT = 8, 21, 42
ROW_MASK = (1 << (INDEX_SHIFT - ROW_SHIFT)) - 1


def row_of(code: int) -> int:
    """The feature row (of :attr:`WordTable.rows`) of a word's code."""
    return code >> ROW_SHIFT & ROW_MASK


def encode_forms(word: str, folded: str, family: str) -> int:
    """The ``forms`` bits of ``word`` with the fold ``folded`` and the family ``family`` (0 when
    they cannot be written so: then :data:`FORMS` stays unset and they are computed)."""
    fold_length = len(folded) - 1 if folded.endswith("y") and not word.startswith(folded) else len(folded)
    if (fold_length > 63 or len(family) > 63 or not word.startswith(family)
            or word[:fold_length] + folded[fold_length:] != folded or folded[fold_length:] not in ("", "y")):
        return 0
    return fold_length | (64 if folded[fold_length:] else 0) | len(family) << 7


def forms(word: str, code: int) -> tuple[str, str]:
    """The fold and the family of ``word`` from its code (whose :data:`FORMS` bit is set)."""
    bits = code >> FORMS_SHIFT
    return word[: bits & 63] + ("y" if bits & 64 else ""), word[: bits >> 7 & 63]


def fingerprint_parts() -> tuple[str, ...]:
    """What the table is computed from, as it stands now, one line a source: ``table version N``
    (:data:`TABLE_VERSION`), ``lexicons`` and a SHA-256 of the bytes of the lexicon files it reads
    (from the lexicon folder in use), then ``PACKAGE VERSION`` for each of :data:`PACKAGES`."""
    parts = [f"table version {TABLE_VERSION}", f"lexicons {lexicon_digest((*LEXICONS, *lexicon_order()))}"]
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "not installed"
        parts.append(f"{package} {version}")
    return tuple(parts)


def fingerprint() -> str:
    """A SHA-256 (hex) of :func:`fingerprint_parts`: what a table is checked against on load."""
    return hashlib.sha256("\n".join(fingerprint_parts()).encode()).hexdigest()


@dataclass(frozen=True)
class TableScores:
    """The table words' scores without context (``analysis.wording.scorer.WordScore``) as the
    shipped model and learned table give them, for a word worth scoring with its curated entry
    counting: used by a scorer whose word-level model and learned table are those it was computed
    with (:attr:`stamp`, ``analysis.wording.scorer.score_stamp``).

    ``values``: one row a word (its code's ``index``): ``z`` and ``z_plain`` of the plain word,
    ``z`` and ``z_plain`` of the word as a name, its ``lean``; ``kinds``: one number a word, the
    plain word's ``evidence << 1 | evaluative`` in its low 16 bits, the name's in the next 16
    (``evidence``: an index into :attr:`evidence`, the evidence strings with whether they hold
    lexical evidence)."""

    stamp: str
    values: np.ndarray
    kinds: np.ndarray
    evidence: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class WordTable:
    """The precomputed facts of many words (see the module docstring).

    ``codes``: word -> its code (see :data:`ROW_SHIFT`); ``rows``: the distinct word-feature rows
    (columns ``features``, the names of ``analysis.wording.features.FEATURES[:N_BASE]`` when it
    was built), one per distinct combination of values."""

    codes: dict[str, int]
    rows: np.ndarray
    features: tuple[str, ...]
    fingerprint: str
    #: rows as tuples of floats, made on first use
    _tuples: list[tuple[float, ...] | None]
    #: the words' scores without context (None: the file holds none)
    scores: TableScores | None = None

    def row(self, index: int) -> tuple[float, ...]:
        """Row ``index`` of :attr:`rows` as a tuple of floats (made once)."""
        found = self._tuples[index]
        if found is None:
            found = self._tuples[index] = tuple(self.rows[index].tolist())
        return found


def read_table(path: str | Path = TABLE_FILE, *, expected: str | None = None) -> WordTable | None:
    """The table in ``path``; None when the file is missing or its fingerprint is not ``expected``
    (default: :func:`fingerprint` now). An unreadable file gives one warning and None."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            stored = str(data["fingerprint"])
            if stored != (fingerprint() if expected is None else expected):
                return None
            words = data["words"].tobytes().decode("utf-8").split("\n")
            codes = data["codes"].astype(np.int64).tolist()
            rows = data["rows"]
            features = tuple(str(f) for f in data["features"])
            scores = None
            if "score_stamp" in data.files:
                evidence = tuple(str(e) for e in data["score_evidence"])
                lexical = data["score_lexical"].astype(bool).tolist()
                scores = TableScores(str(data["score_stamp"]), np.asarray(data["score_values"], dtype=np.float64),
                                     np.asarray(data["score_kinds"], dtype=np.int64), tuple(zip(evidence, lexical, strict=True)))
    except (OSError, ValueError, KeyError) as err:
        warnings.warn(f"{path}: unreadable word table ({err}); words are computed instead", stacklevel=2)
        return None
    if len(words) != len(codes) or rows.ndim != 2 or rows.shape[1] != len(features):
        warnings.warn(f"{path}: malformed word table; words are computed instead", stacklevel=2)
        return None
    if scores is not None and (scores.values.shape != (len(words), 5) or scores.kinds.shape != (len(words),)):
        warnings.warn(f"{path}: malformed word scores; they are computed instead", stacklevel=2)
        scores = None
    return WordTable(dict(zip(words, codes, strict=True)), rows, features, stored, [None] * len(rows), scores)


_ignoring = False


def word_table() -> WordTable | None:
    """The shipped table when it is fresh for the lexicon folder in use, else None (read once;
    checked again after the lexicon folder changes; None inside :func:`ignored`)."""
    return None if _ignoring else _shipped()


@lru_cache(maxsize=1)
def _shipped() -> WordTable | None:
    return read_table(TABLE_FILE)


@contextmanager
def ignored() -> Iterator[None]:
    """Inside the block the table is not read and every word is computed: how the table is built,
    and checked against fresh computation. Everything compiled from the lexicons is forgotten on
    the way in and out (so nothing read through the table is remembered inside, nor anything
    computed inside remembered after)."""
    global _ignoring
    previous, _ignoring = _ignoring, True
    forget_compiled()
    try:
        yield
    finally:
        _ignoring = previous
        forget_compiled()


@on_change
def clear_caches() -> None:
    """Forget the table (the lexicon folder changed: its fingerprint is computed again)."""
    _shipped.cache_clear()
