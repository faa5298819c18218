"""The shortcuts of sourcing and of annotation's sentence filter (issue 13 item 6) find exactly
what the plain code finds (``tests/sourcing_reference.py``, the oracle).

``_candidates`` runs a pattern only where the words it needs stand, ends ``source_verb``'s search
at the last verb a source can stand next to, and lists where an unnamed group can start from the
lower-cased text in one pass; annotation asks one regular expression whether a sentence holds an
attribution word. Checked on realistic news sentences (written for these tests, in the style of
US political reporting: quotations, titles, initialisms, hedges, passives, non-ASCII names) and
on generated text built from the words and marks the shortcuts reason about.
"""

from __future__ import annotations

import re
import sys
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import annotate, sourcing
from analysis.text import sentence_spans, word_hits
from tests.sourcing_reference import (
    candidates_reference,
    has_attribution_word_reference,
    sentence_words_reference,
    word_hits_reference,
)

_SENTENCES = [
    "Sen. Maria Delgado, a Democrat from New Mexico, said Tuesday that the bill “guts” protections for renters.",
    "“We are not going to back down,” the governor told reporters outside the statehouse.",
    "The measure, which critics say was rushed, passed 52-48 after a late-night session.",
    "According to a Justice Department spokeswoman, the inquiry is expected to take months.",
    "The senator is believed to have met the donors twice, according to two people familiar with the talks.",
    "White House press secretary Dana Ortiz claimed the report was “a partisan hit job.”",
    "Officials said the shooter had reportedly posted threats online days before the attack.",
    "Republicans argued that the tax cut would pay for itself, a claim economists have repeatedly disputed.",
    "He added: “This is about fairness, plain and simple.”",
    "The U.S. Attorney’s office in Manhattan declined to comment, a spokesman said.",
    "Rep. José Álvarez, D-Calif., insisted the funding was never in doubt.",
    "Many conservatives have long maintained that the agency overstepped its authority.",
    "Environmental groups slammed the decision, saying it would speed up drilling on public lands.",
    "The president allegedly pressured state officials to “find” the votes, prosecutors say.",
    "Some analysts warn the tariffs could push prices higher by the holiday season.",
    "Police Chief Karen O’Neill told the city council that overtime costs had doubled.",
    "The study, published in The Lancet, suggests the vaccine is safe for children over five.",
    "Immigration advocates pointed out that most asylum seekers show up for their hearings.",
    "“It’s a disgrace,” said Ahmed Khalil, whose brother was detained at the border in March.",
    "The campaign denied the allegations, calling them “baseless and defamatory.”",
    "Zelenskyy’s office announced that the talks in Istanbul would resume on Monday.",
    "CNN reported Friday that the memo was written by a senior adviser to the vice president.",
    "The company’s chief executive, Ōtani Ren, is thought to be weighing a bid.",
    "Critics of the plan, including several Democratic mayors, have lashed out at the governor.",
    "It was not immediately clear who had leaked the documents to the press.",
    "The bill passed the House on a party-line vote and now heads to the Senate.",
    "ACCORDING TO THE REPORT, turnout fell in every county, the secretary of state’s office said.",
    "Supposedly independent experts admitted they had been paid by the industry group, documents show.",
    "The protesters, many of them students, chanted outside the embassy, witnesses said.",
    "Trump tweeted that the investigation was a “witch hunt” and wrote that he would fight it.",
    "Two senior administration officials, who spoke on condition of anonymity, said the talks had stalled.",
    "State election officials have also repeatedly insisted that the count was accurate.",
]

_WORDS = [
    "said", "Said", "SAID", "ſaid", "says", "told", "claimed", "according", "According", "ACCORDING", "to",
    "reportedly", "Reportedly", "REPORTEDLY", "allegedly", "ſupposedly", "believed", "is", "was", "have",
    "be", "pointed", "out", "officials", "Officials", "spokesman", "Some", "many", "the", "a", "senior",
    "U.S.", "Peskov", "\u212aremlin", "Kremlin", "Ministry", "He", "they", "who", "and", "also", "that",
    "people", "critics", "ſome", "José", "İ", "ı", "é", "-", '"', "“", "”", "’", ",", ".", ":", "(", "\n", "  ",
    "\u00a0", "2", "_", "saidx", "xsaid",
]


