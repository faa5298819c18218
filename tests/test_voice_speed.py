"""The speed paths of ``analysis.voice.quotations`` (issue 13 item 6) find exactly what the plain
code finds (``tests/voice_reference.py``, the oracle).

``_speaker_before`` searches a "before" pattern only when the verb it ends with stands among the
last chunks of its window; ``_reported`` finds the speech verbs of the whole text once, searches
the "that" pattern only up to the last "that" (and only where a speech verb stands a few words
before a "that") and the closing patterns only from the last commas
they can start at, and counts a clause's words only as far as it needs. Checked on realistic news
paragraphs (written for these tests, in the style of US political reporting) and on generated
text built from the words and marks the shortcuts reason about.
"""

from __future__ import annotations

from dataclasses import astuple
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import voice
from analysis.text import WORD_PATTERN, sentence_spans
from analysis.voice import lookup, quotes, speakers, vocabulary
from tests.voice_reference import reported_reference, speaker_before_reference

_ARTICLE = """\
WASHINGTON — Senate Majority Leader Tom Reyes said Tuesday that he would bring the border bill to \
the floor “as soon as the votes are there,” a timeline Republicans called “pure theater.”

“We have been patient. We have been more than patient,” Reyes told reporters outside his office. \
“The American people are not.” Whitaker told reporters on Capitol Hill that “the votes are not there yet.”

According to a senior Democratic aide, the White House has quietly pressed holdouts, including \
Sen. Joan Whitaker of Montana, to back the compromise. Whitaker’s office declined to comment.

The plan would hire 1,500 new agents, the Congressional Budget Office estimated, and would cost \
roughly $20 billion over a decade, according to the agency.

Critics on the left, who say the bill abandons asylum seekers, have vowed to fight it. “This is a \
betrayal,” said Maria Fuentes, director of the Border Justice Project, in a statement. She added that \
the group would sue.

Rep. Dale Kimura, R-Ohio, argued that the measure “does nothing” to stop fentanyl, and claimed \
without evidence that the administration had “opened the floodgates.”

The president, speaking at a rally in Phoenix on Saturday, insisted the deal was the toughest in \
decades: “Nobody has ever seen anything like it.”

Officials in Mexico City, who were not consulted, said they learned of the plan from news reports, \
a spokesman for the foreign ministry said.

> We will not accept a wall by another name.

Some economists warn that fewer migrant workers could push food prices higher, while others, \
including Harvard’s José Martínez, have suggested the effect would be small. The bill, he said, \
“is a political document, not an economic one.”

The plant in Lorain will close next year, Ken Brown, 68, a retired engineer in Durham, NC, said. \
“It is a human statement,” Judge Nancy Tanner, the top official in Potter County, Texas, said, and \
Dr. Ana Ruiz, 41, a physician in Kharkiv, Ukraine, said that the clinics were full.

The U.S. Chamber of Commerce, which backed a 2013 overhaul, wrote in a letter that it “cannot \
support” the measure in its current form. It was not immediately clear whether the letter was sent \
to all 100 senators, the Chamber’s spokeswoman, Ann Lee, said.
"""

_WORDS = [
    "said", "Said", "ſaid", "says", "told", "claimed", "argued", "added", "wrote", "asked", "called", "dubbed",
    "described", "according", "According", "to", "that", "That", "he", "She", "they", "officials", "a",
    "spokesman", "the", "Sen.", "Jane", "Roe", "U.S.", "Peskov", "Kremlin", "\u212aremlin", "reporters",
    "also", "later", "it", "a", "disgrace", "İ", "ı", "é", '"', "“", "”", "‘", "’", ",", ",", ".", ":", "!",
    "?", "\n", "\n\n", "> ", "  ", "who", "of", "(AP)", "68", "in", "Durham", "NC", "Texas",
]


def _plain(text: str, sentences=None) -> list[tuple]:
    with patch.object(quotes, "_speaker_before", speaker_before_reference), \
         patch.object(quotes, "_reported", reported_reference):
        return [astuple(q) for q in voice.quotations(text, sentences=sentences)]


def _fast(text: str, sentences=None) -> list[tuple]:
    return [astuple(q) for q in voice.quotations(text, sentences=sentences)]


def test_quotations_equal_the_plain_code_on_a_news_article():
    fast = _fast(_ARTICLE)
    assert fast == _plain(_ARTICLE)
    spans = sentence_spans(_ARTICLE)
    assert _fast(_ARTICLE, spans) == _plain(_ARTICLE, spans) == fast
    kinds = {q[2] for q in fast}
    assert {"direct", "reported", "block"} <= kinds
    assert sum(q[3] is not None for q in fast) > 10


def test_quotations_equal_the_plain_code_on_each_paragraph():
    for paragraph in _ARTICLE.split("\n\n"):
        assert _fast(paragraph) == _plain(paragraph), paragraph
        hard_wrapped = paragraph.replace(", ", ",\n")
        assert _fast(hard_wrapped) == _plain(hard_wrapped), hard_wrapped


