"""Fast paths equal their references: TextBlob's tokenizer, the one-pass sentence and document
assessments, VADER's rules, the wording scan and its counting path, and the corpus figures.

Every fast path in the package is an exact re-implementation (same floats, same strings); these
tests compare each with the slow code it replaces, on the seed and lesson articles, on many
texts stitched from their sentences, and on generated text.
"""

from __future__ import annotations

import random
from collections import Counter
from itertools import chain

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import tone
from analysis.actors import actor_groups, actor_pattern, pairs_pattern
from analysis.inputs import load_corpus
from analysis.instruments import _textblob_fast
from analysis.paths import CORPUS_DIR
from analysis.scale import batch_features, feature_columns, synthetic_corpus
from analysis.text import WORD_PATTERN, sentence_spans
from analysis.wording import (
    DEFAULT_MIN_SCORE,
    cue_tally,
    distinctive_terms,
    flag_threshold,
    lexicons,
    loaded_language,
    scan,
    term_counts,
)
from tests import instrument_reference as iref
from tests import wording_reference as ref

# ---------------------------------------------------------------------------------------------
# Texts: the seed and lesson articles, their sentences, and texts stitched from them
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bodies(seed_articles):
    lesson, _ = load_corpus(CORPUS_DIR / "lesson-coal-plant-vote")
    return [*seed_articles["body"], *lesson["body"]]


@pytest.fixture(scope="module")
def sentences(bodies):
    return [b[s:e] for b in bodies for s, e in sentence_spans(b)]


@pytest.fixture(scope="module")
def stitched(sentences):
    """Texts of 1-6 sentences drawn from the real ones (some joined by line breaks)."""
    rng = random.Random(7)
    out = []
    for _ in range(300):
        picked = rng.sample(sentences, rng.randint(1, 6))
        out.append(rng.choice([" ", "\n", "\n\n"]).join(picked))
    return out


_TRICKY = [
    "It was not good, not bad, and very, very good!",
    "Really not good. Never a great idea :) but kind of sad :-(",
    "NO ONE liked the horrible, HORRIBLE plan (!) at least at first.",
    "He didn't say it wasn't extremely bad…",
    "See page 8) and the chart (p. 3) :-D END-OF-SENTENCE here.\r\n\r\nNew paragraph: 'quoted' \"twice\".",
    "The U.S. said the 'brilliant' strike was a masterstroke 😀.",
    "Mr. Smith's plan... wasn't it?! I'd say it's the bomb, bad ass, hand to mouth.",
    "Without doubt the least bad option; never so good; not at all kind of nice.",
    "No good. No, not good! ! ! It was, without doubt, NOT GREAT but better.",
]

# Words that exercise every rule: negations, modifiers, "!", emoticons, "but", "least", "no",
# VADER's idioms and boosters, capitals.
_WORDS = st.sampled_from(
    ["not", "no", "never", "n't", "didn't", "very", "really", "so", "this", "well", "only", "good",
     "bad", "great", "horrible", "kind", "of", "least", "at", "but", "!", "(!)", ":)", ":(", ":-D",
     "8)", "without", "doubt", "the", "bomb", "shit", "cut", "mustard", "a", "it", "was", "GOOD",
     "BAD", "VERY", ",", ".", "?", "...", "'", '"', "“", "’s", "said", "claimed", "masterstroke",
     "U.S.", "e.g.", "(", ")"]
)
_SENTENCE = st.lists(_WORDS, max_size=15).map(" ".join)


# ---------------------------------------------------------------------------------------------
# TextBlob: tokens, assessments, one pass for sentences and document
# ---------------------------------------------------------------------------------------------


def test_tokens_equal_textblobs_tokenizer_on_real_text(bodies, sentences, stitched):
    for text in [*_TRICKY, *bodies, *sentences, *stitched]:
        assert tone._tokens(text) == iref.tokens_reference(text)


@settings(max_examples=150, deadline=None)
@given(st.one_of(_SENTENCE, st.text(max_size=120)))
def test_tokens_equal_textblobs_tokenizer_on_any_text(text):
    assert tone._tokens(text) == iref.tokens_reference(text)


