"""The engine behind ``analysis.wording.loaded_language``: lexicons, word features and a score.

Each word of a text is described by features a student can read:

- is it in a curated list (loaded/evaluative words, name-calling labels, hedges and boosters,
  attribution verbs by stance, naming variants), each entry with a rationale and a source;
- how general-purpose sentiment lexicons rate it: TextBlob (subjectivity, polarity), VADER,
  AFINN-165 (Nielsen 2011, shipped by the ``afinn`` package) and the NRC Emotion Lexicon
  (Mohammad & Turney 2013, shipped by the ``nrclex`` package); each is optional;
- its shape: an evaluative suffix (-ous, -less, -ful, -ist, -ism, -ic), an -ly adverb, a
  hyphenated compound, a comparative or superlative of an evaluative adjective;
- how rare it is in general English (``wordfreq``), counted only for words that are not names
  (capitalised in mid-sentence) and not plain news vocabulary (``lexicons/neutral_words.csv``);
- how often experts marked it as biased in the development half of BABE (a smoothed rate, only
  for words seen in several different sentences; ``lexicons/learned_bias_words.csv``);
- its context: an intensifier just before it ("very", "so", "utterly":
  ``lexicons/degree_words.csv``) and the other loaded words of its sentence.

A small logistic model (coefficients in ``lexicons/bias_model.csv``, fitted with cross-validation
by ``benchmarks/validate_bias_words.py --fit``) turns the features into log-odds, and a second
small logistic step, the *sentence calibration* (:data:`SENTENCE_FEATURES`, fitted on out-of-fold
scores), adjusts them by the word's sentence: inside double quotation marks (the speaker's word),
a question or exclamation, first- or second-person wording, several loaded words. The result is a
score 0..1: roughly the chance that an expert would mark the word as inducing bias. Negation and
irony are not seen, nor quotation without double quotation marks.

Each cue also carries ``evidence``: which kinds of evidence it has (see :data:`EVIDENCE_TAGS`), so
callers can tell words with lexical evidence from hints that rest on rarity or shape alone.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.frequency import zipf_frequency
from analysis.lexicon import load_lexicon
from analysis.text import WORD_PATTERN, normalize_token

__all__ = [
    "EVIDENCE_TAGS",
    "FEATURES",
    "SENTENCE_FEATURES",
    "LEXICAL_EVIDENCE",
    "CueInfo",
    "Model",
    "Scorer",
    "base_features",
    "candidates",
    "cue_info",
    "cue_scores",
    "default_scorer",
    "fold_form",
    "has_lexical_evidence",
    "is_candidate",
    "learned_feature",
    "learned_table",
    "load_model",
    "noun_uses",
    "occurrences",
    "phrase_pattern",
    "quoted_spans",
    "scan",
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
    "afinn",  # |AFINN-165 valence| / 5
    "nrc_emotion",  # number of NRC emotions (anger, disgust, fear, ...) / 3, capped at 1
    "nrc_polar",  # NRC marks it positive or negative
    "negative",  # negative polarity in TextBlob's, VADER's or AFINN's lexicon
    "rarity",  # 0 (very common word) .. 1 (rare word), from wordfreq's Zipf frequency; 0 for names
    "rare_evaluative",  # rarity, counted only for words some lexicon marks as evaluative
    "adjadv",  # ends like an evaluative adjective or noun (-ous, -less, -ful, -ist, -ism, -ic)
    "adverb",  # an -ly adverb ("dramatically", "bizarrely")
    "hyphen",  # a hyphenated compound ("left-wing", "self-serving")
    "degree",  # comparative or superlative of an evaluative adjective ("worst", "greatest")
    "learned",  # BABE dev half: smoothed log-odds of being marked, relative to the base rate (if > 0)
    "learned_never",  # the same when below the base rate (seen, rarely or never marked)
    "learned_known",  # the word is in the learned table at all
    "capital",  # a name: capitalised in mid-sentence (names are rarely loaded)
    "intensified",  # an intensifier ("very", "so", "utterly") stands just before it
    "reported",  # the sentence reports speech with a plain verb ("said", "told", "according to")
    "length",  # log of the sentence's length in words / 4 (longer sentences hold more loaded words)
    "nearby",  # other loaded words in the same sentence: the second-highest score, capped
)
#: Second stage, the sentence calibration: ``score = sigmoid(scale * z + intercept + sum(w * f))``
#: over the word's first-stage log-odds ``z`` and these features (fitted on out-of-fold scores by
#: ``benchmarks/validate_bias_words.py --fit``; the identity when absent).
SENTENCE_FEATURES = (
    "quoted",  # the word stands inside quotation marks (the speaker's word, not the writer's)
    "question",  # its sentence ends with a question mark
    "exclaim",  # its sentence ends with an exclamation mark
    "personal",  # its sentence speaks in the first or second person ("we", "our", "you")
    "third",  # the third-highest context-free word score of its sentence (many loaded words)
)
SENTENCE_WORDS = {
    "quoted": "inside a quotation (the speaker's word, not the writer's)",
    "question": "the sentence is a question",
    "exclaim": "the sentence is an exclamation",
    "personal": "the sentence speaks in the first or second person",
    "third": "the sentence has several loaded words",
}
_IDENTITY = (1.0, 0.0) + (0.0,) * len(SENTENCE_FEATURES)
N_BASE = FEATURES.index("learned")  # features computed from the word alone
N_WORD = FEATURES.index("intensified")  # features of the word (the rest are context)
_I = {name: i for i, name in enumerate(FEATURES)}

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
    "afinn": "AFINN rates it emotionally charged",
    "nrc_emotion": "the NRC lexicon links it to emotions",
    "nrc_polar": "the NRC lexicon rates it positive or negative",
    "negative": "negative in sentiment lexicons",
    "rarity": "an unusual word in general English",
    "rare_evaluative": "an unusual evaluative word",
    "adjadv": "shaped like an evaluative adjective or an -ist/-ism word",
    "adverb": "an -ly adverb (manner adverbs often carry judgement)",
    "hyphen": "a hyphenated compound (often a coined, evaluative label)",
    "degree": "a comparative or superlative of an evaluative adjective",
    "learned": "experts often marked it as biased",
    "learned_never": "experts rarely marked it as biased",
    "learned_known": "seen in the expert annotations",
    "capital": "a name (capitalised in mid-sentence; names are rarely loaded)",
    "intensified": "an intensifier stands just before it",
    "reported": "the sentence reports speech with a plain verb (said, told, according to)",
    "length": "a long sentence",
    "nearby": "other loaded words in the same sentence",
}

#: The values of the ``evidence`` column: which kinds of evidence a cue has, joined by ``+`` in
#: this order (``none`` when it has none of them).
EVIDENCE_TAGS = ("lexicon", "learned", "sentiment-lexicon", "shape", "rarity", "context")
# ``context``: an intensifier stands before it, or its sentence (other loaded words, a question,
# first- or second-person wording) lifted it to a flag.
#: Tags that are evidence about the word itself; a cue with none of them is only a hint.
LEXICAL_EVIDENCE = ("lexicon", "learned", "sentiment-lexicon")

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
    """A crude inflection fold for pooling counts: ``claims``/``claimed``/``claiming`` → ``claim``,
    ``dramatically`` → ``dramatic``.

    Deliberately simple (no dictionary): strips a possessive, an -ly of an adverb, and one common
    suffix from words longer than five letters. Used only to pool the learned statistics, never shown as a term.
    """
    w = norm[:-2] if norm.endswith("'s") else norm
    if len(w) > 6 and w.endswith("ly"):  # "dramatically" → "dramatic", "bizarrely" → "bizarre"
        w = w[:-4] if w.endswith("ically") else w[:-3] + "y" if w.endswith("ily") else w[:-2]
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
def _neutral_words() -> frozenset[str]:
    """Plain news vocabulary (``lexicons/neutral_words.csv``): never scored unless curated."""
    try:
        return frozenset(normalize_token(t) for t in load_lexicon("neutral_words")["term"])
    except Exception:  # noqa: BLE001 - the list is optional
        return frozenset()


@lru_cache(maxsize=1)
def _degree_words() -> frozenset[str]:
    """Intensifiers (``lexicons/degree_words.csv``): a word right after one is ``intensified``."""
    try:
        return frozenset(normalize_token(t) for t in load_lexicon("degree_words")["term"])
    except Exception:  # noqa: BLE001
        return frozenset()


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover - optional evidence
        return {}
    return {k.lower(): float(v) for k, v in SentimentIntensityAnalyzer().lexicon.items()}


@lru_cache(maxsize=1)
def _afinn_lexicon() -> dict[str, float]:
    """AFINN-165 (Nielsen 2011): word → valence -5..5, from the ``afinn`` package's data file."""
    try:
        from importlib import resources

        data = resources.files("afinn") / "data" / "AFINN-en-165.txt"
        text = data.read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - optional evidence
        return {}
    out = {}
    for line in text.splitlines():
        word, _, value = line.rpartition("\t")
        if word and " " not in word:
            out[word.lower()] = float(value)
    return out


