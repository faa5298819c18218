"""compare() of many articles: no table grows with the square of the articles (issue 15, finding 8).

Up to ``READABLE_ARTICLES`` articles the actor table is a full grid (zeros where an article never
names an actor, so absences show) and each omission lists every article it is absent from; beyond,
those tables would hold articles x actors cells and articles x items entries (3,000 articles: tens
of millions of rows, gigabytes of JSON), so they keep only what is there.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.alignment import omissions
from analysis.emphasis import actor_emphasis
from analysis.frequency import word_frequency
from analysis.inputs import articles_from_texts
from analysis.present import READABLE_ARTICLES
from analysis.wording.distinctive import DISTINCTIVE_STOP, distinctive_terms, term_counts

_PEOPLE = ["Ana Ruiz", "Paul Kim", "Maria Lopez", "John Baker", "Sara Cohen", "David Wright", "Laura Chen", "Omar Haddad"]


def _articles(n: int):
    texts = {}
    for i in range(n):
        person = _PEOPLE[i % len(_PEOPLE)]
        texts[f"article-{i:03d}"] = (
            f"{person} spoke in Springfield on day {i + 1}. The council voted {i + 3} to 2 on the budget. "
            f"Mayor Tom Reyes said the vote was close and {person} agreed with the result."
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return articles_from_texts(texts)


@pytest.mark.parametrize("n", [READABLE_ARTICLES, READABLE_ARTICLES + 10])
def test_actor_table_is_a_full_grid_up_to_readable_articles_and_sparse_beyond(n):
    articles, sentences = _articles(n)
    table = actor_emphasis(articles, sentences)
    n_actors = table["actor"].nunique()
    if n <= READABLE_ARTICLES:
        assert len(table) == n * n_actors and (table["mentions"] == 0).any()
    else:
        assert (table["mentions"] > 0).all() and len(table) < n * n_actors
        # the same rows as the full grid without its zeros, in the same order
        dense = actor_emphasis(articles.iloc[:READABLE_ARTICLES], sentences[sentences["article_id"].isin(
            articles["article_id"].iloc[:READABLE_ARTICLES])])
        assert set(dense.loc[dense["mentions"] > 0, "actor"]) <= set(table["actor"])
    assert table.groupby("article_id")["mentions"].sum().gt(0).all()


@pytest.mark.parametrize("n", [READABLE_ARTICLES, READABLE_ARTICLES + 10])
def test_omissions_list_the_other_articles_only_up_to_readable_articles(n):
    articles, sentences = _articles(n)
    table = omissions(articles, sentences)
    assert len(table) > 0 and all(len(p) == 1 for p in table["present_in"])
    if n <= READABLE_ARTICLES:
        assert all(len(a) == n - 1 for a in table["absent_from"])
    else:
        assert all(a == [] for a in table["absent_from"])


# ---------------------------------------------------------------------------------------------
# Distinctive terms without the term x article grid: equal to the grid's figures
# ---------------------------------------------------------------------------------------------


def _grid_distinctive_terms(counts, *, prior_strength=500.0, background_weight=0.5, min_count=2, top_n=20,
                            function_words=False):
    """``distinctive_terms`` as it was: a dense term x article grid, one pass of every term per
    article (the reference the long-table version must equal, figure for figure)."""
    ids = list(dict.fromkeys(counts["article_id"]))
    wide = counts.pivot_table(index=["term", "n"], columns="article_id", values="count", aggfunc="sum", fill_value=0)
    total = wide.sum(axis=1).to_numpy(float)
    terms = wide.index.get_level_values("term")
    orders = wide.index.get_level_values("n").to_numpy()
    frames = []
    for n in sorted(set(orders)):
        mask = orders == n
        pooled = total[mask] / total[mask].sum()
        general = np.array([word_frequency(t) for t in terms[mask]])
        general = general / general.sum() if general.sum() > 0 else pooled
        alpha = prior_strength * (background_weight * general + (1 - background_weight) * pooled)
        alpha0 = alpha.sum()
        block, block_total, block_terms = wide[mask], total[mask], terms[mask]
        for article_id in ids:
            y_a = block[article_id].to_numpy(float)
            y_r = block_total - y_a
            n_a, n_r = y_a.sum(), y_r.sum()
            delta = np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - np.log(
                (y_r + alpha) / (n_r + alpha0 - y_r - alpha))
            z = delta / np.sqrt(1.0 / (y_a + alpha) + 1.0 / (y_r + alpha))
            used = y_a >= min_count
            frames.append(pd.DataFrame({
                "article_id": article_id, "term": block_terms[used], "n": n, "count": y_a[used].astype("int64"),
                "count_rest": y_r[used].astype("int64"), "per_1000": 1000 * y_a[used] / max(n_a, 1),
                "delta": delta[used], "z": z[used]}))
    out = pd.concat(frames, ignore_index=True)
    out = out[out["count"] >= min_count]
    if not function_words:
        keep = np.array([any(w not in DISTINCTIVE_STOP for w in t.split()) for t in out["term"]], dtype=bool)
        out = out.loc[keep]
    order = {a: i for i, a in enumerate(ids)}
    out = out.sort_values(["article_id", "z"], key=lambda s: s.map(order) if s.name == "article_id" else -s)
    if top_n is not None:
        out = out.groupby("article_id", sort=False).head(top_n)
    return out.reset_index(drop=True)


_TERMS = st.sampled_from(["talks", "drone", "strike", "the", "of the", "peace talks", "kyiv", "moscow", "said",
                          "masterstroke", "symbolic move", "and", "sanctions", "three", "istanbul"])
_COUNTS = st.lists(st.tuples(st.sampled_from(["b", "a", "c", "d"]), _TERMS, st.integers(1, 6)), min_size=2, max_size=40)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # one-term orders: 0/0, as before
@given(_COUNTS, st.sampled_from([{}, {"top_n": None}, {"min_count": 1, "function_words": True}]))
@settings(max_examples=150, deadline=None)
def test_distinctive_terms_equal_the_dense_grid_figure_for_figure(rows, options):
    counts = pd.DataFrame([(a, t, len(t.split()), c) for a, t, c in rows], columns=["article_id", "term", "n", "count"])
    if counts["article_id"].nunique() < 2:
        return
    expected = _grid_distinctive_terms(counts, **options)
    got = distinctive_terms(counts, **options)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, check_exact=True)


def test_distinctive_terms_of_many_articles_hold_no_term_by_article_grid():
    articles, _ = _articles(READABLE_ARTICLES + 10)
    counts = term_counts(articles)
    pd.testing.assert_frame_equal(distinctive_terms(counts, top_n=None), _grid_distinctive_terms(counts, top_n=None),
                                  check_dtype=False, check_exact=True)
