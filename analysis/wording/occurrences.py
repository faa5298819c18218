"""The scorable words of a text, with the sentence facts their scores read.

:func:`occurrences` lists every word the wording scan may score (``analysis.wording.scan``), each
with its offsets, its normalised form, whether it is a name (a mid-sentence capital), whether an
intensifier stands before it, whether a verb-list word is used as a noun (:func:`noun_uses`),
and its sentence: its number, its length in words, whether it reports speech with a plain verb,
and its marks (:data:`QUESTION`, :data:`EXCLAMATION`, :data:`PERSONAL`). Sentences here are cut
cheaply where ``.``, ``!`` or ``?`` stands between two words (no abbreviation rules: this only
groups words for the sentence effects on scores; ``analysis.text.sentence_spans`` is the
sentence every table reports).

What it cannot see: syntax. "Name" is a capital letter, "used as a noun" a few patterns around
the word, "reported speech" a plain speech verb anywhere in the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from analysis.categories import cue_categories
from analysis.lexicon import on_change
from analysis.text import WORD_PATTERN, first_letters_class, normalize_token
from analysis.wording.features import is_candidate
from analysis.wording.lexicons import (
    PERSONAL_WORDS,
    curated,
    degree_words,
    say_words,
)
from analysis.wording.precomputed import CANDIDATE, NOUN_START, TOKEN_STARTS, word_table

__all__ = [
    "EXCLAMATION",
    "PERSONAL",
    "QUESTION",
    "Occurrence",
    "common_only_categories",
    "inside_spans",
    "noun_uses",
    "occurrence_rows",
    "occurrences",
    "token_marks",
]

#: Bits of a sentence's marks: it ends with a question mark, an exclamation mark; it speaks in
#: the first or second person.
QUESTION, EXCLAMATION, PERSONAL = 1, 2, 4


@dataclass(slots=True)
class Occurrence:
    """One scorable word of a text.

    ``name``: capitalised in mid-sentence (not after a sentence start, quote, colon or bracket),
    or capitalised anywhere when the same word is a mid-sentence capital elsewhere in the text;
    ``intensified``: the word right before it is an intensifier ("very", "so", "utterly");
    ``curated``: False for verb-list words used as nouns (:func:`noun_uses`); ``reported``: its
    sentence reports speech with a plain verb ("said", "told", "according to"); ``n_words``:
    words in its sentence.
    """

    start: int
    end: int
    token: str
    norm: str
    name: bool
    sentence: int
    intensified: bool
    curated: bool
    reported: bool
    n_words: int


# ---------------------------------------------------------------------------------------------
# Words of a text
# ---------------------------------------------------------------------------------------------

_TITLES = ("Sen", "Rep", "Gov", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "St", "Jr",
           "Sr", "Rev", "Pres", "Sec", "Atty", "Supt", "Calif", "Ariz", "Fla", "Mich", "Conn", "Tenn", "Ore", "Wis",
           "Minn", "Colo", "Okla", "Nev", "Ala", "Kan", "Neb", "Vt", "Wyo", "Mont", "Ark")
# The wording model's own sentence ends (its sentence features, length, reported speech and nearby
# words, were fitted on them), not ``analysis.text.sentence_spans``: switching changes its figures.
# A full stop after a title or a state abbreviation ("Sen. Dianne Feinstein, D-Calif., said") ends no sentence.
# (The mark is matched first and the titles checked behind it: the same matches as
# ``(?<!\bSen)…[.!?]``, without running every check at every character of the text.)
_SENTENCE_END = re.compile(r"[.!?]" + "".join(rf"(?<!\b{t}[.!?])" for t in _TITLES))
_OPENER = re.compile(r"[\"“‘(:\n]|'\s*$")

# Verb-list words that are also nouns: "its territorial claims", "the report", "a blast".
_NOUN_CLASH = ("claim", "claims", "report", "reports", "blast", "blasts", "boast", "boasts", "rant",
               "rants", "slam", "slams", "whine", "whines", "stress", "stresses", "reveal", "brag")
# (Each case-insensitive pattern below opens with a look-ahead for the first letters of its words,
# in either case, or any non-ASCII character: it rules out most positions at once and lets through
# every match, so the matches are those of the pattern without it.)
_NOUN_HINT = re.compile(rf"(?i)(?=(?-i:{first_letters_class('crbsw')}))(?<![\w-])(?:{'|'.join(_NOUN_CLASH)})(?![\w-])")
_NOUN_LEFT = (
    r"(?:the|a|an|its|his|her|their|our|my|your|this|these|those|such|any|no|some|many|several|"
    r"both|each|every|all|new|false|of|in|on|about|despite|amid|over|against|with|by|from|for|"
    r"into|under|after|before|among|and|or)"
)
_NOUN_LEFT_RE = re.compile(
    rf"(?:(?<![\w'’-]){_NOUN_LEFT}|(?<![\w'’-])[a-z]+(?:al|ous|ive|ic|ian|ful|less|able|ible|ary|ed)|[\w-]+['’]s)\s+$",
    re.IGNORECASE,
)
_NOUN_RIGHT_RE = re.compile(r"\s+(?:of|about|is|are|was|were|has|have|had)(?![\w'’-])", re.IGNORECASE)


# Verb-list words with a common sense that is not reporting when their object is a plain noun
# phrase (``the|a|an`` and at most three words, none a verb-like word, closed by a preposition or
# punctuation): "maintain the loyalty of its allies", "maintained a ceasefire." — unlike
# "maintained the offensive was defensive", where a verb follows, or "maintained that …".
# "claim" keeps its reporting sense with a noun object ("claimed the destruction of …") except
# when it takes lives.
_NP_WORD = (
    r"(?!(?:was|were|is|are|be|been|had|has|have|would|will|could|can|did|does|do|should|might|must|"
    r"that|this|these|those)(?![\w'’-]))(?![\w'’-]*ed(?![\w'’-]))[\w'’-]+"
)
_OBJECT_SENSE_RE = re.compile(
    rf"(?i)(?=(?-i:{first_letters_class('mc')}))(?:(?<![\w-])(?:maintain|maintains|maintained|maintaining)\s+(?:the|a|an)\s+(?:{_NP_WORD}\s+){{0,2}}?{_NP_WORD}"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:of|on|in|at|for|from|with|over|across|against|and|by|to|during|until|as|along|"
    r"between|near|under|through|around|within|without|after|before|since|into|amid)(?![\w'’-]))"
    r"|(?<![\w-])(?:claim|claims|claimed|claiming)(?=\s+(?:the\s+)?(?:lives|life)(?![\w'’-])))"
)



@lru_cache(maxsize=1)
def common_only_categories() -> frozenset[str]:
    """Curated categories that hold only common words (the registry's ``common_only``, hedges and
    boosters): capitalised in mid-sentence, such a word is a name or a month ("in May", "Will
    Smith"), not a hedge or a booster, and is not a cue at all."""
    return frozenset(c.name for c in cue_categories() if c.common_only)


def noun_uses(text: str) -> set[int]:
    """Start offsets of verb-list words used in a sense that is not reporting: as nouns ("the
    claims", "its territorial claims", "claims of", "Moscow's claims"), from the word on their
    left or right, or as a verb whose object is a plain noun phrase ("maintain the loyalty of its
    allies", "claimed the lives of 40 people"), from the words after it (no tagger).

    What it cannot see: a noun without such a neighbour ("Claims surfaced"), and it may take a
    verb after "and"/"or" for a noun ("denied and claims"): a rare slip; an object noun phrase
    longer than three words, or one followed by a verb-like word, still counts as reporting.
    """
    out = set()
    for m in _NOUN_HINT.finditer(text):
        start, end = m.span()
        if _NOUN_LEFT_RE.search(text, max(0, start - 40), start) or _NOUN_RIGHT_RE.match(text, end):
            out.add(start)
    out.update(m.start() for m in _OBJECT_SENSE_RE.finditer(text))
    return out


@lru_cache(maxsize=200_000)
def _norms(token: str) -> tuple[str | None, str]:
    """(normalized form if worth scoring else None, normalized form) of a token, cached."""
    plain = normalize_token(token)
    return (plain if is_candidate(plain) else None), plain


_PERSONAL_FLAG, _SAY_FLAG, _UPPER_FLAG, _NOUN_FLAG, _STARTS_FLAG, _TO_FLAG = 1, 2, 4, 8, 16, 32
#: token -> (:func:`_norms` of it, flags): what the scan's hot loop asks of a token, asked once.
_TOKEN_FACTS: dict[str, tuple[str | None, str, int]] = {}
#: token -> (offsets in it where a curated phrase, where :data:`_OBJECT_SENSE_RE` may start), for
#: the tokens flagged :data:`_STARTS_FLAG`.
_TOKEN_STARTS: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}