_NRC_EMOTIONS = frozenset(("anger", "disgust", "fear", "sadness", "surprise", "joy", "trust", "anticipation"))


@lru_cache(maxsize=1)
def _nrc_lexicon() -> dict[str, tuple[int, bool]]:
    """NRC Emotion Lexicon (Mohammad & Turney 2013) from the ``nrclex`` package's data file:
    word → (number of emotions, positive-or-negative)."""
    try:
        from importlib import resources

        raw = json.loads((resources.files("nrclex") / "data" / "nrc_en.json").read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - optional evidence
        return {}
    return {
        w.lower(): (len(_NRC_EMOTIONS.intersection(tags)), bool({"positive", "negative"} & set(tags)))
        for w, tags in raw.items()
        if " " not in w
    }


def _forms(word: str) -> tuple[str, ...]:
    """The word and a few crude base forms to look up in a sentiment lexicon."""
    forms = [word]
    if word.endswith("ily") and len(word) > 5:
        forms.append(word[:-3] + "y")
    if word.endswith("ly") and len(word) > 4:
        forms += [word[:-2], word[:-1] + "e" if word.endswith("bly") else word[:-2] + "e"]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    if word.endswith("ed") and len(word) > 4:
        forms += [word[:-2], word[:-1]]
    return tuple(forms)


def _first(table: dict, word: str):
    for form in _forms(word):
        if form in table:
            return table[form]
    return None


def _zipf(word: str) -> float:
    return zipf_frequency(word)


def _degree_shape(word: str, tb_lookup) -> bool:
    """A comparative/superlative whose base is an adjective in TextBlob's lexicon ("worst")."""
    if word in ("worse", "worst", "better", "best"):
        return True
    for suffix in ("est", "er"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            bases = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem, stem[:-1])
            if any(tb_lookup(b) is not None and tb_lookup(b)[1] >= 0.3 for b in bases):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Learned table and model
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """Logistic model: intercept, one weight per feature, the learned table's base rate, the
    flag threshold chosen by cross-validation, the smoothing strength of the learned rates, and
    ``hint_cap``: the highest score a word without lexical evidence (only rarity, shape or
    context) may get; ``calibration``: the sentence calibration (see :data:`SENTENCE_FEATURES`)."""

    intercept: float
    weights: np.ndarray
    base_rate: float
    threshold: float
    smoothing: float
    min_sentences: int
    hint_cap: float = 1.0
    calibration: tuple[float, ...] = _IDENTITY  # scale, intercept, one weight per SENTENCE_FEATURES

    def score(self, x: np.ndarray) -> np.ndarray:
        z = self.intercept + x @ self.weights
        return 1.0 / (1.0 + np.exp(-z))


_DEFAULT_WEIGHTS = {"reported": -0.5, "length": 0.3, "negative": 0.3, "rare_evaluative": 0.5, "nearby": 0.5, "intensified": 0.3,
    "loaded": 2.5, "label": 2.2, "attr_loaded": 1.5, "attr_neutral": -1.0, "hedge": 0.0,
    "booster": 0.5, "naming": 1.0, "tb_subj": 1.2, "tb_pol": 0.5, "vader": 1.0, "afinn": 0.5,
    "nrc_emotion": 0.3, "nrc_polar": 0.3, "rarity": 1.0, "degree": 0.3,
    "adjadv": 0.3, "adverb": 0.3, "hyphen": 0.3, "learned": 2.0, "learned_never": 2.0, "learned_known": 0.0,
    "capital": -0.8,
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
        hint_cap=values.get("hint_cap", 1.0),
        calibration=tuple(values.get(f"calib_{name}", default) for name, default in
                          zip(("scale", "intercept", *SENTENCE_FEATURES), _IDENTITY, strict=True)),
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
def base_features(norm: str, curated: bool = True) -> tuple[float, ...]:
    """Features of one normalized word that depend on the word alone (``FEATURES[:N_BASE]``).

    With ``curated=False`` the curated lexicons are ignored (a verb-list word used as a noun).
    """
    from analysis.tone import lexicon_entry

    info = _curated().get(norm) if curated else None
    cat = info.category if info else ""
    stance = info.stance if info else None
    word = norm[:-2] if norm.endswith("'s") else norm
    tb = lexicon_entry(word)
    vader = _vader_lexicon().get(word, 0.0)
    afinn = _first(_afinn_lexicon(), word) or 0.0
    nrc = _first(_nrc_lexicon(), word) or (0, False)
    content = word not in _STOPWORDS and bool(_ALPHA.match(word)) and word not in _neutral_words()
    rarity = min(1.0, max(0.0, (6.0 - _zipf(word)) / 4.0)) if content and len(word) > 2 else 0.0
    evaluative = (cat in ("loaded", "label") or (cat == "attribution" and stance != "neutral")
                  or (tb is not None and tb[1] > 0) or vader != 0 or afinn != 0 or nrc[1])
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
        min(1.0, abs(afinn) / 5.0),
        min(1.0, nrc[0] / 3.0),
        float(nrc[1]),
        float(vader < 0 or afinn < 0 or (tb is not None and tb[0] < 0)),
        rarity,
        rarity * float(evaluative),
        float(content and len(word) > 5 and bool(_ADJ_ADV.search(word))),
        float(content and len(word) > 4 and word.endswith("ly")),
        float(content and "-" in word.strip("-")),
        float(content and _degree_shape(word, lexicon_entry)),
    )


def is_candidate(norm: str) -> bool:
    """True for words worth scoring: curated terms, or content words (not function words and
    not plain news vocabulary such as "ministry" or "airfields")."""
    if norm in _curated():
        return True
    word = norm[:-2] if norm.endswith("'s") else norm
    return (word not in _STOPWORDS and len(word) > 1 and bool(_ALPHA.match(word))
            and word not in _neutral_words())


def word_vector(
    norm: str, capital: bool, *, learned: dict[str, tuple[int, int]] | None = None, model: Model | None = None,
    curated: bool = True,
) -> np.ndarray:
    """The feature vector of one word without context (``FEATURES[:N_WORD]``; ``capital``
    means a name: its rarity is not counted)."""
    model = model or load_model()
    table = learned_table() if learned is None else learned
    kn = table.get(fold_form(norm))
    if kn is not None and kn[1] >= model.min_sentences:
        lf = learned_feature(kn[0], kn[1], base_rate=model.base_rate, smoothing=model.smoothing)
        known = 1.0
    else:
        lf, known = 0.0, 0.0
    x = np.array((*base_features(norm, curated), max(lf, 0.0), min(lf, 0.0), known, float(capital)))
    if capital:
        x[_I["rarity"]] = x[_I["rare_evaluative"]] = 0.0
    return x


def evidence_tags(x: np.ndarray, curated: bool) -> list[str]:
    """The kinds of evidence behind a word's feature vector (see :data:`EVIDENCE_TAGS`)."""
    tags = []
    if curated:
        tags.append("lexicon")
    if x[_I["learned"]] > 0:
        tags.append("learned")
    if x[[_I["tb_subj"], _I["tb_pol"], _I["vader"], _I["afinn"], _I["nrc_emotion"], _I["nrc_polar"]]].any():
        tags.append("sentiment-lexicon")
    if x[[_I["adjadv"], _I["adverb"], _I["hyphen"], _I["degree"]]].any():
        tags.append("shape")
    if x[_I["rarity"]] >= 0.5:
        tags.append("rarity")
    return tags


def has_lexical_evidence(evidence: pd.Series) -> pd.Series:
    """True where a cue's ``evidence`` includes a lexicon, the learned table or a sentiment
    lexicon (False for hints resting only on rarity, shape or context)."""
    pattern = "|".join(rf"(?:^|\+){re.escape(t)}(?:\+|$)" for t in LEXICAL_EVIDENCE)
    return evidence.astype(str).str.contains(pattern, regex=True)


#: The second-highest word score of a sentence at which the sentence effect is full.
NEARBY_CAP = 0.3


def nearby_feature(second: float) -> float:
    """Sentence effect 0..1 from the *second*-highest context-free word score of a sentence:
    a sentence with two loaded words is more likely to be read as biased than one with one.
    Every word of the sentence gets the same boost, so the order within a sentence is kept."""
    return min(NEARBY_CAP, second) / NEARBY_CAP


_SENTENCE_END = re.compile(r"[.!?]")
_OPENER = re.compile(r"[\"“‘(:\n]|'\s*$")


#: Curated categories that hold only common words: capitalised in mid-sentence, such a word is a
#: name or a month ("in May", "Will Smith"), not a hedge or a booster, and is not a cue at all.
_COMMON_ONLY = frozenset(("hedge", "booster"))


@lru_cache(maxsize=200_000)
def _token_norm(token: str) -> str | None:
    """The normalized form of a token when it is worth scoring, else None (cached by token)."""
    norm = normalize_token(token)
    return norm if is_candidate(norm) else None


# Verb-list words that are also nouns: "its territorial claims", "the report", "a blast".
_NOUN_CLASH = ("claim", "claims", "report", "reports", "blast", "blasts", "boast", "boasts", "rant",
               "rants", "slam", "slams", "whine", "whines", "stress", "stresses", "reveal", "brag")
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
    rf"(?i)(?<![\w-])(?:maintain|maintains|maintained|maintaining)\s+(?:the|a|an)\s+(?:{_NP_WORD}\s+){{0,2}}?{_NP_WORD}"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:of|on|in|at|for|from|with|over|across|against|and|by|to|during|until|as|along|"
    r"between|near|under|through|around|within|without|after|before|since|into|amid)(?![\w'’-]))"
    r"|(?<![\w-])(?:claim|claims|claimed|claiming)(?=\s+(?:the\s+)?(?:lives|life)(?![\w'’-]))"
)


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


