"""compare() of many articles: no table grows with the square of the articles (issue 15, finding 8).

Up to ``READABLE_ARTICLES`` articles the actor table is a full grid (zeros where an article never
names an actor, so absences show) and each omission lists every article it is absent from; beyond,
those tables would hold articles x actors cells and articles x items entries (3,000 articles: tens
of millions of rows, gigabytes of JSON), so they keep only what is there.
"""

from __future__ import annotations

import warnings

import pytest

from analysis.alignment import omissions
from analysis.corpus import articles_from_texts
from analysis.emphasis import actor_emphasis
from analysis.present import READABLE_ARTICLES

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
