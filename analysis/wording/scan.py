"""One scan of a text: every cue, scored in its sentence, as named records.

The scan takes the scorable words of a text (``analysis.wording.occurrences``, with their
sentence facts), scores each word without context once (:class:`Scorer`, remembered per word),
then adjusts the score by the word's sentence: other loaded words, an intensifier before it, a
plain speech verb, the sentence's length, and the sentence calibration (quotation, question,
exclamation, first or second person).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd

from analysis.lexicon import on_change
from analysis.text import WORD_PATTERN, normalize_token
from analysis.voice import quoted_stretches
from analysis.wording.features import (
    DECLARED,
    FEATURES,
    HINT_FEATURES,
    INDEX,
    LEXICAL_EVIDENCE,
    N_BASE,
    N_WORD,
    base_features,
    evidence_tags,
    is_candidate,
    learned_features,
    length_feature,
    nearby_feature,
    negative_lexicons,
    negative_ratings,
)
from analysis.wording.lexicons import (
    CueInfo,
    curated,
    curated_word,
    fold_form,
    phrase_finder,
)
from analysis.wording.model import (
    Counts,
    Families,
    Model,
    family_feature,
    family_table,
    lean_feature,
    learned_families,
    learned_feature,
    learned_table,
    load_model,
)
from analysis.wording.occurrences import (  # the words of a text
    EXCLAMATION,
    PERSONAL,
    QUESTION,
    Occurrence,
    common_only_categories,
    inside_spans,
    noun_uses,
    occurrence_rows,
    occurrences,
)

__all__ = [
    "CUE_FIELDS",
    "EXCLAMATION",
    "PERSONAL",
    "QUESTION",
    "CalibrationInput",
    "Cue",
    "Occurrence",
    "Scorer",
    "WordScore",
    "calibration_inputs",
    "cue_scores",
    "cues_frame",
    "default_scorer",
    "noun_uses",
    "occurrences",
    "scan",
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
                 why: str = "", evidence: str = "", *, _reason: tuple | None = None) -> None:
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
            self._why, self._evidence = _word_reason(*reason)
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


@dataclass(slots=True)
class WordScore:
    """A word scored without context: log-odds, category, stance, reason (:attr:`why`), evidence
    tags and whether any of them is lexical evidence."""

    z: float
    category: str
    stance: str | None
    #: the one-line reason, or what it is built from until :attr:`why` is first read (counting
    #: cues at corpus scale never reads it)
    reason: str | tuple[np.ndarray, CueInfo | None, tuple[int, int, int] | None, Model, tuple[int, int, str] | None,
                        str]
    evidence: str
    lexical: bool
    #: log-odds where rarity and shape count only for words a curated list or the experts'
    #: marks vouch for (see :func:`earns_flag`)
    z_plain: float = 0.0
    #: the word's probability without context, ``1 / (1 + exp(-z))`` (computed once)
    p: float = field(init=False, default=0.0)
    #: how much the word tilts its sentence towards "judged biased" (``model.lean_feature``)
    lean: float = 0.0
    #: evaluative evidence about the word itself, enough to name it as what makes its sentence read
    #: as biased: a curated list holds it as loaded, a label or a judging attribution verb, or experts
    #: marked it in at least :data:`STRONG_RATE` of the annotated sentences containing it
    evaluative: bool = False

    def __post_init__(self) -> None:
        self.p = 1.0 / (1.0 + math.exp(-self.z))

    @property
    def why(self) -> str:
        """One line a reader can understand: the lexicon's rationale, then the strongest evidence."""
        if not isinstance(self.reason, str):
            self.reason = _why(*self.reason)
        return self.reason


# ---------------------------------------------------------------------------------------------
# Scoring words
# ---------------------------------------------------------------------------------------------


