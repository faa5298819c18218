"""Shared look of the suite's figures: one colour per article, consistent across every figure."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from analysis.present import OKABE_ITO

#: One colour per article, in order: the colour-blind-safe palette (no red/green pair).
ARTICLE_COLOURS = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "reddish_purple", "sky_blue",
                                          "vermillion", "yellow", "grey")]


def article_colours(article_ids: Sequence[str]) -> dict[str, str]:
    """A colour for each article id, in order (cycling after eight)."""
    return {a: ARTICLE_COLOURS[i % len(ARTICLE_COLOURS)] for i, a in enumerate(article_ids)}


def short_label(text: str, width: int = 28) -> str:
    """Shorten a long id or title for an axis label."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def empty_figure(message: str) -> Figure:
    """A small figure that says why there is nothing to draw (instead of an empty axis)."""
    fig = Figure(figsize=(6, 1.5))
    ax = fig.subplots()
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center")
    return fig


def ordered_ids(frame: pd.DataFrame, column: str = "article_id") -> list[str]:
    """The distinct values of ``column`` in order of first appearance, as strings."""
    return [str(a) for a in pd.unique(frame[column])] if len(frame) else []
