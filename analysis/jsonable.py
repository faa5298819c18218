"""Tables to JSON: plain Python types only, NaN as null, floats to 4 places.

Every ``to_json`` in the package goes through these two functions, so the JSON output has one
convention: numpy and pandas scalars unwrapped, missing values (NaN, NA, NaT, ±inf) as ``None``,
floats rounded to 4 decimal places, anything else unknown as its string.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["json_safe", "records"]


def json_safe(value: Any) -> Any:
    """``value`` as plain JSON types (recursing into dicts, lists, tuples, arrays and Series).

    >>> json_safe({"z": np.float64(1.234567), "n": np.int64(3), "x": float("nan"), "t": ("a", pd.NA)})
    {'z': 1.2346, 'n': 3, 'x': None, 't': ['a', None]}
    """
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        return [json_safe(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return round(float(value), 4) if math.isfinite(float(value)) else None
    return value if isinstance(value, str) else str(value)


def records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-safe dicts, keeping only the ``columns`` that exist (in that order)."""
    present = list(frame.columns) if columns is None else [c for c in columns if c in frame.columns]
    return [
        {c: json_safe(v) for c, v in zip(present, row, strict=True)}
        for row in frame[present].itertuples(index=False, name=None)
    ]
