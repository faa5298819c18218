"""Upstream TextBlob and VADER, called as their own documentation calls them: the oracles that
the project's fast copies (``analysis.instruments._textblob_fast`` and ``_vader_fast``) are
tested against. Test code only; the package never imports this.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from textblob import TextBlob
from textblob.en import sentiment as pattern_lexicon
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def sentiment_reference(text: str) -> tuple[float, float]:
    """``TextBlob(text).sentiment`` as (polarity, subjectivity)."""
    found = TextBlob(text).sentiment
    return found.polarity, found.subjectivity


def tokens_reference(text: str) -> list[str]:
    """The lower-cased tokens TextBlob's PatternAnalyzer reads in ``text`` (its own tokenizer,
    called as TextBlob calls it)."""
    return " ".join(pattern_lexicon.tokenizer(text)).lower().split()


def assess_reference(tokens: Sequence[str]) -> list[tuple[str, float, float]]:
    """TextBlob's assessments of a token list (the call ``sentiment_assessments`` makes)."""
    found = pattern_lexicon.assessments(((w, None) for w in tokens), negation=True)
    return [(" ".join(words), float(p), float(s)) for words, p, s, _label in found]


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    return SentimentIntensityAnalyzer()


def vader_reference(text: str) -> float:
    """``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``."""
    return float(_analyzer().polarity_scores(text)["compound"])