# Where a match may start, read in one token: every match of :data:`_NOUN_HINT` and
# :data:`_OBJECT_SENSE_RE`, and of the phrase pattern (``analysis.wording.lexicons.phrase_finder``),
# starts at a letter after no word character or hyphen, and its first word's letters lie in one
# token of ``WORD_PATTERN`` (word characters run on inside a token; a phrase's or a verb's first
# word is followed by white space, which ends a token). So the token holds a match of the same
# first letters at the same offset, read on its own (where nothing before its start or after its
# end can refuse it): only such tokens are looked at in the text.
_OBJECT_START = re.compile(r"(?i)(?<![\w-])(?:maintain|claim)")


@lru_cache(maxsize=1)
def _phrase_start() -> re.Pattern[str] | None:
    """Where a curated phrase may start in a token: its first word (a whole token: white space
    follows it in the phrase) or, if that word holds other characters than word characters, the
    word characters it opens with. None if a phrase opens with another character (then the text
    is searched whole)."""
    alternatives = set()
    for term in curated():
        if " " not in term:
            continue
        first = term.split()[0]
        letters = re.match(r"\w+", first)
        if letters is None:
            return None
        alternatives.add(re.escape(first) + r"\Z" if letters.group() == first else re.escape(letters.group()))
    if not alternatives:
        return None
    return re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(sorted(alternatives))})")