@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([" ", "", " , "]))
@example(["Peskov", "ſaid", ":", "“", "no", "”"], " ")
@example(["He", "said", "the", "officials", ",", "said", "Roe", "."], " ")
@example(["İ", "said", "that", "it", "was", "over", "."], " ")
@example(["The", "‘", "reform", "’", "bill", ".", "\n", "It", "’", "s", "over", "”", "."], " ")
@example(["The", "«", "reform", "»", "\n", "he", "said", "."], " ")
@example(["İ"] * 40 + [".", "Critics", "said", "that", "it", "was", "rushed", "."], " ")
@example(["Roe", "told", "reporters", "on", "Capitol", "Hill", "that", ":", "“", "no", "”"], " ")
@example(["it", "was", "over", ",", "Roe", ",", "68", ",", "a", "spokesman", "in", "Durham", ",", "NC", ",",
          "said", "."], " ")
@settings(max_examples=600, deadline=None)
def test_quotations_equal_the_plain_code(words, joint):
    text = joint.join(words)
    assert _fast(text) == _plain(text)
    spans = sentence_spans(text)
    assert _fast(text, spans) == _plain(text, spans)


def test_paragraphs_without_a_mark_or_a_verb_are_passed_over():
    text = "The bill passed.\n\n“It is over,” he said.\n\nThe vote was 52-48.\n\n‘Not yet’, it read."
    fast = _fast(text)
    assert fast == _plain(text)
    assert [text[q[0]:q[1]] for q in fast] == ["It is over,", "Not yet"]


def test_word_counts_stop_at_the_limit():
    text = "one two three four five"
    assert vocabulary._words(text, 0, len(text)) == 5
    assert vocabulary._words(text, 0, len(text), 3) == 4
    assert vocabulary._words(text, 0, 7, 3) == 2


def test_that_end_is_after_the_last_that():
    assert speakers._that_end("He said that they knew that  it was over") == len("He said that they knew that  ")
    assert speakers._that_end("That was all, thatch") is None


# -- voice word counts from a word count already made (the wording scan counts the body's words) --

_TOKEN_PIECES = ["U.S.", "e.g.", "Kyiv’s", "high-risk", "don't", "€5", "$", "1,000", "4.2", "500%", "1990s", "5th",
                 "a1b", "_x", "x_", "word", "W", "-", "’", "'", ".", ",", " ", "  ", "\n", "\t", "“", "”", "é", "İ"]


def _quoted_by_bisect(text: str, stretches: list[tuple[int, int]]) -> int:
    """The plain count: every word start listed, counted per stretch by binary search."""
    from bisect import bisect_left

    starts = [m.start() for m in WORD_PATTERN.finditer(text)]
    return sum(bisect_left(starts, b) - bisect_left(starts, a) for a, b in stretches)


@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=60), st.lists(st.integers(0, 400), max_size=12))
@example(["Kyiv’s", " ", "U.S.", "x"], [2, 5])  # a stretch that starts inside a word: not its start
@example(["1,000", "€5", "$", "1990s"], [1, 4, 6, 9])
@settings(max_examples=800, deadline=None)
def test_words_starting_in_stretches_equal_the_plain_count(pieces, cuts):
    text = "".join(pieces)
    bounds = sorted({min(c, len(text)) for c in cuts})
    stretches = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if a < b]
    assert lookup._words_starting_in(text, stretches) == _quoted_by_bisect(text, stretches)


def test_voice_word_counts_with_the_scans_count_equal_the_plain_count():
    from analysis.wording.scan import scan

    for text in (_ARTICLE, *_ARTICLE.split("\n\n"), "", "“Quoted only.”", "x"):
        counted: list[int] = []
        scan(text, n_words=counted)
        assert counted == [len(WORD_PATTERN.findall(text))]
        found = voice.quotations(text)
        assert voice.voice_word_counts(text, quotes=found, n_words=counted[0]) == voice.voice_word_counts(
            text, quotes=found)
    article = voice.voice_word_counts(_ARTICLE, n_words=len(WORD_PATTERN.findall(_ARTICLE)))
    assert article["quoted"] > 100 and article["narrator"] > 100


@given(st.lists(st.sampled_from(_WORDS + ["unsaid", "saidx", "accordingly", "xsaid", "that", "thatx"]), max_size=40),
       st.lists(st.integers(0, 300), max_size=10))
@example(["Critics", "unsaid", "that", "it", "was", "rushed", "."], [10, 60])  # a sentence that starts inside a word
@example(["Critics", "saidx", "that", "it", "was", "rushed", "."], [0, 12])  # … or ends inside one
@settings(max_examples=400, deadline=None)
def test_quotations_equal_the_plain_code_when_sentences_cut_words(words, cuts):
    """Sentences given by the caller may begin or end inside a word: the sentence's own words are
    read then, not the whole text's."""
    text = " ".join(words)
    bounds = sorted({min(c, len(text)) for c in cuts})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    assert _fast(text, spans) == _plain(text, spans)


def test_a_sentence_cut_inside_a_word_reads_its_own_words():
    text = "It was over according to me, Roe saidx. Then it rained."
    cut = text.index("saidx") + len("said")  # the sentence ends inside "saidx": its last word is "said"
    spans = [(0, cut), (text.index("Then"), len(text))]
    fast = _fast(text, spans)
    assert fast == _plain(text, spans)
    assert [(text[q[0]:q[1]], q[2], q[3]) for q in fast] == [("It was over according to me", "reported", "Roe")]
