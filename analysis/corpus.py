"""Read article files into the two tables every analysis starts from.

``load_corpus`` is the only place in the package that reads article files. It validates each file
(encoding, binary content, size, HTML, front matter, empty body), separates boilerplate from the
body (see ``analysis.boilerplate``), splits sentences, and returns:

- ``articles``: one row an article — ``article_id, label, path, event, outlet, title, date, url,
  language, notes, body, boilerplate, syndicators, n_words, n_sentences``;
- ``sentences``: one row a sentence — ``article_id, sent_id, para_id, start, end, text,
  n_words``, with ``start``/``end`` indexing the article's cleaned ``body``.

Input files are opened read-only and never written to.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.boilerplate import KIND_EXPLANATIONS, clean_text, provenance_chain
from analysis.text import paragraph_spans, sentence_spans, word_spans

__all__ = [
    "CorpusError",
    "CorpusWarning",
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "load_corpus",
    "find_article_files",
    "read_article",
    "require_comparison",
    "articles_from_texts",
    "provenance",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")  # pages: analysis.inputs.pages
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
FRONT_MATTER_KEYS = ("title", "outlet", "date", "url", "language", "notes", "event", "author", "label")
_SKIP_NAMES = {"readme.md", "readme.txt", "license.txt", "license.md"}


class CorpusError(ValueError):
    """Bad input: a file that cannot be read as an article, or a corpus that cannot be compared."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CorpusWarning(UserWarning):
    """Input that loads, but that a reader should know about (duplicates, non-English text)."""


# ---------------------------------------------------------------------------------------------
# Finding and reading files
# ---------------------------------------------------------------------------------------------


def find_article_files(path_or_paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Article files named by ``path_or_paths``: files as given, folders searched recursively.

    Folders contribute their ``.txt`` and ``.md`` files, in sorted order, except READMEs and
    names starting with ``.`` or ``_``.
    """
    paths = [path_or_paths] if isinstance(path_or_paths, (str, Path)) else list(path_or_paths)
    if not paths:
        raise CorpusError("(no path)", "no article files or folders were given")
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise CorpusError(path, "no such file or folder")
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and p.name.lower() not in _SKIP_NAMES
                and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
                # a browser's "complete" save puts scripts and ad frames in NAME_files/
                and not any(part.endswith("_files") for part in p.relative_to(path).parent.parts)
            )
            if not found:
                raise CorpusError(path, "folder holds no article files (.txt, .md or saved .html pages)")
            files.extend(found)
        else:
            files.append(path)
    return files


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise CorpusError(path, "file is empty")
    sample = data[:8192]
    if b"\x00" in sample:
        raise CorpusError(path, "file is binary (contains NUL bytes), not a text article")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.05:
        raise CorpusError(path, "file looks binary (many control bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        byte = data[err.start]
        hint = ""
        try:
            data.decode("cp1252")
            hint = "; it looks like Latin-1/Windows-1252: re-save it as UTF-8"
        except UnicodeDecodeError:
            pass
        raise CorpusError(
            path, f"not UTF-8 text (byte 0x{byte:02x} at position {err.start}){hint}"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_HTML_SIGNS = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<div[\s>]|<p[\s>]", re.I)


def _parse_front_matter(path: Path, text: str) -> tuple[dict[str, str], str]:
    """Split optional ``---`` front matter from ``text``; returns (fields, rest)."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise CorpusError(path, "malformed front matter: the first line must be exactly '---'")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise CorpusError(path, "malformed front matter: no closing '---' line") from None
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:close], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not re.fullmatch(r"[a-z_]+", key):
            raise CorpusError(
                path, f"malformed front matter at line {number}: expected 'key: value', got {line!r}"
            )
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        fields[key] = value
    if "date" in fields and fields["date"]:
        try:
            date.fromisoformat(fields["date"][:10])
        except ValueError:
            raise CorpusError(
                path, f"malformed front matter: date {fields['date']!r} is not ISO (YYYY-MM-DD)"
            ) from None
    return fields, "\n".join(lines[close + 1 :])


