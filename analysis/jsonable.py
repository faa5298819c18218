"""Tables to JSON: plain Python types only, NaN as null, floats to 4 places.

Every ``to_json`` in the package goes through these two functions, so the JSON output has one
convention: numpy and pandas scalars unwrapped, missing values (NaN, NA, NaT, ±inf) as ``None``,
floats rounded to 4 decimal places, anything else unknown as its string.

:func:`write_json` writes such an object as ``json.dump(value, handle, ensure_ascii=False,
indent=1, allow_nan=False)`` does, byte for byte; inside :func:`streamed_records` the rows of
:func:`records` are made one at a time as they are written, so a comparison of two 5 MB articles
(hundreds of thousands of rows) never holds its whole JSON object in memory.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["json_safe", "records", "streamed_records", "write_json"]

_STREAMED: ContextVar[bool] = ContextVar("streamed_records", default=False)


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


#: Rows turned into Python objects at a time when they are written.
_SLICE = 5_000


class _Rows(list):
    """The rows of a table as JSON-safe dicts, made as they are iterated (:func:`records` inside
    :func:`streamed_records`). It holds the table, not the rows: as a list it is empty, and only
    :func:`write_json` (or a loop over it) reads it."""

    __slots__ = ("_frame",)

    def __init__(self, frame: pd.DataFrame) -> None:
        super().__init__()
        self._frame = frame

    def __iter__(self) -> Iterator[dict[str, Any]]:
        columns = list(self._frame.columns)
        # a slice at a time: iterating a whole column makes every one of its values a Python object
        for first in range(0, len(self._frame), _SLICE):
            for row in self._frame.iloc[first : first + _SLICE].itertuples(index=False, name=None):
                yield {c: json_safe(v) for c, v in zip(columns, row, strict=True)}

    def __len__(self) -> int:
        return len(self._frame)

    def __bool__(self) -> bool:
        return len(self._frame) > 0

    def __repr__(self) -> str:
        return f"<{len(self)} rows, made as they are written>"


def records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-safe dicts, keeping only the ``columns`` that exist (in that order).

    Inside :func:`streamed_records` the rows are made one at a time when they are written
    (:func:`write_json`) instead of all at once."""
    present = list(frame.columns) if columns is None else [c for c in columns if c in frame.columns]
    if _STREAMED.get():
        return _Rows(frame[present])
    return [
        {c: json_safe(v) for c, v in zip(present, row, strict=True)}
        for row in frame[present].itertuples(index=False, name=None)
    ]


@contextmanager
def streamed_records() -> Iterator[None]:
    """Within this block :func:`records` returns rows made as they are written: build a
    ``to_json()`` object here and pass it straight to :func:`write_json`."""
    token = _STREAMED.set(True)
    try:
        yield
    finally:
        _STREAMED.reset(token)


#: Characters of a string escaped and written at a time (an article's body may be 5 MB).
_PIECE = 1 << 16


def _in_pieces(value: Any) -> bool:
    """Whether ``value`` holds rows made as they are written or a long string (written a piece
    at a time rather than through one ``json.dumps``)."""
    if isinstance(value, _Rows) or (isinstance(value, str) and len(value) > _PIECE):
        return True
    if isinstance(value, dict):
        return any(_in_pieces(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_in_pieces(v) for v in value)
    return False


def write_json(value: Any, write: Callable[[str], Any], *, indent: int = 1) -> None:
    """Write ``value`` through ``write`` (say ``sys.stdout.write``) exactly as ``json.dump(value,
    handle, ensure_ascii=False, indent=indent, allow_nan=False)`` writes it, one piece at a time;
    rows of :func:`records` made inside :func:`streamed_records` are made only as they are written.
    A value that is not finite raises ``ValueError``, as ``json.dump`` does."""
    _write(value, write, 0, indent)


def _write(value: Any, write: Callable[[str], Any], level: int, indent: int) -> None:
    if isinstance(value, str) and len(value) > _PIECE:  # escaping is per character: pieces escape alike
        write('"')
        for start in range(0, len(value), _PIECE):
            write(json.dumps(value[start : start + _PIECE], ensure_ascii=False)[1:-1])
        write('"')
    elif isinstance(value, _Rows) or (isinstance(value, (list, tuple)) and _in_pieces(value)):
        items = iter(value)
        first = next(items, _END)
        if first is _END:
            write("[]")
            return
        inner = "\n" + " " * (indent * (level + 1))
        write("[" + inner)
        _write(first, write, level + 1, indent)
        for item in items:
            write("," + inner)
            _write(item, write, level + 1, indent)
        write("\n" + " " * (indent * level) + "]")
    elif isinstance(value, dict) and _in_pieces(value):
        inner = "\n" + " " * (indent * (level + 1))
        write("{")
        for number, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):  # json.dump writes other keys as text; ours are text already
                raise TypeError(f"write_json writes text keys only, not {type(key).__name__}")
            write(("," if number else "") + inner + json.dumps(key, ensure_ascii=False) + ": ")
            _write(item, write, level + 1, indent)
        write("\n" + " " * (indent * level) + "}")
    else:
        text = _encoder(indent).encode(value)
        write(text.replace("\n", "\n" + " " * (indent * level)) if level else text)


@cache
def _encoder(indent: int) -> json.JSONEncoder:
    """``json.dumps``'s encoder for these options, made once (a row at a time, it was made per row)."""
    return json.JSONEncoder(ensure_ascii=False, indent=indent, allow_nan=False)


_END = object()
