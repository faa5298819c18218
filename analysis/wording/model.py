"""The fitted model: first-stage logistic weights, parameters, sentence calibration, and the
word counts learned from expert annotations.

Both live in ``analysis/models/`` (see its ``README.md``, the model card): ``bias_model.csv``
(one row a number: ``term, category, weight, rationale, source``) and
``learned_bias_words.csv`` (``term, category, k, n, b, rate, rationale, source``). Every cell is
checked on load: a missing file, a missing row, a blank or non-numeric cell is an error that
names the file; there is no silent fallback.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.paths import MODELS_DIR
from analysis.wording.features import (
    DEFAULT_WEIGHTS,
    FEATURE_WORDS,
    FEATURES,
    INDEX,
    SENTENCE_FEATURES,
    SENTENCE_WORDS,
)
from analysis.wording.lexicons import family_form
from analysis.wording.occurrences import EXCLAMATION, PERSONAL, QUESTION

__all__ = [
    "IDENTITY",
    "LEARNED_FILE",
    "MODEL_FILE",
    "Model",
    "ModelError",
    "Counts",
    "Families",
    "calibrated",
    "family_feature",
    "family_table",
    "lean_feature",
    "learned_feature",
    "learned_table",
    "load_model",
    "read_learned",
    "sigmoid",
    "write_learned",
]

MODEL_FILE = MODELS_DIR / "bias_model.csv"
LEARNED_FILE = MODELS_DIR / "learned_bias_words.csv"
#: The calibration that changes nothing: scale 1, intercept 0, every sentence weight 0.
IDENTITY: tuple[float, ...] = (1.0, 0.0) + (0.0,) * len(SENTENCE_FEATURES)
_CALIBRATION_NAMES = ("scale", "intercept", *SENTENCE_FEATURES)
_PARAMETERS = ("intercept", "base_rate", "flag_threshold", "smoothing", "min_sentences", "hint_cap",
               "lean_base_rate", "lean_smoothing")
_PARAMETER_MEANING = {
    "intercept": "log-odds of a word being expert-marked when every feature is 0",
    "base_rate": "share of candidate word occurrences experts marked as biased (prior of the learned rates)",
    "flag_threshold": "cues scoring at least this are counted as flags (chosen by cross-validated F1)",
    "smoothing": "prior strength (pseudo-sentences) of the smoothed learned rates",
    "min_sentences": "a word enters the learned table only if seen in at least this many sentences",
    "hint_cap": "highest score of a word without lexical evidence (rarity, shape or context only); chosen by cross-validation",
    "C": "inverse regularisation strength of the logistic fit",
    "lean_base_rate": "share of annotated sentences experts judged biased (prior of the sentence lean of a word)",
    "lean_smoothing": "prior strength (pseudo-sentences) of a word's sentence lean",
}
_COLUMNS = ("term", "category", "weight", "rationale", "source")


class ModelError(ValueError):
    """A model file is missing, incomplete or has a blank or malformed cell."""


@dataclass(frozen=True)
class Model:
    """Logistic model: intercept, one weight per feature (:data:`FEATURES`), the learned table's
    base rate, the flag threshold chosen by cross-validation, the smoothing strength of the
    learned rates, the fewest sentences a learned word needs, ``hint_cap``: the highest score a
    word without lexical evidence (only rarity, shape or context) may get; ``calibration``: the
    sentence calibration (scale, intercept, one weight per :data:`SENTENCE_FEATURES`);
    ``lean_base_rate`` and ``lean_smoothing``: the prior of a word's sentence lean
    (:func:`lean_feature`). ``c``: the regularisation it was fitted with; ``validation``: figures measured when it was
    fitted (name → value), kept so notebooks can show them without the evaluation data."""

    intercept: float
    weights: np.ndarray
    base_rate: float
    threshold: float
    smoothing: float
    min_sentences: int
    hint_cap: float = 1.0
    calibration: tuple[float, ...] = IDENTITY
    lean_base_rate: float = 0.5
    lean_smoothing: float = 5.0
    c: float = 1.0
    validation: dict[str, float] = field(default_factory=dict)
    source: str = "hand-set weights"

    def score(self, x: np.ndarray) -> np.ndarray:
        """First-stage probability for feature rows ``x`` (``FEATURES`` columns)."""
        z = self.intercept + x @ self.weights
        return 1.0 / (1.0 + np.exp(-z))

    def weight(self, name: str) -> float:
        """The weight of one feature."""
        return float(self.weights[INDEX[name]])

    def with_weight(self, name: str, value: float) -> Model:
        """A copy with one feature's weight changed."""
        weights = self.weights.copy()
        weights[INDEX[name]] = value
        return replace(self, weights=weights)

    @classmethod
    def hand_set(cls) -> Model:
        """The hand-set default weights of the feature declarations (before any fitting)."""
        return cls(-4.0, np.array([DEFAULT_WEIGHTS[f] for f in FEATURES]), 0.03, 0.5, 2.0, 3)

    # -----------------------------------------------------------------------------------------

    @classmethod
    def from_csv(cls, path: str | Path = MODEL_FILE) -> Model:
        """Read a model file, checking every cell (see the module docstring)."""
        path = Path(path)
        rows = _read_rows(path, _COLUMNS)
        values: dict[str, float] = {}
        categories: dict[str, str] = {}
        for line, row in rows:
            term = row["term"]
            if term in values:
                raise ModelError(f"{path}: line {line} repeats {term!r}")
            try:
                value = float(row["weight"])
            except ValueError:
                raise ModelError(f"{path}: line {line} ({term}) has a non-numeric weight {row['weight']!r}") from None
            if not math.isfinite(value):
                raise ModelError(f"{path}: line {line} ({term}) has a weight that is not finite")
            values[term] = value
            categories[term] = row["category"]
        needed = [*_PARAMETERS, *FEATURES, *(f"calib_{n}" for n in _CALIBRATION_NAMES)]
        missing = [name for name in needed if name not in values]
        if missing:
            raise ModelError(f"{path}: missing rows {missing}")
        unknown = [t for t, cat in categories.items() if cat == "coefficient" and t not in INDEX]
        if unknown:
            raise ModelError(f"{path}: coefficients for unknown features {unknown}")
        source = next((row["source"] for _, row in rows if row["term"] == "intercept"), "")
        return cls(
            intercept=values["intercept"],
            weights=np.array([values[f] for f in FEATURES]),
            base_rate=values["base_rate"],
            threshold=values["flag_threshold"],
            smoothing=values["smoothing"],
            min_sentences=int(values["min_sentences"]),
            hint_cap=values["hint_cap"],
            calibration=tuple(values[f"calib_{n}"] for n in _CALIBRATION_NAMES),
            lean_base_rate=values["lean_base_rate"],
            lean_smoothing=values["lean_smoothing"],
            c=values.get("C", 1.0),
            validation={t: v for t, v in values.items() if categories[t] == "validation"},
            source=source,
        )

    def to_csv(self, path: str | Path = MODEL_FILE, *, calibration_source: str | None = None) -> None:
        """Write the model file (the format :meth:`from_csv` reads), whole or not at all."""
        src = self.source
        rows: list[tuple[str, str, str, str, str]] = [
            ("intercept", "parameter", f"{self.intercept:.6f}", _PARAMETER_MEANING["intercept"], src)]
        for name, weight in zip(FEATURES, self.weights, strict=True):
            rows.append((name, "coefficient", f"{weight:.6f}", f"weight of the feature: {FEATURE_WORDS[name]}", src))
        params = {"base_rate": self.base_rate, "flag_threshold": self.threshold, "smoothing": self.smoothing,
                  "min_sentences": self.min_sentences, "hint_cap": self.hint_cap,
                  "lean_base_rate": self.lean_base_rate, "lean_smoothing": self.lean_smoothing, "C": self.c}
        for name, value in params.items():
            rows.append((name, "parameter", f"{value}", _PARAMETER_MEANING[name], src))
        meaning = {"scale": "weight of the word's first-stage log-odds", "intercept": "log-odds shift of every word",
                   **{f: f"weight when {SENTENCE_WORDS[f]}" for f in SENTENCE_FEATURES}}
        meaning["third"] = "weight of the third-highest word score of the sentence (several loaded words)"
        meaning["lean"] = "weight of the sentence lean: the sum of its words' leans (see lean_feature)"
        cal_src = calibration_source or f"sentence calibration, {src}"
        for name, weight in zip(_CALIBRATION_NAMES, self.calibration, strict=True):
            rows.append((f"calib_{name}", "calibration", f"{weight:.6f}", meaning[name], cal_src))
        for name, value in self.validation.items():
            rows.append((name, "validation", f"{value:.4f}", _validation_meaning(name), src))
        _write_rows(Path(path), _COLUMNS, rows)


