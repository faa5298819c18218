"""Words scored a batch at a time (``Scorer.words``) equal words scored one at a time, as the
first ``Scorer.word`` scored them (``tests/wording_reference.py``): every field, the feature
vector and the reason."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.text import WORD_PATTERN, normalize_token
from analysis.wording.features import INDEX, N_BASE, N_WORD
from analysis.wording.lexicons import (
    _forms,
    afinn_words,
    curated,
    family_form,
    first_form,
    first_forms,
    fold_form,
    nrc_words,
    textblob_words,
    vader_words,
)
from analysis.wording.model import Model, load_model
from analysis.wording.scorer import Scorer, word_matrix, word_vector
from tests.wording_reference import (
    family_form_reference,
    fold_form_reference,
    forms_reference,
    word_score_reference,
    word_vector_reference,
)

EVENTS = Path(__file__).parent / "fixtures" / "events"
_FIELDS = ("z", "category", "stance", "evidence", "lexical", "z_plain", "p", "lean", "evaluative", "listed", "why")


def _same(batch, one) -> bool:
    """Equal scores, the same feature vector (read before ``why`` replaces what the reason is
    made from) and the same reason."""
    if batch is None or one is None:
        return batch is None and one is None
    same_vector = isinstance(batch.reason, str) or np.array_equal(batch.reason_parts()[0], one.reason[0])
    return same_vector and all(getattr(batch, f) == getattr(one, f) for f in _FIELDS)


def _check(scorer: Scorer, keys: list[tuple[str, bool, bool]]) -> None:
    reference = Scorer(scorer.model, scorer.learned)  # its own memo: nothing shared with the batch
    scorer.words(keys)
    for key in keys:
        batch = scorer._memo[key]
        one = word_score_reference(reference, *key)
        assert _same(batch, one), key


def _words_of(paths: list[Path]) -> list[str]:
    words = []
    for path in paths:
        words += [normalize_token(w) for w in WORD_PATTERN.findall(path.read_text(encoding="utf-8"))]
    return list(dict.fromkeys(words))


def test_batch_equals_one_word_at_a_time_on_real_articles(seed_articles):
    """Every word of the seed articles and the development events, as a plain word, a name and a
    verb-list word used as a noun, in batches as the scan makes them and all at once."""
    words = list(dict.fromkeys(normalize_token(w) for body in seed_articles["body"]
                               for w in WORD_PATTERN.findall(body)))
    words += _words_of(sorted(EVENTS.glob("*/*.txt")))
    keys = [(w, capital, cur) for w in dict.fromkeys(words) for capital in (False, True) for cur in (True, False)]
    assert len(keys) > 4000
    scorer = Scorer()
    for first in range(0, len(keys) // 2, 300):  # article-sized batches, then the rest at once
        _check(scorer, keys[first:first + 300])
    _check(scorer, keys)
    # another model and learned table (the folds of training): hand-set weights, a small table
    learned = {"regime": (5, 9, 7), "slam": (2, 3, 3), "claim": (1, 40, 12), "sensationalist": (7, 10, 8)}
    _check(Scorer(Model.hand_set(), learned), keys[:2000])


def test_batch_equals_one_word_at_a_time_on_listed_words_and_their_forms():
    """Words the curated and outside lists hold, and crude inflections of them (what the lists'
    lookups and the shared form search see most): a sample of each list, every curated word."""
    rng = np.random.default_rng(0)
    words = [w for w in curated() if " " not in w]
    for table in (textblob_words(), vader_words(), afinn_words(), nrc_words()):
        plain = sorted(w for w in table if " " not in w)
        words += [str(w) for w in rng.choice(plain, size=250, replace=False)]
    words += [w + ending for w in words[::3] for ending in ("ly", "ily", "s", "ed", "'s", "er", "est")]
    keys = [(w, capital, cur) for w in dict.fromkeys(words) for capital in (False, True) for cur in (True, False)]
    scorer = Scorer()
    for first in range(0, len(keys), 400):
        _check(scorer, keys[first:first + 400])


_FORM_ENDINGS = st.sampled_from(["", "s", "ss", "ly", "ily", "bly", "ed", "ing", "es", "y", "e"])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(set(afinn_words()) | set(nrc_words()))), _FORM_ENDINGS, st.text("abdely", max_size=3))
def test_first_forms_equals_first_form_in_each_list(word, ending, noise):
    """One search of a word's crude forms in two lists finds what a search of each list finds."""
    for w in (word + ending, word + noise + ending, noise + ending):
        assert first_forms(afinn_words(), nrc_words(), w) == (first_form(afinn_words(), w), first_form(nrc_words(), w))
        assert _forms(w) == forms_reference(w)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abdeilsy'-é", max_size=8), _FORM_ENDINGS)
def test_crude_forms_equal_the_first_ones(word, ending):
    assert _forms(word + ending) == forms_reference(word + ending)


