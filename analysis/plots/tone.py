"""Figures about tone, drawn from the tables of ``analysis.tone.analyze_tone`` (no computation).

Every function takes a ``ToneResult`` table and returns a matplotlib Figure; each works for one,
two or many articles (panels wrap, colours follow ``analysis.plots.style``).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import article_colours, empty_figure, ordered_ids, short_label

__all__ = [
    "plot_actor_tone",
    "plot_article_tone",
    "plot_driving_words",
    "plot_instruments",
    "plot_tone_arc",
]

_POSITIVE = "#0072B2"  # Okabe-Ito blue
_NEGATIVE = "#D55E00"  # Okabe-Ito vermillion

#: The narrowest tone axis drawn (±): differences of a few hundredths on a −1 … +1 scale must look small.
MIN_TONE_SPAN = 0.25


def honest_span(low: float, high: float, *, minimum: float = MIN_TONE_SPAN) -> float:
    """Half-height of a symmetric tone axis: at least ``minimum``, else the data's reach plus a
    margin, rounded up to a tenth (never past 1). Keeps small differences looking small."""
    reach = max(abs(low), abs(high)) * 1.15
    return float(min(1.0, max(minimum, math.ceil(reach * 10) / 10)))


def plot_article_tone(articles: pd.DataFrame) -> Figure:
    """Grouped bars per article: TextBlob polarity of the cleaned body, the same with the page's
    boilerplate left in, and VADER's mean sentence compound.

    ``articles`` is ``ToneResult.articles``.
    """
    if articles.empty:
        return empty_figure("no articles to show")
    ids = [str(a) for a in articles["article_id"]]
    series = [
        ("polarity", "TextBlob, cleaned body", "#0072B2"),
        ("polarity_with_boilerplate", "TextBlob, boilerplate left in", "#c7c7c7"),
        ("vader_compound", "VADER, mean of sentences", "#E69F00"),
    ]
    width = 0.8 / len(series)
    fig = Figure(figsize=(max(6.0, 1.9 * len(ids) + 2.5), 4.2))
    ax = fig.subplots()
    x = np.arange(len(ids))
    for k, (column, label, colour) in enumerate(series):
        values = articles[column].astype(float).to_numpy()
        bars = ax.bar(
            x + (k - 1) * width, values, width, label=label, color=colour, edgecolor="#333333", lw=0.4
        )
        for bar, value in zip(bars, values, strict=True):
            if math.isfinite(value):
                ax.annotate(
                    f"{value:+.3f}",
                    (bar.get_x() + bar.get_width() / 2, value),
                    xytext=(0, 3 if value >= 0 else -10),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7,
                )
    ax.axhline(0, color="#333333", lw=0.8)
    ax.set_xticks(x, [short_label(i, 22) for i in ids], fontsize=8)
    ax.set_title("Tone of each article, by instrument, with and without page furniture", fontsize=10)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, frameon=False)
    low = min(0.0, float(np.nanmin(articles[[s[0] for s in series]].astype(float).to_numpy())))
    high = max(0.0, float(np.nanmax(articles[[s[0] for s in series]].astype(float).to_numpy())))
    span = honest_span(low, high)
    ax.set_ylim(-span, span)
    ax.set_ylabel(f"score, −1 … +1 (axis cut at ±{span:g})")
    fig.tight_layout()
    return fig


def plot_driving_words(driving_words: pd.DataFrame, *, top_n: int = 10, columns: int = 3) -> Figure:
    """Diverging bars, one panel per article: the words that weigh most in its TextBlob polarity.

    A bar is the term's ``contribution`` (polarity × count ÷ words scored, so an article's bars
    add up to its polarity); blue pushes the score up, red pulls it down; ``×n`` is the count.
    ``driving_words`` is ``ToneResult.driving_words``.
    """
    ids = ordered_ids(driving_words)
    if not ids:
        return empty_figure("TextBlob scored no words in these articles")
    ncols = min(columns, len(ids))
    nrows = math.ceil(len(ids) / ncols)
    fig = Figure(figsize=(4.6 * ncols + 0.6, 0.32 * top_n * nrows + 1.6 * nrows))
    axes = fig.subplots(nrows, ncols, squeeze=False)
    limit = float(driving_words["contribution"].abs().max()) or 1.0
    for ax, aid in zip(axes.flat, ids, strict=False):
        mine = driving_words.loc[driving_words["article_id"] == aid]
        mine = mine.reindex(mine["contribution"].abs().sort_values(ascending=False).index).head(top_n)
        mine = mine.iloc[::-1]
        y = np.arange(len(mine))
        colours = [_POSITIVE if v >= 0 else _NEGATIVE for v in mine["contribution"]]
        ax.barh(y, mine["contribution"], color=colours)
        ax.set_yticks(y, [short_label(t, 22) for t in mine["term"]], fontsize=8)
        for yi, (value, count) in enumerate(zip(mine["contribution"], mine["count"], strict=True)):
            ax.text(
                value,
                yi,
                f" ×{int(count)} " if value >= 0 else f" ×{int(count)} ",
                va="center",
                ha="left" if value >= 0 else "right",
                fontsize=7,
                color="#444444",
            )
        ax.axvline(0, color="#333333", lw=0.8)
        ax.set_xlim(-limit * 1.35, limit * 1.35)
        ax.set_title(short_label(aid, 34), fontsize=9)
        ax.set_xlabel("share of the article's polarity", fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
    for ax in list(axes.flat)[len(ids) :]:
        ax.axis("off")
    fig.suptitle(
        f"Words that drove each article's TextBlob polarity (top {top_n}; blue up, red down)", fontsize=11
    )
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig


def plot_actor_tone(actors: pd.DataFrame, *, min_sentences: int = 1, top: int | None = 15) -> Figure:
    """Mean polarity of the sentences naming each actor, with its bootstrap 95% interval.

    One colour per article; a dot's size grows with the number of sentences (written beside it);
    hollow dots are small samples (fewer than five sentences) and have no interval below two.
    Only the ``top`` actors named in the most sentences are drawn (all with ``top=None``); the
    title says how many were left out. ``actors`` is ``ToneResult.actors``.
    """
    frame = actors.loc[actors["n_sentences"] >= min_sentences] if len(actors) else actors
    left_out = 0
    if top is not None and len(frame):
        totals = frame.groupby("actor")["n_sentences"].sum().sort_values(ascending=False, kind="stable")
        left_out = max(0, len(totals) - top)
        frame = frame.loc[frame["actor"].isin(totals.index[:top])]
    if frame.empty:
        return empty_figure("no actor is named in these articles")
    ids = ordered_ids(frame)
    colours = article_colours(ids)
    order = frame.groupby("actor")["n_sentences"].sum().sort_values(ascending=False).index.tolist()
    fig = Figure(figsize=(8.5, 0.55 * len(order) * max(1, len(ids) / 2) + 1.8))
    ax = fig.subplots()
    step = 0.7 / max(1, len(ids))
    for k, aid in enumerate(ids):
        mine = frame.loc[frame["article_id"] == aid].set_index("actor")
        offset = (k - (len(ids) - 1) / 2) * step
        for i, actor in enumerate(order):
            if actor not in mine.index:
                continue
            row = mine.loc[actor]
            y = i + offset
            n = int(row["n_sentences"])
            if pd.notna(row["ci_low"]):
                ax.plot([row["ci_low"], row["ci_high"]], [y, y], color=colours[aid], lw=1.6, alpha=0.8)
            small = bool(row["small_sample"])
            ax.scatter(
                [row["polarity"]],
                [y],
                s=18 + 10 * math.sqrt(n) * 3,
                facecolors="white" if small else colours[aid],
                edgecolors=colours[aid],
                linewidths=1.5,
                zorder=3,
            )
            ax.annotate(f"n={n}", (row["polarity"], y), xytext=(7, 3), textcoords="offset points", fontsize=7)
        ax.scatter([], [], color=colours[aid], label=short_label(aid, 30))
    ax.scatter([], [], facecolors="white", edgecolors="#555555", label="fewer than 5 sentences")
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(range(len(order)), order)
    ax.invert_yaxis()
    reach = frame[["polarity", "ci_low", "ci_high"]].astype(float).to_numpy()
    span = honest_span(float(np.nanmin(reach)), float(np.nanmax(reach))) if np.isfinite(reach).any() else 1.0
    ax.set_xlim(-span, span)
    ax.set_xlabel(f"mean polarity of the sentences naming the actor, −1 … +1 (axis ±{span:g}; line: 95% interval)",
                  fontsize=9)
    more = f"; {left_out} actors named less often left out" if left_out else ""
    ax.set_title(f"Tone of the sentences naming each actor (n = sentences{more})", fontsize=10)
    ax.legend(
        fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=min(4, len(ids) + 1), frameon=False
    )
    fig.tight_layout()
    return fig


#: Sentences past which :func:`plot_tone_arc` draws its dots as a picture inside a vector file.
DENSE_DOTS = 500


def plot_tone_arc(sentences: pd.DataFrame, *, overlay: bool = False) -> Figure:
    """Sentence polarity along each article (x: relative position, 0 = start, 1 = end).

    Dots are sentences, the line is the rolling mean computed by ``analyze_tone``. One panel per
    article (stacked, same axes) or all on one axis with ``overlay=True``.
    ``sentences`` is ``ToneResult.sentences``.
    """
    ids = ordered_ids(sentences)
    if not ids:
        return empty_figure("no sentences to show")
    colours = article_colours(ids)
    panels = 1 if overlay else len(ids)
    fig = Figure(figsize=(9, 2.0 * panels + 1.2))
    axes = fig.subplots(panels, 1, sharex=True, sharey=True, squeeze=False)
    # Past DENSE_DOTS sentences the dots are drawn as one picture in a vector file (SVG, PDF): as
    # thousands of vector marks they made half a megabyte of a report on ten long articles.
    dense = len(sentences) > DENSE_DOTS
    for k, aid in enumerate(ids):
        ax = axes[0 if overlay else k, 0]
        mine = sentences.loc[sentences["article_id"] == aid]
        ax.scatter(mine["position"], mine["polarity"], s=12, color=colours[aid], alpha=0.45, rasterized=dense)
        ax.plot(
            mine["position"], mine["polarity_rolling"], color=colours[aid], lw=2, label=short_label(aid, 30)
        )
        ax.axhline(0, color="#333333", lw=0.6)
        ax.set_ylabel("polarity (−1 … +1)", fontsize=8)
        if not overlay:
            ax.set_title(f"{short_label(aid, 40)} ({len(mine)} sentences)", fontsize=9)
    values = sentences[["polarity", "polarity_rolling"]].astype(float).to_numpy()
    span = honest_span(float(np.nanmin(values)), float(np.nanmax(values)), minimum=0.5) if len(values) else 1.0
    axes[0, 0].set_ylim(-span, span)
    axes[-1, 0].set_xlabel("position in the article (0 = first sentence, 1 = last)")
    if overlay:
        axes[0, 0].legend(fontsize=8)
    fig.suptitle("Tone arc: TextBlob polarity sentence by sentence, with a rolling mean", fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    return fig


def plot_instruments(sentences: pd.DataFrame, *, neutral_band: float = 0.05) -> Figure:
    """Each sentence's TextBlob polarity against its VADER compound, one colour per article.

    Sentences in the shaded corners point in opposite directions by the two instruments;
    the grey band around zero is treated as neutral. ``sentences`` is ``ToneResult.sentences``.
    """
    ids = ordered_ids(sentences)
    if not ids:
        return empty_figure("no sentences to show")
    colours = article_colours(ids)
    fig = Figure(figsize=(6.5, 6))
    ax = fig.subplots()
    ax.fill_between([neutral_band, 1.05], -1.05, -neutral_band, color="#f4cccc", alpha=0.5, lw=0)
    ax.fill_between(
        [-1.05, -neutral_band],
        neutral_band,
        1.05,
        color="#f4cccc",
        alpha=0.5,
        lw=0,
        label="the instruments disagree in sign",
    )
    ax.axvspan(-neutral_band, neutral_band, color="#eeeeee", lw=0)
    ax.axhspan(-neutral_band, neutral_band, color="#eeeeee", lw=0)
    for aid in ids:
        mine = sentences.loc[sentences["article_id"] == aid]
        ax.scatter(
            mine["polarity"],
            mine["vader_compound"],
            s=18,
            alpha=0.7,
            color=colours[aid],
            label=short_label(aid, 30),
        )
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("TextBlob polarity")
    ax.set_ylabel("VADER compound")
    ax.set_title("Two instruments, one sentence each: do they agree?")
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    return fig
