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
from analysis.wording.scan import Scorer, calibration_inputs, cue_scores, occurrences, scan
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


def _partly_warm(text: str, keep: random.Random | None) -> Scorer:
    """A fresh scorer (every word of ``text`` new to it) or, with ``keep``, one that has already
    scored a random part of the text's words: the scan then scores the rest itself, sentences
    holding a new word gathered again once it is scored, the others on the way."""
    scorer = Scorer()
    if keep is not None:
        keys = [(o.norm, o.name, o.curated) for o in occurrences(text)]
        scorer.words([k for k in keys if keep.random() < 0.5])
    return scorer


def test_a_scorer_meeting_new_words_scans_as_the_reference(texts):
    """Cold and partly warm scorers (new words in some sentences, or in all) give the reference's
    cues, reasons and sentence figures included, at two levels, and the same counts and
    calibration inputs as a warm scorer."""
    rng = random.Random(5)
    for text in texts:
        for keep in (None, rng):
            assert scan(text, scorer=_partly_warm(text, keep)) == scan_reference(text)
            assert scan(text, min_score=0.24, scorer=_partly_warm(text, keep)) == scan_reference(text, min_score=0.24)
            assert cue_scores(text, scorer=_partly_warm(text, keep)) == cue_scores(text)
            assert calibration_inputs(text, scorer=_partly_warm(text, keep)) == calibration_inputs(text)


_NEW_WORDS = st.one_of(_WORDS, st.sampled_from(_PHRASES),
                       st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9),
                       st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).map(str.capitalize),
                       st.tuples(st.sampled_from(["anti", "pro", "so", "well", "self"]),
                                 st.sampled_from(["regime", "brutal", "called", "vaccine", "war"])).map("-".join))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEW_WORDS, max_size=50).map(" ".join), st.floats(min_value=0.0, max_value=1.0),
       st.randoms(use_true_random=False))
def test_new_words_anywhere_scan_as_the_reference(text, level, rng):
    assert scan(text, min_score=level, scorer=_partly_warm(text, rng)) == scan_reference(text, min_score=level)
    assert scan(text, min_score=level, scorer=_partly_warm(text, None)) == scan_reference(text, min_score=level)


_LEANING = ("Angry young men wearing Make America Great Again hats made the perfect storm, and it was just too "
            "tempting for the mainstream media to pass up, even if the narrative was completely false. "
            "Radical activists spread smears like these, supporters argued, and the left does it best. "
            "Smears, critics said, are what the RADICAL fringe does best.")


def test_reasons_name_capitalised_leaning_words_as_the_reference_does(texts):
    # the scan keeps a sentence's leaning words as written and lower-cases them only when a reason
    # names them: written "Angry" or "Radical" they are named 'angry' and 'radical', as the reference names them
    cues = scan(_LEANING, min_score=0.05)
    assert cues == scan_reference(_LEANING, min_score=0.05)
    assert scan(_LEANING, min_score=0.05, scorer=_partly_warm(_LEANING, None)) == cues  # (every word new)
    named = [c.why.split("(words such as ")[1] for c in cues if "(words such as " in c.why]
    assert any("'angry'" in why for why in named) and any("'radical'" in why for why in named)
    for text in texts:
        for variant in (text.upper(), text.title()):
            assert scan(variant, min_score=0.05) == scan_reference(variant, min_score=0.05)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, _WORDS.map(str.upper), _WORDS.map(str.title), st.sampled_from(_PHRASES)),
                max_size=40).map(" ".join))
def test_scan_of_mixed_case_text_equals_reference(text):
    assert scan(text, min_score=0.05) == scan_reference(text, min_score=0.05)
