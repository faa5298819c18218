"""Figures about emphasis, drawn from the tables of ``analysis.emphasis.analyze_emphasis``.

Every function takes result tables and returns a matplotlib Figure (no computation beyond
reshaping); each works for two or more articles (one colour per article, from
``analysis.plots.style``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import article_colours, empty_figure, ordered_ids, short_label

__all__ = [
    "plot_actor_shares",
    "plot_topic_shares",
    "plot_positions",
    "plot_alignment",
    "plot_attribution",
    "plot_similarity_distribution",
]

_STANCE_COLOURS = {
    "neutral": "#9e9e9e",
    "doubt": "#D55E00",
    "endorse": "#009E73",
    "presuppose": "#CC79A7",
    "assert": "#E69F00",
}


def _grouped_barh(table: pd.DataFrame, category: str, title: str, xlabel: str,
                  marks: dict | None = None, ids: list[str] | None = None) -> Figure:
    """Horizontal bars: one group per category, one bar per article (reshaping only)."""
    ids = ids or ordered_ids(table)
    wide = table.pivot_table(index=category, columns="article_id", values="share", aggfunc="first", sort=False)
    wide = wide.reindex(columns=ids).fillna(0.0)
    cats = list(wide.index)
    colours = article_colours(ids)
    height = 0.8 / max(len(ids), 1)
    fig = Figure(figsize=(8.5, max(2.8, 0.32 * len(cats) * max(len(ids), 2) + 1.6)))
    ax = fig.subplots()
    y = np.arange(len(cats))
    for k, article_id in enumerate(ids):
        pos = y + (k - (len(ids) - 1) / 2) * height
        ax.barh(pos, wide[article_id].to_numpy(), height, color=colours[article_id], label=short_label(article_id, 32))
        if marks is not None:
            for i, cat in enumerate(cats):
                flag = marks.get((article_id, cat), "")
                if flag:
                    ax.text(float(wide.loc[cat, article_id]) + 0.005, pos[i], flag, va="center", fontsize=7)
    ax.set_yticks(y, [short_label(c, 34) for c in cats])
    ax.invert_yaxis()
    ax.set_xlim(0, min(1.0, float(wide.to_numpy().max(initial=0.0)) * 1.2 + 0.05))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=min(len(ids), 3), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_actor_shares(actors: pd.DataFrame, *, top_n: int = 8) -> Figure:
    """Share of each article's sentences that mention each actor (``EmphasisResult.actors``).

    "H" marks an actor named in the headline, "L" one named in the lead. The ``top_n`` actors with
    the most mentions overall are shown.
    """
    if actors.empty:
        return empty_figure("no actors found in the articles")
    ids = ordered_ids(actors)
    totals = actors.groupby("actor", sort=False)["mentions"].sum().sort_values(ascending=False, kind="stable")
    order = list(totals.index[:top_n])
    table = actors[actors["actor"].isin(order)].copy()
    table["_rank"] = table["actor"].map({a: i for i, a in enumerate(order)})
    table = table.sort_values("_rank", kind="stable")
    marks = {
        (str(r.article_id), r.actor): ("H" if r.in_headline else "") + ("L" if r.in_lead else "")
        for r in table.itertuples()
    }
    return _grouped_barh(
        table, "actor", "Who gets the space: share of each article's sentences naming the actor",
        "share of sentences (H = in headline, L = in lead)", marks, ids,
    )


def plot_topic_shares(topics: pd.DataFrame) -> Figure:
    """Share of each article's sentences about each topic (``EmphasisResult.topics``).

    Topics come from the keyword file; a sentence can count for several, so bars do not sum to 1.
    """
    if topics.empty:
        return empty_figure("no topics to show")
    return _grouped_barh(
        topics, "topic", "What each article spends its sentences on (topics)",
        "share of sentences (a sentence can have several topics)",
    )


def plot_positions(positions: pd.DataFrame, *, top_n: int = 8) -> Figure:
    """Position strip: where in each article each actor is named (``EmphasisResult.positions``).

    One row per actor, one lane per article; each tick is a mention at its place in the body
    (0 = start, 1 = end). Early ticks mean the actor frames the story.
    """
    if positions.empty:
        return empty_figure("no actor mentions to place")
    ids = ordered_ids(positions)
    order = positions["actor"].value_counts().index[:top_n].tolist()
    colours = article_colours(ids)
    lane = 0.8 / max(len(ids), 1)
    fig = Figure(figsize=(9, max(2.6, 0.28 * len(order) * max(len(ids), 2) + 1.4)))
    ax = fig.subplots()
    for k, article_id in enumerate(ids):
        mine = positions[(positions["article_id"] == article_id) & positions["actor"].isin(order)]
        rows = mine["actor"].map({a: i for i, a in enumerate(order)}).to_numpy(dtype=float)
        offset = (k - (len(ids) - 1) / 2) * lane
        ax.scatter(mine["position"], rows + offset, marker="|", s=120, color=colours[article_id],
                   label=short_label(article_id, 32), linewidths=1.6)
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position in the article (0 = first word, 1 = last word)")
    ax.set_title("Where each actor appears in each article")
    for i in range(len(order) - 1):
        ax.axhline(i + 0.5, color="#dddddd", lw=0.6)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(len(ids), 3), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_alignment(
    aligned: pd.DataFrame,
    unique: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    a_id: str | None = None,
    b_id: str | None = None,
) -> Figure:
    """Alignment map between two articles: each sentence a tick on its article's column, a line
    for each aligned pair (darker = more similar), sentences with no counterpart anywhere in red.

    ``aligned`` and ``unique`` come from ``EmphasisResult``; ``sentences`` gives each article's
    sentence count. Without ``a_id``/``b_id`` the first two articles are drawn.
    """
    ids = [str(a) for a in pd.unique(sentences["article_id"].astype(str))]
    if len(ids) < 2:
        return empty_figure("an alignment map needs two articles")
    a_id = a_id or ids[0]
    b_id = b_id or next(i for i in ids if i != a_id)
    counts = sentences.assign(article_id=sentences["article_id"].astype(str)).groupby("article_id").size()
    n_a, n_b = int(counts.get(a_id, 0)), int(counts.get(b_id, 0))
    pairs = aligned[
        ((aligned["a_id"] == a_id) & (aligned["b_id"] == b_id)) | ((aligned["a_id"] == b_id) & (aligned["b_id"] == a_id))
    ]
    fig = Figure(figsize=(7.5, max(4.5, 0.16 * max(n_a, n_b) + 1.8)))
    ax = fig.subplots()
    lonely = set(zip(unique["article_id"].astype(str), unique["sent_id"], strict=False)) if len(unique) else set()
    for x, article_id, n in ((0, a_id, n_a), (1, b_id, n_b)):
        ys = np.arange(n)
        red = np.array([(article_id, int(i)) in lonely for i in ys], dtype=bool)
        ax.scatter(np.full(n, x)[~red], ys[~red], s=18, color="#555555", zorder=3,
                   label="has a counterpart (here or in another article)" if x == 0 else None)
        ax.scatter(np.full(n, x)[red], ys[red], s=30, color="#D55E00", marker="D", zorder=3,
                   label="no counterpart in any other article" if x == 0 else None)
    top = float(pairs["similarity"].max()) if len(pairs) else 1.0
    for pair_a, a_sent, b_sent, similarity in zip(
        pairs["a_id"], pairs["a_sent_id"], pairs["b_sent_id"], pairs["similarity"].astype(float), strict=True
    ):
        left, right = (a_sent, b_sent) if pair_a == a_id else (b_sent, a_sent)
        ax.plot([0, 1], [left, right], color="#0072B2", alpha=0.25 + 0.75 * similarity / top,
                lw=0.8 + 2.5 * similarity)
        ax.text(0.5, (left + right) / 2, f"{similarity:.2f}", fontsize=7, ha="center", va="bottom",
                color="#0072B2")
    ax.set_xticks([0, 1], [short_label(a_id, 30), short_label(b_id, 30)])
    ax.set_xlim(-0.35, 1.35)
    ax.set_ylim(max(n_a, n_b), -1)
    ax.set_ylabel("sentence number (0 = headline or first sentence)")
    ax.set_title(f"Shared and unique content: {len(pairs)} aligned sentence pairs")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_attribution(attribution: pd.DataFrame) -> Figure:
    """Who speaks, and how they are introduced: attributions per article by verb stance
    (``EmphasisResult.attribution_summary``), with the share of sentences attributed."""
    if attribution.empty:
        return empty_figure("no articles")
    ids = [str(a) for a in attribution["article_id"]]
    fig = Figure(figsize=(8, 0.7 * len(ids) + 2.0))
    ax = fig.subplots()
    left = np.zeros(len(ids))
    for stance, colour in _STANCE_COLOURS.items():
        values = attribution[f"n_{stance}"].to_numpy(dtype=float)
        ax.barh(range(len(ids)), values, left=left, color=colour, label=stance)
        left += values
    shares = attribution["attributed_share"].astype(float).fillna(0)  # no sentences: 0 %
    for i, (named, unnamed, share) in enumerate(
        zip(attribution["n_named"], attribution["n_unnamed"], shares, strict=True)
    ):
        ax.text(left[i] + 0.1, i, f"  {named} named, {unnamed} unnamed; "
                f"{100 * share:.0f}% of sentences attributed", va="center", fontsize=8)
    ax.set_yticks(range(len(ids)), [short_label(i, 30) for i in ids])
    ax.invert_yaxis()
    ax.set_xlim(0, max(float(left.max(initial=0)), 1) * 2.2)
    ax.set_xlabel("attributions (colour = stance of the verb)")
    ax.set_title("Who is cited, and with which verb")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=5, fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_similarity_distribution(best_matches: pd.DataFrame, *, threshold: float) -> Figure:
    """Histogram of each sentence's best-match similarity in the other articles, with the
    alignment threshold drawn: what lies right of the line is "shared", left of it "unique"
    (``EmphasisResult.best_matches``)."""
    if best_matches.empty:
        return empty_figure("no sentence pairs to compare")
    fig = Figure(figsize=(7.5, 3.4))
    ax = fig.subplots()
    values = best_matches["similarity"].astype(float).to_numpy()
    ax.hist(values, bins=np.linspace(0, 1, 41).tolist(), color="#4c72b0", edgecolor="white")
    ax.axvline(threshold, color="#d62728", lw=1.5)
    ax.text(threshold + 0.01, ax.get_ylim()[1] * 0.9, f"threshold {threshold:.2f}", color="#d62728", fontsize=8)
    ax.set_xlabel("similarity of a sentence to its best match in another article (0 = nothing shared)")
    ax.set_ylabel("sentences")
    ax.set_title("How close each sentence's nearest counterpart is")
    fig.tight_layout()
    return fig
