"""Every way an article comes in: ``load_corpus`` (the two tables, from anything below),
``read_inputs`` (the records behind it) and ``articles_from_texts`` (texts in memory).

- article files (``.txt``, ``.md``) and event folders: ``read_article`` (``analysis.inputs.files``;
  plain files are read by ``analysis.corpus.text_article``);
- web pages saved from a browser (``.html``) and URLs: ``analysis.inputs.pages``;
- tables (CSV, TSV, JSON Lines, Parquet; ``.gz`` too), one row an article: ``analysis.inputs.tables``
  and ``analysis.inputs.loaders`` (public as ``analysis.loaders``: corpora of thousands, streamed);
- RSS and Atom feeds (a file or a URL), one article an item: ``analysis.inputs.feeds``;
- the language of each article: ``analysis.inputs.language``.

Each becomes one row of the articles table (``analysis.corpus.article_record``), with the same
cleaning. A table is never read as one article, and a URL is never taken for a file name.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict, Unpack

import pandas as pd

from analysis.atomic import write_text_atomic
from analysis.corpus import (
    CorpusError,
    CorpusWarning,
    _stat_problem,
    article_record,
    article_tables,
    find_article_files,
    make_ids_unique,
    read_bounded,
)
from analysis.inputs.feeds import FEED_SUFFIXES, item_article, looks_like_feed, parse_feed
from analysis.inputs.files import read_article
from analysis.inputs.language import assign_language
from analysis.inputs.loaders import iter_articles
from analysis.inputs.pages import (
    FETCH_TIMEOUT,
    MAX_PAGE_BYTES,
    fetch,
    is_url,
    looks_like_html,
    page_text_and_meta,
)
from analysis.inputs.tables import is_table

__all__ = ["InputOptions", "articles_from_texts", "input_kind", "load_corpus", "read_article", "read_inputs",
           "save_articles"]


def _kept_once(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """The records with each text kept once (a ``CorpusWarning`` for each repeat), each given its
    language (``analysis.inputs.language``; a warning when it is not English)."""
    kept: list[dict[str, object]] = []
    by_hash: dict[str, str] = {}
    for record in records:
        digest = hashlib.sha1(
            re.sub(r"\s+", " ", str(record["body"])).strip().lower().encode()
        ).hexdigest()
        if digest in by_hash:
            warnings.warn(
                f"{record['path']}: same article text as {by_hash[digest]}; it is counted once",
                CorpusWarning,
                stacklevel=3,
            )
            continue
        by_hash[digest] = str(record["path"])
        note = assign_language(record)  # front matter wins; else detected
        if note:
            warnings.warn(note, CorpusWarning, stacklevel=3)
        kept.append(record)
    return kept


def articles_from_texts(
    texts: dict[str, str] | Iterable[tuple[str, str]], *, meta: dict[str, dict[str, str]] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build the two tables from in-memory texts: ``{article_id: text}``.

    Useful in notebooks and tests (a crafted pair of sentences) and for loaders that read
    other formats. The text goes through the same cleaning and splitting as a file.
    """
    items = texts.items() if isinstance(texts, dict) else texts
    records = []
    for article_id, text in items:
        record = article_record(text, meta=(meta or {}).get(article_id), path=article_id)
        record["path"] = ""
        records.append(record)
    make_ids_unique(records)
    return article_tables(_kept_once(records))


class InputOptions(TypedDict, total=False):
    """How ``load_corpus`` reads its inputs (the keywords of :func:`read_inputs`)."""

    text_column: str | None
    id_column: str | None
    timeout: float
    save_dir: str | Path | None


