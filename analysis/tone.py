"""Tone: TextBlob polarity and subjectivity, the words behind them, and what they cannot see.

TextBlob and VADER are scored here (through the project's checked copies in
``analysis.instruments``) and nowhere else in the package.

What the measure means: TextBlob's PatternAnalyzer averages the polarity (-1..1) and
subjectivity (0..1) of the adjectives and a few other words it finds in its lexicon of about
2,900 entries, with simple handling of "not" and intensifiers ("very"). What it cannot see:
words outside its lexicon ("masterstroke", "symbolic", "stalemate" score nothing), irony,
framing, who a sentence is about, and what an article leaves out.

A second instrument, VADER (Hutto & Gilbert 2014, a lexicon and rules tuned on social-media
text), scores every sentence too; where the two disagree in sign, neither is "right": the
disagreement shows how much a tone figure depends on the instrument.

``analyze_tone(articles, sentences)`` gathers everything in a ``ToneResult``:

- ``articles``: polarity and subjectivity of each cleaned body, the same with the boilerplate
  left in (to show what page furniture does to a score), mean VADER compound of its sentences;
- ``sentences``: the same figures per sentence, with its relative position and a rolling mean;
- ``driving_words``: the words (or "not good"-style phrases) that made each article's score;
- ``unscored_loaded``: loaded words a reader notices that TextBlob's lexicon scores 0;
- ``disagreements``: sentences where TextBlob and VADER point in opposite directions;
- ``actors``: tone of the sentences that mention each actor, with a bootstrap interval.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from analysis.actors import actor_mentions
from analysis.categories import cue_categories
from analysis.instruments import _textblob_fast, _vader_fast
from analysis.instruments._textblob_fast import assess as _assess
from analysis.instruments._textblob_fast import assess_sentences as _assess_sentences
from analysis.instruments._textblob_fast import mean as _mean
from analysis.instruments._textblob_fast import tokens as _tokens
from analysis.instruments.words import lexicon_entry
from analysis.jsonable import records
from analysis.text import normalize_token, word_spans
from analysis.wording import flag_threshold, has_lexical_evidence, loaded_language

__all__ = [
    "ToneResult",
    "analyze_tone",
    "bootstrap_mean_ci",
    "lexicon_entry",
    "sentence_tone",
    "text_assessments",
    "textblob_sentiment",
    "unscored_loaded",
    "vader_compound",
]

#: Scores closer to zero than this are "neutral" when comparing the sign of two instruments.
NEUTRAL_BAND = 0.05
#: Fewer sentences than this about an actor: the mean is flagged as a small sample.
SMALL_SAMPLE = 5

_ARTICLE_COLUMNS = [
    "article_id",
    "polarity",
    "subjectivity",
    "polarity_with_boilerplate",
    "subjectivity_with_boilerplate",
    "vader_compound",
    "n_sentences",
    "n_scored_sentences",
    "n_assessed",
]
_SENTENCE_COLUMNS = [
    "article_id",
    "sent_id",
    "polarity",
    "subjectivity",
    "vader_compound",
    "n_assessed",
    "position",
    "polarity_rolling",
    "text",
]
_WORD_COLUMNS = ["article_id", "term", "polarity", "subjectivity", "count", "contribution"]
_ASSESSMENT_COLUMNS = ["article_id", "sent_id", "term", "polarity", "subjectivity"]
_UNSCORED_COLUMNS = ["article_id", "term", "category", "count", "score", "textblob_polarity", "why"]
_DISAGREEMENT_COLUMNS = [
    "article_id",
    "sent_id",
    "polarity",
    "vader_compound",
    "textblob_words",
    "text",
]
_ACTOR_COLUMNS = [
    "article_id",
    "actor",
    "n_sentences",
    "polarity",
    "subjectivity",
    "vader_compound",
    "ci_low",
    "ci_high",
    "small_sample",
]


# ---------------------------------------------------------------------------------------------
# TextBlob, one word and one text
# ---------------------------------------------------------------------------------------------


def textblob_sentiment(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) of ``text`` from TextBlob's PatternAnalyzer (works offline).

    Equal to ``TextBlob(text).sentiment``, computed by the project's linear copy of TextBlob's
    tokenizer and assessments (:mod:`analysis.instruments._textblob_fast`; TextBlob's own
    tokenizer is quadratic on long runs of punctuation).
    """
    return _textblob_fast.sentiment(text)


