"""The project's fast copies of TextBlob and VADER equal upstream exactly, say where they come
from, and step aside when another upstream version is installed.

Oracles are upstream's own calls (``TextBlob(text).sentiment``,
``SentimentIntensityAnalyzer().polarity_scores``) from ``tests/instrument_reference.py``.
"""

from __future__ import annotations

import warnings
from importlib.metadata import version
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.inputs import load_corpus
from analysis.instruments import _textblob_fast, _vader_fast, sentences, words
from analysis.instruments.sentences import tokens_and_compounds
from analysis.paths import CORPUS_DIR
from analysis.text import sentence_spans
from analysis.tone import textblob_sentiment, vader_compound
from tests import instrument_reference as iref

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def texts(seed_articles):
    lesson, _ = load_corpus(CORPUS_DIR / "lesson-coal-plant-vote")
    bodies = [*seed_articles["body"], *lesson["body"]]
    return bodies + [b[s:e] for b in bodies for s, e in sentence_spans(b)]


_TRICKY = [
    "It was not good, not bad, and very, very good!",
    "Really not good. Never a great idea :) but kind of sad :-(",
    "NO ONE liked the horrible, HORRIBLE plan (!) at least at first.",
    "He didn't say it wasn't extremely bad… But the deal was kind of a masterstroke 😀.",
    "“Brilliant,” said the U.S. envoy.\n\nCritics called it a disaster!!!",
]

_WORDS = st.sampled_from(
    ["not", "no", "never", "didn't", "very", "extremely", "good", "bad", "great", "horrible",
     "kind", "of", "least", "at", "but", "!", "(!)", ":)", ":(", "GOOD", "BAD", "😀", "💔", ",",
     ".", "?", "...", "'", '"', "the", "talks", "collapsed", "said", "U.S.", "e.g.", "\n\n"]
)


def _equal_to_upstream(text: str) -> None:
    assert textblob_sentiment(text) == iref.sentiment_reference(text)
    assert vader_compound(text) == iref.vader_reference(text)


def test_fast_copies_equal_upstream_on_real_articles(texts):
    for text in [*_TRICKY, *texts]:
        _equal_to_upstream(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_fast_copies_equal_upstream_on_generated_sentences(text):
    _equal_to_upstream(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_fast_copies_equal_upstream_on_any_text(text):
    _equal_to_upstream(text)


_SPLIT_ONCE_WORDS = st.sampled_from(
    ["it's", "don't", "they'd", "we're", "I'm", "you'll", "“Good,”", "‘bad’", "'fine'", '"great"', "(!)", "( ! )",
     ":)", ": )", ":-(", "XD", "<3", "😀", "END-OF-SENTENCE", "U.S.", "e.g.", "Mr.", "...", "!!!", "?", "not",
     "very", "good", "BAD", "but", "kind", "of", "\n", "\n\n", "\r\n", "\t", "  ", "Σ", "ΟΔΟΣ", "İ"]
)


def _split_per_text(texts):
    return [_textblob_fast.tokens(t) for t in texts], [_vader_fast.compound(t) for t in texts]


def test_one_split_for_both_copies_equals_each_copy_and_upstream(texts):
    sentences = [*_TRICKY, *texts]
    found = tokens_and_compounds(sentences)
    assert found == _split_per_text(sentences)
    assert found[0] == [iref.tokens_reference(t) for t in sentences]
    assert found[1] == [iref.vader_reference(t) for t in sentences]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_SPLIT_ONCE_WORDS, max_size=20).map(" ".join), max_size=4))
def test_one_split_for_both_copies_equals_each_copy_on_generated_sentences(sentences):
    tokens, compounds = tokens_and_compounds(sentences)
    assert tokens == [iref.tokens_reference(t) for t in sentences]
    assert compounds == [iref.vader_reference(t) for t in sentences]