def _validation_meaning(name: str) -> str:
    """Plain words for a validation figure's row name (``cv_f1_sd`` …)."""
    rows = {"baseline": "TextBlob lexicon as a detector (subjectivity >= 0.5)",
            "in_sample": "the shipped model on the sentences it was fitted to (optimistic)",
            "cv_no_learned": "cross-validated, scored without the learned word table (other corpora)",
            "cv": "cross-validated: learned table and weights refitted without each fold (honest)"}
    for prefix, meaning in rows.items():  # longest prefixes first where they share a start
        if name.startswith(prefix + "_") and not (prefix == "cv" and name.startswith("cv_no_learned_")):
            figure = name[len(prefix) + 1:]
            if figure.endswith("_sd"):
                return f"{figure[:-3]}, standard deviation over the folds: {meaning}"
            return f"{figure}: {meaning}"
    return name


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with their line numbers; every cell of ``columns`` must be filled."""
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise ModelError(f"{path}: missing columns {missing}")
        out = []
        for row in reader:
            for column in columns:
                cell = row.get(column)
                if cell is None or not cell.strip():
                    raise ModelError(f"{path}: line {reader.line_num} has an empty {column!r}")
            out.append((reader.line_num, row))
    return out


def _write_rows(path: Path, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Write a CSV file atomically (a temporary file renamed over the old one)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    tmp.replace(path)


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model (``analysis/models/bias_model.csv``)."""
    return Model.from_csv(MODEL_FILE)


