"""TextBlob's tokens and VADER's compound of many sentences, each sentence split into words once.

Both instruments read a sentence one whitespace-separated word at a time: TextBlob rewrites a
word's contractions and quotation marks and splits its punctuation off
(``_textblob_fast.word_pieces``), VADER strips a word's punctuation (``_vader_fast.word_row``).
Here a sentence is split once and each distinct word is read once for both (and remembered), the
same reading as each copy's own (``_textblob_fast.tokens``, ``_vader_fast.compound``). A sentence
with a line break (TextBlob marks paragraph breaks there), an emoji (VADER translates it first) or
a "(!)" or emoticon that TextBlob rewrites is handed to those functions whole. A sentence whose
words are all free of those rewrites and of emoji (``_textblob_fast.word_tokens``) has as its
tokens its words' remembered lower-cased tokens, joined; so has one whose only words that may take
part in an emoticon are words whose first piece may lie inside one, with no emoticon able to reach
into them from the word before (:func:`_joined_alone`). VADER's compound is read from the words'
remembered rows (``_vader_fast.compound_of_rows``). Tested equal to them and to upstream in
``tests/test_instruments.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress
from operator import itemgetter, not_
from typing import Any

from analysis.instruments import _textblob_fast, _vader_fast

__all__ = ["forget_words", "tokens_and_compounds"]

#: One word as both copies read it: VADER's row (``_vader_fast.word_row``: its item, lower-cased
#: item and what VADER's rules read of it), TextBlob's lower-cased tokens, or None when the word may take
#: part in a "(!)" or emoticon rewrite (``_textblob_fast.word_tokens``) or holds a character
#: VADER translates as an emoji (``_vader_fast.has_emoji``), and its TextBlob pieces
#: (``_textblob_fast.word_pieces``), or None when they are the word alone, and, when its tokens
#: are None only because its first piece lies inside an emoticon, its tokens all the same
#: (:func:`_alone_tokens`), else None.
_Word = tuple[str, str, bool, bool, bool, bool, "frozenset[str] | None", tuple[str, ...] | None,
              tuple[str, ...] | None, tuple[str, ...] | None]
_WORDS: dict[str, _Word] = {}
_TOKENS = itemgetter(7)


#: What :func:`_word` reads words of letters with itself (see :func:`_letters_tables`).
_LettersTables = tuple[frozenset[str], tuple[str, ...], tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str],
                       Any]


@lru_cache(maxsize=1)
def _letters_tables() -> _LettersTables | None:
    """What :func:`_word` needs to read a word of letters, alone or with one closing mark, itself:
    the parts of emoticons TextBlob's rewrite reads as a first piece; TextBlob's emoticons made of
    letters only, those whose characters but the last are letters (or that are one character)
    and all of them; the marks TextBlob splits off the end of a word, but quotation marks; the
    characters VADER translates as emoji; VADER's punctuation strip. TextBlob's emoticon pattern
    (an emoticon with optional spaces between its characters, then a space or the end) finds one
    in a word of letters exactly where the word ends with one made of letters; in a word of
    letters and the mark split off after a space, exactly where the letters end with one made of
    letters or the word ends with one whose characters but the last are letters; in a word
    without spaces, exactly where it ends with one. None (then :func:`tokens_and_compounds` hands every text
    to each copy whole) when an emoji is ASCII or whitespace (a text's emoji would then not all lie
    in its non-ASCII words), or when TextBlob's plain-word reading is off
    (``_textblob_fast._plain_marks``)."""
    from textblob._text import EMOTICONS  # upstream internals, loaded on first use

    plain = _textblob_fast._plain_marks()
    emoji, ascii_emoji, _lexicon = _vader_fast._vader_tables()
    if plain is None or ascii_emoji or any(c.isspace() for c in emoji):
        return None
    faces = tuple(face for group in EMOTICONS.values() for face in group)
    letters = tuple(face for face in faces if face.isalpha())
    closing = tuple(face for face in faces if len(face) == 1 or face[:-1].isalpha())
    # (``_plain_marks`` holds no letter among the marks, and an end-of-sentence mark that is not letters)
    marks = plain[0] - frozenset("'\"“”‘’")
    return plain[1], letters, closing, faces, marks, emoji, _vader_fast._vader_rules()[6]


def _word(word: str) -> _Word:
    """:data:`_Word` of one whitespace-separated word, remembered.

    A word of letters only, or of letters and one closing mark that is not a quotation mark (most
    new words of news prose), is read here in one step, as the two copies read it: VADER's
    punctuation strip leaves a word of letters whole (no letter is ASCII punctuation), and
    TextBlob's plain-word reading (``_textblob_fast.word_pieces_and_tokens``) makes it its own
    piece, or the letters then the mark (a full stop only where the word is no abbreviation:
    ``_textblob_fast._split_chunk``), lower-cased unless a piece is part of an emoticon, the
    pieces end in one or the mark is "!" (see :func:`_letters_tables`). Tested equal to the two
    readings in ``tests/test_instruments.py``."""
    tables = _letters_tables()
    low: tuple[str, ...] | None
    pieces: tuple[str, ...] | None
    if tables is not None and word.isalpha():
        inner, letter_faces, _closing, _faces, _marks, emoji, _strip = tables
        row = _vader_fast.row_of_item(word)
        prone = word in inner or word.endswith(letter_faces) or (not word.isascii() and not emoji.isdisjoint(word))
        low, pieces = None if prone else (row[1],), None
    elif tables is not None and word[-1:] in tables[4] and word[:-1].isalpha():
        inner, letter_faces, closing, faces, _marks, emoji, strip = tables
        rest, last = word[:-1], word[-1]
        pieces = _textblob_fast._split_chunk(word) if last == "." else (rest, last)
        if len(pieces) == 1:  # an abbreviation, whole
            prone = word in inner or word.endswith(faces)
        else:
            prone = last == "!" or rest in inner or rest.endswith(letter_faces) or word.endswith(closing)
        if not prone and not word.isascii():
            prone = not emoji.isdisjoint(word)
        low = None if prone else tuple([p.lower() for p in pieces])
        row = _vader_fast.row_of_item(strip(word))
        if len(pieces) == 1:
            pieces = None
    else:
        pieces, low = _textblob_fast.word_pieces_and_tokens(word)
        if low is not None and _vader_fast.has_emoji(word):
            low = None
        row = _vader_fast.word_row(word)
        if pieces == (word,):
            pieces = None
    found: _Word = (*row, low, pieces, None if low is not None else _alone_tokens(word, pieces or (word,)))
    if len(_WORDS) > 200_000:
        _WORDS.clear()
    _WORDS[word] = found
    return found


def _alone_tokens(word: str, pieces: Sequence[str]) -> tuple[str, ...] | None:
    """The lower-cased tokens of a word whose TextBlob tokens (``_textblob_fast.word_tokens``) are
    None only because its first piece may lie inside an emoticon that starts in the word before
    (no emoji, no "!", no end-of-sentence mark, no emoticon in its own pieces), else None: see
    :func:`_joined_alone`."""
    tables = _textblob_fast._tokenizer_tables()
    if tables is None or not pieces or _vader_fast.has_emoji(word):
        return None
    eos, emoticons = tables[4], tables[6]
    joined = " ".join(pieces)
    if "!" in joined or eos in pieces or emoticons.search(joined) is not None:
        return None
    return tuple([p.lower() for p in pieces])


@lru_cache(maxsize=1)
def _face_parts() -> frozenset[str]:
    """Every run of characters of TextBlob's emoticons."""
    from textblob._text import EMOTICONS  # upstream internals, loaded on first use

    faces = [face for group in EMOTICONS.values() for face in group]
    return frozenset(face[j:k] for face in faces for j in range(len(face)) for k in range(j + 1, len(face) + 1))


