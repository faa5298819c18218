"""The features of a word, declared once: name, plain words, how it is computed, default weight.

Everything else is derived from :data:`DECLARED`: the order of the model's coefficients
(:data:`FEATURES`), the explanations (:data:`FEATURE_WORDS`), the hand-set weights
(:data:`DEFAULT_WEIGHTS`), which features count as evidence of which kind (:data:`EVIDENCE_TAGS`)
and how far the word-only, learned and context features reach (:data:`N_BASE`, :data:`N_WORD`).

Kinds of feature, in this order:

- ``word``: from the word alone (curated lists, sentiment lexicons, rarity, shape); computed by
  the declared function from :class:`WordFacts` and cached per word;
- ``learned``: from the word counts learned from expert annotations (``analysis.wording.model``):
  the word's own counts, its word family's (related words, for words seen rarely or never), and
  the sentiment lexicons' ratings of words the annotations never saw (computed by
  :func:`learned_features`);
- ``name``: the word is used as a name (capitalised in mid-sentence);
- ``context``: from the word's sentence, filled in by the scan (``analysis.wording.scan``).

The second stage, the sentence calibration, reads :data:`SENTENCE_FEATURES`, declared the same way.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
import pandas as pd

from analysis.categories import category as registry_category
from analysis.frequency import zipf_frequency
from analysis.lexicon import on_change
from analysis.wording.lexicons import (
    FUNCTION_WORDS,
    CueInfo,
    afinn_words,
    curated_word,
    first_forms,
    lexicon_entry,
    neutral_words,
    nrc_words,
    vader_words,
)
from analysis.wording.precomputed import (
    AFINN_NEGATIVE,
    CANDIDATE,
    CURATED,
    ROW_MASK,
    ROW_SHIFT,
    TEXTBLOB_NEGATIVE,
    VADER_NEGATIVE,
    WordTable,
    word_table,
)

__all__ = [
    "DECLARED",
    "DEFAULT_WEIGHTS",
    "EVIDENCE_TAGS",
    "FEATURES",
    "FEATURE_WORDS",
    "LEXICAL_EVIDENCE",
    "N_BASE",
    "N_WORD",
    "SENTENCE_DECLARED",
    "SENTENCE_FEATURES",
    "SENTENCE_WORDS",
    "Feature",
    "SentenceFeature",
    "WordFacts",
    "base_features",
    "evidence_tags",
    "evidence_rows",
    "feature_table",
    "has_lexical_evidence",
    "is_candidate",
    "learned_features",
    "negative_lexicons",
    "negative_ratings",
    "length_feature",
    "nearby_feature",
]


@dataclass(frozen=True, slots=True)
class WordFacts:
    """What the word lists say about one normalized word (the input of every ``word`` feature)."""

    word: str  # the word without a possessive 's
    info: CueInfo | None  # its curated entry (None when not curated or used as a noun)
    textblob: tuple[float, float] | None  # TextBlob (polarity, subjectivity)
    vader: float
    afinn: float
    nrc: tuple[int, bool]  # (number of NRC emotions, positive or negative)
    content: bool  # not a function word, alphabetic, not plain news vocabulary
    rarity: float  # 0 (very common) .. 1 (rare), 0 for non-content words
    #: the model feature its category's membership sets (the registry's ``feature``; "" when not
    #: curated): read by most word features, so looked up once
    kind: str = ""

    @property
    def category(self) -> str:
        return self.info.category if self.info else ""

    @property
    def stance(self) -> str | None:
        return self.info.stance if self.info else None

    @property
    def evaluative(self) -> bool:
        """Some lexicon marks it as evaluative (so its rarity counts as ``rare_evaluative``)."""
        tb = self.textblob
        return (self.kind in ("loaded", "label") or (self.kind == "attribution" and self.stance != "neutral")
                or (tb is not None and tb[1] > 0) or self.vader != 0 or self.afinn != 0 or self.nrc[1])


@dataclass(frozen=True)
class Feature:
    """One feature of the first-stage model.

    ``words``: what it means in plain words (explanations, the model file); ``kind``: word,
    learned, name or context (see the module docstring); ``value``: for ``word`` features, the
    function computing it from :class:`WordFacts`; ``weight``: the hand-set default weight;
    ``evidence``: the evidence tag it gives a cue when positive (``evidence_min``: or at least
    this); ``why``: the reason shown when it drives a score (``{value}``, ``{k}``, ``{n}`` are
    filled in; default ``words``); ``explain``: False for features a cue's own rationale already
    says (curated lists) or that the scan explains itself (context).
    """

    name: str
    words: str
    kind: str
    weight: float
    value: Callable[[WordFacts], float] | None = None
    evidence: str | None = None
    evidence_min: float = 0.0
    why: str | None = None
    explain: bool = True


_ADJ_ADV = re.compile(r"(?:ous|ful|less|ic|ist|ists|ism|isms|esque)$")
_ALPHA = re.compile(r"[^\W\d_][\w'\-]*$")


def _degree_shape(word: str) -> bool:
    """A comparative/superlative whose base is an adjective in TextBlob's lexicon ("worst")."""
    if word in ("worse", "worst", "better", "best"):
        return True
    for suffix in ("est", "er"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            bases = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem, stem[:-1])
            if any((entry := lexicon_entry(b)) is not None and entry[1] >= 0.3 for b in bases):
                return True
    return False


