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

from analysis.instruments import _textblob_fast, _vader_fast

__all__ = ["tokens_and_compounds"]

_Word = tuple[tuple[str, ...], tuple[str, str, bool, bool], tuple[str, ...] | None]
_WORDS: dict[str, _Word] = {}


def _word(word: str) -> _Word:
    """(TextBlob's pieces, VADER's row, TextBlob's tokens or None) of one whitespace-separated
    word, remembered."""
    pieces = _textblob_fast.word_pieces(word)
    found = (pieces, _vader_fast.word_row(word), _textblob_fast.word_tokens(pieces))
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
    tokens: list[list[str]] = []
    compounds: list[float] = []
    for text in texts:
        if "\n" in text or _vader_fast.has_emoji(text):
            tokens.append(_textblob_fast.tokens(text))
            compounds.append(_vader_fast.compound(text))
            continue
        words = [cache.get(w) or _word(w) for w in text.split()]
        lowered = [low for _, _, low in words]
        if None in lowered:  # a word that may take part in a "(!)" or emoticon rewrite
            found = _textblob_fast.tokens_of_pieces([piece for pieces, _, _ in words for piece in pieces])
            tokens.append(found if found is not None else _textblob_fast.tokens(text))
        else:
            tokens.append([token for low in lowered for token in low])  # type: ignore[union-attr]
        compounds.append(_vader_fast.compound_of_rows([row for _, row, _ in words], text.strip()))
    return tokens, compounds