def read_article(path: str | Path) -> dict[str, object]:
    """Read and validate one article file; returns one row of the articles table.

    Raises:
        CorpusError: the file is missing, too large, binary, not UTF-8, an HTML page, has
            malformed front matter or no body. The message names the file and the problem.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise CorpusError(path, f"cannot read file ({err.strerror})") from None
    if size > MAX_ARTICLE_BYTES:
        raise CorpusError(
            path,
            f"file is {size / 1024 / 1024:.1f} MB; an article should be under "
            f"{MAX_ARTICLE_BYTES // 1024 // 1024} MB (for a large corpus use load_many)",
        )
    try:
        with path.open("rb") as handle:  # read-only: input files are never modified
            data = handle.read()
    except OSError as err:
        raise CorpusError(path, f"cannot read file ({err.strerror})") from None
    if path.suffix.lower() in (".html", ".htm") and data.strip():
        from analysis.inputs.pages import page_text_and_meta  # the page's own charset decides

        body, meta = page_text_and_meta(data, source=path)
        return article_record(body, meta=meta, path=path)
    text = _decode(path, data)
    if _HTML_SIGNS.search(text[:4000]) and text.count("<") > 5:  # a saved page named .txt
        from analysis.inputs.pages import page_text_and_meta

        body, meta = page_text_and_meta(data, source=path)
        return article_record(body, meta=meta, path=path)
    meta, rest = _parse_front_matter(path, text)
    return article_record(rest, meta=meta, path=path)


def article_record(
    text: str, *, meta: dict[str, str] | None = None, path: str | Path = "(text)"
) -> dict[str, object]:
    """Build one articles-table row from an article's text (front matter already removed)."""
    meta = dict(meta or {})
    path = Path(path)
    cleaned = clean_text(text)
    body = cleaned.body
    if not body.strip():
        raise CorpusError(path, "no article text (the file is blank, or holds only boilerplate)")
    first_line = body.split("\n", 1)[0].strip()
    title = meta.get("title") or (first_line if len(first_line) <= 200 else first_line[:200] + "…")
    outlet = meta.get("outlet") or re.sub(r"[_\-]+", " ", path.stem).strip() or "unknown"
    return {
        "article_id": path.stem,
        "path": str(path),
        "event": meta.get("event") or (path.parent.name if path.parent.name else ""),
        "outlet": outlet,
        "title": title,
        "date": meta.get("date", ""),
        "url": meta.get("url", ""),
        "author": meta.get("author", ""),
        "language": meta.get("language", ""),
        "notes": meta.get("notes", ""),
        "label": meta.get("label", ""),
        "body": body,
        "boilerplate": [piece.to_dict() for piece in cleaned.removed],
        "syndicators": provenance_chain(body, cleaned.removed),
        **{k: v for k, v in meta.items() if k not in FRONT_MATTER_KEYS},
    }


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

_SENTENCE_COLUMNS = ["article_id", "sent_id", "para_id", "start", "end", "text", "n_words"]


def sentence_rows(article_id: str, body: str) -> list[tuple]:
    """The sentence-table rows of one body (see the module docstring for the columns)."""
    paragraphs = paragraph_spans(body)
    rows = []
    para = 0
    for sent_id, (start, end) in enumerate(sentence_spans(body)):
        while para + 1 < len(paragraphs) and start >= paragraphs[para + 1][0]:
            para += 1
        piece = body[start:end]
        rows.append((article_id, sent_id, para, start, end, piece, len(word_spans(piece))))
    return rows


