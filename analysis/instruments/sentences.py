"""TextBlob's tokens and VADER's compound of many sentences, each sentence split into words once.

Both instruments read a sentence one whitespace-separated word at a time: TextBlob rewrites a
word's contractions and quotation marks and splits its punctuation off
(``_textblob_fast.word_pieces``), VADER strips a word's punctuation (``_vader_fast.word_row``).
Here a sentence is split once and each distinct word is read once for both (and remembered), the
same reading as each copy's own (``_textblob_fast.tokens``, ``_vader_fast.compound``). A sentence
with a line break (TextBlob marks paragraph breaks there), an emoji (VADER translates it first) or
a "(!)" or emoticon that TextBlob rewrites is handed to those functions whole. A sentence whose
words are all free of those rewrites (``_textblob_fast.word_tokens``) has as its tokens its words'
remembered lower-cased tokens, joined. Tested equal to them and to upstream in
``tests/test_instruments.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import itemgetter

from analysis.instruments import _textblob_fast, _vader_fast

__all__ = ["tokens_and_compounds"]

#: One word as both copies read it: VADER's row (item, lower-cased item, all capitals, negation:
#: ``_vader_fast.word_row``), TextBlob's lower-cased tokens, or None when the word may take
#: part in a "(!)" or emoticon rewrite (``_textblob_fast.word_tokens``), and its TextBlob pieces
#: (``_textblob_fast.word_pieces``), or None when they are the word alone.
_Word = tuple[str, str, bool, bool, tuple[str, ...] | None, tuple[str, ...] | None]
_WORDS: dict[str, _Word] = {}
_TOKENS = itemgetter(4)


def _word(word: str) -> _Word:
    """:data:`_Word` of one whitespace-separated word, remembered."""
    pieces, low = _textblob_fast.word_pieces_and_tokens(word)
    found: _Word = (*_vader_fast.word_row(word), low, None if pieces == (word,) else pieces)
    if len(_WORDS) > 200_000:
        _WORDS.clear()
    _WORDS[word] = found
    return found


def tokens_and_compounds(texts: Sequence[str]) -> tuple[list[list[str]], list[float]]:
    """TextBlob's lower-cased tokens (``_textblob_fast.tokens``) and VADER's compound
    (``_vader_fast.compound``) of each text."""
    if not (_textblob_fast.words_usable() and _vader_fast.fast_path_usable()):
        return [_textblob_fast.tokens(t) for t in texts], [_vader_fast.compound(t) for t in texts]
    cache = _WORDS
    lookup = cache.get
    has_emoji = _vader_fast.has_emoji
    compound_of_rows = _vader_fast.compound_of_rows
    tokens: list[list[str]] = []
    compounds: list[float] = []
    for text in texts:
        if "\n" in text or has_emoji(text):
            tokens.append(_textblob_fast.tokens(text))
            compounds.append(_vader_fast.compound(text))
            continue
        split = text.split()
        known = list(map(lookup, split))
        if None in known:  # a word read for the first time
            words = [read or lookup(w) or _word(w) for read, w in zip(known, split, strict=True)]
        else:
            words = known  # type: ignore[assignment]
        lowered = list(map(_TOKENS, words))
        if None in lowered:  # a word that may take part in a "(!)" or emoticon rewrite
            pieces = [piece for w, read in zip(split, words, strict=True) for piece in (read[5] or (w,))]
            rewritten = _textblob_fast.tokens_of_pieces(pieces)
            tokens.append(rewritten if rewritten is not None else _textblob_fast.tokens(text))
        else:
            tokens.append(list(chain.from_iterable(lowered)))
        compounds.append(compound_of_rows(words, text.strip()))
    return tokens, compounds
