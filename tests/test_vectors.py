"""TF-IDF (scikit-learn's, on the suite's content terms) and k-means topic clusters."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.alignment import content_terms, tfidf
from analysis.emphasis import topic_clusters


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["drone", "strike", "talks", "sanction", "ukraine", "ceasefire"]),
                         max_size=8), min_size=1, max_size=12))
def test_tfidf_rows_are_unit_or_zero(docs):
    matrix, vocab = tfidf(docs)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    for doc, norm in zip(docs, norms, strict=True):
        assert norm == pytest.approx(1.0 if doc else 0.0)
    assert list(vocab) == sorted({t for d in docs for t in d})


def test_tfidf_terms_are_content_terms(seed_sentences):
    texts = list(seed_sentences["text"])
    matrix, vocab = tfidf([content_terms(t) for t in texts])
    assert matrix.shape == (len(texts), len(vocab))
    assert "the" not in set(vocab)


def test_topic_clusters_are_deterministic_and_separate_topics():
    import pandas as pd

    drones = [f"Drones struck the airfield near base {i} overnight." for i in range(6)]
    talks = [f"Negotiators met in Istanbul for ceasefire talks round {i}." for i in range(6)]
    sentences = pd.DataFrame({"article_id": ["a"] * 6 + ["b"] * 6, "sent_id": list(range(6)) * 2,
                              "text": drones + talks})
    assignments, clusters = topic_clusters(sentences, n_clusters=2)
    again, _ = topic_clusters(sentences, n_clusters=2)
    assert (assignments["cluster"] == again["cluster"]).all()
    first, second = assignments["cluster"][:6], assignments["cluster"][6:]
    assert first.nunique() == 1 and second.nunique() == 1 and first.iat[0] != second.iat[0]
    assert clusters["n_sentences"].sum() == 12
