"""A fast copy of TextBlob's PatternAnalyzer sentiment: its tokenizer and its assessments.

Upstream: TextBlob (https://github.com/sloria/TextBlob), version 0.20.1 (``textblob/_text.py``:
``find_tokens`` and ``Sentiment.assessments``; ``textblob/en/sentiments.py``: ``PatternAnalyzer``).
Licence: MIT, Copyright Steven Loria and contributors. TextBlob's ``_text.py`` is adapted from
Pattern (https://github.com/clips/pattern), BSD-3-Clause, Copyright (c) 2011 University of
Antwerp, Belgium. The copy below keeps their rules and reorganizes the loops: TextBlob's
tokenizer is quadratic on long runs of punctuation, and its lexicon is looked up word by word
through lazy dictionaries. See NOTICE at the top of the repository.

Checked against TextBlob ``CHECKED_VERSION``: when another version is installed, every function
here hands the work to TextBlob itself (one warning), so results always equal
``TextBlob(text).sentiment``. Tested equal to upstream in ``tests/test_instruments.py``.
Private to ``analysis``: callers use :mod:`analysis.tone`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, compress
from typing import Any

from textblob.en import sentiment as _pattern_lexicon

from analysis.instruments._versions import installed_is_checked
from analysis.instruments.words import textblob_words

__all__ = ["CHECKED_VERSION", "assess", "assess_sentences", "fast_path_usable", "mean", "sentiment", "tokens",
           "tokens_of_pieces", "word_pieces", "word_pieces_and_tokens", "word_tokens", "words_usable"]

UPSTREAM = "textblob"
CHECKED_VERSION = "0.20.1"


@lru_cache(maxsize=1)
def fast_path_usable() -> bool:
    """True when the installed TextBlob is the version this copy was checked against; otherwise
    warn once and let TextBlob's own code score (slower, same results as upstream)."""
    return installed_is_checked(UPSTREAM, CHECKED_VERSION, "TextBlob")


def tokens(text: str) -> list[str]:
    """The lower-cased tokens TextBlob's PatternAnalyzer reads in ``text``."""
    return _fast_tokens(text) if fast_path_usable() else upstream_tokens(text)


def assess(toks: Sequence[str]) -> list[tuple[str, float, float]]:
    """TextBlob's assessments of a token list: (term, polarity, subjectivity) per scored chunk."""
    return _fast_assess(toks) if fast_path_usable() else upstream_assess(toks)


def assess_sentences(
    toks: Sequence[Sequence[str]],
) -> tuple[list[list[tuple[str, float, float]]], list[tuple[str, float, float]]]:
    """:func:`assess` of each sentence's tokens, and of all of them joined (the document)."""
    if fast_path_usable():
        return _fast_assess_sentences(toks)
    return [upstream_assess(t) for t in toks], upstream_assess(list(chain.from_iterable(toks)))


def sentiment(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) of ``text``: equal to ``TextBlob(text).sentiment``."""
    found = assess(tokens(text))
    return mean([p for _, p, _ in found]), mean([s for _, _, s in found])


def upstream_tokens(text: str) -> list[str]:
    """TextBlob's own tokenizer, called as its PatternAnalyzer calls it (the fallback)."""
    return " ".join(_pattern_lexicon.tokenizer(text)).lower().split()


def upstream_assess(toks: Sequence[str]) -> list[tuple[str, float, float]]:
    """TextBlob's own ``assessments`` on tokens already split (the fallback)."""
    found = _pattern_lexicon.assessments(((w, None) for w in toks), negation=True)
    return [(" ".join(words), float(p), float(s)) for words, p, s, _label in found]


@lru_cache(maxsize=1)
def _tokenizer_tables() -> tuple[Any, ...] | None:
    """TextBlob's tokenizer constants for :func:`_fast_tokens` (None if TextBlob's analyzer uses
    another tokenizer than ``find_tokens`` with its defaults: then the reference runs)."""
    from textblob import _text  # upstream internals, loaded on first use

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
    # upstream internals, loaded on first use
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
    """:func:`_split_chunk`, cached by chunk."""
    found = _SPLIT_CACHE.get(chunk)
    if found is None:
        found = _split_chunk(chunk)
        if len(_SPLIT_CACHE) > 200_000:
            _SPLIT_CACHE.clear()
        _SPLIT_CACHE[chunk] = found
    return found