def _sentence_passes(tokens):
    return [tone._assess(t) for t in tokens], tone._assess(list(chain.from_iterable(tokens)))


def test_one_pass_equals_sentence_and_document_passes(bodies, stitched):
    for text in [*_TRICKY, *bodies, *stitched]:
        tokens = [tone._tokens(text[s:e]) for s, e in sentence_spans(text)]
        assert _textblob_fast.assess_sentences(tokens) == _sentence_passes(tokens)
        assert _textblob_fast.assess_sentences(tokens)[1] == iref.assess_reference(list(chain.from_iterable(tokens)))


@settings(max_examples=200, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=6))
def test_one_pass_equals_two_passes_on_generated_sentences(texts):
    tokens = [tone._tokens(t) for t in texts]
    assert _textblob_fast.assess_sentences(tokens) == _sentence_passes(tokens)


def test_one_pass_is_textblob_on_the_whole_body(seed_articles, seed_sentences):
    for article_id, body in zip(seed_articles["article_id"], seed_articles["body"], strict=True):
        texts = seed_sentences.loc[seed_sentences["article_id"] == article_id, "text"].tolist()
        _, document = _textblob_fast.assess_sentences([tone._tokens(t) for t in texts])
        polarity, subjectivity = tone.textblob_sentiment(body)
        assert tone._mean([p for _, p, _ in document]) == pytest.approx(polarity, abs=1e-12)
        assert tone._mean([s for _, _, s in document]) == pytest.approx(subjectivity, abs=1e-12)


# ---------------------------------------------------------------------------------------------
# VADER
# ---------------------------------------------------------------------------------------------


def test_vader_equals_reference_on_real_text(bodies, sentences, stitched):
    for text in [*_TRICKY, *bodies, *sentences, *stitched]:
        assert tone.vader_compound(text) == iref.vader_reference(text)


@settings(max_examples=200, deadline=None)
@given(_SENTENCE)
def test_vader_equals_reference_on_generated_sentences(text):
    assert tone.vader_compound(text) == iref.vader_reference(text)


# ---------------------------------------------------------------------------------------------
# Wording: scan, occurrences, phrases, the counting path
# ---------------------------------------------------------------------------------------------


def test_scan_equals_reference(bodies, sentences, stitched):
    for text in [*_TRICKY, *bodies, *sentences, *stitched]:
        assert scan.occurrences(text) == ref.occurrences_reference(text)
        assert scan.scan(text, min_score=DEFAULT_MIN_SCORE) == ref.scan_reference(text, min_score=DEFAULT_MIN_SCORE)
        finder = [m.span() for m in lexicons.phrase_finder().finditer(text)]
        assert finder == [m.span() for m in lexicons.phrase_pattern().finditer(text)]


_PHRASES = sorted(t for t in lexicons.curated() if " " in t)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.sampled_from(_PHRASES), st.sampled_from(_PHRASES).map(str.upper)),
                max_size=20).map(" ".join))
def test_scan_equals_reference_on_generated_text(text):
    assert scan.scan(text, min_score=0.0) == ref.scan_reference(text, min_score=0.0)


# Pieces where the per-word look-ups of noun uses and phrase starts could go wrong: verb-list words
# inside other words, after apostrophes, hyphens and digits, in capitals and with letters that fold
# to ASCII ("ſ", the Kelvin sign), objects that overlap ("maintained the claim the lives of"), and
# the first words of curated phrases alone and glued to others.
_FIRST_WORDS = sorted({t.split()[0] for t in _PHRASES})
_NOUN_PIECES = st.sampled_from(
    ["claim", "claims", "Claims", "CLAIMED", "claimed", "claiming", "report", "reports", "blast", "stress",
     "maintain", "maintained", "Maintains", "the", "a", "an", "its", "lives", "life", "of", "is", "was",
     "loyalty", "allies", "ceasefire", "that", "o'", "’", "'", "-", "5", "_", "ſ", "\u212a", "U.S.", "’s",
     ".", ",", ";", ":", ")", "(", "\"", "\n", "  ", "Moscow's", "territorial", "false", "new"]
)


