"""Shared look of the suite's figures: one colour per article, consistent across every figure."""

from __future__ import annotations

from collections.abc import Sequence

ARTICLE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]


def article_colours(article_ids: Sequence[str]) -> dict[str, str]:
    """A colour for each article id, in order (cycling after eight)."""
    return {a: ARTICLE_COLOURS[i % len(ARTICLE_COLOURS)] for i, a in enumerate(article_ids)}


def short_label(text: str, width: int = 28) -> str:
    """Shorten a long id or title for an axis label."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"
