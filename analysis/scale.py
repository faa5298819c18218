"""Corpus scale: the suite's per-article measures over thousands of articles, on every core,
and past one machine with Dask.

A class compares two articles; a newsroom or a researcher compares outlets over months. This
module computes, for each article, the same figures the notebooks show for one (one row an
article), then summarises them by outlet (or any column) with uncertainty:

- :func:`article_features`: the per-article function (one body in, a dict of numbers out), a
  reduction of the article's annotation (``analysis.annotate``: the same records ``compare``
  reads, so each figure has one definition): tone (TextBlob polarity and subjectivity of the
  body, VADER compound per sentence and its shares), wording cue rates per 1,000 words by
  category and by voice (the narrator's own words apart from the voices it quotes,
  :data:`analysis.voice.VOICE_RULE`), actor shares (share of sentences naming each actor of a
  user table), and sourcing (``analysis.sourcing.find_sources``: share of sentences attributed,
  share of attributions that name their source, doubt-casting attributions);
- :func:`features`: that function over an articles table or a stream of records (from
  ``analysis.loaders.iter_articles``), in batches spread over processes (the package's one
  pool, ``analysis.pool.map_batches``), with a progress bar,
  holding only the output table in memory;
- :func:`group_summary`: mean of every measure per group with a bootstrap interval over
  articles; :func:`group_distinctive_terms`: which words set each group apart (Monroe et al.
  log-odds with an informative Dirichlet prior, ``analysis.wording.distinctive_terms``);
- :func:`features_dask`: the same per-article function mapped over a Dask DataFrame's
  partitions — the way to run a corpus that does not fit on one machine (see its docstring);
- :func:`synthetic_corpus`: articles made by sampling sentences from given texts, with outlets
  that lean on different sources (for benchmarks, tests and teaching).

Only per-article numbers are computed here: nothing that compares articles sentence by sentence
(alignment, clusters), which does not scale to thousands of articles and answers another question.

What these figures cannot see: everything each instrument cannot see (see ``analysis.tone``,
``analysis.wording``, ``analysis.actors``, ``analysis.sourcing``), and, at the level of outlets,
*which* articles an outlet published: an outlet that covers more wars will look more negative
without describing any war more negatively. Compare like with like (one event, one period).
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from typing import Any

import numpy as np
import pandas as pd

from analysis.annotate import (
    ActorPairs,
    Annotation,
    actor_pairs,
    annotate_bodies,
    collector_paused,
    warm_up,
)
from analysis.boilerplate import clean_text
from analysis.categories import cue_categories
from analysis.pool import guided_batches, map_batches, worker_count
from analysis.progress import progress_bar
from analysis.text import WORD_PATTERN, sentence_spans
from analysis.tone import NEUTRAL_BAND, bootstrap_mean_ci
from analysis.voice import QUOTED
from analysis.wording import distinctive_terms, flag_threshold, term_counts

__all__ = [
    "annotation_features",
    "article_features",
    "batch_features",
    "feature_columns",
    "features",
    "features_dask",
    "group_distinctive_terms",
    "group_summary",
    "group_term_counts",
    "map_batches",
    "synthetic_corpus",
]

#: VADER compound beyond this is a positive (negative) sentence, as VADER's authors suggest.
VADER_BAND = 0.05
#: Columns never carried from the input to the feature table (text, and list-valued provenance).
_NOT_CARRIED = frozenset({"body", "boilerplate", "syndicators", "text"})

# ---------------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------------


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


@lru_cache(maxsize=8)
def _actors(pairs: ActorPairs = ()) -> tuple[tuple[str, str], ...]:
    """(actor, column) for every actor of the table, in file order."""
    names = list(dict.fromkeys(actor for actor, _ in pairs))
    return tuple((name, f"share_{_slug(name)}") for name in names)


_TONE = [
    "polarity",
    "subjectivity",
    "n_assessed",
    "scored_sentence_share",
    "vader_compound",
    "vader_negative_share",
    "vader_positive_share",
    "disagreement_share",
]


def _wording_columns() -> list[str]:
    """Cue rates: all cues, flags, and one column per category of the cue-category registry."""
    return ["cues_per_1000", "flags_per_1000", *[c.scale_column for c in cue_categories()]]


#: Cue rates by voice (:data:`analysis.voice.VOICE_RULE`): the narrator's, per 1,000 of the
#: narrator's words, are what the comparison's summary and report count by default.
_VOICE = [
    "narrator_words",
    "quoted_words",
    "quoted_word_share",
    "narrator_cues_per_1000",
    "narrator_flags_per_1000",
    "quoted_cues_per_1000",
    "quoted_flags_per_1000",
]
_SOURCING = ["attributed_share", "named_share", "doubt_share", "sources_per_1000"]


def feature_columns(actors: pd.DataFrame | None = None, *, _pairs: ActorPairs | None = None) -> list[str]:
    """The measure columns of :func:`features`, in order (fixed for one actor table): one
    ``share_<actor>`` column for each actor of ``actors``, none without it."""
    pairs = actor_pairs(actors) if _pairs is None else _pairs
    return [
        "n_words",
        "n_sentences",
        *_TONE,
        *_wording_columns(),
        *_VOICE,
        "n_actors",
        *[column for _, column in _actors(pairs)],
        *_SOURCING,
    ]


_INT_COLUMNS = ("n_words", "n_sentences", "n_assessed", "n_actors", "narrator_words", "quoted_words")


# ---------------------------------------------------------------------------------------------
# One article: its annotation reduced to numbers
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _flag_threshold() -> float:
    return flag_threshold()


def _tone_figures(annotation: Annotation) -> dict[str, float]:
    """Tone figures of one annotation (see :func:`article_features`). A sentence TextBlob scores
    nothing in has polarity 0.0, so only scored sentences can disagree with VADER: their polarity
    alone is computed, and only where VADER's compound is outside the neutral band."""
    sentences = annotation.sentences
    n = len(sentences)
    vader = [s.vader for s in sentences]
    scored_n = disagree = 0
    for sentence in sentences:
        if sentence.assessments:
            scored_n += 1
            v = sentence.vader
            if abs(v) >= NEUTRAL_BAND:
                p = sentence.polarity
                if abs(p) >= NEUTRAL_BAND and (p > 0) != (v > 0):
                    disagree += 1
    negative = positive = 0
    for v in vader:
        if v <= -VADER_BAND:
            negative += 1
        elif v >= VADER_BAND:
            positive += 1
    return {
        "polarity": annotation.polarity,
        "subjectivity": annotation.subjectivity,
        "n_assessed": len(annotation.document),
        "scored_sentence_share": scored_n / n if n else math.nan,
        "vader_compound": float(np.mean(vader)) if n else math.nan,
        "vader_negative_share": negative / n if n else math.nan,
        "vader_positive_share": positive / n if n else math.nan,
        "disagreement_share": disagree / n if n else math.nan,
    }