def _found(candidates) -> list[tuple]:
    return [(kind, m.span(), m.span("verb"), m.group(0), source, s0, stance)
            for kind, m, source, s0, stance in candidates]


def _both(text: str) -> tuple[list[tuple], list[tuple]]:
    patterns, stance_of = sourcing.attribution_pattern()
    return (_found(sourcing._candidates(text, patterns, stance_of)),
            _found(candidates_reference(text, patterns, stance_of)))


def test_candidates_equal_the_plain_patterns_on_news_sentences():
    found = 0
    for text in [*_SENTENCES, " ".join(_SENTENCES)]:
        fast, slow = _both(text)
        assert fast == slow, text
        found += len(fast)
    assert found > 30


@given(st.lists(st.sampled_from(_WORDS), max_size=20), st.sampled_from([" ", "", " , "]))
@example(["İ", "officials", "said"], " ")
@example(["ſome", "said"], " ")
@example(["\u212aremlin", "ſome", "told"], " ")
@settings(max_examples=800, deadline=None)
def test_candidates_equal_the_plain_patterns(words, joint):
    fast, slow = _both(joint.join(words))
    assert fast == slow


def test_source_rows_equal_the_plain_patterns_on_news_sentences():
    sentences = [("a", i, 100 * i, text) for i, text in enumerate(_SENTENCES)]
    fast = sourcing.source_rows(sentences)
    with patch.object(sourcing, "_candidates", candidates_reference):
        slow = sourcing.source_rows(sentences)
    assert fast == slow
    assert len(fast) > 20


def test_verb_end_is_the_end_of_the_last_verb():
    source_verb = sourcing.attribution_pattern()[0]["source_verb"]
    text = "Officials said the plan, which he later pointed  out, was “dead,”said one aide."
    assert text[: source_verb.verb_end(text)].endswith("said")
    assert source_verb.verb_end("“We will win,”said Peskov") == len("“We will win,”said")
    assert source_verb.verb_end("He pointed\nout the flaws.") == len("He pointed\nout")
    assert source_verb.verb_end("He saidx it; the sayings") is None


def test_lower_casing_keeps_offsets_and_classes_outside_non_ascii_word_characters():
    """What ``_SourceVerb._unnamed_starts`` relies on: every character that is ASCII or no word
    character lower-cases to one character, of its own class (word character or hyphen, ASCII)."""
    word = re.compile(r"[\w\-]")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF or (not c.isascii() and word.match(c)):
            continue
        low = c.lower()
        assert len(low) == 1 and bool(word.match(low)) == bool(word.match(c)) and low.isascii() == c.isascii(), hex(code)