def occurrences(text: str) -> list[tuple[int, int, str, str, bool, int, bool, bool, bool, int]]:
    """Scorable words of ``text``: ``(start, end, token, norm, name, sentence number,
    intensified, curated, reported, sentence length)``.

    - ``name``: capitalised in mid-sentence (not after a sentence start, quote, colon or
      bracket), or capitalised anywhere when the same word is a mid-sentence capital elsewhere
      in the text;
    - ``intensified``: the word right before it is an intensifier ("very", "so", "utterly");
    - ``curated``: False for verb-list words used as nouns (:func:`noun_uses`);
    - ``reported``: its sentence reports speech with a plain verb ("said", "told",
      "according to");
    - ``sentence length``: words in its sentence.

    Sentences are cut cheaply where ``.``, ``!`` or ``?`` stands between two words (no
    abbreviation rules: this only groups words for the sentence effects on scores).
    (The same steps as :func:`_occurrences_reference`, with names bound locally; tested equal.)
    """
    rows, names, seg_reported, seg_words, _ = _occurrence_rows(text)
    return [
        (r[0], r[1], r[2], r[3], r[4] or (r[3] in names and r[2][:1].isupper()), r[5], r[6], r[7],
         seg_reported[r[5]], seg_words[r[5]])
        for r in rows
    ]


