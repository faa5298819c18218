"""All wording tables of a comparison at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from analysis.jsonable import json_safe, records
from analysis.wording.contexts import contrast_pairs
from analysis.wording.cues import CUE_COLUMNS, DEFAULT_MIN_SCORE, article_cues, cue_summary, flag_threshold
from analysis.wording.distinctive import distinctive_terms, term_counts
from analysis.wording.naming import naming_choices

__all__ = ["WordingResult", "analyze_wording", "comparison_distinctive_terms"]


@dataclass
class WordingResult:
    """The wording tables of a comparison.

    - ``distinctive``: :func:`distinctive_terms` (top terms per article, z-scores);
    - ``cues``: :func:`article_cues` (every cue, offsets into each body);
    - ``naming``: :func:`naming_choices`;
    - ``contrasts``: :func:`contrast_pairs` (may be empty);
    - ``summary``: per article and category, cues and flags per 1,000 words.
    """

    distinctive: pd.DataFrame
    cues: pd.DataFrame
    naming: pd.DataFrame
    contrasts: pd.DataFrame = field(default_factory=pd.DataFrame)
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    flag_threshold: float = 0.5

    def to_json(self) -> dict[str, Any]:
        """The ``wording`` section of ``compare --json`` (floats to 4 places, NaN as null)."""
        out = {
            "distinctive": records(self.distinctive, ["article_id", "term", "z", "count", "n"]),
            "cues": records(self.cues, CUE_COLUMNS),
            "naming": records(self.naming, ["article_id", "group", "term", "variant", "reading", "voice", "count", "n_quoted"]),
            "flag_threshold": json_safe(self.flag_threshold),
        }
        if len(self.summary):
            out["summary"] = records(self.summary, list(self.summary.columns))
        if len(self.contrasts):
            cols = ["a_id", "a_sent_id", "b_id", "b_sent_id", "similarity", "a_cues", "b_cues", "a_only", "b_only"]
            out["contrasts"] = records(self.contrasts, cols)
        return out


def comparison_distinctive_terms(articles: pd.DataFrame, *, top_n: int = 20) -> pd.DataFrame | None:
    """:func:`distinctive_terms` of the articles' :func:`term_counts` (``top_n`` per article), or
    None when there is no comparison: fewer than two articles, or fewer than two with a word to
    count. It reads the texts alone, so a comparison can find it before it annotates the articles."""
    counts = term_counts(articles)
    if articles["article_id"].nunique() >= 2 and counts["article_id"].nunique() >= 2:
        return distinctive_terms(counts, top_n=top_n)
    return None


def analyze_wording(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, top_n: int = 20, min_score: float = DEFAULT_MIN_SCORE,
    contrasts: bool = True, cues: pd.DataFrame | None = None, words: Mapping[object, Mapping[str, int]] | None = None,
    aligned: pd.DataFrame | None = None, distinctive: pd.DataFrame | None | Literal["find"] = "find",
) -> WordingResult:
    """All wording tables for two or more articles (see :class:`WordingResult`).

    ``cues`` (the table of :func:`article_cues`) and ``words`` (each article's words by voice)
    are read from the articles' annotations when given (``analysis.annotate.cue_table``; the
    comparison passes them), else found here (``min_score`` applies only then); ``aligned``, the
    sentence alignment the contrast pairs read, and ``distinctive``
    (:func:`comparison_distinctive_terms`, None for no comparison), likewise.
    With a single article, distinctive terms and contrast pairs need a comparison and are left
    empty (cues and naming are still computed).
    """
    if cues is None:
        cues = article_cues(articles, sentences, min_score=min_score)
    if isinstance(distinctive, str):
        distinctive = comparison_distinctive_terms(articles, top_n=top_n)
    if distinctive is not None:
        pairs = contrast_pairs(articles, sentences, cues=cues, aligned=aligned) if contrasts else pd.DataFrame()
    else:
        distinctive = pd.DataFrame(columns=["article_id", "term", "n", "count", "count_rest", "per_1000", "delta", "z"])
        pairs = pd.DataFrame()
    return WordingResult(
        distinctive=distinctive,
        cues=cues,
        naming=naming_choices(articles),
        contrasts=pairs,
        summary=cue_summary(cues, articles, words=words),
        flag_threshold=flag_threshold(),
    )
