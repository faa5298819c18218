"""The scan's word loop passes over words that cannot reach ``min_score`` in their sentence
without scoring them: the cues are those of the reference scan at every ``min_score``, at the
boundary included (a cue scoring exactly ``min_score`` is kept)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.wording import lexicons
from analysis.wording.scan import calibration_inputs, cue_scores, scan
from tests.wording_reference import scan_reference

EVENTS = Path(__file__).parent / "fixtures" / "events"


@pytest.fixture(scope="module")
def texts(seed_articles):
    return [*seed_articles["body"], *(p.read_text(encoding="utf-8") for p in sorted(EVENTS.glob("*/*.txt")))]


def test_cues_at_every_min_score_equal_the_reference(texts):
    rng = random.Random(3)
    for text in texts:
        every = scan(text)
        assert every == scan_reference(text)
        # at the score of some cue (the boundary), between scores, and plain values
        levels = [0.02, 0.05, 0.1, 0.24, 0.5, 0.9, *rng.sample([c.score for c in every], min(6, len(every)))]
        for level in levels:
            cues = scan(text, min_score=level)
            assert cues == scan_reference(text, min_score=level)
            # the others are curated words (evidence "lexicon"), kept whatever their score
            assert cues == [c for c in every if c.score >= level or c.evidence.split("+")[0] == "lexicon"]
            assert sorted(cue_scores(text, min_score=level)[0]) == sorted((c.category, c.score) for c in cues)


def test_a_higher_min_score_keeps_a_subset_and_the_calibration_inputs_keep_every_word(texts):
    for text in texts[:6]:
        low, high = scan(text, min_score=0.05), scan(text, min_score=0.3)
        assert all(c in low for c in high) and len(high) <= len(low)
        assert len(calibration_inputs(text)) == len(scan(text))


_PHRASES = sorted(t for t in lexicons.curated() if " " in t)
_WORDS = st.sampled_from(
    ["The", "regime", "claimed", "the", "brutal", "attack", "was", "a", "triumph", ",", ".", "?", "!", "we",
     "very", "utterly", "disgraceful", "critics", "said", "\"", "Kyiv", "slammed", "allegedly", "radical",
     "reports", "of", "shocking", "you", "our", "according", "to", "officials", "cynical", "sham"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.sampled_from(_PHRASES)), max_size=40).map(" ".join),
       st.floats(min_value=0.0, max_value=1.0))
def test_scan_equals_reference_at_any_min_score(text, level):
    assert scan(text, min_score=level) == scan_reference(text, min_score=level)