def text_assessments(text: str) -> pd.DataFrame:
    """The words TextBlob scored in ``text``, in order: ``term, polarity, subjectivity``.

    A term is one lexicon word, or a phrase when a negation or intensifier was attached to it
    ("not good", "very bad"). ``polarity`` of the text is the plain mean of this column, so every
    word the lexicon knows, even at 0.0, weighs as much as any other.

    >>> text_assessments("The offer was not good.")["term"].tolist()
    ['not good']
    """
    return pd.DataFrame(_assess(_tokens(text)), columns=["term", "polarity", "subjectivity"])


def vader_compound(text: str) -> float:
    """VADER's compound score of ``text`` (-1..1): a second lexicon with rules for negation,
    intensifiers, capitals and "but". Tuned on social media; it misses the same kind of thing
    TextBlob misses (unknown words, irony, framing), but not always in the same places.

    Equal to ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``, computed by the
    project's copy of VADER's rules (:mod:`analysis.instruments._vader_fast`).
    """
    return _vader_fast.compound(text)


# ---------------------------------------------------------------------------------------------
# Scoring articles: each sentence tokenized once
# ---------------------------------------------------------------------------------------------


def _score_article(sentence_texts: Sequence[str], extra_text: str) -> dict[str, Any]:
    """Score one article from its sentences (and its boilerplate, for the "raw" figure).

    Tokens are made once per sentence. The article's figures come from one TextBlob assessment
    pass over the concatenated tokens, which is exactly what ``TextBlob(body).sentiment`` reads
    (TextBlob carries "not" and "very" across sentence ends, so a mean of sentence scores
    would differ); each sentence then gets its own pass.
    """
    tokens = [_tokens(t) for t in sentence_texts]
    per_sentence, document = _assess_sentences(tokens)
    extra_tokens = _tokens(extra_text) if extra_text.strip() else []
    raw = _assess(list(chain.from_iterable(tokens)) + extra_tokens) if extra_tokens else document
    return {
        "document": document,
        "raw": raw,
        "sentences": per_sentence,
        "vader": [vader_compound(t) for t in sentence_texts],
    }


def _score_pair(pair: tuple[Sequence[str], str]) -> dict[str, Any]:
    return _score_article(*pair)


def _map_articles(inputs: list[tuple[list[str], str]], *, n_jobs: int) -> list[dict[str, Any]]:
    """``_score_article`` over every article, in order, in ``n_jobs`` processes (1: here)."""
    workers = (os.cpu_count() or 1) if n_jobs < 0 else max(1, n_jobs)
    workers = min(workers, len(inputs))
    if workers <= 1:
        return [_score_pair(pair) for pair in inputs]
    chunk = max(1, len(inputs) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_score_pair, inputs, chunksize=chunk))


def _boilerplate_text(pieces: Any) -> str:
    """The removed furniture of one article as one text (paragraph-separated)."""
    if not isinstance(pieces, (list, tuple, np.ndarray)):
        return ""
    texts = [str(p.get("text", "")) if isinstance(p, dict) else str(p) for p in pieces]
    return "\n\n".join(t for t in texts if t.strip())


def sentence_tone(sentences: pd.DataFrame) -> pd.DataFrame:
    """TextBlob polarity/subjectivity and VADER compound of every sentence.

    Returns ``article_id, sent_id, polarity, subjectivity, vader_compound, n_assessed`` where
    ``n_assessed`` counts the words TextBlob found in its lexicon (0: the sentence is "neutral"
    only because the lexicon knows none of its words).
    """
    rows = []
    for article_id, sent_id, text in zip(
        sentences["article_id"], sentences["sent_id"], sentences["text"], strict=True
    ):
        found = _assess(_tokens(text))
        rows.append(
            (
                article_id,
                int(sent_id),
                _mean([p for _, p, _ in found]),
                _mean([s for _, _, s in found]),
                vader_compound(text),
                len(found),
            )
        )
    return pd.DataFrame(
        rows,
        columns=["article_id", "sent_id", "polarity", "subjectivity", "vader_compound", "n_assessed"],
    )


# ---------------------------------------------------------------------------------------------
# Loaded words the lexicon cannot score
# ---------------------------------------------------------------------------------------------


