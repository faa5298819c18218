"""Distinctive terms: log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi &
Quinn 2008), each article against the rest, words and two-word phrases."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from analysis.frequency import word_frequency
from analysis.text import WORD_PATTERN, normalize_token, stop_words
from analysis.wording.lexicons import FUNCTION_WORDS

__all__ = ["distinctive_terms", "term_counts"]

#: Words that carry grammar or bare counting, not what an article chooses to say: the project's one
#: stop list (``lexicons/stopwords.csv``, the Glasgow list as in scikit-learn) plus the wording
#: model's function words. Without it "three", "whether" and "move" led the distinctive terms.
DISTINCTIVE_STOP = FUNCTION_WORDS | stop_words()


def term_counts(articles: pd.DataFrame, *, ngrams: tuple[int, ...] = (1, 2)) -> pd.DataFrame:
    """Word and two-word-phrase counts per article: ``article_id, term, n, count``.

    Words are normalized tokens (lower case, apostrophes folded); numbers are left out. A
    two-word phrase is two adjacent words in one sentence-like stretch (no ``.!?;:`` between
    them) that are not both function words ("of the" is not a phrase worth comparing).
    """
    stop = FUNCTION_WORDS
    rows: list[tuple[str, str, int, int]] = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        words: list[str | None] = []
        prev_end = 0
        for m in WORD_PATTERN.finditer(body):
            if re.search(r"[.!?;:\n]", body[prev_end:m.start()]):
                words.append(None)  # phrase boundary
            prev_end = m.end()
            tok = normalize_token(m.group())
            words.append(None if tok[0].isdigit() or tok[0] in "$€£¥₹₽" else tok)
        counts: Counter[tuple[str, int]] = Counter()
        if 1 in ngrams:
            counts.update((w, 1) for w in words if w)
        if 2 in ngrams:
            counts.update(
                (f"{a} {b}", 2)
                for a, b in zip(words, words[1:], strict=False)
                if a and b and not (a in stop and b in stop)
            )
        rows.extend((article_id, term, n, c) for (term, n), c in counts.items())
    return pd.DataFrame(rows, columns=["article_id", "term", "n", "count"]).astype({"n": "int64", "count": "int64"})


def _background(term: str) -> float:
    # each term is looked up once per call: past the shared cache, which would keep up to 200,000
    # terms (two 5 MB articles: ~160,000 two-word phrases, ~50 MB) for the rest of the process
    return word_frequency.__wrapped__(term)


def distinctive_terms(
    counts: pd.DataFrame, *, prior_strength: float = 500.0, background_weight: float = 0.5,
    min_count: int = 2, top_n: int | None = 20, function_words: bool = False,
) -> pd.DataFrame:
    """Terms that set each article apart from the others (Monroe, Colaresi & Quinn 2008).

    For each article against the rest of the articles pooled: the log-odds ratio of a term with
    an informative Dirichlet prior, and its z-score (the ratio over its standard error). The
    prior's shape blends general English frequencies (``wordfreq``; weight ``background_weight``)
    with the articles' pooled counts, scaled to ``prior_strength`` pseudo-words: common words
    are shrunk towards "no difference", so a z-score above about 2 means the article uses the
    term more than chance and general usage would suggest. Two-word phrases take their
    background frequency from ``wordfreq``'s phrase estimate.

    Returns ``article_id, term, n, count, count_rest, per_1000, delta, z`` (the ``top_n`` highest
    z per article with at least ``min_count`` uses; ``top_n=None`` for all terms of every
    article). Function words ("the", "that", "of the") are left out of the result unless
    ``function_words`` is true (they still shape the prior). Needs two or more articles.

    What it cannot see: meaning (a term can be distinctive because one article is simply about
    more things), and with very short texts nothing reaches a high z: a z of 2-3 on a word used
    three times is a lead, not proof.
    """
    ids = list(dict.fromkeys(counts["article_id"]))
    if len(ids) < 2:
        raise ValueError(f"distinctive terms compare articles: need at least 2, got {len(ids)}")
    # Long tables throughout: a term x article grid was dense (3,000 articles x 100,000 terms:
    # gigabytes) and each article's pass over every term made the work grow with the square of the
    # articles. The figures are the same: the same sums, in the same order, and the same rows.
    summed = counts.groupby(["term", "n", "article_id"], sort=True)["count"].sum()
    cells = summed[summed != 0].reset_index()
    totals = cells.groupby(["term", "n"], sort=True)["count"].sum()
    total = totals.to_numpy(float)
    terms = totals.index.get_level_values("term")
    orders = totals.index.get_level_values("n").to_numpy()
    position = pd.Series(np.arange(len(totals)), index=totals.index)
    cells["row"] = position.reindex(pd.MultiIndex.from_arrays([cells["term"], cells["n"]])).to_numpy()
    rank = {a: i for i, a in enumerate(ids)}
    cells["rank"] = cells["article_id"].map(rank)
    frames = []
    for n in sorted(set(orders)):
        mask = orders == n
        pooled = total[mask] / total[mask].sum()
        general = np.array([_background(t) for t in terms[mask]])
        general = general / general.sum() if general.sum() > 0 else pooled
        shape = background_weight * general + (1 - background_weight) * pooled
        alpha_n = prior_strength * shape
        alpha0 = alpha_n.sum()
        alpha = np.zeros(len(total))
        alpha[mask] = alpha_n
        mine = cells[cells["n"] == n]
        n_of = mine.groupby("article_id", sort=False)["count"].sum().astype(float)
        grand = total[mask].sum()
        used = mine[mine["count"] >= min_count].sort_values(["rank", "row"], kind="stable")
        rows = used["row"].to_numpy()
        y_a = used["count"].to_numpy(float)
        y_r = total[rows] - y_a  # the other articles pooled (whole counts: exact)
        n_a = used["article_id"].map(n_of).to_numpy(float)
        n_r = grand - n_a
        a = alpha[rows]
        delta = np.log((y_a + a) / (n_a + alpha0 - y_a - a)) - np.log((y_r + a) / (n_r + alpha0 - y_r - a))
        z = delta / np.sqrt(1.0 / (y_a + a) + 1.0 / (y_r + a))
        frames.append(
            pd.DataFrame(
                {
                    "article_id": used["article_id"].to_numpy(),
                    "term": terms[rows],
                    "n": n,
                    "count": y_a.astype("int64"),
                    "count_rest": y_r.astype("int64"),
                    "per_1000": 1000 * y_a / np.maximum(n_a, 1),
                    "delta": delta,
                    "z": z,
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    out = out[out["count"] >= min_count]
    if not function_words:
        stop = DISTINCTIVE_STOP
        keep = np.array([any(w not in stop for w in t.split()) for t in out["term"]], dtype=bool)
        out = out.loc[keep]
    order = {a: i for i, a in enumerate(ids)}
    out = out.sort_values(["article_id", "z"], key=lambda s: s.map(order) if s.name == "article_id" else -s)
    if top_n is not None:  # after sorting: the top_n highest z of each article
        out = out.groupby("article_id", sort=False).head(top_n)
    return out.reset_index(drop=True)