def token_marks(token: str) -> tuple[bool, tuple[int, ...], tuple[int, ...]]:
    """What the word pass reads in ``token`` with patterns: whether a verb-list word that may be a
    noun starts it (:data:`_NOUN_HINT` matches at its start), and the offsets in it where a curated
    phrase and a verb taking a plain object (:data:`_OBJECT_SENSE_RE`) may start.

    For a token of ASCII characters these are those of its lower-case form (every pattern is
    case-insensitive and its look-behinds ask only whether a word character or a hyphen stands
    before), so the precomputed word table (``analysis.wording.precomputed``: :data:`NOUN_START`,
    :data:`TOKEN_STARTS`) holds them for its words."""
    phrase = _phrase_start()
    # (most tokens hold neither: one search says so, the offsets are listed only where it finds one)
    phrase_offsets = (tuple(m.start() for m in phrase.finditer(token))
                      if phrase is not None and phrase.search(token) is not None else ())
    object_offsets = (tuple(m.start() for m in _OBJECT_START.finditer(token))
                      if _OBJECT_START.search(token) is not None else ())
    return _NOUN_HINT.match(token) is not None, phrase_offsets, object_offsets


def _token_facts(token: str) -> tuple[str | None, str, int]:
    """:func:`_norms` of ``token`` and its flags: a first- or second-person word (not "US"), a
    plain speech verb, a capital first letter, a verb-list word that may be a noun
    (:data:`_NOUN_HINT` may match at its start), a place where a phrase or a verb taking a plain
    object may start (:data:`_TOKEN_STARTS`), "to" not worth scoring (it reports speech after
    "according") (remembered). A token of ASCII characters whose normalized form the precomputed
    word table holds reads there whether it is worth scoring and its :func:`token_marks` (the
    offsets only where it has some)."""
    table = word_table()
    code = None
    if table is not None and token.isascii():
        plain = token.lower()  # (``normalize_token`` folds only characters outside ASCII)
        code = table.codes.get(plain)
    if code is not None:
        norm = plain if code & CANDIDATE else None
        noun = bool(code & NOUN_START)
        phrase_offsets: tuple[int, ...] = ()
        object_offsets: tuple[int, ...] = ()
        if code & TOKEN_STARTS:
            _, phrase_offsets, object_offsets = token_marks(token)
    else:
        norm, plain = _norms(token)
        noun, phrase_offsets, object_offsets = token_marks(token)
    flags = ((_PERSONAL_FLAG if plain in PERSONAL_WORDS and token != "US" else 0)
             | (_SAY_FLAG if plain in say_words() else 0) | (_UPPER_FLAG if token[:1].isupper() else 0)
             | (_NOUN_FLAG if noun else 0)
             | (_TO_FLAG if norm is None and plain == "to" else 0))
    if len(_TOKEN_FACTS) >= 200_000:
        _TOKEN_FACTS.clear()
        _TOKEN_STARTS.clear()
    if phrase_offsets or object_offsets:
        flags |= _STARTS_FLAG
        _TOKEN_STARTS[token] = (phrase_offsets, object_offsets)
    fact = _TOKEN_FACTS[token] = (norm, plain, flags)
    return fact