def _wording_figures(annotation: Annotation, threshold: float) -> dict[str, float]:
    """Cue rates per 1,000 words, all voices together and by voice."""
    cues = annotation.cues
    per = max(annotation.n_words, 1) / 1000
    flags = [c.score >= threshold for c in cues]
    counts = Counter(c.category for c in cues)
    out = {"cues_per_1000": len(cues) / per, "flags_per_1000": sum(flags) / per}
    for category in cue_categories():
        out[category.scale_column] = counts.get(category.name, 0) / per
    # By voice, as ``analysis.wording.cue_summary`` counts them: the narrator per 1,000 of the
    # narrator's words (at least one), quoted voices per 1,000 quoted words (0 when none).
    narrator, quoted = annotation.narrator_words, annotation.quoted_words
    in_quote = [c.voice == QUOTED for c in cues]
    n_quoted = sum(in_quote)
    quoted_flags = sum(f for f, q in zip(flags, in_quote, strict=True) if q)
    out["narrator_words"] = narrator
    out["quoted_words"] = quoted
    out["quoted_word_share"] = quoted / annotation.n_words if annotation.n_words else math.nan
    out["narrator_cues_per_1000"] = (len(cues) - n_quoted) / (max(narrator, 1) / 1000)
    out["narrator_flags_per_1000"] = (sum(flags) - quoted_flags) / (max(narrator, 1) / 1000)
    out["quoted_cues_per_1000"] = n_quoted / (quoted / 1000) if quoted > 0 else 0.0
    out["quoted_flags_per_1000"] = quoted_flags / (quoted / 1000) if quoted > 0 else 0.0
    return out


