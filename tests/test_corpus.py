"""Loading: tables, front matter, ids; every bad input gets a one-line error naming the file."""

from __future__ import annotations

import os
import warnings

import pytest

from analysis.corpus import CorpusError, CorpusWarning, find_article_files, provenance, require_comparison
from analysis.inputs import articles_from_texts, load_corpus

GOOD = "Talks resume\nNegotiators met on Tuesday for a third round of talks in Geneva, officials said.\n"
ENGLISH = (
    "The delegations met on Monday in Istanbul and said that they would exchange prisoners. "
    "Officials from both sides described the talks as difficult but useful, and they agreed to meet again."
)


def test_seed_tables(seed_articles, seed_sentences):
    assert list(seed_articles.article_id) == ["000_05732b7640654d32", "002_f4a7d9bc57f2e899"]
    for column in ["article_id", "path", "outlet", "title", "date", "body", "boilerplate", "n_words", "n_sentences"]:
        assert column in seed_articles.columns
    assert set(seed_sentences.columns) >= {"article_id", "sent_id", "para_id", "start", "end", "text"}
    assert seed_articles.title[0].startswith("Ukraine’s Innovative Drone Strike")
    assert seed_articles.outlet.str.startswith("unknown").all()


def test_front_matter_and_fallbacks(write):
    with_fm = write("ev/reuters_piece.txt", "---\ntitle: A title\noutlet: Reuters\ndate: 2025-06-02\n---\n" + ENGLISH)
    without = write("ev/bbc-news.txt", "Headline here\n" + ENGLISH.replace("Monday", "Tuesday"))
    articles, _ = load_corpus([with_fm, without])
    row = articles.set_index("article_id")
    assert row.loc["reuters_piece", "title"] == "A title"
    assert row.loc["reuters_piece", "outlet"] == "Reuters"
    assert row.loc["reuters_piece", "date"] == "2025-06-02"
    assert row.loc["bbc-news", "title"] == "Headline here"
    assert row.loc["bbc-news", "outlet"] == "bbc news"


def test_folder_search_skips_readme_and_hidden(write, tmp_path):
    write("ev/a.txt", GOOD)
    write("ev/README.md", "# about")
    write("ev/.hidden.txt", GOOD)
    write("ev/sub/b.md", GOOD.replace("Tuesday", "Friday"))
    assert [p.name for p in find_article_files(tmp_path / "ev")] == ["a.txt", "b.md"]


def test_clashing_ids_are_made_unique(write):
    a = write("one/article.txt", ENGLISH)
    b = write("two/article.txt", ENGLISH.replace("Monday", "Sunday"))
    articles, sentences = load_corpus([a, b])
    assert articles.article_id.is_unique
    assert set(sentences.article_id) == set(articles.article_id)


def test_input_files_are_never_written(write):
    path = write("ev/a.txt", GOOD)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    os.chmod(path, 0o444)
    load_corpus(path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_articles_from_texts_matches_files(write):
    path = write("x.txt", ENGLISH)
    from_file = load_corpus(path)[1]
    from_text = articles_from_texts({"x": ENGLISH})[1]
    assert list(from_file.text) == list(from_text.text)


def test_provenance_table(seed_articles):
    table = provenance(seed_articles)
    assert set(table.kind) == {"disclaimer", "related"}
    assert (table.n_words > 0).all()


# --- bad input: one line naming the file and the problem ---------------------------------------

BAD_INPUTS = {
    "empty": (b"", "empty"),
    "whitespace": (b"   \n\t\n  ", "empty"),
    "binary": (bytes(range(256)) * 4, "binary"),
    "latin1": ("Caf\u00e9 talks in Gen\u00e8ve resumed, officials said.".encode("latin-1"), "not UTF-8"),
    "html": (
        b"<!DOCTYPE html><html><head><title>x</title></head><body><div><p>Talks</p><p>resumed</p></div></body></html>",
        "HTML page",
    ),
    "front_matter_unclosed": (b"---\ntitle: x\n\nTalks resumed.", "no closing '---'"),
    "front_matter_bad_line": (b"---\ntitle x\n---\nTalks resumed.", "expected 'key: value'"),
    "front_matter_bad_date": (b"---\ndate: 3 June 2025\n---\nTalks resumed.", "not ISO"),
    "only_boilerplate": (b"Share this:\nSimilar Posts\n", "no article text"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_message(case, write):
    content, fragment = BAD_INPUTS[case]
    path = write(f"{case}.txt", content)
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert fragment in message
    assert "\n" not in message


def test_huge_file(write, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: cheap to make
    with pytest.raises(CorpusError, match=r"huge.txt: file is 50.0 MB"):
        load_corpus(path)


def test_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nope.txt")


def test_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="no article files"):
        load_corpus(tmp_path)


def test_single_article_cannot_be_compared(write):
    articles, _ = load_corpus(write("a.txt", ENGLISH))
    with pytest.raises(CorpusError, match="at least 2 different articles; found one article"):
        require_comparison(articles)


def test_same_article_twice_warns_and_keeps_one(write):
    a = write("a.txt", ENGLISH)
    b = write("copy.txt", ENGLISH + "\n")
    with pytest.warns(CorpusWarning, match="same article text as"):
        articles, _ = load_corpus([a, b])
    assert list(articles.article_id) == ["a"]


def test_non_english_warns_but_loads(write):
    german = (
        "Die Gespräche begannen am Montag in Istanbul. Beide Delegationen sagten, dass sie Gefangene "
        "austauschen würden. Die Beamten beschrieben die Verhandlungen als schwierig, aber nützlich."
    )
    with pytest.warns(CorpusWarning, match="text is in German .de, detected.; the lexicons are English"):
        articles, sentences = load_corpus(write("de.txt", german))
    assert len(articles) == 1 and len(sentences) == 3


def test_english_raises_no_warning(write):
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        load_corpus(write("en.txt", ENGLISH))
