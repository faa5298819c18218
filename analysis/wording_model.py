"""The engine behind ``analysis.wording.loaded_language``: lexicons, word features and a score.

Each word of a text is described by a handful of features a student can read:

- is it in a curated list (loaded/evaluative words, name-calling labels, hedges and boosters,
  attribution verbs by stance, naming variants), each entry with a rationale and a source;
- how subjective TextBlob's lexicon rates it, how strongly charged VADER's lexicon rates it;
- how rare it is in general English (``wordfreq``): loaded words are often unusual words;
- whether it looks like an adjective or adverb (a suffix rule, no tagger);
- how often experts marked it as biased in the development half of BABE (a smoothed rate, only
  for words seen in several different sentences; ``lexicons/learned_bias_words.csv``).

A small logistic model (coefficients in ``lexicons/bias_model.csv``, fitted with cross-validation
by ``benchmarks/validate_bias_words.py --fit``) turns the features into a score 0..1: roughly the
chance that an expert would mark the word as inducing bias. The score is context-free: the same
word scores the same everywhere (except for capitalisation), so negation, quotation and irony
are not seen.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.lexicon import load_lexicon
from analysis.text import WORD_PATTERN, normalize_token

__all__ = [
    "FEATURES",
    "CueInfo",
    "Model",
    "base_features",
    "cue_info",
    "fold_form",
    "learned_feature",
    "learned_table",
    "load_model",
    "phrase_pattern",
    "scan",
    "Scorer",
    "default_scorer",
    "is_candidate",
    "word_vector",
]

#: Feature names, in the order of the model's coefficients.
FEATURES = (
    "loaded",  # in the curated loaded/evaluative word list
    "label",  # a name-calling label (propaganda technique vocabulary)
    "attr_loaded",  # an attribution verb that casts doubt, presupposes or asserts
    "attr_neutral",  # a neutral or endorsing attribution verb
    "hedge",
    "booster",
    "naming",  # a contested naming variant (not the neutral usage)
    "tb_subj",  # TextBlob subjectivity 0..1 (0 when the word is not in its lexicon)
    "tb_pol",  # |TextBlob polarity| 0..1
    "vader",  # |VADER valence| / 4
    "rarity",  # 0 (very common word) .. 1 (rare word), from wordfreq's Zipf frequency
    "adjadv",  # ends like an adjective or adverb (-ous, -ive, -ly …)
    "learned",  # BABE dev half: smoothed log-odds of being marked, relative to the base rate
    "learned_known",  # the word is in the learned table at all
    "capital",  # starts with a capital letter (names are rarely loaded)
)

FEATURE_WORDS = {
    "loaded": "in the curated list of loaded and evaluative words",
    "label": "a name-calling label",
    "attr_loaded": "an attribution verb that judges the statement",
    "attr_neutral": "a neutral attribution verb",
    "hedge": "a hedge",
    "booster": "a booster",
    "naming": "a contested naming variant",
    "tb_subj": "TextBlob rates it subjective",
    "tb_pol": "TextBlob gives it a strong polarity",
    "vader": "VADER rates it emotionally charged",
    "rarity": "an unusual word in general English",
    "adjadv": "shaped like an adjective or adverb",
    "learned": "experts often marked it as biased",
    "learned_known": "seen in the expert annotations",
    "capital": "capitalised (names are rarely loaded)",
}

_STOPWORDS = frozenset(
    """a an the and or but nor so yet for of to in on at by with from as into onto upon about
    above below over under after before during since until while than then that this these those
    there here where when why how what which who whom whose it its it's itself he him his she her
    hers they them their theirs we us our ours i me my mine you your yours one ones be is are was
    were been being am do does did done doing have has had having will would shall should can
    could may might must not no yes if else also just only very too more most less least much
    many some any all both each either neither other another such same own s t mr mrs ms dr
    said says say told tell according up down out off again further once per via among amid
    between through across against toward towards around along within without""".split()
)
# Modal and attribution words are stopwords for the statistical features but still lexicon cues.

_ADJ_ADV = re.compile(r"(?:ous|ive|ful|less|ical|ic|ist|ism|able|ible|ly|ish|esque)$")
_ALPHA = re.compile(r"[^\W\d_][\w'\-]*$")


def fold_form(norm: str) -> str:
    """A crude inflection fold for pooling counts: ``claims``/``claimed``/``claiming`` → ``claim``.

    Deliberately simple (no dictionary): strips a possessive and one common suffix from words
    longer than five letters. Used only to pool the learned statistics, never shown as a term.
    """
    w = norm[:-2] if norm.endswith("'s") else norm
    if len(w) > 5:
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and not w.endswith("ss"):
                return w[: -len(suffix)]
    return w


# ---------------------------------------------------------------------------------------------
# Lexicons, compiled once
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CueInfo:
    """What the curated lexicons say about one term (a word or a phrase)."""

    category: str  # loaded | hedge | booster | attribution | naming | label
    stance: str | None
    detail: str  # subcategory, technique, or naming group and variant
    rationale: str
    source: str


_LEXICON_ORDER = ("labels", "loaded_words", "naming_variants", "attribution_verbs", "hedges_boosters")


@lru_cache(maxsize=1)
def _curated() -> dict[str, CueInfo]:
    """Every curated term (normalized) → its entry; earlier lexicons in ``_LEXICON_ORDER`` win."""
    table: dict[str, CueInfo] = {}
    for name in _LEXICON_ORDER:
        frame = load_lexicon(name)
        for row in frame.itertuples(index=False):
            key = normalize_token(row.term)
            if key in table:
                continue
            stance = getattr(row, "stance", None) or None
            if name == "naming_variants":
                detail = f"{row.group}: {row.variant}"
            else:
                detail = getattr(row, "subcategory", None) or getattr(row, "technique", None) or ""
            table[key] = CueInfo(row.category, stance, detail, row.rationale, row.source)
    return table


def cue_info(term: str) -> CueInfo | None:
    """The curated lexicon entry for ``term`` (case-insensitive), or None."""
    return _curated().get(normalize_token(term))


@lru_cache(maxsize=1)
def phrase_pattern() -> re.Pattern[str]:
    """One compiled pattern for every multi-word curated term (longest first)."""
    phrases = sorted((t for t in _curated() if " " in t), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in phrases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover - optional evidence
        return {}
    return {k.lower(): float(v) for k, v in SentimentIntensityAnalyzer().lexicon.items()}


def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - optional evidence
        return 4.0
    return float(zipf_frequency(word, "en"))


# ---------------------------------------------------------------------------------------------
# Learned table and model
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """Logistic model: intercept, one weight per feature, the learned table's base rate, the
    flag threshold chosen by cross-validation, and the smoothing strength of the learned rates."""

    intercept: float
    weights: np.ndarray
    base_rate: float
    threshold: float
    smoothing: float
    min_sentences: int

    def score(self, x: np.ndarray) -> np.ndarray:
        z = self.intercept + x @ self.weights
        return 1.0 / (1.0 + np.exp(-z))


_DEFAULT_WEIGHTS = {
    "loaded": 2.5, "label": 2.2, "attr_loaded": 1.5, "attr_neutral": -1.0, "hedge": 0.0,
    "booster": 0.5, "naming": 1.0, "tb_subj": 1.2, "tb_pol": 0.5, "vader": 1.0, "rarity": 1.0,
    "adjadv": 0.3, "learned": 2.0, "learned_known": 0.0, "capital": -0.8,
}


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model (``lexicons/bias_model.csv``); hand-set defaults if it is missing."""
    try:
        frame = load_lexicon("bias_model")
    except Exception:  # noqa: BLE001 - no fitted model yet: fall back to hand-set weights
        return Model(-4.0, np.array([_DEFAULT_WEIGHTS[f] for f in FEATURES]), 0.03, 0.5, 2.0, 3)
    values = dict(zip(frame["term"], frame["weight"].astype(float), strict=True))
    return Model(
        intercept=values["intercept"],
        weights=np.array([values.get(f, 0.0) for f in FEATURES]),
        base_rate=values["base_rate"],
        threshold=values["flag_threshold"],
        smoothing=values["smoothing"],
        min_sentences=int(values["min_sentences"]),
    )