def _attr_loaded(f: WordFacts) -> float:
    return float(f.kind == "attribution" and f.stance in ("doubt", "presuppose", "assert"))


def _attr_neutral(f: WordFacts) -> float:
    return float(f.kind == "attribution" and f.stance in ("neutral", "endorse"))


def _naming(f: WordFacts) -> float:
    return float(f.kind == "naming" and f.info is not None and "neutral" not in f.info.detail)


def _negative(f: WordFacts) -> float:
    return float(f.vader < 0 or f.afinn < 0 or (f.textblob is not None and f.textblob[0] < 0))


_SENTIMENT = "sentiment-lexicon"

#: Every feature of the first stage, in the order of the model's coefficients.
DECLARED: tuple[Feature, ...] = (
    Feature("loaded", "in the curated list of loaded and evaluative words", "word", 2.5,
            lambda f: float(f.kind == "loaded"), explain=False),
    Feature("label", "a name-calling label", "word", 2.2, lambda f: float(f.kind == "label"), explain=False),
    Feature("attr_loaded", "an attribution verb that judges the statement", "word", 1.5, _attr_loaded,
            explain=False),
    Feature("attr_neutral", "a neutral attribution verb", "word", -1.0, _attr_neutral, explain=False),
    Feature("hedge", "a hedge", "word", 0.0, lambda f: float(f.kind == "hedge"), explain=False),
    Feature("booster", "a booster", "word", 0.5, lambda f: float(f.kind == "booster"), explain=False),
    Feature("naming", "a contested naming variant", "word", 1.0, _naming, explain=False),
    Feature("tb_subj", "TextBlob rates it subjective", "word", 1.2,
            lambda f: f.textblob[1] if f.textblob else 0.0, _SENTIMENT, why="TextBlob rates it subjective ({value:.1f})"),
    Feature("tb_pol", "TextBlob gives it a strong polarity", "word", 0.5,
            lambda f: abs(f.textblob[0]) if f.textblob else 0.0, _SENTIMENT),
    Feature("vader", "VADER rates it emotionally charged", "word", 1.0, lambda f: min(1.0, abs(f.vader) / 4.0),
            _SENTIMENT),
    Feature("afinn", "AFINN rates it emotionally charged", "word", 0.5, lambda f: min(1.0, abs(f.afinn) / 5.0),
            _SENTIMENT),
    Feature("nrc_emotion", "the NRC lexicon links it to emotions", "word", 0.3, lambda f: min(1.0, f.nrc[0] / 3.0),
            _SENTIMENT),
    Feature("nrc_polar", "the NRC lexicon rates it positive or negative", "word", 0.3, lambda f: float(f.nrc[1]),
            _SENTIMENT),
    Feature("negative", "negative in sentiment lexicons", "word", 0.3, _negative,
            why="rated negative by {negative_by}"),
    Feature("rarity", "an unusual word in general English", "word", 1.0, lambda f: f.rarity, "rarity",
            evidence_min=0.5, why="an unusual word in news prose"),
    Feature("rare_evaluative", "an unusual evaluative word", "word", 0.5,
            lambda f: f.rarity * float(f.evaluative)),
    Feature("adjadv", "shaped like an evaluative adjective or an -ist/-ism word", "word", 0.3,
            lambda f: float(f.content and len(f.word) > 5 and bool(_ADJ_ADV.search(f.word))), "shape"),
    Feature("adverb", "an -ly adverb (manner adverbs often carry judgement)", "word", 0.3,
            lambda f: float(f.content and len(f.word) > 4 and f.word.endswith("ly")), "shape"),
    Feature("hyphen", "a hyphenated compound (often a coined, evaluative label)", "word", 0.3,
            lambda f: float(f.content and "-" in f.word.strip("-")), "shape"),
    Feature("degree", "a comparative or superlative of an evaluative adjective", "word", 0.3,
            lambda f: float(f.content and _degree_shape(f.word)), "shape"),
    Feature("learned", "experts often marked it as biased", "learned", 2.0, evidence="learned",
            why="experts marked it as biased in {k} of {n} annotated news sentences"),
    Feature("learned_never", "experts rarely marked it as biased", "learned", 2.0),
    Feature("learned_known", "seen in the expert annotations", "learned", 0.0, explain=False),
    Feature("family", "experts often marked related words (the same word family)", "learned", 1.0,
            evidence="learned", why="experts marked related words such as '{member}' in {fk} of {fn} annotated news sentences"),
    Feature("family_known", "related words were seen in the expert annotations", "learned", 0.0, explain=False),
    Feature("new_subjective", "TextBlob rates it subjective, and the expert annotations never saw it", "learned", 0.5,
            evidence=_SENTIMENT),
    Feature("new_charged", "VADER or AFINN rates it emotionally charged, and the expert annotations never saw it",
            "learned", 0.5, evidence=_SENTIMENT),
    Feature("capital", "a name (capitalised in mid-sentence; names are rarely loaded)", "name", -0.8),
    Feature("intensified", "an intensifier stands just before it", "context", 0.3, explain=False),
    Feature("reported", "the sentence reports speech with a plain verb (said, told, according to)", "context", -0.5),
    Feature("length", "a long sentence", "context", 0.3),
    Feature("nearby", "other loaded words in the same sentence", "context", 0.5, explain=False),
)

