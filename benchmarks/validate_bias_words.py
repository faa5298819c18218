#!/usr/bin/env python
"""Measure ``analysis.loaded_language`` against expert annotations (BABE), beside a TextBlob baseline.

Usage (from the project root)::

    PYTHONPATH=. .venv/bin/python benchmarks/validate_bias_words.py [CSV] [--folds 5] [--fit]

CSV defaults to ``../shared/eval/babe_dev.csv`` relative to the project root (columns ``text``,
``label``, ``biased_words``). Sentences without an agreed label are skipped.

Figures (the issue's definitions):
- word-level precision / recall / F1: a *flag* is a cue with ``score >= flag threshold`` (the
  threshold is stored in ``analysis/lexicons/bias_model.csv`` and was chosen by cross-validation).
  A flag is a true positive when one of its words equals (case-insensitive) a word the experts
  marked in a biased sentence; flags in non-biased sentences are false positives. Recall is over
  the distinct expert-marked words of biased sentences.
- top-1: share of biased sentences with at least one marked word whose highest-scored cue is a
  marked word (no cue counts as a miss).
- ROC-AUC: the sentence's highest cue score (0 when it has no cue) against the biased label.

``--fit`` refits the model on the whole file and writes ``analysis/lexicons/learned_bias_words.csv``
and ``analysis/lexicons/bias_model.csv`` (learn only from the development half!). Without it the
script only measures. Either way it reports in-sample figures (the shipped model on the file it was
fitted to: optimistic) and k-fold cross-validated figures (folds split by sentence; the learned
word table and the weights are re-fitted on the other folds each time, and the sentence
calibration on the other folds' out-of-fold scores: the honest estimate).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis import wording_model as wm  # noqa: E402
from analysis.text import WORD_PATTERN, normalize_token  # noqa: E402
from analysis.tone import lexicon_entry  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "eval" / "babe_dev.csv"
LEXICON_DIR = ROOT / "analysis" / "lexicons"
SOURCE = "BABE dev half (Spinde et al. 2021, SG2 expert labels), learned by benchmarks/validate_bias_words.py"

# Hyper-parameter grid searched with cross-validation when --fit is given.
GRID_SMOOTHING = (8.0,)
GRID_MIN_SENTENCES = (1,)
GRID_C = (0.3, 1.0, 3.0)
GRID_BETA = (0.75, 1.0, 1.25)
GRID_HINT_CAP = (1.0,)
CALIBRATION_C = 1.0  # regularisation of the sentence calibration (few weights, many cues)


def _words(text: str) -> list[str]:
    return [normalize_token(m.group()) for m in WORD_PATTERN.finditer(text)]


def load(path: Path) -> pd.DataFrame:
    """Labelled sentences with ``marked``: the set of normalized expert-marked words."""
    frame = pd.read_csv(path)
    frame = frame[frame["label"].isin([0, 1, "0", "1"])].copy()
    frame["label"] = frame["label"].astype(int)
    frame["marked"] = [
        {w for item in json.loads(b or "[]") for w in _words(item)} if lab == 1 else set()
        for b, lab in zip(frame["biased_words"].fillna("[]"), frame["label"], strict=True)
    ]
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _auc(scores: np.ndarray, labels: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def evaluate(frame: pd.DataFrame, cues: list[list[tuple[str, float]]], threshold: float) -> dict[str, float]:
    """Word P/R/F1, top-1 and sentence ROC-AUC from per-sentence ``(term, score)`` cue lists."""
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
        "auc": _auc(np.array(sent_scores), frame["label"].to_numpy()),
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


def model_cues(texts: list[str], scorer: wm.Scorer | None = None) -> list[list[tuple[str, float]]]:
    """Our cues (what ``loaded_language`` returns, with its default ``min_score``)."""
    from analysis.wording import DEFAULT_MIN_SCORE

    return [[(c[2], c[5]) for c in wm.scan(t, min_score=DEFAULT_MIN_SCORE, scorer=scorer)] for t in texts]


# ---------------------------------------------------------------------------------------------
# Fitting
# ---------------------------------------------------------------------------------------------


def _token_table(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per candidate word occurrence: sentence index, norm, name, intensified, curated,
    fold key, target."""
    rows = []
    for i, (text, marked) in enumerate(zip(frame["text"], frame["marked"], strict=True)):
        for _, _, _, norm, name, _, intensified, curated, reported, n_words in wm.occurrences(text):
            rows.append((i, norm, name, intensified, curated, reported, wm.length_feature(n_words),
                         wm.fold_form(norm), int(norm in marked)))
    return pd.DataFrame(rows, columns=["sent", "norm", "capital", "intensified", "curated", "reported", "length",
                                       "key", "y"])


