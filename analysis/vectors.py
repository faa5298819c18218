"""Sentence vectors and clusters: TF-IDF and k-means in numpy/scipy, no heavy imports.

The same maths as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` (tf = 1 + ln count,
smoothed idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalised) and a seeded k-means++ with
restarts, written out so that a cold ``python -m analysis compare`` does not pay for importing
scikit-learn. A test checks the TF-IDF against scikit-learn's.

What this cannot see: TF-IDF compares the words two sentences share, not their meaning; a
paraphrase in other words scores 0, and k-means groups sentences by shared words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix, diags

__all__ = ["tfidf", "kmeans"]


def tfidf(documents: Sequence[Sequence[str]]) -> tuple[csr_matrix, np.ndarray]:
    """TF-IDF rows (L2-normalised, sparse) of pre-tokenised ``documents``, and the vocabulary.

    The vocabulary is sorted; a document with no terms is an all-zero row.

    >>> matrix, vocab = tfidf([["drone", "strike"], ["drone", "talks"]])
    >>> list(vocab), round(float(matrix[0].multiply(matrix[1]).sum()), 3)
    (['drone', 'strike', 'talks'], 0.336)
    """
    vocab = sorted({term for doc in documents for term in doc})
    index = {term: i for i, term in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for r, doc in enumerate(documents):
        for term, count in Counter(doc).items():
            rows.append(r)
            cols.append(index[term])
            values.append(1.0 + math.log(count))
    n = len(documents)
    matrix = csr_matrix((values, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float64)
    if not vocab:
        return matrix, np.asarray(vocab, dtype=object)
    df = np.bincount(matrix.indices, minlength=len(vocab))
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    matrix = (matrix @ diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return (diags(scale) @ matrix).tocsr(), np.asarray(vocab, dtype=object)


def _squared_distances(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    d = (points**2).sum(1)[:, None] - 2.0 * points @ centres.T + (centres**2).sum(1)[None, :]
    return np.maximum(d, 0.0)


def _plus_plus(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    centres = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        d = _squared_distances(points, np.asarray(centres)).min(1)
        total = d.sum()
        pick = rng.integers(len(points)) if total <= 0 else rng.choice(len(points), p=d / total)
        centres.append(points[pick])
    return np.asarray(centres)


def kmeans(
    points: np.ndarray, k: int, *, n_init: int = 10, max_iter: int = 300, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """k-means (k-means++ starts, ``n_init`` restarts, best inertia kept): ``(labels, centres)``.

    Deterministic for a given ``seed``. ``points`` is a dense array (rows are items).
    """
    points = np.asarray(points, dtype=np.float64)
    k = max(1, min(k, len(points)))
    rng = np.random.default_rng(seed)
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for _ in range(max(1, n_init)):
        centres = _plus_plus(points, k, rng)
        labels = np.zeros(len(points), dtype=np.int64)
        for _ in range(max_iter):
            distances = _squared_distances(points, centres)
            labels = distances.argmin(1)
            moved = centres.copy()
            for j in range(k):
                members = points[labels == j]
                if len(members):
                    moved[j] = members.mean(0)
            if np.allclose(moved, centres):
                break
            centres = moved
        inertia = float(_squared_distances(points, centres)[np.arange(len(points)), labels].sum())
        if best is None or inertia < best[0] - 1e-12:
            best = (inertia, labels, centres)
    assert best is not None
    return best[1], best[2]
