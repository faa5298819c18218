"""No text function goes quadratic on runs of one character class, and offsets stay right on them.

Speed figures live in ``benchmarks/text_linearity.py``; these tests only guard against hangs: each
input below took minutes to hours before its fix (a 40 KB run of dots took 21 s to split, a
megabyte hours) and takes well under a second now, so the watchdog sits far above any machine's
linear time and far below the quadratic one.
"""

from __future__ import annotations

import contextlib
import re
import signal

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import tone
from analysis.inputs import articles_from_texts
from analysis.scale import article_features
from analysis.sourcing import find_sources
from analysis.text import _END_CANDIDATE, paragraph_spans, sentence_spans, word_spans
from analysis.tone import vader_compound
from analysis.voice import quoted_stretches
from analysis.wording import loaded_language
from tests import instrument_reference as iref
from tests.instrument_reference import vader_reference as _vader_reference

WATCHDOG_S = 20


@contextlib.contextmanager
def finishes_within(seconds: int):
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s: quadratic on this input?")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _one_sentence(text: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "sent_id": [0], "start": [0], "text": [text]})


@pytest.mark.parametrize("unit", [".", "!", "?", "…", "?!", ".…"])
def test_sentence_splitter_is_linear_on_punctuation_runs(unit):
    text = "The talks resumed " + unit * (400_000 // len(unit)) + " and then ended. Both sides left."
    with finishes_within(WATCHDOG_S):
        spans = sentence_spans(text)
        articles, sentences = articles_from_texts({"a": text})
    assert spans[-1] == (text.index("Both"), len(text))
    assert len(sentences) == len(spans)


@pytest.mark.parametrize("unit", ["“", "“word ", "\"word “", "“ ”“"])
def test_loaded_language_is_linear_on_unmatched_opening_quotes(unit):
    text = "The masterstroke was symbolic. " + unit * (200_000 // len(unit))
    with finishes_within(WATCHDOG_S):
        cues = loaded_language(text)
    assert {"masterstroke"} <= set(cues["term"].str.lower())


@pytest.mark.parametrize(
    "text",
    ["Officials said talks resumed " * 36_000, "A." * 200_000, "U.S. officials said " + "A.B." * 50_000 + " x"],
)
def test_attribution_is_linear_in_one_long_sentence(text):
    with finishes_within(WATCHDOG_S):
        sources = find_sources(_one_sentence(text))
    # one attribution per verb: the claimed verb spans never overlap
    spans = sorted(zip(sources["verb_start"], sources["verb_end"], strict=True))
    assert all(b0 <= a1 for (_, b0), (a1, _) in zip(spans, spans[1:], strict=False))
    if text.startswith("Officials"):
        assert len(sources) == 36_000


def test_vader_is_linear_and_exact_on_emoji_runs():
    text = "Great news 😀" + "😀" * 30_000 + " terrible 😡"
    with finishes_within(WATCHDOG_S):
        score = vader_compound(text)
    assert -1 <= score <= 1
    short = "Great news 😀😀 but terrible 😡 day!"
    assert vader_compound(short) == _vader_reference(short)


# ---------------------------------------------------------------------------------------------
# The fast versions match their definitions
# ---------------------------------------------------------------------------------------------

_OLD_END_CANDIDATE = re.compile(r"""([.!?…]+|\.\.\.)(['"”’»)\]]*)(\s+)""")
_PUNCTUATION = st.text(alphabet=st.sampled_from(list('ab A.!?…"”’»])\' \n')), max_size=60)


@given(_PUNCTUATION)
@example(".a. b!? ”) x")
@example("…»] ok.\n.")
@settings(max_examples=300, deadline=None)
def test_sentence_end_candidates_match_the_original_pattern(text):
    old = [(m.span(1), m.span(2), m.span(3)) for m in _OLD_END_CANDIDATE.finditer(text)]
    new = [(m.span(1), m.span(2), m.span(3)) for m in _END_CANDIDATE.finditer(text)]
    assert new == old


@given(st.text(alphabet=st.sampled_from(list('ab "“”?!.\n')), max_size=60))
@settings(max_examples=300, deadline=None)
def test_quoted_stretches_never_cross_a_paragraph(text):
    paragraphs = paragraph_spans(text)
    for a, b in quoted_stretches(text):
        assert any(ps <= a and b <= pe for ps, pe in paragraphs)


@given(st.text(alphabet=st.sampled_from(list("ab 😀😡!.")), max_size=40))
@settings(max_examples=200, deadline=None)
def test_vader_with_emoji_matches_vader(text):
    assert vader_compound(text) == _vader_reference(text)


# ---------------------------------------------------------------------------------------------
# Offsets on runs of every character class
# ---------------------------------------------------------------------------------------------

_CLASSES = list(".!?…,;:-—'’\"“”‘«()[]<&#*_/$%aA7 \n\t\u00a0\u200bé中😀") + ["Mr.", "U.S.", "said", "Kyiv"]
_RUNS = st.lists(st.tuples(st.sampled_from(_CLASSES), st.integers(1, 30)), min_size=1, max_size=12).map(
    lambda runs: "".join(unit * n for unit, n in runs)
)


@given(_RUNS)
@settings(max_examples=150, deadline=None)
def test_offsets_hold_on_runs_of_each_character_class(text):
    with finishes_within(WATCHDOG_S):
        sents = sentence_spans(text)
        words = word_spans(text)
        paragraphs = paragraph_spans(text)
        cues = loaded_language(text, min_score=0.0)
        sources = find_sources(pd.DataFrame(
            {"article_id": "a", "sent_id": range(len(sents)), "start": [s for s, _ in sents],
             "text": [text[s:e] for s, e in sents]}
        ))
    previous = 0
    for start, end in sents:
        assert previous <= start < end <= len(text)
        assert not text[start].isspace() and text[start:end].strip()
        previous = end
    assert all(text[s:e] == token for s, e, token in words)
    assert all(0 <= s < e <= len(text) for s, e in paragraphs)
    assert all(text[s:e] == term for s, e, term in zip(cues["start"], cues["end"], cues["term"], strict=True))
    for s, e, vs, ve in zip(sources["start"], sources["end"], sources["verb_start"], sources["verb_end"], strict=True):
        assert 0 <= s <= vs < ve <= e <= len(text)


_CHUNK = st.text(alphabet=st.sampled_from(list("aAbZzx.,;:!?()[]{}`'\"@#$^&*+-|=~_nt’")), min_size=1, max_size=14)


@given(st.lists(_CHUNK, min_size=1, max_size=6).map(" ".join))
@settings(max_examples=400, deadline=None)
def test_textblob_token_split_matches_textblob(text):
    assert tone._tokens(text) == iref.tokens_reference(text)


@pytest.mark.parametrize("unit", ["(", "[", "#", "*", "_", ".(", "a.", "Bcd.", "...!"])
def test_textblob_tokens_are_linear_on_punctuation_chunks(unit):
    text = "A good day " + unit * (200_000 // len(unit)) + " ok."
    with finishes_within(WATCHDOG_S):
        tokens = tone._tokens(text)
    assert tokens[:3] == ["a", "good", "day"]
    with finishes_within(WATCHDOG_S):
        article_features(text)


_SMILEY_TEXT = st.lists(
    st.sampled_from(["good", "bad", ":)", ": )", "(!)", "( ! )", ":-D", "<3", ".", "...", "!", "?", "'", '"', "”",
                     ")", "(", "\n\n", "Mr.", "not", "very", "U.S."]),
    max_size=25,
).map(" ".join)


@given(_SMILEY_TEXT)
@settings(max_examples=400, deadline=None)
def test_textblob_sentence_rewrites_match_textblob(text):
    assert tone._tokens(text) == iref.tokens_reference(text)


def test_textblob_tokens_are_linear_with_emoticons():
    text = "Nice :) (!) " + "(" * 200_000 + " " + "' . " * 50_000
    with finishes_within(WATCHDOG_S):
        tokens = tone._tokens(text)
    assert tokens[:2] == ["nice", ":)"]


@given(_SMILEY_TEXT)
@settings(max_examples=200, deadline=None)
def test_textblob_sentiment_is_textblob(text):
    from textblob import TextBlob

    expected = TextBlob(text).sentiment
    assert tone.textblob_sentiment(text) == (expected.polarity, expected.subjectivity)


@pytest.mark.parametrize("unit", ["a.", "A.", "U.S. ", "x.y-"])
def test_actor_discovery_and_named_items_are_linear_on_dotted_runs(unit):
    from analysis.alignment import named_items
    from analysis.discovery import discover_actors

    text = "Officials said the talks resumed. " + unit * (200_000 // len(unit))
    with finishes_within(WATCHDOG_S):
        discover_actors(_one_sentence(text))
        items = named_items(_one_sentence(text))
    assert all(text[s:e] == surface for s, e, surface in zip(items["start"], items["end"], items["surface"], strict=True))


# ---------------------------------------------------------------------------------------------
# Actor discovery and quotations on realistic pathological runs (issue 15)
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("unit", "size"),
    [("J. R. R. ", 300_000), ("A. ", 300_000), ("Alpha and ", 50_000), ("Mr. ", 200_000), ("U.S. ", 200_000),
     ("Prime Minister ", 200_000)],
)
def test_actor_discovery_is_linear_on_title_initial_and_name_runs(unit, size):
    # Before: "J. R. R. " and "A. " grew to minutes a megabyte (one endless name chain, every
    # prefix of it joined, and the whole chain compiled into the alias pattern); "Alpha and "
    # raised RecursionError. A run of capitalised tokens longer than any name is no name now.
    from analysis.discovery import discover

    text = unit * (size // len(unit)) + "officials said in Kyiv."
    with finishes_within(WATCHDOG_S):
        found = discover(_one_sentence(text))
    mentions = found.mentions
    assert all(text[s:e] == alias for s, e, alias in zip(mentions["start"], mentions["end"], mentions["alias"], strict=True))
    assert "Kyiv" in set(found.actors["actor"])


_NAME_UNITS = ["Mr. ", "U.S. ", "J. R. R. ", "John Smith", "Tolkien", ", ", " and ", " of the ", "’s ", "'s ", "“", "”",
               '"', "‘", "’", " said ", ". ", "Gov. ", "Prime Minister ", "the council ", "officials said ", "\n", "A."]
_NAME_RUNS = st.lists(st.tuples(st.sampled_from(_NAME_UNITS), st.integers(1, 50)), min_size=1, max_size=8).map(
    lambda runs: "".join(unit * n for unit, n in runs)
)


@given(_NAME_RUNS)
@settings(max_examples=120, deadline=None)
def test_discovery_offsets_hold_on_runs_of_titles_initials_and_names(text):
    from analysis.discovery import discover

    sents = sentence_spans(text)
    table = pd.DataFrame({"article_id": "a", "sent_id": range(len(sents)), "start": [s for s, _ in sents],
                          "text": [text[s:e] for s, e in sents]})
    with finishes_within(WATCHDOG_S):
        mentions = discover(table).mentions
    for s, e, alias in zip(mentions["start"], mentions["end"], mentions["alias"], strict=True):
        assert 0 <= s < e <= len(text) and text[s:e] == alias


@pytest.mark.slow
def test_quotations_are_linear_on_many_reported_sentences_with_quotes_in_one_paragraph():
    # Before: every reported sentence compared its clause with every direct quotation of the
    # paragraph (1 MB: about half a minute); now a binary search finds the ones inside it.
    from analysis.voice import quotations

    text = "I said that “a” b. " * (1_000_000 // 20)
    with finishes_within(WATCHDOG_S):
        quotes = quotations(text)
    assert sum(q.kind == "direct" and q.speaker == "I" for q in quotes) == 1_000_000 // 20


@pytest.mark.parametrize("unit", ["> a\n\n", "> “Yes.”\n\n", "a\n\n“b\n\n"])
def test_quotations_are_fast_on_many_tiny_paragraphs(unit):
    # Before: a paragraph of three characters searched the 200 characters before it with every
    # speaker pattern (73 s a megabyte of "> a" blocks); the search now needs a speech verb there.
    from analysis.voice import quotations

    text = 'The mayor said: "We will rebuild."\n\n' + unit * (100_000 // len(unit))
    with finishes_within(5):
        quotes = quotations(text)
    assert quotes[0].speaker == "The mayor"
    assert all(0 <= q.start < q.end <= len(text) for q in quotes)
