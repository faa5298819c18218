"""Sentences and word tokens with character offsets, offline and fast.

Everything that splits text into pieces lives here, so every measure in the suite counts the same
words. Offsets always index the text that was passed in: ``text[start:end] == token``.

What this cannot see: it is a rule-based splitter for English news prose. Headlines without a full
stop, lists, tables and quotations that run over several sentences are split by rules, not by
understanding; an unusual abbreviation followed by a capitalised name may end a sentence too early.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.lexicon import load_lexicon, on_change

__all__ = [
    "Span",
    "word_spans",
    "tokenize",
    "sentence_spans",
    "paragraph_sentence_spans",
    "split_sentences",
    "paragraph_spans",
    "normalize_token",
    "stem",
    "stop_words",
    "caseless_alternation",
    "first_letters_class",
    "word_alternation",
    "word_hits",
    "is_probably_english",
]

# ---------------------------------------------------------------------------------------------
# Word tokens
# ---------------------------------------------------------------------------------------------

_APOS = "'\u2019\u02bc"  # straight, right single quotation mark (curly), modifier apostrophe
_HYPH = "\\-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
_LETTER = r"[^\W\d_]"
_CURRENCY = "$€£¥₹₽"

#: One compiled pattern does all the tokenizing work (order matters: first alternative wins).
#: An initialism (two or more letter-dot pairs) before a word, both after one first letter (the
#: same matches as the three alternatives "initialism | number | word" in that order, since a
#: number never starts with a letter; a letter is read once instead of twice).
WORD_PATTERN = re.compile(
    rf"""
    {_LETTER}(?:
        \.(?:{_LETTER}\.)+                                  # initialisms: U.S.  e.g.  D.C.
      | [\w]*(?:[{_APOS}{_HYPH}]{_LETTER}[\w]*)*            # words: Kyiv’s  high-risk  don't
    )
    | [{_CURRENCY}]?\d+(?:[.,]\d+)*(?:%|(?:st|nd|rd|th|s)\b)? # numbers: 1,000  4.2  €5  500%  1990s
    """,
    re.VERBOSE,
)

_NORMALIZE_TABLE = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True)
class Span:
    """A piece of a text: ``text[start:end]``."""

    start: int
    end: int
    text: str


def normalize_token(token: str) -> str:
    """Lower-case a token and fold curly apostrophes and hyphen variants to ASCII.

    >>> normalize_token("Kyiv’s")
    "kyiv's"
    """
    return token.translate(_NORMALIZE_TABLE).lower()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The project's one stemmer, light and English: possessive, plural and -ing/-ed endings
    stripped (consistently, not linguistically: "strikes" -> "strike", "attacked" -> "attack",
    "negotiations" -> "negotiation"). Takes a normalized token (``normalize_token``).

    (The wording model pools its learned word statistics by its own fold,
    ``analysis.wording.lexicons.fold_form``: its fitted table is keyed by it.)

    >>> [stem(w) for w in ("strikes", "attacked", "talks", "kyiv's")]
    ['strike', 'attack', 'talk', 'kyiv']
    """
    w = word
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed"):
        return w[:-2] if not w.endswith("eed") else w
    return w


@lru_cache(maxsize=2)
def stop_words(*, reporting: bool = False) -> frozenset[str]:
    """The project's one stop list, ``analysis/lexicons/stopwords.csv``, lower-cased: words that
    carry grammar, not topic (the Glasgow list, category ``function word``), and with
    ``reporting=True`` also reporting glue and calendar words (``reporting word``: "said",
    "according", "week"), which sentence alignment ignores.

    (The wording model keeps its own function words, ``lexicons/function_words.csv``: they are part
    of its fitted features.)
    """
    table = load_lexicon("stopwords")
    kinds = ("function word", "reporting word") if reporting else ("function word",)
    return frozenset(t.lower() for t in table.loc[table["category"].isin(kinds), "term"])