# ---------------------------------------------------------------------------------------------
# Learned word counts
# ---------------------------------------------------------------------------------------------

_LEARNED_COLUMNS = ("term", "category", "k", "n", "b", "rate", "rationale", "source")
#: One row of the learned table: the word was marked as biased by experts in ``k`` of the ``n``
#: annotated sentences containing it, and ``b`` of those ``n`` sentences were judged biased.
Counts = dict[str, tuple[int, int, int]]
LEARNED_SOURCE = "BABE dev half (Spinde et al. 2021, SG2 expert labels), learned by analysis.wording.train"


def read_learned(path: str | Path = LEARNED_FILE) -> Counts:
    """Folded word → (k, n, b): marked as biased in k of n annotated sentences containing it;
    b of those sentences were judged biased."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in _LEARNED_COLUMNS if c not in frame.columns]
    if missing:
        raise ModelError(f"{path}: missing columns {missing}")
    for column in _LEARNED_COLUMNS:
        blank = frame.index[frame[column].str.strip() == ""]
        if len(blank):
            raise ModelError(f"{path}: line {blank[0] + 2} has an empty {column!r}")
    k = pd.to_numeric(frame["k"], errors="coerce")
    n = pd.to_numeric(frame["n"], errors="coerce")
    b = pd.to_numeric(frame["b"], errors="coerce")
    bad = frame.index[k.isna() | n.isna() | b.isna() | (k % 1 != 0) | (n % 1 != 0) | (b % 1 != 0) | (k < 0)
                      | (k > b) | (b > n)]
    if len(bad):
        raise ModelError(f"{path}: line {bad[0] + 2} needs whole numbers 0 <= k <= b <= n")
    if frame["term"].duplicated().any():
        raise ModelError(f"{path}: line {frame.index[frame['term'].duplicated()][0] + 2} repeats a term")
    return {t: (int(x), int(y), int(z)) for t, x, y, z in zip(frame["term"], k, n, b, strict=True)}


def write_learned(counts: Counts, model: Model, path: str | Path = LEARNED_FILE) -> None:
    """Write the learned table (words seen in at least ``model.min_sentences`` sentences)."""
    rows = []
    for key in sorted(counts):
        k, n, b = counts[key]
        if n < model.min_sentences:
            continue
        rate = (k + model.smoothing * model.base_rate) / (n + model.smoothing)
        rows.append((key, "learned", k, n, b, f"{rate:.4f}",
                     f"marked biased by experts in {k} of {n} sentences containing it, {b} of which were judged "
                     "biased (inflections pooled)", LEARNED_SOURCE))
    _write_rows(Path(path), _LEARNED_COLUMNS, rows)


@lru_cache(maxsize=1)
def learned_table() -> Counts:
    """The shipped learned table (``analysis/models/learned_bias_words.csv``)."""
    return read_learned(LEARNED_FILE)


@lru_cache(maxsize=1)
def learned_families() -> Families:
    """The shipped learned table pooled by word family."""
    return family_table(learned_table())


def learned_feature(k: int, n: int, *, base_rate: float, smoothing: float) -> float:
    """Smoothed log-odds of being marked relative to the base rate, scaled to about -1..1."""
    rate = (k + smoothing * base_rate) / (n + smoothing)
    lo = math.log(rate / (1 - rate)) - math.log(base_rate / (1 - base_rate))
    return max(-3.0, min(3.0, lo)) / 3.0


#: Word family (:func:`analysis.wording.lexicons.family_form`) → ``(k, n, members)``: the learned
#: counts of its words summed, and up to three ``(k, word)`` of its words with the most marks.
Families = dict[str, tuple[int, int, tuple[tuple[int, str], ...]]]


def family_table(learned: Counts) -> Families:
    """The learned table pooled by word family (see :data:`Families`)."""
    pooled: dict[str, list] = {}
    for key, (k, n, _) in learned.items():
        entry = pooled.setdefault(family_form(key), [0, 0, []])
        entry[0] += k
        entry[1] += n
        entry[2].append((k, key))
    return {fam: (k, n, tuple(sorted(members, reverse=True)[:3])) for fam, (k, n, members) in pooled.items()}


def family_feature(key: str, learned: Counts, families: Families, *, base_rate: float,
                   smoothing: float, family: str | None = None) -> tuple[float, float, tuple[int, int, str] | None]:
    """A word's backoff to its family: the smoothed learned log-odds (as :func:`learned_feature`)
    of the *other* words of its family, 1.0 if they were seen, and ``(k, n, a related word)``
    for the explanation (None when no related word was seen). ``family``: ``family_form(key)``
    when already known."""
    entry = families.get(family_form(key) if family is None else family)
    if entry is None:
        return 0.0, 0.0, None
    k, n, members = entry
    own = learned.get(key)
    if own is not None:
        k, n = k - own[0], n - own[1]
    if n < 1:
        return 0.0, 0.0, None
    member = key
    for _, other in members:  # the family's most marked word other than this one
        if other != key:
            member = other
            break
    return learned_feature(k, n, base_rate=base_rate, smoothing=smoothing), 1.0, (k, n, member)


def lean_feature(b: int, n: int, *, base_rate: float, smoothing: float) -> float:
    """A word's sentence lean: smoothed log-odds that a sentence containing it was judged biased
    (``b`` of ``n``), relative to the share of biased sentences. Summed over a sentence's words
    it is a naive-Bayes reading of the whole sentence (the sentence calibration weighs it)."""
    rate = (b + smoothing * base_rate) / (n + smoothing)
    return math.log(rate / (1 - rate)) - math.log(base_rate / (1 - base_rate))


def calibrated(cal: tuple[float, ...], z: float, quoted: bool, marks: int, third: float, lean: float = 0.0) -> float:
    """The sentence calibration (second stage): log-odds from a word's first-stage log-odds ``z``,
    whether it is quoted, its sentence's marks, the third-highest word score of its sentence and
    the sentence's lean (the sum of its words' leans)."""
    return (cal[0] * z + cal[1] + (cal[2] if quoted else 0.0) + (cal[3] if marks & QUESTION else 0.0)
            + (cal[4] if marks & EXCLAMATION else 0.0) + (cal[5] if marks & PERSONAL else 0.0) + cal[6] * third
            + cal[7] * lean)


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))



def clear_caches() -> None:
    """Forget the loaded model and learned table (after refitting in a session)."""
    load_model.cache_clear()
    learned_table.cache_clear()
    learned_families.cache_clear()