def _joined_alone(split: Sequence[str], words: Sequence[_Word], lowered: list[tuple[str, ...] | None]) -> list[str] | None:
    """TextBlob's tokens of a sentence some of whose words have None as tokens, when each of those
    has them all the same (:func:`_alone_tokens`: only its first piece may lie inside an emoticon)
    and no emoticon can reach into it from the word before, else None. An emoticon match that
    crosses from one word into the next holds the last character of the one's pieces and the
    whole first piece of the other (a match ends before a space or at the end): the two, joined,
    are then a run of characters of an emoticon (:func:`_face_parts`). With no such crossing and no
    emoticon or "(!)" inside a word, TextBlob's rewrites leave the sentence as it is, and its tokens
    are its words' tokens in order (``_textblob_fast.word_tokens``)."""
    parts = _face_parts()
    for j in [j for j, found in enumerate(lowered) if found is None]:
        alone = words[j][9]
        if alone is None:
            return None
        if j > 0:
            before = words[j - 1][8] or (split[j - 1],)
            first = (words[j][8] or (split[j],))[0]
            if before[-1][-1:] + first in parts:
                return None
        lowered[j] = alone
    return list(chain.from_iterable(lowered))  # type: ignore[arg-type]


def _whole(text: str) -> tuple[list[str], float]:
    """Each copy's own reading of ``text``."""
    return _textblob_fast.tokens(text), _vader_fast.compound(text)


def tokens_and_compounds(texts: Sequence[str]) -> tuple[list[list[str]], list[float]]:
    """TextBlob's lower-cased tokens (``_textblob_fast.tokens``) and VADER's compound
    (``_vader_fast.compound``) of each text."""
    if not (_textblob_fast.words_usable() and _vader_fast.fast_path_usable()) or _letters_tables() is None:
        return [_textblob_fast.tokens(t) for t in texts], [_vader_fast.compound(t) for t in texts]
    cache = _WORDS
    lookup = cache.get
    compound_of_rows = _vader_fast.compound_of_rows
    tokens: list[list[str]] = []
    compounds: list[float] = []
    for text in texts:
        if "\n" in text:
            found, compound = _whole(text)
            tokens.append(found)
            compounds.append(compound)
            continue
        split = text.split()
        words: list[_Word] = list(map(lookup, split))  # type: ignore[arg-type]
        if None in words:  # a word read for the first time
            for j in compress(range(len(words)), map(not_, words)):
                words[j] = lookup(split[j]) or _word(split[j])
        lowered = list(map(_TOKENS, words))
        if None in lowered:  # an emoji, or a word that may take part in a "(!)" or emoticon rewrite
            if _vader_fast.has_emoji(text):
                found, compound = _whole(text)
                tokens.append(found)
                compounds.append(compound)
                continue
            alone = _joined_alone(split, words, lowered)
            if alone is not None:
                tokens.append(alone)
            else:
                pieces = [piece for w, read in zip(split, words, strict=True) for piece in (read[8] or (w,))]
                rewritten = _textblob_fast.tokens_of_pieces(pieces)
                tokens.append(rewritten if rewritten is not None else _textblob_fast.tokens(text))
        else:
            tokens.append(list(chain.from_iterable(lowered)))
        compounds.append(compound_of_rows(words, text))
    return tokens, compounds


def forget_words() -> None:
    """Forget every word read so far by both copies (this module's and each copy's own), as in a
    fresh process: the next texts are read as new (``benchmarks/tone_stage.py`` times that)."""
    _WORDS.clear()
    _textblob_fast._SPLIT_CACHE.clear()
    _vader_fast._VADER_ITEMS.clear()
