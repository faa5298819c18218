"""Readers for the word lexicons that ship inside TextBlob and vaderSentiment.

TextBlob's lexicon is Pattern's English sentiment lexicon (``textblob/en/en-sentiment.xml``,
BSD licence); VADER's is ``vader_lexicon.txt`` (Hutto & Gilbert 2014, MIT licence). Each is read
once, as a plain dict; callers ask these readers, never the packages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["lexicon_entry", "textblob_words", "vader_analyzer", "vader_words"]


@lru_cache(maxsize=1)
def textblob_words() -> dict[str, tuple[float, float]]:
    """TextBlob's word lexicon as word -> (polarity, subjectivity), first sense of each word."""
    from textblob.en import sentiment as pattern_lexicon  # the lexicon loads on first use

    if hasattr(pattern_lexicon, "load"):
        pattern_lexicon.load()
    table: dict[str, tuple[float, float]] = {}
    for word, senses in pattern_lexicon.items():
        values = senses.get(None) or next(iter(senses.values()))
        table[word.lower()] = (float(values[0]), float(values[1]))
    return table


def lexicon_entry(word: str) -> tuple[float, float] | None:
    """TextBlob's (polarity, subjectivity) for one word, or None if the lexicon lacks it.

    >>> lexicon_entry("masterstroke") is None
    True
    """
    return textblob_words().get(word.lower())


@lru_cache(maxsize=1)
def vader_analyzer() -> Any:
    """VADER's ``SentimentIntensityAnalyzer``, made once a process (it reads VADER's word lexicon
    and emoji descriptions): the one VADER object that :func:`vader_words` and the fast copy of
    its scorer (``_vader_fast``) read."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # the lexicon loads on first use

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def vader_words() -> dict[str, float]:
    """VADER's word lexicon: lower-cased word -> valence -4..4."""
    return {k.lower(): float(v) for k, v in vader_analyzer().lexicon.items()}
