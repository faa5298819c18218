"""Fitting the wording model on expert annotations, and measuring it.

Data: a CSV of sentences with ``text``, ``label`` (1 biased, 0 not; other values skipped) and
``biased_words`` (a JSON list of the words experts marked), such as the development half of
BABE (Spinde et al. 2021, AGPL-3.0). Learn only from a development half: the other half is for
testing.

:func:`fit_and_measure` searches a small grid with k-fold cross-validation (folds split by
sentence), fits the model on every sentence, fits the sentence calibration on out-of-fold scores
and measures; :func:`measure` only measures a model. Figures (word-level precision / recall / F1
of flags, top-1, sentence ROC-AUC) are defined in :func:`evaluate`. Nothing here changes a scorer
or a model in place; nothing is written unless :func:`write` is called.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd

from analysis.instruments.words import lexicon_entry
from analysis.text import WORD_PATTERN, normalize_token
from analysis.wording.cues import DEFAULT_MIN_SCORE
from analysis.wording.features import (
    FEATURES,
    INDEX,
    SENTENCE_FEATURES,
    base_features,
    learned_features,
    length_feature,
)
from analysis.wording.lexicons import curated, family_form, fold_form
from analysis.wording.model import (
    IDENTITY,
    LEARNED_FILE,
    MODEL_FILE,
    Counts,
    Model,
    family_table,
    learned_feature,
    load_model,
    write_learned,
)
from analysis.wording.occurrences import occurrences
from analysis.wording.scan import Scorer, calibration_inputs, scan

__all__ = [
    "Figures",
    "calibrate_folds",
    "cross_validated_cues",
    "cross_validated_scorers",
    "evaluate",
    "fit",
    "fit_and_measure",
    "load_annotations",
    "measure",
    "token_table",
    "write",
]

# Hyper-parameter grid searched with cross-validation by :func:`fit_and_measure`.
GRID_SMOOTHING = (8.0,)
GRID_MIN_SENTENCES = (1,)
GRID_C = (1.0, 3.0)
GRID_BETA = (0.75, 1.0)
GRID_HINT_CAP = (1.0,)
#: Flag thresholds tried for every grid point. Each is measured exactly: the folds are rescored with
#: the threshold in place, because a word that only rarity or shape lifts is held just below
#: whichever threshold is in force (sweeping thresholds over cues scored under another one would
#: count such hints as flags).
GRID_THRESHOLD = (0.21, 0.24, 0.27)
CALIBRATION_C = 1.0  # regularisation of the sentence calibration (few weights, many cues)

Cues = list[list[tuple[str, float]]]
Folds = list[tuple[np.ndarray, Scorer]]


def _words(text: str) -> list[str]:
    return [normalize_token(m.group()) for m in WORD_PATTERN.finditer(text)]


def load_annotations(path: str | Path) -> pd.DataFrame:
    """Labelled sentences with ``marked``: the set of normalized expert-marked words."""
    frame = pd.read_csv(path)
    for column in ("text", "label", "biased_words"):
        if column not in frame.columns:
            raise ValueError(f"{path}: missing column {column!r}")
    frame = frame[frame["label"].isin([0, 1, "0", "1"])].copy()
    frame["label"] = frame["label"].astype(int)
    frame["marked"] = pd.Series([
        {w for item in json.loads(b or "[]") for w in _words(item)} if lab == 1 else set()
        for b, lab in zip(frame["biased_words"].fillna("[]"), frame["label"], strict=True)
    ], index=frame.index, dtype=object)
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def evaluate(frame: pd.DataFrame, cues: Cues, threshold: float) -> dict[str, float]:
    """Word P/R/F1, top-1 and sentence ROC-AUC from per-sentence ``(term, score)`` cue lists.

    A *flag* is a cue with ``score >= threshold``; it is a true positive when one of its words is
    a word the experts marked in a biased sentence (flags in non-biased sentences are false
    positives); recall is over the distinct marked words of biased sentences. Top-1: share of
    biased sentences with marked words whose highest-scored cue is a marked word. ROC-AUC: the
    sentence's highest cue score (0 without cues) against its label.
    """
    from sklearn.metrics import roc_auc_score  # training only

    tp = fp = matched = n_marked = top_hits = top_n = 0
    sent_scores = []
    for marked, label, sent_cues in zip(frame["marked"], frame["label"], cues, strict=True):
        words = [(set(_words(term)), score) for term, score in sent_cues]
        sent_scores.append(max((s for _, s in words), default=0.0))
        flagged = [w for w, s in words if s >= threshold]
        for w in flagged:
            if label == 1 and w & marked:
                tp += 1
            else:
                fp += 1
        if label == 1 and marked:
            n_marked += len(marked)
            hit = set().union(*flagged) if flagged else set()
            matched += len(marked & hit)
            top_n += 1
            if words:
                best = max(range(len(words)), key=lambda i: words[i][1])
                top_hits += bool(words[best][0] & marked)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = matched / n_marked if n_marked else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "top1": top_hits / top_n if top_n else 0.0,
        "auc": float(roc_auc_score(frame["label"].to_numpy(), np.array(sent_scores))),
        "flags": tp + fp,
    }


def textblob_cues(text: str) -> list[tuple[str, float]]:
    """Baseline: every word in TextBlob's lexicon, scored by its subjectivity."""
    out = []
    for m in WORD_PATTERN.finditer(text):
        entry = lexicon_entry(normalize_token(m.group()))
        if entry is not None:
            out.append((m.group(), entry[1]))
    return out


