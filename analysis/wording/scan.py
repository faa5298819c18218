"""One scan of a text: every cue, scored in its sentence, as named records.

The scan takes the scorable words of a text (``analysis.wording.occurrences``, with their
sentence facts), scores each word without context once (:class:`Scorer`, remembered per word),
then adjusts the score by the word's sentence: other loaded words, an intensifier before it, a
plain speech verb, the sentence's length, and the sentence calibration (quotation, question,
exclamation, first or second person).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd

from analysis.text import WORD_PATTERN, normalize_token
from analysis.voice import quoted_stretches
from analysis.wording.features import length_feature, nearby_feature
from analysis.wording.lexicons import curated, phrase_finder
from analysis.wording.model import calibrated, sigmoid
from analysis.wording.occurrences import (  # the words of a text
    EXCLAMATION,
    PERSONAL,
    QUESTION,
    Occurrence,
    _occurrence_parts,
    inside_spans,
    noun_uses,
    occurrences,
)
from analysis.wording.reasons import HINT_WHY, lean_words, sentence_reasons, word_reason
from analysis.wording.scorer import HINT_RULE, STRONG_RATE, Scorer, WordScore, default_scorer, word_vector

__all__ = [
    "CUE_FIELDS",
    "EXCLAMATION",
    "HINT_MARGIN",
    "HINT_RULE",
    "HINT_WHY",
    "LEAN_CAP",
    "PERSONAL",
    "QUESTION",
    "STRONG_RATE",
    "CalibrationInput",
    "Cue",
    "Occurrence",
    "Scorer",
    "WordScore",
    "calibrated",
    "calibration_inputs",
    "cue_scores",
    "cues_frame",
    "default_scorer",
    "earns_flag",
    "lean_words",
    "noun_uses",
    "occurrences",
    "scan",
    "scan_records",
    "sentence_reasons",
    "sigmoid",
    "word_vector",
]


class Cue:
    """One cue: offsets into the text, the term, its category and stance, a score 0..1, a
    one-line reason and the kinds of evidence behind it (see ``analysis.wording.loaded_language``).

    The scan keeps what a word cue's reason (:attr:`why`) and :attr:`evidence` are made from and
    makes them when first read (counting cues at corpus scale never reads them); made, they are
    exactly what making them at once gives. Equality, ``repr`` and pickling read every field."""

    __slots__ = ("start", "end", "term", "category", "stance", "score", "_why", "_evidence", "_reason")
    __match_args__ = ("start", "end", "term", "category", "stance", "score", "why", "evidence")

    def __init__(self, start: int, end: int, term: str, category: str, stance: str | None, score: float,
                 why: str = "", evidence: str = "", _reason: tuple | None = None) -> None:
        self.start = start
        self.end = end
        self.term = term
        self.category = category
        self.stance = stance
        self.score = score
        self._why = why
        self._evidence = evidence
        self._reason = _reason

    def _resolve(self) -> None:
        reason = self._reason
        if reason is not None:
            self._why, self._evidence = word_reason(*reason)
            self._reason = None

    @property
    def why(self) -> str:
        """One line a reader can understand: the term, its rationale and the strongest evidence."""
        if self._reason is not None:
            self._resolve()
        return self._why

    @why.setter
    def why(self, value: str) -> None:
        self._resolve()
        self._why = value

    @property
    def evidence(self) -> str:
        """The kinds of evidence behind the score, joined by ``+`` (``EVIDENCE_TAGS``)."""
        if self._reason is not None:
            self._resolve()
        return self._evidence

    @evidence.setter
    def evidence(self, value: str) -> None:
        self._resolve()
        self._evidence = value

    def _fields(self) -> tuple:
        return (self.start, self.end, self.term, self.category, self.stance, self.score, self.why, self.evidence)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it replaces

    def __repr__(self) -> str:
        return "Cue(" + ", ".join(f"{name}={value!r}" for name, value in zip(CUE_FIELDS, self._fields(),
                                                                               strict=True)) + ")"

    def __reduce__(self) -> tuple:
        return (Cue, self._fields())


CUE_FIELDS = ("start", "end", "term", "category", "stance", "score", "why", "evidence")


@dataclass(slots=True)
class CalibrationInput:
    """The inputs of the sentence calibration for one cue (for fitting it): its term, its
    first-stage log-odds ``z`` (context included), whether it is quoted, its sentence's marks
    (bits :data:`QUESTION`, :data:`EXCLAMATION`, :data:`PERSONAL`), the third-highest word
    score of its sentence, its category and its sentence's lean (the sum of its words' leans)."""

    term: str
    z: float
    quoted: bool
    marks: int
    third: float
    category: str
    lean: float = 0.0


#: The sentence lean (the sum of its words' leans, log-odds) is held within +-LEAN_CAP, so a run-on
#: "sentence" of thousands of words cannot outweigh the words themselves.
LEAN_CAP = 8.0
#: A cue that rarity, shape or context alone would lift to a flag stays this far below the threshold.
HINT_MARGIN = 0.01


def earns_flag(cal: tuple[float, ...], lexical: bool, z_plain: float, quoted: bool, marks: int, third: float,
               threshold: float, lean: float = 0.0) -> bool:
    """Whether a word may be a flag: it has lexical evidence (a curated list, the experts' marks or
    a sentiment lexicon) and reaches the threshold with ``z_plain``, its log-odds in context where
    rarity and shape count only for words a curated list, the experts' marks or (by
    :data:`HINT_RULE`) a negative rating in VADER or AFINN vouch for. Rare words and
    hyphenated compounds may raise a score, never make a flag."""
    return lexical and 1.0 / (1.0 + math.exp(-calibrated(cal, z_plain, quoted, marks, third, lean))) >= threshold




#: How far (in calibrated log-odds) below the least that could still reach ``min_score`` a word
#: must stay to be passed over without computing its score: far above float rounding (~1e-15).
_FLOOR_MARGIN = 1e-6
_MISSING: Any = object()  # "not in the memo" (typed Any so a lookup keeps WordScore | None)
_DETAIL, _COUNT, _CALIBRATION = "detail", "count", "calibration"
_NOWHERE = 1 << 62  # an offset after the end of every text
#: sentence length in words -> :func:`length_feature` of it (the lengths met, up to 4095 words)
_LENGTHS: dict[int, float] = {}


def _phrase_matches(text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
    """The matches of ``phrase_finder()`` in ``text``, as ``finditer`` finds them (each the
    first after the one before), tried only at ``starts`` (ascending: every offset where one may
    start, see ``analysis.wording.occurrences``), or found by ``finditer`` where ``starts`` is
    None."""
    finder = phrase_finder()
    if starts is None:
        yield from finder.finditer(text)
        return
    match = finder.match
    after = 0
    for start in starts:
        if start >= after:
            found = match(text, start)
            if found is not None:
                after = found.end()
                yield found


def _scan(text: str, min_score: float, scorer: Scorer | None, mode: str, n_words: list[int] | None = None,
          quoted_spans: Sequence[tuple[int, int]] | None = None, make: Callable[..., Any] = Cue) -> list:
    """The body of :func:`scan` and :func:`scan_records` (``mode`` detail: records made by
    ``make``), :func:`cue_scores` (count: ``(category, score)`` pairs, no reason strings built)
    and :func:`calibration_inputs` (calibration: :class:`CalibrationInput` records). ``n_words``,
    if given, receives the number of ``WORD_PATTERN`` matches in ``text`` (every word is visited
    on the way); ``quoted_spans``: the quoted stretches of ``text`` when already found (see
    :func:`scan`)."""
    scorer = scorer or default_scorer()
    detail = mode == _DETAIL
    cal = scorer.calibration
    out: list = []
    covered: list[tuple[int, int]] = []
    lexicons = curated()
    quotes = quoted_stretches(text) if quoted_spans is None else quoted_spans
    rows, names, seg_reported, seg_words, seg_marks, phrase_starts = _occurrence_parts(text)
    for m in _phrase_matches(text, phrase_starts):
        term = m.group()
        key = " ".join(normalize_token(term).split())
        info = lexicons[key]
        words = [normalize_token(w.group()) for w in WORD_PATTERN.finditer(term)]
        parts = [scorer.word(w, False) for w in words]
        z = max([p.z for p in parts if p] + [scorer.phrase(key)])
        quoted = bool(quotes) and inside_spans(quotes, m.start())
        score = sigmoid(calibrated(cal, z, quoted, 0, 0.0))
        if detail:
            out.append(make(m.start(), m.end(), term, info.category, info.stance, score,
                            f"'{term}': {info.rationale}", "lexicon", None))
        elif mode == _CALIBRATION:
            out.append(CalibrationInput(term, z, quoted, 0, 0.0, info.category))
        else:
            out.append((info.category, score))
        covered.append((m.start(), m.end()))
    covered.sort()  # (disjoint: each match of the phrase finder starts after the one before ends)
    # the phrase at or after the row (rows are in text order): its index, start and end
    ci = 0
    n_covered = len(covered)
    cover_start, cover_end = covered[0] if covered else (_NOWHERE, _NOWHERE)
    memo = scorer._memo
    get = memo.get
    exp = math.exp
    if n_words is not None:
        n_words.append(sum(seg_words))
    # context, per sentence: its three strongest words, the sum of its words' leans and the words
    # leaning biased, (lean, token, evaluative) (the token as written: lower-cased when a reason is
    # made, :func:`analysis.wording.reasons.word_reason`); gathered on the way while every word is
    # already scored, else again after the new words are (the leans summed in the same order)
    n_segments = len(seg_words)
    top3 = [[0.0, 0.0, 0.0] for _ in range(n_segments)]
    lean = [0.0] * n_segments
    leaners: dict[int, list[tuple[float, str, bool]]] = {}
    w_int = scorer.w_intensified
    # (sentence, log-odds with the intensifier, word score, row) of each word with a score; while
    # some words are not yet scored, (row, its word score or its key)
    kept: list[tuple] = []
    keep = kept.append
    new: list[tuple[str, bool, bool]] = []  # keys not yet scored: scored together (:meth:`Scorer.words`)
    # the sentence being read (rows come sentence by sentence): its three strongest words, its
    # lean and its leaning words, held in local names and stored when the next sentence starts
    seg_now, b0, b1, b2, lean_now = -1, 0.0, 0.0, 0.0, 0.0
    leaning: list[tuple[float, str, bool]] = []
    for row in rows:
        start, _, token, norm, name, seg, intensified, cur = row
        if start >= cover_start:  # a curated phrase starts at or before the word: the word may be inside it
            while start >= cover_end:
                ci += 1
                cover_start, cover_end = covered[ci] if ci < n_covered else (_NOWHERE, _NOWHERE)
            if start >= cover_start:
                continue
        if not name and norm in names:
            name = token[:1].isupper()  # as in :func:`occurrences`
        word_key = (norm, name, cur)
        hit = get(word_key, _MISSING)
        if hit is None:
            continue
        if hit is _MISSING:
            if not new:
                kept = [(row, hit) for _, _, hit, row in kept]
                keep = kept.append
            new.append(word_key)
            keep((row, word_key))
            continue
        if new:
            keep((row, hit))
            continue
        if seg != seg_now:
            if seg_now >= 0:
                top3[seg_now] = [b0, b1, b2]
                lean[seg_now] = lean_now
                if leaning:
                    leaners[seg_now] = leaning
                    leaning = []
            seg_now, b0, b1, b2, lean_now = seg, 0.0, 0.0, 0.0, 0.0
        keep((seg, hit.z + (w_int if intensified else 0.0), hit, row))
        word_lean = hit.lean
        if word_lean:
            lean_now += word_lean
            if word_lean > 0 and detail:
                leaning.append((word_lean, token, hit.evaluative))
        p = hit.p
        if p > b1:  # (b0 >= b1 >= b2: the same places as comparing with b0, b1 and b2 in turn)
            if p > b0:
                b0, b1, b2 = p, b0, b1
            else:
                b1, b2 = p, b1
        elif p > b2:
            b2 = p
    if not new and seg_now >= 0:
        top3[seg_now] = [b0, b1, b2]
        lean[seg_now] = lean_now
        if leaning:
            leaners[seg_now] = leaning
    if new:
        scorer.words(new)
        kept = [(row[5], hit.z + (w_int if row[6] else 0.0), hit, row) for row, key in kept
                if (hit := memo[key] if key.__class__ is tuple else key) is not None]
        top3 = [[0.0, 0.0, 0.0] for _ in range(n_segments)]
        lean = [0.0] * n_segments
        leaners = {}
        for seg, _, hit, row in kept:
            if hit.lean:
                lean[seg] += hit.lean
                if detail and hit.lean > 0:
                    leaners.setdefault(seg, []).append((hit.lean, row[2], hit.evaluative))
            p = hit.p
            best = top3[seg]
            if p > best[0]:
                best[0], best[1], best[2] = p, best[0], best[1]
            elif p > best[1]:
                best[1], best[2] = p, best[1]
            elif p > best[2]:
                best[2] = p
    threshold = scorer.model.threshold
    hint_cap = scorer.hint_cap
    c0, c1, c2, c3, c4, c5, c6, c7 = cal
    # A word whose log-odds stay below ``floor`` in its sentence cannot reach ``min_score`` (the
    # sentence terms at their most, less a margin far above rounding): it is passed over unless
    # listed (a curated word is a cue whatever its score). Its score would be computed the same.
    cut = math.log(min_score / (1.0 - min_score)) if 0.0 < min_score < 1.0 and mode != _CALIBRATION else None
    if cut is not None and c0 <= 0.0:
        cut = None
    qi, n_quotes = 0, len(quotes)  # the quoted stretch at or after the row (rows are in text order)
    w_reported, w_length, w_nearby = scorer.w_reported, scorer.w_length, scorer.w_nearby
    lengths = _LENGTHS
    c12 = c1 + max(c2, 0.0)  # (the first two terms of ``most`` below, added in the same order)
    seg_now = seg_ready = -1
    shift = (0.0, 0.0)
    marks, top, third, seg_lean, floor, base, shift1 = 0, [0.0, 0.0, 0.0], 0.0, 0.0, -math.inf, 0.0, 0.0
    # the sentence's terms of :func:`calibrated` (added to a word's in the same order)
    m3 = m4 = m5 = t6 = t7 = 0.0
    seg_leaners: Sequence[tuple[float, str, bool]] = ()
    for seg, z_word, hit, row in kept:
        if seg != seg_now:  # the first word of a sentence: its floor, once (rows are in sentence order)
            seg_now = seg
            n_seg = seg_words[seg]
            length = lengths.get(n_seg)
            if length is None:
                length = length_feature(n_seg)
                if n_seg < 4096:
                    lengths[n_seg] = length
            base = (w_reported if seg_reported[seg] else 0.0) + w_length * length
            top = top3[seg]
            shift1 = base + w_nearby * nearby_feature(top[1])
            marks = seg_marks[seg]
            third = top[2]
            seg_lean = lean[seg]
            if not -LEAN_CAP <= seg_lean <= LEAN_CAP:
                seg_lean = LEAN_CAP if seg_lean > 0 else -LEAN_CAP
            if cut is not None:
                most = (c12 + (c3 if marks & QUESTION else 0.0) + (c4 if marks & EXCLAMATION else 0.0)
                        + (c5 if marks & PERSONAL else 0.0) + c6 * third + c7 * seg_lean)
                floor = (cut - most - _FLOOR_MARGIN) / c0 - shift1
        if z_word < floor and not hit.listed:
            continue
        if seg != seg_ready:  # the first word of a sentence kept: the rest of its terms, once
            seg_ready = seg
            shift = (base, shift1)
            m3 = c3 if marks & QUESTION else 0.0
            m4 = c4 if marks & EXCLAMATION else 0.0
            m5 = c5 if marks & PERSONAL else 0.0
            t6 = c6 * third
            t7 = c7 * seg_lean
            seg_leaners = leaners.get(seg, ())
        start, end, token, _, _, _, intensified, _ = row
        if n_quotes:
            while qi < n_quotes and quotes[qi][1] <= start:
                qi += 1
            quoted = qi < n_quotes and quotes[qi][0] <= start
        else:
            quoted = False
        if mode == _CALIBRATION:
            out.append(CalibrationInput(token, z_word + shift[1], quoted, marks, third, hit.category, seg_lean))
            continue
        # :func:`calibrated`, written out (the same sum in the same order)
        z = z_word + shift[1]
        score = 1.0 / (1.0 + exp(-(c0 * z + c1 + (c2 if quoted else 0.0) + m3 + m4 + m5 + t6 + t7)))
        lexical = hit.lexical
        if not lexical and score > hint_cap:
            score = hint_cap
        hint = score >= threshold and not earns_flag(cal, lexical, hit.z_plain - hit.z + z_word + shift[1], quoted,
                                                      marks, third, threshold, seg_lean)
        if hint:
            score = threshold - HINT_MARGIN
        if score < min_score and not hit.listed:
            continue
        if not detail:
            out.append((hit.category, score))
            continue
        # the reason and evidence are made from these when first read (:func:`analysis.wording.reasons.word_reason`)
        out.append(make(start, end, token, hit.category, hit.stance, score, "", "",
                        (token, hit, intensified, w_int, cal, z_word, shift, quoted, marks, top, score, threshold,
                         seg_lean, seg_leaners, hint)))
    if detail:
        _sort_cues(out)
    return out




def _sort_cues(cues: list[Any]) -> None:
    """Sort cues in place by :func:`_cue_order`, reading the rest of the key (and so making a
    reason) only for cues that start at the same offset: the same order as sorting by the whole
    key (cues of one text rarely share a start: words inside a curated phrase are not cues)."""
    cues.sort(key=_START)
    i, n = 0, len(cues)
    while i < n - 1:
        j = i + 1
        start = cues[i].start
        while j < n and cues[j].start == start:
            j += 1
        if j - i > 1:
            cues[i:j] = sorted(cues[i:j], key=_cue_order)
        i = j


_START = attrgetter("start")




def _cue_order(cue: Any) -> tuple:
    return (cue.start, cue.end, cue.term, cue.category, cue.stance or "", cue.score, cue.why, cue.evidence)


def scan(text: str, *, min_score: float = 0.0, scorer: Scorer | None = None,
         quoted_spans: Sequence[tuple[int, int]] | None = None, n_words: list[int] | None = None) -> list[Cue]:
    """Every cue in ``text`` as :class:`Cue` records, in text order.

    Curated terms are always cues; other words are cues when their score reaches ``min_score``.
    Multi-word terms ("believed to be", "according to") are one cue and the words inside them
    are not repeated. A word's score rises with the other loaded words in its sentence, with an
    intensifier just before it and in a sentence that reads as opinion (a question, an
    exclamation, "we"/"you") or whose words often stand in sentences experts judged biased; it
    falls inside quotation marks (``analysis.voice.quoted_stretches``) (the sentence
    calibration, ``analysis.wording.features.SENTENCE_FEATURES``). A word without lexical evidence (only
    rarity, shape or context) scores at most the model's ``hint_cap``. Verb-list words used as
    nouns ("the claims") are scored as plain words, not as attribution verbs.

    ``quoted_spans``: the stretches :func:`analysis.voice.quoted_stretches` finds in ``text``, when
    already found (the ``direct``, ``phrase`` and ``block`` quotations of
    ``analysis.voice.quotations(text)`` are the same spans), so they are not looked for again.
    ``n_words``, if given, receives the number of words of ``text`` (``WORD_PATTERN`` matches,
    counted on the way, as :func:`cue_scores` returns it).
    """
    return _scan(text, min_score, scorer, _DETAIL, n_words, quoted_spans)


def scan_records(text: str, make: Callable[..., Any], *, min_score: float = 0.0, scorer: Scorer | None = None,
                 quoted_spans: Sequence[tuple[int, int]] | None = None,
                 n_words: list[int] | None = None) -> list[Any]:
    """:func:`scan` with each cue made by ``make`` instead of :class:`Cue` (``make`` is called as
    ``Cue`` is: ``make(start, end, term, category, stance, score, why, evidence, reason)``), for a
    caller that keeps cues in records of its own (``analysis.annotate``) without making each twice.
    ``reason`` is None where ``why`` and ``evidence`` are given (curated phrases); for a word cue
    they are ``""`` and ``reason`` is what :func:`analysis.wording.reasons.word_reason` makes them
    from, ``(why, evidence) = word_reason(*reason)``, as :class:`Cue` makes them when first read.
    The records come in the order :func:`scan` gives (by start; the rest of the key, ``why`` and
    ``evidence`` included, read only where two share a start), so they must have those fields."""
    return _scan(text, min_score, scorer, _DETAIL, n_words, quoted_spans, make)


def cue_scores(
    text: str, *, min_score: float = 0.0, scorer: Scorer | None = None
) -> tuple[list[tuple[str, float]], int]:
    """``(category, score)`` of every cue :func:`scan` finds in ``text`` (not in text order),
    and the number of words of ``text`` (``WORD_PATTERN`` matches): the same scoring code
    without the reason strings, for counting cues at corpus scale."""
    n_words: list[int] = []
    scores = _scan(text, min_score, scorer, _COUNT, n_words)
    return scores, n_words[0]


def calibration_inputs(text: str, *, scorer: Scorer | None = None) -> list[CalibrationInput]:
    """The inputs of the sentence calibration for every cue of ``text`` (curated phrases first,
    then words in text order), scored by ``scorer``'s first stage: what training fits."""
    return _scan(text, 0.0, scorer, _CALIBRATION)


def cues_frame(cues: list[Cue]) -> pd.DataFrame:
    """:class:`Cue` records as the cue table (built column by column: it is the hot path)."""
    n = len(cues)
    return pd.DataFrame(
        {
            "start": np.fromiter((c.start for c in cues), dtype=np.int64, count=n),
            "end": np.fromiter((c.end for c in cues), dtype=np.int64, count=n),
            "term": pd.array([c.term for c in cues], dtype="str"),
            "category": pd.array([c.category for c in cues], dtype="str"),
            "stance": pd.array([c.stance for c in cues], dtype="object"),
            "score": np.fromiter((c.score for c in cues), dtype=np.float64, count=n),
            "why": pd.array([c.why for c in cues], dtype="str"),
            "evidence": pd.array([c.evidence for c in cues], dtype="str"),
        },
        copy=False,
    )