def _split_chunk(chunk: str) -> tuple[str, ...]:
    """One whitespace-separated chunk split the way TextBlob's ``find_tokens`` splits it
    (leading and trailing punctuation, ellipses, periods unless an abbreviation). TextBlob's
    loop slices the chunk once per character it strips and matches its abbreviation patterns
    against the whole rest each time (quadratic on a long run of punctuation); this walks two
    indices over the chunk and answers the patterns from runs measured once, and only when a
    full stop is met (:func:`_abbreviation`). Tested equal to TextBlob through :func:`upstream_tokens`."""
    punctuation, trailing, replace, longest, _abbreviations, _consonants = _split_tables()
    if chunk and chunk[0] not in punctuation and chunk[-1] not in trailing:
        return (chunk,)  # nothing to strip at either end: both loops below stop at once
    b, e = 0, len(chunk)
    tokens: list[str] = []
    tail: list[str] = []
    # ``e - b <= longest and chunk[b:e] in replace``: the rest is a contraction (TextBlob keeps it)
    while b < e and chunk[b] in punctuation and not (e - b <= longest and chunk[b:e] in replace):
        tokens.append(chunk[b])
        b += 1
    runs: tuple[int, int, bool] | None = None
    while b < e and chunk[e - 1] in trailing and not (e - b <= longest and chunk[b:e] in replace):
        if chunk[e - 1] in punctuation:
            tail.append(chunk[e - 1])
            e -= 1
        if e - b >= 3 and chunk.endswith("...", b, e):
            tail.append("...")
            e -= 3
            while e > b and chunk[e - 1] == ".":
                e -= 1
        if e > b and chunk[e - 1] == ".":
            if runs is None:
                runs = _runs(chunk, b)
            if _abbreviation(chunk, b, e, runs):
                break
            tail.append(".")
            e -= 1
    if e > b:
        tokens.append(chunk[b:e])
    tokens.extend(reversed(tail))
    return tuple(tokens)


def _runs(chunk: str, b: int) -> tuple[int, int, bool]:
    """The runs from ``b`` (after the leading punctuation) that TextBlob's RE_ABBR2 (letter-dot
    pairs) and RE_ABBR3 (a capital, then consonants) look at, measured once to the chunk's end:
    the length of the letter-dot pairs, of the consonants after the first character, and
    whether that character is a capital."""
    consonants = _split_tables()[5]
    e = len(chunk)
    pairs = b
    while pairs + 1 < e and chunk[pairs] in _ASCII_LETTERS and chunk[pairs + 1] == ".":
        pairs += 2
    run = b + 1
    while run < e and chunk[run] in consonants:
        run += 1
    return pairs - b, run - (b + 1), b < e and chunk[b] in _ASCII_CAPITALS


def _abbreviation(chunk: str, b: int, e: int, runs: tuple[int, int, bool]) -> bool:
    """Whether ``chunk[b:e]`` (ending with ".") is one of TextBlob's abbreviations or matches its
    RE_ABBR1, RE_ABBR2 or RE_ABBR3 (answered from :func:`_runs` of the chunk from ``b``)."""
    abbreviations = _split_tables()[4]
    pairs, run, capital = runs
    n = e - b
    return (
        (n <= 5 and chunk[b:e] in abbreviations)
        or (n == 2 and chunk[b] in _ASCII_LETTERS)  # RE_ABBR1 (the chunk ends with ".")
        or (n >= 2 and n % 2 == 0 and n <= pairs)  # RE_ABBR2
        or (n >= 3 and capital and n - 2 <= run)  # RE_ABBR3
    )


