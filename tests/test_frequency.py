"""Frequencies read straight from wordfreq's data equal wordfreq's own answers."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.frequency import _frequencies, _zipf, word_frequency, zipf_frequency

wordfreq = pytest.importorskip("wordfreq")


def test_table_is_read_directly():
    assert _frequencies() is not None and len(_frequencies()) > 100_000


def test_matches_wordfreq_on_sampled_words_and_phrases(seed_articles):
    words = sorted(_frequencies())
    rng = random.Random(0)
    sample = rng.sample(words, 3000) + ["war", "masterstroke", "unwinnable", "zzqxj", "kyiv’s", "high-risk", "500%", "don't",
                                  "co-sponsors", "year’s", "well-being", "’s", "d'or", "o'clock",
                                  "ma'am", "y'all", "it's", "we're", "we'll", "rock'n'roll", "l'homme"]
    sample += [w.lower() for body in seed_articles.body for w in body.split()[:200]]
    phrases = [f"{a} {b}" for a, b in zip(rng.sample(words, 500), rng.sample(words, 500), strict=True)]
    for term in sample + phrases:
        assert word_frequency(term) == wordfreq.word_frequency(term, "en"), term
    for term in sample:
        assert zipf_frequency(term) == wordfreq.zipf_frequency(term, "en"), term


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz' -é’", min_size=1, max_size=12))
def test_matches_wordfreq_on_any_short_text(term):
    assert zipf_frequency(term) == wordfreq.zipf_frequency(term, "en")


def test_plain_words_are_looked_up_by_bucket_with_the_same_values():
    """A plain word's Zipf frequency, remembered per bucket of wordfreq's list, equals the one
    worked out in full for that word, listed or not."""
    words = sorted(w for w in _frequencies() if w.isascii() and w.isalpha() and w.islower())
    sample = random.Random(1).sample(words, 5000) + ["zzqxj", "masterstrokey", "unwinnablest"]
    for term in sample:
        assert zipf_frequency(term) == _zipf(term), term
    for term in sample[:300]:
        assert zipf_frequency(term) == wordfreq.zipf_frequency(term, "en"), term
