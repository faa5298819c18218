"""Tone: TextBlob polarity and subjectivity, the words behind them, and what they cannot see.

TextBlob is called here and nowhere else in the package.

What the measure means: TextBlob's PatternAnalyzer averages the polarity (-1..1) and
subjectivity (0..1) of the adjectives and a few other words it finds in its lexicon of about
2,900 entries, with simple handling of "not" and intensifiers ("very"). What it cannot see:
words outside its lexicon ("masterstroke", "symbolic", "stalemate" score nothing), irony,
framing, who a sentence is about, and what an article leaves out.
"""

from __future__ import annotations

from functools import lru_cache

from textblob import TextBlob
from textblob.en import sentiment as _pattern_lexicon

__all__ = ["lexicon_entry", "textblob_sentiment"]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[float, float]]:
    """TextBlob's word lexicon as word -> (polarity, subjectivity), first sense of each word."""
    if hasattr(_pattern_lexicon, "load"):
        _pattern_lexicon.load()
    table: dict[str, tuple[float, float]] = {}
    for word, senses in _pattern_lexicon.items():
        values = senses.get(None) or next(iter(senses.values()))
        table[word.lower()] = (float(values[0]), float(values[1]))
    return table


def lexicon_entry(word: str) -> tuple[float, float] | None:
    """TextBlob's (polarity, subjectivity) for one word, or None if the lexicon lacks it.

    >>> lexicon_entry("masterstroke") is None
    True
    """
    return _lexicon().get(word.lower())


def textblob_sentiment(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) of ``text`` from TextBlob's PatternAnalyzer (works offline)."""
    score = TextBlob(text).sentiment
    return float(score.polarity), float(score.subjectivity)