#: One word of a piece: (offset in the piece, length, token, norm, plain, flags, the token's
#: :data:`_TOKEN_STARTS` entry or None).
_Word = tuple[int, int, str, str | None, str, int, tuple[tuple[int, ...], tuple[int, ...]] | None]
#: piece -> its words (:func:`_piece_words`), remembered.
_PIECES: dict[str, tuple[_Word, ...]] = {}
_WORD_AT_START = WORD_PATTERN.match  # (the first match of ``finditer`` where it starts at 0)
#: The longest piece remembered (longer ones, rare in prose, are read each time).
_PIECE_CHARS = 64


def _piece_words(piece: str) -> tuple[_Word, ...]:
    """The ``WORD_PATTERN`` tokens of ``piece`` (a stretch of text between two spaces), each with
    its offset in the piece, its length and its facts (:func:`_token_facts`) (remembered).

    A text's tokens are its pieces' tokens, each piece read on its own, at the piece's offset: no
    match of ``WORD_PATTERN`` holds a space, and a match depends on nothing before it (no
    look-behind) and on nothing after it but whether a word character follows (the word boundary
    after a number's suffix), which a space and the end of the piece both deny. Most pieces are one
    word that recurs ("the", "said,"), so a text is read as pieces already known, without the
    pattern. A piece longer than :data:`_PIECE_CHARS` (a long run without spaces) is read each time,
    not remembered: the memory held stays bounded whatever the text."""
    whole = _WORD_AT_START(piece)
    if whole is not None:
        token = whole.group()
        fact = _TOKEN_FACTS.get(token)
        if fact is None:
            fact = _token_facts(token)
        norm, plain, flags = fact
        length = whole.end()
        first = (0, length, token, norm, plain, flags, _TOKEN_STARTS[token] if flags & 16 else None)
        if length == len(piece):  # one token, the whole piece (most pieces)
            found: tuple[_Word, ...] = (first,)
        else:  # (``finditer`` goes on after a match where it ends)
            found = (first, *_more_words(piece, length))
    else:
        found = _more_words(piece, 0)
    if len(piece) <= _PIECE_CHARS:
        if len(_PIECES) >= 100_000:
            _PIECES.clear()
        _PIECES[piece] = found
    return found


def _more_words(piece: str, pos: int) -> tuple[_Word, ...]:
    """The words of ``piece`` (see :func:`_piece_words`) that ``WORD_PATTERN.finditer`` finds from ``pos`` on."""
    words = []
    for m in WORD_PATTERN.finditer(piece, pos):
        start, end = m.span()
        token = m.group()
        fact = _TOKEN_FACTS.get(token)
        if fact is None:
            fact = _token_facts(token)
        norm, plain, flags = fact
        words.append((start, end - start, token, norm, plain, flags, _TOKEN_STARTS[token] if flags & 16 else None))
    return tuple(words)


def _end_marks(text: str, start: int, end: int) -> int:
    """Marks of the punctuation closing a sentence (``text[start:end]``, the gap after its last
    word): :data:`QUESTION`, :data:`EXCLAMATION`."""
    gap = text[start:end]
    return ("?" in gap) | (("!" in gap) << 1)


def occurrence_rows(
    text: str,
) -> tuple[list[tuple[int, int, str, str, bool, int, bool, bool]], set[str], list[bool], list[int], list[int]]:
    """The pieces :func:`occurrences` is made of: ``(start, end, token, norm, mid-sentence
    capital, sentence number, intensified, curated)`` per scorable word, the norms used as
    mid-sentence capitals, per sentence whether it reports speech and its word count, and per
    sentence its marks (bits :data:`QUESTION`, :data:`EXCLAMATION`, :data:`PERSONAL`)."""
    return _occurrence_parts(text)[:5]


