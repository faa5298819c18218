"""A fast copy of VADER's ``polarity_scores(text)["compound"]``.

Upstream: vaderSentiment (https://github.com/cjhutto/vaderSentiment), version 3.3.2
(``vaderSentiment/vaderSentiment.py``: ``SentimentIntensityAnalyzer.polarity_scores``,
``sentiment_valence`` and its negation, booster, idiom and "least" rules, ``_but_check``,
``score_valence``). Licence: MIT, Copyright (c) 2016 C.J. Hutto. The copy below keeps VADER's
rules and reorganizes the loops: words are read once (lower-cased, and what the rules look for
noted) instead of at every rule, a lexicon word that no rule can reach keeps its value without
the rules, the "but" rule walks the lexicon words only, and emoji are translated in linear time
(VADER's string concatenation is quadratic on a long run of emoji).
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
from analysis.instruments.words import vader_analyzer

__all__ = ["CHECKED_VERSION", "compound", "compound_of_rows", "fast_path_usable", "has_emoji", "word_row"]

UPSTREAM = "vaderSentiment"
#: A word's row (:func:`word_row`): VADER's item, its lower case, is it all capitals, is it a
#: negation, is its lower case in VADER's lexicon, can it change the valence of a lexicon word up
#: to three items after it or of itself (:func:`_blocks`), and the words that follow it in one of
#: VADER's idioms or booster n-grams (None if none: :func:`_idiom_follows`).
Row = tuple[str, str, bool, bool, bool, bool, "frozenset[str] | None"]
_ITEM, _LOWER, _ALL_CAPITALS, _HIT, _BLOCK, _FOLLOWS = (itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(4),
                                                        itemgetter(5), itemgetter(6))
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


def _vader() -> Any:
    """VADER's analyzer: the one the lexicon reader made (``words.vader_analyzer``; read once)."""
    return vader_analyzer()


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


@lru_cache(maxsize=1)
def _idiom_follows() -> dict[str, frozenset[str]]:
    """Each word that starts one of :func:`_idiom_pairs`, and the words that follow it there."""
    follows: dict[str, set[str]] = {}
    for a, b in _idiom_pairs():
        follows.setdefault(a, set()).add(b)
    return {a: frozenset(b) for a, b in follows.items()}


@lru_cache(maxsize=1)
def _blocks() -> frozenset[str]:
    """The lower-cased items that, as a lexicon word or up to three items before one, can make
    :func:`_vader_sentiments` give it another valence than its lexicon value (with VADER's
    all-capitals increment), besides negations and idioms (see :func:`word_row`): VADER's
    boosters, the words its rules name ("no", "never", "without", "so", "this", "least") and
    "kind" (a lexicon word that scores 0 before "of")."""
    booster = _vader_rules()[1]
    return frozenset(booster) | {"no", "never", "without", "so", "this", "least", "kind"}


_VADER_ITEMS: dict[str, Row] = {}


def _vader_item(word: str) -> Row:
    """:func:`_vader_read` of one word, cached by word."""
    found = _VADER_ITEMS.get(word)
    if found is None:
        found = _vader_read(word)
        if len(_VADER_ITEMS) > 200_000:
            _VADER_ITEMS.clear()
        _VADER_ITEMS[word] = found
    return found


def _vader_read(word: str) -> Row:
    """VADER's item for one whitespace-separated word and what its rules read of it: see
    :func:`word_row`."""
    rules = _vader_rules()
    strip = rules[6]
    return row_of_item(strip(word))


def row_of_item(item: str) -> Row:
    """:data:`Row` of VADER's item ``item`` (a word with its punctuation stripped as VADER strips it)."""
    lexicon, negate, blocks, follows = _row_tables()
    lower = item.lower()
    again = lower.lower()  # ``negated`` lower-cases once more
    negation = again in negate or "n't" in again
    return (item, lower, item.isupper(), negation, lower in lexicon, negation or lower in blocks, follows(lower))


@lru_cache(maxsize=1)
def _row_tables() -> tuple[dict[str, float], frozenset[str], frozenset[str], Any]:
    """What :func:`row_of_item` reads: VADER's lexicon and negations, :func:`_blocks` and the
    lookup of :func:`_idiom_follows`."""
    return _vader_rules()[0], _vader_rules()[2], _blocks(), _idiom_follows().get


def _vader_rows(text: str) -> list[Row]:
    """:func:`_vader_item` of every whitespace-separated word of ``text``."""
    cache = _VADER_ITEMS
    rows = []
    for w in text.split():
        found = cache.get(w)
        rows.append(_vader_item(w) if found is None else found)
    return rows


