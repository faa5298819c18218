"""TF-IDF and k-means: the same numbers as scikit-learn, deterministic clusters."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.alignment import content_terms
from analysis.vectors import kmeans, tfidf

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")


def test_tfidf_matches_scikit_learn(seed_sentences):
    texts = list(seed_sentences["text"])
    ours, vocab = tfidf([content_terms(t) for t in texts])
    reference = sklearn_text.TfidfVectorizer(analyzer=content_terms, sublinear_tf=True).fit(texts)
    theirs = reference.transform(texts)
    assert list(vocab) == list(reference.get_feature_names_out())
    np.testing.assert_allclose(ours.toarray(), theirs.toarray(), atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["drone", "strike", "talks", "sanction", "ukraine", "ceasefire"]),
                         max_size=8), min_size=1, max_size=12))
def test_tfidf_rows_are_unit_or_zero(docs):
    matrix, _ = tfidf(docs)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    for doc, norm in zip(docs, norms, strict=True):
        assert norm == pytest.approx(1.0 if doc else 0.0)


def test_kmeans_finds_separated_groups_and_is_deterministic():
    rng = np.random.default_rng(1)
    points = np.vstack([rng.normal(0, 0.1, (20, 2)), rng.normal(5, 0.1, (20, 2))])
    labels, centres = kmeans(points, 2, seed=3)
    assert len(set(labels[:20])) == 1 and len(set(labels[20:])) == 1 and labels[0] != labels[-1]
    again, _ = kmeans(points, 2, seed=3)
    assert (labels == again).all()
    assert sorted(np.round(centres[:, 0])) == [0.0, 5.0]