def model_cues(texts: list[str], scorer: Scorer | None = None) -> Cues:
    """Our cues (what ``loaded_language`` returns, with its default ``min_score``)."""
    return [[(c.term, c.score) for c in scan(t, min_score=DEFAULT_MIN_SCORE, scorer=scorer)] for t in texts]


# ---------------------------------------------------------------------------------------------
# Fitting
# ---------------------------------------------------------------------------------------------


def token_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per candidate word occurrence: sentence index, norm, name, intensified, curated,
    reported, length feature, fold key, target, the sentence's label."""
    rows = []
    for i, (text, marked, label) in enumerate(zip(frame["text"], frame["marked"], frame["label"], strict=True)):
        for o in occurrences(text):
            rows.append((i, o.norm, o.name, o.intensified, o.curated, o.reported, length_feature(o.n_words),
                         fold_form(o.norm), int(o.norm in marked), int(label)))
    return pd.DataFrame(rows, columns=["sent", "norm", "capital", "intensified", "curated", "reported", "length",
                                       "key", "y", "label"])


def _counts(tokens: pd.DataFrame) -> Counts:
    """key -> (k, n, b): marked in k of the n distinct sentences that contain it; b of them biased."""
    per_sent = tokens.groupby(["key", "sent"])[["y", "label"]].max().reset_index()
    agg = per_sent.groupby("key").agg(k=("y", "sum"), n=("y", "count"), b=("label", "sum"))
    return {key: (int(k), int(n), int(b))
            for key, k, n, b in zip(agg.index, agg["k"], agg["n"], agg["b"], strict=True)}


def _design(tokens: pd.DataFrame, counts: Counts, *, base_rate: float,
            smoothing: float, min_sentences: int, leave_one_out: bool) -> np.ndarray:
    """Feature matrix (``FEATURES`` without ``nearby``); with ``leave_one_out`` each row's own
    sentence is removed from its counts."""
    base = np.array([base_features(n, c) for n, c in zip(tokens["norm"], tokens["curated"], strict=True)])
    own = tokens.groupby(["key", "sent"])["y"].transform("max").to_numpy() if leave_one_out else None
    learned = np.zeros(len(tokens))
    known = np.zeros(len(tokens))
    lexicons = curated()
    skip = (~tokens["curated"].to_numpy(bool)) & tokens["norm"].isin(list(lexicons)).to_numpy()  # nouns: see Scorer.word
    for i, key in enumerate(tokens["key"]):
        kn = counts.get(key)
        if kn is None or skip[i]:
            continue
        k, n, _ = kn
        if own is not None:
            k, n = k - own[i], n - 1
        if n >= min_sentences:
            learned[i] = learned_feature(k, n, base_rate=base_rate, smoothing=smoothing)
            known[i] = 1.0
    family, family_known = _family_columns(tokens, counts, own, base_rate=base_rate, smoothing=smoothing)
    learned_x = np.array([learned_features(row, lf, kn, f, fk)
                          for row, lf, kn, f, fk in zip(base, learned, known, family, family_known, strict=True)])
    name = tokens["capital"].to_numpy(bool)
    base[name, INDEX["rarity"]] = 0.0
    base[name, INDEX["rare_evaluative"]] = 0.0
    return np.column_stack([base, learned_x.reshape(len(tokens), -1),
                            name.astype(float), tokens["intensified"].to_numpy(float),
                            tokens["reported"].to_numpy(float), tokens["length"].to_numpy(float)])


