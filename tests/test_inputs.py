"""Articles as people have them: saved web pages, URLs, tables and feeds (no test needs the network:
URLs are served by a local HTTP server)."""

from __future__ import annotations

import gzip
import http.server
import json
import socket
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.cli import main
from analysis.corpus import CorpusError
from analysis.inputs import input_kind
from analysis.inputs.feeds import html_fragment_text, parse_feed
from analysis.inputs.pages import extract_page, is_url

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"
FEEDS = FIXTURES / "feeds"
FURNITURE = [
    "Accept all", "Manage preferences", "Subscribe for", "free articles", "Related stories",
    "Pothole repairs", "Most read", "Advertisement", "dockside_dave", "couldn't run a bath",
    "Share on Facebook", "All rights reserved", "Sign up to our daily newsletter", "Breaking: Ferry",
    "You might also like", "Join the discussion", "common sense", "Tags:", "Log in", "Sponsored",
]


# --- saved pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["harbour-herald", "valley-courier"])
def test_saved_page_keeps_the_story_and_drops_the_furniture(name):
    articles, sentences = load_corpus(PAGES / f"{name}.html")
    body = articles.loc[0, "body"]
    assert "Old Mill Bridge" in body and "Derek Owusu" in body
    assert "The engineers were clear, and we acted within hours" in body
    for furniture in FURNITURE:
        assert furniture not in body, furniture
    assert len(sentences) >= 8


def test_page_metadata_becomes_front_matter_fields_with_provenance():
    articles, _ = load_corpus(PAGES)
    row = articles.set_index("article_id").loc["harbour-herald"]
    assert row["title"] == 'Council shuts Old Mill Bridge as engineers warn of "critical" cracks'
    assert row["outlet"] == "The Harbour Herald"
    assert row["date"] == "2025-03-10"
    assert row["author"] == "Priya Natarajan"
    assert row["url"] == "https://www.harbourherald.example/news/2025/03/10/old-mill-bridge-closed"
    assert row["source"].endswith("harbour-herald.html")
    assert row["extracted_by"].startswith("trafilatura ")
    courier = articles.set_index("article_id").loc["valley-courier"]
    assert (courier["outlet"], courier["author"]) == ("Valley Courier", "Tom Reilly")  # from JSON-LD


def test_folder_of_pages_skips_the_browsers_files_folder(tmp_path):
    for name in ("harbour-herald", "valley-courier"):
        (tmp_path / f"{name}.html").write_bytes((PAGES / f"{name}.html").read_bytes())
    extras = tmp_path / "harbour-herald_files"
    extras.mkdir()
    (extras / "ad-frame.html").write_text("<html><body><p>" + "Buy now. " * 60 + "</p></body></html>")
    articles, _ = load_corpus(tmp_path)
    assert sorted(articles.article_id) == ["harbour-herald", "valley-courier"]


def test_page_in_another_declared_encoding(tmp_path):
    page = (PAGES / "valley-courier.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="windows-1252">'
    )
    path = tmp_path / "courier.html"
    path.write_bytes(page.encode("cp1252"))
    articles, _ = load_corpus(path)
    assert "£12 million" in articles.loc[0, "body"]


def test_page_without_an_article_is_one_line_naming_it(tmp_path):
    path = tmp_path / "front.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/a'>News</a> <a href='/b'>Sport</a></nav>"
        "<ul><li><a href='/1'>Bridge shut</a></li><li><a href='/2'>Budget cuts</a></li></ul></body></html>"
    )
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert str(info.value).startswith(str(path)) and "no article text" in str(info.value)
    assert "\n" not in str(info.value)


def test_extract_page_paragraphs_are_blank_line_separated():
    page = extract_page((PAGES / "harbour-herald.html").read_bytes(), source="x")
    paragraphs = page["text"].strip().split("\n\n")
    assert paragraphs[0] == page["title"]
    assert len(paragraphs) == 9 and all("\n" not in p for p in paragraphs)


