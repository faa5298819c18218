"""General English word frequencies (wordfreq's data), read without importing wordfreq.

``wordfreq`` is the source of every frequency here. Importing it costs about 0.4 s (it pulls in
ftfy, langcodes and an inspection of the call stack), which dominated a cold
``python -m analysis compare``. For plain lower-case words — what the suite asks about almost
every time, with inner apostrophes and hyphens — the value is read straight from wordfreq's own English list and rounded exactly as
``wordfreq.word_frequency`` / ``zipf_frequency`` round it; anything else (apostrophes, hyphens,
digits, non-ASCII letters) is passed to wordfreq itself. A test checks both paths agree on many
thousands of words.

What a frequency cannot see: it is general English (web, news, subtitles, books), not news about
one conflict; a word common in war reporting can be rare in general English.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["load", "word_frequency", "zipf_frequency"]

# Plain words, with inner apostrophes, joined by spaces or hyphens: wordfreq's English tokenizer
# splits these at spaces and hyphens only, and folds ’ into ' (a test checks it).
# An apostrophe before a vowel is an elision ("d'or", "y'all") that wordfreq splits: those, and
# anything else unusual, go to wordfreq itself.
_WORD = r"[a-z]+(?:'[stdmlrvn][a-z]*)*"
_SIMPLE = re.compile(rf"{_WORD}(?:[ -]{_WORD})*")
_SPLIT = re.compile(r"[ -]")
_MINIMUM = 1e-9  # zipf 0: wordfreq's floor for zipf_frequency(word, "en")


@cache
def _frequencies() -> dict[str, int] | None:
    """wordfreq's large English list as word -> bucket (frequency 10 ** (-bucket / 100)), or None
    if it cannot be read directly."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"
    if not path.is_file():
        return None
    import msgpack  # wordfreq's own reader: loaded on the first lookup

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    # word -> centibels below 1; a word listed twice keeps its later (rarer) bucket, as wordfreq's
    # own reader does. One comprehension: 20 % faster than a dict.update per bucket (321,180 words).
    return {word: index for index, bucket in enumerate(data[1:]) for word in bucket}


def load() -> None:
    """Read wordfreq's English list and import wordfreq itself now (about 0.1 s and 0.3 s) rather
    than on the first word that needs them: a process's warm-up, before workers are forked."""
    _frequencies()
    word_frequency("covid-19")  # not a plain word: asks wordfreq itself


def _round(freq: float, minimum: float) -> float:
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    return round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)


@lru_cache(maxsize=200_000)
def word_frequency(term: str, *, minimum: float = 0.0) -> float:
    """Frequency of ``term`` (a word or a phrase) in general English, as ``wordfreq.word_frequency``.

    >>> 0 < word_frequency("war") < 1
    True
    """
    table = _frequencies()
    folded = term.replace("\u2019", "'")
    if table is not None and _SIMPLE.fullmatch(folded):
        one_over = 0.0
        for token in _SPLIT.split(folded):
            if token not in table:
                return _round(0.0, minimum) if minimum else 0.0
            one_over += 1.0 / 10 ** (-table[token] / 100)
        return _round(1.0 / one_over, minimum)
    from wordfreq import word_frequency as reference  # the upstream reference, for the check only

    return float(reference(term, "en", minimum=minimum))


def zipf_frequency(term: str) -> float:
    """Zipf frequency (0 to about 8: log10 of uses per billion words) as ``wordfreq.zipf_frequency``.

    >>> zipf_frequency("the") > 7 > zipf_frequency("masterstroke")
    True
    """
    table = _frequencies()
    if table is not None and term.isascii() and term.isalpha() and term.islower():
        # one plain word ([a-z]+): its value depends only on its bucket (or on its absence), so it is
        # computed once per bucket, by the general path below, and looked up after that
        bucket = table.get(term)
        zipf = _BUCKET_ZIPF.get(bucket)
        if zipf is None:
            zipf = _BUCKET_ZIPF[bucket] = _zipf(term)
        return zipf
    return _zipf(term)


def _zipf(term: str) -> float:
    return round(math.log10(word_frequency(term, minimum=_MINIMUM)) + 9, 2)


#: :func:`zipf_frequency` of plain one-word terms by their bucket in wordfreq's list (None: not
#: listed), filled as words are looked up (a few hundred buckets at most).
_BUCKET_ZIPF: dict[int | None, float] = {}
