"""Load many articles: a folder tree, a CSV file or a JSON Lines file, streamed.

Public as ``analysis.loaders`` (a re-export of this module's names); it lives under
``analysis.inputs`` because it reads each file with ``analysis.inputs.files.read_article`` and
``analysis.inputs.read_inputs`` reads tables through it.

``analysis.inputs.load_corpus`` reads a handful of files into memory with their sentences; these
loaders are for corpora of thousands of articles. They read one file, one CSV chunk or one line
at a time and yield one article record (a dict: ``article_id, path, outlet, title, date, url,
body`` … and every metadata column of the source), so a corpus never has to fit in memory before
it is measured: pass the iterator straight to ``analysis.scale.features``.

Every body goes through the same cleaning as a single file (``analysis.corpus.article_record``:
boilerplate split off), so figures computed at scale match the ones the notebooks show for one
article.

Sources:

- **folder tree**: every ``.txt``/``.md`` under a folder (sub-folders too), as ``load_corpus``
  finds them; ``folder`` holds the sub-folder path, so a tree laid out ``<outlet>/<file>.txt`` can
  be grouped by ``folder``;
- **CSV** (``.csv``, ``.csv.gz``, ``.tsv``): one row an article, a text column (``text_column``,
  default: the first of ``text``, ``body``, ``content``) and any metadata columns, read in chunks;
- **JSON Lines** (``.jsonl``, ``.ndjson``, optionally ``.gz``): one JSON object a line, same
  columns. JSON Lines is the format to prefer for large corpora: a line is a record, so the file
  can be split anywhere between lines (Dask does, see ``analysis.scale.features_dask``).

What this cannot do: guess which column holds the text when none is named ``text``, ``body`` or
``content``; repair encodings (a file that is not UTF-8 is an error naming it); fetch anything
from the web.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import re
import warnings
import zlib
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from analysis.corpus import (
    COMPUTED_FIELDS,
    CorpusError,
    CorpusWarning,
    _kind_of,
    article_record,
    find_article_files,
    stat_path,
    stat_regular_file,
)
from analysis.inputs.files import read_article
from analysis.inputs.tables import parquet_rows

__all__ = ["TEXT_COLUMNS", "iter_articles", "iter_batches", "load_dask", "load_many", "source_format"]

#: Column names taken as the article text when ``text_column`` is not given (first found wins).
TEXT_COLUMNS = ("text", "body", "content")

Errors = Literal["raise", "warn", "skip"]
Format = Literal["folder", "csv", "jsonl", "parquet"]


def source_format(source: str | Path) -> Format:
    """``"folder"``, ``"csv"`` or ``"jsonl"`` for a path, from what it is and its suffix."""
    path = Path(source)
    if path.is_dir():
        return "folder"
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".csv", ".tsv")):
        return "csv"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    raise CorpusError(path, "unknown corpus format: give a folder, a .csv/.tsv, a .jsonl or a .parquet file")


def _open_binary(path: Path) -> io.BufferedIOBase:
    """The file's bytes (decompressed for ``.gz``); only a regular file is opened."""
    stat_regular_file(path)
    try:  # closed by the caller's ``with``
        return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115
    except OSError as err:
        raise CorpusError(path, f"cannot read file ({err.strerror})") from None


def _lines(path: Path) -> Iterator[tuple[int, str | None, str | None]]:
    """``(line number, text, problem)`` for each line of a text file: a line that is not UTF-8
    has ``text`` None and its problem; a truncated or corrupt gzip stream ends with a problem."""
    number = 0
    with _open_binary(path) as handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                try:
                    yield number, raw.decode("utf-8"), None
                except UnicodeDecodeError as err:
                    yield number, None, f"not UTF-8 text (byte 0x{raw[err.start]:02x} at column {err.start + 1})"
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as err:
            reason = "truncated" if isinstance(err, EOFError) else "corrupt"
            yield number + 1, None, f"{reason} gzip archive: nothing after line {number} can be read"


def _csv_rows(path: Path, *, chunksize: int) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, row) of a CSV file, one row at a time; a row that cannot be read (not
    UTF-8, wrong number of fields, a truncated archive) yields its problem as a string.
    ``chunksize`` is kept for compatibility: rows are streamed."""
    del chunksize
    sep = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    problems: dict[int, str] = {}

    def text_lines() -> Iterator[str]:
        for number, line, problem in _lines(path):
            if problem is not None:
                problems[number] = problem
                yield "\n"  # stands in for the bad line; the record holding it is skipped
                continue
            yield line  # type: ignore[misc]

    reader = csv.reader(text_lines(), delimiter=sep, quotechar='"', strict=False)
    header: list[str] | None = None
    while True:
        before = reader.line_num
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            yield reader.line_num, f"malformed CSV row ({err})"
            continue
        line = reader.line_num
        bad = sorted(n for n in problems if before < n <= line)
        if bad:
            for n in bad:
                yield n, problems.pop(n)
            continue
        if not fields:
            continue
        if header is None:
            header = [h.strip() for h in fields]
            continue
        if len(fields) != len(header):
            yield line, f"malformed CSV row: {len(fields)} fields where the header has {len(header)}"
            continue
        yield before + 1, dict(zip(header, fields, strict=True))
    for n in sorted(problems):
        yield n, problems[n]
    if header is None:
        raise CorpusError(path, "CSV file is empty (no header row)")


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, object) of a JSON Lines file; a line that is not a JSON object (not UTF-8,
    not JSON, not an object, or cut off by a truncated archive) yields its problem as a string."""
    for number, line, problem in _lines(path):
        if problem is not None:
            yield number, problem
            continue
        assert line is not None
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            yield number, f"not valid JSON ({err.msg})"
            continue
        yield number, value if isinstance(value, dict) else "a line must hold a JSON object"