_KINDS = ("word", "learned", "name", "context")
if [f.kind for f in DECLARED] != sorted((f.kind for f in DECLARED), key=_KINDS.index):  # pragma: no cover
    raise RuntimeError("analysis.wording.features: features must be declared word, learned, name, context")

#: Feature names, in the order of the model's coefficients.
FEATURES: tuple[str, ...] = tuple(f.name for f in DECLARED)
FEATURE_WORDS: dict[str, str] = {f.name: f.words for f in DECLARED}
DEFAULT_WEIGHTS: dict[str, float] = {f.name: f.weight for f in DECLARED}
N_BASE = sum(f.kind == "word" for f in DECLARED)  # features computed from the word alone
N_WORD = sum(f.kind != "context" for f in DECLARED)  # features of the word (the rest are context)
INDEX = {name: i for i, name in enumerate(FEATURES)}
_TB_SUBJ, _VADER, _AFINN = INDEX["tb_subj"], INDEX["vader"], INDEX["afinn"]
_WORD_FEATURES = tuple(f.value for f in DECLARED[:N_BASE] if f.value is not None)
if len(_WORD_FEATURES) != N_BASE:  # pragma: no cover
    raise RuntimeError("analysis.wording.features: every word feature needs a value function")

#: The values of the ``evidence`` column: which kinds of evidence a cue has, joined by ``+`` in
#: this order (``none`` when it has none of them). ``context``: an intensifier stands before it,
#: or its sentence (other loaded words, a question, first- or second-person wording) lifted it.
EVIDENCE_TAGS = ("lexicon", "learned", "sentiment-lexicon", "shape", "rarity", "context")
#: Tags that are evidence about the word itself; a cue with none of them is only a hint.
LEXICAL_EVIDENCE = ("lexicon", "learned", "sentiment-lexicon")
_EVIDENCE = tuple(
    (tag, tuple(INDEX[f.name] for f in DECLARED if f.evidence == tag),
     max(f.evidence_min for f in DECLARED if f.evidence == tag))
    for tag in EVIDENCE_TAGS if any(f.evidence == tag for f in DECLARED)
)