def _occurrence_parts(
    text: str,
) -> tuple[list[tuple[int, int, str, str, bool, int, bool, bool]], set[str], list[bool], list[int], list[int],
           list[int] | None]:
    """:func:`occurrence_rows`, and the offsets where a curated phrase may start, in order (every
    start of a match of ``phrase_finder()`` is among them; None: not known, search the text).

    One pass over the words, read piece by piece (the text split at spaces, each piece's words
    remembered: :func:`_piece_words`): a word's use as a noun (:func:`noun_uses`) is looked for
    only at the words that may be one (:data:`_NOUN_FLAG`, :data:`_STARTS_FLAG`), as ``finditer``
    would find it. (Plain tuples, local names and the flags as numbers: this is the hot loop.)"""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text) + 1)
    degree = degree_words()
    known = _PIECES.get
    opener = _OPENER.search
    hint = _NOUN_HINT.match
    left = _NOUN_LEFT_RE.search
    right = _NOUN_RIGHT_RE.match
    object_sense = _OBJECT_SENSE_RE.match
    object_end = 0  # where the last match of ``_OBJECT_SENSE_RE`` ends (``finditer`` goes on from there)
    object_at = -1  # the last word start where one begins
    phrase_starts: list[int] | None = [] if _phrase_start() is not None else None
    k = 0
    rows: list[tuple[int, int, str, str, bool, int, bool, bool]] = []
    append = rows.append
    seg = 0
    prev_end = 0
    prev_norm = ""
    prev_seg = -1
    names: set[str] = set()
    seg_words = [0]
    seg_reported = [False]
    seg_marks = [0]
    next_end = ends[0]
    n_seg = 0  # words of the current sentence
    base = 0  # where the piece starts
    for piece in text.split(" "):
        words = known(piece)
        if words is None:
            words = _piece_words(piece)
        for offset, length, token, norm, plain, flags, token_starts in words:
            start = base + offset
            end = start + length
            if next_end < start:
                while ends[k] < prev_end:  # full stops inside a token ("U.S.") do not count
                    k += 1
                if ends[k] < start:
                    seg_marks[seg] |= _end_marks(text, prev_end, start)
                    seg_words[seg] = n_seg
                    n_seg = 0
                    seg += 1
                    seg_words.append(0)
                    seg_reported.append(False)
                    seg_marks.append(0)
                while ends[k] < start:
                    k += 1
                next_end = ends[k]
            n_seg += 1
            if flags & 59:  # _PERSONAL_FLAG | _SAY_FLAG | _NOUN_FLAG | _STARTS_FLAG | _TO_FLAG
                if flags & 1:  # _PERSONAL_FLAG
                    seg_marks[seg] |= PERSONAL
                if flags & 2:  # _SAY_FLAG
                    seg_reported[seg] = True
                if flags & 32 and prev_norm == "according":  # _TO_FLAG ("to" not worth scoring)
                    seg_reported[seg] = True
                if flags & 16:  # _STARTS_FLAG
                    phrase_offsets, object_offsets = token_starts  # type: ignore[misc]
                    if phrase_starts is not None:
                        for at in phrase_offsets:
                            phrase_starts.append(start + at)
                    for at in object_offsets:
                        if start + at >= object_end:
                            found = object_sense(text, start + at)
                            if found is not None:
                                object_end = found.end()
                                if not at:
                                    object_at = start
            if norm is None:
                prev_end, prev_seg, prev_norm = end, seg, plain
                continue
            if seg == prev_seg:
                intensified = start - prev_end <= 2 and prev_norm in degree
                # a capital in mid-sentence: no sentence, quote or bracket opens before it
                if flags & 4 and (start - prev_end == 1 and text[prev_end] == " " or opener(text, prev_end, start) is None):
                    name = True
                    names.add(norm)
                else:
                    name = False
            else:
                intensified = name = False
            prev_end, prev_seg, prev_norm = end, seg, plain
            # curated: not a verb-list word used as a noun (:func:`noun_uses`, read at this word only)
            curated_use = object_at != start
            if curated_use and flags & 8:  # _NOUN_FLAG
                found = hint(text, start)
                if found is not None and (left(text, max(0, start - 40), start) or right(text, found.end())):
                    curated_use = False
            append((start, end, token, norm, name, seg, intensified, curated_use))
        base += len(piece) + 1
    seg_words[seg] = n_seg
    seg_marks[seg] |= _end_marks(text, prev_end, len(text))
    return rows, names, seg_reported, seg_words, seg_marks, phrase_starts


def occurrences(text: str) -> list[Occurrence]:
    """Scorable words of ``text`` in order (see :class:`Occurrence`): curated terms and content
    words, with their sentence and the facts the scan's context features read."""
    rows, names, seg_reported, seg_words, _ = occurrence_rows(text)
    return [
        Occurrence(r[0], r[1], r[2], r[3], r[4] or (r[3] in names and r[2][:1].isupper()), r[5], r[6], r[7],
                   seg_reported[r[5]], seg_words[r[5]])
        for r in rows
    ]


def inside_spans(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """True if ``pos`` lies inside one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@on_change
def clear_caches() -> None:
    """Forget what was read from the lexicons (called when the lexicon folder changes)."""
    _norms.cache_clear()
    _TOKEN_FACTS.clear()
    _TOKEN_STARTS.clear()
    _PIECES.clear()
    _phrase_start.cache_clear()
    common_only_categories.cache_clear()
