"""Build the precomputed word table (``analysis/models/word_table.npz``, read by
``analysis.wording.precomputed``): ``python -m analysis.wording.table`` (or ``make word-table``).

Rebuild it after editing a lexicon it is computed from (the curated lists, ``function_words``,
``neutral_words``, ``cue_categories``), after changing the code behind a word's features (and then
raise ``precomputed.TABLE_VERSION``), or after upgrading wordfreq, TextBlob, vaderSentiment, afinn
or NRCLex, and after refitting the wording model (``analysis/models/bias_model.csv``,
``learned_bias_words.csv``: the table holds each word's score by it). A stale table is never wrong,
only ignored (slower); ``tests/test_word_table.py`` fails until the shipped one is rebuilt.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis.frequency import zipf_frequency
from analysis.text import WORD_PATTERN, normalize_token
from analysis.wording.features import FEATURES, N_BASE, base_features, is_candidate, negative_ratings
from analysis.wording.lexicons import curated_word, family_form, fold_form
from analysis.wording.occurrences import token_marks
from analysis.wording.precomputed import (
    AFINN_NEGATIVE,
    CANDIDATE,
    CURATED,
    FORMS,
    FORMS_SHIFT,
    INDEX_SHIFT,
    NOUN_START,
    ROW_SHIFT,
    TABLE_FILE,
    TEXTBLOB_NEGATIVE,
    TOKEN_STARTS,
    VADER_NEGATIVE,
    TableScores,
    encode_forms,
    fingerprint,
    fingerprint_parts,
    forms,
    ignored,
)
from analysis.wording.scorer import Scorer, score_stamp

__all__ = ["ZIPF_CUT", "Built", "build", "main", "table_words", "write"]

#: Words of wordfreq's English list at least this frequent (Zipf: log10 of uses per billion words)
#: are in the table: about 96,000 words, which cover 87 % of the new word types the wording scorer
#: meets in the first 300 MBIC news articles (the rest: hyphenated compounds, rare names, typos).
ZIPF_CUT = 2.0
_NEGATIVE = {"TextBlob": TEXTBLOB_NEGATIVE, "VADER": VADER_NEGATIVE, "AFINN": AFINN_NEGATIVE}


def table_words(cut: float = ZIPF_CUT) -> list[str]:
    """The words of wordfreq's large English list at Zipf ``cut`` or above that the project's
    tokenizer reads as one normalized token, most frequent first."""
    from wordfreq import iter_wordlist  # an optional import: 0.4 s, only when building

    words = []
    for word in iter_wordlist("en", "large"):
        if zipf_frequency(word) < cut:
            break
        if WORD_PATTERN.fullmatch(word) and normalize_token(word) == word:
            words.append(word)
    return words


@dataclass(frozen=True)
class Built:
    """A table as built: the words, one code a word (see ``precomputed.ROW_SHIFT``), the distinct
    word-feature rows, the fingerprint of what it was computed from and its parts (what a test
    shows when the shipped table is stale)."""

    words: list[str]
    codes: np.ndarray
    rows: np.ndarray
    fingerprint: str
    sources: tuple[str, ...]
    #: the words' scores by the shipped model and learned table
    scores: TableScores


def build(words: Sequence[str]) -> Built:
    """Compute the table's facts of ``words`` afresh (the shipped table is not read meanwhile)."""
    rows: dict[tuple[float, ...], int] = {}
    codes = []
    with ignored():
        for index, word in enumerate(words):
            flags = (CANDIDATE if is_candidate(word) else 0) | (CURATED if curated_word(word) is not None else 0)
            for name in negative_ratings(word):
                flags |= _NEGATIVE[name]
            noun, phrase_offsets, object_offsets = token_marks(word)
            flags |= (NOUN_START if noun else 0) | (TOKEN_STARTS if phrase_offsets or object_offsets else 0)
            row = rows.setdefault(base_features(word, True), len(rows))
            folded = fold_form(word)
            family = family_form(folded)
            bits = encode_forms(word, folded, family)
            code = index << INDEX_SHIFT | row << ROW_SHIFT | bits << FORMS_SHIFT | flags
            if bits and forms(word, code | FORMS) == (folded, family):
                code |= FORMS
            codes.append(code)
        stamp, sources = fingerprint(), fingerprint_parts()
        scores = _scores(words, codes)
    matrix = np.array(list(rows), dtype=np.float64).reshape(len(rows), N_BASE)
    return Built(list(words), np.array(codes, dtype=np.int64), matrix, stamp, sources, scores)


def _scores(words: Sequence[str], codes: Sequence[int]) -> TableScores:
    """The scores of ``words`` worth scoring (their curated entries counting), as a plain word and
    as a name, by a scorer with the shipped model and learned table computing every word (inside
    ``ignored()``)."""
    scorer = Scorer()
    keys = [(w, capital, True) for w, code in zip(words, codes, strict=True) if code & CANDIDATE
            for capital in (False, True)]
    for first in range(0, len(keys), 4096):
        scorer.words(keys[first:first + 4096])
    values = np.zeros((len(words), 5))
    kinds = np.zeros(len(words), dtype=np.int64)
    evidence: dict[tuple[str, bool], int] = {}
    memo = scorer._memo
    for i, (word, code) in enumerate(zip(words, codes, strict=True)):
        if not code & CANDIDATE:
            continue
        for capital in (False, True):
            hit = memo[(word, capital, True)]
            if hit is None:  # a name of a common-only category (the scorer reads the entry)
                continue
            kind = evidence.setdefault((hit.evidence, hit.lexical), len(evidence)) << 1 | hit.evaluative
            values[i, 2 * capital: 2 * capital + 2] = hit.z, hit.z_plain
            values[i, 4] = hit.lean
            kinds[i] |= kind << (16 if capital else 0)
    if len(evidence) >= 1 << 15:  # pragma: no cover
        raise ValueError("too many distinct evidence strings for the table's scores")
    return TableScores(score_stamp(scorer.model, scorer.learned), values, kinds, tuple(evidence))


def write(built: Built, path: str | Path = TABLE_FILE) -> None:
    """Write a built table (whole or not at all: a temporary file renamed over the old one)."""
    path = Path(path)
    if any("\n" in w for w in built.words):
        raise ValueError("a table word holds a line break")
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, fingerprint=np.array(built.fingerprint), sources=np.array(built.sources),
             features=np.array(FEATURES[:N_BASE]),
             words=np.frombuffer("\n".join(built.words).encode("utf-8"), dtype=np.uint8),
             codes=built.codes, rows=built.rows, score_stamp=np.array(built.scores.stamp),
             score_values=built.scores.values, score_kinds=built.scores.kinds,
             score_evidence=np.array([e for e, _ in built.scores.evidence]),
             score_lexical=np.array([lex for _, lex in built.scores.evidence], dtype=bool))
    tmp.replace(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.wording.table", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cut", type=float, default=ZIPF_CUT, help=f"lowest Zipf frequency (default {ZIPF_CUT})")
    parser.add_argument("--out", type=Path, default=TABLE_FILE, help="where to write it (default: the shipped file)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    words = table_words(args.cut)
    built = build(words)
    write(built, args.out)
    print(f"{args.out}: {len(words):,} words, {len(built.rows):,} distinct feature rows, "
          f"{args.out.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