@dataclass(frozen=True)
class SentenceFeature:
    """One feature of the sentence calibration (second stage): name and plain words."""

    name: str
    words: str


#: Second stage, the sentence calibration: ``score = sigmoid(scale * z + intercept + sum(w * f))``
#: over the word's first-stage log-odds ``z`` and these features (fitted on out-of-fold scores by
#: :mod:`analysis.wording.train`).
SENTENCE_DECLARED: tuple[SentenceFeature, ...] = (
    SentenceFeature("quoted", "inside a quotation (the speaker's word, not the writer's)"),
    SentenceFeature("question", "the sentence is a question"),
    SentenceFeature("exclaim", "the sentence is an exclamation"),
    SentenceFeature("personal", "the sentence speaks in the first or second person"),
    SentenceFeature("third", "the sentence has several loaded words"),
    SentenceFeature("lean", "the sentence's words often stand in sentences experts judged biased"),
)
SENTENCE_FEATURES: tuple[str, ...] = tuple(f.name for f in SENTENCE_DECLARED)
SENTENCE_WORDS: dict[str, str] = {f.name: f.words for f in SENTENCE_DECLARED}


# ---------------------------------------------------------------------------------------------
# Computing them
# ---------------------------------------------------------------------------------------------


def word_facts(norm: str, curated_entry: bool = True) -> WordFacts:
    """What the word lists say about ``norm`` (with ``curated_entry=False`` the curated lists
    are ignored: a verb-list word used as a noun)."""
    info = curated_word(norm) if curated_entry else None
    word = norm[:-2] if norm.endswith("'s") else norm
    content = word not in FUNCTION_WORDS and bool(_ALPHA.match(word)) and word not in neutral_words()
    rarity = min(1.0, max(0.0, (6.0 - zipf_frequency(word)) / 4.0)) if content and len(word) > 2 else 0.0
    entry = registry_category(info.category) if info is not None else None
    afinn, nrc = first_forms(afinn_words(), nrc_words(), word)
    # word, info, textblob, vader, afinn, nrc, content, rarity, kind (positional: a hot path)
    return WordFacts(word, info, lexicon_entry(word), vader_words().get(word, 0.0), afinn or 0.0, nrc or (0, False),
                     content, rarity, entry.feature if entry is not None else "")


_NEGATIVE_BITS = (("TextBlob", TEXTBLOB_NEGATIVE), ("VADER", VADER_NEGATIVE), ("AFINN", AFINN_NEGATIVE))


def negative_ratings(norm: str) -> tuple[str, ...]:
    """Which of TextBlob, VADER and AFINN rate ``norm`` negative (their names, in that order)."""
    table = word_table()  # the precomputed table says so for common words (None: not read)
    if table is not None and (code := table.codes.get(norm)) is not None:
        return tuple(name for name, bit in _NEGATIVE_BITS if code & bit)
    f = word_facts(norm, False)
    return tuple(name for name, neg in (("TextBlob", f.textblob is not None and f.textblob[0] < 0),
                                        ("VADER", f.vader < 0), ("AFINN", f.afinn < 0)) if neg)


def negative_lexicons(norm: str) -> str:
    """:func:`negative_ratings` in words ("VADER and AFINN"), for the reason of a cue the
    ``negative`` feature drives ("sentiment lexicons" if none)."""
    names = negative_ratings(norm)
    if not names:
        return "sentiment lexicons"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def learned_features(base: Any, own: Any, known: Any, family: Any, family_known: Any) -> tuple[Any, ...]:
    """The ``learned`` features (``FEATURES[N_BASE:N_WORD - 1]``) from a word's base features, its
    learned log-odds ``own`` (about -1..1, 0 when unseen), whether it was seen (``known``), its
    family's learned log-odds without it (``family``) and whether the family was seen. Words the
    annotations never saw lean on the sentiment lexicons instead (``new_subjective``,
    ``new_charged``).

    For one word the arguments are numbers (``base`` its tuple); for many at once, arrays with one
    value a word (``base[i]``: the column of feature ``i``): the same operations, element by
    element (``np.maximum`` keeps the first of two equal values, as ``max`` does)."""
    new = 1.0 - known
    charged = np.maximum(base[_VADER], base[_AFINN])
    return (np.maximum(own, 0.0), np.minimum(own, 0.0), known, np.maximum(family, 0.0), family_known,
            base[_TB_SUBJ] * new, charged * new)


