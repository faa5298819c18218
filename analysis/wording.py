"""Wording: loaded language, hedges, attribution, naming, distinctive terms (work in progress)."""

from __future__ import annotations

import pandas as pd

from analysis.wording_model import cues_frame, scan

__all__ = ["loaded_language"]


def loaded_language(text: str, *, min_score: float = 0.05) -> pd.DataFrame:
    """Every loaded, hedging, boosting, attributing, naming or labelling cue in ``text``.

    Returns ``start, end, term, category, stance, score, why`` with ``text[start:end] == term``.
    """
    return cues_frame(scan(text, min_score=min_score))