def _vader_sentiments(rows: Sequence[Sequence[Any]], hits: Sequence[int]) -> list[Any]:
    """VADER's per-item valences of an emoji-free text (its :func:`_vader_rows` and the positions
    of the items in VADER's lexicon): the loop of ``polarity_scores`` with ``sentiment_valence``
    and its negation, booster, idiom and "least" rules copied from VADER, reading a list of
    lower-cased items made once instead of lower-casing the whole sentence again at each rule,
    and entered only at the items in the lexicon (VADER appends 0 for the others).

    A lexicon word with no item from three before it to itself that can change its valence
    (a negation or one of :func:`_blocks`, ``Row[5]``) and no two items from three before it to
    one after it that stand next to each other in one of VADER's idioms or n-grams
    (``Row[6]``) keeps its lexicon value, with VADER's all-capitals increment: every rule of the
    loop below then leaves it so. Such a word is scored without the rules (most lexicon words
    of news prose). Tested equal to upstream in ``tests/test_instruments.py``."""
    lexicon, booster, _negate, special, n_scalar, c_incr = _vader_rules()[:6]
    idiom_pairs = _idiom_pairs()
    n = len(rows)
    allcaps = list(map(_ALL_CAPITALS, rows)).count(True)
    cap_diff = 0 < n - allcaps < n
    # Items outside the lexicon, boosters and "kind" before "of" score 0 (VADER appends 0).
    sentiments: list[Any] = [0] * n
    # where a lexicon word may be read by the rules: near an item of ``_blocks`` or an idiom pair
    near = list(compress(range(n), map(_BLOCK, rows)))
    near.extend(k for k in compress(range(n - 1), map(_FOLLOWS, rows)) if rows[k + 1][1] in rows[k][6])
    lowers: list[str] | None = None
    for i in hits:
        if not near or not any(i - 3 <= k <= i for k in near):
            row = rows[i]
            valence = lexicon[row[1]]
            if row[2] and cap_diff:
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr
            sentiments[i] = valence
            continue
        if lowers is None:
            lowers = list(map(_LOWER, rows))
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


def _but_check(but: int, sentiments: list[Any], hits: Sequence[int]) -> None:
    """VADER's ``_but_check`` on ``sentiments`` (changed in place), the first lower-cased "but"
    at ``but``, the lexicon words at ``hits`` (every other valence is 0).

    VADER walks every valence and scales the first one equal to it (``list.index``): by 0.5
    before the "but", by 1.5 after it. A valence of 0 finds a 0 and leaves it 0 (as 0.0); a
    non-zero one finds the first equal non-zero one (a scaled one among them), never one after
    itself. So walking the lexicon words only, and looking among them only, gives the same
    valences with a loop over a few items instead of two over the whole sentence. Tested equal
    to upstream in ``tests/test_instruments.py``."""
    for p in hits:
        value = sentiments[p]
        if value == 0:
            continue
        for si in hits:
            if sentiments[si] == value:
                break
        if si < but:
            sentiments[si] = value * 0.5
        elif si > but:
            sentiments[si] = value * 1.5


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


def word_row(word: str) -> Row:
    """VADER's reading of one whitespace-separated word (see :func:`compound_of_rows`): its item
    (the word with its punctuation stripped as VADER strips it), the item lower-cased, whether it
    is all capitals, whether VADER's ``negated`` counts it as a negation, whether its lower case is
    in VADER's lexicon, whether it is a negation or one of :func:`_blocks`, and the words that
    follow it in one of VADER's idioms or booster n-grams (None if none). Not remembered here: the
    caller remembers whole words."""
    return _vader_read(word)


def compound_of_rows(rows: Sequence[Sequence[Any]], stripped: str) -> float:
    """VADER's compound of the text ``stripped`` (no emoji) from the :func:`word_row` of each of
    its whitespace-separated words, in order (a row may carry more fields after those seven:
    they are not read). Of the text itself only its "!" and "?" are read (VADER's punctuation
    emphasis), so its outer whitespace, which VADER strips first, does not matter."""
    # VADER looks its items up lower-cased: none in the lexicon means every valence is 0 and
    # so is the compound.
    hits = list(compress(range(len(rows)), map(_HIT, rows)))
    if not hits:
        return 0.0
    sentiments = _vader_sentiments(rows, hits)
    if "but" in map(_LOWER, rows):  # VADER's _but_check looks for a lower-cased "but"
        _but_check(list(map(_LOWER, rows)).index("but"), sentiments, hits)
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