def test_case_insensitive_letters_outside_ascii_are_word_characters():
    """What ``sourcing._caseless_needs`` relies on: a character that matches an ASCII letter
    case-insensitively is that letter in either case, or a word character outside ASCII."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if letters.fullmatch(c) and not c.isascii():
            assert word.match(c), hex(code)


def test_attribution_word_search_equals_the_letter_runs_on_news_sentences():
    hits = [annotate._has_attribution_word(text) for text in _SENTENCES]
    assert hits == [has_attribution_word_reference(text) for text in _SENTENCES]
    assert 0 < sum(hits) < len(hits)


@given(st.lists(st.sampled_from([*_WORDS, "saying2", "said_", "éclaimed", "thoughtful", "known"]),
                max_size=12).map("".join))
@settings(max_examples=500, deadline=None)
def test_attribution_word_search_equals_the_letter_runs(text):
    assert annotate._has_attribution_word(text) == has_attribution_word_reference(text)


def _rows_with_flat_verbs(sentences: list[tuple]) -> list[tuple]:
    """``source_rows`` with the attribution verbs written as a flat list sorted longest first
    (``sourcing._alternatives``), as before they were a tree of letters."""
    sourcing._compile.cache_clear()
    sourcing._lexicon_pattern.cache_clear()
    try:
        with patch.object(sourcing, "_verb_alternation", sourcing._alternatives):
            return sourcing.source_rows(sentences)
    finally:
        sourcing._compile.cache_clear()
        sourcing._lexicon_pattern.cache_clear()


def test_verbs_as_a_tree_find_what_the_flat_list_finds():
    sentences = [("a", i, 0, text) for i, text in enumerate(_SENTENCES)]
    sentences.append(("b", 0, 0, "Aides pointed out, and added, that he pointed  out the adds, analysts said."))
    fast = sourcing.source_rows(sentences)
    assert fast == _rows_with_flat_verbs(sentences)
    assert any(row[4] == "pointed out" for row in fast)


@given(st.lists(st.lists(st.sampled_from(_WORDS + ["pointed", "out", "added", "adds"]), max_size=16).map(" ".join),
                min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_verbs_as_a_tree_find_what_the_flat_list_finds_on_generated_text(texts):
    sentences = [("a", i, 0, text) for i, text in enumerate(texts)]
    assert sourcing.source_rows(sentences) == _rows_with_flat_verbs(sentences)


# ---------------------------------------------------------------------------------------------
# One scan of a whole article for the attribution words (``analysis.text.word_hits``), read
# sentence by sentence (``sourcing.sentence_words``) and handed to ``_candidates`` as the
# sentence's words: a pattern none of whose words stands in the sentence is not run.
# ---------------------------------------------------------------------------------------------

_BODY_PIECES = [*_WORDS, "saying2", "said_", "éclaimed", "thoughtful", "known", "Σ", "ΣAID", "said.", "\n\n",
                " — ", "“", "”", "x", "a"]


def _scan(body: str, sentences: list[tuple[int, int, int, str]]) -> list[frozenset[str] | None]:
    lower = body.lower()
    return sourcing.sentence_words(body, lower, sentences, word_hits(lower, sourcing.attribution_words()))


def test_word_hits_are_the_whole_runs_of_a_to_z():
    words = sourcing.attribution_words()
    for text in [*_SENTENCES, " ".join(_SENTENCES), "saidsaid said2said _said_ ésaid", ""]:
        lower = text.lower()
        assert word_hits(lower, words) == word_hits_reference(lower, words)


@given(st.lists(st.sampled_from(_BODY_PIECES), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_word_hits_are_the_whole_runs_of_a_to_z_on_generated_text(text):
    words = sourcing.attribution_words()
    assert word_hits(text.lower(), words) == word_hits_reference(text.lower(), words)


def test_sentence_words_are_each_sentences_own_on_news_text():
    body = "\n\n".join(" ".join(_SENTENCES[i:i + 3]) for i in range(0, len(_SENTENCES), 3))
    sentences = [(i, s, e, body[s:e]) for i, (s, e) in enumerate(sentence_spans(body))]
    found = _scan(body, sentences)
    words = sourcing.attribution_words()
    assert found == [sentence_words_reference(text, words) for *_, text in sentences]  # never None here
    assert sum(bool(w) for w in found) > 20


@given(st.lists(st.sampled_from(_BODY_PIECES), max_size=40).map("".join),
       st.lists(st.tuples(st.integers(0, 120), st.integers(0, 40), st.booleans()), max_size=8))
@settings(max_examples=500, deadline=None)
def test_sentence_words_are_each_sentences_own(body, spans):
    """Any spans, in any order, cutting words, or with a text that is not the body's: each
    sentence's words are those it holds alone, or None (not known)."""
    sentences = []
    for k, (start, length, altered) in enumerate(spans):
        start = min(start, len(body))
        end = min(start + length, len(body))
        text = body[start:end]
        sentences.append((k, start, end, text[::-1] if altered else text))
    words = sourcing.attribution_words()
    for (*_, text), got in zip(sentences, _scan(body, sentences), strict=True):
        assert got is None or got == sentence_words_reference(text, words)