def _pick_text_column(columns: Iterable[str], text_column: str | None, path: Path | str) -> str:
    columns = list(columns)
    if text_column is not None:
        if text_column not in columns:
            raise CorpusError(path, f"no column {text_column!r} (columns: {', '.join(columns)})")
        return text_column
    for name in TEXT_COLUMNS:
        if name in columns:
            return name
    raise CorpusError(
        path, f"no text column: name it with text_column= (columns: {', '.join(columns) or 'none'})"
    )


def _row_record(
    row: dict[str, Any], *, text_column: str, id_column: str | None, fallback_id: str, path: Path, clean: bool
) -> dict[str, object]:
    text = row.get(text_column)
    if text is None:
        text = ""
    if not isinstance(text, str):  # a number, list or object is not an article (never its repr)
        raise CorpusError(fallback_id, f"the {text_column!r} value must be text, not {_kind_of(text)}")
    meta = {}
    for k, v in row.items():
        if k == text_column or isinstance(v, (dict, list)):
            continue
        key = str(k).strip().lower()
        # a column named like a computed field (body, boilerplate, n_words …) is kept under
        # source_<name>: it must not replace what is measured
        meta[f"source_{key}" if key in COMPUTED_FIELDS and key != "article_id" else key] = (
            "" if v is None else str(v)
        )
    article_id = str(row.get(id_column, "")).strip() if id_column else ""
    article_id = article_id or fallback_id
    meta.pop("article_id", None)
    if id_column:
        meta.pop(id_column.strip().lower(), None)
    if clean:
        record = article_record(text, meta=meta, path=fallback_id)
    else:
        if not text.strip():
            raise CorpusError(fallback_id, "no article text")
        record = {"outlet": meta.get("outlet") or "unknown", "title": meta.get("title", ""), **meta,
                  "body": text}
    record["article_id"] = article_id
    record["path"] = f"{path}:{fallback_id.rsplit(':', 1)[-1]}"
    record.setdefault("event", meta.get("event", ""))
    return record


