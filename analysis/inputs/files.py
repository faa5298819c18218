"""One article file read and validated: a plain text with optional front matter, or a web page
saved from a browser. Every other reader (folders, ``load_corpus``, the streamed loaders) reads a
file through :func:`read_article`, so a file gives the same row whichever way it came in.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import MAX_ARTICLE_BYTES, article_record, read_bounded, text_article
from analysis.inputs.pages import page_text_and_meta

__all__ = ["read_article"]


def read_article(path: str | Path) -> dict[str, object]:
    """Read and validate one article file, a plain text (``analysis.corpus.text_article``) or a
    saved web page (``analysis.inputs.pages``); returns one row of the articles table.

    Raises:
        CorpusError: the file is missing, too large, binary, not UTF-8, has malformed front
            matter or no body. The message names the file and the problem.
    """
    path = Path(path)
    data = read_bounded(path, limit=MAX_ARTICLE_BYTES)
    record = text_article(path, data)
    if record is None:  # a page: its own charset decides
        body, meta = page_text_and_meta(data, source=path)
        record = article_record(body, meta=meta, path=path)
    return record
