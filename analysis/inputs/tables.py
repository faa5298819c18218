"""Articles from tables: CSV, TSV, JSON Lines (gzip too) and Parquet, one row an article.

``analysis.loaders.iter_articles`` streams the rows; this module adds Parquet (read a row group
at a time with pyarrow) and splits a loaded corpus into groups (``--group-column``: one comparison
per event, per day, per desk …).

What this cannot do: guess the text column when none is named ``text``, ``body`` or ``content``
(name it); read spreadsheets (.xlsx: save as CSV first).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus import CorpusError

__all__ = ["TABLE_SUFFIXES", "is_table", "parquet_rows", "split_groups"]

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq")


def is_table(path: str | Path) -> bool:
    """True for a file named as a table (``.csv``, ``.tsv``, ``.jsonl``, ``.parquet`` …, ``.gz`` too)."""
    return Path(path).name.lower().removesuffix(".gz").endswith(TABLE_SUFFIXES)


def parquet_rows(path: Path, *, chunksize: int = 1000) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number from 1, row) of a Parquet file, ``chunksize`` rows at a time."""
    import pyarrow as pa  # Parquet only (heavy)
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
        number = 0
        for batch in handle.iter_batches(batch_size=chunksize):
            for row in batch.to_pylist():
                number += 1
                yield number, {k: ("" if v is None else v) for k, v in row.items()}
    except (pa.ArrowInvalid, pa.ArrowIOError, OSError) as err:
        raise CorpusError(path, f"not a readable Parquet file ({str(err).splitlines()[0]})") from None


def split_groups(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, by: str
) -> Iterator[tuple[str, pd.DataFrame, pd.DataFrame]]:
    """``(group value, articles, sentences)`` for each value of the ``by`` column, in first-seen order.

    Raises:
        CorpusError: no column ``by`` in the articles table.
    """
    column = by.strip().lower()
    if column not in articles.columns:
        shown = ", ".join(c for c in articles.columns if c not in ("body", "boilerplate"))
        raise CorpusError(by, f"no column {by!r} to group by (columns: {shown})")
    keys = articles[column].fillna("").astype(str)
    for value in dict.fromkeys(keys):
        part = articles[keys == value].reset_index(drop=True)
        ids = set(part["article_id"])
        yield value, part, sentences[sentences["article_id"].isin(ids)].reset_index(drop=True)