def load_corpus(
    path_or_paths: str | Path | Iterable[str | Path], **options: Unpack[InputOptions]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load articles into ``(articles, sentences)`` DataFrames.

    Takes article files and event folders, saved web pages and URLs, tables (CSV, TSV, JSON
    Lines, Parquet) and RSS/Atom feeds, mixed; ``options`` (``text_column``, ``id_column``,
    ``timeout``, ``save_dir``) go to :func:`read_inputs`.

    Duplicated articles (same text) are kept once, with a ``CorpusWarning``; so is text that
    does not look like English. Every other problem raises ``CorpusError`` naming the file.

    >>> articles, sentences = load_corpus("corpus/2025-06-spiderweb-istanbul")  # doctest: +SKIP
    """
    records = read_inputs(path_or_paths, **options)
    make_ids_unique(records)
    return article_tables(_kept_once(records))


def input_kind(item: str | Path) -> str:
    """``url``, ``folder``, ``table``, ``feed``, ``page`` or ``article`` for one input."""
    if is_url(str(item)):
        return "url"
    path = Path(item)
    if path.is_dir():
        return "folder"
    if is_table(path):
        return "table"
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in (".html", ".htm"):
        return "page"
    return "article"


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def _url_id(url: str) -> str:
    path = re.sub(r"(?i)^https?://", "", url).split("?", 1)[0].rstrip("/")
    host, _, rest = path.partition("/")
    last = rest.rsplit("/", 1)[-1].rsplit(".", 1)[0] if rest else ""
    return _slug(f"{host.removeprefix('www.').split('.')[0]}-{last}" if last else host, "page")


def _page_record(data: bytes, *, source: str, url: str | None, fetched: bool, raw: dict) -> dict[str, object]:
    text, meta = page_text_and_meta(data, source=source, url=url, fetched=fetched)
    record = article_record(text, meta=meta, path=_url_id(meta.get("url") or source))
    record["path"] = source
    raw[id(record)] = (text, meta, data)
    return record


def _feed_records(data: bytes, *, source: str, timeout: float, raw: dict) -> list[dict[str, object]]:
    title, items = parse_feed(data, source=source)

    def fetch_page(link: str) -> tuple[str, dict[str, str]]:
        page, final, _ = fetch(link, timeout=timeout)
        text, meta = page_text_and_meta(page, source=link, url=final, fetched=True)
        pages[link] = page
        return text, meta

    pages: dict[str, bytes] = {}
    records, problems = [], []
    for number, item in enumerate(items, start=1):
        try:
            text, meta = item_article(item, feed_title=title, source=source, fetch_page=fetch_page)
        except CorpusError as err:
            problems.append(str(err))
            continue
        record = article_record(text, meta=meta, path=_slug(item.title or item.link, f"item-{number}"))
        record["path"] = f"{source}#{number}"
        raw[id(record)] = (text, meta, pages.get(item.link))
        records.append(record)
    if not records:
        raise CorpusError(source, f"no item of the feed could be read ({problems[0]})")
    if problems:
        warnings.warn(
            f"{source}: skipped {len(problems)} of {len(items)} feed items, e.g. {problems[0]}",
            CorpusWarning,
            stacklevel=3,
        )
    return records


def read_inputs(
    path_or_paths: str | Path | Iterable[str | Path],
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    timeout: float = FETCH_TIMEOUT,
    save_dir: str | Path | None = None,
) -> list[dict[str, object]]:
    """One articles-table row for every article named by ``path_or_paths``.

    Args:
        path_or_paths: article files, event folders, saved pages, tables, feeds and URLs, mixed.
        text_column, id_column: for tables (see ``analysis.inputs.loaders.iter_articles``).
        timeout: seconds to wait for each URL.
        save_dir: write every article that came from the web (a URL or a feed) there as a
            ``.txt`` file with its front matter, and the page itself under ``_pages/``, so the
            comparison can be repeated offline with ``compare SAVE_DIR``.

    Raises:
        CorpusError: one line naming the input and the problem.
    """
    items = [path_or_paths] if isinstance(path_or_paths, (str, Path)) else list(path_or_paths)
    if not items:
        raise CorpusError("(no path)", "no article files or folders were given")
    records: list[dict[str, object]] = []
    raw: dict[int, tuple] = {}
    web: list[dict[str, object]] = []
    for item in items:
        kind = input_kind(item)
        if kind == "url":
            url = str(item).strip()
            data, final, content_type = fetch(url, timeout=timeout)
            if looks_like_feed(data) or re.search(r"(rss|atom)\+xml", content_type):
                found = _feed_records(data, source=url, timeout=timeout, raw=raw)
            elif looks_like_html(data) or "html" in content_type:
                found = [_page_record(data, source=url, url=final, fetched=True, raw=raw)]
            else:
                raise CorpusError(url, f"not a web page or a feed (the server sent {content_type or 'no type'})")
            records.extend(found)
            web.extend(found)
            continue
        path = Path(item)
        if not os.path.lexists(path) or _stat_failure(path):
            if os.path.lexists(path):  # a symbolic link loop or a link to nothing: say which
                raise CorpusError(path, _stat_failure(path) or "cannot read file")
            if re.match(r"(?i)https?:/[^/]", str(item)):
                raise CorpusError(item, "looks like a URL with a slash missing (write https://…)")
            raise CorpusError(path, "no such file or folder")
        if kind == "folder":
            records.extend(read_article(file) for file in find_article_files(path))
        elif kind == "table":
            records.extend(iter_articles(path, text_column=text_column, id_column=id_column, errors="raise"))
        elif kind == "feed" or (kind == "article" and _sniff_feed(path)):
            data = read_bounded(path, limit=MAX_PAGE_BYTES)  # a regular file, read at most this much
            found = _feed_records(data, source=str(path), timeout=timeout, raw=raw)
            records.extend(found)
            web.extend(r for r in found if raw.get(id(r), (None, None, None))[2] is not None)
        else:
            _refuse_table_named_as_article(path)
            records.append(read_article(path))
    if save_dir is not None and web:
        save_articles(web, raw, save_dir)
    return records


_SEPARATORS = (",", "\t", ";", "|")


def _refuse_table_named_as_article(path: Path) -> None:
    """A table saved under an article's name (``articles.txt`` holding CSV) is an error, never one
    article: its first line is a header of short column names, one a text column, and the next
    line has as many separators."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # never open a pipe or a device to look at it
            return
        with path.open("rb") as handle:
            lines = [handle.readline(65536).decode("utf-8", "ignore").lstrip("\ufeff").rstrip("\r\n")
                     for _ in range(2)]
    except OSError:
        return
    first, second = lines
    for sep in _SEPARATORS:
        columns = [c.strip().strip('"').lower() for c in first.split(sep)]
        if len(columns) < 2 or second.count(sep) < len(columns) - 1:
            continue
        if not all(re.fullmatch(r"\w+(?: \w+){0,2}", c) and len(c) <= 32 for c in columns):
            continue
        if {"text", "body", "content"} & set(columns):
            kind = "TSV" if sep == "\t" else "CSV"
            raise CorpusError(
                path, f"looks like a table ({kind} header: {', '.join(columns[:6])}), not an article; "
                f"name it .{kind.lower()} to read one article a row"
            )


def _stat_failure(path: Path) -> str | None:
    """Why ``path`` cannot be looked at (a symbolic link loop, a dangling link), or None."""
    try:
        os.stat(path)
    except OSError as err:
        return _stat_problem(err)
    return None


def _sniff_feed(path: Path) -> bool:
    try:  # never open a pipe or a device to look at it: read_article refuses those
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(4096))
    except OSError:
        return False


def _front_matter(meta: dict[str, str]) -> str:
    lines = ["---"]
    for key, value in meta.items():
        value = re.sub(r"\s+", " ", str(value)).strip()
        if value and re.fullmatch(r"[a-z_]+", key):
            lines.append(f"{key}: {value}")
    return "\n".join([*lines, "---", ""])


def save_articles(records: list[dict[str, object]], raw: dict[int, tuple], folder: str | Path) -> list[Path]:
    """Write web articles as ``.txt`` files with front matter (and their pages under ``_pages/``)."""
    folder = Path(folder)
    (folder / "_pages").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for record in records:
        text, meta, page = raw[id(record)]
        base = name = _slug(str(record["article_id"]), "article")
        number = 2
        while name in used:  # two pages with the same slug: both kept
            name, number = f"{base}-{number}", number + 1
        used.add(name)
        written.append(write_text_atomic(folder / f"{name}.txt", _front_matter(meta) + text))
        if page is not None:
            (folder / "_pages" / f"{name}.html").write_bytes(page)
    return written