# Parts of emoticons and "(!)" spread over words, words that start inside an emoticon, and the
# words of VADER's idioms and booster n-grams ("kind of", "kiss of death") beside lexicon words:
# the shortcuts of ``_textblob_fast.word_tokens`` and of VADER's idiom check must not change a token
# or a score.
_REWRITE_WORDS = st.sampled_from(
    ["(", ")", "(!", "!)", "!", "-", "--", ":", ";", "'", "o", "O", ".", "D", "x", "X", "8", "3", "s", "S", "^",
     "-)", "-D", "o.O", ">.>", "(R-Texas)", "(the", "said.", "it’s", "Trump’s", "°O°", "♥", "<", "]", "}", "/",
     "kind", "sort", "of", "the", "shit", "bomb", "kiss", "death", "to", "die", "for", "yeah", "right", "just",
     "enough", "bus", "stop", "bad", "ass", "beating", "heart", "good", "great", "not", "never", "so", "this",
     "without", "doubt", "least", "very", "GOOD", "hate", "love", "no", "but", "END-OF-SENTENCE", "Σ", "İ",
     # runs of more than one character inside an emoticon, to follow a word ending in its first character
     "_O", "O°", "°", "-D", "'(", "''(", "-)", "^)", "c)", ".O", ".>", "o_", "(the", "(Reuters)", "'I", "3,"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_REWRITE_WORDS, max_size=14).map(lambda w: " ".join(w)), max_size=4),
       st.sampled_from([" ", "", "  "]))
def test_one_split_equals_upstream_around_emoticons_and_idioms(sentences, glue):
    # the installed TextBlob is the one the shortcuts were reasoned on (else they are off: slower, still equal)
    assert _textblob_fast._rewrite_prone() is not None and _textblob_fast._untouched_word() is not None
    sentences = [glue.join(s.split(" ")) if glue else s for s in sentences]
    tokens, compounds = tokens_and_compounds(sentences)
    assert tokens == [iref.tokens_reference(t) for t in sentences]
    assert compounds == [iref.vader_reference(t) for t in sentences]


def _face_splits() -> list[tuple[str, str]]:
    from textblob._text import EMOTICONS

    faces = [face for group in EMOTICONS.values() for face in group]
    return sorted({(face[:j], face[j:]) for face in faces for j in range(1, len(face))})


def test_an_emoticon_split_over_two_words_is_read_as_upstream():
    # every emoticon of TextBlob cut in two, the halves as two words (TextBlob joins them back)
    for head, tail in _face_splits():
        for text in (f"{head} {tail}", f"so{head} {tail} then", f"the {head} {tail}, ok", f"{head} {tail}x",
                     f"({head} {tail} (the"):
            assert tokens_and_compounds([text]) == ([iref.tokens_reference(text)], [iref.vader_reference(text)])


# Plain words, alone or with one closing mark, that ``_textblob_fast.word_pieces_and_tokens`` reads
# without the general rewrites: emoticon parts ("D", "o", "8-") and endings ("boxD", "XD"), an
# emoticon a mark completes ("o)", "c)", "8-)"), "!" ("wow!great"), the end-of-sentence mark,
# abbreviations the full stop belongs to ("Mr.", "U."), words of two letters that VADER keeps whole
# ("it,"), numbers, letters outside ASCII; and words that are not plain (a leading or doubled mark,
# a quotation mark), to check the general reading still runs for them.
_PLAIN_LETTERS = st.sampled_from(["D", "o", "O", "x", "X", "P", "p", "b", "c", "s", "S", "xD", "XD", "boxD", "it", "Mr",
                                  "St", "Bldg", "U", "e", "Trump", "said", "GOOD", "Σ", "ΟΔΟΣ", "İ", "straße", "café",
                                  "not", "never", "no", "END", "SENTENCE", "END-OF-SENTENCE", "2020", "Google-owned", "–",
                                  "wow!great", "a.b", "U.S", "x-D", "8-", "-", "50%", "$5", "#1", "o_O", "°O°", ":", "<3",
                                  "♥", "8", "3", "=", "_"])