def test_sentence_words_says_not_known_where_the_body_cannot_tell():
    body = "Officials said so. İt said no."  # 'İ' lower-cases to two characters: offsets move
    assert _scan(body, [(0, 0, 18, body[:18])]) == [None]
    body = "Officials said so. They told us."
    assert _scan(body, [(0, 0, 18, "Officials said no.")]) == [None]  # not the body's text
    body = "Retold, they said. They toldx us."
    # starts inside "Retold" ("told, they said.": "told" is a word of the sentence, not of the body)
    assert _scan(body, [(0, 2, 18, body[2:18])]) == [None]
    assert _scan(body, [(0, 19, 28, body[19:28])]) == [None]  # ends inside "toldx" ("They told")
    assert _scan(body, [(0, 19, 33, body[19:33]), (1, 0, 18, body[:18])]) == [frozenset(), frozenset({"said"})]


def test_sentence_words_are_whole_runs_of_letters():
    """A run of a-z that another letter touches is no word of the sentence ("ésaid", "toldé")."""
    body = "Officials ésaid so, toldé us, said2 and ſaid it; Σtold"
    assert _scan(body, [(0, 0, len(body), body)]) == [frozenset({"said"})]  # ("said2": a digit is no letter)
    assert sentence_words_reference(body, sourcing.attribution_words()) == {"said"}
    assert _scan(body, [(0, 11, 15, "said")]) == [frozenset({"said"})]  # ("é" outside the sentence)


def _candidates_with_words(text: str) -> list[tuple]:
    patterns, stance_of = sourcing.attribution_pattern()
    words = sentence_words_reference(text, sourcing.attribution_words())
    return _found(sourcing._candidates(text, patterns, stance_of, words))


_GATED = [
    "He left, accordıng to Peskov.",  # ("ı" matches "i" case-insensitively: no word "according")
    "Aides ſupposedly knew, and ALLEGEDLY paid.",
    "He added: nothing more.",
    "It is thought to be over, they say.",
    "Nobody knew, it seems.",
]


def test_candidates_with_the_sentences_words_equal_the_plain_patterns_on_news_sentences():
    for text in [*_SENTENCES, *_GATED, " ".join(_SENTENCES)]:
        assert _candidates_with_words(text) == _both(text)[1], text


@given(st.lists(st.sampled_from([*_WORDS, "thought", "understood", "expected", "known", "pointed", "lashed",
                                 "Allegedly", "ALLEGEDLY", "to be", "to have", "are", "were", "ſaid"]),
                max_size=20),
       st.sampled_from([" ", "", " , ", "\n"]))
@example(["İ", "officials", "said"], " ")
@example(["ſome", "said"], " ")
@example(["\u212aremlin", "ſome", "told"], " ")
@example(["is", "believed", "to have"], " ")
@example(["ACCORDING", "to", "Peskov"], " ")
@example(["\u212aremlin", "reportedly"], " ")
@settings(max_examples=800, deadline=None)
def test_candidates_with_the_sentences_words_equal_the_plain_patterns(words, joint):
    text = joint.join(words)
    assert _candidates_with_words(text) == _both(text)[1]


def test_source_rows_with_the_sentences_words_equal_those_without():
    body = "\n\n".join(_SENTENCES)
    sentences = [(i, s, e, body[s:e]) for i, (s, e) in enumerate(sentence_spans(body))]
    rows = [("a", i, s, text) for i, s, _, text in sentences]
    fast = sourcing.source_rows(rows, words=_scan(body, sentences))
    assert fast == sourcing.source_rows(rows)
    assert len(fast) > 20