def _counts(tokens: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """key -> (k, n): marked in k of the n distinct sentences that contain it."""
    per_sent = tokens.groupby(["key", "sent"])["y"].max().reset_index()
    agg = per_sent.groupby("key")["y"].agg(["sum", "count"])
    return {key: (int(k), int(n)) for key, k, n in zip(agg.index, agg["sum"], agg["count"], strict=True)}


def _design(tokens: pd.DataFrame, counts: dict[str, tuple[int, int]], *, base_rate: float,
            smoothing: float, min_sentences: int, leave_one_out: bool) -> np.ndarray:
    """Feature matrix (``FEATURES`` without ``nearby``); with ``leave_one_out`` each row's own
    sentence is removed from its counts."""
    base = np.array([wm.base_features(n, c) for n, c in zip(tokens["norm"], tokens["curated"], strict=True)])
    own = tokens.groupby(["key", "sent"])["y"].transform("max").to_numpy() if leave_one_out else None
    learned = np.zeros(len(tokens))
    known = np.zeros(len(tokens))
    curated = wm._curated()
    skip = (~tokens["curated"].to_numpy(bool)) & tokens["norm"].isin(list(curated)).to_numpy()  # nouns: see Scorer.word
    for i, key in enumerate(tokens["key"]):
        kn = counts.get(key)
        if kn is None or skip[i]:
            continue
        k, n = kn
        if leave_one_out:
            k, n = k - own[i], n - 1
        if n >= min_sentences:
            learned[i] = wm.learned_feature(k, n, base_rate=base_rate, smoothing=smoothing)
            known[i] = 1.0
    name = tokens["capital"].to_numpy(bool)
    base[name, wm.FEATURES.index("rarity")] = 0.0
    base[name, wm.FEATURES.index("rare_evaluative")] = 0.0
    return np.column_stack([base, np.maximum(learned, 0), np.minimum(learned, 0), known,
                            name.astype(float), tokens["intensified"].to_numpy(float),
                            tokens["reported"].to_numpy(float), tokens["length"].to_numpy(float)])


def fit(tokens: pd.DataFrame, *, smoothing: float, min_sentences: int, c: float, beta: float = 0.0,
        threshold: float = 0.5, hint_cap: float = 1.0) -> tuple[wm.Model, dict[str, tuple[int, int]]]:
    """Fit the learned word table and the logistic weights on ``tokens``.

    The word features are fitted by logistic regression on word occurrences; ``beta``, the
    weight of "other loaded words in the same sentence", is set from outside (chosen by
    cross-validated sentence ROC-AUC and F1, because it is a sentence-level effect).
    """
    from sklearn.linear_model import LogisticRegression

    counts = _counts(tokens)
    base_rate = float(tokens["y"].mean())
    x = _design(tokens, counts, base_rate=base_rate, smoothing=smoothing,
                min_sentences=min_sentences, leave_one_out=True)
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, tokens["y"].to_numpy())
    weights = np.append(clf.coef_[0], beta)
    model = wm.Model(float(clf.intercept_[0]), weights, base_rate, threshold, smoothing, min_sentences, hint_cap)
    return model, counts


def folds_of(n: int, k: int, seed: int = 0) -> np.ndarray:
    """Fold number of each sentence (random split by sentence, fixed seed)."""
    rng = np.random.default_rng(seed)
    return rng.permutation(np.arange(n) % k)


def cross_validated_scorers(frame: pd.DataFrame, tokens: pd.DataFrame, *, k: int, smoothing: float,
                            min_sentences: int, c: float) -> list[tuple[np.ndarray, wm.Scorer]]:
    """For each fold: its sentence indices and a scorer fitted on the other folds only."""
    fold = folds_of(len(frame), k)
    out = []
    for f in range(k):
        train_idx = np.flatnonzero(fold != f)
        model, counts = fit(tokens[tokens["sent"].isin(train_idx)], smoothing=smoothing,
                            min_sentences=min_sentences, c=c)
        out.append((np.flatnonzero(fold == f), wm.Scorer(model=model, learned=counts)))
    return out