def _family_columns(tokens: pd.DataFrame, counts: Counts, own: np.ndarray | None, *, base_rate: float,
                    smoothing: float) -> tuple[np.ndarray, np.ndarray]:
    """Each row's family backoff (as :func:`analysis.wording.model.family_feature`: the other words
    of its family); with ``own`` (leave one out) the family's words in the row's own sentence are
    left out too."""
    families = family_table(counts)
    value = np.zeros(len(tokens))
    seen = np.zeros(len(tokens))
    fam_of = {key: family_form(key) for key in tokens["key"].unique()}
    in_sentence: dict[tuple[str, int], tuple[int, int]] = {}
    if own is not None:
        per = tokens.groupby(["key", "sent"])["y"].max().reset_index()
        per["fam"] = per["key"].map(fam_of)
        agg = per.groupby(["fam", "sent"])["y"].agg(["sum", "count"])
        in_sentence = {idx: (int(k), int(n)) for idx, k, n in zip(agg.index, agg["sum"], agg["count"], strict=True)}
    for i, (key, sent) in enumerate(zip(tokens["key"], tokens["sent"], strict=True)):
        fam = fam_of[key]
        entry = families.get(fam)
        if entry is None:
            continue
        k, n = entry[0], entry[1]
        kn = counts.get(key)
        if kn is not None:
            k, n = k - kn[0], n - kn[1]
        if own is not None:
            sk, sn = in_sentence[(fam, sent)]
            k, n = k - (sk - own[i]), n - (sn - 1)
        if n >= 1:
            value[i] = learned_feature(k, n, base_rate=base_rate, smoothing=smoothing)
            seen[i] = 1.0
    return value, seen


_FITTED_BY_REGRESSION = FEATURES[:-1]
if FEATURES[-1] != "nearby":  # pragma: no cover - the design matrix above follows FEATURES
    raise RuntimeError("analysis.wording.train: 'nearby' must be the last feature")


def fit(tokens: pd.DataFrame, *, smoothing: float, min_sentences: int, c: float, beta: float = 0.0,
        threshold: float = 0.5, hint_cap: float = 1.0, lean_smoothing: float = 5.0,
        source: str = "") -> tuple[Model, Counts]:
    """Fit the learned word table and the logistic weights on ``tokens``.

    The word features are fitted by logistic regression on word occurrences; ``beta``, the
    weight of "other loaded words in the same sentence", is set from outside (chosen by
    cross-validated sentence ROC-AUC and F1, because it is a sentence-level effect).
    """
    from sklearn.linear_model import LogisticRegression  # training only

    counts = _counts(tokens)
    base_rate = float(tokens["y"].mean())
    x = _design(tokens, counts, base_rate=base_rate, smoothing=smoothing,
                min_sentences=min_sentences, leave_one_out=True)
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, tokens["y"].to_numpy())
    weights = np.append(clf.coef_[0], beta)
    lean_base_rate = float(tokens.groupby("sent")["label"].first().mean())
    model = Model(float(clf.intercept_[0]), weights, base_rate, threshold, smoothing, min_sentences, hint_cap,
                  lean_base_rate=lean_base_rate, lean_smoothing=lean_smoothing, c=c,
                  source=source or "logistic regression")
    return model, counts


def folds_of(n: int, k: int, seed: int = 0) -> np.ndarray:
    """Fold number of each sentence (random split by sentence, fixed seed)."""
    rng = np.random.default_rng(seed)
    return rng.permutation(np.arange(n) % k)


def cross_validated_scorers(frame: pd.DataFrame, tokens: pd.DataFrame, *, k: int, smoothing: float,
                            min_sentences: int, c: float) -> Folds:
    """For each fold: its sentence indices and a scorer fitted on the other folds only."""
    fold = folds_of(len(frame), k)
    out = []
    for f in range(k):
        train_idx = np.flatnonzero(fold != f)
        model, counts = fit(tokens[tokens["sent"].isin(train_idx)], smoothing=smoothing,
                            min_sentences=min_sentences, c=c)
        out.append((np.flatnonzero(fold == f), Scorer(model=model, learned=counts)))
    return out