@lru_cache(maxsize=1)
def learned_table() -> dict[str, tuple[int, int]]:
    """Folded word → (k, n): marked as biased in k of n BABE dev-half sentences containing it."""
    try:
        frame = load_lexicon("learned_bias_words")
    except Exception:  # noqa: BLE001
        return {}
    return {
        t: (int(k), int(n)) for t, k, n in zip(frame["term"], frame["k"], frame["n"], strict=True)
    }


def learned_feature(k: int, n: int, *, base_rate: float, smoothing: float) -> float:
    """Smoothed log-odds of being marked relative to the base rate, scaled to about -1..1."""
    rate = (k + smoothing * base_rate) / (n + smoothing)
    lo = math.log(rate / (1 - rate)) - math.log(base_rate / (1 - base_rate))
    return max(-3.0, min(3.0, lo)) / 3.0


# ---------------------------------------------------------------------------------------------
# Word features
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def base_features(norm: str) -> tuple[float, ...]:
    """Features of one normalized word except ``learned``, ``learned_known`` and ``capital``."""
    from analysis.tone import lexicon_entry

    info = _curated().get(norm)
    cat = info.category if info else ""
    stance = info.stance if info else None
    word = norm[:-2] if norm.endswith("'s") else norm
    tb = lexicon_entry(word)
    vader = _vader_lexicon().get(word, 0.0)
    content = word not in _STOPWORDS and bool(_ALPHA.match(word))
    if content and len(word) > 2:
        rarity = min(1.0, max(0.0, (6.0 - _zipf(word)) / 4.0))
    else:
        rarity = 0.0
    return (
        float(cat == "loaded"),
        float(cat == "label"),
        float(cat == "attribution" and stance in ("doubt", "presuppose", "assert")),
        float(cat == "attribution" and stance in ("neutral", "endorse")),
        float(cat == "hedge"),
        float(cat == "booster"),
        float(cat == "naming" and info is not None and "neutral" not in info.detail),
        tb[1] if tb else 0.0,
        abs(tb[0]) if tb else 0.0,
        min(1.0, abs(vader) / 4.0),
        rarity,
        float(content and len(word) > 5 and bool(_ADJ_ADV.search(word))),
    )


