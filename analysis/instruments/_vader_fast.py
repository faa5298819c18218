"""A fast copy of VADER's ``polarity_scores(text)["compound"]``.

Upstream: vaderSentiment (https://github.com/cjhutto/vaderSentiment), version 3.3.2
(``vaderSentiment/vaderSentiment.py``: ``SentimentIntensityAnalyzer.polarity_scores``,
``sentiment_valence`` and its negation, booster, idiom and "least" rules, ``score_valence``).
Licence: MIT, Copyright (c) 2016 C.J. Hutto. The copy below keeps VADER's rules and
reorganizes the loops: words are lower-cased once instead of at every rule, and emoji are
translated in linear time (VADER's string concatenation is quadratic on a long run of emoji).
See NOTICE at the top of the repository.

Checked against vaderSentiment ``CHECKED_VERSION``: when another version is installed,
:func:`compound` hands the work to VADER itself (one warning), so results always equal
``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``. Tested equal to upstream in
``tests/test_instruments.py``. Private to ``analysis``: callers use :mod:`analysis.tone`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any

from analysis.instruments._versions import installed_is_checked

__all__ = ["CHECKED_VERSION", "compound", "compound_of_rows", "fast_path_usable", "has_emoji", "word_row"]

UPSTREAM = "vaderSentiment"
_ITEM, _LOWER, _ALL_CAPITALS = itemgetter(0), itemgetter(1), itemgetter(2)  # fields of a word's row
CHECKED_VERSION = "3.3.2"


@lru_cache(maxsize=1)
def fast_path_usable() -> bool:
    """True when the installed vaderSentiment is the version this copy was checked against;
    otherwise warn once and let VADER's own code score (slower, same results as upstream)."""
    return installed_is_checked(UPSTREAM, CHECKED_VERSION, "VADER")


def compound(text: str) -> float:
    """VADER's compound score of ``text``: equal to ``polarity_scores(text)["compound"]``."""
    return _fast_compound(text) if fast_path_usable() else upstream_compound(text)


def upstream_compound(text: str) -> float:
    """VADER's own ``polarity_scores(text)["compound"]`` (the fallback)."""
    return float(_vader().polarity_scores(text)["compound"])


@lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # upstream, loaded on first use

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _vader_tables() -> tuple[frozenset[str], bool, frozenset[str]]:
    """The characters VADER translates as emoji (it looks at one character at a time), whether
    any is ASCII, and VADER's lexicon words."""
    analyzer = _vader()
    emoji = frozenset(c for c in analyzer.emojis if len(c) == 1)
    return emoji, any(c.isascii() for c in emoji), frozenset(analyzer.lexicon)


@lru_cache(maxsize=1)
def _vader_rules() -> tuple[Any, ...]:
    """VADER's constants and functions for :func:`_fast_compound`, read from its module once."""
    from vaderSentiment import vaderSentiment as v  # upstream, loaded on first use

    return (
        _vader().lexicon, v.BOOSTER_DICT, frozenset(v.NEGATE), v.SPECIAL_CASES, v.N_SCALAR, v.C_INCR,
        v.SentiText._strip_punc_if_word, v.SentimentIntensityAnalyzer._but_check, v.normalize,
        _vader()._punctuation_emphasis,
    )


@lru_cache(maxsize=1)
def _idiom_pairs() -> frozenset[tuple[str, str]]:
    """Every two words that stand next to each other in one of VADER's special-case idioms or
    booster n-grams: the idiom check joins items with single spaces, so a sequence of items can
    equal such a key only if each two neighbouring items are such a pair."""
    _lexicon, booster, _negate, special = _vader_rules()[:4]
    return frozenset(
        (a, b) for key in [*special, *booster] for a, b in zip(key.split(" "), key.split(" ")[1:], strict=False)
    )


_VADER_ITEMS: dict[str, tuple[str, str, bool, bool]] = {}


def _vader_item(word: str) -> tuple[str, str, bool, bool]:
    """:func:`_vader_read` of one word, cached by word."""
    found = _VADER_ITEMS.get(word)
    if found is None:
        found = _vader_read(word)
        if len(_VADER_ITEMS) > 200_000:
            _VADER_ITEMS.clear()
        _VADER_ITEMS[word] = found
    return found


def _vader_read(word: str) -> tuple[str, str, bool, bool]:
    """(VADER's item for one whitespace-separated word, its lower case, is it all capitals,
    is it a negation for VADER's ``negated``)."""
    rules = _vader_rules()
    strip, negate = rules[6], rules[2]
    item = strip(word)
    lower = item.lower()
    again = lower.lower()  # ``negated`` lower-cases once more
    return (item, lower, item.isupper(), again in negate or "n't" in again)


def _vader_rows(text: str) -> list[tuple[str, str, bool, bool]]:
    """:func:`_vader_item` of every whitespace-separated word of ``text``."""
    cache = _VADER_ITEMS
    rows = []
    for w in text.split():
        found = cache.get(w)
        rows.append(_vader_item(w) if found is None else found)
    return rows