def _actor_figures(annotation: Annotation, pairs: ActorPairs = ()) -> dict[str, float]:
    sentences_with: Counter[str] = Counter()
    seen = set()
    for mention in annotation.mentions:
        if (mention.sent_id, mention.actor) not in seen:
            seen.add((mention.sent_id, mention.actor))
            sentences_with[mention.actor] += 1
    n = len(annotation.sentences)
    out: dict[str, float] = {"n_actors": len(sentences_with)}
    for name, column in _actors(pairs):
        out[column] = sentences_with.get(name, 0) / n if n else math.nan
    return out


def _sourcing_figures(annotation: Annotation) -> dict[str, float]:
    sources = annotation.sources
    n = len(annotation.sentences)
    found = len(sources)
    named = sum(s.named for s in sources)
    doubt = sum(s.stance == "doubt" for s in sources)
    attributed = len({s.sent_id for s in sources})
    return {
        "attributed_share": attributed / n if n else math.nan,
        "named_share": named / found if found else math.nan,
        "doubt_share": doubt / found if found else math.nan,
        "sources_per_1000": found / (max(annotation.n_words, 1) / 1000),
    }


def annotation_features(annotation: Annotation, *, actors: pd.DataFrame | None = None,
                        _pairs: ActorPairs | None = None) -> dict[str, float]:
    """An :class:`analysis.annotate.Annotation` reduced to the numbers of :func:`article_features`
    (the one definition of each per-article measure at corpus scale)."""
    pairs = actor_pairs(actors) if _pairs is None else _pairs
    row: dict[str, float] = {"n_words": annotation.n_words, "n_sentences": len(annotation.sentences)}
    row.update(_tone_figures(annotation))
    row.update(_wording_figures(annotation, _flag_threshold()))
    row.update(_actor_figures(annotation, pairs))
    row.update(_sourcing_figures(annotation))
    return row


def batch_features(
    bodies: Sequence[str], *, clean: bool = False, actors: pd.DataFrame | None = None, _pairs: ActorPairs | None = None
) -> list[dict[str, float]]:
    """:func:`article_features` of several bodies at once (the unit of work of a process):
    the bodies are annotated together (``analysis.annotate``), then each annotation is reduced
    to its numbers; every article's figures are its own."""
    if clean:
        bodies = [clean_text(body).body for body in bodies]
    pairs = actor_pairs(actors) if _pairs is None else _pairs
    with collector_paused():  # the annotations die here: never walked by the collector
        return [annotation_features(a, _pairs=pairs) for a in annotate_bodies(bodies, pairs=pairs)]