_LETTERS = st.text(alphabet="abcdeilmnorstuyzé", min_size=1, max_size=12)
_WORD = st.one_of(
    _LETTERS,
    st.builds(lambda a, b: f"{a}-{b}", _LETTERS, _LETTERS),
    _LETTERS.map(lambda w: w + "'s"),
    _LETTERS.map(lambda w: w + "ly"),
    _LETTERS.map(lambda w: w + "ist"),
    st.sampled_from(sorted(w for w in curated() if " " not in w)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_WORD, st.booleans(), st.booleans()), min_size=1, max_size=40))
def test_batch_equals_one_word_at_a_time_on_generated_words(keys):
    _check(Scorer(), keys)


def test_one_word_and_its_vector_equal_the_reference():
    scorer = Scorer()
    model = load_model()
    for word in ("disgraceful", "regime", "claims", "sensationalism", "gently", "Kyiv", "well-known", "the"):
        assert _same(scorer.word(word, False), word_score_reference(Scorer(), word, False))
        for capital in (False, True):
            family = (0.25, 1.0)
            got = word_vector(word, capital, learned={word: (3, 9, 4)}, family=family)
            want = word_vector_reference(word, capital, learned={word: (3, 9, 4)}, model=model, curated=True,
                                         family=family)
            assert np.array_equal(got, want)


def test_word_matrix_zeroes_the_rarity_of_names_only():
    base = tuple(float(i % 3) for i in range(N_BASE))
    x = word_matrix([(base, 0.5, 1.0, -0.2, 1.0, False), (base, 0.5, 1.0, -0.2, 1.0, True)])
    assert x.shape == (2, N_WORD)
    differ = set(np.flatnonzero(x[0] != x[1]).tolist())
    assert differ == {INDEX["rarity"], INDEX["rare_evaluative"], INDEX["capital"]} - {
        i for i in (INDEX["rarity"], INDEX["rare_evaluative"]) if base[i] == 0.0}
    assert x[1, INDEX["capital"]] == 1.0 and x[0, INDEX["capital"]] == 0.0


_ENDINGS = st.sampled_from(["", "s", "es", "ss", "sses", "ed", "ing", "ly", "ily", "ically", "'s", "ings", "eds",
                            "ization", "isation", "ations", "ness", "ment", "ical", "isms", "ists", "ism", "ist",
                            "ity", "eous", "ous", "ive", "ize", "ise", "ia", "ic", "al", "er", "y", "e", "g", "d"])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abdegilnorsty'", max_size=9), _ENDINGS, _ENDINGS)
def test_fold_and_family_forms_equal_the_first_ones(stem, first, second):
    word = stem + first + second
    assert fold_form(word) == fold_form_reference(word)
    assert family_form(word) == family_form_reference(word)


def test_fold_and_family_forms_of_real_words(seed_articles):
    words = {normalize_token(w) for body in seed_articles["body"] for w in WORD_PATTERN.findall(body)}
    words |= set(_words_of(sorted(EVENTS.glob("*/*.txt"))))
    for word in words:
        assert fold_form(word) == fold_form_reference(word), word
        assert family_form(word) == family_form_reference(word), word


def test_a_scorer_with_another_model_shares_word_scores_only_when_they_would_be_the_same():
    """``with_model`` passes on the remembered word scores only for a model whose word-level part
    is the same: a word's sentence lean depends on ``lean_base_rate`` and ``lean_smoothing``."""
    from dataclasses import replace

    from analysis.wording.scorer import default_scorer

    scorer = default_scorer()
    words = "radical slammed disastrous regime crisis chaos brutal plan officials said".split()
    for word in words:
        scorer.word(word, False)
    changes = {"lean_smoothing": scorer.model.lean_smoothing * 10, "lean_base_rate": 0.2,
               "smoothing": scorer.model.smoothing * 2}
    for field, value in changes.items():
        other = replace(scorer.model, **{field: value})
        shared, fresh = scorer.with_model(other), Scorer(other, scorer.learned)
        for word in words:
            got, want = shared.word(word, False), fresh.word(word, False)
            assert (got is None) == (want is None), (field, word)
            if got is not None:
                assert (got.z, got.lean, got.p) == (want.z, want.lean, want.p), (field, word)
    # the same word-level model: the scores are passed on, not made again
    same = scorer.with_model(replace(scorer.model, threshold=scorer.model.threshold + 0.1))
    assert all(same.word(word, False) is scorer.word(word, False) for word in words)
    # and the check can tell: with the old sharing, leans differ
    other = replace(scorer.model, lean_smoothing=scorer.model.lean_smoothing * 10)
    fresh = Scorer(other, scorer.learned)
    assert any(scorer.word(w, False) is not None and scorer.word(w, False).lean != fresh.word(w, False).lean
               for w in words)