def calibration_rows(frame: pd.DataFrame, idx: np.ndarray, scorer: wm.Scorer) -> pd.DataFrame:
    """The inputs of the sentence calibration for every cue of the sentences ``idx`` (scored by
    ``scorer``'s first stage), with the target: one of its words was marked by the experts."""
    rows = []
    for i in idx:
        marked = frame["marked"].iat[i]
        for term, z, quoted, marks, third, _ in wm._scan(frame["text"].iat[i], 0.0, scorer, None):
            rows.append((i, z, float(quoted), float(marks & 1), float(bool(marks & 2)), float(bool(marks & 4)), third,
                         int(bool(set(_words(term)) & marked))))
    return pd.DataFrame(rows, columns=["sent", "z", *wm.SENTENCE_FEATURES, "y"])


def fit_calibration(rows: pd.DataFrame, c: float = CALIBRATION_C) -> tuple[float, ...]:
    """``(scale, intercept, one weight per SENTENCE_FEATURES)`` by logistic regression of the
    expert marks on out-of-fold first-stage log-odds and the sentence features."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(rows[["z", *wm.SENTENCE_FEATURES]].to_numpy(), rows["y"].to_numpy())
    coef = clf.coef_[0]
    return (float(coef[0]), float(clf.intercept_[0]), *(float(w) for w in coef[1:]))


def calibrate_folds(frame: pd.DataFrame, scorers: list[tuple[np.ndarray, wm.Scorer]], beta: float, *,
                    hint_cap: float = 1.0) -> tuple[float, ...]:
    """Fit each fold's sentence calibration on the out-of-fold first-stage scores of the OTHER
    folds and set it on the fold's scorer; return the calibration fitted on all of them (to ship)."""
    parts = []
    for test_idx, scorer in scorers:
        scorer.w_nearby = beta
        scorer.hint_cap = hint_cap
        scorer.calibration = wm._IDENTITY
        parts.append(calibration_rows(frame, test_idx, scorer))
    for f, (_, scorer) in enumerate(scorers):
        scorer.calibration = fit_calibration(pd.concat([p for g, p in enumerate(parts) if g != f]))
    return fit_calibration(pd.concat(parts))


def cross_validated_cues(frame: pd.DataFrame, scorers: list[tuple[np.ndarray, wm.Scorer]],
                         beta: float, *, hint_cap: float = 1.0, learned: bool = True) -> list[list[tuple[str, float]]]:
    """Out-of-fold cues: each sentence scored by a model fitted without its fold (with
    ``learned=False`` the fold's learned word table is left out at scoring time; the fold's
    sentence calibration is kept)."""
    out: list[list[tuple[str, float]]] = [[] for _ in range(len(frame))]
    for test_idx, fitted in scorers:
        scorer = fitted if learned else wm.Scorer(model=fitted.model, learned={})
        scorer.calibration = fitted.calibration
        scorer.w_nearby = beta
        scorer.hint_cap = hint_cap
        for i, cues in zip(test_idx, model_cues(frame["text"].iloc[test_idx].tolist(), scorer), strict=True):
            out[i] = cues
    return out


def fold_spread(frame: pd.DataFrame, cues: list[list[tuple[str, float]]], threshold: float,
                scorers: list[tuple[np.ndarray, wm.Scorer]]) -> dict[str, tuple[float, float]]:
    """Mean and standard deviation over the folds of each figure (each fold's held-out sentences)."""
    per = []
    for test_idx, _ in scorers:
        sub = frame.iloc[test_idx].reset_index(drop=True)
        per.append(evaluate(sub, [cues[i] for i in test_idx], threshold))
    return {k: (float(np.mean([r[k] for r in per])), float(np.std([r[k] for r in per], ddof=1)))
            for k in ("precision", "recall", "f1", "top1", "auc")}


def best_threshold(frame: pd.DataFrame, cues: list[list[tuple[str, float]]]) -> float:
    """The flag threshold that maximises F1 on the given (out-of-fold) cues."""
    grid = np.round(np.arange(0.05, 0.75, 0.01), 2)
    f1s = [evaluate(frame, cues, t)["f1"] for t in grid]
    return float(grid[int(np.argmax(f1s))])


