"""Wording: loaded language, hedges, attribution, naming, distinctive terms (work in progress)."""

from __future__ import annotations

import pandas as pd

from analysis.wording_model import cues_frame, scan

__all__ = ["DEFAULT_MIN_SCORE", "loaded_language"]

#: Words scoring below this are not returned as cues (curated terms always are).
DEFAULT_MIN_SCORE = 0.05


def loaded_language(text: str, *, min_score: float = DEFAULT_MIN_SCORE) -> pd.DataFrame:
    """Every loaded, hedging, boosting, attributing, naming or labelling cue in ``text``.

    Returns ``start, end, term, category, stance, score, why`` with ``text[start:end] == term``.
    """
    return cues_frame(scan(text, min_score=min_score))
