#!/usr/bin/env python
"""The article-level question: does ranking articles by the suite's flags per 100 words follow the
experts' density of marked words?

Usage (from the project root)::

    PYTHONPATH=. .venv/bin/python benchmarks/article_level.py [BABE_CSV] [ARTICLES_JSONL] [--folds 5]
        [--boot 1000] [--min-sentences 1]

Defaults: ``../shared/eval/babe_dev.csv`` (the development half of BABE) and
``../shared/eval/mbic_articles.jsonl`` (the MBIC articles BABE's sentences were drawn from).

How it is built:

- every BABE sentence is looked up verbatim (then with whitespace folded) in the articles; an
  article with at least ``--min-sentences`` found sentences enters the benchmark;
- **expert density**: words the experts marked in the article's found biased sentences per 100
  words of all its found sentences (the experts read only those sentences, not the article);
- **suite rate**: flags (cues scoring at least the flag threshold) per 100 words of the whole
  article body, as the comparison reports it — all voices, and the narrator's voice alone
  (``analysis.voice``); also the same rate over the found sentences only (like for like);
- **TextBlob**: the article body's subjectivity, the baseline a user would otherwise reach for;
- **fold discipline**: the model, the learned word table and the sentence calibration are refitted
  for each of ``--folds`` folds *grouped by article*, without any sentence of the fold's articles
  (BABE sentences found in no article are spread over the folds at random), and each article is
  scored by the fit that never saw it. The shipped model (fitted on every dev sentence) is shown
  too, as the optimistic in-sample row.

Figures: Spearman ρ over articles, and pairwise agreement — over every pair of articles on the same
MBIC topic whose expert densities differ, the share the rate orders the same way (a tie in the rate
counts one half); also pairs on the same topic from different outlets. 95 % intervals by bootstrap
over articles (``--boot`` resamples; pairs are re-formed inside each resample).

What it cannot show: the experts' density rests on a few sentences per article (the rest of the
article was never annotated), MBIC topics are broader than one event, and BABE's sentences are US
political news; a high ρ here is agreement about *which articles read as loaded*, not proof of
bias. Prints figures; writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


from analysis.text import WORD_PATTERN  # noqa: E402
from analysis.tone import textblob_sentiment  # noqa: E402
from analysis.voice import NARRATOR, VoiceIndex, quotations  # noqa: E402
from analysis.wording import train  # noqa: E402
from analysis.wording.model import load_model  # noqa: E402
from analysis.wording.scan import Scorer, default_scorer, scan  # noqa: E402

DEFAULT_BABE = ROOT.parent / "shared" / "eval" / "babe_dev.csv"
DEFAULT_ARTICLES = ROOT.parent / "shared" / "eval" / "mbic_articles.jsonl"


def _n_words(text: str) -> int:
    return sum(1 for _ in WORD_PATTERN.finditer(text))


_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "\u00a0": " "})


def _fold(text: str) -> str:
    """Quotation marks, dashes and runs of whitespace folded (a fallback for matching)."""
    return " ".join(text.translate(_FOLD).split())


def match_sentences(frame: pd.DataFrame, articles: list[dict]) -> np.ndarray:
    """Index of the article holding each sentence verbatim (quotation marks, dashes and whitespace
    folded as a fallback), -1 if none."""
    out = np.full(len(frame), -1)
    for form in (lambda t: t, _fold):
        texts = [form(a["text"]) for a in articles]
        joined = "\x00".join(texts)
        starts = np.cumsum([0] + [len(t) + 1 for t in texts])
        for i, text in enumerate(frame["text"]):
            if out[i] < 0:
                pos = joined.find(form(text))
                if pos >= 0:
                    out[i] = int(np.searchsorted(starts, pos, side="right") - 1)
    return out


def article_table(frame: pd.DataFrame, articles: list[dict], where: np.ndarray, min_sentences: int) -> pd.DataFrame:
    """One row per article with found sentences: expert density and the found sentences."""
    rows = []
    for a in sorted(set(where[where >= 0].tolist())):
        idx = np.flatnonzero(where == a)
        if len(idx) < min_sentences:
            continue
        words = sum(_n_words(frame["text"].iat[i]) for i in idx)
        marked = sum(len(frame["marked"].iat[i]) for i in idx)
        rows.append({"article": a, "outlet": articles[a]["outlet"], "topic": articles[a]["topic"],
                     "sentences": idx.tolist(), "n_sentences": len(idx), "sentence_words": words,
                     "expert_density": 100 * marked / max(words, 1)})
    return pd.DataFrame(rows)


def article_folds(frame: pd.DataFrame, where: np.ndarray, table: pd.DataFrame, k: int, seed: int = 0) -> np.ndarray:
    """Fold of each sentence: grouped by article for found sentences, random for the rest."""
    rng = np.random.default_rng(seed)
    article_ids = sorted(set(where[where >= 0].tolist()))
    article_fold = dict(zip(article_ids, rng.permutation(np.arange(len(article_ids)) % k), strict=True))
    fold = rng.permutation(np.arange(len(frame)) % k)
    for i, a in enumerate(where):
        if a >= 0:
            fold[i] = article_fold[a]
    return fold


def fold_scorers(frame: pd.DataFrame, tokens: pd.DataFrame, fold: np.ndarray, k: int) -> list[tuple[np.ndarray, Scorer]]:
    """A scorer per fold fitted without the fold's sentences (weights, learned table, calibration),
    with the shipped hyper-parameters."""
    model = load_model()
    beta = model.weight("nearby")
    scorers = []
    for f in range(k):
        kept = np.flatnonzero(fold != f)
        fitted, counts = train.fit(tokens[tokens["sent"].isin(kept)], smoothing=model.smoothing,
                                   min_sentences=model.min_sentences, c=model.c, beta=beta,
                                   threshold=model.threshold, hint_cap=model.hint_cap,
                                   lean_smoothing=model.lean_smoothing)
        scorers.append((np.flatnonzero(fold == f), Scorer(model=fitted, learned=counts)))
    calibrated, _ = train.calibrate_folds(frame, scorers, beta, hint_cap=model.hint_cap)
    return calibrated


def rates(text: str, scorer: Scorer, threshold: float) -> tuple[float, float]:
    """Flags per 100 words of ``text``: every voice, and the narrator's voice alone."""
    cues = scan(text, min_score=threshold, scorer=scorer)
    words = max(_n_words(text), 1)
    index = VoiceIndex(quotations(text))
    flags = [c for c in cues if c.score >= threshold]
    narrator = sum(1 for c in flags if index.voice(c.start)[0] == NARRATOR)
    return 100 * len(flags) / words, 100 * narrator / words


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    from scipy.stats import spearmanr

    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return float(spearmanr(x, y).statistic)