def calibration_rows(frame: pd.DataFrame, idx: np.ndarray, scorer: Scorer) -> pd.DataFrame:
    """The inputs of the sentence calibration for every cue of the sentences ``idx`` (scored by
    ``scorer``'s first stage), with the target: one of its words was marked by the experts."""
    rows = []
    for i in idx:
        marked = cast("set[str]", frame["marked"].iat[i])
        for r in calibration_inputs(str(frame["text"].iat[i]), scorer=scorer):
            rows.append((i, r.z, float(r.quoted), float(r.marks & 1), float(bool(r.marks & 2)),
                         float(bool(r.marks & 4)), r.third, r.lean, int(bool(set(_words(r.term)) & marked))))
    return pd.DataFrame(rows, columns=["sent", "z", *SENTENCE_FEATURES, "y"])


def fit_calibration(rows: pd.DataFrame, c: float = CALIBRATION_C) -> tuple[float, ...]:
    """``(scale, intercept, one weight per SENTENCE_FEATURES)`` by logistic regression of the
    expert marks on out-of-fold first-stage log-odds and the sentence features."""
    from sklearn.linear_model import LogisticRegression  # training only

    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(rows[["z", *SENTENCE_FEATURES]].to_numpy(), rows["y"].to_numpy())
    coef = clf.coef_[0]
    return (float(coef[0]), float(clf.intercept_[0]), *(float(w) for w in coef[1:]))


def _with(scorer: Scorer, beta: float, hint_cap: float, calibration: tuple[float, ...],
          threshold: float | None = None) -> Scorer:
    model = replace(scorer.model.with_weight("nearby", beta), hint_cap=hint_cap, calibration=calibration)
    if threshold is not None:
        model = replace(model, threshold=threshold)
    return scorer.with_model(model)


def calibrate_folds(frame: pd.DataFrame, scorers: Folds, beta: float, *,
                    hint_cap: float = 1.0, threshold: float | None = None) -> tuple[Folds, tuple[float, ...]]:
    """Each fold's scorer with ``beta``, ``hint_cap`` and a sentence calibration fitted on the
    out-of-fold first-stage scores of the OTHER folds; and the calibration fitted on all of them
    (to ship). ``threshold``: the flag threshold the fold scorers hold hint-only words below
    (default: the shipped model's). The given scorers are left as they are."""
    threshold = load_model().threshold if threshold is None else threshold
    plain = [(idx, _with(scorer, beta, hint_cap, IDENTITY, threshold)) for idx, scorer in scorers]
    parts = [calibration_rows(frame, idx, scorer) for idx, scorer in plain]
    calibrated = [
        (idx, _with(scorer, beta, hint_cap, fit_calibration(pd.concat([p for g, p in enumerate(parts) if g != f])),
                    threshold))
        for f, (idx, scorer) in enumerate(plain)
    ]
    return calibrated, fit_calibration(pd.concat(parts))


def cross_validated_cues(frame: pd.DataFrame, scorers: Folds, *, learned: bool = True) -> Cues:
    """Out-of-fold cues: each sentence scored by its fold's scorer (fitted without the fold; with
    ``learned=False`` the fold's learned word table is left out at scoring time)."""
    out: Cues = [[] for _ in range(len(frame))]
    for test_idx, fitted in scorers:
        scorer = fitted if learned else fitted.with_learned({})
        for i, cues in zip(test_idx, model_cues(frame["text"].iloc[test_idx].tolist(), scorer), strict=True):
            out[i] = cues
    return out


def fold_spread(frame: pd.DataFrame, cues: Cues, threshold: float, scorers: Folds) -> dict[str, tuple[float, float]]:
    """Mean and standard deviation over the folds of each figure (each fold's held-out sentences)."""
    per = []
    for test_idx, _ in scorers:
        sub = frame.iloc[test_idx].reset_index(drop=True)
        per.append(evaluate(sub, [cues[i] for i in test_idx], threshold))
    return {k: (float(np.mean([r[k] for r in per])), float(np.std([r[k] for r in per], ddof=1)))
            for k in ("precision", "recall", "f1", "top1", "auc")}


# ---------------------------------------------------------------------------------------------
# The whole job
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """What :func:`measure` found: each detector's figures (``evaluate``'s keys), and per-fold
    mean and standard deviation for the cross-validated rows."""

    threshold: float
    rows: dict[str, dict[str, float]]
    spread: dict[str, dict[str, tuple[float, float]]]