def word_vector(
    norm: str, capital: bool, *, learned: Counts | None = None, model: Model | None = None,
    curated: bool = True, family: tuple[float, float] | None = None,
) -> np.ndarray:
    """The feature vector of one word without context (``FEATURES[:N_WORD]``; ``capital``
    means a name: its rarity is not counted). ``family``: the word's family backoff (value,
    seen) from :func:`analysis.wording.model.family_feature`; by default from the shipped table."""
    model = model or load_model()
    table = learned_table() if learned is None else learned
    kn = table.get(fold_form(norm))
    if kn is not None and kn[1] >= model.min_sentences:
        lf = learned_feature(kn[0], kn[1], base_rate=model.base_rate, smoothing=model.smoothing)
        known = 1.0
    else:
        lf, known = 0.0, 0.0
    if family is None:
        family = family_feature(fold_form(norm), learned_table(), learned_families(), base_rate=model.base_rate,
                                smoothing=model.smoothing)[:2]
    base = base_features(norm, curated)
    x = np.array((*base, *learned_features(base, lf, known, *family), float(capital)))
    if capital:
        x[INDEX["rarity"]] = x[INDEX["rare_evaluative"]] = 0.0
    return x


def _why(x: np.ndarray, info: CueInfo | None, kn: tuple[int, int, int] | None, model: Model,
         family: tuple[int, int, str] | None = None, norm: str = "") -> str:
    """One line a reader can understand: the lexicon's rationale, then the strongest evidence."""
    parts = []
    if info is not None:
        parts.append(info.rationale)
    contrib = x * model.weights[: len(x)]
    order = np.argsort(-contrib)
    for i in order[:4]:
        feature = DECLARED[i]
        if contrib[i] <= 0.05 or not feature.explain or len(parts) >= 3:
            continue
        if feature.why is None or ("{k}" in feature.why and kn is None) or ("{fk}" in feature.why and family is None):
            parts.append(feature.words)
        else:
            k, n = kn[:2] if kn is not None else (0, 0)
            fk, fn, member = family if family is not None else (0, 0, "")
            negative_by = negative_lexicons(norm) if "{negative_by}" in feature.why else ""
            parts.append(feature.why.format(value=x[i], k=k, n=n, fk=fk, fn=fn, member=member,
                                            negative_by=negative_by))
    if not parts:
        parts.append("a weak cue: " + (DECLARED[order[0]].words if contrib[order[0]] > 0 else "little evidence"))
    return "; ".join(parts)