# --- URLs -----------------------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass


@pytest.fixture()
def served(tmp_path):
    """A local HTTP server over a folder holding the page fixtures and the feeds; yields its base URL."""
    for path in [*PAGES.iterdir(), *FEEDS.iterdir()]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    handler = lambda *a, **k: _Handler(*a, directory=str(tmp_path), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for feed in tmp_path.glob("*.rss"):
        feed.write_text(feed.read_text(encoding="utf-8").replace("127.0.0.1:PORT", base[7:]), encoding="utf-8")
    yield base, tmp_path
    server.shutdown()
    server.server_close()


def test_urls_are_fetched_and_compared(served, capsys):
    base, _ = served
    articles, _ = load_corpus([f"{base}/harbour-herald.html", f"{base}/valley-courier.html"])
    assert list(articles.outlet) == ["The Harbour Herald", "Valley Courier"]
    assert articles.loc[0, "source"] == f"{base}/harbour-herald.html"
    assert articles.loc[0, "fetched"].endswith("Z")
    assert main(["compare", f"{base}/harbour-herald.html", str(PAGES / "valley-courier.html"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["articles"]) == 2


def test_saved_copy_repeats_the_comparison_offline(served, tmp_path):
    base, _ = served
    saved = tmp_path / "saved-event"
    first, _ = load_corpus([f"{base}/harbour-herald.html", f"{base}/valley-courier.html"], save_dir=saved)
    assert sorted(p.name for p in saved.glob("*.txt")) == ["127-harbour-herald.txt", "127-valley-courier.txt"] or \
        len(list(saved.glob("*.txt"))) == 2
    assert len(list((saved / "_pages").glob("*.html"))) == 2
    again, _ = load_corpus(saved)
    assert list(again.body) == list(first.body)
    assert list(again.outlet) == list(first.outlet) and list(again.url) == list(first.url)


def test_same_page_twice_is_saved_twice_not_overwritten(served, tmp_path):
    base, _ = served
    saved = tmp_path / "saved"
    with pytest.warns(UserWarning, match="same article text"):
        load_corpus([f"{base}/harbour-herald.html", f"{base}/harbour-herald.html?utm=x"], save_dir=saved)
    assert len(list(saved.glob("*.txt"))) == 2


def test_json_carries_the_provenance_of_pages(capsys):
    assert main(["compare", str(PAGES), "--json", "-q"]) == 0
    first = json.loads(capsys.readouterr().out)["articles"][0]
    assert first["author"] == "Priya Natarajan" and first["extracted_by"].startswith("trafilatura")
    assert first["source"].endswith("harbour-herald.html") and first["language"] == "en"


def test_malformed_url_is_one_line_and_a_feed_skips_it():
    """A link with a placeholder port raises http.client.InvalidURL (not an OSError): it gives one
    line naming the link, and a feed holding such a link skips it with a warning, not a traceback."""
    from analysis.inputs.pages import fetch

    with pytest.raises(CorpusError) as info:
        fetch("http://127.0.0.1:PORT/story")
    message = str(info.value)
    assert message.startswith("http://127.0.0.1:PORT/story") and "cannot fetch" in message
    assert "\n" not in message
    with pytest.warns(UserWarning, match="127.0.0.1:PORT.*cannot fetch"):
        articles, _ = load_corpus(FEEDS / "riverside-news.rss")
    assert len(articles) == 1  # the item whose text the feed carries itself


def test_refused_url_is_one_line():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    with pytest.raises(CorpusError) as info:
        load_corpus([url, url + "2"])
    message = str(info.value)
    assert message.startswith(url) and "cannot fetch" in message and "\n" not in message


def test_missing_page_and_slow_server(served):
    base, _ = served
    with pytest.raises(CorpusError, match="answered 404"):
        load_corpus(f"{base}/no-such-story.html")
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts, never answers
    try:
        began = time.perf_counter()
        with pytest.raises(CorpusError, match="no answer within 0.5 s"):
            load_corpus(f"http://127.0.0.1:{silent.getsockname()[1]}/slow", timeout=0.5)
        assert time.perf_counter() - began < 5
    finally:
        silent.close()


def test_cli_reports_an_offline_url_in_one_line(capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert main(["compare", f"http://127.0.0.1:{port}/a", str(PAGES / "valley-courier.html")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: http://127.0.0.1") and len(err.splitlines()) == 1


def test_url_with_a_slash_missing_is_named_as_such():
    with pytest.raises(CorpusError, match="slash missing"):
        load_corpus(["https:/example.org/a", str(PAGES / "valley-courier.html")])
    assert is_url("https://example.org/a") and not is_url("https:/example.org/a")


# --- tables ---------------------------------------------------------------------------------------

STORIES = [
    ("herald-1", "Harbour Herald", "bridge", "Council shuts bridge", "The Old Mill Bridge closed on Monday after "
     "engineers found cracks. Residents were furious and claimed the council ignored warnings for years."),
    ("courier-1", "Valley Courier", "bridge", "Bridge closed on advice", "The Old Mill Bridge was closed on Monday "
     "on the advice of engineers, the council said. A shuttle bus will run from Wednesday."),
    ("herald-2", "Harbour Herald", "budget", "Budget cuts bite", "The council approved its budget on Thursday. "
     "Libraries will open one day less each week and two swimming pools will close in the summer."),
    ("courier-2", "Valley Courier", "budget", "Budget passes", "Councillors passed the budget by twelve votes to "
     "nine on Thursday, after a debate about library hours and the future of two swimming pools."),
]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(STORIES, columns=["story_id", "outlet", "event", "title", "article_text"])


@pytest.mark.parametrize("name", ["stories.csv", "stories.tsv", "stories.jsonl", "stories.jsonl.gz", "stories.parquet"])
def test_tables_are_read_one_row_an_article(tmp_path, name):
    frame, path = _frame(), tmp_path / name
    if name.endswith(".csv"):
        frame.to_csv(path, index=False)
    elif name.endswith(".tsv"):
        frame.to_csv(path, index=False, sep="\t")
    elif name.endswith(".parquet"):
        frame.to_parquet(path, index=False)
    else:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict(orient="records"))
        if name.endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8") as handle:
                handle.write(lines)
        else:
            path.write_text(lines, encoding="utf-8")
    articles, sentences = load_corpus(path, text_column="article_text", id_column="story_id")
    assert list(articles.article_id) == ["herald-1", "courier-1", "herald-2", "courier-2"]
    assert list(articles.outlet) == ["Harbour Herald", "Valley Courier"] * 2
    assert articles.loc[0, "body"].startswith("The Old Mill Bridge closed")
    assert set(sentences.article_id) == set(articles.article_id)


def test_a_csv_is_never_one_article(tmp_path):
    path = tmp_path / "articles.csv"
    _frame().rename(columns={"article_text": "text"}).to_csv(path, index=False)
    articles, _ = load_corpus(path)
    assert len(articles) == 4
    assert not articles.body.str.contains("story_id,outlet").any()
    with pytest.raises(CorpusError, match="no text column"):
        _frame().rename(columns={"article_text": "words"}).to_csv(tmp_path / "b.csv", index=False)
        load_corpus(tmp_path / "b.csv")


def test_group_column_gives_one_comparison_per_group(tmp_path, capsys):
    path = tmp_path / "stories.csv"
    _frame().to_csv(path, index=False)
    status = main(["compare", str(path), "--text-column", "article_text", "--id-column", "story_id",
                   "--group-column", "event", "--json"])
    assert status == 0
    out = json.loads(capsys.readouterr().out)
    assert [g["group"] for g in out["groups"]] == ["bridge", "budget"]
    assert [sorted(a["article_id"] for a in g["articles"]) for g in out["groups"]] == [
        ["courier-1", "herald-1"], ["courier-2", "herald-2"]]
    assert main(["compare", str(path), "--text-column", "article_text", "--group-column", "desk"]) == 2
    assert "no column 'desk'" in capsys.readouterr().err


# --- feeds ----------------------------------------------------------------------------------------


def test_rss_items_use_their_content_or_their_page(served):
    base, folder = served
    articles, _ = load_corpus(folder / "riverside-news.rss")
    assert len(articles) == 2
    first, second = articles.iloc[0], articles.iloc[1]
    assert first["title"] == "Old Mill Bridge to stay shut for nine months"
    assert (first["date"], first["author"], first["outlet"]) == ("2025-03-11", "Sam Okafor", "Riverside News – Local")
    assert first["extracted_by"] == "feed item content"
    assert "Photo: Riverside News" not in first["body"] and "Lena Fischer" in first["body"]
    # the second item has only a summary: its page was fetched and extracted
    assert second["outlet"] == "The Harbour Herald" and "Derek Owusu" in second["body"]
    assert second["feed"] == "Riverside News – Local"


def test_feed_url_and_atom_file(served, recwarn):
    base, folder = served
    articles, _ = load_corpus([f"{base}/riverside-news.rss", folder / "valley-updates.atom"])
    assert len(articles) == 3  # the Atom entry with only a summary and an unreachable page is skipped
    atom = articles[articles.outlet == "Valley Updates"].iloc[0]
    assert (atom["date"], atom["author"]) == ("2025-03-12", "Nadia Rahman")
    assert any("skipped 1 of 2 feed items" in str(w.message) for w in recwarn)


def test_feed_parser_reads_rss_and_atom_and_refuses_other_xml(tmp_path):
    title, items = parse_feed((FEEDS / "valley-updates.atom").read_bytes(), source="v")
    assert title == "Valley Updates" and items[0].link.endswith("shuttle-bus-old-mill-bridge")
    with pytest.raises(CorpusError, match="not an RSS or Atom feed"):
        parse_feed(b"<?xml version='1.0'?><svg><g/></svg>", source="x.xml")
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>'
    with pytest.raises(CorpusError):
        parse_feed(bomb, source="bomb.xml")


def test_fragment_text_keeps_paragraphs_and_drops_captions():
    text = html_fragment_text("<p>One.</p><figure><figcaption>Photo: X</figcaption></figure><p>Two <b>words</b>.</p>")
    assert text == "One.\n\nTwo words."


@pytest.mark.parametrize(
    ("item", "kind"),
    [("https://example.org/a", "url"), ("a.csv", "table"), ("a.jsonl.gz", "table"), ("a.parquet", "table"),
     ("a.rss", "feed"), ("a.html", "page"), ("a.txt", "article")],
)
def test_input_kind(item, kind):
    assert input_kind(item) == kind


@pytest.mark.parametrize(
    ("name", "content"),
    [("articles.txt", "id,outlet,text\n1,Herald,The bridge closed on Monday.\n2,Courier,The bridge shut.\n"),
     ("articles.md", "outlet\tbody\nHerald\tThe bridge closed on Monday.\n")],
)
def test_a_table_under_an_article_name_is_refused_not_read_as_one_article(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"looks like a table \((CSV|TSV) header"):
        load_corpus([path, PAGES / "valley-courier.html"])


def test_prose_with_commas_in_its_first_line_is_still_an_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text, body and content, the editor said, are all that matter\n\n" + STORIES[0][4] * 3)
    articles, _ = load_corpus(path)
    assert len(articles) == 1


def test_parquet_through_dask(tmp_path):
    from analysis.loaders import load_dask

    path = tmp_path / "stories.parquet"
    _frame().to_parquet(path, index=False)
    assert len(load_dask(path).compute()) == 4
