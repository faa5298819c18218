"""Figures about the corpus itself: how much of each file is article and how much is furniture."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import short_label

__all__ = ["plot_composition"]


def plot_composition(articles: pd.DataFrame, removed: pd.DataFrame) -> Figure:
    """Horizontal bars: words of article text and words removed as boilerplate, per article.

    ``removed`` is ``analysis.corpus.provenance(articles)``.
    """
    removed_words = removed.groupby("article_id")["n_words"].sum() if len(removed) else pd.Series(dtype=int)
    ids = list(articles["article_id"])
    kept = articles.set_index("article_id")["n_words"].reindex(ids)
    gone = removed_words.reindex(ids).fillna(0)
    fig = Figure(figsize=(8, 0.6 * len(ids) + 1.8))
    ax = fig.subplots()
    y = range(len(ids))
    ax.barh(y, kept, color="#0072B2", label="article text (analysed)")
    ax.barh(y, gone, left=kept, color="#E69F00", hatch="//", label="boilerplate (removed, kept as provenance)")
    for i, (k, g) in enumerate(zip(kept, gone, strict=True)):
        ax.text(k + g, i, f"  {int(k)} + {int(g)} words", va="center", fontsize=9)
    ax.set_yticks(list(y), [short_label(i) for i in ids])
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_title("What each file holds: the article, and the page furniture around it")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=2, fontsize=8, frameon=False)
    ax.set_xlim(0, float((kept + gone).max()) * 1.3 or 1)
    fig.tight_layout()
    return fig