def article_features(body: str, *, clean: bool = False, actors: pd.DataFrame | None = None) -> dict[str, float]:
    """Every per-article measure of one article body, as a dict (see :func:`feature_columns`).

    Each is a reduction of the article's annotation (:func:`analysis.annotate.annotate`), the
    same records ``compare`` reads, so a figure here and in a comparison has one definition.

    - ``n_words``, ``n_sentences``: words (``analysis.text``) and sentences of the body;
    - ``polarity``, ``subjectivity``: TextBlob's figure for the body (exactly
      ``TextBlob(body).sentiment``), ``n_assessed`` the words behind it;
      ``scored_sentence_share`` the share of sentences holding any word TextBlob knows;
    - ``vader_compound``: mean VADER compound of the sentences; ``vader_negative_share`` /
      ``vader_positive_share``: share of sentences beyond ±0.05; ``disagreement_share``: share
      of sentences where TextBlob and VADER point opposite ways;
    - ``<category>_per_1000``: wording cues per 1,000 words (loaded, label, attribution, hedge,
      booster, naming), ``cues_per_1000`` all of them, ``flags_per_1000`` those at or above the
      flag threshold — every voice together;
    - by voice (:data:`analysis.voice.VOICE_RULE`): ``narrator_words`` and ``quoted_words`` (the
      body's words outside and inside quotations, including clearly attributed reported speech),
      ``quoted_word_share``; ``narrator_cues_per_1000`` and ``narrator_flags_per_1000`` count the
      outlet's own words per 1,000 narrator words (the rates the comparison's summary and report
      count by default, ``analysis.wording.cue_summary``); ``quoted_cues_per_1000`` and
      ``quoted_flags_per_1000`` the quoted voices per 1,000 quoted words (0 when nothing is quoted);
    - ``share_<actor>``: share of sentences naming each actor of a user actor table ``actors``
      (``actor, term``; e.g. an event's ``actors.csv``), ``n_actors`` how many of them are named
      at all (0 without a table: discovering actors per article is left to ``compare``, which
      is too slow for thousands of articles);
    - ``attributed_share`` (sentences with an attribution), ``named_share`` and ``doubt_share``
      (of attributions; NaN when there are none), ``sources_per_1000``.

    With ``clean=True`` boilerplate is split off first (as the loaders do). An empty body gives
    zeros and NaN shares. What this cannot see: what each instrument cannot see; a rate per
    1,000 words in a 100-word article moves by 10 for each cue; a quotation the voice rules miss
    counts as the narrator's.
    """
    return batch_features([body], clean=clean, actors=actors)[0]


# ---------------------------------------------------------------------------------------------
# Many articles, on every core
# ---------------------------------------------------------------------------------------------


def _features_batch(args: tuple[list[str], bool, ActorPairs]) -> list[dict[str, float]]:
    bodies, clean, pairs = args
    return batch_features(bodies, clean=clean, _pairs=pairs)



def _records(articles: pd.DataFrame | Iterable[Mapping[str, Any]] | Iterable[pd.DataFrame]) -> Iterator[dict]:
    if isinstance(articles, pd.DataFrame):
        for first in range(0, len(articles), 1000):
            yield from articles.iloc[first : first + 1000].to_dict(orient="records")
        return
    for item in articles:
        if isinstance(item, pd.DataFrame):
            yield from item.to_dict(orient="records")
        else:
            yield dict(item)


def _carried(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: v
        for k, v in record.items()
        if k not in _NOT_CARRIED and not isinstance(v, (list, tuple, dict, np.ndarray))
    }


def _progress(total: int | None, progress: bool | None, desc: str) -> Any:
    return progress_bar(total=total, enabled=progress, unit="article", desc=desc)