def iter_articles(
    source: str | Path,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    errors: Errors = "warn",
    dedupe: bool = True,
    clean: bool = True,
    chunksize: int = 1000,
    limit: int | None = None,
) -> Iterator[dict[str, object]]:
    """Yield one article record at a time from a folder tree, a CSV or a JSON Lines file.

    Args:
        source: a folder (every ``.txt``/``.md`` below it), a ``.csv``/``.tsv`` or a
            ``.jsonl`` file (``.gz`` compressed too).
        text_column: the column holding the article text (CSV/JSON Lines); default the first of
            ``text``, ``body``, ``content``. Every other column is kept as metadata (lower-cased
            names: ``outlet``, ``date``, ``title``, ``url`` have their usual meaning).
        id_column: a column of unique ids; default ``<file stem>-<row number>``.
        errors: what to do with an article that cannot be read (empty text, bad JSON line, bad
            file in a folder): ``"raise"`` a ``CorpusError`` naming the file and row, ``"warn"``
            (skip it, and warn once at the end with how many and which), or ``"skip"`` silently.
        dedupe: keep the first of articles with the same text (syndicated copies), with one
            warning at the end counting the rest.
        clean: split boilerplate off each CSV/JSON Lines body as ``load_corpus`` does
            (default). With ``clean=False`` the text is taken as it is (files in a folder are
            always cleaned, as ``load_corpus`` cleans them).
        chunksize: CSV rows read at a time.
        limit: stop after this many articles.

    Records have the columns of ``load_corpus``'s articles table except the sentence counts
    (``analysis.scale.features`` computes those). Ids are made unique (``-2``, ``-3`` … on clashes).
    """
    path = Path(source)
    stat_path(path)
    fmt = source_format(path)
    problems: list[str] = []
    where: list[str] = []  # line numbers (or files) of the records skipped
    n_problems = 0
    duplicates = 0
    seen_text: set[bytes] = set()
    seen_ids: set[str] = set()

    def rows() -> Iterator[dict[str, object] | CorpusError]:
        if fmt == "folder":
            for file in find_article_files(path):
                try:
                    record = read_article(file)
                except CorpusError as err:
                    yield err
                    continue
                relative = file.parent.relative_to(path)
                record["folder"] = "" if str(relative) == "." else relative.as_posix()
                yield record
            return
        stem = path.name.split(".")[0]
        if fmt == "parquet":
            raw: Iterator[tuple[int, dict[str, Any] | str]] = parquet_rows(path, chunksize=chunksize)
        else:
            raw = _csv_rows(path, chunksize=chunksize) if fmt == "csv" else _jsonl_rows(path)
        column: str | None = None
        for number, row in raw:
            where = f"{stem}:{number}"
            if isinstance(row, str):
                yield CorpusError(f"{path}:{number}", row)
                continue
            if fmt != "jsonl" and column is None:  # a header names the columns of every row
                column = _pick_text_column(row.keys(), text_column, path)
            try:
                if fmt == "jsonl":  # every line names its own fields: a line without text is one bad record
                    column = _pick_text_column(row.keys(), text_column, f"{path}:{number}")
                assert column is not None
                yield _row_record(
                    row, text_column=column, id_column=id_column, fallback_id=where, path=path, clean=clean
                )
            except CorpusError as err:
                yield CorpusError(f"{path}:{number}", err.problem)

    produced = 0
    for item in rows():
        if isinstance(item, CorpusError):
            if errors == "raise":
                raise item
            n_problems += 1
            if len(problems) < 5:
                problems.append(str(item))
            if len(where) < 20:
                where.append(item.path.rsplit(":", 1)[-1] if item.path.startswith(f"{path}:") else item.path)
            continue
        body = str(item["body"])
        if dedupe:
            digest = hashlib.blake2b(re.sub(r"\s+", " ", body).strip().lower().encode(), digest_size=16).digest()
            if digest in seen_text:
                duplicates += 1
                continue
            seen_text.add(digest)
        base = str(item["article_id"])
        article_id, n = base, 2
        while article_id in seen_ids:
            article_id, n = f"{base}-{n}", n + 1
        seen_ids.add(article_id)
        item["article_id"] = article_id
        yield item
        produced += 1
        if limit is not None and produced >= limit:
            break
    if n_problems and errors == "warn":
        warnings.warn(
            f"{path}: skipped {n_problems} article(s) that could not be read "
            f"(at {', '.join(where)}{' …' if n_problems > len(where) else ''}), e.g. " + "; ".join(problems),
            CorpusWarning,
            stacklevel=2,
        )
    if duplicates:
        warnings.warn(
            f"{path}: {duplicates} article(s) repeat an earlier article's text; each is counted once",
            CorpusWarning,
            stacklevel=2,
        )


def iter_batches(
    articles: Iterable[dict[str, object]] | pd.DataFrame, *, size: int = 500
) -> Iterator[pd.DataFrame]:
    """Group records (from :func:`iter_articles`) into DataFrames of ``size`` rows."""
    if isinstance(articles, pd.DataFrame):
        for first in range(0, len(articles), size):
            yield articles.iloc[first : first + size]
        return
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield pd.DataFrame.from_records(batch)


def load_many(source: str | Path, **options: Any) -> pd.DataFrame:
    """Every article of ``source`` as one articles table (see :func:`iter_articles` for options).

    This holds every body in memory; for a corpus that does not fit, pass
    ``iter_articles(source)`` to ``analysis.scale.features`` instead, or use Dask
    (``analysis.scale.features_dask``).

    >>> articles = load_many("articles.jsonl", text_column="text")  # doctest: +SKIP
    """
    records = list(iter_articles(source, **options))
    if not records:
        return pd.DataFrame(columns=["article_id", "path", "outlet", "title", "date", "body"])
    return pd.DataFrame.from_records(records).reset_index(drop=True)


def load_dask(source: str | Path, *, blocksize: str | int | None = "64MB", **options: Any) -> Any:
    """A JSON Lines, CSV or Parquet corpus as a lazy Dask DataFrame, read in partitions.

    JSON Lines files are split every ``blocksize`` bytes at line ends, so one large file spreads
    over many workers. CSV files are read one partition per file (``blocksize=None``): a quoted
    article text may hold line breaks, and a CSV cannot be split safely at a byte offset. A
    glob (``"corpus/*.jsonl"``) reads many files. Pass the result to
    ``analysis.scale.features_dask``. Other ``options`` go to Dask's reader.
    """
    try:
        import dask.dataframe as dd  # optional: the `scale` extra
    except ModuleNotFoundError:
        raise ModuleNotFoundError("load_dask needs Dask: pip install 'source-bias-suite[scale]' (or dask[dataframe])") from None

    text = str(source)
    name = text.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson", ".json")):
        if text.lower().endswith(".gz"):
            blocksize = None  # a gzip stream cannot be split
        return dd.read_json(text, lines=True, blocksize=blocksize, **options)
    if name.endswith((".parquet", ".pq")):
        return dd.read_parquet(text, **options)
    if name.endswith((".csv", ".tsv")):
        sep = "\t" if name.endswith(".tsv") else ","
        return dd.read_csv(text, sep=sep, blocksize=None, dtype=str, keep_default_na=False, **options)
    raise CorpusError(source, "load_dask reads .jsonl, .csv or .parquet files (a folder tree: use iter_articles)")