def pair_agreement(table: pd.DataFrame, column: str, *, cross_outlet: bool = False) -> tuple[float, int]:
    """Share of same-topic article pairs with different expert density that ``column`` orders the
    same way (ties in ``column`` count one half), and the number of pairs."""
    hits = 0.0
    n = 0
    for _, group in table.groupby("topic"):
        e = group["expert_density"].to_numpy(float)
        r = group[column].to_numpy(float)
        i, j = np.triu_indices(len(group), k=1)
        keep = e[i] != e[j]
        if cross_outlet:
            o = group["outlet"].to_numpy()
            keep &= o[i] != o[j]
        d = (r[i] - r[j])[keep] * (e[i] - e[j])[keep]
        n += int(keep.sum())
        hits += float((d > 0).sum() + 0.5 * (d == 0).sum())
    return (hits / n if n else float("nan")), n


def bootstrap(table: pd.DataFrame, column: str, boot: int, seed: int = 1) -> dict[str, tuple[float, float, float]]:
    """Point estimate and 95 % bootstrap interval (resampling articles) of ρ and pair agreement."""
    rng = np.random.default_rng(seed)
    point = {
        "rho": spearman(table["expert_density"].to_numpy(), table[column].to_numpy()),
        "pairs": pair_agreement(table, column)[0],
        "pairs_cross": pair_agreement(table, column, cross_outlet=True)[0],
    }
    samples: dict[str, list[float]] = {k: [] for k in point}
    for _ in range(boot):
        sample = table.iloc[rng.integers(0, len(table), len(table))].reset_index(drop=True)
        samples["rho"].append(spearman(sample["expert_density"].to_numpy(), sample[column].to_numpy()))
        samples["pairs"].append(pair_agreement(sample, column)[0])
        samples["pairs_cross"].append(pair_agreement(sample, column, cross_outlet=True)[0])
    out = {}
    for key, value in point.items():
        lo, hi = np.nanpercentile(samples[key], [2.5, 97.5])
        out[key] = (value, float(lo), float(hi))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("babe", nargs="?", default=str(DEFAULT_BABE))
    parser.add_argument("articles", nargs="?", default=str(DEFAULT_ARTICLES))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--boot", type=int, default=1000)
    parser.add_argument("--min-sentences", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    for path in (Path(args.babe), Path(args.articles)):
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    frame = train.load_annotations(Path(args.babe))
    with open(args.articles, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    where = match_sentences(frame, articles)
    table = article_table(frame, articles, where, args.min_sentences)
    print(f"{Path(args.babe).name}: {len(frame)} labelled sentences, {int((where >= 0).sum())} found verbatim in "
          f"{Path(args.articles).name}, {len(table)} articles with at least {args.min_sentences} "
          f"(median {table['n_sentences'].median():.0f} sentences, {table['topic'].nunique()} topics, "
          f"{table['outlet'].nunique()} outlets)")

    tokens = train.token_table(frame)
    fold = article_folds(frame, where, table, args.folds)
    scorers = fold_scorers(frame, tokens, fold, args.folds)
    shipped = default_scorer()
    threshold = load_model().threshold
    cv_all, cv_narr, cv_sent, in_all, in_narr, subjectivity = [], [], [], [], [], []
    for row in table.itertuples(index=False):
        body = articles[row.article]["text"]
        scorer = next(s for idx, s in scorers if row.sentences[0] in set(idx.tolist()))
        a, n = rates(body, scorer, threshold)
        cv_all.append(a)
        cv_narr.append(n)
        cv_sent.append(rates(" ".join(frame["text"].iat[i] for i in row.sentences), scorer, threshold)[0])
        a, n = rates(body, shipped, threshold)
        in_all.append(a)
        in_narr.append(n)
        subjectivity.append(textblob_sentiment(body)[1])
    table = table.assign(cv_all=cv_all, cv_narrator=cv_narr, cv_sentences=cv_sent, shipped_all=in_all,
                         shipped_narrator=in_narr, textblob_subjectivity=subjectivity)

    rows = [
        ("flags/100 words, all voices (CV by article)", "cv_all"),
        ("flags/100 words, narrator only (CV by article)", "cv_narrator"),
        ("flags/100 words, found sentences only (CV)", "cv_sentences"),
        ("flags/100 words, all voices, shipped (in-sample)", "shipped_all"),
        ("flags/100 words, narrator, shipped (in-sample)", "shipped_narrator"),
        ("TextBlob subjectivity of the body", "textblob_subjectivity"),
    ]
    n_pairs = pair_agreement(table, "cv_all")[1]
    n_cross = pair_agreement(table, "cv_all", cross_outlet=True)[1]
    print(f"\n{len(table)} articles; {n_pairs} same-topic pairs with different expert density "
          f"({n_cross} of them across outlets). 95% bootstrap intervals over articles ({args.boot} resamples).")
    print(f"{'rate':<50} {'Spearman rho':>22} {'same-topic pairs':>22} {'... across outlets':>22}")
    for label, column in rows:
        b = bootstrap(table, column, args.boot)
        print(f"{label:<50} " + " ".join(f"{v:>6.3f} [{lo:.3f}, {hi:.3f}]" for v, lo, hi in
                                          (b["rho"], b["pairs"], b["pairs_cross"])))
    quoted_share = 1 - (table["cv_narrator"].sum() / max(table["cv_all"].sum(), 1e-9))
    print(f"\nShare of flags inside quotations or attributed speech (CV): {quoted_share:.1%}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