def measure(frame: pd.DataFrame, tokens: pd.DataFrame, model: Model, learned: Counts, *,
            folds: int = 5) -> Figures:
    """The TextBlob baseline, ``model`` in-sample and without its learned table, and k-fold
    cross-validated figures (the learned table, weights and calibration refitted without each
    fold, with ``model``'s hyper-parameters)."""
    t = model.threshold
    shipped = Scorer(model=model, learned=learned)
    rows = {"baseline": evaluate(frame, [textblob_cues(x) for x in frame["text"]], 0.5),
            "in_sample": evaluate(frame, model_cues(frame["text"].tolist(), shipped), t)}
    scorers = cross_validated_scorers(frame, tokens, k=folds, smoothing=model.smoothing,
                                      min_sentences=model.min_sentences, c=model.c)
    scorers, _ = calibrate_folds(frame, scorers, model.weight("nearby"), hint_cap=model.hint_cap, threshold=t)
    spread = {}
    for name, with_learned in (("cv", True), ("cv_no_learned", False)):
        cv = cross_validated_cues(frame, scorers, learned=with_learned)
        rows[name] = evaluate(frame, cv, t)
        spread[name] = fold_spread(frame, cv, t, scorers)
    rows["shipped_no_learned"] = evaluate(frame, model_cues(frame["text"].tolist(), shipped.with_learned({})), t)
    return Figures(t, rows, spread)


def fit_and_measure(frame: pd.DataFrame, tokens: pd.DataFrame, *, folds: int = 5,
                    progress: Callable[[str], None] | None = None) -> tuple[Model, Counts, Figures]:
    """Search the grid by cross-validation, fit on every sentence, calibrate on out-of-fold
    scores and measure: the model (with its validation figures), the learned table, the figures."""
    source = (f"logistic regression fitted on {len(frame)} BABE dev-half sentences by analysis.wording.train "
              f"({folds}-fold cross-validation by sentence)")
    best = None
    for smoothing in GRID_SMOOTHING:
        for min_sentences in GRID_MIN_SENTENCES:
            for c in GRID_C:
                scorers = cross_validated_scorers(frame, tokens, k=folds, smoothing=smoothing,
                                                  min_sentences=min_sentences, c=c)
                for beta in GRID_BETA:
                    for cap in GRID_HINT_CAP:
                        for t in GRID_THRESHOLD:
                            calibrated, _ = calibrate_folds(frame, scorers, beta, hint_cap=cap, threshold=t)
                            r = evaluate(frame, cross_validated_cues(frame, calibrated), t)
                            if progress:
                                progress(f"  grid smoothing={smoothing} C={c} beta={beta} hint_cap={cap} threshold={t}: "
                                         f"CV F1 {r['f1']:.3f} top-1 {r['top1']:.1%} AUC {r['auc']:.3f}")
                            goal = r["f1"] + r["top1"] + r["auc"]
                            if best is None or goal > best[0]:
                                best = (goal, smoothing, min_sentences, c, beta, cap, t)
    assert best is not None
    _, smoothing, min_sentences, c, beta, cap, t = best
    model, counts = fit(tokens, smoothing=smoothing, min_sentences=min_sentences, c=c, beta=beta, threshold=t,
                        hint_cap=cap, source=source)
    scorers = cross_validated_scorers(frame, tokens, k=folds, smoothing=smoothing, min_sentences=min_sentences, c=c)
    _, calibration = calibrate_folds(frame, scorers, beta, hint_cap=cap, threshold=t)
    model = replace(model, calibration=calibration)
    figures = measure(frame, tokens, model, counts, folds=folds)
    return replace(model, validation=validation_figures(figures)), counts, figures


def validation_figures(figures: Figures) -> dict[str, float]:
    """The figures a model file stores (``<row>_<figure>``, and ``_sd`` over the folds for the
    cross-validated rows), read by notebook 03."""
    validation: dict[str, float] = {}
    for row in ("baseline", "in_sample"):
        for name in ("precision", "recall", "f1", "top1", "auc"):
            validation[f"{row}_{name}"] = figures.rows[row][name]
    for row in ("cv", "cv_no_learned"):
        for name, (mean, sd) in figures.spread[row].items():
            validation[f"{row}_{name}"] = mean
            validation[f"{row}_{name}_sd"] = sd
    return validation


def write(model: Model, learned: Counts, *, model_path: Path = MODEL_FILE,
          learned_path: Path = LEARNED_FILE) -> None:
    """Ship a fitted model and its learned table (``analysis/models/`` by default); update the
    model card (``analysis/models/README.md``) by hand with the figures."""
    model.to_csv(model_path)
    write_learned(learned, model, learned_path)