def _fast_tokens(text: str) -> list[str]:
    """The lower-cased tokens TextBlob's PatternAnalyzer reads in ``text`` (its own tokenizer).

    Exactly ``" ".join(find_tokens(text)).lower().split()``, computed faster: the same string
    rewrites, each chunk split once and remembered (:func:`_split_token`), and no sentence
    grouping, which only matters for TextBlob's "(!)" and emoticon rewrites: a text where
    either pattern matches anywhere is grouped into sentences as TextBlob groups it
    (:func:`_sentence_rewrites`). Tested equal to :func:`upstream_tokens`.
    """
    tables = _tokenizer_tables()
    if tables is None:
        return upstream_tokens(text)
    replace, linebreak, _spaces, _token_re, eos, sarcasm, emoticons = tables
    s = _rewritten(text, replace)
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


def _rewritten(text: str, replace: Sequence[tuple[str, str]]) -> str:
    """TextBlob's contraction rewrites (literal patterns: ``str.replace`` is its ``re.sub``
    here), then a space on each side of every quotation mark, as its tokenizer does."""
    s = text
    for a, b in replace:
        s = s.replace(a, b)
    return (
        s.replace("“", " “ ")
        .replace("”", " ” ")
        .replace("‘", " ‘ ")
        .replace("’", " ’ ")
        .replace("'", " ' ")
        .replace('"', ' " ')
    )


def words_usable() -> bool:
    """True when a text without line breaks can be tokenized word by word (:func:`word_pieces`,
    :func:`tokens_of_pieces`): the checked TextBlob, with its own tokenizer."""
    return fast_path_usable() and _tokenizer_tables() is not None


def word_pieces(word: str) -> tuple[str, ...]:
    """The tokens, in their own case, that TextBlob's tokenizer makes of one word of a text (a run
    without whitespace): its contraction and quotation rewrites, then each chunk split
    (:func:`_split_chunk`; not remembered here: the caller remembers whole words). None of the
    rewrites reaches across whitespace, so in a text without
    line breaks (TextBlob marks a paragraph break there) the text's pieces are its words' pieces
    in order: see :func:`tokens_of_pieces`. Needs :func:`words_usable`."""
    tables = _tokenizer_tables()
    assert tables is not None, "word_pieces needs words_usable()"
    untouched = _untouched_word()
    if untouched is not None and untouched.search(word) is None:
        return _split_chunk(word)  # no rewrite applies and the word is one chunk
    # every contraction holds an apostrophe (``_untouched_word``): without one, only the quotation marks are spaced
    s = _rewritten(word, tables[0] if untouched is None or "'" in word else ())
    return tuple(p for chunk in s.split() for p in _split_chunk(chunk))


