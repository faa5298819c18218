"""Tone: TextBlob polarity and subjectivity, the words behind them, and what they cannot see.

TextBlob is called here and nowhere else in the package.

What the measure means: TextBlob's PatternAnalyzer averages the polarity (-1..1) and
subjectivity (0..1) of the adjectives and a few other words it finds in its lexicon of about
2,900 entries, with simple handling of "not" and intensifiers ("very"). What it cannot see:
words outside its lexicon ("masterstroke", "symbolic", "stalemate" score nothing), irony,
framing, who a sentence is about, and what an article leaves out.

A second instrument, VADER (Hutto & Gilbert 2014, a lexicon and rules tuned on social-media
text), scores every sentence too; where the two disagree in sign, neither is "right": the
disagreement shows how much a tone figure depends on the instrument.

``analyze_tone(articles, sentences)`` gathers everything in a ``ToneResult``:

- ``articles``: polarity and subjectivity of each cleaned body, the same with the boilerplate
  left in (to show what page furniture does to a score), mean VADER compound of its sentences;
- ``sentences``: the same figures per sentence, with its relative position and a rolling mean;
- ``driving_words``: the words (or "not good"-style phrases) that made each article's score;
- ``unscored_loaded``: loaded words a reader notices that TextBlob's lexicon scores 0;
- ``disagreements``: sentences where TextBlob and VADER point in opposite directions;
- ``actors``: tone of the sentences that mention each actor, with a bootstrap interval.
"""

from __future__ import annotations

import math
import os
import re
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
from textblob.en import sentiment as _pattern_lexicon

from analysis.actors import actor_mentions
from analysis.categories import cue_categories
from analysis.instruments.words import lexicon_entry
from analysis.instruments.words import textblob_words as _lexicon
from analysis.jsonable import records
from analysis.text import normalize_token, word_spans
from analysis.wording import flag_threshold, has_lexical_evidence, loaded_language

__all__ = [
    "ToneResult",
    "analyze_tone",
    "bootstrap_mean_ci",
    "lexicon_entry",
    "sentence_tone",
    "text_assessments",
    "textblob_sentiment",
    "unscored_loaded",
    "vader_compound",
]

#: Scores closer to zero than this are "neutral" when comparing the sign of two instruments.
NEUTRAL_BAND = 0.05
#: Fewer sentences than this about an actor: the mean is flagged as a small sample.
SMALL_SAMPLE = 5

_ARTICLE_COLUMNS = [
    "article_id",
    "polarity",
    "subjectivity",
    "polarity_with_boilerplate",
    "subjectivity_with_boilerplate",
    "vader_compound",
    "n_sentences",
    "n_scored_sentences",
    "n_assessed",
]
_SENTENCE_COLUMNS = [
    "article_id",
    "sent_id",
    "polarity",
    "subjectivity",
    "vader_compound",
    "n_assessed",
    "position",
    "polarity_rolling",
    "text",
]
_WORD_COLUMNS = ["article_id", "term", "polarity", "subjectivity", "count", "contribution"]
_ASSESSMENT_COLUMNS = ["article_id", "sent_id", "term", "polarity", "subjectivity"]
_UNSCORED_COLUMNS = ["article_id", "term", "category", "count", "score", "textblob_polarity", "why"]
_DISAGREEMENT_COLUMNS = [
    "article_id",
    "sent_id",
    "polarity",
    "vader_compound",
    "textblob_words",
    "text",
]
_ACTOR_COLUMNS = [
    "article_id",
    "actor",
    "n_sentences",
    "polarity",
    "subjectivity",
    "vader_compound",
    "ci_low",
    "ci_high",
    "small_sample",
]


# ---------------------------------------------------------------------------------------------
# TextBlob, one word and one text
# ---------------------------------------------------------------------------------------------