def _vader_sentiments(
    rows: Sequence[Sequence[Any]], lowers: list[str], hits: Sequence[int]
) -> list[Any]:
    """VADER's per-item valences of an emoji-free text (its :func:`_vader_rows`, their lower-cased
    items and the positions of those in VADER's lexicon): the loop of ``polarity_scores`` with
    ``sentiment_valence`` and its negation, booster, idiom and "least" rules copied from VADER,
    reading a list of lower-cased items made once instead of lower-casing the whole sentence
    again at each rule, and entered only at the items in the lexicon (VADER appends 0 for the
    others)."""
    lexicon, booster, _negate, special, n_scalar, c_incr = _vader_rules()[:6]
    idiom_pairs = _idiom_pairs()
    n = len(rows)
    allcaps = list(map(_ALL_CAPITALS, rows)).count(True)
    cap_diff = 0 < n - allcaps < n
    # Items outside the lexicon, boosters and "kind" before "of" score 0 (VADER appends 0).
    sentiments: list[Any] = [0] * n
    for i in hits:
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
                    # _special_idioms_check (skipped, exactly, when no two neighbouring items
                    # from i - 3 to i + 1 stand next to each other in any idiom or n-gram)
                    if not (
                        (lowers[i - 3], lowers[i - 2]) in idiom_pairs
                        or (lowers[i - 2], lowers[i - 1]) in idiom_pairs
                        or (lowers[i - 1], lw) in idiom_pairs
                        or (i + 1 < n and (lw, lowers[i + 1]) in idiom_pairs)
                    ):
                        continue
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
    return sentiments


def _vader_emoji_text(text: str) -> str:
    """VADER's translation of emoji into their descriptions (the first loop of
    ``polarity_scores``), built as a list and joined once: VADER's own string concatenation is
    quadratic on a long run of emoji. Tested equal through :func:`compound`."""
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


def _fast_compound(text: str) -> float:
    """VADER's compound score of ``text`` (-1..1): a second lexicon with rules for negation,
    intensifiers, capitals and "but". Tuned on social media; it misses the same kind of thing
    TextBlob misses (unknown words, irony, framing), but not always in the same places.

    Computed as ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]`` with exact
    shortcuts: a text none of whose items is in VADER's lexicon scores 0.0 without its rules running,
    a text without emoji skips VADER's character-by-character emoji translation (done in linear
    time by :func:`_vader_emoji_text` when there are emoji), and VADER's
    word rules run on words lower-cased once (:func:`_vader_sentiments`). Tested equal to
    :func:`upstream_compound`.
    """
    if has_emoji(text):
        text = _vader_emoji_text(text)
    stripped = text.strip()
    return compound_of_rows(_vader_rows(stripped), stripped)


def has_emoji(text: str) -> bool:
    """True when ``text`` holds a character VADER translates as an emoji."""
    emoji, ascii_emoji, _words = _vader_tables()
    return (ascii_emoji or not text.isascii()) and not emoji.isdisjoint(text)


def word_row(word: str) -> tuple[str, str, bool, bool]:
    """VADER's reading of one whitespace-separated word (see :func:`compound_of_rows`); not
    remembered here: the caller remembers whole words."""
    return _vader_read(word)


def compound_of_rows(rows: Sequence[Sequence[Any]], stripped: str) -> float:
    """VADER's compound of the text ``stripped`` (stripped of outer whitespace, no emoji) from the
    :func:`word_row` of each of its whitespace-separated words, in order (a row may carry more
    fields after those four: they are not read)."""
    # VADER looks its items up lower-cased: none in the lexicon means every valence is 0 and
    # so is the compound.
    lowers = list(map(_LOWER, rows))
    rules = _vader_rules()
    lexicon = rules[0]
    hits = list(compress(range(len(lowers)), map(lexicon.__contains__, lowers)))
    if not hits:
        return 0.0
    sentiments = _vader_sentiments(rows, lowers, hits)
    if "but" in lowers:  # VADER's _but_check looks for a lower-cased "but"
        sentiments = rules[7](list(map(_ITEM, rows)), sentiments)
    return _vader_compound_of(sentiments, stripped)


def _vader_compound_of(sentiments: Sequence[Any], text: str) -> float:
    """The ``compound`` of VADER's ``score_valence(sentiments, text)`` (the sum of valences
    with its punctuation emphasis, normalized, rounded to 4 places), without its other shares.
    A text with no "!" and no "?" has no punctuation emphasis (VADER adds 0.0): not computed."""
    if not sentiments:
        return 0.0
    rules = _vader_rules()
    sum_s = float(sum(sentiments))
    if "!" in text or "?" in text:
        punct_emph_amplifier = rules[9](text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
    return float(round(rules[8](sum_s), 4))