def is_candidate(norm: str) -> bool:
    """True for words worth scoring: curated terms, or content words (not function words)."""
    if norm in _curated():
        return True
    word = norm[:-2] if norm.endswith("'s") else norm
    return word not in _STOPWORDS and len(word) > 1 and bool(_ALPHA.match(word))


def word_vector(
    norm: str, capital: bool, *, learned: dict[str, tuple[int, int]] | None = None, model: Model | None = None
) -> np.ndarray:
    """The full feature vector of one word (``learned`` defaults to the shipped table)."""
    model = model or load_model()
    table = learned_table() if learned is None else learned
    kn = table.get(fold_form(norm))
    if kn is not None and kn[1] >= model.min_sentences:
        lf = learned_feature(kn[0], kn[1], base_rate=model.base_rate, smoothing=model.smoothing)
        known = 1.0
    else:
        lf, known = 0.0, 0.0
    return np.array((*base_features(norm), lf, known, float(capital)))


# ---------------------------------------------------------------------------------------------
# Scanning a text
# ---------------------------------------------------------------------------------------------


def _why(x: np.ndarray, info: CueInfo | None, kn: tuple[int, int] | None, model: Model) -> str:
    """One line a reader can understand: the lexicon's rationale, then the strongest evidence."""
    parts = []
    if info is not None:
        parts.append(info.rationale)
    contrib = x * model.weights
    order = np.argsort(-contrib)
    lexical = {"loaded", "label", "attr_loaded", "attr_neutral", "hedge", "booster", "naming", "learned_known"}
    for i in order[:4]:
        name = FEATURES[i]
        if contrib[i] <= 0.05 or name in lexical or len(parts) >= 3:
            continue
        if name == "learned" and kn is not None:
            parts.append(f"experts marked it as biased in {kn[0]} of {kn[1]} annotated news sentences")
        elif name == "tb_subj":
            parts.append(f"TextBlob rates it subjective ({x[i]:.1f})")
        elif name == "vader":
            parts.append("VADER rates it emotionally charged")
        elif name == "rarity":
            parts.append("an unusual word in news prose")
        else:
            parts.append(FEATURE_WORDS[name])
    if not parts:
        parts.append("a weak cue: " + (FEATURE_WORDS[FEATURES[order[0]]] if contrib[order[0]] > 0 else "little evidence"))
    return "; ".join(parts)


