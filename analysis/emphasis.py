"""Emphasis and sourcing: who gets the space and the lead, what each article is about, who is
cited and how, and what each article says that the others do not.

Bias lives as much in selection as in adjectives. This module measures selection:

- **Actors** (``actor_emphasis``): for each actor discovered in the articles (``analysis.discovery``:
  people, organisations, places and groups, merged by alias; a user's actor file can add or
  override), per article, how many mentions, the share of the article's sentences that mention it
  (0..1), the first sentence that does, and whether it is in the headline or the lead.
- **Topics**: an automatic view (``topic_clusters``): TF-IDF + k-means clusters of all sentences,
  labelled with the words a reader sees in them, which finds topics nobody wrote a keyword for;
  and, when the user passes a keyword file (``topics.csv`` beside the articles, or ``topics=``),
  which topics each sentence is about and each article's share of sentences per topic
  (``topic_emphasis``).
- **Sourcing** (``analysis.sourcing``): who is cited, with which verb and stance.
- **Shared and unique content** (``analysis.alignment``): aligned sentences across articles, the
  sentences with no counterpart, and the names and numbers only one article mentions.

Headline and lead: sentence 0 is the **headline** when its text is the article's title (the loader
keeps the title as the first line when a file has one). The **lead** is the first two sentences of
the body *after* the headline (``lead_sentences=2``): the journalist's lede, the part most readers
read. ``in_headline`` is reported separately, so "in the headline or the lead" is ``in_headline |
in_lead``.

What these measures cannot see: an actor referred to by a pronoun or a description ("the
president"), a topic worded outside the keyword file, how prominently a sentence is placed on the
page (pictures, pull quotes), and whether space given to an actor is friendly or hostile (see
``analysis.tone`` for that). Shares are shares of sentences, so one long sentence counts as much as
one short one.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from threadpoolctl import ThreadpoolController

from analysis.actors import actor_mentions
from analysis.alignment import (
    DEFAULT_THRESHOLD,
    compare_sentences,
    content_terms,
    omissions,
    tfidf,
)
from analysis.corpus import CorpusError, CorpusWarning
from analysis.jsonable import json_safe, records
from analysis.present import READABLE_ARTICLES
from analysis.sourcing import attribution_summary, find_sources
from analysis.text import WORD_PATTERN, normalize_token, stem

__all__ = [
    "EmphasisResult",
    "analyze_emphasis",
    "actor_emphasis",
    "actor_positions",
    "headline_flags",
    "sentence_topics",
    "topic_emphasis",
    "topic_clusters",
]

NO_TOPIC = "(no topic)"


# ---------------------------------------------------------------------------------------------
# Headline and lead
# ---------------------------------------------------------------------------------------------


def _norm_title(text: str) -> str:
    text = text.translate(str.maketrans("\u2019\u2018\u201c\u201d", "''\"\""))
    return re.sub(r"\s+", " ", text).strip().strip(".:;!? \"'").lower()


def headline_flags(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, lead_sentences: int = 2
) -> pd.DataFrame:
    """Per sentence: is it the headline, is it in the lead. Columns ``article_id, sent_id,
    is_headline, in_lead``.

    Sentence 0 is the headline when its text equals the article's title (case, quotes and final
    punctuation aside). The lead is the first ``lead_sentences`` sentences after the headline.
    """
    titles = pd.Series(
        list(articles["title"]) if "title" in articles.columns else [""] * len(articles),
        index=articles["article_id"].astype(str).to_numpy(),
    )
    frame = sentences[["article_id", "sent_id", "text"]].copy()
    frame["article_id"] = frame["article_id"].astype(str)
    first = frame[frame["sent_id"] == 0]
    title_norm = first["article_id"].map(titles).fillna("").astype(str).map(_norm_title)
    is_title = (first["text"].astype(str).map(_norm_title) == title_norm) & (title_norm != "")
    has_headline = pd.Series(False, index=frame.index)
    has_headline.loc[is_title.index[is_title.to_numpy()]] = True
    headline_articles = set(frame.loc[has_headline, "article_id"])
    first_body = frame["article_id"].isin(headline_articles).astype(int)
    frame["is_headline"] = has_headline.to_numpy()
    frame["in_lead"] = (frame["sent_id"] >= first_body) & (frame["sent_id"] < first_body + lead_sentences)
    return frame[["article_id", "sent_id", "is_headline", "in_lead"]].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------

_ACTOR_COLUMNS = [
    "article_id", "actor", "aliases", "kind", "mentions", "n_sentences", "share", "first_sent_id",
    "in_headline", "in_lead",
]


def _ids(articles: pd.DataFrame) -> list[str]:
    return [str(a) for a in articles["article_id"]]


def _sentence_counts(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    counts = sentences.assign(article_id=sentences["article_id"].astype(str)).groupby("article_id").size()
    return counts.reindex(_ids(articles)).fillna(0).astype(int)


def actor_emphasis(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    groups: pd.DataFrame | None = None,
    lead_sentences: int = 2,
) -> pd.DataFrame:
    """How much space and prominence each actor gets in each article.

    One row per article and per actor mentioned in *any* of the articles (zeros where an article
    never names it, so absences show); beyond ``READABLE_ARTICLES`` articles only the rows of
    actors an article names (the full grid grows with the square of the articles). Columns ``article_id, actor, aliases`` (the names the
    article uses for it, a list; empty where it never names it), ``kind`` (person, organisation,
    place, group), ``mentions, n_sentences`` (of
    the article's sentences that mention it), ``share`` (= n_sentences / sentences in the
    article, 0..1), ``first_sent_id`` (None if never), ``in_headline``, ``in_lead`` (see the
    module docstring). Cannot see pronouns or descriptions ("the president").
    """
    mentions = actor_mentions(sentences, groups=groups) if mentions is None else mentions
    ids = _ids(articles)
    if mentions.empty:
        return pd.DataFrame(columns=_ACTOR_COLUMNS)
    mentions = mentions.assign(article_id=mentions["article_id"].astype(str))
    mentions = mentions[mentions["article_id"].isin(ids)]
    flags = headline_flags(articles, sentences, lead_sentences=lead_sentences)
    marked = mentions.merge(flags, on=["article_id", "sent_id"], how="left")
    stats = marked.groupby(["article_id", "actor"]).agg(
        mentions=("alias", "size"),
        n_sentences=("sent_id", "nunique"),
        first_sent_id=("sent_id", "min"),
        in_headline=("is_headline", "any"),
        in_lead=("in_lead", "any"),
    )
    totals = mentions["actor"].value_counts()
    actors = sorted(totals.index, key=lambda a: (-int(totals[a]), a))
    if len(ids) <= READABLE_ARTICLES:
        grid = pd.MultiIndex.from_product([ids, actors], names=["article_id", "actor"])
    else:  # thousands of articles x thousands of actors: only the cells with a mention
        place = {a: i for i, a in enumerate(ids)}
        rank = {a: i for i, a in enumerate(actors)}
        cells = sorted(stats.index, key=lambda cell: (place[cell[0]], rank[cell[1]]))
        grid = pd.MultiIndex.from_tuples(cells, names=["article_id", "actor"])
    out = stats.reindex(grid).reset_index()
    out[["mentions", "n_sentences"]] = out[["mentions", "n_sentences"]].fillna(0).astype("int64")
    out[["in_headline", "in_lead"]] = out[["in_headline", "in_lead"]].fillna(False).astype(bool)
    kinds: pd.Series | dict[str, str] = (
        mentions.groupby("actor")["kind"].agg(lambda k: k.mode().iloc[0]) if "kind" in mentions.columns else {}
    )
    out["kind"] = out["actor"].map(kinds) if len(kinds) else "organisation"
    names = mentions.assign(alias=mentions["alias"].map(_bare_alias)).groupby(["article_id", "actor"])["alias"]
    aliases = names.agg(lambda a: list(pd.Series(a).value_counts(sort=True).index))
    alias_lists = aliases.to_dict()  # a dict lookup a row: pandas' get on a MultiIndex was N x actors slow
    out["aliases"] = [list(alias_lists.get((a, b), [])) for a, b in zip(out["article_id"], out["actor"], strict=True)]
    total = out["article_id"].map(_sentence_counts(articles, sentences))
    out["share"] = (out["n_sentences"] / total.where(total > 0)).fillna(0.0).astype(float)
    out["first_sent_id"] = out["first_sent_id"].astype("Int64")
    return out[_ACTOR_COLUMNS]


def _bare_alias(alias: str) -> str:
    alias = re.sub(r"\s+", " ", str(alias))
    return re.sub(r"(?<=\w)['\u2019]s?$", "", alias)


def actor_positions(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, mentions: pd.DataFrame | None = None,
    groups: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Where in each article each actor appears: ``article_id, actor, sent_id, start, position``.

    ``position`` is the mention's character offset divided by the body's length (0 = first word,
    1 = last word), so articles of different lengths share one scale.
    """
    mentions = actor_mentions(sentences, groups=groups) if mentions is None else mentions
    columns = ["article_id", "actor", "sent_id", "start", "position"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    lengths = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")["body"].str.len()
    out = mentions.assign(article_id=mentions["article_id"].astype(str))
    out = out[out["article_id"].isin(lengths.index)]
    out["position"] = (out["start"] / out["article_id"].map(lengths).clip(lower=1)).astype(float)
    return out[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------------------------


def _topic_regex(terms: list[str]) -> re.Pattern[str]:
    """Exact words, or prefixes for terms ending in ``*``; spaces match any whitespace."""
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        prefix = term.endswith("*")
        body = re.escape(term.rstrip("*").lower()).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w\-]*" if prefix else ""))
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])")