def features(
    articles: pd.DataFrame | Iterable[Mapping[str, Any]] | Iterable[pd.DataFrame],
    *,
    n_jobs: int | None = -1,
    batch_size: int = 40,
    progress: bool | None = None,
    clean: bool = False,
    text_column: str = "body",
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row an article: its metadata and every measure of :func:`article_features`.

    Args:
        articles: an articles table (``article_id``, ``body`` and any metadata such as
            ``outlet``, ``date``), or an iterable of such records or of such tables (e.g.
            ``analysis.loaders.iter_articles(path)``): records are read as they are needed, so a
            stream never sits in memory whole.
        n_jobs: processes (-1: one per core). Results do not depend on it.
        batch_size: articles sent to a process at a time (the last few batches shorter on
            several processes, see ``analysis.pool.guided_batches``).
        progress: show a progress bar (default: in a terminal or Jupyter; see ``analysis.progress``).
        clean: split boilerplate off each body first (the loaders already do).
        text_column: the column holding the text.
        actors: a user actor table (``actor, term``) whose actors get ``share_<actor>`` columns.

    Returns ``article_id``, the input's metadata columns (lists such as ``boilerplate`` are left
    out), then :func:`feature_columns`. Memory grows with this table only.

    >>> table = features(articles, n_jobs=-1)  # doctest: +SKIP
    """
    total = len(articles) if isinstance(articles, pd.DataFrame) else None
    if isinstance(articles, pd.DataFrame) and text_column not in articles.columns:
        raise ValueError(f"features needs a {text_column!r} column of article text")
    metas: list[dict[str, Any]] = []
    pairs = actor_pairs(actors)

    def batches() -> Iterator[tuple[list[str], bool, ActorPairs]]:
        counter = 0
        # the last batches shorter, so the processes finish together (analysis.pool.guided_batches)
        for chunk in guided_batches(_records(articles), batch_size, workers=worker_count(n_jobs)):
            bodies = []
            for record in chunk:
                counter += 1
                meta = _carried(record)
                meta.setdefault("article_id", f"article-{counter}")
                metas.append(meta)
                body = record.get(text_column)
                bodies.append("" if body is None or (isinstance(body, float) and math.isnan(body)) else str(body))
            yield bodies, clean, pairs

    rows: list[dict[str, float]] = []
    with _progress(total, progress, "features") as bar:
        for result in map_batches(_features_batch, batches(), n_jobs=n_jobs, warm_up=warm_up):
            rows.extend(result)
            bar.update(len(result))
    columns = feature_columns(_pairs=pairs)
    measures = pd.DataFrame.from_records(rows, columns=columns)
    if not len(measures):
        measures = pd.DataFrame({c: pd.Series(dtype="float64") for c in columns})
    measures = measures.astype({c: ("int64" if c in _INT_COLUMNS else "float64") for c in columns})
    meta = pd.DataFrame.from_records(metas) if metas else pd.DataFrame({"article_id": pd.Series(dtype=str)})
    meta = meta.drop(columns=[c for c in meta.columns if c in columns])
    first = ["article_id"] + [c for c in meta.columns if c != "article_id"]
    return pd.concat([meta[first].reset_index(drop=True), measures], axis=1)


# ---------------------------------------------------------------------------------------------
# Groups: summaries with uncertainty, distinctive terms
# ---------------------------------------------------------------------------------------------


def group_summary(
    table: pd.DataFrame,
    *,
    by: str = "outlet",
    measures: Sequence[str] | None = None,
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean of each measure per group, with a bootstrap interval over the group's articles.

    Returns a tidy table ``<by>, measure, n, mean, ci_low, ci_high`` (``n`` articles with a value;
    NaN shares, e.g. ``named_share`` of an article without attributions, are left out). The
    interval resamples articles, so it says how much a group's mean would move with another
    sample of its articles. What it cannot see: how the articles were chosen (a group's mean is
    about *these* articles), and differences in what each group covers.
    """
    if by not in table.columns:
        raise ValueError(f"group_summary: no column {by!r} to group by")
    known = feature_columns()
    measures = list(measures) if measures is not None else [
        c for c in table.columns if c in known or c.startswith("share_")
    ]
    long = table[[by, *measures]].melt(id_vars=[by], var_name="measure", value_name="value")
    long["value"] = long["value"].astype(float)
    out = bootstrap_mean_ci(long, value="value", by=[by, "measure"], n_boot=n_boot, level=level, seed=seed)
    order = {m: i for i, m in enumerate(measures)}
    out = out.sort_values(["measure", by], key=lambda s: s.map(order) if s.name == "measure" else s)
    return out.reset_index(drop=True)


def _term_counts_batch(args: tuple[list[str], list[str], tuple[int, ...]]) -> tuple[int, pd.Series]:
    groups, bodies, ngrams = args
    # Each article is counted on its own (a phrase never spans two articles), then summed by group.
    counts = term_counts(pd.DataFrame({"article_id": range(len(bodies)), "body": bodies}), ngrams=ngrams)
    counts["group"] = np.asarray(groups, dtype=object)[counts["article_id"].to_numpy(dtype=int)]
    return len(bodies), counts.groupby(["group", "term", "n"], sort=False)["count"].sum()