def write_model(model: wm.Model, counts: dict[str, tuple[int, int]], n_sentences: int, c: float) -> None:
    """Ship the fitted model and the learned table as CSV lexicons."""
    rationale = {
        "intercept": "log-odds of a word being expert-marked when every feature is 0",
        "base_rate": "share of candidate word occurrences experts marked as biased (prior of the learned rates)",
        "flag_threshold": "cues scoring at least this are counted as flags (chosen by cross-validated F1)",
        "smoothing": "prior strength (pseudo-sentences) of the smoothed learned rates",
        "min_sentences": "a word enters the learned table only if seen in at least this many sentences",
        "hint_cap": "highest score of a word without lexical evidence (rarity, shape or context only); chosen by cross-validation",
    }
    with open(LEXICON_DIR / "bias_model.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["term", "category", "weight", "rationale", "source"])
        src = f"logistic regression fitted on {n_sentences} BABE dev-half sentences by benchmarks/validate_bias_words.py --fit"
        w.writerow(["intercept", "parameter", f"{model.intercept:.6f}", rationale["intercept"], src])
        for name, weight in zip(wm.FEATURES, model.weights, strict=True):
            w.writerow([name, "coefficient", f"{weight:.6f}", f"weight of the feature: {wm.FEATURE_WORDS[name]}", src])
        for name in ("base_rate", "flag_threshold", "smoothing", "min_sentences", "hint_cap"):
            w.writerow([name, "parameter", f"{getattr(model, name if name != 'flag_threshold' else 'threshold')}",
                        rationale[name], src])
        w.writerow(["C", "parameter", f"{c}", "inverse regularisation strength of the logistic fit", src])
        cal_src = (f"sentence calibration: logistic regression on {n_sentences} BABE dev-half sentences' out-of-fold "
                   "word scores by benchmarks/validate_bias_words.py --fit")
        meaning = {"scale": "weight of the word's first-stage log-odds", "intercept": "log-odds shift of every word",
                   **{f: f"weight when {wm.SENTENCE_WORDS[f]}" for f in wm.SENTENCE_FEATURES}}
        meaning["third"] = "weight of the third-highest word score of the sentence (several loaded words)"
        for name, weight in zip(("scale", "intercept", *wm.SENTENCE_FEATURES), model.calibration, strict=True):
            w.writerow([f"calib_{name}", "calibration", f"{weight:.6f}", meaning[name], cal_src])
    with open(LEXICON_DIR / "learned_bias_words.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["term", "category", "k", "n", "rate", "rationale", "source"])
        for key in sorted(counts):
            k, n = counts[key]
            if n < model.min_sentences:
                continue
            rate = (k + model.smoothing * model.base_rate) / (n + model.smoothing)
            w.writerow([key, "learned", k, n, f"{rate:.4f}",
                        f"marked biased by experts in {k} of {n} sentences containing it (inflections pooled)", SOURCE])


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def _row(name: str, r: dict[str, float]) -> str:
    return (f"{name:<44} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} "
            f"{r['top1']:>6.1%} {r['auc']:>7.3f} {r['flags']:>7d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", nargs="?", default=str(DEFAULT_CSV))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--fit", action="store_true", help="refit and write the model files")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = Path(args.csv)
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    frame = load(path)
    tokens = _token_table(frame)
    print(f"{path.name}: {len(frame)} labelled sentences, {int(frame['label'].sum())} biased, "
          f"{sum(len(m) for m in frame['marked'])} distinct expert-marked words")

    if args.fit:
        best = None
        for smoothing in GRID_SMOOTHING:
            for min_sentences in GRID_MIN_SENTENCES:
                for c in GRID_C:
                    scorers = cross_validated_scorers(frame, tokens, k=args.folds, smoothing=smoothing,
                                                      min_sentences=min_sentences, c=c)
                    for beta in GRID_BETA:
                        for cap in GRID_HINT_CAP:
                            calibrate_folds(frame, scorers, beta, hint_cap=cap)
                            cues = cross_validated_cues(frame, scorers, beta, hint_cap=cap)
                            t = best_threshold(frame, cues)
                            r = evaluate(frame, cues, t)
                            goal = r["f1"] + r["top1"] + r["auc"]
                            print(f"  grid smoothing={smoothing} C={c} beta={beta} hint_cap={cap}: "
                                  f"CV F1 {r['f1']:.3f} top-1 {r['top1']:.1%} AUC {r['auc']:.3f} (threshold {t})")
                            if best is None or goal > best[0]:
                                best = (goal, smoothing, min_sentences, c, beta, cap, t)
        _, smoothing, min_sentences, c, beta, cap, t = best
        model, counts = fit(tokens, smoothing=smoothing, min_sentences=min_sentences, c=c, beta=beta, threshold=t,
                            hint_cap=cap)
        scorers = cross_validated_scorers(frame, tokens, k=args.folds, smoothing=smoothing,
                                          min_sentences=min_sentences, c=c)
        model = replace(model, calibration=calibrate_folds(frame, scorers, beta, hint_cap=cap))
        write_model(model, counts, len(frame), c)
        wm.clear_caches()
        print(f"fitted: smoothing={smoothing} min_sentences={min_sentences} C={c} beta={beta} hint_cap={cap} "
              f"flag threshold={t}")

    model = wm.load_model()
    t = model.threshold
    beta = float(model.weights[wm.FEATURES.index("nearby")])
    print(f"\nA flag = a cue with score >= {t:.2f} (the baseline flags subjectivity >= 0.5).")
    print(f"{'detector':<44} {'precision':>9} {'recall':>7} {'F1':>6} {'top-1':>6} {'ROC-AUC':>7} {'flags':>7}")
    baseline = evaluate(frame, [textblob_cues(x) for x in frame["text"]], 0.5)
    in_sample = evaluate(frame, model_cues(frame["text"].tolist()), t)
    print(_row("TextBlob lexicon (subjectivity >= 0.5)", baseline))
    print(_row("loaded_language, in-sample", in_sample))
    scorers = cross_validated_scorers(frame, tokens, k=args.folds, smoothing=model.smoothing,
                                      min_sentences=model.min_sentences, c=_shipped_c())
    calibrate_folds(frame, scorers, beta, hint_cap=model.hint_cap)
    rows = {}
    for label, learned in ((f"{args.folds}-fold CV", True), (f"{args.folds}-fold CV, without learned table", False)):
        cv = cross_validated_cues(frame, scorers, beta, hint_cap=model.hint_cap, learned=learned)
        print(_row(f"loaded_language, {label}", evaluate(frame, cv, t)))
        rows[label] = fold_spread(frame, cv, t, scorers)
    print(_row("loaded_language, shipped, without learned table",
               evaluate(frame, model_cues(frame["text"].tolist(), wm.Scorer(model=model, learned={})), t)))
    print("\nPer-fold mean ± standard deviation (each fold's held-out sentences):")
    for label, spread in rows.items():
        print(f"  {label:<40} " + "  ".join(
            f"{k} {m:.3f}±{sd:.3f}" for k, (m, sd) in spread.items()))
    print("Targets (dev half): F1 >= 0.45, top-1 >= 60%, ROC-AUC >= 0.78. Published: Spinde et al. 2021 F1 0.43.")
    if args.fit:
        write_validation({"baseline": baseline, "in_sample": in_sample, "cv": rows[f"{args.folds}-fold CV"],
                          "cv_no_learned": rows[f"{args.folds}-fold CV, without learned table"]}, args.folds, len(frame))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


def write_validation(figures: dict, folds: int, n_sentences: int) -> None:
    """Append the measured figures to ``bias_model.csv`` (category ``validation``) so notebooks can
    print them without the evaluation data: ``<row>_<figure>`` and, for cross-validated rows,
    ``<row>_<figure>_sd`` (standard deviation over the folds)."""
    src = (f"benchmarks/validate_bias_words.py --fit on {n_sentences} BABE dev-half sentences "
           f"({folds}-fold cross-validation by sentence)")
    meaning = {"baseline": "TextBlob lexicon as a detector (subjectivity >= 0.5)",
               "in_sample": "the shipped model on the sentences it was fitted to (optimistic)",
               "cv": "cross-validated: learned table and weights refitted without each fold (honest)",
               "cv_no_learned": "cross-validated, scored without the learned word table (other corpora)"}
    with open(LEXICON_DIR / "bias_model.csv", "a", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        for row, values in figures.items():
            for name in ("precision", "recall", "f1", "top1", "auc"):
                value = values[name]
                if isinstance(value, tuple):
                    w.writerow([f"{row}_{name}", "validation", f"{value[0]:.4f}", f"{name}: {meaning[row]}", src])
                    w.writerow([f"{row}_{name}_sd", "validation", f"{value[1]:.4f}",
                                f"{name}, standard deviation over the folds: {meaning[row]}", src])
                else:
                    w.writerow([f"{row}_{name}", "validation", f"{value:.4f}", f"{name}: {meaning[row]}", src])


def _shipped_c() -> float:
    """The regularisation strength used for the shipped model (recorded in its source line)."""
    try:
        frame = wm.load_lexicon("bias_model")
        values = dict(zip(frame["term"], frame["weight"], strict=True))
        return float(values.get("C", GRID_C[-1]))
    except Exception:  # noqa: BLE001
        return GRID_C[-1]


if __name__ == "__main__":
    raise SystemExit(main())
