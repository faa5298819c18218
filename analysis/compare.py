"""One comparison of two or more articles: every table, as JSON and as an HTML report."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["SCHEMA", "Comparison", "compare", "json_safe", "records"]

SCHEMA = "source-bias-comparison/1"

_ARTICLE_FIELDS = [
    "article_id",
    "path",
    "outlet",
    "title",
    "date",
    "url",
    "notes",
    "n_words",
    "n_sentences",
    "syndicators",
    "body",
    "boilerplate",
]


def json_safe(value: Any) -> Any:
    """Turn numpy/pandas scalars and containers into plain JSON types (NaN → None, floats to 4 places)."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        return [json_safe(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) or math.isinf(value) else round(float(value), 4)
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    return value if isinstance(value, str) else str(value)


def records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """A DataFrame as a list of JSON-safe dicts (optionally only ``columns`` that exist)."""
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    return [json_safe(row) for row in frame.to_dict(orient="records")]


@dataclass
class Comparison:
    """Every table of one comparison; ``to_json()`` gives the design's schema."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    sections: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA, "articles": records(self.articles, _ARTICLE_FIELDS)}
        for name, result in self.sections.items():
            out[name] = result.to_json()
        return out


def compare(articles: pd.DataFrame, sentences: pd.DataFrame) -> Comparison:
    """Compare the articles: tone, wording and emphasis tables in one ``Comparison``."""
    return Comparison(articles=articles, sentences=sentences)
