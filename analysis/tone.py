"""Tone: TextBlob polarity and subjectivity, the words behind them, and what they cannot see.

The tone of an article is read from its annotation (``analysis.annotate``: TextBlob's
assessments and VADER's compound of every sentence, scored there once through the project's
checked copies in ``analysis.instruments``); the single-text helpers here use the same copies.

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
- ``unscored_loaded``: loaded words a reader notices that TextBlob's lexicon scores 0 — a view
  where the tone and wording lenses meet, filled in by the comparison
  (``analysis.compare.unscored_loaded``), empty when the tone lens runs alone;
- ``disagreements``: sentences where TextBlob and VADER point in opposite directions;
- ``actors``: tone of the sentences that mention each actor, with a bootstrap interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.actors import actor_mentions
from analysis.annotate import Annotation, annotate_many
from analysis.instruments import _textblob_fast, _vader_fast
from analysis.instruments._textblob_fast import assess as _assess
from analysis.instruments._textblob_fast import mean as _mean
from analysis.instruments._textblob_fast import tokens as _tokens
from analysis.instruments.words import lexicon_entry
from analysis.jsonable import records

__all__ = [
    "ToneResult",
    "analyze_tone",
    "bootstrap_mean_ci",
    "lexicon_entry",
    "sentence_tone",
    "text_assessments",
    "textblob_sentiment",
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
#: The columns of ``ToneResult.unscored_loaded`` (filled by ``analysis.compare.unscored_loaded``).
UNSCORED_COLUMNS = ["article_id", "term", "category", "count", "score", "textblob_polarity", "why"]
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
# Sentences on their own
# ---------------------------------------------------------------------------------------------


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
    annotations: Sequence[Annotation] | None = None,
    neutral_band: float = NEUTRAL_BAND,
    window: int = 5,
    n_boot: int = 2000,
    seed: int = 0,
    mentions: pd.DataFrame | None = None,
) -> ToneResult:
    """Tone of each article, sentence and actor, by two lexicon instruments.

    Args:
        articles, sentences: the tables from ``analysis.load_corpus``.
        annotations: the articles' annotations (``analysis.annotate.annotate_many``, one per
            row of ``articles``, in order) if already made; made here when None.
        neutral_band: scores with ``|score| < neutral_band`` count as neutral when the two
            instruments' signs are compared.
        window: sentences in the rolling mean of the tone arc.
        n_boot, seed: bootstrap resamples for the actor intervals, and the random seed.
        mentions: actor mentions already found (``analysis.actors.actor_mentions``: discovered
            actors, extended by a user's actor table); found here when None.

    ``unscored_loaded`` is left empty: loaded words TextBlob cannot score need the wording lens
    too, so the comparison fills it (``analysis.compare.unscored_loaded``).

    What the numbers mean: the average lexicon score of the words each instrument knows.
    What they cannot see: words outside the lexicons, irony, quotation (a quoted insult counts
    as the article's), who is praised or blamed, and what an article leaves out. A mean over a
    handful of sentences (``small_sample``) is an anecdote, not a finding.
    """
    notes: list[str] = []
    if len(articles) == 1:
        notes.append("one article: these are its tone figures; a comparison needs two or more")
    if annotations is None:
        annotations = annotate_many(articles, sentences)
    article_rows: list[tuple[Any, ...]] = []
    sentence_rows: list[tuple[Any, ...]] = []
    word_rows: list[tuple[Any, ...]] = []
    assessment_rows: list[tuple[Any, ...]] = []
    ids = list(articles["article_id"])
    for article_id, annotation in zip(ids, annotations, strict=True):
        document, raw = annotation.document, annotation.with_boilerplate
        vader = [s.vader for s in annotation.sentences]
        n = len(annotation.sentences)
        for sentence in annotation.sentences:
            sent_id, found = sentence.sent_id, sentence.assessments
            sentence_rows.append(
                (
                    article_id,
                    sent_id,
                    sentence.polarity,
                    sentence.subjectivity,
                    sentence.vader,
                    len(found),
                    sent_id / (n - 1) if n > 1 else 0.0,
                    sentence.text,
                )
            )
            assessment_rows.extend((article_id, sent_id, term, p, s) for term, p, s in found)
        word_rows.extend((article_id, term, p, s) for term, p, s in document)
        article_rows.append(
            (
                article_id,
                annotation.polarity,
                annotation.subjectivity,
                _mean([p for _, p, _ in raw]),
                _mean([s for _, _, s in raw]),
                float(np.mean(vader)) if vader else math.nan,
                n,
                sum(1 for sentence in annotation.sentences if sentence.assessments),
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
        unscored_loaded=pd.DataFrame(columns=UNSCORED_COLUMNS),
        disagreements=disagreements,
        actors=actors,
        notes=notes,
    )
