"""Words scored without context: the first stage of the wording model, remembered per word.

:class:`Scorer` turns a word (its normalized form, whether it is used as a name, whether its
curated entry counts) into a :class:`WordScore`: log-odds from the word's features
(``analysis.wording.features``) and the model's weights (``analysis.wording.model``), its
category and stance, its evidence tags and what its reason is made from. The scan
(``analysis.wording.scan``) then adjusts the score by the word's sentence.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np

from analysis.lexicon import on_change
from analysis.wording.features import (
    FEATURES,
    HINT_FEATURES,
    INDEX,
    LEXICAL_EVIDENCE,
    N_BASE,
    N_WORD,
    base_features,
    evidence_rows,
    feature_table,
    is_candidate,
    learned_features,
    negative_ratings,
)
from analysis.wording.lexicons import CueInfo, curated, curated_word, fold_form
from analysis.wording.model import (
    LEARNED_FILE,
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
from analysis.wording.occurrences import common_only_categories
from analysis.wording.precomputed import (
    CANDIDATE,
    CURATED,
    FORMS,
    INDEX_SHIFT,
    ROW_MASK,
    ROW_SHIFT,
    TableScores,
    WordTable,
    forms,
)
from analysis.wording.reasons import word_why

__all__ = ["HINT_RULE", "STRONG_RATE", "Scorer", "WordScore", "default_scorer", "score_stamp", "word_vector"]

_HINT_INDEX = tuple(FEATURES.index(f) for f in HINT_FEATURES)
_HINT_LIST = list(_HINT_INDEX)
_VALENCE_INDEX = tuple(FEATURES.index(f) for f in ("tb_subj", "tb_pol", "vader", "afinn"))
_NEGATIVE_INDEX = FEATURES.index("negative")
_EVALUATIVE_INDEX = [FEATURES.index(f) for f in ("loaded", "label", "attr_loaded")]
_RARITY, _RARE_EVALUATIVE = INDEX["rarity"], INDEX["rare_evaluative"]
#: A word experts marked in at least this share of the annotated sentences containing it has a
#: strong learned rate (see :attr:`WordScore.evaluative`).
STRONG_RATE = 0.25

#: Which evidence lets rarity and shape lift a word to a flag: "strict" (a curated list or the
#: experts' marks), "negative" (shipped: also VADER or AFINN, lists of human valence ratings,
#: rating it negative; TextBlob's polarity of adverbs such as "firmly" is too loose),
#: "valence" (also any TextBlob, VADER or AFINN rating; not the broad NRC lists), "any" (any
#: sentiment lexicon). Word F1 by 5-fold CV on the BABE dev half with the model of 2026-11-27
#: (benchmarks/validate_bias_words.py): 0.418 strict, 0.436 negative, 0.436 valence, 0.445 any; the
#: model before it had 0.461 with no rule (rarity alone could flag). "valence" and "any" let rare or
#: -ly words with a mild rating through ("gently", "inaudibly", "chairwoman" in NRC's lists).
HINT_RULE = "negative"


def _vouched(tags: Sequence[str], x: Sequence[float], norm: str = "") -> bool:
    """Whether evidence about the word itself lets rarity and shape raise it to a flag (``x``: the
    word's feature values)."""
    if "lexicon" in tags or "learned" in tags:
        return True
    if HINT_RULE == "negative":
        return x[_NEGATIVE_INDEX] > 0 and any(n in ("VADER", "AFINN") for n in negative_ratings(norm))
    if HINT_RULE == "valence":
        return any(x[i] != 0.0 for i in _VALENCE_INDEX)
    if HINT_RULE == "any":
        return "sentiment-lexicon" in tags
    return False


@dataclass(slots=True)
class WordScore:
    """A word scored without context: log-odds, category, stance, reason (:attr:`why`), evidence
    tags and whether any of them is lexical evidence."""

    z: float
    category: str
    stance: str | None
    #: the one-line reason, or what it is built from until :attr:`why` is first read (counting
    #: cues at corpus scale never reads it): :meth:`reason_parts`, or for a score read from the
    #: precomputed table ``(None, key, model, learned table, families)``, from which they are made
    reason: str | _ReasonParts | tuple[None, tuple[str, bool, bool], Model, Counts, Families]
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
    #: its curated entry counts (listed, or a form of a listed word, and not a verb-list word used
    #: as a noun): the scan keeps it as a cue whatever its score
    listed: bool = False

    def __post_init__(self) -> None:
        self.p = 1.0 / (1.0 + math.exp(-self.z))

    @property
    def why(self) -> str:
        """One line a reader can understand: the lexicon's rationale, then the strongest evidence."""
        if not isinstance(self.reason, str):
            self.reason = word_why(*self.reason_parts())
        return self.reason

    def reason_parts(self) -> _ReasonParts:
        """What :attr:`why` is made from, ``(feature vector, curated entry, learned counts, model,
        family backoff, norm)`` (made now for a score read from the precomputed table); only
        until :attr:`why` is first read."""
        reason = self.reason
        if isinstance(reason, str):
            raise ValueError("the reason is already made")
        if reason[0] is None:
            reason = self.reason = _reason_parts(*reason[1:])
        return reason


_ReasonParts = tuple[np.ndarray, CueInfo | None, tuple[int, int, int] | None, Model, tuple[int, int, str] | None, str]


def _learned_parts(norm: str, cur: bool, folded: str, family: str | None, learned: Counts, families: Families,
                   model: Model, lexicons: dict[str, CueInfo]) -> tuple[float, float, float, float,
                                                                     tuple[int, int, int] | None,
                                                                     tuple[int, int, str] | None]:
    """A word's own learned feature and whether it was seen, its family backoff (value, seen),
    its learned counts and its family's explanation, as :meth:`Scorer.words` reads them."""
    fam_value, fam_known, fam = family_feature(folded, learned, families, base_rate=model.base_rate,
                                               smoothing=model.smoothing, family=family)
    kn = learned.get(folded)
    # a verb-list word used as a noun: its learned rate mostly counts the verb, so skip it
    # (as :func:`_own_learned` with an empty table)
    if kn is not None and kn[1] >= model.min_sentences and (cur or norm not in lexicons):
        own, known = learned_feature(kn[0], kn[1], base_rate=model.base_rate, smoothing=model.smoothing), 1.0
    else:
        own, known = 0.0, 0.0
    return own, known, fam_value, fam_known, kn, fam


def _reason_parts(key: tuple[str, bool, bool], model: Model, learned: Counts, families: Families) -> _ReasonParts:
    """The reason's parts of a word scored by :meth:`Scorer.words` (its feature vector made
    alone: the same values, made element by element)."""
    norm, capital, cur = key
    info = curated_word(norm) if cur else None
    own, known, fam_value, fam_known, kn, fam = _learned_parts(norm, cur, fold_form(norm), None, learned, families,
                                                               model, curated())
    x = _matrix([base_features(norm, cur)], [own], [known], [fam_value], [fam_known], [capital])[0]
    return x, info, kn, model, fam, norm


def score_stamp(model: Model, learned: Counts) -> str:
    """What the precomputed table's word scores (``analysis.wording.precomputed.TableScores``)
    are checked against: a SHA-256 of the word-level part of ``model``, the bytes of the shipped
    learned table file (``learned`` must be the one read from it) and the rules of this module."""
    digest = _LEARNED_DIGEST.get(id(learned))
    if digest is None or digest[0] is not learned:
        digest = (learned, hashlib.sha256(LEARNED_FILE.read_bytes()).hexdigest())
        _LEARNED_DIGEST.clear()
        _LEARNED_DIGEST[id(learned)] = digest
    parts = (repr(float(model.intercept)), str(model.weights.dtype), model.weights[:N_WORD].tobytes().hex(),
             repr(float(model.base_rate)), repr(float(model.smoothing)), repr(model.min_sentences),
             repr(float(model.lean_base_rate)), repr(float(model.lean_smoothing)), HINT_RULE, repr(STRONG_RATE),
             digest[1])
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


_LEARNED_DIGEST: dict[int, tuple[Counts, str]] = {}



def word_vector(
    norm: str, capital: bool, *, learned: Counts | None = None, model: Model | None = None,
    curated: bool = True, family: tuple[float, float] | None = None,
) -> np.ndarray:
    """The feature vector of one word without context (``FEATURES[:N_WORD]``; ``capital``
    means a name: its rarity is not counted). ``family``: the word's family backoff (value,
    seen) from :func:`analysis.wording.model.family_feature`; by default from the shipped table."""
    model = model or load_model()
    if family is None:
        family = family_feature(fold_form(norm), learned_table(), learned_families(), base_rate=model.base_rate,
                                smoothing=model.smoothing)[:2]
    own, known = _own_learned(fold_form(norm), learned_table() if learned is None else learned, model)
    return word_matrix([(base_features(norm, curated), own, known, *family, capital)])[0]


def _own_learned(folded: str, table: Counts, model: Model) -> tuple[float, float]:
    """A word's learned feature (smoothed log-odds, about -1..1) and whether it was seen in at
    least ``model.min_sentences`` annotated sentences (0.0 and 0.0 when not)."""
    kn = table.get(folded)
    if kn is not None and kn[1] >= model.min_sentences:
        return learned_feature(kn[0], kn[1], base_rate=model.base_rate, smoothing=model.smoothing), 1.0
    return 0.0, 0.0


def word_matrix(words: Sequence[tuple[tuple[float, ...], float, float, float, float, bool]]) -> np.ndarray:
    """The feature vectors of several words without context, one row a word (``FEATURES[:N_WORD]``),
    from ``(base features, own learned feature, known, family feature, family known, capital)``
    per word; :func:`analysis.wording.features.learned_features` computes the learned features
    for all rows at once (the same float operations as for one word, so the same numbers)."""
    return _matrix([w[0] for w in words], [w[1] for w in words], [w[2] for w in words], [w[3] for w in words],
                   [w[4] for w in words], [w[5] for w in words])


def _matrix(bases: Sequence[tuple[float, ...]] | np.ndarray, own: Sequence[float], known: Sequence[float],
            family: Sequence[float], family_known: Sequence[float], capital: Sequence[bool]) -> np.ndarray:
    """:func:`word_matrix` from one list per part (``bases``: tuples, or their matrix)."""
    x = np.empty((len(bases), N_WORD))
    x[:, :N_BASE] = bases
    learned = learned_features(x[:, :N_BASE].T, np.array(own, dtype=float), np.array(known, dtype=float),
                               np.array(family, dtype=float), np.array(family_known, dtype=float))
    for i, column in enumerate(learned, N_BASE):
        x[:, i] = column
    names = np.array(capital, dtype=bool)
    x[:, N_WORD - 1] = names
    x[names, _RARITY] = 0.0
    x[names, _RARE_EVALUATIVE] = 0.0
    return x


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
        # the precomputed table's word scores hold for the shipped learned table only (a table
        # passed in is the shipped one only if that is loaded: none is read here to find out)
        shipped = learned is None or (learned_table.cache_info().currsize > 0 and learned is learned_table())
        self._stamp = (score_stamp(self.model, self.learned)
                       if shipped and learned_families.cache_info().currsize > 0
                       and self.families is learned_families() else None)

    def _table_scores(self, table: WordTable | None) -> TableScores | None:
        """The word scores ``table`` holds when they are this scorer's (same word-level model and
        learned table), else None."""
        scores = table.scores if table is not None else None
        return scores if scores is not None and self._stamp is not None and scores.stamp == self._stamp else None

    def with_model(self, model: Model) -> Scorer:
        """A scorer with ``model`` and the same learned table (word scores shared when the
        word-level part of the model is the same)."""
        same = (model.intercept == self.model.intercept
                and np.array_equal(model.weights[:N_WORD], self.model.weights[:N_WORD])
                and model.base_rate == self.model.base_rate and model.smoothing == self.model.smoothing
                and model.lean_base_rate == self.model.lean_base_rate
                and model.lean_smoothing == self.model.lean_smoothing
                and model.min_sentences == self.model.min_sentences)
        return Scorer(model, self.learned, _memo=self._memo if same else None, _families=self.families)

    def with_learned(self, learned: Counts) -> Scorer:
        """A scorer with the same model and another learned table (``{}``: none)."""
        return Scorer(self.model, learned)

    def word(self, norm: str, capital: bool, curated_entry: bool = True) -> WordScore | None:
        """A word scored without context (``capital``: used as a name; ``curated_entry=False``:
        ignore the curated lexicons); None if not a candidate."""
        key = (norm, capital, curated_entry)
        if key not in self._memo:
            self.words((key,))
        return self._memo[key]

    def words(self, keys: Iterable[tuple[str, bool, bool]]) -> None:
        """Score every ``(norm, capital, curated_entry)`` of ``keys`` not yet remembered (as
        :meth:`word` would), all at once: the feature vectors and their weighted sums are computed
        for the whole batch with numpy instead of one small array a word."""
        memo = self._memo
        model = self.model
        lexicons = curated()
        common = common_only_categories()
        learned, families = self.learned, self.families
        todo = []
        bases, owns, knowns, fam_values, fam_knowns, capitals = [], [], [], [], [], []
        # words the precomputed table holds: their flags and feature row read at once (the row of
        # each todo entry where ``rows[i] >= 0``, else its features are in ``bases``)
        table = feature_table()
        codes = table.codes if table is not None else {}
        scores = self._table_scores(table)
        rows: list[int] = []
        for key in dict.fromkeys(keys):
            if key in memo:
                continue
            norm, capital, cur = key
            code = codes.get(norm) if cur else None
            if code is not None:
                # as below: the table says whether it is a candidate and whether it has an entry
                entry = curated_word(norm) if code & CURATED else None
                if not code & CANDIDATE or (capital and entry is not None and entry.category in common):
                    memo[key] = None
                    continue
                if scores is not None:  # its score, as computed when the table was built
                    memo[key] = _stored_score(scores, code, key, entry, model, learned, families)
                    continue
                rows.append(code >> ROW_SHIFT & ROW_MASK)
                folded, family = forms(norm, code) if code & FORMS else (fold_form(norm), None)
            else:
                entry = curated_word(norm)  # its entry, or the entry of the listed word it is a form of
                if not is_candidate(norm) or (capital and entry is not None and entry.category in common):
                    memo[key] = None
                    continue
                rows.append(-1)
                bases.append(base_features(norm, cur))
                folded, family = fold_form(norm), None
            own, known, fam_value, fam_known, kn, fam = _learned_parts(norm, cur, folded, family, learned, families,
                                                                       model, lexicons)
            owns.append(own)
            knowns.append(known)
            todo.append((key, entry if cur else None, kn, fam))
            fam_values.append(fam_value)
            fam_knowns.append(fam_known)
            capitals.append(capital)
        if not todo:
            return
        base = np.empty((len(todo), N_BASE))
        from_table = np.array(rows, dtype=np.int64)
        held = from_table >= 0
        if table is not None and held.any():
            base[held] = table.rows[from_table[held]]
        if bases:
            base[~held] = bases
        x = _matrix(base, owns, knowns, fam_values, fam_knowns, capitals)
        contributions = x * model.weights[:N_WORD]
        # the sums of each row: the same additions in the same order as one word's vector
        # (``tests/test_wording_scorer.py`` checks the batch against one word at a time)
        z_all = (model.intercept + contributions.sum(axis=1)).tolist()
        hints = np.clip(contributions[:, _HINT_LIST], 0.0, None).sum(axis=1).tolist()
        evaluative = (x[:, _EVALUATIVE_INDEX] != 0.0).any(axis=1).tolist()
        # which words a rating may vouch for (:func:`_vouched` is asked only about those)
        rated = (x[:, _NEGATIVE_INDEX] > 0).tolist() if HINT_RULE == "negative" else [True] * len(todo)
        tags_all = evidence_rows(x, [info is not None for _, info, _, _ in todo])
        lean_base_rate, lean_smoothing = model.lean_base_rate, model.lean_smoothing
        for i, (key, info, kn, fam) in enumerate(todo):
            norm = key[0]
            row = x[i]
            tags = tags_all[i]
            z = z_all[i]
            evidence, lexical, vouched = _evidence(tags)
            memo[key] = WordScore(
                z,
                info.category if info else "loaded",
                info.stance if info else None,
                (row, info, kn, model, fam, norm),
                evidence,
                lexical,
                z if vouched or (rated[i] and _vouched(tags, row, norm)) else z - hints[i],
                0.0 if kn is None else lean_feature(kn[2], kn[1], base_rate=lean_base_rate,
                                                    smoothing=lean_smoothing),
                evaluative[i] or (kn is not None and kn[0] > 0 and kn[0] >= STRONG_RATE * kn[1]),
                info is not None,
            )

    def phrase(self, key: str) -> float:
        """Log-odds of a curated phrase from its lexicon features alone."""
        x = np.zeros(N_WORD)
        x[:N_BASE] = base_features(key)
        return float(self.model.intercept + x @ self.model.weights[:N_WORD])


def _stored_score(scores: TableScores, code: int, key: tuple[str, bool, bool], entry: CueInfo | None, model: Model,
                  learned: Counts, families: Families) -> WordScore:
    """The score of a table word worth scoring (``key``: its curated entry counts), read from
    ``scores`` (see ``analysis.wording.precomputed.TableScores``); its reason is made when read."""
    i = code >> INDEX_SHIFT
    capital = key[1]
    col = 2 if capital else 0
    values = scores.values
    kind = scores.kinds.item(i) >> (16 if capital else 0) & 0xFFFF
    evidence, lexical = scores.evidence[kind >> 1]
    return WordScore(values.item(i, col), entry.category if entry else "loaded", entry.stance if entry else None,
                     (None, key, model, learned, families), evidence, lexical, values.item(i, col + 1),
                     values.item(i, 4), bool(kind & 1), entry is not None)


@cache
def _evidence(tags: tuple[str, ...]) -> tuple[str, bool, bool]:
    """The ``evidence`` string of a word's tags (``none`` without any), whether any of them is
    lexical evidence (:data:`LEXICAL_EVIDENCE`) and whether they alone vouch for the word (a
    curated list or the experts' marks: see :func:`_vouched`)."""
    return "+".join(tags) or "none", any(t in LEXICAL_EVIDENCE for t in tags), "lexicon" in tags or "learned" in tags


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer built from the shipped model and learned table."""
    return Scorer()


@on_change
def clear_caches() -> None:
    """Forget remembered word scores (after editing a lexicon or model file in a session)."""
    default_scorer.cache_clear()
