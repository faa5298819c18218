"""Articles from web pages: a page saved from a browser, or a URL fetched once.

The article's text and its metadata (title, author, date, site name, canonical URL, description)
are extracted with trafilatura, which keeps the story and drops navigation, advertising, comment
threads, related-story lists, cookie banners and paywall prompts. The metadata becomes the
article's front-matter fields, with where the text came from (``source``: the page file or URL;
``extracted_by``: the library and its version; ``fetched``: when a URL was read), so a reader can
check the extraction against the page.

What this cannot do: see text that a page loads with JavaScript after it opens (a saved "complete"
page usually holds it, a fetched URL often does not); get past a paywall (the stub is dropped, and
what remains may be only the free paragraphs); tell an article from a list page with certainty (a
page with no article text is an error naming it).
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analysis.corpus import CorpusError

__all__ = [
    "FETCH_TIMEOUT",
    "MAX_PAGE_BYTES",
    "PAGE_SUFFIXES",
    "extract_page",
    "fetch",
    "is_url",
    "looks_like_html",
    "page_text_and_meta",
]

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Seconds to wait for a server before giving up on a URL.
FETCH_TIMEOUT = 20.0
#: A page larger than this is refused (news pages are well under it, scripts and all).
MAX_PAGE_BYTES = 20 * 1024 * 1024
_USER_AGENT = "source-bias-suite (+offline news comparison; one request per article)"
_HTML_SIGNS = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)


def is_url(text: str | Path) -> bool:
    """True for ``http://`` and ``https://`` addresses (the only ones fetched)."""
    return isinstance(text, str) and re.match(r"(?i)https?://\S+$", text.strip()) is not None


def looks_like_html(data: bytes) -> bool:
    """True when the first bytes of ``data`` are an HTML document."""
    return _HTML_SIGNS.search(data[:4096]) is not None


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str, str]:
    """Read ``url`` once: ``(content, final URL after redirects, content type)``.

    Raises:
        CorpusError: one line naming the URL and why it could not be read — offline, refused,
            timed out, an HTTP error status, or larger than ``MAX_PAGE_BYTES``.
    """
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            data = response.read(MAX_PAGE_BYTES + 1)
            final, kind = response.geturl(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        raise CorpusError(url, f"the server answered {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise CorpusError(url, f"no answer within {timeout:g} s (offline, or the server is slow)") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise CorpusError(url, f"cannot fetch: {text} (offline, or the address is wrong?)") from None
    except TimeoutError:
        raise CorpusError(url, f"no answer within {timeout:g} s (offline, or the server is slow)") from None
    except (OSError, ValueError, http.client.HTTPException) as err:  # InvalidURL, IncompleteRead …
        raise CorpusError(url, f"cannot fetch: {err}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise CorpusError(url, f"page is over {MAX_PAGE_BYTES // 1024 // 1024} MB; not a news article")
    if not data.strip():
        raise CorpusError(url, "the server sent an empty page")
    return data, final, kind


def _iso_date(value: str | None) -> str:
    if not value:
        return ""
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else ""


def extract_page(data: bytes | str, *, source: str | Path, url: str | None = None) -> dict[str, Any]:
    """The article in one HTML page: ``{"text": …, "title", "author", "date", "sitename", "url",
    "description", "language"}`` (missing fields are empty strings).

    ``text`` holds the headline, then one paragraph a block with a blank line between them.

    Raises:
        CorpusError: the page holds no article text (a list page, a page built by scripts, a
            paywall with nothing before it).
    """
    import trafilatura  # web pages only (heavy)

    document = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    fields = dict(document or {}) if document is None or isinstance(document, dict) else document.as_dict()
    text = (fields.get("text") or "").strip()
    if len(text.split()) < 25:
        raise CorpusError(
            source, "an HTML page with no article text found in it (a list or cover page, or text loaded by scripts?)"
        )
    title = (fields.get("title") or "").strip()
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and paragraphs and paragraphs[0] != title:
        paragraphs.insert(0, title)
    lang = fields.get("language") or _html_lang(data)
    return {
        "text": "\n\n".join(paragraphs) + "\n",
        "title": title,
        "author": (fields.get("author") or "").strip(),
        "date": _iso_date(fields.get("date")),
        "sitename": (fields.get("sitename") or fields.get("hostname") or "").strip(),
        "url": (fields.get("url") or url or "").strip(),
        "description": (fields.get("description") or "").strip(),
        "language": lang,
    }


def _html_lang(data: bytes | str) -> str:
    head = data[:4096] if isinstance(data, bytes) else data[:4096].encode("utf-8", "ignore")
    match = re.search(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", head, re.I)
    return match.group(1).decode().lower() if match else ""


def page_text_and_meta(
    data: bytes, *, source: str | Path, url: str | None = None, fetched: bool = False
) -> tuple[str, dict[str, str]]:
    """``(article text, front-matter fields)`` of one page; the fields record its provenance."""
    import trafilatura  # web pages only (heavy)

    page = extract_page(data, source=source, url=url)
    meta = {
        "title": page["title"],
        "outlet": page["sitename"],
        "date": page["date"],
        "url": page["url"],
        "author": page["author"],
        "description": page["description"],
        "page_language": page["language"],
        "source": str(source),
        "extracted_by": f"trafilatura {trafilatura.__version__}",
    }
    if fetched:
        meta["fetched"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return page["text"], {key: value for key, value in meta.items() if value}