def _textblob_polarity_of_term(term: str) -> float | None:
    """Largest absolute TextBlob polarity among the words of ``term``; None if it knows none."""
    values = [lexicon_entry(normalize_token(tok)) for _, _, tok in word_spans(term)]
    known = [v[0] for v in values if v is not None]
    if not known:
        return None
    return max(known, key=abs)


def unscored_loaded(
    cues: pd.DataFrame,
    *,
    categories: Sequence[str] | None = None,
    min_score: float = 0.0,
    lexical_only: bool = True,
) -> pd.DataFrame:
    """Loaded words a reader notices that TextBlob's lexicon scores 0 (or does not know).

    ``cues`` is a table of wording cues (``analysis.wording.loaded_language``: ``term,
    category, score, why``, with ``article_id`` when it covers several articles). A cue is kept
    when its category is one of ``categories`` (default: those the cue-category registry marks
    ``unscored``, loaded words and labels), its ``score`` (if given) is at least ``min_score``,
    with ``lexical_only`` its ``evidence`` (if given) includes a lexicon or learned rate (a word
    flagged only for being rare is a hint, not a loaded word), and no word of its term has a
    non-zero polarity in TextBlob's lexicon. Returns ``article_id,
    term, category, count, score, textblob_polarity, why``: one row per article and lower-cased
    term, highest score first; ``textblob_polarity`` is None for words the lexicon lacks.

    What this shows: how much of an article's evaluative wording is invisible to the polarity
    figure. What it cannot see: it trusts the cue list; a loaded word missing from it is missed.
    """
    if cues is None or len(cues) == 0 or "term" not in cues.columns:
        return pd.DataFrame(columns=_UNSCORED_COLUMNS)
    frame = cues.copy()
    if "category" not in frame.columns:
        frame["category"] = "loaded"
    if categories is None:
        categories = [c.name for c in cue_categories() if c.unscored]
    frame = frame.loc[frame["category"].isin(list(categories))]
    if lexical_only and "evidence" in frame.columns:
        frame = frame.loc[has_lexical_evidence(frame["evidence"]).to_numpy()]
    if "score" not in frame.columns:
        frame["score"] = math.nan
    else:
        frame = frame.loc[frame["score"].isna() | (frame["score"] >= min_score)]
    if "article_id" not in frame.columns:
        frame["article_id"] = None
    if "why" not in frame.columns:
        frame["why"] = ""
    frame["term"] = frame["term"].astype(str).map(normalize_token)
    scores = {t: _textblob_polarity_of_term(t) for t in frame["term"].unique()}
    frame["textblob_polarity"] = frame["term"].map(scores)
    unscored = frame.loc[frame["textblob_polarity"].isna() | (frame["textblob_polarity"] == 0)]
    if unscored.empty:
        return pd.DataFrame(columns=_UNSCORED_COLUMNS)
    unscored = unscored.sort_values("score", ascending=False, kind="stable")
    out = (
        unscored.groupby(["article_id", "term"], sort=False, dropna=False)
        .agg(
            category=("category", "first"),
            count=("term", "size"),
            score=("score", "max"),
            textblob_polarity=("textblob_polarity", "first"),
            why=("why", "first"),
        )
        .reset_index()
    )
    order = {a: i for i, a in enumerate(pd.unique(frame["article_id"]))}
    out = out.sort_values(
        ["article_id", "score"],
        ascending=[True, False],
        key=lambda s: s.map(order) if s.name == "article_id" else s,
        kind="stable",
    ).reset_index(drop=True)
    out["textblob_polarity"] = (
        out["textblob_polarity"].astype(object).where(out["textblob_polarity"].notna(), None)
    )
    return out[_UNSCORED_COLUMNS]