on_change(stop_words.cache_clear)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Every word or number in ``text`` as ``(start, end, token)``, in order.

    Words keep internal apostrophes and hyphens ("Kyiv’s", "high-risk"); initialisms keep their
    full stops ("U.S."); numbers keep currency signs, separators and a percent sign ("€5", "1,000",
    "500%"). Punctuation is not a token.

    >>> [t for _, _, t in word_spans("Kyiv’s high-risk €5 billion plan for the U.S.")]
    ['Kyiv’s', 'high-risk', '€5', 'billion', 'plan', 'for', 'the', 'U.S.']
    """
    return [(m.start(), m.end(), m.group()) for m in WORD_PATTERN.finditer(text)]


def tokenize(text: str) -> pd.DataFrame:
    """Word tokens of ``text`` as a table: ``start, end, token, norm``.

    ``norm`` is the lower-cased token with curly apostrophes folded, the form counts use.
    """
    spans = word_spans(text)
    frame = pd.DataFrame(spans, columns=["start", "end", "token"])
    frame["norm"] = [normalize_token(t) for t in frame["token"]]
    return frame.astype({"start": "int64", "end": "int64"})


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------


def _sentence_words(category: str) -> frozenset[str]:
    table = load_lexicon("sentence_rules")
    return frozenset(table.loc[table["category"] == category, "term"])


# The sentence rules' word lists (``lexicons/sentence_rules.csv``): abbreviations that never end
# a sentence (a name or a number follows them), abbreviations that end one only when a usual
# sentence opener follows, and those openers ("The", "But", …).
_NEVER_FINAL = _sentence_words("never final")
_MAYBE_FINAL = _sentence_words("maybe final")
_SENTENCE_OPENERS = _sentence_words("sentence opener")

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
# The look-behind and the possessive quantifiers keep this linear on long runs of punctuation
# ("......" with no space after it): a run is tried once, from its first character. (The
# look-behind reads the character before the run after the run's first one is taken, so the
# pattern starts with a character class and the engine skips to terminal punctuation at once: a
# third of the CPU of a look-behind first, the same matches.)
_END_CANDIDATE = re.compile(r"""([.!?…](?<![.!?…].)[.!?…]*+)(['"”’»)\]]*+)(\s+)""")
_NEXT_START = re.compile(r"""['"“‘«(\[]*([^\W_]|\d|[$€£¥])""")
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[\w.]*[^\W\d_])?)\.?$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
_FOLLOWING = re.compile(r"[\w.]+")