_NOUN_CASES = [
    "They maintained the big claims life. Officials o'claimed the lives of 40 people.",  # overlap; inside a word
    "It maintained a ceasefire, claims of fraud, Moscow's claims; the report, reports about it.",
    "Critics said o'climate change and \u212aiev regime-style CLIMATE  CHANGE were 5claims or claims-.",
    "The regime's claimed victory. ſtress claims_x claim’s blast blasts maintained that the claim is.",
]


@pytest.mark.parametrize("text", _NOUN_CASES)
def test_word_level_lookups_equal_searching_the_whole_text_on_tricky_cases(text):
    _assert_word_level_lookups_equal(text)


def _assert_word_level_lookups_equal(text):
    from analysis.wording.occurrences import _occurrence_parts
    from analysis.wording.scan import _phrase_matches

    assert scan.occurrences(text) == ref.occurrences_reference(text)
    starts = _occurrence_parts(text)[5]
    assert [m.span() for m in _phrase_matches(text, starts)] == [
        m.span() for m in lexicons.phrase_finder().finditer(text)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_NOUN_PIECES, st.sampled_from(_FIRST_WORDS), st.sampled_from(_PHRASES),
                          st.sampled_from(_PHRASES).map(str.title)), max_size=30),
       st.lists(st.sampled_from(["", " ", " ", "\n", "-", "'"]), min_size=30, max_size=30))
def test_word_level_lookups_equal_searching_the_whole_text(pieces, joins):
    """The scan looks for noun uses and curated phrases only at the words that may start one
    (``analysis.wording.occurrences``): the same as searching the whole text."""
    _assert_word_level_lookups_equal("".join(piece + join for piece, join in zip(pieces, joins, strict=False)))


# Bits of text around the places where reading a text piece by piece (split at spaces) could
# differ from reading it whole: other white space (line breaks, tabs, no-break and thin spaces),
# runs of spaces, tokens glued by apostrophes, hyphens, full stops and commas, numbers with
# suffixes (the pattern's only look-ahead), initialisms, currency, letters that fold, and words
# the scan's sentence facts read ("according to", "very", "said", "We").
_PIECE_BITS = st.sampled_from(
    [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "a", "Z", "é", "Ω", "ſ", "1", "20", ".", ",",
     "%", "$", "€", "'", "’", "ʼ", "-", "‐", "_", "s", "th", "U.S.", "1990s", "4.2", "claims", "the", "very",
     "brutal", "said", "according", "to", "We", "you", "?", "!", "(", "\"", "“", "Sen.", "climate", "change", "in",
     "fact", "Moscow"]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECE_BITS, max_size=40).map("".join))
def test_words_read_piece_by_piece_equal_the_whole_text_read_once(text):
    """The word pass reads a text as its pieces between spaces, each piece's words remembered
    (``analysis.wording.occurrences._piece_words``): the same tokens at the same offsets as
    ``WORD_PATTERN`` over the whole text, and the same occurrences, sentence marks and counts."""
    from analysis.wording.occurrences import _occurrence_parts, _piece_words

    base, read = 0, []
    for piece in text.split(" "):
        read += [(base + offset, base + offset + length, token) for offset, length, token, *_ in _piece_words(piece)]
        base += len(piece) + 1
    assert read == [(m.start(), m.end(), m.group()) for m in WORD_PATTERN.finditer(text)]
    assert scan.occurrences(text) == ref.occurrences_reference(text)
    parts = _occurrence_parts(text)
    assert parts[4] == ref.segment_marks_reference(text)
    assert sum(parts[3]) == len(read)