def _occurrence_rows(
    text: str,
) -> tuple[list[tuple[int, int, str, str, bool, int, bool, bool]], set[str], list[bool], list[int], list[int]]:
    """The pieces :func:`occurrences` is made of: ``(start, end, token, norm, mid-sentence
    capital, sentence number, intensified, curated)`` per scorable word, the norms used as
    mid-sentence capitals, per sentence whether it reports speech and its word count, and per
    sentence its marks (bits: 1 question, 2 exclamation, 4 first or second person; as
    :func:`_segment_marks_reference`)."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text) + 1)
    degree = _degree_words()
    say = _say_words()
    nouns = noun_uses(text)
    norms = _norms
    opener = _OPENER.search
    k = 0
    rows = []
    append = rows.append
    seg = 0
    prev_end = 0
    prev_norm = ""
    prev_seg = -1
    names: set[str] = set()
    seg_words = [0]
    seg_reported = [False]
    seg_marks = [0]
    personal = _PERSONAL
    next_end = ends[0]
    for m in WORD_PATTERN.finditer(text):
        start, end = m.span()
        if next_end < start:
            while ends[k] < prev_end:  # full stops inside a token ("U.S.") do not count
                k += 1
            if ends[k] < start:
                seg_marks[seg] |= _end_marks(text, prev_end, start)
                seg += 1
                seg_words.append(0)
                seg_reported.append(False)
                seg_marks.append(0)
            while ends[k] < start:
                k += 1
            next_end = ends[k]
        seg_words[seg] += 1
        token = m.group()
        norm, plain = norms(token)
        if plain in personal and token != "US":
            seg_marks[seg] |= 4
        if norm is None:
            if plain in say or (plain == "to" and prev_norm == "according"):
                seg_reported[seg] = True
            prev_end, prev_seg, prev_norm = end, seg, plain
            continue
        if plain in say:
            seg_reported[seg] = True
        same = seg == prev_seg
        gap_len = start - prev_end
        intensified = same and gap_len <= 2 and prev_norm in degree
        # ``initial`` (a sentence, quote or bracket opens before it) only matters for capitals
        name = token[:1].isupper() and not (
            not same
            or ((gap_len != 1 or text[prev_end] != " ") and opener(text, prev_end, start) is not None)
        )
        prev_end, prev_seg, prev_norm = end, seg, plain
        if name:
            names.add(norm)
        append((start, end, token, norm, name, seg, intensified, start not in nouns))
    seg_marks[seg] |= _end_marks(text, prev_end, len(text))
    return rows, names, seg_reported, seg_words, seg_marks


#: First- and second-person words: a sentence using them addresses the reader or speaks for
#: the writer (opinion), unless it is quoted speech.
_PERSONAL = frozenset(
    "i i'm i've i'd i'll me my mine we we're we've we'd we'll us our ours you you're you've you'd you'll your yours".split()  # noqa: SIM905
)


def _end_marks(text: str, start: int, end: int) -> int:
    """Marks of the punctuation closing a sentence (``text[start:end]``, the gap after its last
    word): 1 a question mark, 2 an exclamation mark."""
    gap = text[start:end]
    return ("?" in gap) | (("!" in gap) << 1)


def _segment_marks_reference(text: str) -> list[int]:
    """Per sentence (numbered as in :func:`_occurrences_reference`): 1 if it ends with a question
    mark, 2 with an exclamation mark, 4 if it has a first- or second-person word ("we", "our",
    "you"; "US" in capitals is the country). The reference for the marks of :func:`_occurrence_rows`."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text) + 1)
    marks = [0]
    k = 0
    seg = 0
    prev_end = 0
    for m in WORD_PATTERN.finditer(text):
        start, end = m.span()
        if ends[k] < start:
            while ends[k] < prev_end:
                k += 1
            if ends[k] < start:
                marks[seg] |= _end_marks(text, prev_end, start)
                seg += 1
                marks.append(0)
            while ends[k] < start:
                k += 1
        if normalize_token(m.group()) in _PERSONAL and m.group() != "US":
            marks[seg] |= 4
        prev_end = end
    marks[seg] |= _end_marks(text, prev_end, len(text))
    return marks