class Scorer:
    """Scores words with one model and one learned table, remembering each word's result.

    The default scorer (:func:`default_scorer`) uses the shipped files; training builds others
    for cross-validation folds. A scorer is not changed after it is made: :meth:`with_model`
    gives a new one (sharing the remembered word scores when only the context weights, the
    hint cap or the calibration differ).
    """

    def __init__(self, model: Model | None = None, learned: Counts | None = None, *,
                 _memo: dict | None = None, _families: Families | None = None):
        self.model = model or load_model()
        self.learned = learned_table() if learned is None else learned
        if _families is None:
            _families = learned_families() if learned is None else family_table(self.learned)
        self.families = _families
        self._memo: dict[tuple[str, bool, bool], WordScore | None] = {} if _memo is None else _memo
        self.w_nearby = self.model.weight("nearby")
        self.w_intensified = self.model.weight("intensified")
        self.w_reported = self.model.weight("reported")
        self.w_length = self.model.weight("length")
        self.hint_cap = float(self.model.hint_cap)
        self.calibration = tuple(float(c) for c in self.model.calibration)

    def with_model(self, model: Model) -> Scorer:
        """A scorer with ``model`` and the same learned table (word scores shared when the
        word-level part of the model is the same)."""
        same = (model.intercept == self.model.intercept
                and np.array_equal(model.weights[:N_WORD], self.model.weights[:N_WORD])
                and model.base_rate == self.model.base_rate and model.smoothing == self.model.smoothing
                and model.min_sentences == self.model.min_sentences)
        return Scorer(model, self.learned, _memo=self._memo if same else None, _families=self.families)

    def with_learned(self, learned: Counts) -> Scorer:
        """A scorer with the same model and another learned table (``{}``: none)."""
        return Scorer(self.model, learned)

    def word(self, norm: str, capital: bool, curated_entry: bool = True) -> WordScore | None:
        """A word scored without context (``capital``: used as a name; ``curated_entry=False``:
        ignore the curated lexicons); None if not a candidate."""
        key = (norm, capital, curated_entry)
        if key in self._memo:
            return self._memo[key]
        result = None
        lexicons = curated()
        entry = curated_word(norm)  # its entry, or the entry of the listed word it is a form of
        if is_candidate(norm) and not (capital and entry is not None and entry.category in common_only_categories()):
            info = entry if curated_entry else None
            # a verb-list word used as a noun: its learned rate mostly counts the verb, so skip it
            learned = self.learned if curated_entry or norm not in lexicons else {}
            folded = fold_form(norm)
            fam_value, fam_known, fam = family_feature(folded, self.learned, self.families,
                                                       base_rate=self.model.base_rate, smoothing=self.model.smoothing)
            x = word_vector(norm, capital, learned=learned, model=self.model, curated=curated_entry,
                            family=(fam_value, fam_known))
            kn = self.learned.get(folded)
            tags = evidence_tags(x, info is not None)
            contributions = x * self.model.weights[:N_WORD]
            z = float(self.model.intercept + contributions.sum())
            result = WordScore(
                z,
                info.category if info else "loaded",
                info.stance if info else None,
                (x, info, kn, self.model, fam, norm),
                "+".join(tags) or "none",
                any(t in LEXICAL_EVIDENCE for t in tags),
                z if _vouched(tags, x, norm) else z - float(np.clip(contributions[_HINT_LIST], 0.0, None).sum()),
                0.0 if kn is None else lean_feature(kn[2], kn[1], base_rate=self.model.lean_base_rate,
                                                    smoothing=self.model.lean_smoothing),
                bool(x[_EVALUATIVE_INDEX].any()) or (kn is not None and kn[0] > 0 and kn[0] >= STRONG_RATE * kn[1]),
            )
        self._memo[key] = result
        return result

    def phrase(self, key: str) -> float:
        """Log-odds of a curated phrase from its lexicon features alone."""
        x = np.zeros(N_WORD)
        x[:N_BASE] = base_features(key)
        return float(self.model.intercept + x @ self.model.weights[:N_WORD])


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer built from the shipped model and learned table."""
    return Scorer()


# ---------------------------------------------------------------------------------------------
# The scan
# ---------------------------------------------------------------------------------------------


_HINT_INDEX = tuple(FEATURES.index(f) for f in HINT_FEATURES)
_HINT_LIST = list(_HINT_INDEX)
_VALENCE_INDEX = tuple(FEATURES.index(f) for f in ("tb_subj", "tb_pol", "vader", "afinn"))
_NEGATIVE_INDEX = FEATURES.index("negative")
_EVALUATIVE_INDEX = [FEATURES.index(f) for f in ("loaded", "label", "attr_loaded")]
#: A word experts marked in at least this share of the annotated sentences containing it has a
#: strong learned rate (see :attr:`WordScore.evaluative`).
STRONG_RATE = 0.25
#: The sentence lean (the sum of its words' leans, log-odds) is held within +-LEAN_CAP, so a run-on
#: "sentence" of thousands of words cannot outweigh the words themselves.
LEAN_CAP = 8.0
#: A cue that rarity, shape or context alone would lift to a flag stays this far below the threshold.
HINT_MARGIN = 0.01
HINT_WHY = "rarity, shape or context alone cannot make it a flag"
#: The sentence-lean reason when none of the sentence's leaning words is evaluative on its own.
LEAN_PLAIN_WHY = ("the sentence reads like those experts judged biased (its plain words, not loaded on their own, "
                  "often stand in them)")
#: Which evidence lets rarity and shape lift a word to a flag: "strict" (a curated list or the
#: experts' marks), "negative" (shipped: also VADER or AFINN, lists of human valence ratings,
#: rating it negative; TextBlob's polarity of adverbs such as "firmly" is too loose),
#: "valence" (also any TextBlob, VADER or AFINN rating; not the broad NRC lists), "any" (any
#: sentiment lexicon). Word F1 by 5-fold CV on the BABE dev half with the model of 2026-11-27
#: (benchmarks/validate_bias_words.py): 0.418 strict, 0.436 negative, 0.436 valence, 0.445 any; the
#: model before it had 0.461 with no rule (rarity alone could flag). "valence" and "any" let rare or
#: -ly words with a mild rating through ("gently", "inaudibly", "chairwoman" in NRC's lists).
HINT_RULE = "negative"


def _vouched(tags: list[str], x: np.ndarray, norm: str = "") -> bool:
    """Whether evidence about the word itself lets rarity and shape raise it to a flag."""
    if "lexicon" in tags or "learned" in tags:
        return True
    if HINT_RULE == "negative":
        return bool(x[_NEGATIVE_INDEX] > 0) and any(n in ("VADER", "AFINN") for n in negative_ratings(norm))
    if HINT_RULE == "valence":
        return bool(x[list(_VALENCE_INDEX)].any())
    if HINT_RULE == "any":
        return "sentiment-lexicon" in tags
    return False


def earns_flag(cal: tuple[float, ...], lexical: bool, z_plain: float, quoted: bool, marks: int, third: float,
               threshold: float, lean: float = 0.0) -> bool:
    """Whether a word may be a flag: it has lexical evidence (a curated list, the experts' marks or
    a sentiment lexicon) and reaches the threshold with ``z_plain``, its log-odds in context where
    rarity and shape count only for words a curated list, the experts' marks or (by
    :data:`HINT_RULE`) a negative rating in VADER or AFINN vouch for. Rare words and
    hyphenated compounds may raise a score, never make a flag."""
    return lexical and 1.0 / (1.0 + math.exp(-calibrated(cal, z_plain, quoted, marks, third, lean))) >= threshold


def calibrated(cal: tuple[float, ...], z: float, quoted: bool, marks: int, third: float, lean: float = 0.0) -> float:
    """The sentence calibration (second stage): log-odds from a word's first-stage log-odds ``z``,
    whether it is quoted, its sentence's marks, the third-highest word score of its sentence and
    the sentence's lean (the sum of its words' leans)."""
    return (cal[0] * z + cal[1] + (cal[2] if quoted else 0.0) + (cal[3] if marks & QUESTION else 0.0)
            + (cal[4] if marks & EXCLAMATION else 0.0) + (cal[5] if marks & PERSONAL else 0.0) + cal[6] * third
            + cal[7] * lean)


_MARK_WORDS = ((QUESTION, "a question"), (EXCLAMATION, "an exclamation"), (PERSONAL, "first or second person"))


def sentence_reasons(cal: tuple[float, ...], z_word: float, shift: tuple[float, float], quoted: bool,
                     marks: int, top: list[float], score: float, threshold: float, lean: float = 0.0,
                     lean_words: tuple[str, ...] | None = None) -> tuple[list[str], bool]:
    """Plain-words reasons from a word's sentence, and whether any of them lifted it to a flag:
    other loaded words, an opinion-like sentence (question, exclamation, first or second
    person), words that often stand in sentences experts judged biased (``lean``) that tipped it
    over the flag threshold, a quotation that lowers it. ``lean_words``: the sentence's strongest
    such words with evaluative evidence of their own, named in the reason (``()``: none has any,
    and the reason says so; None: the lean reason is not given)."""
    reasons = []
    lifted = False
    sig = sigmoid
    if (score >= threshold and top[1] > 0
            and sig(calibrated(cal, z_word + shift[0], quoted, marks, 0.0, lean)) < threshold):
        reasons.append("the sentence has other loaded words too")
        lifted = True
    if (lean_words is not None and score >= threshold and cal[7] * lean > 0
            and sig(calibrated(cal, z_word + shift[1], quoted, marks, top[2], 0.0)) < threshold):
        if lean_words:
            named = " and ".join(f"'{w}'" for w in lean_words)
            reasons.append(f"the sentence reads like those experts judged biased (words such as {named} often "
                           "stand in them)")
        else:
            reasons.append(LEAN_PLAIN_WHY)
        lifted = True
    if marks and score >= threshold and sig(calibrated(cal, z_word + shift[1], quoted, 0, top[2], lean)) < threshold:
        kinds = " and ".join(w for bit, w in _MARK_WORDS if marks & bit and cal[2 + bit.bit_length()] > 0)
        if kinds:
            reasons.append(f"the sentence reads as opinion ({kinds})")
            lifted = True
    if quoted and cal[2] < -0.1:
        reasons.append("it stands inside a quotation, so it counts less (the speaker's word, not the writer's)")
    return reasons, lifted


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


_MISSING: Any = object()  # "not in the memo" (typed Any so a lookup keeps WordScore | None)
_DETAIL, _COUNT, _CALIBRATION = "detail", "count", "calibration"


def _scan(text: str, min_score: float, scorer: Scorer | None, mode: str, n_words: list[int] | None = None) -> list:
    """The body of :func:`scan` (``mode`` detail: :class:`Cue` records), :func:`cue_scores`
    (count: ``(category, score)`` pairs, no reason strings built) and :func:`calibration_inputs`
    (calibration: :class:`CalibrationInput` records). ``n_words``, if given, receives the number
    of ``WORD_PATTERN`` matches in ``text`` (every word is visited on the way)."""
    scorer = scorer or default_scorer()
    detail = mode == _DETAIL
    cal = scorer.calibration
    out: list = []
    covered: list[tuple[int, int]] = []
    lexicons = curated()
    quotes = quoted_stretches(text)
    for m in phrase_finder().finditer(text):
        term = m.group()
        key = " ".join(normalize_token(term).split())
        info = lexicons[key]
        words = [normalize_token(w.group()) for w in WORD_PATTERN.finditer(term)]
        parts = [scorer.word(w, False) for w in words]
        z = max([p.z for p in parts if p] + [scorer.phrase(key)])
        quoted = bool(quotes) and inside_spans(quotes, m.start())
        score = sigmoid(calibrated(cal, z, quoted, 0, 0.0))
        if detail:
            out.append(Cue(m.start(), m.end(), term, info.category, info.stance, score,
                           f"'{term}': {info.rationale}", "lexicon"))
        elif mode == _CALIBRATION:
            out.append(CalibrationInput(term, z, quoted, 0, 0.0, info.category))
        else:
            out.append((info.category, score))
        covered.append((m.start(), m.end()))
    covered.sort()
    ci = 0
    n_covered = len(covered)
    kept = []
    memo = scorer._memo
    word = scorer.word
    exp = math.exp
    # context: the three strongest words of each sentence
    top3: dict[int, list[float]] = {}
    lean: dict[int, float] = {}  # sentence → the sum of its words' leans
    leaners: dict[int, list[tuple[float, str, bool]]] = {}  # sentence → (lean, token, evaluative) of its words leaning biased
    rows, names, seg_reported, seg_words, seg_marks = occurrence_rows(text)
    if n_words is not None:
        n_words.append(sum(seg_words))
    for row in rows:
        start, _, token, norm, name, seg, _, cur = row
        if n_covered:
            while ci < n_covered and covered[ci][1] <= start:
                ci += 1
            if ci < n_covered and covered[ci][0] <= start:
                continue
        if not name and norm in names:
            name = token[:1].isupper()  # as in :func:`occurrences`
        hit = memo.get((norm, name, cur), _MISSING)
        if hit is _MISSING:
            hit = word(norm, name, cur)
        if hit is not None:
            kept.append((row, hit))
            if hit.lean:
                lean[seg] = lean.get(seg, 0.0) + hit.lean
                if detail and hit.lean > 0:
                    leaners.setdefault(seg, []).append((hit.lean, token.lower(), hit.evaluative))
            p = hit.p
            best = top3.get(seg)
            if best is None:
                best = top3[seg] = [0.0, 0.0, 0.0]
            if p > best[0]:
                best[0], best[1], best[2] = p, best[0], best[1]
            elif p > best[1]:
                best[1], best[2] = p, best[1]
            elif p > best[2]:
                best[2] = p
    threshold = scorer.model.threshold
    seg_shift: dict[int, tuple[float, float]] = {}  # sentence → (shift without, with nearby words)
    w_int = scorer.w_intensified
    hint_cap = scorer.hint_cap
    c0, c1, c2, c3, c4, c5, c6, c7 = cal
    qi, n_quotes = 0, len(quotes)  # the quoted stretch at or after the row (rows are in text order)
    for row, hit in kept:
        start, end, token, norm, _, seg, intensified, cur = row
        if n_quotes:
            while qi < n_quotes and quotes[qi][1] <= start:
                qi += 1
            quoted = qi < n_quotes and quotes[qi][0] <= start
        else:
            quoted = False
        shift = seg_shift.get(seg)
        if shift is None:
            base = ((scorer.w_reported if seg_reported[seg] else 0.0)
                    + scorer.w_length * length_feature(seg_words[seg]))
            shift = seg_shift[seg] = (base, base + scorer.w_nearby * nearby_feature(top3[seg][1]))
        z_word = hit.z + (w_int if intensified else 0.0)
        marks = seg_marks[seg]
        third = top3[seg][2]
        seg_lean = lean.get(seg, 0.0)
        if not -LEAN_CAP <= seg_lean <= LEAN_CAP:
            seg_lean = LEAN_CAP if seg_lean > 0 else -LEAN_CAP
        if mode == _CALIBRATION:
            out.append(CalibrationInput(token, z_word + shift[1], quoted, marks, third, hit.category, seg_lean))
            continue
        # :func:`calibrated`, written out (the same sum in the same order)
        z = z_word + shift[1]
        score = 1.0 / (1.0 + exp(-(c0 * z + c1 + (c2 if quoted else 0.0) + (c3 if marks & QUESTION else 0.0)
                                   + (c4 if marks & EXCLAMATION else 0.0) + (c5 if marks & PERSONAL else 0.0)
                                   + c6 * third + c7 * seg_lean)))
        lexical = hit.lexical
        if not lexical and score > hint_cap:
            score = hint_cap
        hint = score >= threshold and not earns_flag(cal, lexical, hit.z_plain - hit.z + z_word + shift[1], quoted,
                                                      marks, third, threshold, seg_lean)
        if hint:
            score = threshold - HINT_MARGIN
        if score < min_score and not (cur and (norm in lexicons or curated_word(norm) is not None)):
            continue
        if not detail:
            out.append((hit.category, score))
            continue
        # the reason and evidence are made from these when first read (:func:`_word_reason`)
        out.append(Cue(start, end, token, hit.category, hit.stance, score,
                       _reason=(token, hit, intensified, w_int, cal, z_word, shift, quoted, marks, top3[seg], score,
                                threshold, seg_lean, leaners.get(seg, ()), hint)))
    if detail:
        _sort_cues(out)
    return out


def _word_reason(token: str, hit: WordScore, intensified: bool, w_int: float, cal: tuple[float, ...], z_word: float,
                 shift: tuple[float, float], quoted: bool, marks: int, top: list[float], score: float,
                 threshold: float, seg_lean: float, leaners: Sequence[tuple[float, str, bool]], hint: bool) -> tuple[str, str]:
    """A word cue's reason (``why``) and ``evidence``, from what the scan knew of it and its sentence."""
    context = []
    if intensified and w_int > 0.1:
        context.append("an intensifier stands just before it")
    reasons, lifted = sentence_reasons(cal, z_word, shift, quoted, marks, top, score, threshold, seg_lean,
                                       _lean_words(leaners) if score >= threshold and leaners else None)
    evidence = hit.evidence
    if context or lifted:
        evidence = "context" if evidence == "none" else f"{evidence}+context"
    context += reasons
    if hint:
        context.append(HINT_WHY)
    why = "; ".join([hit.why, *context]) if context else hit.why
    return f"'{token}': {why}", evidence


def _sort_cues(cues: list[Cue]) -> None:
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


def _lean_words(leaners: Sequence[tuple[float, str, bool]], n: int = 2) -> tuple[str, ...]:
    """The ``n`` words of ``(lean, lowercased token, evaluative)`` triples that tilt a sentence most
    towards "judged biased", among those with evaluative evidence of their own
    (:attr:`WordScore.evaluative`); ``()`` when none has any (the reason then says so instead of
    naming topic words such as "produced" or "citizenship")."""
    out: list[str] = []
    for _, token, evaluative in sorted(leaners, reverse=True):
        if evaluative and token not in out:
            out.append(token)
            if len(out) == n:
                break
    return tuple(out)


def _cue_order(cue: Cue) -> tuple:
    return (cue.start, cue.end, cue.term, cue.category, cue.stance or "", cue.score, cue.why, cue.evidence)


def scan(text: str, *, min_score: float = 0.0, scorer: Scorer | None = None) -> list[Cue]:
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
    """
    return _scan(text, min_score, scorer, _DETAIL)


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


@on_change
def clear_caches() -> None:
    """Forget remembered word scores (after editing a lexicon or model file in a session)."""
    default_scorer.cache_clear()