def test_a_long_run_without_spaces_is_read_the_same_and_not_remembered():
    """A piece longer than the word pass remembers (a long run without spaces) is read each time,
    to the same words; the pieces around it are remembered as usual."""
    from analysis.wording.occurrences import _PIECE_CHARS, _PIECES

    run = "brutal,claims-" * (_PIECE_CHARS // 4)
    text = f"We said {run} and the very brutal claims of {run}."
    for _ in range(2):
        assert scan.occurrences(text) == ref.occurrences_reference(text)
    assert run not in _PIECES and "brutal" in _PIECES


def test_cue_tally_counts_loaded_language(bodies, stitched):
    threshold = flag_threshold()
    for text in [*_TRICKY, *bodies, *stitched[:100], ""]:
        cues = loaded_language(text)
        n_cues, counts, flags, n_words = cue_tally(text, threshold=threshold)
        assert n_cues == len(cues)
        assert counts == Counter(cues["category"])
        assert flags == int((cues["score"] >= threshold).sum())
        assert n_words == len(WORD_PATTERN.findall(text))


# ---------------------------------------------------------------------------------------------
# Corpus figures: the fast per-article path against the public slow functions
# ---------------------------------------------------------------------------------------------


def test_batch_features_equal_the_public_functions(bodies):
    from analysis.sourcing import find_sources

    texts = dict(enumerate(bodies))
    corpus = [r["body"] for r in synthetic_corpus(texts, n_articles=30, sentences=(1, 30), seed=11)]
    corpus += [*bodies, ""]
    rows = batch_features(corpus)
    threshold = flag_threshold()
    for body, row in zip(corpus, rows, strict=True):
        assert list(row) == feature_columns()
        cues = loaded_language(body)
        per = max(len(WORD_PATTERN.findall(body)), 1) / 1000
        assert row["cues_per_1000"] == len(cues) / per
        assert row["flags_per_1000"] == int((cues["score"].to_numpy() >= threshold).sum()) / per
        for category in ("loaded", "label", "attribution", "hedge", "booster", "naming"):
            assert row[f"{category}_per_1000"] == int((cues["category"] == category).sum()) / per
        spans = sentence_spans(body)
        frame = pd.DataFrame({"article_id": "a", "sent_id": range(len(spans)), "start": [s for s, _ in spans],
                              "text": [body[s:e] for s, e in spans]})
        sources = find_sources(frame)
        n = len(spans)
        assert row["sources_per_1000"] == len(sources) / per
        if n:
            assert row["attributed_share"] == sources["sent_id"].nunique() / n
        if len(sources):
            assert row["named_share"] == float(sources["named"].astype(bool).mean())
            assert row["doubt_share"] == float((sources["stance"] == "doubt").mean())
        else:
            assert pd.isna(row["named_share"]) and pd.isna(row["doubt_share"])


def test_actor_pattern_is_built_once_per_actor_table():
    frame = actor_groups(pd.DataFrame({"actor": ["Council", "Council"], "term": ["City Council", "the council"]}))
    fresh = pairs_pattern(tuple(sorted(set(zip(frame["actor"], frame["term"], strict=True)))))
    assert actor_pattern(frame) == fresh
    assert actor_pattern(frame) is actor_pattern(frame.copy())
    assert actor_pattern()[0].search("Anything at all") is None  # no table: matches nothing


# ---------------------------------------------------------------------------------------------
# distinctive_terms: top_n keeps the highest z, not the alphabetically first terms
# ---------------------------------------------------------------------------------------------


def test_distinctive_terms_top_n_keeps_the_highest_z(seed_articles):
    counts = term_counts(seed_articles)
    everything = distinctive_terms(counts, top_n=None)
    top = distinctive_terms(counts, top_n=5)
    for article_id, group in everything.groupby("article_id", sort=False):
        mine = top[top["article_id"] == article_id]
        assert len(mine) == min(5, len(group))
        assert mine["z"].tolist() == sorted(group["z"], reverse=True)[: len(mine)]
        assert mine["z"].is_monotonic_decreasing


def test_distinctive_terms_top_one_is_the_most_used_rare_word():
    # "zebra" is what sets article a apart; "aardvark" comes first alphabetically.
    counts = pd.DataFrame(
        [("a", "aardvark", 1, 2), ("a", "zebra", 1, 30), ("a", "road", 1, 10),
         ("b", "aardvark", 1, 2), ("b", "zebra", 1, 1), ("b", "road", 1, 10), ("b", "bridge", 1, 12)],
        columns=["article_id", "term", "n", "count"],
    )
    top = distinctive_terms(counts, top_n=1, min_count=1)
    assert top.set_index("article_id").loc["a", "term"] == "zebra"
    assert top.set_index("article_id").loc["b", "term"] == "bridge"