def word_pieces_and_tokens(word: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """(:func:`word_pieces`, :func:`word_tokens` of them) of one word. A plain word (no
    apostrophe, quotation mark or whitespace, so no rewrite applies, and neither end a mark
    TextBlob splits off), alone or with one closing mark (:func:`_plain_marks`), goes straight to what the general reading gives it: its pieces are
    the word itself, or the rest then the mark (what :func:`_split_chunk` makes of it); its tokens
    are its pieces lower-cased unless :func:`word_tokens`' checks find a "!", the end-of-sentence
    mark, a part of an emoticon as first piece or an emoticon. Tested equal to the general
    reading. Needs :func:`words_usable`."""
    plain = _plain_marks()
    if plain is not None:
        marks, inner, emoticons, eos, untouched = plain
        if word.isalpha():  # the commonest plain word: letters only (no mark, never the end-of-sentence mark)
            if word in inner or emoticons.search(word) is not None:
                return (word,), None
            return (word,), (word.lower(),)
        last = word[-1:]
        if word[:1] not in marks and untouched.search(word) is None:
            if last not in marks:
                if "!" in word or word == eos or word in inner or emoticons.search(word) is not None:
                    return (word,), None
                return (word,), (word.lower(),)
            rest = word[:-1]
            if rest[-1:] not in marks and rest:
                if last == ".":  # the rest then the full stop, or the word whole (an abbreviation)
                    pieces = _split_chunk(word)
                    if "!" in word or eos in pieces or pieces[0] in inner or emoticons.search(" ".join(pieces)) is not None:
                        return pieces, None
                    return pieces, tuple([p.lower() for p in pieces])
                if "!" in word or rest == eos or rest in inner or emoticons.search(f"{rest} {last}") is not None:
                    return (rest, last), None
                return (rest, last), (rest.lower(), last.lower())
    pieces = word_pieces(word)
    return pieces, word_tokens(pieces)


@lru_cache(maxsize=1)
def _plain_marks() -> tuple[frozenset[str], frozenset[str], re.Pattern[str], str, re.Pattern[str]] | None:
    """For :func:`word_pieces_and_tokens`: the marks TextBlob may split off the end of a chunk
    (its punctuation and the full stop), the parts of emoticons that make a first piece
    rewrite-prone, TextBlob's emoticon pattern, its end-of-sentence mark and the pattern of what a
    rewrite or a split on whitespace acts on; None when the general reading is not the one
    reasoned on (:func:`_untouched_word`, :func:`_rewrite_prone`: then every word takes it)."""
    tables = _tokenizer_tables()
    untouched, prone = _untouched_word(), _rewrite_prone()
    if tables is None or untouched is None or prone is None:
        return None
    punctuation, trailing = _split_tables()[:2]
    inner, bang = prone
    if bang != "!" or not punctuation <= trailing or any(c.isalpha() for c in trailing) or tables[4].isalpha():
        return None
    return trailing, inner, tables[6], tables[4], untouched


@lru_cache(maxsize=1)
def _untouched_word() -> re.Pattern[str] | None:
    """A pattern finding any character that :func:`_rewritten` or a split on whitespace acts on
    (an apostrophe, which every contraction of TextBlob holds, a quotation mark, whitespace): a
    word without one is its own rewrite and a single chunk. None if a contraction lacks the
    apostrophe (then every word is rewritten)."""
    tables = _tokenizer_tables()
    if tables is None or not all("'" in a for a, _b in tables[0]):
        return None
    return re.compile("['\"“”‘’\\s]")


def word_tokens(pieces: Sequence[str]) -> tuple[str, ...] | None:
    """The tokens one word's :func:`word_pieces` add to :func:`tokens_of_pieces` (lower-cased), or
    None when the word may take part in TextBlob's "(!)" or emoticon rewrite or holds its
    end-of-sentence mark (:func:`_rewrite_prone`). A text none of whose words gives None has as
    its :func:`tokens` its words' tokens in order: neither rewrite's pattern can match in it,
    and lower-casing works piece by piece (no character lower-cases to whitespace, and the space
    between two pieces ends Greek final-sigma context). Needs :func:`words_usable`."""
    tables = _tokenizer_tables()
    assert tables is not None, "word_tokens needs words_usable()"
    prone = _rewrite_prone()
    if prone is None or not pieces:
        return None
    eos, emoticons = tables[4], tables[6]
    inner, mark = prone
    joined = " ".join(pieces)
    if mark in joined or eos in pieces or pieces[0] in inner or emoticons.search(joined) is not None:
        return None
    return tuple(p.lower() for p in pieces)


@lru_cache(maxsize=1)
def _rewrite_prone() -> tuple[frozenset[str], str] | None:
    """What :func:`word_tokens` looks for: every part of an emoticon that does not start it, and
    the "!" that every "(!)" match holds. An emoticon match (``RE_EMOTICONS``: an emoticon, a
    space allowed between its characters, then a space or the end) lies within one word's
    pieces (the word's own pieces, joined, match: the pattern looks at nothing before its match,
    and a space or the end follows a word) or crosses into a next word, whose first piece then
    lies whole inside the match after its first character: such a part of an emoticon. None when
    TextBlob's patterns are not the ones this reasoning was checked on (then every word is
    prone)."""
    from textblob._text import EMOTICONS, RE_EMOTICONS, RE_SARCASM  # upstream internals, loaded on first use

    faces = [face for group in EMOTICONS.values() for face in group]
    alternatives = "|".join(r" ?".join(re.escape(c) for c in face) for face in faces)
    rebuilt = "(" + alternatives + r")($|\s)"  # as TextBlob builds RE_EMOTICONS
    if (RE_EMOTICONS.pattern != rebuilt or RE_SARCASM.pattern != r"\( ?\! ?\)" or not all(faces)
            or any(c.isspace() for face in faces for c in face)):
        return None
    inner = frozenset(face[j:k] for face in faces for j in range(1, len(face)) for k in range(j + 1, len(face) + 1))
    return inner, "!"


def tokens_of_pieces(pieces: Sequence[str]) -> list[str] | None:
    """:func:`tokens` of a text without line breaks, from its words' :func:`word_pieces` in order,
    or None when TextBlob's "(!)" or emoticon rewrite applies somewhere (then ask :func:`tokens`
    of the text, which groups it into sentences first)."""
    tables = _tokenizer_tables()
    assert tables is not None, "tokens_of_pieces needs words_usable()"
    eos, sarcasm, emoticons = tables[4], tables[5], tables[6]
    joined = " ".join([p for p in pieces if p != eos])  # TextBlob drops its end-of-sentence marks
    if sarcasm.search(joined) is not None or emoticons.search(joined) is not None:
        return None
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


@lru_cache(maxsize=1)
def _assess_tables() -> tuple[dict[str, tuple[float, float, float]], frozenset[str], frozenset[str], dict[str, float], Any,
                              str]:
    """TextBlob's lexicon flattened once for :func:`_fast_assess`: words with an untagged sense and
    their (polarity, subjectivity, intensity), words that can modify the next word, negations,
    emoticons (lower-cased, first match in TextBlob's order), its "modifier" rule and its
    punctuation (the string: the emoticon rule asks whether a token is part of it)."""
    from textblob._text import EMOTICONS, PUNCTUATION  # upstream internals, loaded on first use

    textblob_words()  # make sure the lazy lexicon is loaded
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
    return (known, frozenset(modifiers), frozenset(_pattern_lexicon.negations), emoticons, _pattern_lexicon.modifier,
            PUNCTUATION)


def _fast_assess(tokens: Sequence[str]) -> list[tuple[str, float, float]]:
    """TextBlob's assessments of a token list: (term, polarity, subjectivity) per scored chunk.

    Exactly what ``TextBlob(text).sentiment_assessments`` computes (PatternAnalyzer's
    ``assessments`` with untagged words and negation on: "not good", "very bad", "!" and
    emoticons), with the lexicon flattened once instead of looked up through TextBlob's lazy
    dictionaries word by word (:func:`_assess_state`). Tested equal to :func:`upstream_assess`.
    """
    return _finish(_assess_state(tokens)[0])


def _fast_assess_sentences(tokens: Sequence[Sequence[str]]) -> tuple[list[list[tuple[str, float, float]]], list[tuple[str, float, float]]]:
    """:func:`_fast_assess` of each sentence's tokens, and of all of them joined (the document),
    in one pass when that is exact.

    A sentence that starts with nothing pending (no modifier or negation carried over from the
    one before) is read the same way alone and inside the document, except for "!" before its
    first chunk, which TextBlob applies to the document's previous chunk: the document is then
    the sentences' chunks joined, with those "!" applied. A sentence after one that ends with
    something pending is read a second time for the document, going on from the document's
    chunks and that pending state (:func:`_assess_state`). A document chunk is finished once,
    with its sentence, unless the document changes it afterwards (those "!", or a second reading,
    which changes the last chunk and adds its own). Tested equal to the two passes.
    """
    per_sentence = []
    document: list[list[Any]] = []
    # the document's chunks finished with their sentence, None where the document changed one since
    finished: list[tuple[str, float, float] | None] = []
    pending: tuple[str | None, str | None] | None = None  # what the document's last sentence left pending
    for toks in tokens:
        found, m, n, lead_bangs = _assess_state(toks)
        done = _finish(found)  # finished before the document touches a chunk
        per_sentence.append(done)
        if pending is not None:
            if document:
                finished[-1] = None
            _, m, n, _ = _assess_state(toks, document, *pending)
            finished.extend([None] * (len(document) - len(finished)))
        else:
            if lead_bangs and document:
                last = document[-1]
                for _ in range(lead_bangs):
                    last[0].append("!")
                    last[1] = max(-1.0, min(last[1] * 1.25, +1.0))
                finished[-1] = None
            document.extend(found)
            finished.extend(done)
        pending = (m, n) if m is not None or n is not None else None
    if None not in finished:
        return per_sentence, finished  # type: ignore[return-value]
    changed = _finish([chunk for chunk, done_chunk in zip(document, finished, strict=True) if done_chunk is None])
    again = iter(changed)
    return per_sentence, [next(again) if done_chunk is None else done_chunk for done_chunk in finished]


def _assess_state(
    tokens: Sequence[str], found: list[list[Any]] | None = None, m: str | None = None, n: str | None = None
) -> tuple[list[list[Any]], str | None, str | None, int]:
    """The scored chunks of :func:`_fast_assess` before they are turned into tuples, with the
    state left at the end (pending modifier and negation) and how many "!" came before the
    first chunk (TextBlob applies such a "!" to the chunk before the tokens, if any).
    With ``found``, ``m`` and ``n`` the loop goes on from chunks already scored and the state
    they left (the tokens come after theirs), adding to ``found``.
    The loop of TextBlob's ``assessments`` on a lexicon flattened once (:func:`_assess_tables`),
    entered only at the tokens that can change anything: with no modifier or negation pending,
    a token that is not in the lexicon, not a negation, not "!" or "(!)" and not an emoticon
    leaves every rule untouched (:func:`_triggers`), so the loop jumps to the next one that is.
    """
    known, modifier_words, negations, emoticons, is_modifier, punctuation = _assess_tables()
    if found is None:
        found = []  # [words, polarity, subjectivity, intensity, negated]
    # m: the preceding modifier ("very good"), n: the preceding negation ("not good")
    lead_bangs = 0
    count = len(tokens)
    at = -1  # the last token read
    starts: Iterable[int] = compress(range(count), map(_triggers().__contains__, tokens))
    if (m is not None or n is not None) and count:
        starts = chain((0,), starts)  # something is pending: the first token is read whatever it is
    for j in starts:
        if j <= at:
            continue  # already read while something was pending
        at = j
        while True:
            w = tokens[at]
            entry = known.get(w)
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
                if w.isalpha() is False and len(w) <= 5 and w not in punctuation:
                    face = emoticons.get(w)
                    if face is not None:
                        found.append([[w], face, 1.0, 1.0, 1])
            if (m is None and n is None) or at + 1 >= count:
                break
            at += 1  # something is pending: the next token is read whatever it is
    return found, m, n, lead_bangs


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """The tokens :func:`_assess_state` must read when nothing is pending: lexicon words (any
    sense), negations, "!", "(!)" and emoticons. Any other token then changes nothing: it is
    not scored, does not start a negation, clears nothing (nothing is set) and is no emoticon."""
    known, _modifiers, negations, emoticons, _is_modifier, _punctuation = _assess_tables()
    return frozenset(known) | negations | frozenset(emoticons) | {"!", "(!)"}


def _finish(found: Sequence[Sequence[Any]]) -> list[tuple[str, float, float]]:
    """(term, polarity, subjectivity) of each chunk of :func:`_assess_state`, as TextBlob reports it."""
    return [(" ".join(words), float(p * -0.5 if neg < 0 else p), float(s)) for words, p, s, _i, neg in found]


def mean(values: Sequence[float]) -> float:
    """Mean as TextBlob computes it (left-to-right sum; 0.0 when nothing was scored)."""
    total = 0.0
    for value in values:
        total += value
    return total / (len(values) or 1)
