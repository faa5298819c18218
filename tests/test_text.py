"""Sentences and tokens: offsets slice back, abbreviations, quotes, hyphens, numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import (
    is_probably_english,
    normalize_token,
    paragraph_sentence_spans,
    paragraph_spans,
    sentence_spans,
    split_sentences,
    stem,
    stop_words,
    tokenize,
    word_alternation,
    word_spans,
)


def tokens(text: str) -> list[str]:
    return [t for _, _, t in word_spans(text)]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv’s proposal", ["Kyiv’s", "proposal"]),
        ("Kyiv's proposal", ["Kyiv's", "proposal"]),
        ("bold, high-risk actions", ["bold", "high-risk", "actions"]),
        ("a 500% tariff", ["a", "500%", "tariff"]),
        ("€5 billion (£4.2 billion)", ["€5", "billion", "£4.2", "billion"]),
        ("over 1,000 miles", ["over", "1,000", "miles"]),
        ("the U.S. Senate", ["the", "U.S.", "Senate"]),
        ("e.g. this", ["e.g.", "this"]),
        ("don’t stop", ["don’t", "stop"]),
        ("allies—China, Iran", ["allies", "China", "Iran"]),
        ("in the 1990s", ["in", "the", "1990s"]),
        ("“spiderweb” assault", ["spiderweb", "assault"]),
        ("Zaporizhzhia and Kherson", ["Zaporizhzhia", "and", "Kherson"]),
    ],
)
def test_word_tokens(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met U.S. officials on Jan. 5. The talks failed.",
            ["Dr. Smith met U.S. officials on Jan. 5.", "The talks failed."],
        ),
        ("He flew to the U.S. The visit was short.", ["He flew to the U.S.", "The visit was short."]),
        ("Prices rose, e.g. Bread and milk. Then fell.", ["Prices rose, e.g. Bread and milk.", "Then fell."]),
        ("Mr. John F. Kennedy spoke. Crowds cheered.", ["Mr. John F. Kennedy spoke.", "Crowds cheered."]),
        ("“We will win.” The minister left.", ["“We will win.”", "The minister left."]),
        ("Really? he asked. Yes!", ["Really? he asked.", "Yes!"]),
        ("It grew 4.5 per cent. Analysts agreed.", ["It grew 4.5 per cent.", "Analysts agreed."]),
        ("Headline without stop\nFirst sentence here.", ["Headline without stop", "First sentence here."]),
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("Apple Inc. said so. Apple Inc. The firm grew.", ["Apple Inc. said so.", "Apple Inc.", "The firm grew."]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_hard_wrapped_text_is_joined():
    text = (
        "The talks in Istanbul began on Monday with both delegations\n"
        "present, and officials said the first session would focus on\n"
        "prisoner exchanges and humanitarian questions before any talk\n"
        "of territory. A second session is planned for the evening.\n"
    )
    assert len(sentences(text)) == 2


def test_seed_sentences_slice_back(seed_articles, seed_sentences):
    for article in seed_articles.itertuples():
        rows = seed_sentences[seed_sentences.article_id == article.article_id]
        assert len(rows) == article.n_sentences > 10
        for row in rows.itertuples():
            assert article.body[row.start : row.end] == row.text
            assert row.text == row.text.strip()


def test_seed_abbreviations_do_not_split(seed_sentences):
    # "U.S." inside the first seed must not end a sentence ("a new bill in the US Senate").
    assert not seed_sentences.text.str.endswith(("Dr.", "Jan.", "e.g.")).any()


def test_tokenize_table():
    frame = tokenize("Kyiv’s high-risk plan")
    assert list(frame.columns) == ["start", "end", "token", "norm"]
    assert list(frame.norm) == ["kyiv's", "high-risk", "plan"]


def test_normalize_token():
    assert normalize_token("Kyiv’s") == normalize_token("KYIV'S") == "kyiv's"


def test_split_sentences_ids():
    frame = split_sentences("One. Two. Three.")
    assert list(frame.sent_id) == [0, 1, 2]


def test_paragraph_spans():
    text = "First para line.\nSecond para.\n\nThird."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["First para line.", "Second para.", "Third."]


def test_language_check():
    english = "The talks began on Monday and the delegations said that they would meet again soon. " * 3
    german = "Die Gespräche begannen am Montag und die Delegationen sagten, dass sie sich bald treffen. " * 3
    assert is_probably_english(english)
    assert not is_probably_english(german)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokens_slice_back_on_any_text(text):
    for start, end, token in word_spans(text):
        assert text[start:end] == token
        assert token.strip() == token and token


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_sentences_never_fail_and_cover_words(text):
    spans = sentence_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    # Every word lies inside some sentence.
    for start, end, _ in word_spans(text):
        assert any(s <= start and end <= e for s, e in spans)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The", "U.S.", "Dr.", "Kyiv’s", "said", "5.", "e.g.", "war", "\n", " ", ". ", "? ", "“", "”"]), max_size=60))
def test_sentences_on_newsy_fragments(parts):
    text = " ".join(parts)
    for s, e in sentence_spans(text):
        assert text[s:e].strip() == text[s:e]


def _by_paragraph(text: str) -> list[tuple[int, int]]:
    return [span for p in paragraph_spans(text) for span in paragraph_sentence_spans(text, *p)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["The", "U.S.", "Dr.", "Sen.", "Jan.", "said", "5.", "e.g.", "war", "\n", "\n\n", " ",
                                 "  ", ". ", "? ", "! ", "“", "”", "\t"]), max_size=80).map(" ".join)
       | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_paragraph_sentences_are_the_texts_sentences(text):
    assert _by_paragraph(text) == sentence_spans(text)


def test_paragraph_sentences_are_the_texts_sentences_on_articles(seed_articles):
    hard_wrapped = "\n".join(["The U.S. Army said on Jan. 5 that it had left the city and the region" for _ in range(6)])
    for body in [*seed_articles["body"], hard_wrapped + ".\n\nDr. Roe spoke."]:
        assert _by_paragraph(body) == sentence_spans(body)


def test_stop_list_is_one_file_with_reporting_words_as_an_option():
    plain, reporting = stop_words(), stop_words(reporting=True)
    assert {"the", "of", "would"} <= plain and "said" not in plain
    assert plain < reporting and {"said", "according", "week"} <= reporting
    assert all(word == word.lower() for word in reporting)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("strikes", "strike"), ("attacked", "attack"), ("negotiations", "negotiation"), ("kyiv's", "kyiv"),
     ("countries", "country"), ("crisis", "crisis"), ("agreed", "agreed"), ("talking", "talk")],
)
def test_stem_folds_inflections_the_same_way_everywhere(word, expected):
    assert stem(word) == expected


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=20))
def test_stem_only_strips_endings(word):
    stemmed = stem(word)
    assert len(stemmed) <= len(word)
    assert word.startswith(stemmed) or (stemmed.endswith("y") and word.startswith(stemmed[:-1]))  # -ies -> -y


_LETTERS = st.text(alphabet="abst", min_size=1, max_size=5)


@given(st.lists(_LETTERS, max_size=12), st.text(alphabet="abst .é", max_size=60))
@settings(max_examples=500, deadline=None)
def test_word_alternation_finds_the_whole_words_a_flat_list_finds(words, text):
    flat = "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!x)x"
    as_tree = re.compile(rf"(?<![a-z])(?:{word_alternation(words)})(?![a-z])")
    as_list = re.compile(rf"(?<![a-z])(?:{flat})(?![a-z])")
    assert [m.span() for m in as_tree.finditer(text)] == [m.span() for m in as_list.finditer(text)]
    assert re.fullmatch(word_alternation(words), "".join(words[:1])) or not words


def test_word_alternation_is_a_tree_of_letters():
    assert word_alternation(["said", "says", "told"]) == "(?:sa(?:id|ys)|told)"
    assert word_alternation(["add", "added", "adds"]) == "add(?:ed|s)?"
    assert word_alternation([]) == "(?!x)x"


@given(st.lists(st.text(alphabet="ab ", min_size=1, max_size=6).map(str.strip).filter(bool), max_size=10),
       st.text(alphabet="ab x\n", max_size=50), st.sampled_from(["", r"\s+x", r"(?![ab])", "b"]))
@settings(max_examples=500, deadline=None)
def test_word_alternation_tries_the_words_as_a_list_sorted_longest_first(words, text, after):
    """Whatever follows the group, its matches are those of the flat list, longest first (a
    phrase's spaces as any whitespace)."""
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    tree = word_alternation(words, space=r"\s+")
    as_tree = re.compile(rf"(?P<w>{tree}){after}")
    as_list = re.compile(rf"(?P<w>{flat or '(?!x)x'}){after}")
    assert [m.span("w") for m in as_tree.finditer(text)] == [m.span("w") for m in as_list.finditer(text)]
