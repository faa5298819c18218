"""Annotation scans each body once for the words its sources and its quotations need
(``annotate._body_scan``: ``analysis.text.word_hits`` of the lower-cased body) and reads each
sentence's words off that scan (``analysis.sourcing.sentence_words``) instead of searching every
sentence for an attribution word and the body again for speech verbs. The sources and quotations
found must be exactly those of the plain code: every sentence handed to the plain attribution
patterns (``tests/sourcing_reference.py``), quotations with their own scan of the text and the
plain speaker searches (``tests/voice_reference.py``). Checked on realistic news text (written for
these tests: direct and nested quotations, reported speech, named and unnamed sources, hedges,
passives, non-ASCII names) and on generated text, with sentences as the splitter makes them and as
a table may give them (cut inside words, not the body's text).
"""

from __future__ import annotations

import re
import sys
from dataclasses import astuple
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import annotate, sourcing
from analysis.voice import quotes, speakers
from tests.sourcing_reference import candidates_reference
from tests.voice_reference import reported_reference, speaker_before_reference

_ARTICLE = """\
BRUSSELS — The European Commission said on Wednesday that it would open a formal inquiry into the \
takeover, a move one senior diplomat described as “long overdue.”

“We will not be rushed,” Commissioner Ilse Vandermeer told reporters. “But we will not look away \
either.” Her spokesman, Pieter Claes, added that the review could take “months, not weeks.” Asked \
about the timetable, Vandermeer replied that the Commission would decide in the spring, and recalled \
that the last review had taken a year.

According to two officials familiar with the talks, the company had offered to sell its Polish \
plants. The offer was reportedly rejected as “too little, too late,” one of them said. The inquiry \
could last a year, according to Eurostat figures cited by the Commission.

Shareholders, who were not consulted, are believed to have lost about €4 billion since March, \
analysts at Barclays estimated.

The chief executive, Ōtani Ren, insisted the deal was “good for consumers and good for Europe,” and \
claimed that critics had “misread the numbers.” He said regulators had “every document they asked for.”

Critics said the firm’s lobbying was relentless. “They told us, ‘Sign now or lose the plant,’” said \
Marek Nowak, a union leader in Katowice, who added: “That is not a negotiation.”

> Competition law is not a suggestion.

Some economists argue the merger would raise prices; others, including Zoë Müller of the Kiel \
Institute, have suggested the effect would be small. It was not immediately clear whether the \
government in Warsaw had been told, a ministry official said.

Allegedly, the board met twice in secret. Insiders say the vote was close.
"""

_PIECES = [
    "said", "Said", "ſaid", "says", "told", "claimed", "argued", "added", "asked", "called", "described",
    "replied", "recalled", "according", "According", "ACCORDING", "to", "that", "he", "She", "they", "officials", "spokesman",
    "reportedly", "allegedly", "believed", "is", "thought", "the", "Sen.", "Jane", "Roe", "Peskov", "Kremlin",
    "\u212aremlin", "accordıng", "İt", "é", "ésaid", "Σ", "saidx", "unsaid", "said2", '"', "“", "”", "‘", "’",
    ",", ".", ":", "!", "?", " ", " ", " ", "\n", "\n\n", "> ",
]


def _scanned(items: list) -> tuple[list, list]:
    """Sources and quotations of ``items`` as annotation finds them: one scan of each body."""
    scans = [annotate._body_scan(item.body) for item in items]
    found = annotate._sources(items, None, scans)
    quoted = [[astuple(q) for q in annotate.quotations(item.body, sentences=[(s, e) for _, s, e, _ in item.sentences],
                                                       hits=scan[1] if scan is not None else None)]
              for item, scan in zip(items, scans, strict=True)]
    return found, quoted


def _plain(items: list) -> tuple[list, list]:
    """Sources and quotations of ``items`` by the plain code: each sentence searched alone for an
    attribution word (annotation's filter before the scan; it is tested against the letter runs
    in ``tests/test_sourcing_speed.py``) and read by every attribution pattern, quotations with
    the plain speaker searches and their own scan of the text."""
    with patch.object(sourcing, "_candidates", candidates_reference):
        found = annotate._sources(items, None)
    with patch.object(quotes, "_speaker_before", speaker_before_reference), \
         patch.object(quotes, "_reported", reported_reference):
        quoted = [[astuple(q) for q in annotate.quotations(item.body,
                                                           sentences=[(s, e) for _, s, e, _ in item.sentences])]
                  for item in items]
    return found, quoted