_PLAIN_MARKS = st.sampled_from(["", "", ",", ".", ";", ":", "?", "!", ")", "(", "]", "}", "-", "'", '"', "’", "”",
                                "...", ".,", ",.", "!)", " "])


_PLAIN_EXAMPLES = ["Mr.", "U.", "e.", "St.", "Bldg.", "D.", "x.", "a.b.", "U.S.", "Inc.", "etc.", "Jan.", "race.",
                   "2016.", "boxD.", "XD.", "xD", "boxD", "D", "o", "o)", "8-)", "c)", "D,", "it,", "Hi!", "wow!great",
                   "wow!great,", "END-OF-SENTENCE", "END-OF-SENTENCE,", "END-OF-SENTENCE.", "Google-owned,", "2020",
                   "–", "50%", "$5", "(AP)", "year’s", "“Good,”", "won't", "...", "no.,", "ok..."]


@pytest.mark.parametrize("word", _PLAIN_EXAMPLES)
def test_plain_words_read_as_the_general_reading_examples(word):
    pieces = _textblob_fast.word_pieces(word)
    assert _textblob_fast.word_pieces_and_tokens(word) == (pieces, _textblob_fast.word_tokens(pieces))
    sentence = f"{word} very {word} good"
    assert tokens_and_compounds([sentence]) == ([iref.tokens_reference(sentence)], [iref.vader_reference(sentence)])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PLAIN_LETTERS, min_size=1, max_size=3).map("".join), _PLAIN_MARKS, st.sampled_from(["", "(", "“", "-"]))
def test_plain_words_read_as_the_general_reading(letters, mark, lead):
    assert _textblob_fast._plain_marks() is not None  # the shortcut is on for the installed TextBlob
    for word in {letters + mark, lead + letters + mark, letters}:
        if not word.strip():
            continue
        pieces = _textblob_fast.word_pieces(word)
        assert _textblob_fast.word_pieces_and_tokens(word) == (pieces, _textblob_fast.word_tokens(pieces))
    sentence = f"{letters}{mark} {letters}{mark} good"
    assert tokens_and_compounds([sentence]) == ([iref.tokens_reference(sentence)], [iref.vader_reference(sentence)])


def _general_reading(word: str) -> tuple:
    """What ``sentences._word`` remembers of ``word``, read the general way by each copy."""
    pieces = _textblob_fast.word_pieces(word)
    tokens = _textblob_fast.word_tokens(pieces)
    if tokens is not None and _vader_fast.has_emoji(word):
        tokens = None
    return (*_vader_fast.word_row(word), tokens, None if pieces == (word,) else pieces)


def _one_step(word: str) -> tuple:
    """``sentences._word`` without its last field (tokens kept for the sentence-level shortcut,
    tested there against upstream), which is None wherever the tokens are not."""
    found = sentences._word(word)
    assert found[7] is None or found[9] is None
    return found[:9]


def _upstream_row(word: str) -> tuple:
    """The first four fields of ``_vader_fast.word_row``, from VADER's own functions."""
    from vaderSentiment import vaderSentiment as v

    item = v.SentiText._strip_punc_if_word(word)
    return item, item.lower(), item.isupper(), v.negated([item])


# Words of letters only (read by ``sentences._word`` in one step): emoticons made of letters and
# words ending in one ("XD", "boxD"), parts of emoticons ("D", "o"), negations, capitals, letters
# that change under lower-casing, an emoji that is a letter ("ℹ"); and the same with marks.
_LETTER_PARTS = st.sampled_from(["D", "o", "O", "x", "X", "P", "p", "b", "c", "s", "XD", "xD", "box", "not", "NOT", "no",
                                 "never", "Never", "aint", "cant", "good", "GOOD", "Σ", "ΟΔΟΣ", "İ", "ß", "ℹ", "é", "ı",
                                 "Mr", "U", "St", "Bldg", "e", "Inc", "etc"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_LETTER_PARTS, min_size=1, max_size=3).map("".join),
       st.sampled_from(["", "", ",", ".", "!", "?", ":", ";", ")", "(", "]", "-", "'", '"', "”", "’s", "..", ".,", "(!)"]))
