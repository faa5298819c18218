"""The speed paths of annotation (issue 13 item 6) find exactly what the plain paths find.

Each is checked against the code it replaced (kept here as the oracle) on the seed and lesson
events and the development events of ``tests/fixtures/events`` (real newsroom-style prose with
quotations, attributions and actor tables).
"""

from __future__ import annotations

import csv
import re
import shutil
from contextlib import ExitStack
from pathlib import Path
from unittest.mock import patch

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import annotate as annotation
from analysis import text as text_module
from analysis import voice
from analysis.actors import actor_mentions, event_actors
from analysis.annotate import Source
from analysis.inputs import load_corpus
from analysis.lexicon import use_lexicon_dir
from analysis.paths import CORPUS_DIR, LEXICON_DIR
from analysis.sourcing import attribution_pattern, find_sources
from analysis.text import WORD_PATTERN
from analysis.voice import quotes, speakers, vocabulary

_EVENTS = sorted(
    [p for p in CORPUS_DIR.iterdir() if p.is_dir()]
    + [p for p in (Path(__file__).parent / "fixtures" / "events").iterdir() if p.is_dir()]
)


@pytest.fixture(scope="module", params=_EVENTS, ids=lambda p: p.name)
def event(request):
    articles, sentences = load_corpus(request.param)
    mentions = actor_mentions(sentences, groups=event_actors(articles))
    return articles, sentences, mentions


def _sources_through_the_table(items, mentions) -> list[tuple[Source, ...]]:
    """The oracle: the sentences holding an attribution word as a table through
    ``find_sources``, its rows read back per article (as ``_sources`` did before)."""
    words = annotation._attribution_words()
    ids, sent_ids, starts, texts = [], [], [], []
    for k, item in enumerate(items):
        for sent_id, start, _, text in item.sentences:
            if not words.isdisjoint(annotation._LETTER_RUN.findall(text.lower())):
                ids.append(str(k))
                sent_ids.append(sent_id)
                starts.append(start)
                texts.append(text)
    found: dict[int, list[Source]] = {}
    if texts:
        frame = pd.DataFrame({"article_id": ids, "sent_id": sent_ids, "start": starts, "text": texts})
        linked = None
        if mentions is not None:
            number = {item.article_id: str(k) for k, item in enumerate(items)}
            linked = mentions.assign(article_id=mentions["article_id"].astype(str).map(number))
            linked = linked[linked["article_id"].notna()]
        table = find_sources(frame, mentions=linked)
        columns = [table[c].tolist() for c in annotation._SOURCE_FIELDS]
        for k, *values in zip(table["article_id"].tolist(), *columns, strict=True):
            values[0] = int(values[0])
            values[5] = bool(values[5])
            found.setdefault(int(k), []).append(Source(*values))
    return [tuple(found.get(k, ())) for k in range(len(items))]


def test_sources_found_from_records_equal_the_table_path(event):
    articles, sentences, mentions = event
    items = annotation._items(articles, sentences)
    for linked in (None, mentions):
        fast = annotation._sources(items, linked)
        slow = _sources_through_the_table(items, linked)
        # repr tells a missing actor held as None from one held as NaN (as the table gave it)
        assert repr(fast) == repr(slow)
    assert any(found for found in fast)


def test_sources_link_actors_in_some_event():
    linked = 0
    for path in _EVENTS:
        articles, sentences = load_corpus(path)
        mentions = actor_mentions(sentences, groups=event_actors(articles))
        found = annotation._sources(annotation._items(articles, sentences), mentions)
        linked += sum(s.actor is not None and s.actor == s.actor for sources in found for s in sources)
    assert linked > 5


# ---------------------------------------------------------------------------------------------
# Voice: speech verbs and speaker roles as alternations grouped by first letter
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def voice_patterns():
    """(the patterns as compiled, the same with plain case-insensitive alternations)."""
    vocabulary._patterns.cache_clear()
    with patch.object(vocabulary, "caseless_alternation", lambda alternatives: "(?i:" + "|".join(alternatives) + ")"):
        plain = vocabulary._patterns()
    vocabulary._patterns.cache_clear()
    return vocabulary._patterns(), plain


def _quotations_with(patterns: dict, text: str) -> list:
    # every module of analysis.voice that reads the patterns reads these
    with ExitStack() as stack:
        for module in (vocabulary, speakers, quotes):
            stack.enter_context(patch.object(module, "_patterns", lambda: patterns))
        return voice.quotations(text)


_VOICE_WORDS = st.sampled_from([
    "said", "Said", "SAID", "ſaid", "told", "\u212aremlin", "spokesman", "Spokesman", "officials", "İ", "ı",
    "that", "according", "to", "Peskov", "the", "a", "senior", "official", "he", "She", "reporters", "added",
    "called", "it", '"', "“", "”", ",", ".", ":", "\n", "Jane", "Roe", "wrote", "claims", "é", "(AP)",
])