def _tables(records: list[dict[str, object]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows: list[tuple] = []
    for record in records:
        sents = sentence_rows(str(record["article_id"]), str(record["body"]))
        record["n_words"] = sum(r[-1] for r in sents)
        record["n_sentences"] = len(sents)
        rows.extend(sents)
    _labels(records)
    articles = pd.DataFrame.from_records(records)
    if articles.empty:
        articles = pd.DataFrame(columns=["article_id", "body", "n_words", "n_sentences"])
    sentences = pd.DataFrame.from_records(rows, columns=_SENTENCE_COLUMNS)
    return articles.reset_index(drop=True), sentences


def _labels(records: list[dict[str, object]]) -> None:
    """Give every article a short, unique ``label`` for the pages a person reads (see
    ``analysis.present``): its front-matter label, else a letter by position with the outlet."""
    from analysis.present import default_label

    seen: set[str] = set()
    for i, record in enumerate(records):
        label = str(record.get("label") or "").strip() or default_label(i, record.get("outlet"))
        base, n = label, 2
        while label in seen:
            label, n = f"{base} ({n})", n + 1
        record["label"] = label
        seen.add(label)


def _unique_ids(records: list[dict[str, object]]) -> None:
    """Make article ids unique by prefixing the parent folder (then a counter) on clashes."""
    seen: dict[str, int] = {}
    for record in records:
        base = str(record["article_id"])
        if base in seen:
            parent = Path(str(record["path"])).parent.name
            candidate = f"{parent}/{base}" if parent else base
            n = 2
            while candidate in seen:
                candidate = f"{parent}/{base}-{n}"
                n += 1
            record["article_id"] = candidate
        seen[str(record["article_id"])] = 1


def _drop_duplicates_and_warn(records: list[dict[str, object]]) -> list[dict[str, object]]:
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
        from analysis.inputs.language import assign_language

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
    _unique_ids(records)
    return _tables(_drop_duplicates_and_warn(records))


def load_corpus(
    path_or_paths: str | Path | Iterable[str | Path], **options: object
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load articles into ``(articles, sentences)`` DataFrames.

    Takes article files and event folders, saved web pages and URLs, tables (CSV, TSV, JSON
    Lines, Parquet) and RSS/Atom feeds, mixed; ``options`` (``text_column``, ``id_column``,
    ``timeout``, ``save_dir``) go to ``analysis.inputs.read_inputs``.

    Duplicated articles (same text) are kept once, with a ``CorpusWarning``; so is text that
    does not look like English. Every other problem raises ``CorpusError`` naming the file.

    >>> articles, sentences = load_corpus("corpus/2025-06-spiderweb-istanbul")  # doctest: +SKIP
    """
    from analysis.inputs import read_inputs

    records = read_inputs(path_or_paths, **options)
    _unique_ids(records)
    return _tables(_drop_duplicates_and_warn(records))


def require_comparison(articles: pd.DataFrame, *, minimum: int = 2) -> None:
    """Raise ``CorpusError`` unless there are at least ``minimum`` articles to compare."""
    if len(articles) < minimum:
        where = ", ".join(str(p) for p in articles.get("path", [])) or "(input)"
        found = "one article" if len(articles) == 1 else f"{len(articles)} articles"
        raise CorpusError(
            where,
            f"a comparison needs at least {minimum} different articles; found {found} "
            "(add another file, or a folder holding several)",
        )


def provenance(articles: pd.DataFrame) -> pd.DataFrame:
    """What was removed from each article, and why: ``article_id, kind, why, n_words, text``.

    The removed text is evidence about where an article came from (a syndicator's disclaimer, a
    "Similar Posts" link from the page it was scraped from); read it, do not just discard it.
    """
    rows = [
        (
            article_id,
            piece["kind"],
            KIND_EXPLANATIONS.get(piece["kind"], piece["kind"]),
            len(word_spans(piece["text"])),
            piece["text"],
        )
        for article_id, pieces in zip(articles["article_id"], articles["boilerplate"], strict=True)
        for piece in pieces
    ]
    return pd.DataFrame(rows, columns=["article_id", "kind", "why", "n_words", "text"])