@lru_cache(maxsize=200_000)
def base_features(norm: str, curated: bool = True) -> tuple[float, ...]:
    """Features of one normalized word that depend on the word alone (``FEATURES[:N_BASE]``).

    With ``curated=False`` the curated lexicons are ignored (a verb-list word used as a noun).
    Read from the precomputed table (``analysis.wording.precomputed``) for common words.
    """
    table = feature_table()
    if table is not None and (code := table.codes.get(norm)) is not None and (curated or not code & CURATED):
        return table.row(code >> ROW_SHIFT & ROW_MASK)
    facts = word_facts(norm, curated)
    return tuple([value(facts) for value in _WORD_FEATURES])


def feature_table() -> WordTable | None:
    """The precomputed word table (``analysis.wording.precomputed``) when it is fresh and its rows
    are the word features declared now (:data:`FEATURES` ``[:N_BASE]``), else None."""
    table = word_table()
    return table if table is not None and table.features == _BASE_NAMES else None


_BASE_NAMES = FEATURES[:N_BASE]


@lru_cache(maxsize=200_000)
def is_candidate(norm: str) -> bool:
    """True for words worth scoring: curated terms, or content words (not function words and
    not plain news vocabulary such as "ministry" or "airfields")."""
    table = word_table()  # the precomputed table says so for common words (None: not read)
    if table is not None and (code := table.codes.get(norm)) is not None:
        return bool(code & CANDIDATE)
    if curated_word(norm) is not None:
        return True
    word = norm[:-2] if norm.endswith("'s") else norm
    return (word not in FUNCTION_WORDS and len(word) > 1 and bool(_ALPHA.match(word))
            and word not in neutral_words() and not _ABBREVIATION.fullmatch(word))


#: Party-and-state labels and similar abbreviations ("D-Calif.", "R-Texas", "I-Vt."): not words.
_ABBREVIATION = re.compile(r"[a-z]-[a-z]{2,6}")

#: Features that may raise a score but never make a flag: rarity and word shape.
HINT_FEATURES = ("rarity", "rare_evaluative", "adjadv", "adverb", "hyphen", "degree")


def evidence_tags(x: np.ndarray, curated: bool) -> list[str]:
    """The kinds of evidence behind a word's feature vector (see :data:`EVIDENCE_TAGS`)."""
    tags = ["lexicon"] if curated else []
    values = x.tolist()  # plain floats: the same comparisons without an array per tag
    for tag, idx, minimum in _EVIDENCE:
        if any(values[i] >= minimum for i in idx) if minimum > 0 else any(values[i] > 0 for i in idx):
            tags.append(tag)
    return tags


def evidence_rows(x: np.ndarray, curated: Sequence[bool]) -> list[tuple[str, ...]]:
    """:func:`evidence_tags` of each row of a matrix of word feature vectors (``curated``: per
    row, whether the word has a curated entry), as tuples: the same comparisons, made a column
    at a time."""
    code = np.asarray(curated, dtype=np.int64)
    for bit, (_, idx, minimum) in enumerate(_EVIDENCE, 1):
        columns = x[:, list(idx)]
        code |= (((columns >= minimum) if minimum > 0 else (columns > 0)).any(axis=1).astype(np.int64) << bit)
    return [_evidence_of(c) for c in code.tolist()]


@cache
def _evidence_of(code: int) -> tuple[str, ...]:
    """The tags of a bit code: bit 0 ``lexicon``, then one bit for each tag of ``_EVIDENCE``."""
    tags = ("lexicon",) if code & 1 else ()
    return tags + tuple(tag for bit, (tag, _, _) in enumerate(_EVIDENCE, 1) if code >> bit & 1)


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


def length_feature(n_words: int) -> float:
    """The ``length`` feature: log of a sentence's word count / 4 (about 0.5..1)."""
    return math.log(max(n_words, 1)) / 4.0


@on_change
def clear_caches() -> None:
    """Forget the cached word features (after editing a lexicon file in a session)."""
    base_features.cache_clear()
    is_candidate.cache_clear()