@given(st.lists(_VOICE_WORDS, max_size=30).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_quotations_with_grouped_alternations_equal_the_plain_patterns(voice_patterns, text):
    fast, plain = voice_patterns
    assert _quotations_with(fast, text) == _quotations_with(plain, text)


def test_quotations_with_grouped_alternations_equal_the_plain_patterns_on_articles(voice_patterns):
    fast, plain = voice_patterns
    found = 0
    for path in _EVENTS:
        articles, _ = load_corpus(path)
        for body in articles["body"]:
            quotes = _quotations_with(fast, body)
            assert quotes == _quotations_with(plain, body)
            found += sum(q.speaker is not None for q in quotes)
    assert found > 20


# ---------------------------------------------------------------------------------------------
# Text: words (one pattern, the initialism and the word after one first letter), sentence ends
# ---------------------------------------------------------------------------------------------

_L = r"[^\W\d_]"
#: The word pattern as written before: initialism | number | word, in that order.
_OLD_WORD_PATTERN = re.compile(
    rf"""
    (?:{_L}\.){{2,}}
    | [$€£¥₹₽]?\d+(?:[.,]\d+)*(?:%|(?:st|nd|rd|th|s)\b)?
    | {_L}[\w]*(?:['\u2019\u02bc\-\u2010\u2011]{_L}[\w]*)*
    """,
    re.VERBOSE,
)

_WORD_PIECES = st.sampled_from(
    ["U", "S", ".", "e", "g", "a", "Kyiv", "’", "'", "s", "-", "\u2010", "risk", "1", "000", ",", "4", "%", "st",
     "1990", "€", "$", "_", "é", " ", "\n", "D.C.", "x2", "ʼ", "ſ", "Ⅻ", "٣"]
)


@given(st.lists(_WORD_PIECES, max_size=40).map("".join))
@settings(max_examples=500, deadline=None)
def test_word_pattern_finds_what_the_three_alternatives_found(text):
    assert [m.span() for m in WORD_PATTERN.finditer(text)] == [m.span() for m in _OLD_WORD_PATTERN.finditer(text)]


def test_word_pattern_finds_what_the_three_alternatives_found_on_articles():
    for path in _EVENTS:
        articles, _ = load_corpus(path)
        for body in articles["body"]:
            assert WORD_PATTERN.findall(body) == _OLD_WORD_PATTERN.findall(body)


def _old_is_boundary(text: str, punct_start: int, punct: str, next_pos: int) -> bool:
    """``analysis.text._is_boundary`` as written before (the word before searched in the whole
    40 characters, the next word read from a slice)."""
    nxt = text_module._NEXT_START.match(text, next_pos)
    if nxt is None:
        return True
    first = nxt.group(1)
    if punct in "!?…" or len(punct) > 1 and punct != "..":
        return not first.islower()
    if first.islower():
        return False
    before = text_module._WORD_BEFORE.search(text, max(0, punct_start - 40), punct_start)
    if before is None:
        return True
    word = before.group(1)
    low = word.lower()
    following = re.match(r"[\w.]+", text[nxt.start(1):nxt.start(1) + 30])
    next_word = following.group().rstrip(".").lower() if following else ""
    if low in text_module._NEVER_FINAL or low.rstrip(".") in text_module._NEVER_FINAL:
        return False
    if len(word) == 1 and word.isupper():
        return False
    if "." in word or low in text_module._MAYBE_FINAL:
        return next_word in text_module._SENTENCE_OPENERS
    return True


def _old_sentence_spans(text: str) -> list[tuple[int, int]]:
    with patch.object(text_module, "_is_boundary", _old_is_boundary):
        return text_module.sentence_spans(text)


_SENTENCE_PIECES = st.sampled_from(
    ["Dr", "Jan", "U.S", "Inc", "e.g", "Smith", "The", "But", "he", "a", "5", ".", ". ", "! ", "? ", "… ", " ",
     "\n", "\n\n", '"', "”", "(", "J", "F", "Kennedy", "x" * 45, "\t", "é", "St", "Mr"]
)


@given(st.lists(_SENTENCE_PIECES, max_size=40).map("".join))
@settings(max_examples=500, deadline=None)
def test_sentence_spans_equal_the_boundary_rules_as_written_before(text):
    assert text_module.sentence_spans(text) == _old_sentence_spans(text)


def test_sentence_spans_equal_the_boundary_rules_as_written_before_on_articles():
    found = 0
    for path in _EVENTS:
        articles, _ = load_corpus(path)
        for body in articles["body"]:
            spans = text_module.sentence_spans(body)
            assert spans == _old_sentence_spans(body)
            found += len(spans)
    assert found > 100


# ---------------------------------------------------------------------------------------------
# Sourcing: the lexicon's patterns compiled once, again when the lexicon folder changes
# ---------------------------------------------------------------------------------------------


def test_attribution_patterns_follow_the_lexicon_folder(tmp_path):
    sentences = pd.DataFrame({"article_id": ["a"], "sent_id": [0], "start": [0],
                              "text": ["The mayor harrumphed that the bridge would open in May."]})
    assert attribution_pattern() is attribution_pattern()  # read once
    assert find_sources(sentences).empty
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, folder)
    with (folder / "attribution_verbs.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["harrumphed", "attribution", "doubt", "harrumph", "a test verb", "a test list"])
    with use_lexicon_dir(folder):
        found = find_sources(sentences)
        assert found["verb"].tolist() == ["harrumphed"] and found["stance"].tolist() == ["doubt"]
    assert find_sources(sentences).empty


def test_annotation_reads_a_new_attribution_verb_from_the_lexicon_folder(tmp_path):
    """Every pattern and word list compiled from the lexicons is made again inside and after
    ``use_lexicon_dir`` (the annotation's sentence filter, voice's speech verbs, sourcing's)."""
    text = "The mayor harrumphed that the bridge would open in May. Officials said nothing."
    before = annotation.annotate(text)  # everything compiled from the shipped lexicons first
    assert [s.verb for s in before.sources] == ["said"]
    assert not any(q.verb == "harrumphed" for q in before.quotes)
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, folder)
    with (folder / "attribution_verbs.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["harrumphed", "attribution", "doubt", "harrumph", "a test verb", "a test list"])
    with use_lexicon_dir(folder):
        inside = annotation.annotate(text)
        assert [(s.verb, s.stance) for s in inside.sources] == [("harrumphed", "doubt"), ("said", "neutral")]
        assert [q.verb for q in inside.quotes if q.kind == "reported"][:1] == ["harrumphed"]
    assert annotation.annotate(text) == before
