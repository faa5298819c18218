"""Figures for corpora: group means with their intervals, distinctive terms per group."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import article_colours, short_label

__all__ = ["plot_group_means", "plot_group_terms"]


def plot_group_means(
    summary: pd.DataFrame, *, by: str = "outlet", measures: Sequence[str] | None = None, ncols: int = 3
) -> Figure:
    """One panel a measure: each group's mean as a dot with its bootstrap interval as a line.

    ``summary`` is ``analysis.scale.group_summary(...)`` (``<by>, measure, n, mean, ci_low,
    ci_high``). Overlapping intervals mean the data cannot tell the groups apart on that measure.
    """
    measures = list(measures) if measures is not None else list(dict.fromkeys(summary["measure"]))
    groups = list(dict.fromkeys(summary[by]))
    colours = article_colours(groups)
    ncols = max(1, min(ncols, len(measures)))
    nrows = int(np.ceil(len(measures) / ncols)) or 1
    fig = Figure(figsize=(3.4 * ncols, 0.35 * len(groups) * nrows + 1.6 * nrows + 0.6))
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    for ax, measure in zip(axes, measures, strict=False):
        rows = summary[summary["measure"] == measure].set_index(by).reindex(groups)
        y = np.arange(len(groups))
        for i, group in enumerate(groups):
            row = rows.loc[group]
            ax.plot([row["ci_low"], row["ci_high"]], [i, i], color=colours[group], linewidth=2)
            ax.plot([row["mean"]], [i], "o", color=colours[group])
        ax.set_yticks(y, [f"{short_label(g, 18)} (n={int(n) if n == n else 0})" for g, n in zip(groups, rows["n"], strict=True)])
        ax.invert_yaxis()
        ax.set_title(measure.replace("_", " "), fontsize=10)
        ax.tick_params(labelsize=8)
        ax.grid(axis="x", alpha=0.3)
    for ax in axes[len(measures):]:
        ax.set_visible(False)
    fig.suptitle(f"Mean per article by {by}, with 95% bootstrap intervals", fontsize=11)
    fig.tight_layout()
    return fig


def plot_group_terms(terms: pd.DataFrame, *, by: str = "outlet", top_n: int = 10) -> Figure:
    """Horizontal bars: each group's most distinctive terms by z-score (one panel a group).

    ``terms`` is ``analysis.scale.group_distinctive_terms(...)``.
    """
    groups = list(dict.fromkeys(terms[by]))
    colours = article_colours(groups)
    ncols = min(len(groups), 3) or 1
    nrows = int(np.ceil(len(groups) / ncols)) or 1
    fig = Figure(figsize=(3.8 * ncols, 0.32 * top_n * nrows + 1.2 * nrows))
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    for ax, group in zip(axes, groups, strict=False):
        top = terms[terms[by] == group].sort_values("z", ascending=False).head(top_n)
        ax.barh(range(len(top)), top["z"], color=colours[group])
        ax.set_yticks(range(len(top)), [short_label(t, 22) for t in top["term"]], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("z (log-odds / its standard error)", fontsize=8)
        ax.set_title(short_label(group, 30), fontsize=10)
    for ax in axes[len(groups):]:
        ax.set_visible(False)
    fig.suptitle(f"Words that set each {by} apart from the others", fontsize=11)
    fig.tight_layout()
    return fig