#: The definition of :func:`quoted_spans` (its reference): leftmost-first matches of this pattern.
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')
_CLOSER = {'"': '"', "“": "”"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each stretch inside double quotation marks (straight or curly, not
    crossing a line break). What it cannot see: single quotation marks (they double as
    apostrophes) and quotations that run over several paragraphs.

    The matches of ``_QUOTED.finditer(text)``, found in linear time: the pattern tries every
    unmatched opening mark up to the end of its line again (quadratic on a line of opening
    curly quotes); here an opening mark that finds no closing mark before the line break rules
    out every later mark of its kind on that line (none of them can close either).
    """
    if '"' not in text and "“" not in text:
        return []
    n = len(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    dead = {'"': 0, "“": 0}  # before this position, an opening mark of this kind cannot match
    nxt = {'"': -1, "“": -1}  # cached next opening mark of each kind at or after its search start
    while True:
        for mark in nxt:
            start = max(pos, dead[mark])
            if nxt[mark] < start:
                found = text.find(mark, start)
                nxt[mark] = n if found < 0 else found
        opening = min(nxt.values())
        if opening >= n:
            return spans
        mark = text[opening]
        line_end = text.find("\n", opening + 1)
        line_end = n if line_end < 0 else line_end
        closing = text.find(_CLOSER[mark], opening + 1, line_end)
        if closing >= 0:
            spans.append((opening, closing + 1))
            pos = closing + 1
        else:
            dead[mark] = line_end
            pos = opening + 1


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """True if ``pos`` lies inside one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _occurrences_reference(text: str) -> list[tuple[int, int, str, str, bool, int, bool, bool, bool, int]]:
    """The first version of :func:`occurrences` (same output, same docstring), kept as the
    reference the fast path is tested against."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text) + 1)
    degree = _degree_words()
    say = _say_words()
    nouns = noun_uses(text)
    k = 0
    rows = []
    seg = 0
    prev_end = 0
    prev_norm = ""
    prev_seg = -1
    names: set[str] = set()
    seg_words = [0]
    seg_reported = [False]
    for m in WORD_PATTERN.finditer(text):
        start, end = m.span()
        if ends[k] < start:
            while ends[k] < prev_end:  # full stops inside a token ("U.S.") do not count
                k += 1
            if ends[k] < start:
                seg += 1
                seg_words.append(0)
                seg_reported.append(False)
            while ends[k] < start:
                k += 1
        token = m.group()
        same = seg == prev_seg
        gap_len = start - prev_end
        seg_words[seg] += 1
        norm, plain = _norms(token)
        if norm is None:
            if plain in say or (plain == "to" and prev_norm == "according"):
                seg_reported[seg] = True
            prev_end, prev_seg, prev_norm = end, seg, plain
            continue
        if plain in say:
            seg_reported[seg] = True
        initial = not same or (
            (gap_len != 1 or text[prev_end] != " ") and _OPENER.search(text, prev_end, start) is not None
        )
        intensified = same and gap_len <= 2 and prev_norm in degree
        prev_end, prev_seg, prev_norm = end, seg, plain
        name = token[:1].isupper() and not initial
        if name:
            names.add(norm)
        rows.append((start, end, token, norm, name, seg, intensified, start not in nouns))
    return [
        (*r[:4], r[4] or (r[3] in names and r[2][:1].isupper()), *r[5:], seg_reported[r[5]], seg_words[r[5]])
        for r in rows
    ]


@lru_cache(maxsize=1)
def _say_words() -> frozenset[str]:
    """Forms of the plain speech verbs "say" and "tell" (from ``attribution_verbs.csv``)."""
    frame = load_lexicon("attribution_verbs")
    return frozenset(normalize_token(t) for t in frame.loc[frame["lemma"].isin(["say", "tell"]), "term"])


def length_feature(n_words: int) -> float:
    """The ``length`` feature: log of a sentence's word count / 4 (about 0.5..1)."""
    return math.log(max(n_words, 1)) / 4.0


_NOUN_HINT = re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(_NOUN_CLASH)})(?![\w-])")