def _is_hard_wrapped(text: str) -> bool:
    """True when single newlines look like line wrapping inside paragraphs, not line breaks."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 4:
        return False
    mid_sentence = sum(1 for ln in lines[:-1] if ln.rstrip()[-1:] not in ".!?:\"”’)")
    lengths = sorted(len(ln) for ln in lines)
    median = lengths[len(lengths) // 2]
    return mid_sentence / (len(lines) - 1) > 0.5 and 40 <= median <= 100


def _is_boundary(text: str, punct_start: int, punct: str, next_pos: int) -> bool:
    """Decide whether the punctuation at ``punct_start`` ends a sentence."""
    nxt = _NEXT_START.match(text, next_pos)
    if nxt is None:
        return True
    first = nxt.group(1)
    if punct in "!?…" or len(punct) > 1 and punct != "..":
        # "?" and "!" end a sentence unless a lower-case word continues it ("Really? he asked").
        return not first.islower()
    if first.islower():
        return False
    # (searched from after the last space in the 40 characters before: a match holds no space)
    lo = max(0, punct_start - 40)
    before = _WORD_BEFORE.search(text, max(lo, text.rfind(" ", lo, punct_start) + 1), punct_start)
    if before is None:
        return True
    word = before.group(1)
    low = word.lower()
    if low in _NEVER_FINAL or low.rstrip(".") in _NEVER_FINAL:
        return False
    if len(word) == 1 and word.isupper():  # middle initial: "John F. Kennedy"
        return False
    if "." in word or low in _MAYBE_FINAL:  # U.S. / e.g. / Inc.: a boundary only before an opener
        at = nxt.start(1)
        following = _FOLLOWING.match(text, at, at + 30)
        return (following.group().rstrip(".").lower() if following else "") in _SENTENCE_OPENERS
    return True


def _split_block(text: str, offset: int, out: list[tuple[int, int]]) -> None:
    """Append the sentence spans of one paragraph-like block ``text`` found at ``offset``."""
    start = 0
    for m in _END_CANDIDATE.finditer(text):
        punct = m.group(1)
        if _is_boundary(text, m.start(1), punct, m.end()):
            end = m.end(2)
            if text[start:end].strip():
                out.append((offset + start, offset + end))
            start = m.end()
    if text[start:].strip():
        out.append((offset + start, offset + len(text.rstrip())))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, leading/trailing space trimmed.

    Paragraph breaks always end a sentence; single line breaks do too unless the text looks
    hard-wrapped. Known abbreviations (Dr., Jan., e.g.) do not end a sentence; initialisms such as
    "U.S." end one only when a usual sentence opener ("The", "But", …) follows.

    >>> t = "Dr. Smith met U.S. officials on Jan. 5. The talks failed."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Dr. Smith met U.S. officials on Jan. 5.', 'The talks failed.']
    """
    breaker = _PARAGRAPH_BREAK if _is_hard_wrapped(text) else _LINE_BREAK
    spans: list[tuple[int, int]] = []
    pos = 0
    for brk in breaker.finditer(text):
        _split_block(text[pos:brk.start()], pos, spans)
        pos = brk.end()
    _split_block(text[pos:], pos, spans)
    return _trimmed(text, spans)


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with leading whitespace trimmed, so ``text[start:end]`` is the clean sentence;
    spans left empty are dropped."""
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def paragraph_sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The :func:`sentence_spans` of ``text`` that lie in one of its paragraphs ``text[start:end]``
    (a span of :func:`paragraph_spans`), found by splitting that paragraph alone: the same rules,
    so the same spans, without splitting the rest of the text.

    >>> t = "Sen. Roe spoke.\\nThe U.S. Army said that it had left. It had not."
    >>> [t[s:e] for s, e in paragraph_sentence_spans(t, *paragraph_spans(t)[1])]
    ['The U.S. Army said that it had left.', 'It had not.']
    """
    spans: list[tuple[int, int]] = []
    _split_block(text[start:end], start, spans)
    return _trimmed(text, spans)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``: blank-line separated blocks, or lines
    when the text is not hard-wrapped (the way scraped articles usually arrive)."""
    breaker = _PARAGRAPH_BREAK if _is_hard_wrapped(text) else re.compile(r"\n\s*")
    spans = []
    pos = 0
    for brk in breaker.finditer(text):
        if text[pos:brk.start()].strip():
            spans.append((pos, brk.start()))
        pos = brk.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def split_sentences(text: str) -> pd.DataFrame:
    """Sentences of ``text`` as a table: ``sent_id, start, end, text`` (``sent_id`` from 0)."""
    spans = sentence_spans(text)
    return pd.DataFrame(
        {
            "sent_id": range(len(spans)),
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "text": [text[s:e] for s, e in spans],
        }
    ).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


# ---------------------------------------------------------------------------------------------
# Language check
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    return frozenset(load_lexicon("english_markers")["term"])  # lexicons/english_markers.csv


on_change(_english_function_words.cache_clear)


def is_probably_english(text: str, *, min_share: float = 0.12) -> bool:
    """Heuristic language check: share of tokens that are common English function words.

    Running English prose has about 35-50 % function words; other languages in Latin script
    have almost none of these. Short texts (under 20 words) are given the benefit of the doubt.
    """
    words = [normalize_token(t) for _, _, t in word_spans(text) if not t[0].isdigit()]
    if len(words) < 20:
        return True
    common = _english_function_words()
    return sum(w in common for w in words) / len(words) >= min_share


def word_alternation(words: Iterable[str], *, space: str | None = None) -> str:
    r"""A regex group matching any of ``words`` (plain strings), written as a tree of their
    letters: each character is tried once for all the words that share what comes before it
    (faster than a flat list of alternatives, which tries every word starting with the same letter
    in turn). The words that fit at one position are prefixes of one another; the tree tries them
    longest first (a word's continuations before its end), as a flat list sorted longest first
    does, so with whatever follows the group the matches are the same as with that list.
    ``space``: the regex written for a space (``r"\s+"``: any whitespace between the words of a
    phrase), else a space.

    >>> word_alternation(["said", "says", "told"])
    '(?:sa(?:id|ys)|told)'
    """
    def char(c: str) -> str:
        return space if c == " " and space is not None else re.escape(c)

    def tree(suffixes: list[str]) -> str:
        groups: dict[str, list[str]] = {}
        for suffix in suffixes:
            if suffix:
                groups.setdefault(suffix[0], []).append(suffix[1:])
        branches = []
        for first, rest in groups.items():
            # a run of single continuations written as one string ("sa" + …)
            head = char(first)
            while len(rest) == 1 and rest[0]:
                head += char(rest[0][0])
                rest = [rest[0][1:]]
            branches.append(head + tree(rest))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in suffixes else "(?:" + "|".join(branches) + ")"
        return f"(?:{'|'.join(branches)})?" if "" in suffixes else body
    return tree(sorted(set(words))) or "(?!x)x"


@lru_cache(maxsize=8)
def _word_hit_pattern(words: frozenset[str]) -> re.Pattern[str]:
    bad = sorted(w for w in words if not re.fullmatch(r"[a-z]+", w))
    if bad:
        raise ValueError(f"word_hits: {bad[0]!r} is not a run of the letters a-z")
    # (the letter before each word and the word, in text with a space put first: the pattern
    # starts with a character class, which the engine skips to quickly)
    return re.compile(rf"[^a-z](?:{word_alternation(words)})(?![a-z])")


def word_hits(lower: str, words: frozenset[str]) -> list[tuple[int, str]]:
    """Where each of ``words`` (runs of lower-case ASCII letters) stands in ``lower`` as a whole
    run of the letters a-z (no a-z before or after it): ``(start, word)`` in text order, found in
    one pass (the words as a tree of their letters, :func:`word_alternation`). ``lower`` is a
    lower-cased text; one scan of a whole article stands in for a search of each sentence.

    >>> word_hits("he said: officials told reporters", frozenset({"said", "told", "officials"}))
    [(3, 'said'), (9, 'officials'), (19, 'told')]
    """
    if not words:
        return []
    return [(m.start(), m.group()[1:]) for m in _word_hit_pattern(words).finditer(" " + lower)]


def caseless_alternation(alternatives: list[str]) -> str:
    r"""A group that matches as ``(?i:a|b|…)`` does, with the same matches, tried faster.

    Python's regex engine skips an alternative of a plain alternation at once when its first
    letter differs, but tries every case-insensitive alternative in full. Here the alternatives
    are grouped by their first letter (keeping their order), each group behind a look-ahead for
    that letter in either case or any non-ASCII character (which might fold to it). No text
    character matches two different ASCII letters case-insensitively, so at any position only
    one group can match, in the original order: the same matches. Alternatives that do not start
    with an ASCII letter give the plain alternation.

    >>> caseless_alternation(["said", "says", "told"])
    '(?:(?=[^\\x00-RT-rt-\\x7f])(?i:said|says)|(?=[^\\x00-SU-su-\\x7f])(?i:told))'
    """
    if not all(a[:1].isascii() and a[:1].isalpha() for a in alternatives):
        return "(?i:" + "|".join(alternatives) + ")"
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0].lower(), []).append(a)
    return "(?:" + "|".join(rf"(?={first_letters_class(c)})(?i:{'|'.join(group)})" for c, group in groups.items()) + ")"


def first_letters_class(letters: str) -> str:
    r"""A regex character class matching ``letters`` (ASCII) in either case and every non-ASCII
    character: the characters that can start a case-insensitive match of words beginning with
    those letters (a non-ASCII character may fold to an ASCII letter: "ſ" to "s").

    Put in a look-ahead before a case-insensitive alternation, it rules out most positions at
    once and never a match. Written as a negated class of ASCII ranges, which compiles in
    microseconds (a range up to U+10FFFF takes a millisecond or more).

    >>> first_letters_class("ab")
    '[^\\x00-@C-`c-\\x7f]'
    """
    allowed = {ord(c) for c in letters.lower() + letters.upper()}
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for code in range(128):
        if code in allowed:
            if start is not None:
                ranges.append((start, code - 1))
                start = None
        elif start is None:
            start = code
    if start is not None:
        ranges.append((start, 127))
    return "[^" + "".join(_class_char(a) if a == b else f"{_class_char(a)}-{_class_char(b)}" for a, b in ranges) + "]"


def _class_char(code: int) -> str:
    char = chr(code)
    return char if char.isalnum() or char in "@`" else f"\\x{code:02x}"
