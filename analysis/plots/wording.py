"""Wording figures: "Fightin' Words" (distinctive terms) and cue rates by category.

Each function takes the tables of ``analysis.wording`` and returns a matplotlib Figure.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import article_colours, short_label

__all__ = ["fightin_words", "cue_rates"]


def fightin_words(
    distinctive: pd.DataFrame, *, label_top: int = 8, titles: dict[str, str] | None = None,
    article_ids: list[str] | None = None,
) -> Figure:
    """One panel per article: each term's z-score (how distinctive) against how often the
    article uses it, the ``label_top`` most distinctive terms labelled (after Monroe et al. 2008).

    Takes :func:`analysis.wording.distinctive_terms` output (pass ``top_n=None`` to see every
    term as a grey cloud). Terms above the dashed line (z = 1.96) are used more than chance and
    general English would suggest. ``article_ids`` fixes the panels (an article without any
    term used twice gets an empty panel saying so).
    """
    ids = list(article_ids) if article_ids is not None else list(dict.fromkeys(distinctive["article_id"]))
    n = max(1, len(ids))
    cols = min(n, 2)
    rows = math.ceil(n / cols)
    fig = Figure(figsize=(6.2 * cols, 4.2 * rows), layout="constrained")
    colours = article_colours(ids)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax in axes[n:]:
        ax.set_visible(False)
    if not ids:
        axes[0].text(0.5, 0.5, "no distinctive terms (needs two or more articles)", ha="center", va="center")
        axes[0].set_axis_off()
        return fig
    for ax, article_id in zip(axes, ids, strict=False):
        part = distinctive[distinctive["article_id"] == article_id]
        name = (titles or {}).get(article_id, article_id)
        ax.set_title(f"Distinctive terms: {short_label(name, 40)}", fontsize=10)
        if part.empty:
            ax.text(0.5, 0.5, "no term used often enough\nto stand out", ha="center", va="center", transform=ax.transAxes)
            continue
        x = np.log10(part["count"].clip(lower=1).to_numpy(float))
        y = part["z"].to_numpy(float)
        ax.scatter(x, y, s=14, color="#bbbbbb", zorder=1)
        top = part.nlargest(label_top, "z")
        tx = np.log10(top["count"].clip(lower=1).to_numpy(float))
        ax.scatter(tx, top["z"], s=22, color=colours[article_id], zorder=2)
        # spread labels vertically so equal counts do not overlap
        order = np.argsort(-top["z"].to_numpy())
        for rank, i in enumerate(order):
            ax.annotate(
                top["term"].iloc[i], (tx[i], top["z"].iloc[i]), xytext=(6, -rank * 1.5), textcoords="offset points",
                fontsize=8, color=colours[article_id],
            )
        ax.axhline(1.96, color="#888888", linestyle="--", linewidth=0.8)
        ax.set_xlabel("uses in this article (log10 count)")
        ax.set_ylabel("z-score, this article vs the rest")
    return fig


def cue_rates(summary: pd.DataFrame, *, value: str = "flags_per_1000", titles: dict[str, str] | None = None) -> Figure:
    """Cues (or flags) per 1,000 words by category, one bar per article in each category.

    Takes ``WordingResult.summary``; ``value`` is ``flags_per_1000`` (cues scoring at or above
    the flag threshold; hedges, attributions and naming variants rarely reach it) or
    ``cues_per_1000`` (every cue).
    """
    ids = list(dict.fromkeys(summary["article_id"]))
    cats = list(dict.fromkeys(summary["category"]))
    colours = article_colours(ids)
    fig = Figure(figsize=(max(6.5, 1.2 * len(cats) + 0.4 * len(ids)), 3.8), layout="constrained")
    ax = fig.subplots()
    width = 0.8 / max(1, len(ids))
    xs = np.arange(len(cats))
    for k, article_id in enumerate(ids):
        part = summary[summary["article_id"] == article_id].set_index("category").reindex(cats)
        label = short_label((titles or {}).get(article_id, article_id), 30)
        ax.bar(xs + (k - (len(ids) - 1) / 2) * width, part[value].fillna(0), width, label=label, color=colours[article_id])
    ax.set_xticks(xs, cats)
    ax.set_ylabel(value.replace("_", " ").replace("per 1000", "per 1,000 words"))
    ax.set_title("Wording cues by category, per 1,000 words")
    ax.legend(fontsize=8, loc="upper right")
    return fig