def _wording_cues(articles: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """Loaded-language cues of every body from ``analysis.wording`` (and no note: the second
    value is kept for callers that print a note when cues are missing)."""
    frames = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        cues = loaded_language(str(body))
        if len(cues):
            frames.append(cues.assign(article_id=article_id))
    if not frames:
        return pd.DataFrame(columns=["article_id", "term", "category"]), None
    return pd.concat(frames, ignore_index=True), None


# ---------------------------------------------------------------------------------------------
# Bootstrap
# ---------------------------------------------------------------------------------------------


def bootstrap_mean_ci(
    frame: pd.DataFrame,
    *,
    value: str,
    by: Sequence[str],
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    chunk: int = 4_000_000,
) -> pd.DataFrame:
    """Mean of ``value`` per group of ``by``, with a percentile bootstrap interval.

    Returns ``*by, n, mean, ci_low, ci_high``; the interval is NaN for groups of fewer than
    two values. Groups of the same size are resampled together in one numpy array (no Python
    loop per group); ``seed`` makes the figures repeatable.

    What it means: how much the mean would move if the same article had happened to contain a
    slightly different set of such sentences. What it cannot see: the sentences of one article
    are not independent draws, and a tight interval around a lexicon's score is still that
    lexicon's score.
    """
    by = list(by)
    values = frame[by + [value]].dropna(subset=[value])
    groups = values.groupby(by, sort=True, dropna=False)[value]
    arrays = {key if isinstance(key, tuple) else (key,): np.asarray(v, dtype=float) for key, v in groups}
    keys = list(arrays)
    rng = np.random.default_rng(seed)
    lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
    results: dict[Any, tuple[int, float, float, float]] = {}
    by_size: dict[int, list[Any]] = {}
    for key in keys:
        by_size.setdefault(len(arrays[key]), []).append(key)
    for size in sorted(by_size):
        members = by_size[size]
        matrix = np.stack([arrays[k] for k in members])  # (groups, size)
        means = matrix.mean(axis=1)
        if size < 2:
            for key, mean in zip(members, means, strict=True):
                results[key] = (size, float(mean), math.nan, math.nan)
            continue
        step = max(1, chunk // (n_boot * size))
        for first in range(0, len(members), step):
            block = matrix[first : first + step]
            picks = rng.integers(0, size, size=(block.shape[0], n_boot, size))
            resampled = np.take_along_axis(block[:, None, :], picks, axis=2).mean(axis=2)
            lows, highs = np.quantile(resampled, [lo_q, hi_q], axis=1)
            for offset, key in enumerate(members[first : first + step]):
                mean = float(means[first + offset])
                # Guard the last bit of floating-point noise so the interval holds its mean.
                results[key] = (size, mean, min(float(lows[offset]), mean), max(float(highs[offset]), mean))
    rows = []
    for key in keys:
        rows.append((*key, *results[key]))
    return pd.DataFrame(rows, columns=[*by, "n", "mean", "ci_low", "ci_high"])


# ---------------------------------------------------------------------------------------------
# The whole tone section
# ---------------------------------------------------------------------------------------------


@dataclass
class ToneResult:
    """Every tone table of one comparison (see the module docstring for what each holds)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    driving_words: pd.DataFrame
    assessments: pd.DataFrame
    unscored_loaded: pd.DataFrame
    disagreements: pd.DataFrame
    actors: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    def to_json(self, *, top_words: int = 15) -> dict[str, Any]:
        """The design's ``tone`` section: JSON-safe types, floats to 4 places, NaN as None.

        ``driving_words`` lists each article's ``top_words`` terms that weigh most in its score.
        """
        words = self.driving_words.assign(weight=self.driving_words["contribution"].abs()).sort_values(
            ["weight", "count", "term"], ascending=[False, False, True]
        )
        words_by = {aid: group for aid, group in words.groupby("article_id", sort=False)}
        loaded_by = {
            aid: [str(t) for t in group["term"]]
            for aid, group in self.unscored_loaded.groupby("article_id", sort=False)
        }
        no_words = words.iloc[0:0]
        articles = []
        for row in records(
            self.articles,
            [
                "article_id",
                "polarity",
                "subjectivity",
                "vader_compound",
                "polarity_with_boilerplate",
                "n_sentences",
                "n_assessed",
            ],
        ):
            aid = row["article_id"]
            row["driving_words"] = records(
                words_by.get(aid, no_words).head(top_words),
                ["term", "polarity", "subjectivity", "count", "contribution"],
            )
            row["unscored_loaded"] = loaded_by.get(aid, [])
            articles.append(row)
        return {
            "articles": articles,
            "sentences": records(
                self.sentences,
                ["article_id", "sent_id", "polarity", "subjectivity", "vader_compound", "n_assessed"],
            ),
            "actors": records(self.actors, _ACTOR_COLUMNS),
            "disagreements": records(
                self.disagreements, ["article_id", "sent_id", "polarity", "vader_compound"]
            ),
        }


def _actor_tone(
    sentence_scores: pd.DataFrame, sentences: pd.DataFrame, *, n_boot: int, seed: int,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Tone of the sentences that mention each actor, per article (see ``analyze_tone``)."""
    mentions = actor_mentions(sentences) if mentions is None else mentions
    if mentions.empty:
        return pd.DataFrame(columns=_ACTOR_COLUMNS)
    about = mentions[["article_id", "sent_id", "actor"]].drop_duplicates()
    scored = about.merge(sentence_scores, on=["article_id", "sent_id"], how="inner")
    means = (
        scored.groupby(["article_id", "actor"], sort=False)
        .agg(
            n_sentences=("sent_id", "size"),
            subjectivity=("subjectivity", "mean"),
            vader_compound=("vader_compound", "mean"),
        )
        .reset_index()
    )
    ci = bootstrap_mean_ci(scored, value="polarity", by=["article_id", "actor"], n_boot=n_boot, seed=seed)
    out = means.merge(
        ci.rename(columns={"mean": "polarity"}).drop(columns="n"), on=["article_id", "actor"], how="left"
    )
    out["small_sample"] = out["n_sentences"] < SMALL_SAMPLE
    order = {a: i for i, a in enumerate(pd.unique(sentence_scores["article_id"]))}
    out = out.sort_values(
        ["article_id", "n_sentences", "actor"],
        key=lambda s: s.map(order) if s.name == "article_id" else s,
        ascending=[True, False, True],
    )
    return out[_ACTOR_COLUMNS].reset_index(drop=True)


def analyze_tone(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    cues: pd.DataFrame | None = None,
    loaded_min_score: float | None = None,
    neutral_band: float = NEUTRAL_BAND,
    window: int = 5,
    n_boot: int = 2000,
    seed: int = 0,
    n_jobs: int = 1,
    mentions: pd.DataFrame | None = None,
) -> ToneResult:
    """Tone of each article, sentence and actor, by two lexicon instruments.

    Args:
        articles, sentences: the tables from ``analysis.corpus.load_corpus``.
        cues: wording cues (``article_id, term, category, score``) if already computed; by
            default ``analysis.wording.loaded_language`` is run on every body.
        loaded_min_score: wording cues scoring below this (0..1) are left out of
            ``unscored_loaded``; by default the wording model's flag threshold, so the list holds
            the cues the wording analysis itself would flag (with lexical evidence).
        neutral_band: scores with ``|score| < neutral_band`` count as neutral when the two
            instruments' signs are compared.
        window: sentences in the rolling mean of the tone arc.
        n_boot, seed: bootstrap resamples for the actor intervals, and the random seed.
        mentions: actor mentions already found (``analysis.actors.actor_mentions``: discovered
            actors, extended by a user's actor table); found here when None.
        n_jobs: processes scoring articles in parallel (-1: one per core); worth it from a few
            hundred articles on. Results do not depend on it.

    What the numbers mean: the average lexicon score of the words each instrument knows.
    What they cannot see: words outside the lexicons, irony, quotation (a quoted insult counts
    as the article's), who is praised or blamed, and what an article leaves out. A mean over a
    handful of sentences (``small_sample``) is an anecdote, not a finding.
    """
    notes: list[str] = []
    if len(articles) == 1:
        notes.append("one article: these are its tone figures; a comparison needs two or more")
    by_article = {
        aid: grp
        for aid, grp in sentences.sort_values(["article_id", "sent_id"]).groupby("article_id", sort=False)
    }
    article_rows: list[tuple[Any, ...]] = []
    sentence_rows: list[tuple[Any, ...]] = []
    word_rows: list[tuple[str, str, float, float]] = []
    assessment_rows: list[tuple[str, int, str, float, float]] = []
    ids = list(articles["article_id"])
    pieces_column = articles["boilerplate"] if "boilerplate" in articles.columns else [None] * len(ids)
    inputs = []
    for article_id, pieces in zip(ids, pieces_column, strict=True):
        sents = by_article.get(article_id)
        texts = [] if sents is None else [str(t) for t in sents["text"]]
        inputs.append((texts, _boilerplate_text(pieces)))
    for article_id, (texts, _), scored in zip(ids, inputs, _map_articles(inputs, n_jobs=n_jobs), strict=True):
        sents = by_article.get(article_id)
        sent_ids = [] if sents is None else [int(i) for i in sents["sent_id"]]
        document, raw = scored["document"], scored["raw"]
        vader = scored["vader"]
        n = len(texts)
        for sent_id, text, found, compound in zip(sent_ids, texts, scored["sentences"], vader, strict=True):
            sentence_rows.append(
                (
                    article_id,
                    sent_id,
                    _mean([p for _, p, _ in found]),
                    _mean([s for _, _, s in found]),
                    compound,
                    len(found),
                    sent_id / (n - 1) if n > 1 else 0.0,
                    text,
                )
            )
            assessment_rows.extend((article_id, sent_id, term, p, s) for term, p, s in found)
        word_rows.extend((article_id, term, p, s) for term, p, s in document)
        article_rows.append(
            (
                article_id,
                _mean([p for _, p, _ in document]),
                _mean([s for _, _, s in document]),
                _mean([p for _, p, _ in raw]),
                _mean([s for _, _, s in raw]),
                float(np.mean(vader)) if vader else math.nan,
                n,
                sum(1 for found in scored["sentences"] if found),
                len(document),
            )
        )
    article_table = pd.DataFrame(article_rows, columns=_ARTICLE_COLUMNS)

    sentence_table = pd.DataFrame(
        sentence_rows,
        columns=[c for c in _SENTENCE_COLUMNS if c != "polarity_rolling"],
    )
    sentence_table["polarity_rolling"] = sentence_table.groupby("article_id", sort=False)[
        "polarity"
    ].transform(lambda s: s.rolling(window, center=True, min_periods=1).mean())
    sentence_table = sentence_table[_SENTENCE_COLUMNS]

    words = pd.DataFrame(word_rows, columns=["article_id", "term", "polarity", "subjectivity"])
    totals = words.groupby("article_id", sort=False)["term"].transform("size")
    words["share"] = words["polarity"] / totals
    driving = (
        words.groupby(["article_id", "term"], sort=False)
        .agg(
            polarity=("polarity", "mean"),
            subjectivity=("subjectivity", "mean"),
            count=("term", "size"),
            contribution=("share", "sum"),
        )
        .reset_index()
    )
    driving = driving.assign(weight=driving["contribution"].abs()).sort_values(
        ["article_id", "weight", "term"],
        ascending=[True, False, True],
        key=lambda s: (
            s.map({a: i for i, a in enumerate(articles["article_id"])}) if s.name == "article_id" else s
        ),
    )
    driving = driving[_WORD_COLUMNS].reset_index(drop=True)

    if cues is None:
        cues, problem = _wording_cues(articles)
        if problem:
            notes.append(problem)
            warnings.warn(f"tone: {problem}; unscored_loaded is empty", RuntimeWarning, stacklevel=2)
    if loaded_min_score is None:
        loaded_min_score = flag_threshold()
    loaded = unscored_loaded(cues, min_score=loaded_min_score)

    band = sentence_table[["polarity", "vader_compound"]]
    opposite = (
        (band["polarity"].abs() >= neutral_band)
        & (band["vader_compound"].abs() >= neutral_band)
        & (np.sign(band["polarity"]) != np.sign(band["vader_compound"]))
    )
    assessed = pd.DataFrame(assessment_rows, columns=_ASSESSMENT_COLUMNS)
    words_by_sentence = (
        assessed.groupby(["article_id", "sent_id"], sort=False)["term"]
        .agg(", ".join)
        .rename("textblob_words")
    )
    disagreements = (
        sentence_table.loc[opposite]
        .merge(words_by_sentence.reset_index(), on=["article_id", "sent_id"], how="left")[
            _DISAGREEMENT_COLUMNS
        ]
        .reset_index(drop=True)
    )

    actors = _actor_tone(
        sentence_table[["article_id", "sent_id", "polarity", "subjectivity", "vader_compound"]],
        sentences,
        n_boot=n_boot,
        seed=seed,
        mentions=mentions,
    )
    return ToneResult(
        articles=article_table,
        sentences=sentence_table,
        driving_words=driving,
        assessments=assessed,
        unscored_loaded=loaded,
        disagreements=disagreements,
        actors=actors,
        notes=notes,
    )