def group_term_counts(
    articles: pd.DataFrame | Iterable[Mapping[str, Any]],
    *,
    by: str = "outlet",
    ngrams: tuple[int, ...] = (1, 2),
    n_jobs: int | None = -1,
    batch_size: int = 200,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Word and two-word-phrase counts per group: ``<by>, term, n, count``, streamed.

    Counted with ``analysis.wording.term_counts`` article by article, summed per group.
    """
    total = len(articles) if isinstance(articles, pd.DataFrame) else None

    def batches() -> Iterator[tuple[list[str], list[str], tuple[int, ...]]]:
        records = _records(articles)
        while chunk := list(islice(records, batch_size)):
            yield [str(r.get(by, "")) for r in chunk], [str(r.get("body", "")) for r in chunk], ngrams

    summed: pd.Series | None = None
    with _progress(total, progress, "term counts") as bar:
        for done, part in map_batches(_term_counts_batch, batches(), n_jobs=n_jobs, warm_up=warm_up):
            summed = part if summed is None else summed.add(part, fill_value=0)
            bar.update(done)
    if summed is None:
        return pd.DataFrame(columns=[by, "term", "n", "count"])
    out = summed.astype("int64").rename("count").reset_index().rename(columns={"group": by})
    return out.sort_values([by, "count", "term"], ascending=[True, False, True]).reset_index(drop=True)


def group_distinctive_terms(
    articles: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None,
    *,
    by: str = "outlet",
    counts: pd.DataFrame | None = None,
    top_n: int | None = 15,
    min_count: int = 5,
    n_jobs: int | None = -1,
    **options: Any,
) -> pd.DataFrame:
    """Terms that set each group apart from the other groups pooled (Monroe et al. 2008).

    The articles of a group are pooled into one count table (:func:`group_term_counts`, or
    ``counts`` if already computed), then compared with ``analysis.wording.distinctive_terms``
    (log-odds ratio with an informative Dirichlet prior, z-score). Returns ``<by>, term, n,
    count, count_rest, per_1000, delta, z``. Extra ``options`` go to ``distinctive_terms``.

    The z-score is the uncertainty: about 2 or more means more use than chance and general usage
    suggest. With thousands of articles almost any difference reaches a high z: read ``delta``
    (the size of the difference, in log-odds) and ``per_1000`` beside it. What it cannot see:
    meaning; a term is distinctive when a group simply covers more of a topic.
    """
    if counts is None:
        if articles is None:
            raise ValueError("group_distinctive_terms needs articles or counts")
        counts = group_term_counts(articles, by=by, n_jobs=n_jobs)
    frame = counts.rename(columns={by: "article_id"})
    frame["article_id"] = frame["article_id"].astype(str)
    out = distinctive_terms(frame, top_n=None, min_count=min_count, **options)
    # Highest z first within each group (in the groups' order), then the top_n of each.
    order = {g: i for i, g in enumerate(dict.fromkeys(frame["article_id"]))}
    out = out.assign(_g=out["article_id"].map(order)).sort_values(["_g", "z", "term"], ascending=[True, False, True])
    if top_n is not None:
        out = out.groupby("_g", sort=False).head(top_n)
    return out.drop(columns="_g").rename(columns={"article_id": by}).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Past one machine: Dask
# ---------------------------------------------------------------------------------------------


def _features_partition(
    part: pd.DataFrame, *, text_column: str, id_column: str, clean: bool, partition_info: dict | None = None
) -> pd.DataFrame:
    part = part.reset_index(drop=True)
    if id_column not in part.columns:
        number = (partition_info or {}).get("number", 0)
        part = part.assign(**{id_column: [f"p{number}-{i}" for i in range(len(part))]})
    if id_column != "article_id":
        part = part.rename(columns={id_column: "article_id"})
    return features(part, n_jobs=1, progress=False, clean=clean, text_column=text_column)


def features_dask(
    frame: Any, *, text_column: str = "body", id_column: str = "article_id", clean: bool = True
) -> Any:
    """:func:`features` over a Dask DataFrame, one partition at a time: a lazy Dask DataFrame.

    This is the way to measure a corpus that does not fit on one machine: Dask reads it in
    partitions (for instance ``dask.dataframe.read_json("articles-*.jsonl", lines=True,
    blocksize="64MB")``, see ``analysis.loaders.load_dask``), ships :func:`article_features` to
    its workers — processes on this machine, or a cluster via ``dask.distributed.Client`` — and
    returns one row an article. Group summaries need only that table, which is small: compute it
    (``.compute()``) or aggregate it in Dask.

    ``clean`` splits boilerplate off each text (on by default: text read straight from a file
    has not been through the loaders). Without an ``id_column``, ids are ``p<partition>-<row>``.

    >>> from dask.distributed import Client; client = Client()  # doctest: +SKIP
    >>> table = features_dask(load_dask("articles.jsonl")).compute()  # doctest: +SKIP
    """
    meta = _features_partition(
        frame._meta_nonempty, text_column=text_column, id_column=id_column, clean=clean
    ).iloc[:0]
    return frame.map_partitions(
        _features_partition, text_column=text_column, id_column=id_column, clean=clean, meta=meta
    )


# ---------------------------------------------------------------------------------------------
# A generated corpus
# ---------------------------------------------------------------------------------------------


def synthetic_corpus(
    texts: Sequence[str] | Mapping[str, str],
    *,
    n_articles: int,
    outlets: int | Sequence[str] | None = None,
    own_share: float = 0.75,
    sentences: tuple[int, int] = (20, 45),
    paragraph: int = 3,
    seed: int = 0,
    start_date: str = "2025-01-01",
) -> Iterator[dict[str, object]]:
    """Yield ``n_articles`` article records made by sampling sentences from ``texts``.

    Outlet ``j`` takes each sentence from source text ``j`` (cycling through the texts) with
    probability ``own_share`` and from all texts pooled otherwise, so outlets differ the way
    their sources differ: a known answer to check group comparisons against. Each record has
    ``article_id, outlet, date, title, body, source`` (``source``: the text the outlet leans on).
    Generated lazily: a corpus of any size costs no memory.

    What it cannot make: real articles; sentences are real, their order and company are not.
    """
    items = list(texts.items()) if isinstance(texts, Mapping) else [(f"text {i + 1}", t) for i, t in enumerate(texts)]
    pools = []
    for name, text in items:
        body = clean_text(text).body
        found = [body[s:e] for s, e in sentence_spans(body)]
        found = [s for s in found if WORD_PATTERN.search(s)]
        if found:
            pools.append((name, found))
    if not pools:
        raise ValueError("synthetic_corpus needs texts with at least one sentence")
    if outlets is None:
        outlets = len(pools)
    names = [f"outlet {chr(65 + i)}" for i in range(outlets)] if isinstance(outlets, int) else list(outlets)
    everything = [s for _, found in pools for s in found]
    rng = random.Random(seed)
    day0 = pd.Timestamp(start_date)
    for i in range(n_articles):
        j = i % len(names)
        source_name, own = pools[j % len(pools)]
        k = rng.randint(*sentences)
        picked = [rng.choice(own) if rng.random() < own_share else rng.choice(everything) for _ in range(k)]
        paragraphs = [" ".join(picked[p : p + paragraph]) for p in range(0, k, paragraph)]
        yield {
            "article_id": f"synthetic-{i:06d}",
            "outlet": names[j],
            "date": (day0 + pd.Timedelta(days=i % 365)).date().isoformat(),
            "title": picked[0][:120],
            "body": "\n".join(paragraphs),
            "source": source_name,
        }
