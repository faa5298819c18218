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
    "candidates",
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
    "adjadv",  # ends like an evaluative adjective or noun (-ous, -less, -ful, -ist, -ism, -ic)
    "adverb",  # an -ly adverb ("dramatically", "bizarrely")
    "hyphen",  # a hyphenated compound ("left-wing", "self-serving")
    "negative",  # negative polarity in TextBlob's or VADER's lexicon
    "rare_evaluative",  # rarity, counted only for words some lexicon marks as evaluative
    "learned",  # BABE dev half: smoothed log-odds of being marked, relative to the base rate (if > 0)
    "learned_never",  # the same when below the base rate (seen, rarely or never marked)
    "learned_known",  # the word is in the learned table at all
    "capital",  # starts with a capital letter (names are rarely loaded)
    "nearby",  # other loaded words in the same sentence: sum of their context-free scores, capped
)
N_BASE = 16  # features computed from the word alone (before "learned")

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
    "adjadv": "shaped like an evaluative adjective or an -ist/-ism word",
    "adverb": "an -ly adverb (manner adverbs often carry judgement)",
    "hyphen": "a hyphenated compound (often a coined, evaluative label)",
    "learned": "experts often marked it as biased",
    "learned_never": "experts rarely marked it as biased",
    "learned_known": "seen in the expert annotations",
    "capital": "capitalised (names are rarely loaded)",
    "negative": "negative in sentiment lexicons",
    "rare_evaluative": "an unusual evaluative word",
    "nearby": "other loaded words in the same sentence",
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
    between through across against toward towards around along within without""".split()  # noqa: SIM905 - a word list reads better as text
)
# Modal and attribution words are stopwords for the statistical features but still lexicon cues.

_ADJ_ADV = re.compile(r"(?:ous|ful|less|ic|ist|ists|ism|isms|esque)$")
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


_DEFAULT_WEIGHTS = {"negative": 0.3, "rare_evaluative": 0.5, "nearby": 0.5,
    "loaded": 2.5, "label": 2.2, "attr_loaded": 1.5, "attr_neutral": -1.0, "hedge": 0.0,
    "booster": 0.5, "naming": 1.0, "tb_subj": 1.2, "tb_pol": 0.5, "vader": 1.0, "rarity": 1.0,
    "adjadv": 0.3, "adverb": 0.3, "hyphen": 0.3, "learned": 2.0, "learned_never": 2.0, "learned_known": 0.0, "capital": -0.8,
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
    rarity = min(1.0, max(0.0, (6.0 - _zipf(word)) / 4.0)) if content and len(word) > 2 else 0.0
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
        float(content and len(word) > 4 and word.endswith("ly")),
        float(content and "-" in word.strip("-")),
        float(vader < 0 or (tb is not None and tb[0] < 0)),
        rarity * float(cat in ("loaded", "label") or (cat == "attribution" and stance != "neutral")
                       or (tb is not None and tb[1] > 0) or vader != 0),
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
    return np.array((*base_features(norm), max(lf, 0.0), min(lf, 0.0), known, float(capital), 0.0))


#: The second-highest word score of a sentence at which the sentence effect is full.
NEARBY_CAP = 0.3


def nearby_feature(second: float) -> float:
    """Sentence effect 0..1 from the *second*-highest context-free word score of a sentence:
    a sentence with two loaded words is more likely to be read as biased than one with one.
    Every word of the sentence gets the same boost, so the order within a sentence is kept."""
    return min(NEARBY_CAP, second) / NEARBY_CAP


_SENTENCE_END = re.compile(r"[.!?]")


@lru_cache(maxsize=200_000)
def _token_norm(token: str) -> str | None:
    """The normalized form of a token when it is worth scoring, else None (cached by token)."""
    norm = normalize_token(token)
    return norm if is_candidate(norm) else None


def candidates(text: str) -> list[tuple[int, int, str, str, bool, int]]:
    """Scorable words of ``text``: ``(start, end, token, norm, capital, sentence number)``.

    Sentences are cut cheaply where ``.``, ``!`` or ``?`` stands between two words (no
    abbreviation rules: this only groups words for the sentence effect on scores).
    """
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text) + 1)
    k = 0
    rows = []
    seg = 0
    prev_end = 0
    for m in WORD_PATTERN.finditer(text):
        start, end = m.span()
        if ends[k] < start:
            while ends[k] < prev_end:  # full stops inside a token ("U.S.") do not count
                k += 1
            if ends[k] < start:
                seg += 1
            while ends[k] < start:
                k += 1
        prev_end = end
        token = m.group()
        norm = _token_norm(token)
        if norm is not None:
            rows.append((start, end, token, norm, token[:1].isupper(), seg))
    return rows


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
    lexical = {"loaded", "label", "attr_loaded", "attr_neutral", "hedge", "booster", "naming", "learned_known", "nearby"}
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
        elif name == "rare_evaluative":
            parts.append("an unusual, evaluative word")
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
        self.w_nearby = float(self.model.weights[FEATURES.index("nearby")])

    def word(self, norm: str, capital: bool) -> tuple[float, str, str | None, str] | None:
        """(log-odds without context, category, stance, why) for one word; None if not a candidate."""
        key = (norm, capital)
        if key in self._memo:
            return self._memo[key]
        result = None
        if is_candidate(norm):
            x = word_vector(norm, capital, learned=self.learned, model=self.model)
            info = _curated().get(norm)
            kn = self.learned.get(fold_form(norm))
            result = (
                float(self.model.intercept + x @ self.model.weights),
                info.category if info else "loaded",
                info.stance if info else None,
                _why(x, info, kn, self.model),
            )
        self._memo[key] = result
        return result

    def with_context(self, z: float, nearby: float) -> float:
        """Score 0..1 from a word's log-odds and the count of other loaded words in its sentence."""
        return 1.0 / (1.0 + math.exp(-(z + self.w_nearby * nearby_feature(nearby))))

    def phrase(self, key: str) -> float:
        """Log-odds of a curated phrase from its lexicon features alone."""
        x = np.zeros(len(FEATURES))
        feats = base_features(key)
        x[: len(feats)] = feats
        return float(self.model.intercept + x @ self.model.weights)


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer built from the shipped model and learned table."""
    return Scorer()


def scan(
    text: str, *, min_score: float = 0.0, scorer: Scorer | None = None
) -> list[tuple[int, int, str, str, str | None, float, str]]:
    """Every cue in ``text`` as ``(start, end, term, category, stance, score, why)`` tuples.

    Curated terms are always cues; other words are cues when their score reaches ``min_score``.
    Multi-word terms ("believed to be", "according to") are one cue and the words inside them
    are not repeated. A word's score rises with the other loaded words in its sentence.
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
        z = max([p[0] for p in parts if p] + [scorer.phrase(key)])
        score = 1.0 / (1.0 + math.exp(-z))
        out.append((m.start(), m.end(), term, info.category, info.stance, score, f"'{term}': {info.rationale}"))
        covered.append((m.start(), m.end()))
    covered.sort()
    ci = 0
    kept = []
    for row in candidates(text):
        start = row[0]
        while ci < len(covered) and covered[ci][1] <= start:
            ci += 1
        if ci < len(covered) and covered[ci][0] <= start:
            continue
        hit = scorer.word(row[3], row[4])
        if hit is not None:
            kept.append((row, hit))
    # context: the two strongest words of each sentence (phrases count too)
    top2: dict[int, list[float]] = {}
    for row, hit in kept:
        p = 1.0 / (1.0 + math.exp(-hit[0]))
        best = top2.setdefault(row[5], [0.0, 0.0])
        if p > best[0]:
            best[0], best[1] = p, best[0]
        elif p > best[1]:
            best[1] = p
    for row, hit in kept:
        start, end, token, norm, _, seg = row
        z, category, stance, why = hit
        second = top2[seg][1]
        score = scorer.with_context(z, second)
        if score < min_score and norm not in curated:
            continue
        if second >= NEARBY_CAP / 2 and scorer.w_nearby > 0.2 and score >= scorer.model.threshold:
            why = f"{why}; the sentence has other loaded words too"
        out.append((start, end, token, category, stance, score, f"'{token}': {why}"))
    out.sort()
    return out


def clear_caches() -> None:
    """Forget compiled lexicons and scores (after editing a lexicon file in a session)."""
    for fn in (_curated, phrase_pattern, load_model, learned_table, base_features, default_scorer, _token_norm):
        fn.cache_clear()
    from analysis import lexicon

    lexicon._read.cache_clear()


_CUE_FRAME_COLUMNS = ("start", "end", "term", "category", "stance", "score", "why")


def cues_frame(rows: list[tuple]) -> pd.DataFrame:
    """The tuples of :func:`scan` as the cue table (built column by column: it is the hot path)."""
    cols = list(zip(*rows, strict=True)) if rows else [()] * 7
    return pd.DataFrame(
        {
            "start": np.fromiter(cols[0], dtype=np.int64, count=len(rows)),
            "end": np.fromiter(cols[1], dtype=np.int64, count=len(rows)),
            "term": pd.array(cols[2], dtype="str"),
            "category": pd.array(cols[3], dtype="str"),
            "stance": pd.array(cols[4], dtype="object"),
            "score": np.fromiter(cols[5], dtype=np.float64, count=len(rows)),
            "why": pd.array(cols[6], dtype="str"),
        },
        copy=False,
    )
