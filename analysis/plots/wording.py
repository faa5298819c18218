"""Wording figures: "Fightin' Words" (distinctive terms) and cue rates by category.

Each function takes the tables of ``analysis.wording`` and returns a matplotlib Figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import article_colours, short_label

__all__ = ["fightin_words", "cue_rates"]


def fightin_words(
    distinctive: pd.DataFrame, *, label_top: int = 10, titles: dict[str, str] | None = None,
    article_ids: list[str] | None = None,
) -> Figure:
    """One panel per article: its ``label_top`` most distinctive terms ranked by z-score, as bars
    (Monroe et al. 2008 "Fightin' Words").

    Takes :func:`analysis.wording.distinctive_terms` output. Each term is a row with its label on
    the axis, so labels never overlap; the bar shows z, the number after it how often the article
    uses the term. The dashed line is z = 1.96: bars past it are used more than chance and general
    English would suggest; shorter bars are leads to read, not evidence. ``article_ids`` fixes the
    panels (an article without a distinctive term gets a panel saying so).
    """
    ids = list(article_ids) if article_ids is not None else list(dict.fromkeys(distinctive["article_id"]))
    n = max(1, len(ids))
    rows_per_panel = max(3, label_top)
    fig = Figure(figsize=(6.0, (0.26 * rows_per_panel + 0.9) * n), layout="constrained")
    colours = article_colours(ids)
    axes = fig.subplots(n, 1, squeeze=False).ravel()
    if not ids:
        axes[0].text(0.5, 0.5, "no distinctive terms (needs two or more articles)", ha="center", va="center")
        axes[0].set_axis_off()
        return fig
    top_z = float(distinctive["z"].max()) if len(distinctive) else 2.0
    for ax, article_id in zip(axes, ids, strict=False):
        part = distinctive[distinctive["article_id"] == article_id]
        name = (titles or {}).get(article_id, article_id)
        ax.set_title(f"Distinctive terms: {short_label(name, 40)}", fontsize=10, loc="left")
        if part.empty:
            ax.text(0.5, 0.5, "no term used often enough to stand out", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            continue
        top = part.nlargest(label_top, "z").iloc[::-1]
        y = np.arange(len(top))
        ax.barh(y, top["z"], color=colours[article_id], height=0.7)
        ax.set_yticks(y, [str(t) for t in top["term"]], fontsize=9)
        for yi, (z, count) in enumerate(zip(top["z"], top["count"], strict=True)):
            ax.text(max(float(z), 0) + top_z * 0.01, yi, f"z {z:+.2f} · used {int(count)}×", va="center", fontsize=8)
        ax.axvline(1.96, color="#555555", linestyle="--", linewidth=0.8)
        ax.set_xlim(min(0.0, float(top["z"].min())), max(2.5, top_z * 1.45))
        ax.set_ylim(-0.6, rows_per_panel - 0.4)
        ax.set_xlabel("z-score, this article against the rest (dashed: 1.96)", fontsize=9)
    return fig


def cue_rates(summary: pd.DataFrame, *, titles: dict[str, str] | None = None, value: str | None = None) -> Figure:
    """Wording cues per 1,000 words by category, one bar per article: every cue found (left) and
    the flags, the cues scoring at or above the flag line (right), side by side and named.

    Takes ``WordingResult.summary``. Hedges, attribution verbs and naming variants are found often
    but rarely flagged: a zero on the right is not a zero on the left. ``value`` is accepted for
    compatibility and ignored (both counts are always drawn).
    """
    ids = list(dict.fromkeys(summary["article_id"]))
    cats = list(dict.fromkeys(summary["category"]))
    colours = article_colours(ids)
    fig = Figure(figsize=(max(6.5, 1.0 * len(cats) + 0.3 * len(ids)), 5.6), layout="constrained")
    axes = fig.subplots(2, 1, sharex=True)
    width = 0.8 / max(1, len(ids))
    xs = np.arange(len(cats))
    top = float(summary[["cues_per_1000", "flags_per_1000"]].max().max()) if len(summary) else 1.0
    for ax, column, heading in (
        (axes[0], "cues_per_1000", "Cues found in the outlet's own words, per 1,000 of them"),
        (axes[1], "flags_per_1000", "Flags (cues at or above the flag line) in its own words, per 1,000"),
    ):
        for k, article_id in enumerate(ids):
            part = summary[summary["article_id"] == article_id].set_index("category").reindex(cats)
            label = short_label((titles or {}).get(article_id, article_id), 30)
            values = part[column].fillna(0).to_numpy(float)
            bars = ax.bar(xs + (k - (len(ids) - 1) / 2) * width, values, width, label=label,
                          color=colours[article_id], hatch=_HATCHES[k % len(_HATCHES)], edgecolor="white")
            for bar, v in zip(bars, values, strict=True):
                ax.text(bar.get_x() + bar.get_width() / 2, v, f"{v:.0f}" if v >= 1 or v == 0 else f"{v:.1f}",
                        ha="center", va="bottom", fontsize=7)
        ax.set_ylim(0, top * 1.18 + 0.5)
        ax.set_title(heading, fontsize=10, loc="left")
        ax.set_ylabel("per 1,000 words", fontsize=9)
    axes[1].set_xticks(xs, cats)
    axes[0].legend(fontsize=8, loc="upper right")
    return fig


#: A second, non-colour mark for the articles in bar charts.
_HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