def test_one_scan_finds_the_plain_sources_and_quotations_of_a_news_article():
    paragraphs = _ARTICLE.split("\n\n")
    items = [annotate._item("whole", _ARTICLE)] + [annotate._item(str(i), p) for i, p in enumerate(paragraphs)]
    found, quoted = _scanned(items)
    assert (found, quoted) == _plain(items)
    assert all(annotate._body_scan(item.body) is not None for item in items)  # the scan was read
    kinds = {source.kind for source in found[0]}
    assert {"source_verb", "verb_source", "according_to", "hedge", "passive"} <= kinds
    assert sum(source.named for source in found[0]) >= 3 and sum(not s.named for s in found[0]) >= 3
    assert {q[2] for q in quoted[0]} >= {"direct", "reported", "block"}


def test_one_scan_reads_sentences_a_table_gives():
    """Sentences that are not the splitter's: cut inside words, or not the body's own text."""
    body = _ARTICLE
    cuts = [0, 5, 61, 140, 141, 300, 333, 512, 700, 701, 960, len(body)]
    sentences = [(i, a, b, body[a:b]) for i, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False))]
    sentences[3] = (3, cuts[3], cuts[4], "X")  # not the body's text
    items = [annotate._item("table", body, sentences)]
    assert _scanned(items) == _plain(items)


def test_a_body_that_lower_casing_lengthens_is_read_sentence_by_sentence():
    body = "İstanbul officials said the talks would resume. “We are ready,” Peskov told reporters."
    assert annotate._body_scan(body) is None
    items = [annotate._item("a", body)]
    found, quoted = _scanned(items)
    assert (found, quoted) == _plain(items)
    assert found[0] and quoted[0]


@given(st.lists(st.sampled_from(_PIECES), max_size=50).map("".join),
       st.lists(st.integers(0, 300), max_size=6))
@example("Officials ésaid so. They toldé us, said2 it.", [])
@example("Retold, they said. He left, accordıng to Peskov. It is thought to be over.", [2, 19])
@example("“No,” ſaid he. Allegedly, ſome told\n\n> Quoted.", [])
@settings(max_examples=300, deadline=None)
def test_one_scan_finds_the_plain_sources_and_quotations(body, cuts):
    items = [annotate._item("split", body)]
    if cuts:
        edges = sorted({0, len(body), *(min(c, len(body)) for c in cuts)})
        items.append(annotate._item("cut", body, [(i, a, b, body[a:b]) for i, (a, b) in
                                                   enumerate(zip(edges, edges[1:], strict=False))]))
    assert _scanned(items) == _plain(items)


@given(st.lists(st.sampled_from(_PIECES), max_size=50).map("".join))
@example("İt said so, they claimed. According to him, ASKED, ſaid and replied")
@settings(max_examples=300, deadline=None)
def test_speech_hits_read_off_the_scan_are_the_texts_own(body):
    """Quotations' speech verbs and "according", with their offsets, read off annotation's scan
    of the body are those its own scan finds (each the run of a-z at its offset)."""
    own = speakers._text_hits(body)
    scan = annotate._body_scan(body)
    assert (scan is None) == (own is None)
    if scan is not None and own is not None:
        assert speakers._text_hits(body, scan[1]) == own
        lower = body.lower()
        assert own[1] == [re.match("[a-z]+", lower[p:]).group() for p in own[0]]  # type: ignore[union-attr]


def test_a_to_z_after_lower_casing_is_read_for_every_character():
    """What ``speakers._no_a_to_z`` relies on: an ASCII character lower-cases to a letter a-z
    exactly when it is a letter (others are read by lower-casing them)."""
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert speakers._no_a_to_z(char) == (re.search("[a-z]", char.lower()) is None), hex(code)