@lru_cache(maxsize=8)
def _compiled_topics(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    by_topic: dict[str, list[str]] = {}
    for term, topic in pairs:
        by_topic.setdefault(topic, []).append(term)
    return tuple((topic, _topic_regex(terms)) for topic, terms in by_topic.items())


def _topic_patterns(topics: pd.DataFrame | None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    if topics is None or len(topics) == 0:
        return ()
    frame = topics
    pairs = tuple((str(t).strip(), str(c).strip()) for t, c in zip(frame["term"], frame["category"], strict=True))
    return _compiled_topics(tuple(p for p in pairs if p[0]))


def sentence_topics(sentences: pd.DataFrame, *, topics: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which topics each sentence is about: ``article_id, sent_id, topic, hits, terms``.

    A sentence is about a topic when it contains one of the topic's keywords from the user's
    keyword table ``topics`` (``term, category``; ``topics.csv`` beside the articles, see
    :func:`event_topics`; none by default, so the table is empty) (``term`` ending in ``*`` matches as a prefix — "sanction*"
    finds sanctions and sanctioned — otherwise the exact word; case is ignored). A sentence can
    have several topics; ``terms`` lists the words that matched. Cannot see a topic worded
    without its keywords, and counts figurative uses ("a war of words").
    """
    text = sentences["text"].astype(str).str.lower().str.replace("\u2019", "'", regex=False)
    frames = []
    for topic, pattern in _topic_patterns(topics):
        found = text.str.findall(pattern)
        hits = found.map(len)
        mask = hits > 0
        if mask.any():
            frames.append(
                pd.DataFrame(
                    {
                        "article_id": sentences.loc[mask, "article_id"].astype(str).to_numpy(),
                        "sent_id": sentences.loc[mask, "sent_id"].to_numpy(),
                        "topic": topic,
                        "hits": hits[mask].to_numpy(),
                        "terms": found[mask].map(lambda ws: ", ".join(dict.fromkeys(re.sub(r"\s+", " ", w) for w in ws))).to_numpy(),
                    }
                )
            )
    if not frames:
        return pd.DataFrame(columns=["article_id", "sent_id", "topic", "hits", "terms"])
    return pd.concat(frames, ignore_index=True).sort_values(["article_id", "sent_id"], kind="stable").reset_index(drop=True)


#: The file name of an event's keyword topics, read from the articles' folder.
TOPIC_FILE = "topics.csv"


def read_topic_file(path) -> pd.DataFrame:
    """A keyword-topic table from a CSV file with columns ``term`` and ``category`` (the topic)."""
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CorpusError(path, f"cannot read the topic file ({type(err).__name__})") from None
    if not {"term", "category"} <= set(frame.columns):
        raise CorpusError(path, "a topic file needs the columns term and category (the topic)")
    return frame


def event_topics(articles: pd.DataFrame) -> pd.DataFrame | None:
    """The keyword topics in ``topics.csv`` beside the articles, or None when there is none."""
    folders = dict.fromkeys(Path(str(p)).parent for p in articles.get("path", []) if str(p))
    frames = [read_topic_file(f / TOPIC_FILE) for f in folders if (f / TOPIC_FILE).is_file()]
    return pd.concat(frames, ignore_index=True).drop_duplicates("term") if frames else None


def topic_emphasis(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, per_sentence: pd.DataFrame | None = None,
    topics: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each article's share of space per topic: ``article_id, topic, n_sentences, share``.

    Every article gets a row for every topic in the keyword table (zeros included), plus
    ``"(no topic)"`` for sentences no keyword matched — what the keyword file cannot see. Without
    a keyword table (``topics=None``) the result is empty: topics then come from the clusters.
    Shares do not sum to 1: a sentence can be about two topics.
    """
    per_sentence = sentence_topics(sentences, topics=topics) if per_sentence is None else per_sentence
    ids = _ids(articles)
    if not _topic_patterns(topics):
        return pd.DataFrame(columns=["article_id", "topic", "n_sentences", "share"])
    names = [t for t, _ in _topic_patterns(topics)] + [NO_TOPIC]
    counts = per_sentence.groupby(["article_id", "topic"])["sent_id"].nunique()
    grid = pd.MultiIndex.from_product([ids, names], names=["article_id", "topic"])
    out = counts.reindex(grid).fillna(0).astype("int64").rename("n_sentences").reset_index()
    total = _sentence_counts(articles, sentences)
    covered = per_sentence.groupby("article_id")["sent_id"].nunique().reindex(ids).fillna(0)
    none = out["topic"] == NO_TOPIC
    out.loc[none, "n_sentences"] = (total - covered).reindex(out.loc[none, "article_id"]).to_numpy().astype("int64")
    denominator = out["article_id"].map(total)
    out["share"] = (out["n_sentences"] / denominator.where(denominator > 0)).fillna(0.0).astype(float)
    return out


def _surface_words(texts: list[str]) -> dict[str, str]:
    """Each stem of ``content_terms`` -> the word form the texts use most for it ("vot" ->
    "vote"), so cluster labels are words a reader recognises."""
    forms: dict[str, Counter] = {}
    for text in texts:
        for m in WORD_PATTERN.finditer(text):
            word = normalize_token(m.group())
            written = m.group()[:-2] if word.endswith("'s") else m.group()
            word = word[:-2] if word.endswith("'s") else word
            # Lower case unless the texts write the word capitalised inside sentences (a name).
            forms.setdefault(stem(word), Counter())[written if m.start() > 0 else written.lower()] += 1
    return {stem: counter.most_common(1)[0][0] for stem, counter in forms.items()}


#: scikit-learn's k-means shares its work among OpenMP threads by chunks of 256 sentences. With
#: fewer than two chunks there is nothing to share, and the idle threads waiting for work burn CPU
#: (0.15 s of the 0.2 s of clustering the seed event's 58 sentences), so such k-means runs on one.
_ONE_THREAD_BELOW = 2 * 256


@lru_cache(maxsize=1)
def _thread_pools() -> ThreadpoolController:
    """The thread pools of the loaded native libraries (looked up once: the lookup costs ~10 ms)."""
    return ThreadpoolController()


def topic_clusters(
    sentences: pd.DataFrame, *, n_clusters: int | None = None, top_n: int = 6, random_state: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The automatic view of topics: k-means clusters of TF-IDF sentence vectors.

    Returns ``(assignments, clusters)``: ``assignments`` is ``article_id, sent_id, cluster,
    label``; ``clusters`` is ``cluster, label, top_terms, n_sentences``, the label being the
    cluster's three heaviest terms, each shown as the word form the texts use most ("vote", not
    the stem "vot"). All articles' sentences are clustered together, so a
    cluster found in one article only is content the others lack. ``n_clusters`` defaults to
    about sqrt(sentences / 2), between 2 and 8. Fixed ``random_state``: the same input gives
    the same clusters. What it cannot see: clusters are groups of shared words, not meanings; a
    different k gives different groups, and short sentences land wherever their one word pulls.
    """
    texts = sentences["text"].astype(str).tolist()
    assign_cols = ["article_id", "sent_id", "cluster", "label"]
    cluster_cols = ["cluster", "label", "top_terms", "n_sentences"]
    terms = [content_terms(t) for t in texts]
    has_words = [bool(t) for t in terms]
    if sum(has_words) < 2:
        return pd.DataFrame(columns=assign_cols), pd.DataFrame(columns=cluster_cols)
    matrix, vocab = tfidf(terms)
    k = n_clusters or int(np.clip(round(math.sqrt(len(texts) / 2)), 2, 8))
    k = max(1, min(k, sum(has_words), matrix.shape[1]))
    threads = 1 if matrix.shape[0] < _ONE_THREAD_BELOW else None  # None: as many as usual
    with _thread_pools().limit(limits=threads, user_api="openmp"):
        fitted = KMeans(n_clusters=k, n_init=10, random_state=random_state).fit(matrix)
    labels, centres = fitted.labels_, fitted.cluster_centers_
    surface = _surface_words(texts)
    rows = []
    for c, centre in enumerate(centres):
        top = [surface.get(str(t), str(t)) for t in vocab[np.argsort(centre)[::-1][:top_n]]]
        rows.append((c, ", ".join(top[:3]), top, int((labels == c).sum())))
    clusters = pd.DataFrame(rows, columns=cluster_cols)
    assignments = pd.DataFrame(
        {
            "article_id": sentences["article_id"].astype(str).to_numpy(),
            "sent_id": sentences["sent_id"].to_numpy(),
            "cluster": labels.astype("int64"),
        }
    )
    assignments["label"] = assignments["cluster"].map(clusters.set_index("cluster")["label"])
    return assignments, clusters


def _cluster_shares(articles: pd.DataFrame, sentences: pd.DataFrame, assignments: pd.DataFrame,
                    clusters: pd.DataFrame) -> pd.DataFrame:
    ids = _ids(articles)
    columns = ["article_id", "cluster", "label", "n_sentences", "share"]
    if clusters.empty:
        return pd.DataFrame(columns=columns)
    counts = assignments.groupby(["article_id", "cluster"]).size()
    grid = pd.MultiIndex.from_product([ids, clusters["cluster"].tolist()], names=["article_id", "cluster"])
    out = counts.reindex(grid).fillna(0).astype("int64").rename("n_sentences").reset_index()
    out["label"] = out["cluster"].map(clusters.set_index("cluster")["label"])
    total = out["article_id"].map(_sentence_counts(articles, sentences))
    out["share"] = (out["n_sentences"] / total.where(total > 0)).fillna(0.0).astype(float)
    return out[columns]


# ---------------------------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmphasisResult:
    """Every emphasis table for a set of articles (see ``analyze_emphasis``)."""

    actors: pd.DataFrame
    positions: pd.DataFrame
    topics: pd.DataFrame
    sentence_topics: pd.DataFrame
    clusters: pd.DataFrame
    sentence_clusters: pd.DataFrame
    cluster_shares: pd.DataFrame
    sources: pd.DataFrame
    attribution_summary: pd.DataFrame
    aligned: pd.DataFrame
    best_matches: pd.DataFrame
    unique: pd.DataFrame
    omissions: pd.DataFrame
    threshold: float = DEFAULT_THRESHOLD
    lead_sentences: int = 2
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The ``emphasis`` section of ``compare --json`` (DESIGN.md), plus extra keys."""
        return {
            "actors": records(self.actors, [
                "article_id", "actor", "aliases", "kind", "mentions", "share", "first_sent_id", "in_lead",
                "in_headline", "n_sentences",
            ]),
            "sources": records(self.sources, [
                "article_id", "sent_id", "source", "verb", "stance", "named", "kind", "start", "end",
            ]),
            "aligned": records(self.aligned, ["a_id", "a_sent_id", "b_id", "b_sent_id", "similarity"]),
            "unique": records(self.unique, ["article_id", "sent_id", "text", "best_similarity"]),
            "topics": records(self.topics, ["article_id", "topic", "n_sentences", "share"]),
            "sentence_topics": records(self.sentence_topics, ["article_id", "sent_id", "topic", "terms"]),
            "clusters": records(self.clusters, ["cluster", "label", "top_terms", "n_sentences"]),
            "cluster_shares": records(self.cluster_shares, ["article_id", "cluster", "label", "n_sentences", "share"]),
            "attribution": records(self.attribution_summary, [
                "article_id", "n_sentences", "n_attributed", "attributed_share", "n_sources", "n_named",
                "n_unnamed", "named_share", "n_neutral", "n_doubt", "n_endorse", "n_presuppose", "n_assert",
                "top_sources",
            ]),
            "omissions": records(self.omissions, [
                "article_id", "kind", "item", "surface", "sent_id", "present_in", "absent_from",
            ]),
            "threshold": json_safe(self.threshold),
            "lead_sentences": int(self.lead_sentences),
            "notes": list(self.notes),
        }


def analyze_emphasis(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    lead_sentences: int = 2,
    groups: pd.DataFrame | None = None,
    topics: pd.DataFrame | None = None,
    verbs: pd.DataFrame | None = None,
    clusters: bool = True,
    n_clusters: int | None = None,
    mentions: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    alignment: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame] | None = None,
) -> EmphasisResult:
    """Every emphasis measure for ``articles`` (two or more; see the module docstring).

    ``groups`` is a user actor table (``analysis.actors``) that extends discovery, ``topics`` a
    keyword-topic table (none by default), ``mentions`` actor mentions already found
    (``analysis.actors.actor_mentions``), ``sources`` the attributions already found (the
    articles' annotations, ``analysis.annotate.source_table``; ``verbs`` applies only when they
    are found here), ``alignment`` the ``(aligned, best_matches, unique)`` tables already made
    (``analysis.alignment.compare_sentences`` at ``threshold``). ``threshold`` is the sentence-alignment cut-off (``analysis.alignment.DEFAULT_THRESHOLD``);
    ``clusters=False`` skips the k-means topic view (the slowest part, and meaningless one article
    at a time). With one article the per-article tables are filled and the cross-article ones
    (aligned, unique, omissions) are empty, with a ``CorpusWarning`` and a note saying so.
    """
    notes: list[str] = []
    if len(articles) < 2:
        message = (
            f"{len(articles)} article(s): actors, topics and sources are measured, but there is "
            "nothing to align or compare against (aligned, unique and omissions are empty)"
        )
        warnings.warn(message, CorpusWarning, stacklevel=2)
        notes.append(message)
    mentions = actor_mentions(sentences, groups=groups) if mentions is None else mentions
    per_sentence = sentence_topics(sentences, topics=topics)
    if clusters:
        assignments, cluster_table = topic_clusters(sentences, n_clusters=n_clusters)
    else:
        assignments = pd.DataFrame(columns=["article_id", "sent_id", "cluster", "label"])
        cluster_table = pd.DataFrame(columns=["cluster", "label", "top_terms", "n_sentences"])
    if sources is None:
        sources = find_sources(sentences, verbs=verbs, mentions=mentions)
    if alignment is None:
        alignment = compare_sentences(articles, sentences, threshold=threshold)
    aligned, matches, unique = alignment
    return EmphasisResult(
        actors=actor_emphasis(articles, sentences, mentions=mentions, lead_sentences=lead_sentences),
        positions=actor_positions(articles, sentences, mentions=mentions),
        topics=topic_emphasis(articles, sentences, per_sentence=per_sentence, topics=topics),
        sentence_topics=per_sentence,
        clusters=cluster_table,
        sentence_clusters=assignments,
        cluster_shares=_cluster_shares(articles, sentences, assignments, cluster_table),
        sources=sources,
        attribution_summary=attribution_summary(articles, sentences, sources),
        aligned=aligned,
        best_matches=matches,
        unique=unique,
        omissions=omissions(articles, sentences, mentions=mentions),
        threshold=float(threshold),
        lead_sentences=int(lead_sentences),
        notes=notes,
    )