def test_one_reading_of_a_word_equals_each_copys_general_reading(letters, mark):
    for word in (letters, letters + mark):
        assert _one_step(word) == _general_reading(word)
        assert _vader_fast.word_row(word)[:4] == _upstream_row(word)


def test_one_reading_of_a_word_equals_the_general_reading_on_real_words(texts):
    for word in {w for text in [*_TRICKY, *texts] for w in text.split()}:
        assert _one_step(word) == _general_reading(word)
        assert _vader_fast.word_row(word)[:4] == _upstream_row(word)


def _vader_word_lists() -> list[str]:
    from vaderSentiment import vaderSentiment as v

    idiom_words = sorted({w for key in [*v.SPECIAL_CASES, *v.BOOSTER_DICT] if " " in key for w in key.split()})
    return [*idiom_words, *sorted(v.BOOSTER_DICT)[::6], *v.NEGATE[::5], "no", "never", "without", "doubt", "so",
            "this", "least", "at", "very", "or", "nor", "kind", "of", "but", "good", "bad", "hate", "love", "fine",
            "lol", "the", "said", "talks", "!", "?"]


# VADER's rules around a lexicon word: boosters, negations, "no", "never so", "without doubt",
# "least", idioms and booster n-grams, capitals: a lexicon word is scored without the rules only
# where none can apply (``_vader_fast._vader_sentiments``); equal to VADER wherever they stand.
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_vader_word_lists()).map(lambda w: w.upper() if len(w) % 3 == 0 else w), max_size=16))
def test_vader_rules_skipped_only_where_none_applies(items):
    text = " ".join(items)
    assert vader_compound(text) == iref.vader_reference(text)
    assert tokens_and_compounds([text])[1] == [iref.vader_reference(text)]


def test_vader_lexicon_read_once():
    assert _vader_fast._vader() is words.vader_analyzer()
    assert words.vader_words()["good"] == words.vader_analyzer().lexicon["good"]


@pytest.mark.parametrize("module", [_textblob_fast, _vader_fast])
def test_copies_checked_against_the_installed_version_and_say_so(module):
    assert version(module.UPSTREAM) == module.CHECKED_VERSION
    assert module.fast_path_usable()
    head = module.__doc__
    assert module.CHECKED_VERSION in head and "Licence: MIT" in head and "Copyright" in head
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert f"{module.UPSTREAM} {module.CHECKED_VERSION}" in notice
    assert f"analysis/instruments/{Path(module.__file__).name}" in notice


@pytest.mark.parametrize(
    ("module", "score", "reference"),
    [
        (_textblob_fast, textblob_sentiment, iref.sentiment_reference),
        (_vader_fast, vader_compound, iref.vader_reference),
    ],
)
def test_another_upstream_version_falls_back_to_upstream_with_one_warning(monkeypatch, module, score, reference):
    monkeypatch.setattr(module, "CHECKED_VERSION", "0.0.0-not-installed")
    module.fast_path_usable.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for text in _TRICKY:
                assert score(text) == reference(text)
        assert [type(w.message) for w in caught] == [RuntimeWarning]
        assert module.UPSTREAM in str(caught[0].message)
    finally:
        module.fast_path_usable.cache_clear()


def test_forgetting_every_word_read_changes_no_result(texts):
    before = tokens_and_compounds(texts[:30])
    sentences.forget_words()
    assert not sentences._WORDS and not _textblob_fast._SPLIT_CACHE and not _vader_fast._VADER_ITEMS
    assert tokens_and_compounds(texts[:30]) == before