def candidates(text: str) -> list[tuple[int, int, str, str, bool, int]]:
    """Scorable words of ``text``: ``(start, end, token, norm, name, sentence number)``
    (the first six fields of :func:`occurrences`)."""
    return [r[:6] for r in occurrences(text)]


# ---------------------------------------------------------------------------------------------
# Scanning a text
# ---------------------------------------------------------------------------------------------

_LEXICAL = frozenset(("loaded", "label", "attr_loaded", "attr_neutral", "hedge", "booster", "naming",
                      "learned_known", "nearby", "intensified"))


def _why(x: np.ndarray, info: CueInfo | None, kn: tuple[int, int] | None, model: Model) -> str:
    """One line a reader can understand: the lexicon's rationale, then the strongest evidence."""
    parts = []
    if info is not None:
        parts.append(info.rationale)
    contrib = x * model.weights[: len(x)]
    order = np.argsort(-contrib)
    for i in order[:4]:
        name = FEATURES[i]
        if contrib[i] <= 0.05 or name in _LEXICAL or len(parts) >= 3:
            continue
        if name == "learned" and kn is not None:
            parts.append(f"experts marked it as biased in {kn[0]} of {kn[1]} annotated news sentences")
        elif name == "tb_subj":
            parts.append(f"TextBlob rates it subjective ({x[i]:.1f})")
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
        self._memo: dict[tuple[str, bool, bool], tuple[float, str, str | None, str, str, bool] | None] = {}
        self.w_nearby = float(self.model.weights[_I["nearby"]])
        self.w_intensified = float(self.model.weights[_I["intensified"]])
        self.w_reported = float(self.model.weights[_I["reported"]])
        self.w_length = float(self.model.weights[_I["length"]])
        self.hint_cap = float(self.model.hint_cap)
        self.calibration = tuple(float(c) for c in self.model.calibration)

    def word(self, norm: str, capital: bool, curated: bool = True) -> tuple[float, str, str | None, str, str, bool] | None:
        """(log-odds without context, category, stance, why, evidence, lexical evidence?) for one
        word (``capital``: used as a name; ``curated=False``: ignore the curated lexicons);
        None if not a candidate."""
        key = (norm, capital, curated)
        if key in self._memo:
            return self._memo[key]
        result = None
        if is_candidate(norm) and not (capital and _curated().get(norm) and _curated()[norm].category in _COMMON_ONLY):
            info = _curated().get(norm) if curated else None
            # a verb-list word used as a noun: its learned rate mostly counts the verb, so skip it
            learned = self.learned if curated or norm not in _curated() else {}
            x = word_vector(norm, capital, learned=learned, model=self.model, curated=curated)
            kn = self.learned.get(fold_form(norm))
            tags = evidence_tags(x, info is not None)
            result = (
                float(self.model.intercept + x @ self.model.weights[:N_WORD]),
                info.category if info else "loaded",
                info.stance if info else None,
                _why(x, info, kn, self.model),
                "+".join(tags) or "none",
                any(t in LEXICAL_EVIDENCE for t in tags),
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


@lru_cache(maxsize=1)
def _phrase_finder() -> re.Pattern[str]:
    """:func:`phrase_pattern` with its alternatives grouped by first letter (same order within
    a letter): the same matches, found without trying every phrase at every word. Falls back
    to :func:`phrase_pattern` if a phrase does not start with an ASCII letter."""
    phrases = sorted((t for t in _curated() if " " in t), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for t in phrases:
        body = r"\s+".join(re.escape(p) for p in t.split())
        first = t[0]
        if not (first.isascii() and first.isalpha() and first.islower() and body[0] == first):
            return phrase_pattern()
        groups.setdefault(first, []).append(body[1:])
    if not groups:
        return phrase_pattern()
    body = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


_MISSING = object()


def _calibrated(cal: tuple[float, ...], z: float, quoted: bool, marks: int, third: float) -> float:
    """The sentence calibration (second stage): log-odds from a word's first-stage log-odds ``z``,
    whether it is quoted, its sentence's marks (bits of :func:`_segment_marks_reference`) and the
    third-highest word score of its sentence."""
    return (cal[0] * z + cal[1] + (cal[2] if quoted else 0.0) + (cal[3] if marks & 1 else 0.0)
            + (cal[4] if marks & 2 else 0.0) + (cal[5] if marks & 4 else 0.0) + cal[6] * third)


_MARK_WORDS = ((1, "a question"), (2, "an exclamation"), (4, "first or second person"))


def _sentence_reasons(cal: tuple[float, ...], z_word: float, shift: tuple[float, float], quoted: bool,
                      marks: int, top: list[float], score: float, threshold: float) -> tuple[list[str], bool]:
    """Plain-words reasons from a word's sentence, and whether any of them lifted it to a flag:
    other loaded words, an opinion-like sentence (question, exclamation, first or second
    person) that tipped it over the flag threshold, a quotation that lowers it."""
    reasons = []
    lifted = False
    sig = _sigmoid
    if score >= threshold and top[1] > 0 and sig(_calibrated(cal, z_word + shift[0], quoted, marks, 0.0)) < threshold:
        reasons.append("the sentence has other loaded words too")
        lifted = True
    if marks and score >= threshold and sig(_calibrated(cal, z_word + shift[1], quoted, 0, top[2])) < threshold:
        kinds = " and ".join(w for bit, w in _MARK_WORDS if marks & bit and cal[2 + bit.bit_length()] > 0)
        if kinds:
            reasons.append(f"the sentence reads as opinion ({kinds})")
            lifted = True
    if quoted and cal[2] < -0.1:
        reasons.append("it stands inside a quotation, so it counts less (the speaker's word, not the writer's)")
    return reasons, lifted


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _scan(
    text: str, min_score: float, scorer: Scorer | None, detail: bool | None, n_words: list[int] | None = None
) -> list[tuple]:
    """The body of :func:`scan`; with ``detail=False`` each cue is only ``(category, score)``
    (no reason strings are built), for callers that count cues: the same cues and scores.
    With ``detail=None`` each cue is ``(term, first-stage log-odds, quoted, sentence marks,
    third-highest word score, category)``: the inputs of the sentence calibration, for fitting
    it. ``n_words``, if given, receives the number of ``WORD_PATTERN`` matches in ``text``
    (every word is visited on the way)."""
    scorer = scorer or default_scorer()
    cal = scorer.calibration
    out: list[tuple] = []
    covered: list[tuple[int, int]] = []
    curated = _curated()
    quotes = quoted_spans(text)
    for m in _phrase_finder().finditer(text):
        term = m.group()
        key = " ".join(normalize_token(term).split())
        info = curated[key]
        words = [normalize_token(w.group()) for w in WORD_PATTERN.finditer(term)]
        parts = [scorer.word(w, False) for w in words]
        z = max([p[0] for p in parts if p] + [scorer.phrase(key)])
        quoted = bool(quotes) and _inside(quotes, m.start())
        score = _sigmoid(_calibrated(cal, z, quoted, 0, 0.0))
        if detail:
            out.append((m.start(), m.end(), term, info.category, info.stance, score,
                        f"'{term}': {info.rationale}", "lexicon"))
        elif detail is None:
            out.append((term, z, quoted, 0, 0.0, info.category))
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
    rows, names, seg_reported, seg_words, seg_marks = _occurrence_rows(text)
    if n_words is not None:
        n_words.append(sum(seg_words))
    for row in rows:
        if n_covered:
            start = row[0]
            while ci < n_covered and covered[ci][1] <= start:
                ci += 1
            if ci < n_covered and covered[ci][0] <= start:
                continue
        name = row[4] or (row[3] in names and row[2][:1].isupper())  # as in :func:`occurrences`
        hit = memo.get((row[3], name, row[7]), _MISSING)
        if hit is _MISSING:
            hit = word(row[3], name, row[7])
        if hit is not None:
            kept.append((row, hit))
            p = 1.0 / (1.0 + exp(-hit[0]))
            best = top3.get(row[5])
            if best is None:
                best = top3[row[5]] = [0.0, 0.0, 0.0]
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
    inside = _inside
    for row, hit in kept:
        start, end, token, norm, _, seg, intensified, cur = row
        z, category, stance, why, evidence, lexical = hit
        shift = seg_shift.get(seg)
        if shift is None:
            base = ((scorer.w_reported if seg_reported[seg] else 0.0)
                    + scorer.w_length * length_feature(seg_words[seg]))
            shift = seg_shift[seg] = (base, base + scorer.w_nearby * nearby_feature(top3[seg][1]))
        z_word = z + (w_int if intensified else 0.0)
        quoted = bool(quotes) and inside(quotes, start)
        if detail is None:
            out.append((token, z_word + shift[1], quoted, seg_marks[seg], top3[seg][2], category))
            continue
        score = 1.0 / (1.0 + exp(-_calibrated(cal, z_word + shift[1], quoted, seg_marks[seg], top3[seg][2])))
        if not lexical and score > hint_cap:
            score = hint_cap
        if score < min_score and not (cur and norm in curated):
            continue
        if not detail:
            out.append((category, score))
            continue
        context = []
        if intensified and w_int > 0.1:
            context.append("an intensifier stands just before it")
        reasons, lifted = _sentence_reasons(cal, z_word, shift, quoted, seg_marks[seg], top3[seg], score, threshold)
        if context or lifted:
            evidence = "context" if evidence == "none" else f"{evidence}+context"
        context += reasons
        if context:
            why = "; ".join([why, *context])
        out.append((start, end, token, category, stance, score, f"'{token}': {why}", evidence))
    if detail:
        out.sort()
    return out


def scan(
    text: str, *, min_score: float = 0.0, scorer: Scorer | None = None
) -> list[tuple[int, int, str, str, str | None, float, str, str]]:
    """Every cue in ``text`` as ``(start, end, term, category, stance, score, why, evidence)``.

    Curated terms are always cues; other words are cues when their score reaches ``min_score``.
    Multi-word terms ("believed to be", "according to") are one cue and the words inside them
    are not repeated. A word's score rises with the other loaded words in its sentence, with an
    intensifier just before it and in a sentence that reads as opinion (a question, an
    exclamation, "we"/"you"); it falls inside double quotation marks (the sentence calibration,
    :data:`SENTENCE_FEATURES`). A word without lexical evidence (only rarity, shape or
    context) scores at most the model's ``hint_cap``. Verb-list words used as nouns ("the
    claims") are scored as plain words, not as attribution verbs.
    """
    return _scan(text, min_score, scorer, True)


def cue_scores(
    text: str, *, min_score: float = 0.0, scorer: Scorer | None = None
) -> tuple[list[tuple[str, float]], int]:
    """``(category, score)`` of every cue :func:`scan` finds in ``text`` (not in text order),
    and the number of words of ``text`` (``WORD_PATTERN`` matches): the same scoring code
    without the reason strings, for counting cues at corpus scale."""
    n_words: list[int] = []
    scores = _scan(text, min_score, scorer, False, n_words)
    return scores, n_words[0]


def _scan_reference(
    text: str, *, min_score: float = 0.0, scorer: Scorer | None = None
) -> list[tuple[int, int, str, str, str | None, float, str, str]]:
    """The first version of :func:`scan`, kept as the reference it is tested against.

    Curated terms are always cues; other words are cues when their score reaches ``min_score``.
    Multi-word terms ("believed to be", "according to") are one cue and the words inside them
    are not repeated. A word's score rises with the other loaded words in its sentence and
    with an intensifier just before it. A word without lexical evidence (only rarity, shape or
    context) scores at most the model's ``hint_cap``. Verb-list words used as nouns ("the
    claims") are scored as plain words, not as attribution verbs.
    """
    scorer = scorer or default_scorer()
    out = []
    covered: list[tuple[int, int]] = []
    curated = _curated()
    quotes = quoted_spans(text)
    marks = _segment_marks_reference(text)
    for m in phrase_pattern().finditer(text):
        term = m.group()
        key = " ".join(normalize_token(term).split())
        info = curated[key]
        words = [normalize_token(w.group()) for w in WORD_PATTERN.finditer(term)]
        parts = [scorer.word(w, False) for w in words]
        z = max([p[0] for p in parts if p] + [scorer.phrase(key)])
        score = _sigmoid(_calibrated(scorer.calibration, z, _inside(quotes, m.start()), 0, 0.0))
        out.append((m.start(), m.end(), term, info.category, info.stance, score, f"'{term}': {info.rationale}",
                    "lexicon"))
        covered.append((m.start(), m.end()))
    covered.sort()
    ci = 0
    kept = []
    for row in _occurrences_reference(text):
        start = row[0]
        while ci < len(covered) and covered[ci][1] <= start:
            ci += 1
        if ci < len(covered) and covered[ci][0] <= start:
            continue
        hit = scorer.word(row[3], row[4], row[7])
        if hit is not None:
            kept.append((row, hit))
    # context: the three strongest words of each sentence
    top3: dict[int, list[float]] = {}
    for row, hit in kept:
        p = 1.0 / (1.0 + math.exp(-hit[0]))
        best = top3.setdefault(row[5], [0.0, 0.0, 0.0])
        best.append(p)
        best.sort(reverse=True)
        del best[3:]
    threshold = scorer.model.threshold
    seg_shift: dict[int, tuple[float, float]] = {}  # sentence → (shift without, with nearby words)
    w_int = scorer.w_intensified
    for row, hit in kept:
        start, end, token, norm, _, seg, intensified, cur, reported, n_words = row
        z, category, stance, why, evidence, lexical = hit
        shift = seg_shift.get(seg)
        if shift is None:
            base = (scorer.w_reported if reported else 0.0) + scorer.w_length * length_feature(n_words)
            shift = seg_shift[seg] = (base, base + scorer.w_nearby * nearby_feature(top3[seg][1]))
        z_word = z + (w_int if intensified else 0.0)
        quoted = _inside(quotes, start)
        score = _sigmoid(_calibrated(scorer.calibration, z_word + shift[1], quoted, marks[seg], top3[seg][2]))
        if not lexical and score > scorer.hint_cap:
            score = scorer.hint_cap
        if score < min_score and not (cur and norm in curated):
            continue
        context = []
        if intensified and w_int > 0.1:
            context.append("an intensifier stands just before it")
        reasons, lifted = _sentence_reasons(scorer.calibration, z_word, shift, quoted, marks[seg], top3[seg],
                                            score, threshold)
        if context or lifted:
            evidence = "context" if evidence == "none" else f"{evidence}+context"
        context += reasons
        if context:
            why = "; ".join([why, *context])
        out.append((start, end, token, category, stance, score, f"'{token}': {why}", evidence))
    out.sort()
    return out


def clear_caches() -> None:
    """Forget compiled lexicons and scores (after editing a lexicon file in a session)."""
    for fn in (_curated, phrase_pattern, _phrase_finder, load_model, learned_table, base_features, default_scorer, _token_norm, _norms,
               _neutral_words, _degree_words, _say_words):
        fn.cache_clear()
    from analysis import lexicon

    lexicon._read.cache_clear()


_CUE_FRAME_COLUMNS = ("start", "end", "term", "category", "stance", "score", "why", "evidence")


def cues_frame(rows: list[tuple]) -> pd.DataFrame:
    """The tuples of :func:`scan` as the cue table (built column by column: it is the hot path)."""
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(_CUE_FRAME_COLUMNS)
    return pd.DataFrame(
        {
            "start": np.fromiter(cols[0], dtype=np.int64, count=len(rows)),
            "end": np.fromiter(cols[1], dtype=np.int64, count=len(rows)),
            "term": pd.array(cols[2], dtype="str"),
            "category": pd.array(cols[3], dtype="str"),
            "stance": pd.array(cols[4], dtype="object"),
            "score": np.fromiter(cols[5], dtype=np.float64, count=len(rows)),
            "why": pd.array(cols[6], dtype="str"),
            "evidence": pd.array(cols[7], dtype="str"),
        },
        copy=False,
    )