def textblob_sentiment(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) of ``text`` from TextBlob's PatternAnalyzer (works offline).

    Equal to ``TextBlob(text).sentiment``, computed from the same tokens and assessments by this
    module's linear copies (TextBlob's own tokenizer is quadratic on long runs of punctuation).
    """
    found = _assess(_tokens(text))
    return _mean([p for _, p, _ in found]), _mean([s for _, _, s in found])


def text_assessments(text: str) -> pd.DataFrame:
    """The words TextBlob scored in ``text``, in order: ``term, polarity, subjectivity``.

    A term is one lexicon word, or a phrase when a negation or intensifier was attached to it
    ("not good", "very bad"). ``polarity`` of the text is the plain mean of this column, so every
    word the lexicon knows, even at 0.0, weighs as much as any other.

    >>> text_assessments("The offer was not good.")["term"].tolist()
    ['not good']
    """
    return pd.DataFrame(_assess(_tokens(text)), columns=["term", "polarity", "subjectivity"])


def _tokens_reference(text: str) -> list[str]:
    """The lower-cased tokens TextBlob's PatternAnalyzer reads in ``text`` (its own tokenizer,
    called as TextBlob calls it): the reference that :func:`_tokens` is tested against."""
    return " ".join(_pattern_lexicon.tokenizer(text)).lower().split()


@lru_cache(maxsize=1)
def _tokenizer_tables() -> tuple[Any, ...] | None:
    """TextBlob's tokenizer constants for :func:`_tokens` (None if TextBlob's analyzer uses
    another tokenizer than ``find_tokens`` with its defaults: then the reference runs)."""
    from textblob import _text

    tokenizer = _pattern_lexicon.tokenizer
    if getattr(tokenizer, "__func__", None) is not _text.Parser.find_tokens:  # TextBlob's English parser
        return None
    if _text.find_tokens.__defaults__ != (
        _text.PUNCTUATION, _text.ABBREVIATIONS, _text.replacements, r"\n{2,}"
    ):
        return None
    return (
        list(_text.replacements.items()),
        re.compile(r"\n{2,}"),
        re.compile(r"\s+"),
        _text.TOKEN,
        _text.EOS,
        _text.RE_SARCASM,
        _text.RE_EMOTICONS,
    )


@lru_cache(maxsize=1)
def _split_tables() -> tuple[frozenset[str], frozenset[str], dict[str, str], int, frozenset[str], frozenset[str]]:
    """TextBlob's punctuation (without and with the full stop), contractions, the longest
    contraction, its abbreviations and the consonant class of its ``RE_ABBR3``, for
    :func:`_split_token`."""
    from textblob._text import ABBREVIATIONS, PUNCTUATION, RE_ABBR1, RE_ABBR2, RE_ABBR3, replacements

    # The index arithmetic below encodes these three patterns; refuse to run on others.
    assert (RE_ABBR1.pattern, RE_ABBR2.pattern) == (r"^[A-Za-z]\.$", r"^([A-Za-z]\.)+$"), "TextBlob changed"
    assert RE_ABBR3.pattern == "^[A-Z][b|c|d|f|g|h|j|k|l|m|n|p|q|r|s|t|v|w|x|z]+.$", "TextBlob changed"
    punctuation = frozenset(PUNCTUATION.replace(".", ""))
    return (
        punctuation, punctuation | {"."}, dict(replacements), max(map(len, replacements)),
        frozenset(ABBREVIATIONS), frozenset("b|c|d|f|g|h|j|k|l|m|n|p|q|r|s|t|v|w|x|z"),
    )


_SPLIT_CACHE: dict[str, tuple[str, ...]] = {}
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _split_token(chunk: str) -> tuple[str, ...]:
    """One whitespace-separated chunk split the way TextBlob's ``find_tokens`` splits it
    (leading and trailing punctuation, ellipses, periods unless an abbreviation), cached by
    chunk. TextBlob's loop slices the chunk once per character it strips and matches its
    abbreviation patterns against the whole rest each time (quadratic on a long run of
    punctuation); this walks two indices over the chunk and answers the patterns from runs
    measured once. Tested equal to TextBlob through :func:`_tokens_reference`."""
    found = _SPLIT_CACHE.get(chunk)
    if found is not None:
        return found
    punctuation, trailing, replace, longest, abbreviations, consonants = _split_tables()

    def contraction(b: int, e: int) -> bool:
        return e - b <= longest and chunk[b:e] in replace

    b, e = 0, len(chunk)
    tokens: list[str] = []
    tail: list[str] = []
    while b < e and chunk[b] in punctuation and not contraction(b, e):
        tokens.append(chunk[b])
        b += 1
    # Runs from ``b`` that TextBlob's RE_ABBR2 (letter-dot pairs) and RE_ABBR3 (capital then
    # consonants) look at: measured once, compared with the rest's length at each step.
    pairs = b
    while pairs + 1 < e and chunk[pairs] in _ASCII_LETTERS and chunk[pairs + 1] == ".":
        pairs += 2
    pairs -= b
    run = b + 1
    while run < e and chunk[run] in consonants:
        run += 1
    run -= b + 1
    capital = b < e and chunk[b] in _ASCII_CAPITALS

    def abbreviation(b: int, e: int) -> bool:
        n = e - b
        return (
            (n <= 5 and chunk[b:e] in abbreviations)
            or (n == 2 and chunk[b] in _ASCII_LETTERS)  # RE_ABBR1 (the chunk ends with ".")
            or (n >= 2 and n % 2 == 0 and n <= pairs)  # RE_ABBR2
            or (n >= 3 and capital and n - 2 <= run)  # RE_ABBR3
        )

    while b < e and chunk[e - 1] in trailing and not contraction(b, e):
        if chunk[e - 1] in punctuation:
            tail.append(chunk[e - 1])
            e -= 1
        if e - b >= 3 and chunk.endswith("...", b, e):
            tail.append("...")
            e -= 3
            while e > b and chunk[e - 1] == ".":
                e -= 1
        if e > b and chunk[e - 1] == ".":
            if abbreviation(b, e):
                break
            tail.append(".")
            e -= 1
    if e > b:
        tokens.append(chunk[b:e])
    tokens.extend(reversed(tail))
    found = tuple(tokens)
    if len(_SPLIT_CACHE) > 200_000:
        _SPLIT_CACHE.clear()
    _SPLIT_CACHE[chunk] = found
    return found


def _tokens(text: str) -> list[str]:
    """The lower-cased tokens TextBlob's PatternAnalyzer reads in ``text`` (its own tokenizer).

    Exactly ``" ".join(find_tokens(text)).lower().split()``, computed faster: the same string
    rewrites, each chunk split once and remembered (:func:`_split_token`), and no sentence
    grouping, which only matters for TextBlob's "(!)" and emoticon rewrites: a text where
    either pattern matches anywhere is grouped into sentences as TextBlob groups it
    (:func:`_sentence_rewrites`). Tested equal to :func:`_tokens_reference`.
    """
    tables = _tokenizer_tables()
    if tables is None:
        return _tokens_reference(text)
    replace, linebreak, _spaces, _token_re, eos, sarcasm, emoticons = tables
    s = text
    for a, b in replace:  # literal patterns: str.replace is re.sub here
        s = s.replace(a, b)
    s = (
        s.replace("“", " “ ")
        .replace("”", " ” ")
        .replace("‘", " ‘ ")
        .replace("’", " ’ ")
        .replace("'", " ' ")
        .replace('"', ' " ')
    )
    s = s.replace("\r\n", "\n")
    if "\n\n" in s:
        s = linebreak.sub(f" {eos} ", s)
    # TextBlob collapses whitespace runs to one space and takes every run of non-space
    # characters: ``str.split()`` (re's ``\s`` and ``str.isspace`` agree on every character).
    cache = _SPLIT_CACHE
    pieces = [p for chunk in s.split() for p in (cache.get(chunk) or _split_token(chunk))]
    every = pieces
    if eos in s:  # TextBlob drops its end-of-sentence marks (and the same word in the text)
        pieces = [p for p in pieces if p != eos]
    joined = " ".join(pieces)
    if sarcasm.search(joined) is not None or emoticons.search(joined) is not None:
        return " ".join(_sentence_rewrites(every, eos, sarcasm, emoticons)).lower().split()
    return joined.lower().split()


_SENTENCE_ENDS = frozenset(("...", ".", "!", "?"))
_SENTENCE_CLOSERS = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")"))


def _sentence_rewrites(tokens: Sequence[str], eos: str, sarcasm: Any, emoticons: Any) -> list[str]:
    """The sentences of ``find_tokens`` with its "(!)" and emoticon rewrites, from the split
    tokens (end-of-sentence marks included): a copy of its grouping loop and rewrites, which
    stay linear (its balanced-quote test counts quotes in the sentence being started, always an
    empty list at that point)."""
    ends = _SENTENCE_ENDS | {eos}
    closers = _SENTENCE_CLOSERS | {eos}
    sentences: list[list[str]] = [[]]
    i = j = 0
    n = len(tokens)
    while j < n:
        if tokens[j] in ends:
            while j < n and tokens[j] in closers:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # balanced quotes (as TextBlob tests it)
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != eos)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    out = []
    for sentence in sentences:
        if sentence:
            joined = sarcasm.sub("(!)", " ".join(sentence))
            out.append(emoticons.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), joined))
    return out


def _assess_reference(tokens: Sequence[str]) -> list[tuple[str, float, float]]:
    """TextBlob's assessments of a token list: (term, polarity, subjectivity) per scored chunk.

    The same call ``TextBlob(text).sentiment_assessments`` makes, on tokens already split. Kept
    as the reference that :func:`_assess` (the fast path) is tested against.
    """
    found = _pattern_lexicon.assessments(((w, None) for w in tokens), negation=True)
    return [(" ".join(words), float(p), float(s)) for words, p, s, _label in found]


@lru_cache(maxsize=1)
def _assess_tables() -> tuple[dict[str, tuple[float, float, float]], frozenset[str], frozenset[str], dict[str, float], Any]:
    """TextBlob's lexicon flattened once for :func:`_assess`: words with an untagged sense and
    their (polarity, subjectivity, intensity), words that can modify the next word, negations,
    emoticons (lower-cased, first match in TextBlob's order) and its "modifier" rule."""
    from textblob._text import EMOTICONS

    _lexicon()  # make sure the lazy lexicon is loaded
    known: dict[str, tuple[float, float, float]] = {}
    modifiers: set[str] = set()
    for word, senses in dict.items(_pattern_lexicon):
        if None in senses:
            known[word] = tuple(senses[None])
        if any(tag in senses for tag in _pattern_lexicon.modifiers):
            modifiers.add(word)
    emoticons: dict[str, float] = {}
    for (_kind, polarity), faces in EMOTICONS.items():
        for face in faces:
            emoticons.setdefault(face.lower(), polarity)
    return known, frozenset(modifiers), frozenset(_pattern_lexicon.negations), emoticons, _pattern_lexicon.modifier


def _assess(tokens: Sequence[str]) -> list[tuple[str, float, float]]:
    """TextBlob's assessments of a token list: (term, polarity, subjectivity) per scored chunk.

    Exactly what ``TextBlob(text).sentiment_assessments`` computes (PatternAnalyzer's
    ``assessments`` with untagged words and negation on: "not good", "very bad", "!" and
    emoticons), with the lexicon flattened once instead of looked up through TextBlob's lazy
    dictionaries word by word (:func:`_assess_state`). Tested equal to :func:`_assess_reference`.
    """
    return _finish(_assess_state(tokens)[0])


def _assess_sentences(tokens: Sequence[Sequence[str]]) -> tuple[list[list[tuple[str, float, float]]], list[tuple[str, float, float]]]:
    """:func:`_assess` of each sentence's tokens, and of all of them joined (the document),
    in one pass when that is exact.

    A sentence that starts with nothing pending (no modifier or negation carried over from the
    one before) is read the same way alone and inside the document, except for "!" before its
    first chunk, which TextBlob applies to the document's previous chunk: the document is then
    the sentences' chunks joined, with those "!" applied. When a sentence ends with something
    pending, the document gets its own pass. Tested equal to the two passes.
    """
    per_sentence = []
    document: list[list[Any]] | None = []
    pending = False
    for toks in tokens:
        found, m, n, lead_bangs = _assess_state(toks)
        per_sentence.append(_finish(found))  # finished before the document touches a chunk
        if document is None:
            continue
        if pending:
            document = None
            continue
        if lead_bangs and document:
            last = document[-1]
            for _ in range(lead_bangs):
                last[0].append("!")
                last[1] = max(-1.0, min(last[1] * 1.25, +1.0))
        document.extend(found)
        pending = m is not None or n is not None
    if document is None:
        return per_sentence, _assess(list(chain.from_iterable(tokens)))
    return per_sentence, _finish(document)


def _assess_state(tokens: Sequence[str]) -> tuple[list[list[Any]], str | None, str | None, int]:
    """The scored chunks of :func:`_assess` before they are turned into tuples, with the
    state left at the end (pending modifier and negation) and how many "!" came before the
    first chunk (TextBlob applies such a "!" to the chunk before the tokens, if any).
    The loop of TextBlob's ``assessments`` on a lexicon flattened once (:func:`_assess_tables`).
    """
    from textblob._text import PUNCTUATION

    known, modifier_words, negations, emoticons, is_modifier = _assess_tables()
    found: list[list[Any]] = []  # [words, polarity, subjectivity, intensity, negated]
    m: str | None = None  # preceding modifier ("very good")
    n: str | None = None  # preceding negation ("not good")
    lead_bangs = 0
    for w in tokens:
        entry = known.get(w)
        if entry is None and m is None and n is None and w.isalpha() and w not in negations:
            continue  # an unknown word with nothing pending: every rule below leaves it alone
        if entry is not None:
            p, s, i = entry
            if m is None:
                found.append([[w], p, s, i, 1])
            else:
                last = found[-1]
                last[0].append(w)
                last[1] = max(-1.0, min(p * last[3], +1.0))
                last[2] = max(-1.0, min(s * last[3], +1.0))
                last[3] = i
            if n is not None:
                last = found[-1]
                last[0].insert(0, n)
                last[3] = 1.0 / last[3]
                last[4] = -1
            m = w if w in modifier_words else None
            n = w if w in negations else None
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and is_modifier(m):
                found[-1][0].append(n)
                found[-1][4] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!":
                if found:
                    last = found[-1]
                    last[0].append("!")
                    last[1] = max(-1.0, min(last[1] * 1.25, +1.0))
                else:
                    lead_bangs += 1
            if w == "(!)":
                found.append([[w], 0.0, 1.0, 1.0, 1])
            if w.isalpha() is False and len(w) <= 5 and w not in PUNCTUATION:
                face = emoticons.get(w)
                if face is not None:
                    found.append([[w], face, 1.0, 1.0, 1])
    return found, m, n, lead_bangs


def _finish(found: Sequence[Sequence[Any]]) -> list[tuple[str, float, float]]:
    """(term, polarity, subjectivity) of each chunk of :func:`_assess_state`, as TextBlob reports it."""
    return [(" ".join(words), float(p * -0.5 if neg < 0 else p), float(s)) for words, p, s, _i, neg in found]


def _mean(values: Sequence[float]) -> float:
    """Mean as TextBlob computes it (left-to-right sum; 0.0 when nothing was scored)."""
    total = 0.0
    for value in values:
        total += value
    return total / (len(values) or 1)


@lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _vader_reference(text: str) -> float:
    """VADER's own ``polarity_scores(text)["compound"]``: the reference for :func:`vader_compound`."""
    return float(_vader().polarity_scores(text)["compound"])


@lru_cache(maxsize=1)
def _vader_tables() -> tuple[frozenset[str], bool, frozenset[str]]:
    """The characters VADER translates as emoji (it looks at one character at a time), whether
    any is ASCII, and VADER's lexicon words."""
    analyzer = _vader()
    emoji = frozenset(c for c in analyzer.emojis if len(c) == 1)
    return emoji, any(c.isascii() for c in emoji), frozenset(analyzer.lexicon)


@lru_cache(maxsize=1)
def _vader_rules() -> tuple[Any, ...]:
    """VADER's constants for :func:`_vader_sentiments`, read from its module once."""
    from vaderSentiment import vaderSentiment as v

    return (
        _vader().lexicon, v.BOOSTER_DICT, frozenset(v.NEGATE), v.SPECIAL_CASES, v.N_SCALAR, v.C_INCR,
        v.SentiText._strip_punc_if_word,
    )


_VADER_ITEMS: dict[str, tuple[str, str, bool, bool]] = {}


def _vader_item(word: str) -> tuple[str, str, bool, bool]:
    """(VADER's item for one whitespace-separated word, its lower case, is it all capitals,
    is it a negation for VADER's ``negated``), cached by word."""
    found = _VADER_ITEMS.get(word)
    if found is None:
        strip = _vader_rules()[6]
        negate = _vader_rules()[2]
        item = strip(word)
        lower = item.lower()
        again = lower.lower()  # ``negated`` lower-cases once more
        found = (item, lower, item.isupper(), again in negate or "n't" in again)
        if len(_VADER_ITEMS) > 200_000:
            _VADER_ITEMS.clear()
        _VADER_ITEMS[word] = found
    return found


def _vader_rows(text: str) -> list[tuple[str, str, bool, bool]]:
    """:func:`_vader_item` of every whitespace-separated word of ``text``."""
    cache = _VADER_ITEMS
    rows = []
    for w in text.split():
        found = cache.get(w)
        rows.append(_vader_item(w) if found is None else found)
    return rows


def _vader_sentiments(
    rows: Sequence[tuple[str, str, bool, bool]], lowers: list[str]
) -> tuple[list[str], list[Any]]:
    """VADER's items and per-item valences of an emoji-free text (its :func:`_vader_rows` and
    their lower-cased items): the loop of ``polarity_scores`` with ``sentiment_valence`` and
    its negation, booster, idiom and "least" rules copied from VADER, reading a list of
    lower-cased items made once instead of lower-casing the whole sentence again at each rule.
    ``_but_check`` is VADER's own."""
    lexicon, booster, _negate, special, n_scalar, c_incr, _strip = _vader_rules()
    items = [r[0] for r in rows]
    n = len(rows)
    allcaps = [r[2] for r in rows].count(True)
    cap_diff = 0 < n - allcaps < n
    # Items outside the lexicon, boosters and "kind" before "of" score 0 (VADER appends 0).
    sentiments: list[Any] = [0] * n
    for i in [i for i, lw in enumerate(lowers) if lw in lexicon]:
        lw = lowers[i]
        if lw in booster:
            continue
        if i < n - 1 and lw == "kind" and lowers[i + 1] == "of":
            continue
        # sentiment_valence
        valence = lexicon[lw]
        if lw == "no" and i != n - 1 and lowers[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[lw] * n_scalar
        if rows[i][2] and cap_diff:
            if valence > 0:
                valence += c_incr
            else:
                valence -= c_incr
        for start_i in range(0, 3):
            k = i - (start_i + 1)
            if i > start_i and lowers[k] not in lexicon:
                # scalar_inc_dec
                s = 0.0
                if lowers[k] in booster:
                    s = booster[lowers[k]]
                    if valence < 0:
                        s *= -1
                    if rows[k][2] and cap_diff:
                        if valence > 0:
                            s += c_incr
                        else:
                            s -= c_incr
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                # _negation_check
                if start_i == 0 and rows[i - 1][3]:
                    valence = valence * n_scalar
                if start_i == 1:
                    if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                        valence = valence * 1.25
                    elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
                        valence = valence
                    elif rows[i - 2][3]:
                        valence = valence * n_scalar
                if start_i == 2:
                    if (
                        lowers[i - 3] == "never"
                        and (lowers[i - 2] == "so" or lowers[i - 2] == "this")
                        or (lowers[i - 1] == "so" or lowers[i - 1] == "this")
                    ):
                        valence = valence * 1.25
                    elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
                        valence = valence
                    elif rows[i - 3][3]:
                        valence = valence * n_scalar
                    # _special_idioms_check
                    onezero = f"{lowers[i - 1]} {lowers[i]}"
                    twoonezero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
                    twoone = f"{lowers[i - 2]} {lowers[i - 1]}"
                    threetwoone = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
                    threetwo = f"{lowers[i - 3]} {lowers[i - 2]}"
                    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                        if seq in special:
                            valence = special[seq]
                            break
                    if n - 1 > i:
                        zeroone = f"{lowers[i]} {lowers[i + 1]}"
                        if zeroone in special:
                            valence = special[zeroone]
                    if n - 1 > i + 1:
                        zeroonetwo = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
                        if zeroonetwo in special:
                            valence = special[zeroonetwo]
                    for n_gram in (threetwoone, threetwo, twoone):
                        if n_gram in booster:
                            valence = valence + booster[n_gram]
        # _least_check
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * n_scalar
        sentiments[i] = valence
    return items, sentiments


def _vader_emoji_text(text: str) -> str:
    """VADER's translation of emoji into their descriptions (the first loop of
    ``polarity_scores``), built as a list and joined once: VADER's own string concatenation is
    quadratic on a long run of emoji. Tested equal through :func:`vader_compound`."""
    emojis = _vader().emojis
    out: list[str] = []
    prev_space = True
    for char in text:
        description = emojis.get(char)
        if description is not None:
            if not prev_space:
                out.append(" ")
            out.append(description)
            prev_space = False
        else:
            out.append(char)
            prev_space = char == " "
    return "".join(out)


def vader_compound(text: str) -> float:
    """VADER's compound score of ``text`` (-1..1): a second lexicon with rules for negation,
    intensifiers, capitals and "but". Tuned on social media; it misses the same kind of thing
    TextBlob misses (unknown words, irony, framing), but not always in the same places.

    Computed as ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]`` with exact
    shortcuts: a text none of whose items is in VADER's lexicon scores 0.0 without its rules running,
    a text without emoji skips VADER's character-by-character emoji translation (done in linear
    time by :func:`_vader_emoji_text` when there are emoji), and VADER's
    word rules run on words lower-cased once (:func:`_vader_sentiments`). Tested equal to
    :func:`_vader_reference`.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    emoji, ascii_emoji, _words = _vader_tables()
    if (ascii_emoji or not text.isascii()) and not emoji.isdisjoint(text):
        text = _vader_emoji_text(text)
    stripped = text.strip()
    rows = _vader_rows(stripped)
    # VADER looks its items up lower-cased: none in the lexicon means every valence is 0 and
    # so is the compound.
    lowers = [row[1] for row in rows]
    if _vader_rules()[0].keys().isdisjoint(lowers):
        return 0.0
    items, sentiments = _vader_sentiments(rows, lowers)
    if "but" in lowers:  # VADER's _but_check looks for a lower-cased "but"
        sentiments = SentimentIntensityAnalyzer._but_check(items, sentiments)
    return _vader_compound_of(sentiments, stripped)


def _vader_compound_of(sentiments: Sequence[Any], text: str) -> float:
    """The ``compound`` of VADER's ``score_valence(sentiments, text)`` (the sum of valences
    with its punctuation emphasis, normalized, rounded to 4 places), without its other shares."""
    from vaderSentiment.vaderSentiment import normalize

    if not sentiments:
        return 0.0
    sum_s = float(sum(sentiments))
    punct_emph_amplifier = _vader()._punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    return float(round(normalize(sum_s), 4))


# ---------------------------------------------------------------------------------------------
# Scoring articles: each sentence tokenized once
# ---------------------------------------------------------------------------------------------


def _score_article(sentence_texts: Sequence[str], extra_text: str) -> dict[str, Any]:
    """Score one article from its sentences (and its boilerplate, for the "raw" figure).

    Tokens are made once per sentence. The article's figures come from one TextBlob assessment
    pass over the concatenated tokens, which is exactly what ``TextBlob(body).sentiment`` reads
    (TextBlob carries "not" and "very" across sentence ends, so a mean of sentence scores
    would differ); each sentence then gets its own pass.
    """
    tokens = [_tokens(t) for t in sentence_texts]
    per_sentence, document = _assess_sentences(tokens)
    extra_tokens = _tokens(extra_text) if extra_text.strip() else []
    raw = _assess(list(chain.from_iterable(tokens)) + extra_tokens) if extra_tokens else document
    return {
        "document": document,
        "raw": raw,
        "sentences": per_sentence,
        "vader": [vader_compound(t) for t in sentence_texts],
    }


def _score_pair(pair: tuple[Sequence[str], str]) -> dict[str, Any]:
    return _score_article(*pair)


def _map_articles(inputs: list[tuple[list[str], str]], *, n_jobs: int) -> list[dict[str, Any]]:
    """``_score_article`` over every article, in order, in ``n_jobs`` processes (1: here)."""
    workers = (os.cpu_count() or 1) if n_jobs < 0 else max(1, n_jobs)
    workers = min(workers, len(inputs))
    if workers <= 1:
        return [_score_pair(pair) for pair in inputs]
    chunk = max(1, len(inputs) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_score_pair, inputs, chunksize=chunk))


def _boilerplate_text(pieces: Any) -> str:
    """The removed furniture of one article as one text (paragraph-separated)."""
    if not isinstance(pieces, (list, tuple, np.ndarray)):
        return ""
    texts = [str(p.get("text", "")) if isinstance(p, dict) else str(p) for p in pieces]
    return "\n\n".join(t for t in texts if t.strip())


def sentence_tone(sentences: pd.DataFrame) -> pd.DataFrame:
    """TextBlob polarity/subjectivity and VADER compound of every sentence.

    Returns ``article_id, sent_id, polarity, subjectivity, vader_compound, n_assessed`` where
    ``n_assessed`` counts the words TextBlob found in its lexicon (0: the sentence is "neutral"
    only because the lexicon knows none of its words).
    """
    rows = []
    for article_id, sent_id, text in zip(
        sentences["article_id"], sentences["sent_id"], sentences["text"], strict=True
    ):
        found = _assess(_tokens(text))
        rows.append(
            (
                article_id,
                int(sent_id),
                _mean([p for _, p, _ in found]),
                _mean([s for _, _, s in found]),
                vader_compound(text),
                len(found),
            )
        )
    return pd.DataFrame(
        rows,
        columns=["article_id", "sent_id", "polarity", "subjectivity", "vader_compound", "n_assessed"],
    )


# ---------------------------------------------------------------------------------------------
# Loaded words the lexicon cannot score
# ---------------------------------------------------------------------------------------------


def _textblob_polarity_of_term(term: str) -> float | None:
    """Largest absolute TextBlob polarity among the words of ``term``; None if it knows none."""
    values = [lexicon_entry(normalize_token(tok)) for _, _, tok in word_spans(term)]
    known = [v[0] for v in values if v is not None]
    if not known:
        return None
    return max(known, key=abs)


def unscored_loaded(
    cues: pd.DataFrame,
    *,
    categories: Sequence[str] | None = None,
    min_score: float = 0.0,
    lexical_only: bool = True,
) -> pd.DataFrame:
    """Loaded words a reader notices that TextBlob's lexicon scores 0 (or does not know).

    ``cues`` is a table of wording cues (``analysis.wording.loaded_language``: ``term,
    category, score, why``, with ``article_id`` when it covers several articles). A cue is kept
    when its category is one of ``categories`` (default: those the cue-category registry marks
    ``unscored``, loaded words and labels), its ``score`` (if given) is at least ``min_score``,
    with ``lexical_only`` its ``evidence`` (if given) includes a lexicon or learned rate (a word
    flagged only for being rare is a hint, not a loaded word), and no word of its term has a
    non-zero polarity in TextBlob's lexicon. Returns ``article_id,
    term, category, count, score, textblob_polarity, why``: one row per article and lower-cased
    term, highest score first; ``textblob_polarity`` is None for words the lexicon lacks.

    What this shows: how much of an article's evaluative wording is invisible to the polarity
    figure. What it cannot see: it trusts the cue list; a loaded word missing from it is missed.
    """
    if cues is None or len(cues) == 0 or "term" not in cues.columns:
        return pd.DataFrame(columns=_UNSCORED_COLUMNS)
    frame = cues.copy()
    if "category" not in frame.columns:
        frame["category"] = "loaded"
    if categories is None:
        categories = [c.name for c in cue_categories() if c.unscored]
    frame = frame.loc[frame["category"].isin(list(categories))]
    if lexical_only and "evidence" in frame.columns:
        frame = frame.loc[has_lexical_evidence(frame["evidence"]).to_numpy()]
    if "score" not in frame.columns:
        frame["score"] = math.nan
    else:
        frame = frame.loc[frame["score"].isna() | (frame["score"] >= min_score)]
    if "article_id" not in frame.columns:
        frame["article_id"] = None
    if "why" not in frame.columns:
        frame["why"] = ""
    frame["term"] = frame["term"].astype(str).map(normalize_token)
    scores = {t: _textblob_polarity_of_term(t) for t in frame["term"].unique()}
    frame["textblob_polarity"] = frame["term"].map(scores)
    unscored = frame.loc[frame["textblob_polarity"].isna() | (frame["textblob_polarity"] == 0)]
    if unscored.empty:
        return pd.DataFrame(columns=_UNSCORED_COLUMNS)
    unscored = unscored.sort_values("score", ascending=False, kind="stable")
    out = (
        unscored.groupby(["article_id", "term"], sort=False, dropna=False)
        .agg(
            category=("category", "first"),
            count=("term", "size"),
            score=("score", "max"),
            textblob_polarity=("textblob_polarity", "first"),
            why=("why", "first"),
        )
        .reset_index()
    )
    order = {a: i for i, a in enumerate(pd.unique(frame["article_id"]))}
    out = out.sort_values(
        ["article_id", "score"],
        ascending=[True, False],
        key=lambda s: s.map(order) if s.name == "article_id" else s,
        kind="stable",
    ).reset_index(drop=True)
    out["textblob_polarity"] = (
        out["textblob_polarity"].astype(object).where(out["textblob_polarity"].notna(), None)
    )
    return out[_UNSCORED_COLUMNS]


def _wording_cues(articles: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """Loaded-language cues of every body from ``analysis.wording`` (and no note: the second
    value is kept for callers that print a note when cues are missing)."""
    frames = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        cues = loaded_language(str(body))
        if len(cues):
            frames.append(cues.assign(article_id=article_id))
    if not frames:
        return pd.DataFrame(columns=["article_id", "term", "category"]), None
    return pd.concat(frames, ignore_index=True), None


# ---------------------------------------------------------------------------------------------
# Bootstrap
# ---------------------------------------------------------------------------------------------


def bootstrap_mean_ci(
    frame: pd.DataFrame,
    *,
    value: str,
    by: Sequence[str],
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    chunk: int = 4_000_000,
) -> pd.DataFrame:
    """Mean of ``value`` per group of ``by``, with a percentile bootstrap interval.

    Returns ``*by, n, mean, ci_low, ci_high``; the interval is NaN for groups of fewer than
    two values. Groups of the same size are resampled together in one numpy array (no Python
    loop per group); ``seed`` makes the figures repeatable.

    What it means: how much the mean would move if the same article had happened to contain a
    slightly different set of such sentences. What it cannot see: the sentences of one article
    are not independent draws, and a tight interval around a lexicon's score is still that
    lexicon's score.
    """
    by = list(by)
    values = frame[by + [value]].dropna(subset=[value])
    groups = values.groupby(by, sort=True, dropna=False)[value]
    arrays = {key if isinstance(key, tuple) else (key,): np.asarray(v, dtype=float) for key, v in groups}
    keys = list(arrays)
    rng = np.random.default_rng(seed)
    lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
    results: dict[Any, tuple[int, float, float, float]] = {}
    by_size: dict[int, list[Any]] = {}
    for key in keys:
        by_size.setdefault(len(arrays[key]), []).append(key)
    for size in sorted(by_size):
        members = by_size[size]
        matrix = np.stack([arrays[k] for k in members])  # (groups, size)
        means = matrix.mean(axis=1)
        if size < 2:
            for key, mean in zip(members, means, strict=True):
                results[key] = (size, float(mean), math.nan, math.nan)
            continue
        step = max(1, chunk // (n_boot * size))
        for first in range(0, len(members), step):
            block = matrix[first : first + step]
            picks = rng.integers(0, size, size=(block.shape[0], n_boot, size))
            resampled = np.take_along_axis(block[:, None, :], picks, axis=2).mean(axis=2)
            lows, highs = np.quantile(resampled, [lo_q, hi_q], axis=1)
            for offset, key in enumerate(members[first : first + step]):
                mean = float(means[first + offset])
                # Guard the last bit of floating-point noise so the interval holds its mean.
                results[key] = (size, mean, min(float(lows[offset]), mean), max(float(highs[offset]), mean))
    rows = []
    for key in keys:
        rows.append((*key, *results[key]))
    return pd.DataFrame(rows, columns=[*by, "n", "mean", "ci_low", "ci_high"])


# ---------------------------------------------------------------------------------------------
# The whole tone section
# ---------------------------------------------------------------------------------------------


@dataclass
class ToneResult:
    """Every tone table of one comparison (see the module docstring for what each holds)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    driving_words: pd.DataFrame
    assessments: pd.DataFrame
    unscored_loaded: pd.DataFrame
    disagreements: pd.DataFrame
    actors: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    def to_json(self, *, top_words: int = 15) -> dict[str, Any]:
        """The design's ``tone`` section: JSON-safe types, floats to 4 places, NaN as None.

        ``driving_words`` lists each article's ``top_words`` terms that weigh most in its score.
        """
        words = self.driving_words.assign(weight=self.driving_words["contribution"].abs()).sort_values(
            ["weight", "count", "term"], ascending=[False, False, True]
        )
        words_by = {aid: group for aid, group in words.groupby("article_id", sort=False)}
        loaded_by = {
            aid: [str(t) for t in group["term"]]
            for aid, group in self.unscored_loaded.groupby("article_id", sort=False)
        }
        no_words = words.iloc[0:0]
        articles = []
        for row in records(
            self.articles,
            [
                "article_id",
                "polarity",
                "subjectivity",
                "vader_compound",
                "polarity_with_boilerplate",
                "n_sentences",
                "n_assessed",
            ],
        ):
            aid = row["article_id"]
            row["driving_words"] = records(
                words_by.get(aid, no_words).head(top_words),
                ["term", "polarity", "subjectivity", "count", "contribution"],
            )
            row["unscored_loaded"] = loaded_by.get(aid, [])
            articles.append(row)
        return {
            "articles": articles,
            "sentences": records(
                self.sentences,
                ["article_id", "sent_id", "polarity", "subjectivity", "vader_compound", "n_assessed"],
            ),
            "actors": records(self.actors, _ACTOR_COLUMNS),
            "disagreements": records(
                self.disagreements, ["article_id", "sent_id", "polarity", "vader_compound"]
            ),
        }


def _actor_tone(
    sentence_scores: pd.DataFrame, sentences: pd.DataFrame, *, n_boot: int, seed: int,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Tone of the sentences that mention each actor, per article (see ``analyze_tone``)."""
    mentions = actor_mentions(sentences) if mentions is None else mentions
    if mentions.empty:
        return pd.DataFrame(columns=_ACTOR_COLUMNS)
    about = mentions[["article_id", "sent_id", "actor"]].drop_duplicates()
    scored = about.merge(sentence_scores, on=["article_id", "sent_id"], how="inner")
    means = (
        scored.groupby(["article_id", "actor"], sort=False)
        .agg(
            n_sentences=("sent_id", "size"),
            subjectivity=("subjectivity", "mean"),
            vader_compound=("vader_compound", "mean"),
        )
        .reset_index()
    )
    ci = bootstrap_mean_ci(scored, value="polarity", by=["article_id", "actor"], n_boot=n_boot, seed=seed)
    out = means.merge(
        ci.rename(columns={"mean": "polarity"}).drop(columns="n"), on=["article_id", "actor"], how="left"
    )
    out["small_sample"] = out["n_sentences"] < SMALL_SAMPLE
    order = {a: i for i, a in enumerate(pd.unique(sentence_scores["article_id"]))}
    out = out.sort_values(
        ["article_id", "n_sentences", "actor"],
        key=lambda s: s.map(order) if s.name == "article_id" else s,
        ascending=[True, False, True],
    )
    return out[_ACTOR_COLUMNS].reset_index(drop=True)


def analyze_tone(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    cues: pd.DataFrame | None = None,
    loaded_min_score: float | None = None,
    neutral_band: float = NEUTRAL_BAND,
    window: int = 5,
    n_boot: int = 2000,
    seed: int = 0,
    n_jobs: int = 1,
    mentions: pd.DataFrame | None = None,
) -> ToneResult:
    """Tone of each article, sentence and actor, by two lexicon instruments.

    Args:
        articles, sentences: the tables from ``analysis.corpus.load_corpus``.
        cues: wording cues (``article_id, term, category, score``) if already computed; by
            default ``analysis.wording.loaded_language`` is run on every body.
        loaded_min_score: wording cues scoring below this (0..1) are left out of
            ``unscored_loaded``; by default the wording model's flag threshold, so the list holds
            the cues the wording analysis itself would flag (with lexical evidence).
        neutral_band: scores with ``|score| < neutral_band`` count as neutral when the two
            instruments' signs are compared.
        window: sentences in the rolling mean of the tone arc.
        n_boot, seed: bootstrap resamples for the actor intervals, and the random seed.
        mentions: actor mentions already found (``analysis.actors.actor_mentions``: discovered
            actors, extended by a user's actor table); found here when None.
        n_jobs: processes scoring articles in parallel (-1: one per core); worth it from a few
            hundred articles on. Results do not depend on it.

    What the numbers mean: the average lexicon score of the words each instrument knows.
    What they cannot see: words outside the lexicons, irony, quotation (a quoted insult counts
    as the article's), who is praised or blamed, and what an article leaves out. A mean over a
    handful of sentences (``small_sample``) is an anecdote, not a finding.
    """
    notes: list[str] = []
    if len(articles) == 1:
        notes.append("one article: these are its tone figures; a comparison needs two or more")
    by_article = {
        aid: grp
        for aid, grp in sentences.sort_values(["article_id", "sent_id"]).groupby("article_id", sort=False)
    }
    article_rows, sentence_rows, word_rows, assessment_rows = [], [], [], []
    ids = list(articles["article_id"])
    pieces_column = articles["boilerplate"] if "boilerplate" in articles.columns else [None] * len(ids)
    inputs = []
    for article_id, pieces in zip(ids, pieces_column, strict=True):
        sents = by_article.get(article_id)
        texts = [] if sents is None else [str(t) for t in sents["text"]]
        inputs.append((texts, _boilerplate_text(pieces)))
    for article_id, (texts, _), scored in zip(ids, inputs, _map_articles(inputs, n_jobs=n_jobs), strict=True):
        sents = by_article.get(article_id)
        sent_ids = [] if sents is None else [int(i) for i in sents["sent_id"]]
        document, raw = scored["document"], scored["raw"]
        vader = scored["vader"]
        n = len(texts)
        for sent_id, text, found, compound in zip(sent_ids, texts, scored["sentences"], vader, strict=True):
            sentence_rows.append(
                (
                    article_id,
                    sent_id,
                    _mean([p for _, p, _ in found]),
                    _mean([s for _, _, s in found]),
                    compound,
                    len(found),
                    sent_id / (n - 1) if n > 1 else 0.0,
                    text,
                )
            )
            assessment_rows.extend((article_id, sent_id, term, p, s) for term, p, s in found)
        word_rows.extend((article_id, term, p, s) for term, p, s in document)
        article_rows.append(
            (
                article_id,
                _mean([p for _, p, _ in document]),
                _mean([s for _, _, s in document]),
                _mean([p for _, p, _ in raw]),
                _mean([s for _, _, s in raw]),
                float(np.mean(vader)) if vader else math.nan,
                n,
                sum(1 for found in scored["sentences"] if found),
                len(document),
            )
        )
    article_table = pd.DataFrame(article_rows, columns=_ARTICLE_COLUMNS)

    sentence_table = pd.DataFrame(
        sentence_rows,
        columns=[c for c in _SENTENCE_COLUMNS if c != "polarity_rolling"],
    )
    sentence_table["polarity_rolling"] = sentence_table.groupby("article_id", sort=False)[
        "polarity"
    ].transform(lambda s: s.rolling(window, center=True, min_periods=1).mean())
    sentence_table = sentence_table[_SENTENCE_COLUMNS]

    words = pd.DataFrame(word_rows, columns=["article_id", "term", "polarity", "subjectivity"])
    totals = words.groupby("article_id", sort=False)["term"].transform("size")
    words["share"] = words["polarity"] / totals
    driving = (
        words.groupby(["article_id", "term"], sort=False)
        .agg(
            polarity=("polarity", "mean"),
            subjectivity=("subjectivity", "mean"),
            count=("term", "size"),
            contribution=("share", "sum"),
        )
        .reset_index()
    )
    driving = driving.assign(weight=driving["contribution"].abs()).sort_values(
        ["article_id", "weight", "term"],
        ascending=[True, False, True],
        key=lambda s: (
            s.map({a: i for i, a in enumerate(articles["article_id"])}) if s.name == "article_id" else s
        ),
    )
    driving = driving[_WORD_COLUMNS].reset_index(drop=True)

    if cues is None:
        cues, problem = _wording_cues(articles)
        if problem:
            notes.append(problem)
            warnings.warn(f"tone: {problem}; unscored_loaded is empty", RuntimeWarning, stacklevel=2)
    if loaded_min_score is None:
        loaded_min_score = flag_threshold()
    loaded = unscored_loaded(cues, min_score=loaded_min_score)

    band = sentence_table[["polarity", "vader_compound"]]
    opposite = (
        (band["polarity"].abs() >= neutral_band)
        & (band["vader_compound"].abs() >= neutral_band)
        & (np.sign(band["polarity"]) != np.sign(band["vader_compound"]))
    )
    assessed = pd.DataFrame(assessment_rows, columns=_ASSESSMENT_COLUMNS)
    words_by_sentence = (
        assessed.groupby(["article_id", "sent_id"], sort=False)["term"]
        .agg(", ".join)
        .rename("textblob_words")
    )
    disagreements = (
        sentence_table.loc[opposite]
        .merge(words_by_sentence.reset_index(), on=["article_id", "sent_id"], how="left")[
            _DISAGREEMENT_COLUMNS
        ]
        .reset_index(drop=True)
    )

    actors = _actor_tone(
        sentence_table[["article_id", "sent_id", "polarity", "subjectivity", "vader_compound"]],
        sentences,
        n_boot=n_boot,
        seed=seed,
        mentions=mentions,
    )
    return ToneResult(
        articles=article_table,
        sentences=sentence_table,
        driving_words=driving,
        assessments=assessed,
        unscored_loaded=loaded,
        disagreements=disagreements,
        actors=actors,
        notes=notes,
    )