class Scorer:
    """Scores words with one model and one learned table, remembering each word's result.

    The default scorer (:func:`default_scorer`) uses the shipped files; the validation script
    builds others for cross-validation folds.
    """

    def __init__(self, model: Model | None = None, learned: dict[str, tuple[int, int]] | None = None):
        self.model = model or load_model()
        self.learned = learned_table() if learned is None else learned
        self._memo: dict[tuple[str, bool], tuple[float, str, str | None, str] | None] = {}

    def word(self, norm: str, capital: bool) -> tuple[float, str, str | None, str] | None:
        """(score, category, stance, why-without-term) for one word, or None if not a candidate."""
        key = (norm, capital)
        if key in self._memo:
            return self._memo[key]
        result = None
        if is_candidate(norm):
            x = word_vector(norm, capital, learned=self.learned, model=self.model)
            info = _curated().get(norm)
            kn = self.learned.get(fold_form(norm))
            result = (
                float(self.model.score(x)),
                info.category if info else "loaded",
                info.stance if info else None,
                _why(x, info, kn, self.model),
            )
        self._memo[key] = result
        return result

    def phrase(self, key: str) -> float:
        """Model score of a curated phrase from its lexicon features alone."""
        x = np.zeros(len(FEATURES))
        feats = base_features(key)
        x[: len(feats)] = feats
        return float(self.model.score(x))


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer built from the shipped model and learned table."""
    return Scorer()


def scan(
    text: str, *, min_score: float = 0.0, scorer: Scorer | None = None
) -> list[tuple[int, int, str, str, str | None, float, str]]:
    """Every cue in ``text`` as ``(start, end, term, category, stance, score, why)`` tuples.

    Curated terms are always cues; other words are cues when their score reaches ``min_score``
    (and some evidence besides rarity speaks for them). Multi-word terms ("believed to be",
    "according to") are one cue and the words inside them are not repeated.
    """
    scorer = scorer or default_scorer()
    out = []
    covered: list[tuple[int, int]] = []
    curated = _curated()
    for m in phrase_pattern().finditer(text):
        term = m.group()
        key = " ".join(normalize_token(term).split())
        info = curated[key]
        words = [normalize_token(w.group()) for w in WORD_PATTERN.finditer(term)]
        parts = [scorer.word(w, False) for w in words]
        score = max([p[0] for p in parts if p] + [scorer.phrase(key)])
        why = f"'{term}': {info.rationale}"
        out.append((m.start(), m.end(), term, info.category, info.stance, score, why))
        covered.append((m.start(), m.end()))
    cov_iter = iter(sorted(covered))
    current = next(cov_iter, None)
    for m in WORD_PATTERN.finditer(text):
        s = m.start()
        while current is not None and current[1] <= s:
            current = next(cov_iter, None)
        if current is not None and current[0] <= s < current[1]:
            continue
        token = m.group()
        norm = normalize_token(token)
        hit = scorer.word(norm, token[:1].isupper())
        if hit is None:
            continue
        score, category, stance, why = hit
        if score < min_score and norm not in curated:
            continue
        out.append((s, m.end(), token, category, stance, score, f"'{token}': {why}"))
    out.sort()
    return out


def clear_caches() -> None:
    """Forget compiled lexicons and scores (after editing a lexicon file in a session)."""
    for fn in (_curated, phrase_pattern, load_model, learned_table, base_features, default_scorer):
        fn.cache_clear()
    from analysis import lexicon

    lexicon._read.cache_clear()


def cues_frame(rows: list[tuple]) -> pd.DataFrame:
    """The tuples of :func:`scan` as the cue table."""
    frame = pd.DataFrame(rows, columns=["start", "end", "term", "category", "stance", "score", "why"])
    return frame.astype({"start": "int64", "end": "int64", "score": "float64"})
