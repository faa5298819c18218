"""Articles from an RSS or Atom feed (a file or a URL): one article an item.

An item's own full text (``content:encoded`` in RSS, ``content`` in Atom) is used when it holds an
article (at least ``MIN_CONTENT_WORDS`` words); otherwise the item's link is fetched and the
article extracted from the page (``analysis.inputs.pages``). Title, date, author and link come from
the item; the feed's title names the outlet unless the page gives its own site name.

What this cannot do: read a feed that needs a login, or items whose pages are built by scripts;
a summary-only feed read offline has no article text (each item is reported and skipped).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

from analysis.corpus import CorpusError

__all__ = ["MIN_CONTENT_WORDS", "FeedItem", "html_fragment_text", "looks_like_feed", "parse_feed"]

#: An item's own text counts as the article from this many words; shorter is a summary.
MIN_CONTENT_WORDS = 80
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
}
_FEED_SIGNS = re.compile(rb"<rss[\s>]|<feed[\s>][^>]*Atom|<rdf:RDF[\s>]", re.I)


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: its link, metadata and (when the feed carries it) its HTML content."""

    title: str
    link: str
    date: str
    author: str
    content_html: str
    summary_html: str


def looks_like_feed(data: bytes) -> bool:
    """True when the first bytes of ``data`` are an RSS or Atom document."""
    return _FEED_SIGNS.search(data[:4096]) is not None


def _text(node, path: str) -> str:
    found = node.find(path, _NS)
    return (found.text or "").strip() if found is not None and found.text else ""


def _iso(value: str) -> str:
    value = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def parse_feed(data: bytes, *, source: str | Path) -> tuple[str, list[FeedItem]]:
    """``(feed title, items)`` of an RSS 2.0, RSS 1.0 or Atom document.

    The parser resolves no entities and fetches nothing (no XML bombs, no external DTDs).

    Raises:
        CorpusError: not well-formed XML, or neither RSS nor Atom.
    """
    from lxml import etree  # feeds only

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise CorpusError(source, f"not a well-formed feed ({err.msg})") from None
    tag = etree.QName(root).localname.lower()
    items: list[FeedItem] = []
    if tag == "feed":  # Atom
        title = _text(root, "atom:title")
        for entry in root.findall("atom:entry", _NS):
            link = next(
                (el.get("href", "") for el in entry.findall("atom:link", _NS) if el.get("rel", "alternate") == "alternate"),
                "",
            )
            content = entry.find("atom:content", _NS)
            content_html = "".join(content.itertext()) if content is not None else ""
            items.append(FeedItem(
                title=_text(entry, "atom:title"), link=link.strip(),
                date=_iso(_text(entry, "atom:published") or _text(entry, "atom:updated")),
                author=_text(entry, "atom:author/atom:name"), content_html=content_html,
                summary_html=_text(entry, "atom:summary"),
            ))
    elif tag in ("rss", "rdf"):
        channel = root.find("channel")
        if channel is None:
            channel = root.find("rss1:channel", _NS)
        title = _text(channel, "title") or _text(channel, "rss1:title") if channel is not None else ""
        nodes = root.findall("channel/item") or root.findall("rss1:item", _NS)
        for item in nodes:
            items.append(FeedItem(
                title=_text(item, "title") or _text(item, "rss1:title"),
                link=_text(item, "link") or _text(item, "rss1:link") or _text(item, "guid"),
                date=_iso(_text(item, "pubDate") or _text(item, "dc:date")),
                author=_text(item, "dc:creator") or _text(item, "author"),
                content_html=_text(item, "content:encoded"),
                summary_html=_text(item, "description") or _text(item, "rss1:description"),
            ))
    else:
        raise CorpusError(source, f"not an RSS or Atom feed (the document is <{tag}>)")
    if not items:
        raise CorpusError(source, "the feed has no items")
    return title, items


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): one paragraph a block element."""
    import lxml.html  # feeds only

    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds on broken markup
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style|.//iframe|.//figure|.//figcaption"):
        bad.drop_tree()
    blocks = [el for el in root.iter() if isinstance(el.tag, str) and el.tag in _BLOCKS]
    paragraphs = [re.sub(r"\s+", " ", el.text_content()).strip() for el in blocks
                  if not any(a.tag in _BLOCKS for a in el.iterancestors())]
    paragraphs = [p for p in paragraphs if p]
    return "\n\n".join(paragraphs) if paragraphs else re.sub(r"\s+", " ", root.text_content()).strip()


def item_article(
    item: FeedItem, *, feed_title: str, source: str, fetch_page: Callable[[str], tuple[str, dict[str, str]]] | None
) -> tuple[str, dict[str, str]]:
    """``(text, front-matter fields)`` of one feed item: its own content, else its page."""
    meta = {"title": item.title, "outlet": feed_title, "date": item.date, "url": item.link,
            "author": item.author, "source": source, "feed": feed_title}
    text = html_fragment_text(item.content_html)
    if len(text.split()) >= MIN_CONTENT_WORDS:
        meta["extracted_by"] = "feed item content"
        body = f"{item.title}\n\n{text}\n" if item.title and not text.startswith(item.title) else text + "\n"
        return body, {k: v for k, v in meta.items() if v}
    if not item.link or fetch_page is None:
        raise CorpusError(f"{source}: {item.title or item.link}", "the item has only a summary and no page to read")
    body, page_meta = fetch_page(item.link)
    merged = {**{k: v for k, v in meta.items() if v}, **page_meta}
    merged["feed"] = feed_title
    merged["source"] = item.link
    return body, {k: v for k, v in merged.items() if v}
