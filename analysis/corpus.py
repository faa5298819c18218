"""The two tables every analysis starts from, and the article files they are read from.

This module makes one articles-table row from an article's text (``article_record``: the
boilerplate separated from the body, see ``analysis.boilerplate``), finds article files in
folders, reads a plain article file (encoding, binary content, size, front matter, empty body:
``text_article``) and builds the tables (``article_tables``):

- ``articles``: one row an article — ``article_id, label, path, event, outlet, title, date, url,
  language, notes, body, boilerplate, syndicators, n_words, n_sentences``;
- ``sentences``: one row a sentence — ``article_id, sent_id, para_id, start, end, text,
  n_words``, with ``start``/``end`` indexing the article's cleaned ``body``.

Every way in (files, folders, saved pages, URLs, tables, feeds, texts in memory) builds on it in
``analysis.inputs``: ``load_corpus`` and ``articles_from_texts`` live there (and in
``from analysis import …``). Input files are opened read-only and never written to.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.boilerplate import KIND_EXPLANATIONS, clean_text, provenance_chain
from analysis.present import default_label
from analysis.text import paragraph_spans, sentence_spans, word_spans

__all__ = [
    "CorpusError",
    "CorpusWarning",
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "article_record",
    "article_tables",
    "find_article_files",
    "make_ids_unique",
    "read_bounded",
    "require_comparison",
    "provenance",
    "text_article",
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
        super().__init__(f"{_one_line(self.path)}: {_one_line(problem)}")


def _one_line(text: str) -> str:
    """``text`` as it is when printable, else its ``repr`` (a file name holding a line break or
    a control character stays on one line, and visible)."""
    return text if text.isprintable() else repr(text)


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
        stat_path(path)
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


#: Byte-order marks of the Unicode encodings other than UTF-8, longest first (UTF-32 LE starts
#: with UTF-16 LE's mark). Windows Notepad's "Unicode" saves UTF-16 LE with a mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _likely_encoding(data: bytes) -> str:
    """A guess at the encoding of bytes that are not UTF-8, for the error message."""
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4 and odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.1:
        return "it looks like UTF-16 (little-endian) without a byte-order mark: re-save it as UTF-8"
    if len(sample) >= 4 and even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.1:
        return "it looks like UTF-16 (big-endian) without a byte-order mark: re-save it as UTF-8"
    for codec, name in (("shift_jis", "Shift JIS (Japanese)"), ("gb18030", "GB18030 (Chinese)"),
                        ("euc_kr", "EUC-KR (Korean)")):
        if sum(b >= 0x80 for b in sample) > len(sample) * 0.3:
            try:
                sample.decode(codec)
                return f"it looks like {name}: re-save it as UTF-8"
            except UnicodeDecodeError:
                continue
    try:
        data.decode("cp1252")
        return "it looks like Latin-1/Windows-1252: re-save it as UTF-8"
    except UnicodeDecodeError:
        return "re-save it as UTF-8"


def _decode(path: Path, data: bytes) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise CorpusError(path, f"not valid {name} text ({err.reason} at byte {err.start})") from None
            if not text.strip():
                raise CorpusError(path, "file is empty")
            return _check_text(path, text)
    if not data.strip():
        raise CorpusError(path, "file is empty")
    sample = data[:8192]
    if b"\x00" in sample:
        guess = _likely_encoding(data)
        if "UTF-16" in guess:
            raise CorpusError(path, f"not UTF-8 text; {guess}")
        raise CorpusError(path, "file is binary (contains NUL bytes), not a text article")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.05:
        raise CorpusError(path, "file looks binary (many control bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        byte = data[err.start]
        raise CorpusError(
            path, f"not UTF-8 text (byte 0x{byte:02x} at position {err.start}); {_likely_encoding(data)}"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(path: Path, text: str) -> str:
    """Decoded text from a byte-order-marked file: the binary checks of ``_decode`` on characters."""
    sample = text[:8192]
    if "\x00" in sample:
        raise CorpusError(path, "file is binary (contains NUL characters), not a text article")
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\x0c\r")
    if controls > len(sample) * 0.05:
        raise CorpusError(path, "file looks binary (many control characters), not a text article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_HTML_SIGNS = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<div[\s>]|<p[\s>]", re.I)


#: Fields the suite computes for every article: a front-matter key or a record column of the same
#: name would replace the measured text or its provenance, so it is refused (front matter) or kept
#: under ``source_<name>`` (columns of a CSV or JSON Lines file, see ``analysis.loaders``).
COMPUTED_FIELDS = frozenset(
    ["article_id", "path", "body", "boilerplate", "syndicators", "n_words", "n_sentences", "folder"]
)


def _front_matter_value(value: str) -> str | list[str]:
    """A front-matter value: quotes removed, ``[a, b]`` as a list of strings."""
    value = value.strip()
    if len(value) >= 2 and value[0] == "[" and value[-1] == "]":
        return [_front_matter_value(v) for v in value[1:-1].split(",") if v.strip()]  # type: ignore[misc]
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value


def _parse_front_matter(path: Path, text: str) -> tuple[dict[str, str | list[str]], str]:
    """Split optional ``---`` front matter from ``text``; returns (fields, rest).

    One ``key: value`` a line (keys are lower-cased letters and underscores); a value in
    quotes loses them; ``key: [a, b]`` or ``key:`` followed by ``- a`` lines is a list. A key
    given twice, or one the suite computes itself (``COMPUTED_FIELDS``: body, boilerplate,
    article_id, path, n_words …), is an error: it would silently replace what is measured.
    """
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise CorpusError(path, "malformed front matter: the first line must be exactly '---'")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise CorpusError(path, "malformed front matter: no closing '---' line") from None
    fields: dict[str, str | list[str]] = {}
    listing: str | None = None  # the key whose "- item" lines are being read
    for number, line in enumerate(lines[1:close], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"\s*-\s+(.*)$", line) or re.match(r"\s*-$", line)
        if item and listing is not None:
            value = fields[listing]
            assert isinstance(value, list)
            value.append(str(_front_matter_value(item.group(1) if item.groups() else "")))
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not re.fullmatch(r"[a-z_]+", key):
            raise CorpusError(
                path, f"malformed front matter at line {number}: expected 'key: value', got {line!r}"
            )
        if key in fields:
            raise CorpusError(path, f"malformed front matter at line {number}: key {key!r} is given twice")
        if key in COMPUTED_FIELDS:
            raise CorpusError(
                path,
                f"front matter at line {number}: {key!r} is computed from the article, not read from "
                f"front matter (rename the key, e.g. 'original_{key}')",
            )
        listing = None
        if not value.strip():
            listing = key
            fields[key] = []
            continue
        fields[key] = _front_matter_value(value)
    for key, value in fields.items():  # "key:" with no items is an empty value, not a list
        if value == []:
            fields[key] = ""
    for key in FRONT_MATTER_KEYS:  # the article's own fields are single values
        if isinstance(fields.get(key), list):
            raise CorpusError(path, f"malformed front matter: {key!r} must be one value, not a list")
    if "date" in fields and fields["date"]:
        try:
            date.fromisoformat(str(fields["date"])[:10])
        except ValueError:
            raise CorpusError(
                path, f"malformed front matter: date {fields['date']!r} is not ISO (YYYY-MM-DD)"
            ) from None
    return fields, "\n".join(lines[close + 1 :])


_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _stat_problem(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop (the link points, directly or not, back to itself)"
    if err.errno == errno.ENOENT:
        return "no such file or folder (or a symbolic link to nothing)"
    return f"cannot read file ({err.strerror})"


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe (FIFO)"), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def stat_path(path: Path) -> os.stat_result:
    """``os.stat(path)``, or a :class:`CorpusError` naming the file and why it cannot be read
    (missing, a symbolic link loop, no permission)."""
    try:
        return os.stat(path)
    except OSError as err:
        raise CorpusError(path, _stat_problem(err)) from None


def stat_regular_file(path: Path, *, need: str = "") -> os.stat_result:
    """:func:`stat_path` of a regular file; a named pipe, a device, a socket or a folder gives a
    :class:`CorpusError` ("is a named pipe (FIFO), not a regular file", then ``need``), so
    nothing is opened that could block or never end."""
    info = stat_path(path)
    kind = _not_regular(info.st_mode)
    if kind is not None:
        raise CorpusError(path, f"is {kind}, not a regular file{need}")
    return info


def _too_large(size_mb: float, limit: int) -> str:
    return (
        f"file is {size_mb:.1f} MB; an article should be under {limit / 1024 / 1024:.0f} MB. If it holds "
        "many articles, put one a line in a JSON Lines or CSV file and read that with analysis.load_many"
    )


def read_bounded(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Only regular files are read: a named pipe, a device (``/dev/zero``, ``/dev/urandom``), a
    socket or a folder is refused before it is opened, so nothing blocks or fills memory; the
    file is opened non-blocking and checked again (it could have been swapped since), and at
    most ``limit + 1`` bytes are read whatever its reported size.

    Raises:
        CorpusError: missing, a symbolic link loop, not a regular file, unreadable, or over
            ``limit`` bytes; one line naming the file and the problem.
    """
    info = stat_regular_file(path, need=": an article must be a text file")
    if info.st_size > limit:
        raise CorpusError(path, _too_large(info.st_size / 1024 / 1024, limit))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise CorpusError(path, _stat_problem(err)) from None
    try:  # read-only: input files are never modified
        kind = _not_regular(os.fstat(fd).st_mode)
        if kind is not None:
            raise CorpusError(path, f"is {kind}, not a regular file: an article must be a text file")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as err:
        raise CorpusError(path, f"cannot read file ({err.strerror})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise CorpusError(path, _too_large(len(data) / 1024 / 1024, limit))
    return data


def text_article(path: Path, data: bytes) -> dict[str, object] | None:
    """The articles-table row of an article file's bytes ``data`` (text, with optional front
    matter), validated; None when they are a web page (an ``.html`` file, or a page saved under
    another name), which ``analysis.inputs.read_article`` extracts.

    Raises:
        CorpusError: the text is binary, not UTF-8, has malformed front matter or no body. The
            message names the file and the problem.
    """
    if path.suffix.lower() in (".html", ".htm") and data.strip():
        return None  # the page's own charset decides
    text = _decode(path, data)
    if _HTML_SIGNS.search(text[:4000]) and text.count("<") > 5:  # a saved page named .txt
        return None
    fields, rest = _parse_front_matter(path, text)
    return article_record(rest, meta=fields, path=path)


def _kind_of(value: object) -> str:
    """How an error message names a value that should have been text ("a number", "a list")."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """``text`` with lone surrogates (possible in JSON escapes and Python strings, never valid
    Unicode text) replaced by U+FFFD, so every later step can encode it."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


def article_record(
    text: str, *, meta: Mapping[str, str | list[str]] | None = None, path: str | Path = "(text)"
) -> dict[str, object]:
    """Build one articles-table row from an article's text (front matter already removed).

    Raises:
        CorpusError: the text is not a string, holds no article text, or ``meta`` names a field
            the suite computes (``COMPUTED_FIELDS``).
    """
    meta = dict(meta or {})
    path = Path(path)
    if not isinstance(text, str):
        raise CorpusError(path, f"article text must be a string, not {_kind_of(text)}")
    clash = sorted(set(meta) & COMPUTED_FIELDS)
    if clash:
        raise CorpusError(path, f"metadata field {clash[0]!r} is computed from the article; rename it")
    text = _without_surrogates(text)
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


def article_tables(records: list[dict[str, object]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``(articles, sentences)`` tables of article records (each record gains its word and
    sentence counts and a unique short label)."""
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
    seen: set[str] = set()
    for i, record in enumerate(records):
        label = str(record.get("label") or "").strip() or default_label(i, record.get("outlet"))
        base, n = label, 2
        while label in seen:
            label, n = f"{base} ({n})", n + 1
        record["label"] = label
        seen.add(label)


def make_ids_unique(records: list[dict[str, object]]) -> None:
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
